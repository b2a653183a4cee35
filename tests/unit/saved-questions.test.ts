import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { editSettings } from '@/utils/data/edit-settings';
import { eraseAll, readEvening, readSettings, updateEvening } from '@/utils/data/storage';
import { anotherPrompt, somethingLighter } from '@/utils/engine/evening-actions';
import { observe } from '@/utils/engine/evening-engine';
import { askTonight, promptDateAt, savedQuestion, withSaved } from '@/utils/engine/saved-questions';
import { handlers } from '@/utils/engine/worker';
import { newEveningRecord } from '@/utils/evening/record';
import { PROMPTS, promptById } from '@/utils/prompts/library';
import { nudgePrompt, tonightsPrompt } from '@/utils/prompts/selection';
import { MAX_SAVED_PROMPTS, defaultSettings } from '@/utils/settings/settings';
import { addDays } from '@/utils/time/schedule';
import { buildTonightView } from '@/utils/views/tonight-view';
import { promptView } from '@/utils/views/prompt-view';
import { fakeIdle, keyI18n } from './fake-apis';

const zone = 'UTC';

/** The message of a `notifications.create(id, options)` call (the spy is typed for one overload). */
const messageOf = (call: unknown) => ((call as unknown[])[1] as { message: string }).message;

beforeEach(async () => {
  await eraseAll();
  Object.assign(fakeBrowser, {
    idle: fakeIdle(),
    // The key stands in for the text, so a notification shows which prompt it carries.
    i18n: keyI18n(),
  });
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => []);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the star (prompts.saved)', () => {
  it('appends a saved id, newest last, once; unsaving removes it', () => {
    expect(withSaved(['a_01', 'b_02'], 'c_03', true)).toEqual(['a_01', 'b_02', 'c_03']);
    expect(withSaved(['a_01', 'b_02'], 'a_01', true)).toEqual(['b_02', 'a_01']);
    expect(withSaved(['a_01', 'b_02'], 'a_01', false)).toEqual(['b_02']);
    expect(withSaved(['a_01'], 'z_09', false)).toEqual(['a_01']);
  });

  it('is saved by the worker as a field-level edit: a change to another field made meanwhile stays', async () => {
    await Promise.all([
      handlers['save-prompt']({ id: 'care_19', saved: true }),
      editSettings({ 'prompts.keepLight': true }),
      handlers['save-prompt']({ id: 'ritual_07', saved: true }),
    ]);
    let settings = await readSettings();
    expect(settings.prompts.keepLight).toBe(true);
    expect(new Set(settings.prompts.saved)).toEqual(new Set(['care_19', 'ritual_07']));
    await expect(handlers['save-prompt']({ id: 'care_19', saved: false })).resolves.toEqual({
      ok: true,
    });
    settings = await readSettings();
    expect(settings.prompts.saved).toEqual(['ritual_07']);
    expect(settings.prompts.keepLight).toBe(true);
  });

  it('is refused, changing nothing, past the most that can be saved', async () => {
    const full = Array.from({ length: MAX_SAVED_PROMPTS }, (_, i) => `care_${100 + i}`);
    await editSettings({ 'prompts.saved': full });
    await expect(handlers['save-prompt']({ id: 'care_19', saved: true })).resolves.toEqual({
      ok: false,
    });
    expect((await readSettings()).prompts.saved).toEqual(full);
  });

  it('shows on the prompt: saved or not', () => {
    const settings = { ...defaultSettings().prompts, saved: ['care_19'] };
    const view = promptView('2026-11-23', settings, { promptAsked: 'care_19' });
    expect(view).toMatchObject({ id: 'care_19', saved: true, text: 'prompt_care_19' });
    expect(view.followUp).toBe('prompt_care_19_followup');
    expect(promptView('2026-11-23', settings, { promptAsked: 'care_01' }).saved).toBe(false);
  });
});

describe('"Something lighter" through the worker', () => {
  it('makes the evening\'s prompt a light one for every surface, keeping "another one" presses', async () => {
    const settings = defaultSettings();
    const date = '2026-11-23';
    await updateEvening(date, () => ({
      ...newEveningRecord(date, zone),
      promptAsked: 'emotional_01',
      promptOffset: 0,
    }));
    expect(promptById('emotional_01')?.light).toBe(false);
    await expect(handlers.lighter({ date })).resolves.toEqual({ ok: true });
    const record = await readEvening(date);
    expect(record?.promptLighterAt).toBe(0);
    const view = promptView(date, settings.prompts, record ?? null);
    expect(view.id).not.toBe('emotional_01');
    expect(promptById(view.id)?.light).toBe(true);
  });

  it("creates the evening's record when there is none yet", async () => {
    await handlers.lighter({ date: '2026-11-24' });
    expect(await readEvening('2026-11-24')).toMatchObject({
      date: '2026-11-24',
      promptLighterAt: 0,
    });
  });
});

