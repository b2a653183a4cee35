import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  eveningAt,
  eveningOn,
  isPlainDate,
  localDate,
  nextEvening,
  parseHHMM,
  parsePlainDate,
  weekdayOf,
  windowMinutes,
  windowProblem,
  windowProblemMessage,
  type Evening,
  WEEKDAYS,
  type EveningWindow,
  type Weekday,
} from '@/utils/time/schedule';
import { defaultSettings } from '@/utils/settings/settings';
import { VALID_WINDOWS } from './spec-settings';
import { LOCAL_DATES, ZONES } from './zones';

// This file also runs once per zone with the process TZ set to it (vitest.config.ts): every
// expectation below is written as a fixed instant, so a leak of the machine's zone fails.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An instant written with an explicit offset, e.g. `2026-03-08T03:00-04:00`. */
const at = (iso: string): number => Temporal.Instant.from(iso).epochMilliseconds;

/** The same window on every weekday. */
function everyDay(start: string, end: string): EveningWindow[] {
  return WEEKDAYS.map((weekday) => ({ weekday, enabled: true, start, end }));
}

/** A schedule with only the given weekdays on, each with its own window. */
function only(windows: Partial<Record<Weekday, [string, string]>>): EveningWindow[] {
  return WEEKDAYS.map((weekday) => {
    const window = windows[weekday];
    return window
      ? { weekday, enabled: true, start: window[0], end: window[1] }
      : { weekday, enabled: false, start: '20:00', end: '23:00' };
  });
}

/** The evening a test expects, from instants written with explicit offsets. */
function evening(date: string, start: string, end: string): Evening {
  return { date, start: at(start), end: at(end) };
}

describe('parseHHMM', () => {
  it.each([
    ['00:00', { hour: 0, minute: 0 }],
    ['09:05', { hour: 9, minute: 5 }],
    ['20:00', { hour: 20, minute: 0 }],
    ['23:59', { hour: 23, minute: 59 }],
  ])('reads %s', (text, expected) => {
    expect(parseHHMM(text)).toEqual(expected);
  });

  it.each([
    '24:00',
    '7:00',
    '20:60',
    '',
    '20:00 ',
    ' 20:00',
    '2000',
    '20:0',
    '-1:00',
    '20:00:00',
    '２０:００',
    '20h00',
  ])('rejects %j', (text) => {
    expect(parseHHMM(text)).toBeNull();
  });
});

describe('windowMinutes', () => {
  it.each([
    ['20:00', '23:00', 180],
    ['21:30', '01:00', 210],
    ['23:59', '00:00', 1],
    ['00:00', '23:59', 1439],
    ['20:00', '20:00', 0],
  ])('%s–%s lasts %d wall-clock minutes', (start, end, minutes) => {
    expect(windowMinutes({ start, end })).toBe(minutes);
  });

  it('is NaN when a time is not HH:MM', () => {
    expect(windowMinutes({ start: '7:00', end: '09:00' })).toBeNaN();
    expect(windowMinutes({ start: '07:00', end: '24:00' })).toBeNaN();
  });
});

describe('windowProblem', () => {
  it.each([
    ['24:00', '23:00', { code: 'bad-time', field: 'start' }],
    ['7:00', '09:00', { code: 'bad-time', field: 'start' }],
    ['20:60', '23:00', { code: 'bad-time', field: 'start' }],
    ['20:00', '24:00', { code: 'bad-time', field: 'end' }],
    ['20:00', '7:00', { code: 'bad-time', field: 'end' }],
    ['20:00', '20:00', { code: 'same-start-end', field: 'end' }],
    ['00:00', '00:00', { code: 'same-start-end', field: 'end' }],
    ['20:00', '08:01', { code: 'too-long', field: 'end' }],
    ['08:00', '20:01', { code: 'too-long', field: 'end' }],
    ['20:00', '19:59', { code: 'too-long', field: 'end' }],
  ] as const)('%s–%s is %j', (start, end, problem) => {
    expect(windowProblem({ start, end })).toEqual(problem);
  });

  it.each(VALID_WINDOWS)('$start–$end ($name) is valid', (window) => {
    expect(windowProblem(window)).toBeNull();
  });

  it('renders an English message that names the field and the problem', () => {
    const bad = { start: '7:00', end: '09:00' };
    expect(windowProblemMessage(windowProblem(bad)!, bad)).toBe(
      'start must be a time written HH:MM from 00:00 to 23:59 (got "7:00")',
    );
    const same = { start: '21:00', end: '21:00' };
    expect(windowProblemMessage(windowProblem(same)!, same)).toBe(
      'end must differ from start (both are 21:00)',
    );
    const long = { start: '20:00', end: '08:01' };
    expect(windowProblemMessage(windowProblem(long)!, long)).toBe(
      'the window 20:00–08:01 lasts 12 h 1 min; it may last at most 12 h',
    );
  });
});

