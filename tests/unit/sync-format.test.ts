import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_DAYS,
  decodeEntry,
  encodeEntry,
  encodeEvenings,
  epochDay,
  fieldItem,
  isSyncKey,
  itemBytes,
  MAX_ITEMS,
  newComputerId,
  QUOTA_BYTES,
  QUOTA_BYTES_PER_ITEM,
  readSynced,
  SYNC_DAYS,
} from '@/utils/data/sync-format';
import { summaryOf, type EveningSummary } from '@/utils/evening/merge';
import type { EveningRecord } from '@/utils/evening/record';
import { SETTINGS_FIELDS } from '@/utils/settings/fields';
import { defaultSettings, INTIMACY_KINDS } from '@/utils/settings/settings';
import { addDays } from '@/utils/time/schedule';
import { dateArb, eveningFor } from './export-arbitraries';

const TODAY = '2026-11-24';
const FIRST = addDays(TODAY, -SYNC_DAYS);

/** Every evening of the last 26 weeks and a bit, as a computer syncs them. */
function dates(): string[] {
  return Array.from({ length: SYNC_DAYS + 1 }, (_, i) => addDays(FIRST, i));
}

/** The fullest evening Closer could sync: the most of everything an entry carries. */
function fullest(date: string): EveningRecord {
  return {
    date,
    screenMinutes: 720,
    screenSeconds: 12 * 3600,
    status: 'over',
    limitMinutes: 120,
    nudges: 10,
    checkIns: Array.from({ length: 12 }, (_, i) => ({
      kinds: [...INTIMACY_KINDS],
      at: `${date}T21:${String(i).padStart(2, '0')}:00.000Z`,
      note: 'a long private note that never leaves this computer '.repeat(20),
    })),
    reasons: Array.from({ length: 150 }, () => ({
      at: `${date}T20:05:00.000Z`,
      source: 'snooze' as const,
      text: 'the words stay here',
    })),
  };
}

/** A usual evening: some minutes, one check-in now and then, a reason once a week. */
function usual(date: string, i: number): EveningRecord {
  return {
    date,
    screenMinutes: (i * 7) % 40,
    screenSeconds: ((i * 7) % 40) * 60 + (i % 60),
    status: (i * 7) % 40 <= 15 ? 'distraction-free' : 'over',
    limitMinutes: 15,
    nudges: 1,
    checkIns:
      i % 3 === 0 ? [{ kinds: ['emotional', 'physical'], at: `${date}T21:00:00Z`, note: '' }] : [],
    reasons: i % 7 === 0 ? [{ at: `${date}T20:00:00Z`, source: 'need-it', text: 'bus' }] : [],
  };
}

/** Everything in sync for `computers` computers syncing `make`'s evenings and full settings. */
function syncStorage(computers: number, make: (date: string, i: number) => EveningRecord) {
  const settings = defaultSettings();
  // More saved prompts than the library will hold, each with the longest category name.
  settings.prompts.saved = Array.from({ length: 250 }, (_, i) => `experiential_${100 + i}`);
  settings.partnerName = 'Ñandú Müller-Łukasiewicz, 愛'.slice(0, 40);
  settings.pairCode = 'amber-river-sol-mint';
  const items: Record<string, unknown> = Object.fromEntries(
    SETTINGS_FIELDS.map((field) => fieldItem(settings, field, 1_764_012_345_678)),
  );
  for (let c = 0; c < computers; c++) {
    Object.assign(items, encodeEvenings(`machine${c}`, dates().map(make)));
  }
  return items;
}

function usage(items: Record<string, unknown>) {
  const sizes = Object.entries(items).map(([key, value]) => itemBytes(key, value));
  return {
    bytes: sizes.reduce((a, b) => a + b, 0),
    largest: Math.max(...sizes),
    items: sizes.length,
  };
}

describe('the sync layout’s size', () => {
  it('26 weeks × 4 computers at their fullest stay far inside Chrome’s quotas', () => {
    const all = syncStorage(4, fullest);
    const { bytes, largest, items } = usage(all);
    const evenings = usage(Object.fromEntries(Object.entries(all).filter(([k]) => k[0] === 'e')));
    console.info(`sync, fullest: ${bytes} bytes in ${items} items, largest ${largest}`);
    expect(bytes).toBeLessThan(QUOTA_BYTES / 2);
    // The largest item is 250 saved prompts; an evening block stays under a quarter of one.
    expect(largest).toBeLessThan(QUOTA_BYTES_PER_ITEM * 0.75);
    expect(evenings.largest).toBeLessThan(QUOTA_BYTES_PER_ITEM / 4);
    expect(items).toBeLessThan(MAX_ITEMS / 4);
  });

  it('26 weeks × 4 computers of usual evenings take a small part of them', () => {
    const { bytes, largest, items } = usage(syncStorage(4, usual));
    console.info(`sync, usual: ${bytes} bytes in ${items} items, largest ${largest}`);
    expect(bytes).toBeLessThan(QUOTA_BYTES / 4);
  });

  it('each computer takes at most 8 items for its evenings (28-day blocks)', () => {
    const items = encodeEvenings('machine0', dates().map(fullest));
    expect(Object.keys(items).length).toBeLessThanOrEqual(Math.ceil(SYNC_DAYS / BLOCK_DAYS) + 1);
  });
});

