import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  figuresOf,
  mergeElsewhere,
  mergeFigures,
  summaryOf,
  type EveningFigures,
  type EveningSummary,
} from '@/utils/evening/merge';
import { EVENING_STATUSES } from '@/utils/evening/record';
import { encodeEvenings, readSynced } from '@/utils/data/sync-format';
import { addDays, eveningOn } from '@/utils/time/schedule';
import { eveningFor } from './export-arbitraries';
import { MINUTE, play, scheduleOf, ticks } from './screen-time-play';
import { ZONES } from './zones';

/** One computer's figures for one evening, as any computer could send them. */
const figuresArb: fc.Arbitrary<EveningFigures> = fc
  .record({
    seconds: fc.nat({ max: 12 * 3600 }),
    status: fc.constantFrom(...EVENING_STATUSES),
    marked: fc.boolean(),
    limit: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
  })
  .map(({ seconds, status, marked, limit }) => {
    const figures: EveningFigures = { seconds, status };
    if (status === 'unobserved' && marked) figures.marked = true;
    if ((status === 'distraction-free' || status === 'over') && limit !== undefined) {
      figures.limit = limit;
    }
    return figures;
  });

/** Two to four computers' figures for the same evening. */
const computersArb = fc.array(figuresArb, { minLength: 2, maxLength: 4 });
const limitArb = fc.integer({ min: 0, max: 120 });

describe('mergeFigures', () => {
  it('sums the minutes; distraction-free only within the limit; unobserved only if nobody saw it', () => {
    fc.assert(
      fc.property(computersArb, limitArb, (parts, fallback) => {
        const merged = mergeFigures(parts, fallback);
        const seconds = parts.reduce((sum, p) => sum + p.seconds, 0);
        expect(merged.seconds).toBe(seconds);
        const seen = parts.some((p) => p.status !== 'unobserved');
        const ended = parts.some((p) => p.status !== 'in-progress');
        const limits = parts.flatMap((p) => (p.limit === undefined ? [] : [p.limit]));
        const limit = limits.length ? Math.min(...limits) : fallback;
        if (!seen) expect(merged.status).toBe('unobserved');
        else if (!ended) expect(merged.status).toBe('in-progress');
        else if (Math.floor(seconds / 60) <= limit) expect(merged.status).toBe('distraction-free');
        else expect(merged.status).toBe('over');
        expect(merged.marked === true).toBe(!seen && parts.some((p) => p.marked));
      }),
    );
  });

  it('is order-independent', () => {
    fc.assert(
      fc.property(
        computersArb.chain((parts) =>
          fc.tuple(
            fc.constant(parts),
            fc.shuffledSubarray(parts, {
              minLength: parts.length,
            }),
          ),
        ),
        limitArb,
        ([parts, shuffled], limit) => {
          expect(mergeFigures(shuffled, limit)).toEqual(mergeFigures(parts, limit));
        },
      ),
    );
  });

  it('is idempotent: a merged evening merged again is itself', () => {
    fc.assert(
      fc.property(computersArb, limitArb, (parts, limit) => {
        const merged = mergeFigures(parts, limit);
        expect(mergeFigures([merged], limit)).toEqual(merged);
      }),
    );
  });

  it('is associative: folding some computers first (as the worker keeps them) changes nothing', () => {
    fc.assert(
      fc.property(computersArb, fc.nat(), limitArb, (parts, cut, limit) => {
        const at = 1 + (cut % (parts.length - 1));
        const left = mergeFigures(parts.slice(0, at), limit);
        const right = mergeFigures(parts.slice(at), limit);
        expect(mergeFigures([left, right], limit)).toEqual(mergeFigures(parts, limit));
      }),
    );
  });

  it.each([
    ['12 + 12 minutes over a 15-minute limit', [720, 720], 'over'],
    ['7 + 7 minutes within it', [420, 420], 'distraction-free'],
    ['exactly the limit (14:59 + 0:59 = 15 whole minutes)', [899, 59], 'distraction-free'],
  ] as const)('two computers: %s', (_name, seconds, status) => {
    const parts = seconds.map((s) => ({ seconds: s, status: 'distraction-free' as const }));
    expect(mergeFigures(parts, 15).status).toBe(status);
  });

  it('a computer still counting keeps the evening open until one knows it ended', () => {
    const counting: EveningFigures = { seconds: 300, status: 'in-progress' };
    expect(mergeFigures([counting, counting], 15).status).toBe('in-progress');
    const sawNothing: EveningFigures = { seconds: 0, status: 'unobserved' };
    expect(mergeFigures([counting, sawNothing], 15).status).toBe('distraction-free');
    expect(mergeFigures([sawNothing, { ...sawNothing, marked: true }], 15)).toEqual({
      seconds: 0,
      status: 'unobserved',
      marked: true,
    });
  });
});

