import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EveningRecord, EveningStatus } from '@/utils/evening/record';
import type { Weekday } from '@/utils/time/schedule';
import {
  countsAsDistractionFree,
  datesToRead,
  goalStreak,
  HISTORY_WEEKS,
  lastWeeks,
  resolveWeekStart,
  summariseWeeks,
  thisWeek,
  weekDates,
  weekStartOf,
  type DayState,
  type WeekSummary,
} from '@/utils/evening/week';

// Week math is pure date arithmetic (no instants, no zones), so it runs once, in UTC.

const DAY = 86_400_000;

/** Independent oracle: days since 1970-01-01 (a Thursday), by UTC date arithmetic. */
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;
const fromDayNumber = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
const oracleWeekday = (date: string): number => (((dayNumber(date) + 4) % 7) + 7) % 7;
const oracleWeekStart = (date: string, weekStartsOn: number): string =>
  fromDayNumber(dayNumber(date) - ((oracleWeekday(date) - weekStartsOn + 7) % 7));

function record(
  date: string,
  status: EveningStatus,
  extra: Partial<EveningRecord> = {},
): EveningRecord {
  return { date, screenMinutes: 0, status, nudges: 0, checkIns: [], ...extra };
}

const weekdayArb = fc.constantFrom<Weekday>(0, 1, 2, 3, 4, 5, 6);
/** Any date from 1990 to 2100, including leap days and year ends. */
const dateArb = fc
  .integer({ min: dayNumber('1990-01-01'), max: dayNumber('2100-12-31') })
  .map(fromDayNumber);
/** How many weeks to read or summarise, none included. */
const weekCountArb = fc.integer({ min: 0, max: 60 });

describe('resolveWeekStart', () => {
  it.each([0, 1, 2, 3, 4, 5, 6] as const)('the user’s override %d wins over the locale', (day) => {
    expect(resolveWeekStart(day, 'en-US')).toBe(day);
    expect(resolveWeekStart(day, 'de-DE')).toBe(day);
  });

  it.each([
    ['en-US', 0],
    ['en-GB', 1],
    ['de-DE', 1],
    ['es-ES', 1],
    ['es-MX', 0],
    ['ar-EG', 6],
    ['fa-IR', 6],
    ['en-US-u-fw-mon', 1],
  ] as const)('%s starts weeks on %d', (locale, day) => {
    expect(resolveWeekStart(null, locale)).toBe(day);
  });

  it.each(['', 'not a locale', 'en_US!'])(
    'falls back to Monday for the malformed tag %j',
    (locale) => {
      expect(resolveWeekStart(null, locale)).toBe(1);
    },
  );

  it('falls back to Monday when the engine has no week data', () => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const getter = Object.getOwnPropertyDescriptor(proto, 'weekInfo');
    const method = Object.getOwnPropertyDescriptor(proto, 'getWeekInfo');
    try {
      delete proto.weekInfo;
      delete proto.getWeekInfo;
      expect(resolveWeekStart(null, 'en-US')).toBe(1);
      expect(resolveWeekStart(null, 'ar-EG')).toBe(1);
    } finally {
      if (getter) Object.defineProperty(proto, 'weekInfo', getter);
      if (method) Object.defineProperty(proto, 'getWeekInfo', method);
    }
    // Restored: the real data is back.
    expect(resolveWeekStart(null, 'en-US')).toBe(0);
  });

  it('prefers getWeekInfo() where the engine has it, and survives it throwing', () => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const method = Object.getOwnPropertyDescriptor(proto, 'getWeekInfo');
    try {
      Object.defineProperty(proto, 'getWeekInfo', {
        configurable: true,
        value: () => ({ firstDay: 3 }),
      });
      expect(resolveWeekStart(null, 'en-US')).toBe(3);
      Object.defineProperty(proto, 'getWeekInfo', {
        configurable: true,
        value: () => ({ firstDay: 7 }),
      });
      expect(resolveWeekStart(null, 'de-DE')).toBe(0);
      for (const firstDay of [0, 8, 1.5, '1', undefined]) {
        Object.defineProperty(proto, 'getWeekInfo', {
          configurable: true,
          value: () => ({ firstDay }),
        });
        expect(resolveWeekStart(null, 'en-US')).toBe(1);
      }
      Object.defineProperty(proto, 'getWeekInfo', {
        configurable: true,
        value: () => {
          throw new TypeError('no week data');
        },
      });
      expect(resolveWeekStart(null, 'en-US')).toBe(1);
    } finally {
      if (method) Object.defineProperty(proto, 'getWeekInfo', method);
      else delete proto.getWeekInfo;
    }
  });

  it('ignores a corrupted override and uses the locale', () => {
    expect(resolveWeekStart(7 as Weekday, 'en-US')).toBe(0);
    expect(resolveWeekStart(-1 as Weekday, 'de-DE')).toBe(1);
  });
});