describe('evening entries', () => {
  it('read back as they were written (within what sync keeps)', () => {
    fc.assert(
      fc.property(eveningFor('2026-11-24'), fc.nat({ max: BLOCK_DAYS - 1 }), (record, day) => {
        const written = summaryOf(record);
        const read = decodeEntry(encodeEntry(day, written));
        const kept: EveningSummary = {
          ...written,
          seconds: Math.min(written.seconds, 12 * 3600),
          kinds: written.kinds.slice(0, 8),
          reasons: Math.min(written.reasons, 99),
        };
        expect(read).toEqual({ day, summary: kept });
      }),
    );
  });

  it('carry nothing but digits, status letters and separators', () => {
    fc.assert(
      fc.property(eveningFor('2026-11-24'), (record) => {
        expect(encodeEntry(3, summaryOf(record))).toMatch(/^[0-9doupm/k.r]+$/);
      }),
    );
  });

  it.each([
    ['', 'empty'],
    ['28d60', 'a day past the block'],
    ['3x60', 'an unknown status'],
    ['3d99999', 'more than 12 hours'],
    ['3d60/121', 'a limit over 120'],
    ['3d60k0', 'a check-in with no kind'],
    ['3d60k32', 'a kind that does not exist'],
    ['3d60k1.1.1.1.1.1.1.1.1', 'more than 8 check-ins'],
    ['3d60r100', 'more than 99 reasons'],
    ['3d60 ', 'trailing text'],
    ['3d-60', 'a negative count'],
  ])('are ignored when malformed: %j (%s)', (entry) => {
    expect(decodeEntry(entry)).toBeNull();
  });

  it('land on the right date whatever the zone: days since 1970 in calendar arithmetic', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const items = encodeEvenings('machine0', [usual(date, 1)]);
        const { elsewhere } = readSynced(items, 'somebody', '2000-01-01');
        expect(Object.keys(elsewhere.evenings)).toEqual([date]);
        expect(epochDay(addDays(date, 1)) - epochDay(date)).toBe(1);
      }),
    );
  });
});

describe('readSynced', () => {
  const settings = defaultSettings();

  it('reads settings fields and other computers’ evenings, and leaves this computer’s out', () => {
    const items = {
      ...Object.fromEntries([
        fieldItem(settings, 'limitMinutes', 5),
        fieldItem(settings, 'pairCode', 6),
      ]),
      ...encodeEvenings('machine1', [usual('2026-11-20', 3)]),
      ...encodeEvenings('machine2', [usual('2026-11-20', 4), usual('2026-11-21', 5)]),
      ...encodeEvenings('itsmeeee', [usual('2026-11-20', 6)]),
    };
    const synced = readSynced(items, 'itsmeeee', FIRST);
    expect(synced.fields).toEqual({
      limitMinutes: { at: 5, value: 15 },
      pairCode: { at: 6, value: null },
    });
    expect(synced.elsewhere.computers).toBe(2);
    expect(synced.elsewhere.evenings['2026-11-20']).toEqual([
      summaryOf(usual('2026-11-20', 3)),
      summaryOf(usual('2026-11-20', 4)),
    ]);
    expect(synced.ours).toEqual(Object.keys(encodeEvenings('itsmeeee', [usual('2026-11-20', 6)])));
    expect(synced.stale).toEqual([]);
  });

  it('ignores what is not Closer’s or does not parse, and never throws', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (junk) => {
        const synced = readSynced(junk, 'itsmeeee', FIRST);
        for (const summaries of Object.values(synced.elsewhere.evenings)) {
          for (const summary of summaries) expect(summary.seconds).toBeLessThanOrEqual(43_200);
        }
      }),
    );
    const synced = readSynced(
      {
        's.limitMinutes': 15,
        's.weeklyGoal': [-1, 3],
        's.noSuchField': [1, 2],
        's.weekStartsOn': ['1', 3],
        'e.machine1.738': 42,
        'e.machineX1.738': '0d60',
        'e.machine1.739': '0d60 99x 1o1200/15',
        other: 'thing',
      },
      'itsmeeee',
      '2026-01-01',
    );
    expect(synced.fields).toEqual({});
    expect(synced.elsewhere.evenings).toEqual({
      [addDays('1970-01-01', 739 * 28)]: [
        { seconds: 60, status: 'distraction-free', kinds: [], reasons: 0 },
      ],
      [addDays('1970-01-01', 739 * 28 + 1)]: [
        { seconds: 1200, status: 'over', limit: 15, kinds: [], reasons: 0 },
      ],
    });
  });

  it('lists blocks wholly before the 26 weeks, whichever computer left them', () => {
    const old = encodeEvenings('machine9', [usual(addDays(FIRST, -40), 1)]);
    const edge = encodeEvenings('machine9', [usual(FIRST, 2)]);
    const synced = readSynced({ ...old, ...edge }, 'itsmeeee', FIRST);
    expect(synced.stale).toEqual(Object.keys(old));
    expect(synced.elsewhere.evenings[FIRST]).toHaveLength(1);
  });
});

describe('newComputerId', () => {
  it('makes 8 letters and digits, different each time', () => {
    const ids = Array.from({ length: 200 }, newComputerId);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{8}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Its items are Closer's.
    expect(Object.keys(encodeEvenings(ids[0]!, [usual(TODAY, 1)])).every(isSyncKey)).toBe(true);
  });
});