describe('mergeElsewhere', () => {
  const summary = (figures: EveningFigures): EveningSummary => ({
    ...figures,
    kinds: [],
    reasons: 0,
  });

  it('leaves this computer’s records exactly as stored when no other computer knows the date', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }), (days) => {
        const records = days.map((d) => ({
          date: addDays('2026-10-01', d),
          screenMinutes: d,
          status: 'over' as const,
          nudges: 1,
          checkIns: [],
        }));
        const others = {
          computers: 1,
          evenings: { '2025-01-01': [summary({ seconds: 60, status: 'over' })] },
        };
        const merged = mergeElsewhere(records, others, '2026-10-01', '2026-12-31', 15);
        expect(new Set(merged)).toEqual(new Set(records));
        expect(mergeElsewhere(records, undefined, '2026-10-01', '2026-12-31', 15)).toEqual(records);
      }),
    );
  });

  it('merges this computer with the others as one merge of every computer would', () => {
    fc.assert(
      fc.property(
        eveningFor('2026-11-24'),
        fc.array(figuresArb, { minLength: 1, maxLength: 3 }),
        limitArb,
        (record, others, limit) => {
          const [merged] = mergeElsewhere(
            [record],
            { computers: others.length, evenings: { [record.date]: others.map(summary) } },
            '2026-11-01',
            '2026-11-30',
            limit,
          );
          const expected = mergeFigures([figuresOf(record), ...others], limit);
          expect(merged!.screenSeconds).toBe(expected.seconds);
          expect(merged!.screenMinutes).toBe(Math.floor(expected.seconds / 60));
          expect(merged!.status).toBe(expected.status);
          expect(merged!.markedScreenFree).toBe(expected.marked === true);
          // What only this computer knows stays as it was.
          expect(merged!.checkIns).toBe(record.checkIns);
          expect(merged!.promptOffset).toBe(record.promptOffset);
          expect(merged!.elsewhereOnly).toBeUndefined();
        },
      ),
    );
  });

  it('shows an evening only another computer saw, outside the range not at all', () => {
    const others = {
      computers: 1,
      evenings: {
        '2026-11-20': [summary({ seconds: 1800, status: 'over', limit: 15 })],
        '2026-10-01': [summary({ seconds: 60, status: 'distraction-free' })],
      },
    };
    const merged = mergeElsewhere([], others, '2026-11-01', '2026-11-30', 15);
    expect(merged).toEqual([
      {
        date: '2026-11-20',
        nudges: 0,
        checkIns: [],
        elsewhereOnly: true,
        screenSeconds: 1800,
        screenMinutes: 30,
        status: 'over',
        markedScreenFree: false,
        elsewhere: others.evenings['2026-11-20'],
      },
    ]);
  });
});

describe('summaryOf', () => {
  it('keeps no free text and no instants: minutes, status, kinds as masks, a count of reasons', () => {
    fc.assert(
      fc.property(eveningFor('2026-11-24'), (record) => {
        const summary = summaryOf(record);
        for (const [key, value] of Object.entries(summary)) {
          expect(['seconds', 'status', 'marked', 'limit', 'kinds', 'reasons']).toContain(key);
          if (key === 'status') expect(EVENING_STATUSES).toContain(value);
          else if (key === 'kinds') expect((value as number[]).every(Number.isInteger)).toBe(true);
          else expect(['number', 'boolean']).toContain(typeof value);
        }
        expect(summary.kinds).toHaveLength(record.checkIns.length);
        expect(summary.reasons).toBe(record.reasons?.length ?? 0);
        expect(summary.seconds).toBe(record.screenSeconds ?? record.screenMinutes * 60);
      }),
    );
  });
});

describe.each(ZONES)('two computers through sync, evenings in %s', (zone) => {
  // A window across midnight on each zone's DST nights (and an ordinary one): the minutes after
  // midnight belong to the date the evening started on, on both computers, through sync.
  it.each([
    ['2026-03-07'],
    ['2026-03-28'],
    ['2026-04-04'],
    ['2026-10-03'],
    ['2026-10-24'],
    ['2026-10-31'],
    ['2026-11-24'],
  ])('an evening starting %s, 22:30–02:30: the minutes add up under its start date', (date) => {
    const schedule = scheduleOf('22:30', '02:30');
    const evening = eveningOn(date, zone, schedule)!;
    // The laptop is on from the start for 50 minutes, the desktop for the last 70.
    const laptop = play(ticks(evening.start, 50, zone), schedule);
    const desktop = play(ticks(evening.end - 70 * MINUTE, 70, zone), schedule);
    expect([...laptop.keys()]).toEqual([date]);
    expect([...desktop.keys()]).toEqual([date]);
    const items = encodeEvenings('desktop1', [...desktop.values()]);
    const today = addDays(date, 1);
    const { elsewhere } = readSynced(items, 'laptop01', addDays(today, -188));
    expect(Object.keys(elsewhere.evenings)).toEqual([date]);
    const [merged] = mergeElsewhere([...laptop.values()], elsewhere, date, today, 15);
    expect(merged!.date).toBe(date);
    expect(merged!.screenSeconds).toBe(
      laptop.get(date)!.screenSeconds! + desktop.get(date)!.screenSeconds!,
    );
    expect(merged!.screenMinutes).toBe(120);
    expect(merged!.status).toBe('in-progress');
  });
});