describe('a saved question the library no longer has (retired, or from a newer export)', () => {
  it('is listed as retired on the history page, and can still be removed', () => {
    expect(promptById('care_07')).toBeUndefined();
    expect(savedQuestion('care_07')).toBeNull();
    expect(savedQuestion('care_19')).toEqual({
      id: 'care_19',
      category: 'care',
      text: 'prompt_care_19',
      tender: false,
    });
    expect(savedQuestion('emotional_05')?.tender).toBe(true);
    expect(withSaved(['care_07', 'care_19'], 'care_07', false)).toEqual(['care_19']);
  });

  it('stays in the settings, which still pass the schema (the export keeps it)', async () => {
    const result = await editSettings({ 'prompts.saved': ['care_07', 'care_19'] });
    expect(result.ok).toBe(true);
    expect((await readSettings()).prompts.saved).toEqual(['care_07', 'care_19']);
  });

  it('asked for tonight in an old record, leaves the evening its usual prompt', () => {
    const settings = defaultSettings().prompts;
    expect(promptView('2026-11-23', settings, { promptAsked: 'ritual_02' }).id).toBe(
      tonightsPrompt('2026-11-23', settings).id,
    );
  });
});

describe('"Ask this tonight"', () => {
  it('puts the question first on that evening’s record, keeping what else it holds', async () => {
    await updateEvening('2026-11-24', () => ({
      ...newEveningRecord('2026-11-24', zone),
      screenMinutes: 7,
      promptOffset: 3,
      promptLighterAt: 2,
    }));
    await askTonight('2026-11-24', zone, 'care_19');
    const record = await readEvening('2026-11-24');
    expect(record).toMatchObject({ screenMinutes: 7, promptOffset: 0, promptAsked: 'care_19' });
    expect(record).not.toHaveProperty('promptLighterAt');
    expect(tonightsPrompt('2026-11-24', defaultSettings().prompts, record).id).toBe('care_19');
  });

  it('goes to the evening the popup and new tab show the prompt for, at any moment', () => {
    const settings = defaultSettings();
    const sparse = defaultSettings();
    sparse.schedule = sparse.schedule.map((w) => ({
      ...w,
      enabled: w.weekday === 2 || w.weekday === 5,
      start: '21:30',
      end: '01:00',
    }));
    const instant = fc.integer({
      min: Date.parse('2026-01-01T00:00:00Z'),
      max: Date.parse('2027-12-31T00:00:00Z'),
    });
    fc.assert(
      fc.property(instant, fc.constantFrom(settings, sparse), (now, s) => {
        const view = buildTonightView(s, [], now, zone, 1);
        expect(promptDateAt(now, zone, s.schedule)).toBe(view.promptDate);
      }),
      { numRuns: 60 },
    );
  });
});

describe('"Something lighter" on the record', () => {
  it('remembers where it was pressed; "another one" then stays light', async () => {
    const prompts = defaultSettings().prompts;
    let date = '2026-11-01';
    while (tonightsPrompt(date, prompts).light) date = addDays(date, 1);
    await anotherPrompt(date, zone);
    await anotherPrompt(date, zone);
    const before = tonightsPrompt(date, prompts, await readEvening(date));
    await somethingLighter(date, zone);
    const record = await readEvening(date);
    expect(record?.promptLighterAt).toBe(2);
    const lighter = tonightsPrompt(date, prompts, record);
    expect(lighter.light).toBe(true);
    expect(lighter).not.toBe(before);
    await anotherPrompt(date, zone);
    expect(tonightsPrompt(date, prompts, await readEvening(date)).light).toBe(true);
  });
});

describe('nudges', () => {
  it('never carry a tender prompt: on a tender evening the notification has the next gentle one', async () => {
    const prompts = defaultSettings().prompts;
    let date = '2026-11-01';
    while (!tonightsPrompt(date, prompts).tender) date = addDays(date, 1);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${date}T20:01:00Z`));
    await observe();
    expect(created).toHaveBeenCalledTimes(1);
    const message = messageOf(created.mock.calls[0]);
    const gentle = nudgePrompt(date, prompts);
    expect(message).toBe(gentle.key);
    expect(message).not.toBe(tonightsPrompt(date, prompts).key);
    expect(PROMPTS.find((p) => p.key === message)?.tender).toBe(false);
  });

  it('carry the question asked for the evening, even in the heads-up before it starts', async () => {
    const date = '2026-11-24';
    await askTonight(date, zone, 'care_19');
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${date}T19:50:00Z`));
    await observe();
    expect(created).toHaveBeenCalledTimes(1);
    expect(created.mock.calls[0]![0]).toBe(`closer-nudge:${date}:heads-up`);
    expect(messageOf(created.mock.calls[0])).toBe('prompt_care_19');
  });

  it('with "Keep it light for now", never a tender one on any evening', async () => {
    const prompts = { ...defaultSettings().prompts, keepLight: true };
    for (let d = 0; d < 60; d++) {
      expect(nudgePrompt(addDays('2026-11-01', d), prompts).tender).toBe(false);
      expect(tonightsPrompt(addDays('2026-11-01', d), prompts).tender).toBe(false);
    }
  });
});
