import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { editSettings } from '@/utils/data/edit-settings';
import { eraseAll, read, readSettings } from '@/utils/data/storage';
import { restamp, whoWins, type SettingsClock } from '@/utils/data/sync-clock';
import { getField, SETTINGS_FIELDS } from '@/utils/settings/fields';
import { settingsArb } from './export-arbitraries';

const NOW = Date.parse('2026-11-24T21:00:00Z');

beforeEach(async () => {
  await eraseAll();
});

describe('editSettings stamps the fields it changed, in the same transaction', () => {
  it('stamps a changed field with the moment of the edit, and no other', async () => {
    await editSettings({ limitMinutes: 20, weeklyGoal: 3 }, NOW);
    // weeklyGoal was already 3: nothing changed there, so nothing to win with.
    expect(await read('settings-clock')).toEqual({ limitMinutes: { at: NOW, json: '20' } });
    await editSettings({ 'prompts.saved': ['care_01'] }, NOW + 1000);
    expect((await read('settings-clock'))?.['prompts.saved']).toEqual({
      at: NOW + 1000,
      json: '["care_01"]',
    });
  });

  it('stamps nothing for a refused edit', async () => {
    const result = await editSettings({ limitMinutes: 500 }, NOW);
    expect(result.ok).toBe(false);
    expect(await read('settings-clock')).toBeUndefined();
  });

  it('keeps a field’s stamps rising when the clock goes back', async () => {
    await editSettings({ limitMinutes: 20 }, NOW);
    await editSettings({ limitMinutes: 25 }, NOW - 3_600_000);
    expect((await read('settings-clock'))?.limitMinutes).toEqual({ at: NOW + 1, json: '25' });
  });

  it('stamps what changed when the edit is a function of the stored settings', async () => {
    await editSettings(
      { 'schedule.3': { weekday: 3, enabled: false, start: '20:00', end: '23:00' } },
      NOW,
    );
    await editSettings(
      (current) => ({ 'schedule.3': { ...current.schedule[3]!, start: '21:00' } }),
      NOW + 5,
    );
    expect((await read('settings-clock'))?.['schedule.3']?.at).toBe(NOW + 5);
    expect((await readSettings()).schedule[3]).toMatchObject({ enabled: false, start: '21:00' });
  });
});

describe('restamp', () => {
  it('stamps exactly the fields whose value is not what their stamp (or the baseline) says', () => {
    fc.assert(
      fc.property(settingsArb, settingsArb, (before, after) => {
        const clock = restamp(undefined, after, before, NOW) ?? {};
        for (const field of SETTINGS_FIELDS) {
          const changed =
            JSON.stringify(getField(after, field)) !== JSON.stringify(getField(before, field));
          expect(clock[field] !== undefined).toBe(changed);
          if (changed) expect(clock[field]!.json).toBe(JSON.stringify(getField(after, field)));
        }
        // Restamping what the clock already says changes nothing.
        expect(restamp(clock, after, before, NOW + 1)).toBeNull();
      }),
      { numRuns: 40 },
    );
  });
});

describe('whoWins', () => {
  const clock: SettingsClock = {
    limitMinutes: { at: 100, json: '20' },
    weeklyGoal: { at: 300, json: '4' },
    'prompts.keepLight': { at: 200, json: 'true' },
  };

  it('pulls later stamps, pushes later local ones, breaks ties the same way on both sides', () => {
    const { pull, push } = whoWins(clock, {
      limitMinutes: { at: 200, value: 30 },
      weeklyGoal: { at: 250, value: 5 },
      'prompts.keepLight': { at: 200, value: false },
      partnerName: { at: 1, value: 'Sam' },
    });
    expect(pull).toEqual([
      { field: 'limitMinutes', value: 30, at: 200, json: '30' },
      { field: 'partnerName', value: 'Sam', at: 1, json: '"Sam"' },
    ]);
    // 'true' > 'false': this computer's value wins the tie, and the other side agrees.
    expect(push).toEqual(['weeklyGoal', 'prompts.keepLight']);
    const theirs = whoWins(
      { 'prompts.keepLight': { at: 200, json: 'false' } },
      { 'prompts.keepLight': { at: 200, value: true } },
    );
    expect(theirs.pull.map((w) => w.field)).toEqual(['prompts.keepLight']);
  });

  it('never sends a field this computer never changed', () => {
    expect(whoWins(undefined, {}).push).toEqual([]);
    expect(whoWins({}, { limitMinutes: { at: 5, value: 3 } }).push).toEqual([]);
  });
});