describe('weekStartOf', () => {
  // 2026-11-25 is a Wednesday.
  it.each([
    ['2026-11-25', 1, '2026-11-23'],
    ['2026-11-25', 0, '2026-11-22'],
    ['2026-11-25', 6, '2026-11-21'],
    ['2026-11-25', 3, '2026-11-25'],
    ['2026-11-25', 4, '2026-11-19'],
    ['2027-01-01', 1, '2026-12-28'],
    ['2028-03-01', 0, '2028-02-27'],
    ['2026-11-22', 1, '2026-11-16'],
    ['2026-11-22', 0, '2026-11-22'],
  ] as const)('the week of %s starting on %d begins %s', (date, weekStartsOn, expected) => {
    expect(weekStartOf(date, weekStartsOn)).toBe(expected);
  });

  it('is on or before the date, within 6 days, on the right weekday', () => {
    fc.assert(
      fc.property(dateArb, weekdayArb, (date, weekStartsOn) => {
        const start = weekStartOf(date, weekStartsOn);
        const back = dayNumber(date) - dayNumber(start);
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(6);
        expect(oracleWeekday(start)).toBe(weekStartsOn);
        expect(start).toBe(oracleWeekStart(date, weekStartsOn));
      }),
    );
  });
});

describe('weekDates, lastWeeks, datesToRead', () => {
  it('weekDates gives seven consecutive dates across a month end', () => {
    expect(weekDates('2026-02-26')).toEqual([
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
    ]);
  });

  it('lastWeeks lists week starts oldest first, ending with the current week', () => {
    expect(lastWeeks('2026-01-02', 1, 3)).toEqual(['2025-12-15', '2025-12-22', '2025-12-29']);
    expect(lastWeeks('2026-01-02', 0, 1)).toEqual(['2025-12-28']);
    expect(lastWeeks('2026-01-02', 1, 0)).toEqual([]);
    expect(lastWeeks('2026-11-25', 1)).toHaveLength(HISTORY_WEEKS);
    expect(lastWeeks('2026-11-25', 1).at(-1)).toBe('2026-11-23');
    expect(lastWeeks('2026-11-25', 1)[0]).toBe('2026-06-01');
  });

  it.each([-1, 1.5, Number.NaN])('rejects a count of %d', (count) => {
    expect(() => lastWeeks('2026-11-25', 1, count)).toThrow(RangeError);
    expect(() => datesToRead('2026-11-25', 1, count)).toThrow(RangeError);
  });

  it('datesToRead defaults to the 182 dates of the last 26 weeks', () => {
    const dates = datesToRead('2026-11-25', 1);
    expect(dates).toHaveLength(182);
    expect(dates[0]).toBe('2026-06-01');
    expect(dates.at(-1)).toBe('2026-11-29');
  });

  it('datesToRead is always 7 × count contiguous dates, ending with the week of today', () => {
    fc.assert(
      fc.property(dateArb, weekdayArb, weekCountArb, (today, weekStartsOn, count) => {
        const dates = datesToRead(today, weekStartsOn, count);
        expect(dates).toHaveLength(7 * count);
        if (count === 0) return;
        expect(dates[0]).toBe(lastWeeks(today, weekStartsOn, count)[0]);
        expect(oracleWeekday(dates[0]!)).toBe(weekStartsOn);
        dates.forEach((date, i) => expect(dayNumber(date)).toBe(dayNumber(dates[0]!) + i));
        const last = dayNumber(dates.at(-1)!);
        expect(last - dayNumber(today)).toBeGreaterThanOrEqual(0);
        expect(last - dayNumber(today)).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe('summariseWeeks', () => {
  // Today is Wednesday 2026-11-25; weeks start on Monday; goal 3.
  const today = '2026-11-25';
  const evenings = new Map<string, EveningRecord>(
    [
      record('2026-11-16', 'distraction-free'),
      record('2026-11-17', 'over', { screenMinutes: 40 }),
      record('2026-11-18', 'unobserved'),
      record('2026-11-19', 'unobserved', { markedScreenFree: true }),
      record('2026-11-20', 'distraction-free'),
      // 2026-11-21: no record (a disabled weekday).
      record('2026-11-22', 'distraction-free'),
      record('2026-11-23', 'distraction-free'),
      record('2026-11-24', 'over', { screenMinutes: 16 }),
      record('2026-11-25', 'in-progress', { screenMinutes: 30 }),
    ].map((r) => [r.date, r]),
  );

  /** A week from `start` with its seven days' states in order, the dates by the oracle. */
  const weekOf = (
    start: string,
    count: number,
    met: boolean,
    states: DayState['state'][],
  ): WeekSummary => ({
    start,
    count,
    goal: 3,
    met,
    days: states.map((state, i) => ({ date: fromDayNumber(dayNumber(start) + i), state })),
  });

  const expected: WeekSummary[] = [
    // 11-19 is unobserved but marked screen-free; 11-21 has no record.
    weekOf('2026-11-16', 4, true, [
      'distraction-free',
      'over',
      'unobserved',
      'distraction-free',
      'distraction-free',
      'none',
      'distraction-free',
    ]),
    // Today (11-25) is in progress; the rest of the week is ahead.
    weekOf('2026-11-23', 1, false, [
      'distraction-free',
      'over',
      'tonight',
      'ahead',
      'ahead',
      'ahead',
      'ahead',
    ]),
  ];

  it('counts distraction-free and marked evenings, and names each day', () => {
    expect(summariseWeeks(evenings, today, 1, 3, 2)).toEqual(expected);
  });

  it('reads a plain object the same as a Map', () => {
    expect(summariseWeeks(Object.fromEntries(evenings), today, 1, 3, 2)).toEqual(expected);
  });

  it('a missing record tonight is "tonight"; a decided one shows as decided and counts', () => {
    const missing = new Map(evenings);
    missing.delete(today);
    expect(thisWeek(missing, today, 1, 3).days[2]).toEqual({ date: today, state: 'tonight' });

    const decided = new Map(evenings).set(today, record(today, 'distraction-free'));
    const week = thisWeek(decided, today, 1, 2);
    expect(week.days[2]).toEqual({ date: today, state: 'distraction-free' });
    expect(week.count).toBe(2);
    expect(week.met).toBe(true);
  });

  it('after midnight, yesterday’s evening still in progress is "tonight" and not counted yet', () => {
    const afterMidnight = new Map([
      ['2026-11-24', record('2026-11-24', 'in-progress', { screenMinutes: 3 })],
    ]);
    const week = thisWeek(afterMidnight, today, 1, 3);
    expect(week.days.slice(0, 3).map((d) => d.state)).toEqual(['none', 'tonight', 'tonight']);
    expect(week.count).toBe(0);
  });

  it('never counts a date ahead, whatever is stored for it', () => {
    const odd = new Map([['2026-11-27', record('2026-11-27', 'distraction-free')]]);
    const week = thisWeek(odd, today, 1, 1);
    expect(week.days[4]).toEqual({ date: '2026-11-27', state: 'ahead' });
    expect(week.count).toBe(0);
  });

  it('follows the week start: Sunday-first puts Sunday 11-22 in the current week', () => {
    const week = thisWeek(evenings, today, 0, 3);
    expect(week.start).toBe('2026-11-22');
    expect(week.count).toBe(2);
    expect(week.days.map((d) => d.date)).toEqual(weekDates('2026-11-22'));
  });

  it('thisWeek is the last of the 26-week history', () => {
    const weeks = summariseWeeks(evenings, today, 1, 3);
    expect(weeks).toHaveLength(26);
    expect(weeks.at(-1)).toEqual(thisWeek(evenings, today, 1, 3));
    expect(weeks.slice(0, 24).every((w) => w.count === 0 && !w.met)).toBe(true);
    expect(weeks[0]!.days.every((d) => d.state === 'none')).toBe(true);
  });

  it.each<[EveningRecord | undefined, boolean]>([
    [record('2026-11-20', 'distraction-free'), true],
    [record('2026-11-20', 'unobserved', { markedScreenFree: true }), true],
    [record('2026-11-20', 'unobserved', { markedScreenFree: false }), false],
    [record('2026-11-20', 'unobserved'), false],
    [record('2026-11-20', 'over', { markedScreenFree: true }), false],
    [record('2026-11-20', 'in-progress'), false],
    [undefined, false],
  ])('countsAsDistractionFree(%j) is %s', (r, counts) => {
    expect(countsAsDistractionFree(r)).toBe(counts);
  });

  const statusArb = fc.constantFrom<EveningStatus>(
    'distraction-free',
    'over',
    'unobserved',
    'in-progress',
  );

  it('week counts equal a brute-force recount of the stored evenings', () => {
    fc.assert(
      fc.property(
        dateArb,
        weekdayArb,
        fc.integer({ min: 1, max: 7 }),
        weekCountArb,
        fc.array(
          fc.record({
            offset: fc.integer({ min: -250, max: 10 }),
            status: statusArb,
            marked: fc.boolean(),
          }),
          { maxLength: 120 },
        ),
        (today, weekStartsOn, goal, count, stored) => {
          const byDate = new Map<string, EveningRecord>();
          for (const { offset, status, marked } of stored) {
            const date = fromDayNumber(dayNumber(today) + offset);
            byDate.set(date, record(date, status, { markedScreenFree: marked }));
          }
          const weeks = summariseWeeks(byDate, today, weekStartsOn, goal, count);
          expect(weeks).toHaveLength(count);

          // Recount by walking the records, not the dates.
          const firstStart = dayNumber(oracleWeekStart(today, weekStartsOn)) - 7 * (count - 1);
          const counts = new Array<number>(count).fill(0);
          for (const r of byDate.values()) {
            const n = dayNumber(r.date);
            const good =
              r.status === 'distraction-free' ||
              (r.status === 'unobserved' && r.markedScreenFree === true);
            if (n < firstStart || r.date > today || !good) continue;
            counts[Math.floor((n - firstStart) / 7)]! += 1;
          }
          weeks.forEach((week, i) => {
            expect(week.start).toBe(fromDayNumber(firstStart + 7 * i));
            expect(week.count).toBe(counts[i]);
            expect(week.met).toBe(counts[i]! >= goal);
            expect(week.goal).toBe(goal);
            expect(week.days.map((d) => d.date)).toEqual(weekDates(week.start));
            for (const d of week.days) {
              const expectedState: DayState['state'] =
                d.date > today
                  ? 'ahead'
                  : !byDate.has(d.date)
                    ? d.date === today
                      ? 'tonight'
                      : 'none'
                    : countsAsDistractionFree(byDate.get(d.date))
                      ? 'distraction-free'
                      : byDate.get(d.date)!.status === 'in-progress'
                        ? 'tonight'
                        : (byDate.get(d.date)!.status as 'over' | 'unobserved');
              expect(d.state).toBe(expectedState);
            }
          });
        },
      ),
    );
  });
});

describe('goalStreak', () => {
  /** Weeks from a string, oldest first: `y` met, `n` not met; the last one is the current week. */
  const weeks = (pattern: string): WeekSummary[] =>
    [...pattern].map((c, i) => ({
      start: fromDayNumber(dayNumber('2026-01-05') + 7 * i),
      count: c === 'y' ? 3 : 1,
      goal: 3,
      met: c === 'y',
      days: [],
    }));

  it.each([
    ['', 0],
    ['n', 0],
    ['y', 1],
    ['yyn', 2],
    ['yyy', 3],
    ['yny', 1],
    ['ynyy', 2],
    ['ynyn', 1],
    ['yynn', 0],
    ['nnyyyyn', 4],
    ['nnyyyyy', 5],
  ])('%j gives a streak of %d', (pattern, streak) => {
    expect(goalStreak(weeks(pattern))).toBe(streak);
  });

  it('equals a brute-force count from the last complete week', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30 }), (met) => {
        const input = weeks(met.map((m) => (m ? 'y' : 'n')).join(''));
        let expected = 0;
        for (let i = met.length - 2; i >= 0 && met[i]; i--) expected++;
        if (met.at(-1)) expected++;
        expect(goalStreak(input)).toBe(expected);
      }),
    );
  });

  it('reads a real history: two met weeks, then this week not yet met', () => {
    const history = new Map<string, EveningRecord>(
      ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-16', '2026-11-17', '2026-11-18'].map(
        (d) => [d, record(d, 'distraction-free')],
      ),
    );
    expect(goalStreak(summariseWeeks(history, '2026-11-25', 1, 3))).toBe(2);
    history.set('2026-11-23', record('2026-11-23', 'distraction-free'));
    history.set('2026-11-24', record('2026-11-24', 'distraction-free'));
    history.set('2026-11-25', record('2026-11-25', 'distraction-free'));
    expect(goalStreak(summariseWeeks(history, '2026-11-25', 1, 3))).toBe(3);
  });
});