describe('calendar dates', () => {
  it.each([
    ['2026-11-23', 1, '2026-11-24'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-08', 0, '2026-03-08'],
    ['2026-03-08', -182, '2025-09-07'],
  ])('addDays(%s, %d) is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-03-08', 0],
    ['2026-11-23', 1],
    ['2026-11-25', 3],
    ['2026-11-28', 6],
    ['2027-01-01', 5],
  ] as const)('weekdayOf(%s) is %d', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each(['2026-02-30', '2026-2-3', '2026-02-03T00:00', '', 'tomorrow', '+002026-02-03'])(
    'rejects %j as a date',
    (date) => {
      expect(isPlainDate(date)).toBe(false);
      expect(() => parsePlainDate(date)).toThrow(RangeError);
      expect(() => addDays(date, 1)).toThrow(RangeError);
    },
  );

  it.each(LOCAL_DATES)('localDate at $instant in $zone is $date', ({ instant, zone, date }) => {
    expect(localDate(at(instant), zone)).toBe(date);
  });
});

describe('default windows', () => {
  const schedule = defaultSettings().schedule;

  it.each([
    ['UTC', '2026-01-15', '2026-01-15T20:00Z', '2026-01-15T23:00Z'],
    ['UTC', '2026-07-15', '2026-07-15T20:00Z', '2026-07-15T23:00Z'],
    ['America/New_York', '2026-01-15', '2026-01-15T20:00-05:00', '2026-01-15T23:00-05:00'],
    ['America/New_York', '2026-07-15', '2026-07-15T20:00-04:00', '2026-07-15T23:00-04:00'],
    ['Europe/Berlin', '2026-01-15', '2026-01-15T20:00+01:00', '2026-01-15T23:00+01:00'],
    ['Europe/Berlin', '2026-07-15', '2026-07-15T20:00+02:00', '2026-07-15T23:00+02:00'],
    ['Australia/Sydney', '2026-01-15', '2026-01-15T20:00+11:00', '2026-01-15T23:00+11:00'],
    ['Australia/Sydney', '2026-07-15', '2026-07-15T20:00+10:00', '2026-07-15T23:00+10:00'],
    ['Asia/Kolkata', '2026-01-15', '2026-01-15T20:00+05:30', '2026-01-15T23:00+05:30'],
    ['Asia/Kolkata', '2026-07-15', '2026-07-15T20:00+05:30', '2026-07-15T23:00+05:30'],
    ['Australia/Lord_Howe', '2026-01-15', '2026-01-15T20:00+11:00', '2026-01-15T23:00+11:00'],
    ['Australia/Lord_Howe', '2026-07-15', '2026-07-15T20:00+10:30', '2026-07-15T23:00+10:30'],
  ])('in %s on %s run 20:00–23:00 local', (zone, date, start, end) => {
    const expected = evening(date, start, end);
    expect(eveningOn(date, zone, schedule)).toEqual(expected);
    expect(expected.end - expected.start).toBe(3 * HOUR);
    // Boundaries: start is inside, end is not.
    expect(eveningAt(expected.start - 1, zone, schedule)).toBeNull();
    expect(eveningAt(expected.start, zone, schedule)).toEqual(expected);
    expect(eveningAt(expected.end - 1, zone, schedule)).toEqual(expected);
    expect(eveningAt(expected.end, zone, schedule)).toBeNull();
    expect(nextEvening(expected.start - 1, zone, schedule)).toEqual(expected);
    expect(nextEvening(expected.start, zone, schedule)?.date).toBe(addDays(date, 1));
  });

  it('Asia/Kolkata: the half-hour offset puts 20:00 at 14:30 UTC', () => {
    const schedule = defaultSettings().schedule;
    expect(eveningAt(at('2026-03-10T14:29:59.999Z'), 'Asia/Kolkata', schedule)).toBeNull();
    expect(eveningAt(at('2026-03-10T14:30Z'), 'Asia/Kolkata', schedule)?.date).toBe('2026-03-10');
    expect(eveningAt(at('2026-03-10T17:29:59.999Z'), 'Asia/Kolkata', schedule)?.date).toBe(
      '2026-03-10',
    );
    expect(eveningAt(at('2026-03-10T17:30Z'), 'Asia/Kolkata', schedule)).toBeNull();
  });
});

