/**
 * Page actions (SPEC §8, no data loss): each is one read-modify-write transaction, so actions
 * taken at the same moment from different pages (and the worker's own writes) all land; and
 * each tells the other open pages that stored data changed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addCheckIn,
  addReason,
  anotherPrompt,
  markScreenFree,
  needItForAMoment,
  setSnooze,
} from '@/utils/engine/evening-actions';
import { CHANGED, isChanged } from '@/utils/engine/messages';
import { newEveningRecord } from '@/utils/evening/record';
import {
  eraseAll,
  mutate,
  read,
  readAllEvenings,
  readEvening,
  updateEvening,
} from '@/utils/data/storage';

const zone = 'UTC';
const date = '2026-11-24';
const now = Date.parse('2026-11-24T21:30:00.000Z');

/** Change broadcasts heard by an open page since the test began. */
let heard: unknown[];

beforeEach(async () => {
  await eraseAll();
  heard = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if (isChanged(message)) heard.push(message);
  });
});

describe('page actions at the same moment', () => {
  it('a check-in, a reason and "another one" on the same evening are all kept', async () => {
    await Promise.all([
      addCheckIn(date, zone, ['emotional'], 'tea on the step', 'popup', now),
      addReason(date, zone, 'snooze', 'a call from Mum', now),
      anotherPrompt(date, zone),
      addCheckIn(date, zone, ['physical'], '', 'ritual', now),
      anotherPrompt(date, zone),
    ]);
    const record = (await readEvening(date))!;
    expect(record.checkIns.map((c) => c.note).sort()).toEqual(['', 'tea on the step']);
    expect(record.reasons?.map((r) => r.text)).toEqual(['a call from Mum']);
    expect(record.promptOffset).toBe(2);
  });

  it('"I need it for a moment" keeps the allowance and its reason with a check-in beside it', async () => {
    await Promise.all([
      needItForAMoment(date, zone, '  the train times  ', now),
      addCheckIn(date, zone, ['intellectual'], '', 'newtab', now),
      addReason(date, zone, 'need-it', 'a form', now),
    ]);
    const record = (await readEvening(date))!;
    expect(record.checkIns).toHaveLength(1);
    expect(record.reasons?.map((r) => r.text).sort()).toEqual(['a form', 'the train times']);
    expect((await read('allowance'))?.until).toBeGreaterThan(now);
  });

  it('"I need it for a moment" without a reason grants the allowance and writes no evening', async () => {
    await needItForAMoment(date, zone, '   ', now);
    expect((await read('allowance'))?.grantedAt).toBe(now);
    expect(await readAllEvenings()).toEqual([]);
  });

  it('"We were screen-free" and a check-in on the same evening are both kept', async () => {
    const yesterday = '2026-11-23';
    await updateEvening(yesterday, () => ({
      ...newEveningRecord(yesterday, zone),
      status: 'unobserved',
    }));
    const [marked] = await Promise.all([
      markScreenFree(yesterday, now, zone),
      addCheckIn(yesterday, zone, ['spiritual'], '', 'popup', now),
    ]);
    expect(marked).toBe(true);
    const record = (await readEvening(yesterday))!;
    expect(record.markedScreenFree).toBe(true);
    expect(record.checkIns).toHaveLength(1);
  });

  it.each([
    ['the snooze lands first', true],
    ['the worker lands first', false],
  ])(
    'a snooze and the worker’s heads-up bookkeeping are both kept (%s)',
    async (_, snoozeFirst) => {
      // What the worker writes when it sends the heads-up nudge (evening-engine's maybeNudge).
      const headsUp = () =>
        mutate(['nudge-state'], (tx) => {
          const state = tx.get('nudge-state') ?? { snooze: null, headsUpSentFor: null };
          tx.put('nudge-state', { ...state, headsUpSentFor: date });
        });
      const snooze = () => setSnooze({ until: now + 30 * 60_000 });
      await Promise.all(snoozeFirst ? [snooze(), headsUp()] : [headsUp(), snooze()]);
      expect(await read('nudge-state')).toEqual({
        snooze: { until: now + 30 * 60_000 },
        headsUpSentFor: date,
      });
      await setSnooze(null);
      expect(await read('nudge-state')).toEqual({ snooze: null, headsUpSentFor: date });
    },
  );

  it('an erase at the moment of a check-in leaves all or nothing of the evening, never a part', async () => {
    await updateEvening(date, () => ({
      ...newEveningRecord(date, zone),
      reasons: [{ at: new Date(now).toISOString(), source: 'snooze', text: 'older' }],
    }));
    await Promise.all([addCheckIn(date, zone, ['emotional'], 'new', 'popup', now), eraseAll()]);
    // The check-in ran first (then the erase took everything) or after (on a fresh record).
    const record = await readEvening(date);
    if (record) {
      expect(record.reasons ?? []).toEqual([]);
      expect(record.checkIns.map((c) => c.note)).toEqual(['new']);
    }
  });
});

describe('page actions tell the other pages', () => {
  it.each([
    ['a check-in', () => addCheckIn(date, zone, ['emotional'], '', 'popup', now)],
    ['"another one"', () => anotherPrompt(date, zone)],
    ['"We were screen-free"', () => markScreenFree('2026-11-23', now, zone)],
    ['"I need it for a moment"', () => needItForAMoment(date, zone, 'a form', now)],
    ['a reason', () => addReason(date, zone, 'snooze', 'a call', now)],
    ['a snooze', () => setSnooze({ notTonight: date })],
    ['"Resume nudges"', () => setSnooze(null)],
  ])('%s broadcasts closer:changed once it is stored', async (_, action) => {
    await action();
    expect(heard).toEqual([{ name: CHANGED }]);
  });

  it('a write that fails tells nobody', async () => {
    const unclonable = (() => 0) as unknown as string;
    await expect(addCheckIn(date, zone, ['emotional'], unclonable, 'popup', now)).rejects.toThrow();
    expect(heard).toEqual([]);
    expect(await readEvening(date)).toBeUndefined();
  });
});
