import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { editSettings } from '@/utils/data/edit-settings';
import {
  eraseAll,
  importData,
  read,
  readEvening,
  readEveningsMerged,
  readSettings,
  updateEvening,
} from '@/utils/data/storage';
import {
  eraseEverything,
  finishLeaving,
  readSyncStatus,
  startSync,
  stopSync,
  syncStep,
  WRITE_EVERY_MS,
} from '@/utils/data/sync';
import {
  encodeEvenings,
  fieldItem,
  itemBytes,
  QUOTA_BYTES,
  type SyncState,
} from '@/utils/data/sync-format';
import type { EveningRecord } from '@/utils/evening/record';
import { defaultSettings } from '@/utils/settings/settings';
import { enforceChromeQuotas, type SyncLog } from './chrome-sync';
import { createPairCode } from '@/utils/settings/pair-code';

/** A valid pair code (the schema checks its words and check word). */
const PAIR_CODE = createPairCode((buffer) => buffer.fill(7));

const zone = 'UTC';
const MINUTE = 60_000;
/** 21:00 on 24 November 2026, inside the default 20:00–23:00 evening. */
const EVENING = Date.parse('2026-11-24T21:00:00Z');

let sync: SyncLog;

beforeEach(async () => {
  await eraseAll();
  sync = enforceChromeQuotas();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(EVENING);
});

afterEach(() => {
  vi.useRealTimers();
});

function evening(date: string, seconds: number, extra: Partial<EveningRecord> = {}): EveningRecord {
  return {
    date,
    screenMinutes: Math.floor(seconds / 60),
    screenSeconds: seconds,
    status: 'in-progress',
    nudges: 0,
    checkIns: [],
    ...extra,
  };
}

async function state(): Promise<SyncState> {
  return (await read('sync'))!;
}

/** This computer's evening items in sync right now. */
async function ourItems(): Promise<Record<string, unknown>> {
  const { computer } = await state();
  const items = await sync.items();
  return Object.fromEntries(
    Object.entries(items).filter(([key]) => key.startsWith(`e.${computer}.`)),
  );
}

describe('turning sync on', () => {
  it('writes this computer’s evenings and the settings changed here at once', async () => {
    await updateEvening('2026-11-23', () =>
      evening('2026-11-23', 600, { status: 'distraction-free', limitMinutes: 15 }),
    );
    await updateEvening('2026-11-24', () => evening('2026-11-24', 300));
    await editSettings({ limitMinutes: 20 }, EVENING - 10 * MINUTE);
    await startSync(EVENING);
    await syncStep(EVENING, zone, true);
    const items = await sync.items();
    expect(items['s.limitMinutes']).toEqual([EVENING - 10 * MINUTE, 20]);
    // A field never changed here is not sent: another computer's choice would win anyway.
    expect(items['s.weeklyGoal']).toBeUndefined();
    const { computer } = await state();
    expect(computer).toMatch(/^[a-z0-9]{8}$/);
    expect(await ourItems()).toEqual(
      encodeEvenings(computer, [
        evening('2026-11-23', 600, { status: 'distraction-free', limitMinutes: 15 }),
        evening('2026-11-24', 300),
      ]),
    );
    expect((await state()).lastWriteAt).toBe(EVENING);
  });

  it('counts settings changed before sync existed (no stamp) as changed when it is turned on', async () => {
    await importData({ ...defaultSettings(), weeklyGoal: 5 }, []);
    await startSync(EVENING);
    await syncStep(EVENING, zone, true);
    expect((await sync.items())['s.weeklyGoal']).toEqual([EVENING, 5]);
  });

  it('is this computer’s choice: it is kept locally and never synced', async () => {
    await startSync(EVENING);
    await syncStep(EVENING, zone, true);
    expect(JSON.stringify(await sync.items())).not.toContain('enabled');
    expect(await readSyncStatus()).toEqual({
      enabled: true,
      leaving: false,
      problem: null,
      computers: 0,
    });
  });

  it('does nothing at all while it is off', async () => {
    await updateEvening('2026-11-24', () => evening('2026-11-24', 300));
    await editSettings({ limitMinutes: 20 });
    expect(await syncStep(EVENING, zone, true)).toEqual({
      settings: null,
      elsewhere: undefined,
      changed: false,
    });
    expect(sync.writes).toEqual([]);
    expect(await sync.items()).toEqual({});
  });
});

