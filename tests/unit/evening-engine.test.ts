import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARMS, ensureAlarms, observe, putDown } from '@/utils/engine/evening-engine';
import { eveningOn, nextEvening } from '@/utils/time/schedule';
import { defaultSettings } from '@/utils/settings/settings';
import { eraseAll, read, readEvening, readSettings, writeSettings } from '@/utils/data/storage';
import { fakeIdle, keyI18n } from './fake-apis';

// The process runs in UTC (vitest.config.ts), so the worker's zone is UTC here.
const zone = 'UTC';
const MINUTE = 60_000;
let idleState: 'active' | 'idle' | 'locked' = 'active';
let audible = false;

beforeEach(async () => {
  await eraseAll();
  idleState = 'active';
  audible = false;
  // The fake browser has no idle API and no i18n; give the worker what it asks for.
  Object.assign(fakeBrowser, {
    idle: fakeIdle(() => idleState),
    i18n: keyI18n(),
  });
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () =>
    audible ? [{ audible: true } as never] : [],
  );
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

async function minutesPass(count: number) {
  for (let i = 0; i < count; i += 1) {
    vi.setSystemTime(Date.now() + MINUTE);
    await observe();
  }
}

describe('observe', () => {
  it('counts evening minutes, shows them on the badge and keeps a one-minute tick', async () => {
    vi.setSystemTime(new Date('2026-11-24T20:05:00Z'));
    await observe();
    await minutesPass(10);
    expect((await readEvening('2026-11-24'))?.screenMinutes).toBe(10);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('10');
    const tick = await fakeBrowser.alarms.get(ALARMS.tick);
    expect(tick?.periodInMinutes).toBe(1);
    expect(await fakeBrowser.alarms.get(ALARMS.next)).toBeFalsy();
  });

  it('keeps counting after the worker restarts: state lives in storage', async () => {
    vi.setSystemTime(new Date('2026-11-24T20:05:00Z'));
    await observe();
    await minutesPass(5);
    // A restart is a fresh module state; nothing in memory matters, so observing again resumes.
    fakeBrowser.reset();
    Object.assign(fakeBrowser, { idle: { queryState: async () => 'active' } });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    await minutesPass(5);
    expect((await readEvening('2026-11-24'))?.screenMinutes).toBe(10);
  });

  it('outside the evening clears the badge and leaves one non-periodic alarm', async () => {
    vi.setSystemTime(new Date('2026-11-24T12:00:00Z'));
    await observe();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    const all = await fakeBrowser.alarms.getAll();
    expect(all.map((a) => a.name)).toEqual([ALARMS.next]);
    expect(all[0]!.periodInMinutes).toBeUndefined();
    // The heads-up is on by default, so the alarm is 15 minutes before 20:00.
    expect(all[0]!.scheduledTime).toBe(Date.parse('2026-11-24T19:45:00Z'));
  });

  it('decides the evening when it ends, and counts the badge as warm above the limit', async () => {
    vi.setSystemTime(new Date('2026-11-24T22:40:00Z'));
    await observe();
    await minutesPass(19);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('19');
    // #8F5B12, the warm token.
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x8f, 0x5b, 0x12, 255]);
    await minutesPass(2);
    const record = await readEvening('2026-11-24');
    expect(record?.status).toBe('over');
    expect(record?.screenMinutes).toBe(20);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('sends the evening-start nudge once, with the prompt, and counts it', async () => {
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    vi.setSystemTime(new Date('2026-11-24T20:01:00Z'));
    await observe();
    await minutesPass(3);
    expect(created).toHaveBeenCalledTimes(1);
    expect(created.mock.calls[0]![0]).toBe('closer-nudge:2026-11-24:evening-start');
    expect((await readEvening('2026-11-24'))?.nudges).toBe(1);
  });

  it('sends nothing while idle, and nothing after "Putting it down"', async () => {
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    idleState = 'idle';
    vi.setSystemTime(new Date('2026-11-24T20:01:00Z'));
    await observe();
    await minutesPass(3);
    expect(created).not.toHaveBeenCalled();
    await putDown(Date.now(), zone, await readSettings());
    idleState = 'active';
    await minutesPass(3);
    expect(created).not.toHaveBeenCalled();
    expect((await readEvening('2026-11-24'))?.putDownAt).toBeTruthy();
  });

  it('counts audible time with no input, but never while locked', async () => {
    vi.setSystemTime(new Date('2026-11-24T21:00:00Z'));
    idleState = 'idle';
    audible = true;
    await observe();
    await minutesPass(5);
    idleState = 'locked';
    await minutesPass(5);
    expect((await readEvening('2026-11-24'))?.screenMinutes).toBe(6);
  });
});

describe('ensureAlarms', () => {
  it('leaves an alarm that is already right alone (re-creating would restart it)', async () => {
    const settings = defaultSettings();
    const now = Date.parse('2026-11-24T20:10:00Z');
    const evening = eveningOn('2026-11-24', zone, settings.schedule);
    await ensureAlarms(now, evening, nextEvening(now, zone, settings.schedule), settings);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await ensureAlarms(now + 30_000, evening, nextEvening(now, zone, settings.schedule), settings);
    expect(create).not.toHaveBeenCalled();
  });

  it('aims at the start itself when the heads-up is switched off', async () => {
    const settings = defaultSettings();
    settings.nudges.kinds['heads-up'] = false;
    await writeSettings(settings);
    const now = Date.parse('2026-11-24T12:00:00Z');
    await ensureAlarms(now, null, nextEvening(now, zone, settings.schedule), settings);
    expect((await fakeBrowser.alarms.get(ALARMS.next))?.scheduledTime).toBe(
      Date.parse('2026-11-24T20:00:00Z'),
    );
    expect(await read('settings')).toBeTruthy();
  });
});
