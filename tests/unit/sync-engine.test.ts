import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARMS, observe, putDown } from '@/utils/engine/evening-engine';
import { registerWorker } from '@/utils/engine/worker';
import { eraseAll, read, readEvening, readSettings } from '@/utils/data/storage';
import { startSync } from '@/utils/data/sync';
import { encodeEvenings, fieldItem } from '@/utils/data/sync-format';
import type { EveningRecord } from '@/utils/evening/record';
import { defaultSettings } from '@/utils/settings/settings';
import { fakeIdle } from './fake-apis';

// The process runs in UTC (vitest.config.ts), so the worker's zone is UTC here.
const MINUTE = 60_000;
const TONIGHT = '2026-11-24';

beforeEach(async () => {
  await eraseAll();
  Object.assign(fakeBrowser, {
    idle: fakeIdle(),
    // Substitutions show in the text, so a nudge's minutes can be read back.
    i18n: {
      getMessage: (key: string, subs?: string | string[]) =>
        [key, ...[subs ?? []].flat()].join(' '),
      getUILanguage: () => 'en',
    },
  });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Another computer's evening tonight, as it would have synced it. */
function theirs(seconds: number, computer = 'desktop1'): Record<string, string> {
  const record: EveningRecord = {
    date: TONIGHT,
    screenMinutes: Math.floor(seconds / 60),
    screenSeconds: seconds,
    status: 'in-progress',
    nudges: 0,
    checkIns: [],
  };
  return encodeEvenings(computer, [record]);
}

async function minutesPass(count: number) {
  for (let i = 0; i < count; i += 1) {
    vi.setSystemTime(Date.now() + MINUTE);
    await observe();
  }
}

describe('with sync on, the worker counts tonight on every computer', () => {
  beforeEach(async () => {
    vi.setSystemTime(new Date(`${TONIGHT}T20:30:00Z`));
    await startSync(Date.now());
  });

  it('shows the merged minutes on the badge, warm once the sum is over the limit', async () => {
    await fakeBrowser.storage.sync.set(theirs(12 * 60));
    await observe();
    await minutesPass(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('14');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x3f, 0x6b, 0x4b, 255]);
    await minutesPass(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('16');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x8f, 0x5b, 0x12, 255]);
    // This computer's own record holds only its own minutes.
    expect((await readEvening(TONIGHT))!.screenMinutes).toBe(4);
  });

  it('sends the limit nudges by the merged minutes', async () => {
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await observe();
    await minutesPass(3);
    expect(created.mock.calls.map((call) => call[0])).toEqual([
      `closer-nudge:${TONIGHT}:evening-start`,
    ]);
    // The desktop has had 10 minutes: with 4 here, 14 of a 15-minute limit.
    await fakeBrowser.storage.sync.set(theirs(10 * 60));
    await minutesPass(1);
    expect(created.mock.calls.at(-1)![0]).toBe(`closer-nudge:${TONIGHT}:five-left`);
    await fakeBrowser.storage.sync.set(theirs(20 * 60));
    await minutesPass(2);
    expect(created.mock.calls.at(-1)![0]).toBe(`closer-nudge:${TONIGHT}:over-limit`);
    // "You've been on for 26 minutes tonight": 6 here and 20 on the desktop.
    const [, options] = created.mock.calls.at(-1) as unknown[];
    expect(options).toMatchObject({ title: 'nudge_title_over_limit 26' });
  });

  it('after "Putting it down", waits for this computer’s use, not the others’', async () => {
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await observe();
    await minutesPass(3);
    await putDown(Date.now(), 'UTC', await readSettings());
    created.mockClear();
    // Another computer goes far over the limit meanwhile; this one is used for 2 minutes.
    await fakeBrowser.storage.sync.set(theirs(40 * 60));
    await minutesPass(2);
    expect(created).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('45');
  });

  it('follows a schedule another computer changed, in the same observation', async () => {
    const settings = defaultSettings();
    settings.schedule[2] = { weekday: 2, enabled: true, start: '21:00', end: '23:00' };
    await fakeBrowser.storage.sync.set(
      Object.fromEntries([fieldItem(settings, 'schedule.2', Date.now())]),
    );
    await observe();
    // 24 November 2026 is a Tuesday: at 20:30 the evening has not started yet.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await fakeBrowser.alarms.get(ALARMS.next))?.scheduledTime).toBe(
      Date.parse(`${TONIGHT}T20:45:00Z`),
    );
    expect((await readSettings()).schedule[2]!.start).toBe('21:00');
  });

  it('goes on counting when sync fails: badge, nudges and alarms as without it', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('Sync unavailable'));
    await observe();
    await minutesPass(3);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect((await fakeBrowser.alarms.get(ALARMS.tick))?.periodInMinutes).toBe(1);
    expect((await read('sync'))!.problem).toBe('unavailable');
  });
});

describe('the worker’s wiring', () => {
  it('observes when another computer syncs, reading everything afresh', async () => {
    vi.setSystemTime(new Date(`${TONIGHT}T20:30:00Z`));
    await startSync(Date.now());
    registerWorker();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('0'));
    await fakeBrowser.storage.sync.set(theirs(25 * 60));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('25'));
    // Anything else in sync is not Closer's business.
    const observed = vi.spyOn(fakeBrowser.idle, 'queryState');
    await fakeBrowser.storage.sync.set({ unrelated: 1 });
    await fakeBrowser.storage.local.set({ 's.limitMinutes': [1, 2] });
    expect(observed).not.toHaveBeenCalled();
  });
});