describe('writing this computer’s evenings', () => {
  beforeEach(async () => {
    await startSync(EVENING);
  });

  it('during an evening, at most every 5 minutes, decided from the stored time of the last write', async () => {
    for (let minute = 0; minute <= 60; minute++) {
      const now = EVENING + minute * MINUTE;
      vi.setSystemTime(now);
      await updateEvening('2026-11-24', () => evening('2026-11-24', minute * 60));
      await syncStep(now, zone, true);
    }
    // Minutes 0, 5, 10, … 60.
    expect(sync.writes).toHaveLength(13);
    const gaps = sync.writes.slice(1).map((t, i) => t - sync.writes[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(WRITE_EVERY_MS);
  });

  it('writes nothing when nothing changed, however often it is asked', async () => {
    await updateEvening('2026-11-24', () => evening('2026-11-24', 60));
    await syncStep(EVENING, zone, true);
    for (let i = 1; i <= 30; i++) await syncStep(EVENING + i * WRITE_EVERY_MS, zone, true);
    expect(sync.writes).toHaveLength(1);
  });

  it('when the evening ends, at once', async () => {
    await updateEvening('2026-11-24', () => evening('2026-11-24', 60));
    await syncStep(EVENING, zone, true);
    await updateEvening('2026-11-24', () =>
      evening('2026-11-24', 120, { status: 'distraction-free', limitMinutes: 15 }),
    );
    // One minute later the evening has ended: the decided evening goes out without waiting.
    await syncStep(EVENING + MINUTE, zone, false);
    expect(sync.writes).toHaveLength(2);
    expect(Object.values(await ourItems())).toEqual([expect.stringMatching(/d120\/15$/)]);
  });

  it('a three-hour evening observed every minute stays far under Chrome’s write quotas', async () => {
    for (let minute = 0; minute < 180; minute++) {
      vi.setSystemTime(EVENING + minute * MINUTE);
      await updateEvening('2026-11-24', () => evening('2026-11-24', minute * 45));
      // A settings change now and then, as a user might make.
      if (minute % 40 === 0) await editSettings({ weeklyGoal: 1 + ((minute / 40) % 7) });
      await syncStep(Date.now(), zone, true);
    }
    const perHour = Math.max(
      ...sync.writes.map((t) => sync.writes.filter((u) => u >= t && u - t < 3_600_000).length),
    );
    expect(perHour).toBeLessThanOrEqual(12 + 2);
    expect((await state()).problem).toBeNull();
  });

  it('keeps 26 weeks and takes older blocks out of sync, whoever left them', async () => {
    const old = encodeEvenings('gonepc01', [evening('2026-01-05', 60)]);
    await fakeBrowser.storage.sync.set(old);
    await updateEvening('2026-01-06', () => evening('2026-01-06', 60, { status: 'over' }));
    await updateEvening('2026-11-24', () => evening('2026-11-24', 60));
    await syncStep(EVENING, zone, true);
    const items = await sync.items();
    for (const key of Object.keys(old)) expect(items[key]).toBeUndefined();
    expect(Object.keys(await ourItems())).toHaveLength(1);
  });
});

describe('settings, last change wins per field', () => {
  beforeEach(async () => {
    await startSync(EVENING - 60 * MINUTE);
  });

  it('applies a field another computer changed later, and keeps one this computer changed later', async () => {
    await editSettings({ limitMinutes: 25 }, EVENING - 30 * MINUTE);
    const settings = { ...defaultSettings(), limitMinutes: 40, weeklyGoal: 6 };
    await fakeBrowser.storage.sync.set(
      Object.fromEntries([
        fieldItem(settings, 'limitMinutes', EVENING - 40 * MINUTE),
        fieldItem(settings, 'weeklyGoal', EVENING - 20 * MINUTE),
      ]),
    );
    const outcome = await syncStep(EVENING, zone, true);
    const stored = await readSettings();
    expect(stored.limitMinutes).toBe(25);
    expect(stored.weeklyGoal).toBe(6);
    expect(outcome.settings).toEqual(stored);
    // Ours was later: it goes out, and the other computers will take it.
    expect((await sync.items())['s.limitMinutes']).toEqual([EVENING - 30 * MINUTE, 25]);
    expect((await sync.items())['s.weeklyGoal']).toEqual([EVENING - 20 * MINUTE, 6]);
  });

  it('two computers editing different fields both keep their change', async () => {
    await editSettings({ weeklyGoal: 2 }, EVENING - 5 * MINUTE);
    const theirs = { ...defaultSettings(), limitMinutes: 30 };
    await fakeBrowser.storage.sync.set(
      Object.fromEntries([fieldItem(theirs, 'limitMinutes', EVENING - 4 * MINUTE)]),
    );
    await syncStep(EVENING, zone, true);
    const stored = await readSettings();
    expect([stored.weeklyGoal, stored.limitMinutes]).toEqual([2, 30]);
  });

  it('on the same stamp, both computers pick the same value', async () => {
    const at = EVENING - 5 * MINUTE;
    await editSettings({ limitMinutes: 30 }, at);
    await fakeBrowser.storage.sync.set({ 's.limitMinutes': [at, 40] });
    await syncStep(EVENING, zone, true);
    // "40" > "30" as JSON: the greater wins on either computer.
    expect((await readSettings()).limitMinutes).toBe(40);
  });

  it.each([
    ['a limit out of range', 's.limitMinutes', 500],
    ['a broken window', 's.schedule.3', { weekday: 3, enabled: true, start: '25:00', end: '1' }],
    [
      'a window for another weekday',
      's.schedule.3',
      { weekday: 4, enabled: true, start: '20:00', end: '22:00' },
    ],
    ['a pair code of the wrong form', 's.pairCode', 'Not A Code'],
    ['an unknown prompt category', 's.prompts.favour', ['romance']],
    ['a value of the wrong type', 's.nudges.enabled', 'yes'],
  ])('ignores %s, never storing it', async (_name, key, value) => {
    const before = await readSettings();
    const clock = await read('settings-clock');
    await fakeBrowser.storage.sync.set({ [key]: [EVENING, value] });
    await expect(syncStep(EVENING, zone, true)).resolves.toMatchObject({ settings: null });
    expect(await readSettings()).toEqual(before);
    expect(await read('settings-clock')).toEqual(clock);
  });

  it('applies fields that only pass together (a category moved from hidden to favoured)', async () => {
    await editSettings({ 'prompts.hide': ['care'] }, EVENING - 30 * MINUTE);
    await fakeBrowser.storage.sync.set({
      's.prompts.favour': [EVENING - MINUTE, ['care']],
      's.prompts.hide': [EVENING - MINUTE, []],
    });
    await syncStep(EVENING, zone, true);
    const { prompts } = await readSettings();
    expect([prompts.favour, prompts.hide]).toEqual([['care'], []]);
  });

  it('sends settings an import changed, stamped when it noticed', async () => {
    await importData({ ...defaultSettings(), weeklyGoal: 7, pairCode: PAIR_CODE }, []);
    await syncStep(EVENING, zone, true);
    const items = await sync.items();
    expect(items['s.weeklyGoal']).toEqual([EVENING, 7]);
    expect(items['s.pairCode']).toEqual([EVENING, PAIR_CODE]);
  });

  it('syncs saved prompts and the pair code like any field', async () => {
    await editSettings(
      { 'prompts.saved': ['care_01', 'ritual_02'], pairCode: PAIR_CODE },
      EVENING - MINUTE,
    );
    await syncStep(EVENING, zone, true);
    const items = await sync.items();
    expect(items['s.prompts.saved']).toEqual([EVENING - MINUTE, ['care_01', 'ritual_02']]);
    expect(items['s.pairCode']).toEqual([EVENING - MINUTE, PAIR_CODE]);
  });
});

describe('the other computers’ evenings', () => {
  it('are kept locally for the pages (without this computer’s own), and merged there', async () => {
    await startSync(EVENING);
    await updateEvening('2026-11-24', () => evening('2026-11-24', 12 * 60));
    await fakeBrowser.storage.sync.set({
      ...encodeEvenings('otherpc1', [
        evening('2026-11-23', 12 * 60, { status: 'distraction-free', limitMinutes: 15 }),
        evening('2026-11-24', 12 * 60),
      ]),
    });
    await syncStep(EVENING, zone, true);
    // Our own items came back through sync too: they are not counted twice.
    await syncStep(EVENING + WRITE_EVERY_MS, zone, true);
    const elsewhere = (await read('elsewhere'))!;
    expect(elsewhere.computers).toBe(1);
    expect(Object.keys(elsewhere.evenings).sort()).toEqual(['2026-11-23', '2026-11-24']);
    const merged = await readEveningsMerged('2026-11-23', '2026-11-24', 15);
    const byDate = Object.fromEntries(merged.map((e) => [e.date, e]));
    expect(byDate['2026-11-24']!.screenMinutes).toBe(24);
    expect(byDate['2026-11-23']!.status).toBe('distraction-free');
    // This computer's own record is untouched.
    expect((await readEvening('2026-11-24'))!.screenMinutes).toBe(12);
  });

  it('a step says when it changed what the pages show: news from elsewhere, not our own echo', async () => {
    await startSync(EVENING);
    await updateEvening('2026-11-24', () => evening('2026-11-24', 12 * 60));
    await syncStep(EVENING, zone, true);
    // Our own evenings come back through sync: nothing new for the pages.
    expect((await syncStep(EVENING + WRITE_EVERY_MS, zone, true)).changed).toBe(false);
    await fakeBrowser.storage.sync.set(
      encodeEvenings('otherpc1', [evening('2026-11-23', 5 * 60, { status: 'distraction-free' })]),
    );
    expect((await syncStep(EVENING + 2 * WRITE_EVERY_MS, zone, true)).changed).toBe(true);
    expect((await syncStep(EVENING + 3 * WRITE_EVERY_MS, zone, true)).changed).toBe(false);
    const theirs = { ...defaultSettings(), weeklyGoal: 6 };
    await fakeBrowser.storage.sync.set(
      Object.fromEntries([fieldItem(theirs, 'weeklyGoal', EVENING + 3 * WRITE_EVERY_MS)]),
    );
    const outcome = await syncStep(EVENING + 4 * WRITE_EVERY_MS, zone, true);
    expect([outcome.changed, outcome.settings?.weeklyGoal]).toEqual([true, 6]);
  });
});

describe('a full quota or no sync at all', () => {
  beforeEach(async () => {
    await startSync(EVENING);
    await updateEvening('2026-11-24', () => evening('2026-11-24', 600));
  });

  it('never loses local data, is noted once, and clears when a write works again', async () => {
    const set = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(syncStep(EVENING, zone, true)).resolves.toBeTruthy();
    expect((await state()).problem).toBe('quota');
    expect((await state()).lastWriteAt).toBe(0);
    expect((await readEvening('2026-11-24'))!.screenSeconds).toBe(600);
    expect((await readSyncStatus()).problem).toBe('quota');
    set.mockRestore();
    sync = enforceChromeQuotas();
    await syncStep(EVENING + MINUTE, zone, true);
    expect((await state()).problem).toBeNull();
    expect(Object.keys(await ourItems())).toHaveLength(1);
  });

  it('fills Chrome’s quota with other computers’ items, and says so', async () => {
    // Other computers' items (unreadable ones, even) leave 10 bytes free.
    const filler: Record<string, string> = {};
    let free = QUOTA_BYTES;
    for (let i = 0; free > 10; i++) {
      const key = `e.filler${String(i).padStart(2, '0')}.99999`;
      const value = 'x'.repeat(Math.min(8_000, free - 10 - key.length - 2));
      filler[key] = value;
      free -= itemBytes(key, value);
    }
    await fakeBrowser.storage.sync.set(filler);
    await syncStep(EVENING, zone, true);
    expect((await state()).problem).toBe('quota');
    expect(await readEvening('2026-11-24')).toBeTruthy();
  });

  it.each([
    [
      'sync refuses to read',
      () => {
        const get = vi
          .spyOn(fakeBrowser.storage.sync, 'get')
          .mockRejectedValue(new Error('Sync is disabled by policy'));
        return () => get.mockRestore();
      },
    ],
    [
      'the browser has no storage.sync',
      () => {
        const { storage } = fakeBrowser;
        Object.assign(fakeBrowser, { storage: undefined });
        return () => Object.assign(fakeBrowser, { storage });
      },
    ],
  ])('%s: noted as unavailable, and the step goes on without it', async (_name, breakIt) => {
    const repair = breakIt();
    await expect(syncStep(EVENING, zone, true)).resolves.toEqual({
      settings: null,
      elsewhere: undefined,
      changed: false,
    });
    repair();
    expect((await state()).problem).toBe('unavailable');
    expect((await readEvening('2026-11-24'))!.screenSeconds).toBe(600);
  });
});

describe('turning sync off', () => {
  beforeEach(async () => {
    await startSync(EVENING);
    await editSettings({ limitMinutes: 20 }, EVENING);
    await updateEvening('2026-11-24', () => evening('2026-11-24', 600));
  });

  it('keeps every local record and takes this computer’s items out; the others’ stay', async () => {
    const theirs = encodeEvenings('otherpc1', [evening('2026-11-24', 300)]);
    await fakeBrowser.storage.sync.set(theirs);
    await syncStep(EVENING, zone, true);
    expect(Object.keys(await ourItems())).toHaveLength(1);
    expect(await stopSync()).toBe(true);
    const items = await sync.items();
    expect(
      Object.keys(items)
        .filter((key) => key.startsWith('e.'))
        .sort(),
    ).toEqual(Object.keys(theirs));
    expect(items['s.limitMinutes']).toEqual([EVENING, 20]);
    expect((await readEvening('2026-11-24'))!.screenSeconds).toBe(600);
    expect((await readSettings()).limitMinutes).toBe(20);
    expect(await read('elsewhere')).toBeUndefined();
    expect(await read('sync')).toBeUndefined();
    // Pages show this computer's own figures again.
    const [tonight] = await readEveningsMerged('2026-11-24', '2026-11-24', 15);
    expect(tonight!.screenMinutes).toBe(10);
  });

  it('the last computer to leave takes the shared settings too', async () => {
    await syncStep(EVENING, zone, true);
    await stopSync();
    expect(await sync.items()).toEqual({});
  });

  it('when sync is unavailable, notes it and finishes later', async () => {
    await syncStep(EVENING, zone, true);
    const get = vi
      .spyOn(fakeBrowser.storage.sync, 'get')
      .mockRejectedValue(new Error('Sync is disabled by policy'));
    expect(await stopSync()).toBe(false);
    expect(await readSyncStatus()).toMatchObject({ enabled: false, leaving: true });
    // Off means off: the worker writes nothing more meanwhile.
    get.mockRestore();
    const before = sync.writes.length;
    await syncStep(EVENING + WRITE_EVERY_MS, zone, true);
    expect(sync.writes).toHaveLength(before);
    expect(await finishLeaving()).toBe(true);
    expect(await sync.items()).toEqual({});
    expect(await readSyncStatus()).toMatchObject({ enabled: false, leaving: false });
  });

  it('turned on again, the computer starts afresh under a new id', async () => {
    await syncStep(EVENING, zone, true);
    const first = (await state()).computer;
    await stopSync();
    await startSync(EVENING + MINUTE);
    await syncStep(EVENING + MINUTE, zone, true);
    expect((await state()).computer).not.toBe(first);
    expect(Object.keys(await sync.items()).some((key) => key.includes(first))).toBe(false);
  });

  it('erasing all data takes this computer’s items out of sync too', async () => {
    await syncStep(EVENING, zone, true);
    await eraseEverything();
    expect(await sync.items()).toEqual({});
    expect(await readEvening('2026-11-24')).toBeUndefined();
    expect(await read('sync')).toBeUndefined();
  });
});