describe.each(ZONES)('in %s', (zone) => {
  /** A wall-clock time in this describe's zone, as an instant (no DST near the dates used). */
  const wall = (iso: string): number =>
    Temporal.PlainDateTime.from(iso).toZonedDateTime(zone).epochMilliseconds;

  describe('a window crossing midnight (21:30–01:00)', () => {
    const schedule = everyDay('21:30', '01:00');

    it('belongs to the date it starts on and ends the next date', () => {
      const e = eveningOn('2026-06-15', zone, schedule);
      expect(e).toEqual({
        date: '2026-06-15',
        start: wall('2026-06-15T21:30'),
        end: wall('2026-06-16T01:00'),
      });
      expect(e!.end - e!.start).toBe(210 * MINUTE);
    });

    it('counts the minutes after midnight toward the previous date', () => {
      expect(eveningAt(wall('2026-06-16T00:30'), zone, schedule)?.date).toBe('2026-06-15');
      expect(eveningAt(wall('2026-06-16T00:59'), zone, schedule)?.date).toBe('2026-06-15');
      expect(eveningAt(wall('2026-06-16T01:00'), zone, schedule)).toBeNull();
      expect(eveningAt(wall('2026-06-16T21:29'), zone, schedule)).toBeNull();
      expect(eveningAt(wall('2026-06-16T21:30'), zone, schedule)?.date).toBe('2026-06-16');
    });

    it('after midnight, the next evening is the one starting tonight', () => {
      expect(nextEvening(wall('2026-06-16T00:30'), zone, schedule)).toEqual({
        date: '2026-06-16',
        start: wall('2026-06-16T21:30'),
        end: wall('2026-06-17T01:00'),
      });
    });
  });

  describe('disabled weekdays', () => {
    // 2026-06-14 is a Sunday, 2026-06-15 a Monday.
    it('have no evening, and nothing spills into them', () => {
      const schedule = only({ 0: ['21:30', '01:00'], 2: ['21:30', '01:00'] });
      expect(eveningOn('2026-06-15', zone, schedule)).toBeNull();
      expect(eveningAt(wall('2026-06-15T22:00'), zone, schedule)).toBeNull();
      // Sunday's evening still runs past midnight into Monday.
      expect(eveningAt(wall('2026-06-15T00:30'), zone, schedule)?.date).toBe('2026-06-14');
      // Monday is off, so nothing runs past midnight into Tuesday.
      expect(eveningAt(wall('2026-06-16T00:30'), zone, schedule)).toBeNull();
    });

    it('are skipped by nextEvening', () => {
      const wednesday = only({ 3: ['20:00', '23:00'] });
      expect(nextEvening(wall('2026-06-15T23:30'), zone, wednesday)).toEqual({
        date: '2026-06-17',
        start: wall('2026-06-17T20:00'),
        end: wall('2026-06-17T23:00'),
      });
    });

    it('leave a week to wait when only the evening in progress is on', () => {
      const monday = only({ 1: ['20:00', '23:00'] });
      expect(nextEvening(wall('2026-06-15T20:30'), zone, monday)?.date).toBe('2026-06-22');
      // Starting exactly now is not "next": the next one is strictly later.
      expect(nextEvening(wall('2026-06-15T20:00'), zone, monday)?.date).toBe('2026-06-22');
      expect(nextEvening(wall('2026-06-15T20:00') - 1, zone, monday)?.date).toBe('2026-06-15');
    });

    it('all off: no evening at all', () => {
      const off = only({});
      expect(eveningOn('2026-06-15', zone, off)).toBeNull();
      expect(eveningAt(wall('2026-06-15T21:00'), zone, off)).toBeNull();
      expect(nextEvening(wall('2026-06-15T21:00'), zone, off)).toBeNull();
    });

    it('an invalid or missing window is treated as off', () => {
      expect(eveningOn('2026-06-15', zone, only({ 1: ['20:00', '20:00'] }))).toBeNull();
      expect(eveningOn('2026-06-15', zone, only({ 1: ['20:00', '08:01'] }))).toBeNull();
      expect(eveningOn('2026-06-15', zone, only({ 1: ['8:00', '09:00'] }))).toBeNull();
      expect(eveningOn('2026-06-15', zone, [])).toBeNull();
      expect(nextEvening(wall('2026-06-15T21:00'), zone, [])).toBeNull();
    });
  });

  describe('adjacent evenings that would overlap', () => {
    // Monday 22:00–02:00 would still run when Tuesday's 01:00–03:00 starts.
    const schedule = only({ 1: ['22:00', '02:00'], 2: ['01:00', '03:00'] });

    it('the earlier evening ends where the next begins', () => {
      expect(eveningOn('2026-06-15', zone, schedule)).toEqual({
        date: '2026-06-15',
        start: wall('2026-06-15T22:00'),
        end: wall('2026-06-16T01:00'),
      });
      expect(eveningOn('2026-06-16', zone, schedule)).toEqual({
        date: '2026-06-16',
        start: wall('2026-06-16T01:00'),
        end: wall('2026-06-16T03:00'),
      });
    });

    it('each instant belongs to exactly one of them', () => {
      expect(eveningAt(wall('2026-06-16T00:59'), zone, schedule)?.date).toBe('2026-06-15');
      expect(eveningAt(wall('2026-06-16T01:00'), zone, schedule)?.date).toBe('2026-06-16');
      expect(eveningAt(wall('2026-06-16T01:30'), zone, schedule)?.date).toBe('2026-06-16');
      expect(nextEvening(wall('2026-06-16T00:30'), zone, schedule)?.date).toBe('2026-06-16');
    });

    it('a next evening starting at midnight cuts the previous one at midnight', () => {
      const midnight = only({ 1: ['22:00', '02:00'], 2: ['00:00', '01:00'] });
      expect(eveningOn('2026-06-15', zone, midnight)?.end).toBe(wall('2026-06-16T00:00'));
      expect(eveningAt(wall('2026-06-16T00:00'), zone, midnight)?.date).toBe('2026-06-16');
    });

    it('evenings that merely touch are left alone', () => {
      const touching = only({ 1: ['21:00', '01:00'], 2: ['01:00', '03:00'] });
      expect(eveningOn('2026-06-15', zone, touching)?.end).toBe(wall('2026-06-16T01:00'));
      expect(eveningAt(wall('2026-06-16T01:00') - 1, zone, touching)?.date).toBe('2026-06-15');
      expect(eveningAt(wall('2026-06-16T01:00'), zone, touching)?.date).toBe('2026-06-16');
    });
  });
});

describe('daylight-saving transitions', () => {
  /** Checks eveningOn, its real length, and eveningAt at both edges. */
  function expectEvening(
    zone: string,
    schedule: EveningWindow[],
    expected: Evening,
    realMinutes: number,
  ): void {
    expect(eveningOn(expected.date, zone, schedule)).toEqual(expected);
    expect(expected.end - expected.start).toBe(realMinutes * MINUTE);
    expect(eveningAt(expected.start, zone, schedule)).toEqual(expected);
    expect(eveningAt(expected.end - 1, zone, schedule)).toEqual(expected);
    expect(eveningAt(expected.start - 1, zone, schedule)?.date).not.toBe(expected.date);
    expect(eveningAt(expected.end, zone, schedule)?.date).not.toBe(expected.date);
  }

  describe('America/New_York', () => {
    const zone = 'America/New_York';

    it('spring forward (2026-03-08): a window containing the gap is an hour shorter', () => {
      expectEvening(
        zone,
        everyDay('01:00', '04:00'),
        evening('2026-03-08', '2026-03-08T01:00-05:00', '2026-03-08T04:00-04:00'),
        120,
      );
    });

    it('spring forward: a 02:30 start does not exist and starts at 03:00', () => {
      expectEvening(
        zone,
        everyDay('02:30', '05:00'),
        evening('2026-03-08', '2026-03-08T03:00-04:00', '2026-03-08T05:00-04:00'),
        120,
      );
    });

    it('spring forward: an end in the gap ends at 03:00', () => {
      expectEvening(
        zone,
        everyDay('22:00', '02:30'),
        evening('2026-03-07', '2026-03-07T22:00-05:00', '2026-03-08T03:00-04:00'),
        240,
      );
    });

    it('spring forward: a window wholly inside the gap has no evening that night', () => {
      const schedule = everyDay('02:00', '02:30');
      expect(eveningOn('2026-03-08', zone, schedule)).toBeNull();
      expect(eveningOn('2026-03-07', zone, schedule)?.date).toBe('2026-03-07');
      expect(nextEvening(at('2026-03-08T01:00-05:00'), zone, schedule)).toEqual(
        evening('2026-03-09', '2026-03-09T02:00-04:00', '2026-03-09T02:30-04:00'),
      );
    });

    it('spring forward: an ordinary evening that day is in daylight time', () => {
      expectEvening(
        zone,
        everyDay('20:00', '23:00'),
        evening('2026-03-08', '2026-03-08T20:00-04:00', '2026-03-08T23:00-04:00'),
        180,
      );
    });

    it('fall back (2026-11-01): a window containing the repeated hour is an hour longer', () => {
      expectEvening(
        zone,
        everyDay('23:00', '03:00'),
        evening('2026-10-31', '2026-10-31T23:00-04:00', '2026-11-01T03:00-05:00'),
        300,
      );
      // The second 01:30 (standard time) is still inside Saturday's evening.
      expect(eveningAt(at('2026-11-01T01:30-05:00'), zone, everyDay('23:00', '03:00'))?.date).toBe(
        '2026-10-31',
      );
    });

    it('fall back: an ambiguous start takes the earlier 01:30', () => {
      expectEvening(
        zone,
        everyDay('01:30', '04:00'),
        evening('2026-11-01', '2026-11-01T01:30-04:00', '2026-11-01T04:00-05:00'),
        210,
      );
    });

    it('fall back: an ambiguous end takes the earlier 01:30, so the repeat is outside', () => {
      const schedule = everyDay('00:00', '01:30');
      expectEvening(
        zone,
        schedule,
        evening('2026-11-01', '2026-11-01T00:00-04:00', '2026-11-01T01:30-04:00'),
        90,
      );
      expect(eveningAt(at('2026-11-01T01:15-05:00'), zone, schedule)).toBeNull();
    });
  });

  describe('Europe/Berlin', () => {
    const zone = 'Europe/Berlin';

    it('spring forward (2026-03-29): 22:00–04:00 lasts 5 real hours', () => {
      expectEvening(
        zone,
        everyDay('22:00', '04:00'),
        evening('2026-03-28', '2026-03-28T22:00+01:00', '2026-03-29T04:00+02:00'),
        300,
      );
    });

    it('spring forward: a 02:30 start starts at 03:00', () => {
      expectEvening(
        zone,
        everyDay('02:30', '05:00'),
        evening('2026-03-29', '2026-03-29T03:00+02:00', '2026-03-29T05:00+02:00'),
        120,
      );
    });

    it('fall back (2026-10-25): 22:00–04:00 lasts 7 real hours', () => {
      expectEvening(
        zone,
        everyDay('22:00', '04:00'),
        evening('2026-10-24', '2026-10-24T22:00+02:00', '2026-10-25T04:00+01:00'),
        420,
      );
    });

    it('fall back: an ambiguous 02:30 start takes summer time', () => {
      expectEvening(
        zone,
        everyDay('02:30', '05:00'),
        evening('2026-10-25', '2026-10-25T02:30+02:00', '2026-10-25T05:00+01:00'),
        210,
      );
    });
  });

  describe('Australia/Sydney', () => {
    const zone = 'Australia/Sydney';

    it('fall back (2026-04-05): 22:00–04:00 lasts 7 real hours', () => {
      expectEvening(
        zone,
        everyDay('22:00', '04:00'),
        evening('2026-04-04', '2026-04-04T22:00+11:00', '2026-04-05T04:00+10:00'),
        420,
      );
    });

    it('fall back: an ambiguous 02:30 start takes daylight time', () => {
      expectEvening(
        zone,
        everyDay('02:30', '05:00'),
        evening('2026-04-05', '2026-04-05T02:30+11:00', '2026-04-05T05:00+10:00'),
        210,
      );
    });

    it('spring forward (2026-10-04): 22:00–04:00 lasts 5 real hours', () => {
      expectEvening(
        zone,
        everyDay('22:00', '04:00'),
        evening('2026-10-03', '2026-10-03T22:00+10:00', '2026-10-04T04:00+11:00'),
        300,
      );
    });

    it('spring forward: a 02:30 start starts at 03:00', () => {
      expectEvening(
        zone,
        everyDay('02:30', '05:00'),
        evening('2026-10-04', '2026-10-04T03:00+11:00', '2026-10-04T05:00+11:00'),
        120,
      );
    });
  });

  describe('Australia/Lord_Howe (half-hour shift)', () => {
    const zone = 'Australia/Lord_Howe';

    it('fall back (2026-04-05): 22:00–04:00 lasts 6½ real hours', () => {
      expectEvening(
        zone,
        everyDay('22:00', '04:00'),
        evening('2026-04-04', '2026-04-04T22:00+11:00', '2026-04-05T04:00+10:30'),
        390,
      );
    });

    it('fall back: an ambiguous 01:45 start takes daylight time', () => {
      expectEvening(
        zone,
        everyDay('01:45', '03:00'),
        evening('2026-04-05', '2026-04-05T01:45+11:00', '2026-04-05T03:00+10:30'),
        105,
      );
    });

    it('spring forward (2026-10-04): 22:00–04:00 lasts 5½ real hours', () => {
      expectEvening(
        zone,
        everyDay('22:00', '04:00'),
        evening('2026-10-03', '2026-10-03T22:00+10:30', '2026-10-04T04:00+11:00'),
        330,
      );
    });

    it('spring forward: a 02:15 start does not exist and starts at 02:30', () => {
      expectEvening(
        zone,
        everyDay('02:15', '04:00'),
        evening('2026-10-04', '2026-10-04T02:30+11:00', '2026-10-04T04:00+11:00'),
        90,
      );
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, in every zone, with instants biased toward the zone's DST transitions.

// Half the starts fall between 01:00 and 03:30, where the tested zones' transitions are.
const minuteOfDay = fc.oneof(
  fc.integer({ min: 0, max: 24 * 60 - 1 }),
  fc.integer({ min: 60, max: 210 }),
);
const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A valid window (1 minute to 12 hours, often crossing midnight), on or off. */
const windowArb = (weekday: Weekday) =>
  fc
    .record({
      enabled: fc.boolean(),
      start: minuteOfDay,
      length: fc.oneof(fc.integer({ min: 1, max: 12 * 60 }), fc.constantFrom(1, 60, 180, 720)),
    })
    .map(({ enabled, start, length }): EveningWindow => ({
      weekday,
      enabled,
      start: hhmm(start),
      end: hhmm((start + length) % (24 * 60)),
    }));

const scheduleArb = fc.tuple(...WEEKDAYS.map(windowArb));

const minutesOf = (hhmm: string): number => {
  const t = parseHHMM(hhmm)!;
  return t.hour * 60 + t.minute;
};

const wallTime = (date: string, hhmm: string): Temporal.PlainDateTime =>
  Temporal.PlainDateTime.from(`${date}T${hhmm}`);

/**
 * Oracle for the DST rules, by search rather than by Temporal's disambiguation: the earliest
 * whole minute whose wall time in `zone` is at or after `wall` (a gap time gives the
 * transition, a repeated time its first occurrence). Offsets in the tested zones are whole
 * minutes and shift by at most an hour, so the answer is within 90 minutes of the naive one.
 */
function firstInstantAtOrAfter(wall: Temporal.PlainDateTime, zone: string): number {
  const wallAt = (t: number) =>
    Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone).toPlainDateTime();
  const asUtc = wall.toZonedDateTime('UTC').epochMilliseconds;
  const offset =
    Temporal.Instant.fromEpochMilliseconds(asUtc).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
  let t = asUtc - offset - 90 * MINUTE;
  expect(Temporal.PlainDateTime.compare(wallAt(t), wall)).toBeLessThan(0);
  while (Temporal.PlainDateTime.compare(wallAt(t), wall) < 0) t += MINUTE;
  return t;
}

/** The zone's offset transitions from 2025 to 2028: where the interesting instants are. */
function transitionsOf(zone: string): number[] {
  const found: number[] = [];
  let t: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({
    year: 2025,
    month: 1,
    day: 1,
    timeZone: zone,
  });
  while ((t = t.getTimeZoneTransition('next')) && t.year < 2029) found.push(t.epochMilliseconds);
  return found;
}

describe.each(ZONES)('properties in %s', (zone) => {
  const transitions = transitionsOf(zone);
  const RANGE = { min: at('2025-01-01T00:00Z'), max: at('2029-01-01T00:00Z') };
  const nearTransition =
    transitions.length === 0
      ? fc.integer(RANGE)
      : fc
          .tuple(fc.constantFrom(...transitions), fc.integer({ min: -14 * HOUR, max: 14 * HOUR }))
          .map(([t, d]) => t + d);
  const instant = fc.oneof(
    fc.integer(RANGE),
    nearTransition,
    // Whole minutes: boundaries land exactly on starts and ends.
    fc.integer(RANGE).map((t) => t - (t % MINUTE)),
  );

  it('has DST transitions to test where the zone has them', () => {
    const hasDst = !['UTC', 'Asia/Kolkata'].includes(zone);
    expect(transitions.length > 0).toBe(hasDst);
  });

  it('every instant is in at most one evening, which contains it and is that date’s', () => {
    fc.assert(
      fc.property(scheduleArb, instant, (schedule, now) => {
        const today = localDate(now, zone);
        const containing = [-2, -1, 0, 1]
          .map((n) => eveningOn(addDays(today, n), zone, schedule))
          .filter((e): e is Evening => e !== null && e.start <= now && now < e.end);
        expect(containing.length).toBeLessThanOrEqual(1);
        const found = eveningAt(now, zone, schedule);
        expect(found).toEqual(containing[0] ?? null);
        if (found) {
          expect(found.start).toBeLessThanOrEqual(now);
          expect(found.end).toBeGreaterThan(now);
          expect(found).toEqual(eveningOn(found.date, zone, schedule));
          expect([addDays(today, -1), today]).toContain(found.date);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('nextEvening starts after now, and no evening starts in between', () => {
    fc.assert(
      fc.property(scheduleArb, instant, (schedule, now) => {
        const next = nextEvening(now, zone, schedule);
        const anyOn = schedule.some((w) => w.enabled);
        if (!next) {
          expect(anyOn).toBe(false);
          return;
        }
        expect(next.start).toBeGreaterThan(now);
        expect(next).toEqual(eveningOn(next.date, zone, schedule));
        for (
          let date = addDays(localDate(now, zone), -1);
          date < next.date;
          date = addDays(date, 1)
        ) {
          const e = eveningOn(date, zone, schedule);
          if (e) expect(e.start).toBeLessThanOrEqual(now);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an evening starts and ends at the first instant at or after its wall times, and never overlaps the next', () => {
    const dateArb = fc.oneof(fc.integer(RANGE), nearTransition).map((t) => localDate(t, zone));
    fc.assert(
      fc.property(scheduleArb, dateArb, (schedule, date) => {
        const e = eveningOn(date, zone, schedule);
        const window = schedule[weekdayOf(date)]!;
        if (!window.enabled) {
          expect(e).toBeNull();
          return;
        }
        const next = eveningOn(addDays(date, 1), zone, schedule);
        const startWall = wallTime(date, window.start);
        const endDate = windowMinutes(window) > minutesOf(window.end) ? addDays(date, 1) : date;
        const endWall = wallTime(endDate, window.end);
        if (!e) {
          // Only a window wholly inside a gap vanishes: no instant has a wall time in it.
          expect(firstInstantAtOrAfter(startWall, zone)).toBe(firstInstantAtOrAfter(endWall, zone));
          return;
        }
        expect(e.end).toBeGreaterThan(e.start);
        expect(localDate(e.start, zone)).toBe(date);
        expect(e.start).toBe(firstInstantAtOrAfter(startWall, zone));
        if (next && next.start < firstInstantAtOrAfter(endWall, zone)) {
          expect(e.end).toBe(next.start);
        } else {
          expect(e.end).toBe(firstInstantAtOrAfter(endWall, zone));
        }
        // Real length is the wall length give or take one DST shift, unless cut by the next evening.
        expect(e.end - e.start).toBeLessThanOrEqual((windowMinutes(window) + 60) * MINUTE);
        if (next) expect(e.end).toBeLessThanOrEqual(next.start);
        else expect(e.end - e.start).toBeGreaterThanOrEqual((windowMinutes(window) - 60) * MINUTE);
      }),
      { numRuns: 400 },
    );
  });
});
