import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eveningOn } from '@/utils/time/schedule';
import { inUse, MAX_GAP_MS, nextTracking, type Observation } from '@/utils/evening/screen-time';
import { defaultSettings } from '@/utils/settings/settings';
import { MINUTE, play, scheduleOf, ticks } from './screen-time-play';
import { ZONES } from './zones';

function at(date: string, time: string, zone: string): number {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone).epochMilliseconds;
}

describe('inUse', () => {
  it.each([
    ['active', false, true],
    ['active', true, true],
    ['idle', true, true],
    ['idle', false, false],
    ['locked', true, false],
    ['locked', false, false],
  ] as const)('%s with sound %s → %s', (state, audible, expected) => {
    expect(inUse(state, audible)).toBe(expected);
  });
});

describe.each(ZONES)('screen time in %s', (zone) => {
  const schedule = defaultSettings().schedule;

  it('counts an hour of activity as 60 minutes, to the evening of its start date', () => {
    const records = play(ticks(at('2026-11-24', '20:10', zone), 60, zone), schedule);
    expect(records.get('2026-11-24')?.screenMinutes).toBe(60);
  });

  it('counts nothing while idle or locked', () => {
    const start = at('2026-11-24', '20:00', zone);
    const observations = [
      ...ticks(start, 10, zone, true),
      ...ticks(start + 11 * MINUTE, 20, zone, false),
      ...ticks(start + 32 * MINUTE, 10, zone, true),
    ];
    // Ten minutes, the minute until idle was seen, then ten more.
    expect(play(observations, schedule).get('2026-11-24')?.screenMinutes).toBe(21);
  });

  it('counts a tab playing sound with no input (idle + audible)', () => {
    const start = at('2026-11-24', '21:00', zone);
    const observations = ticks(start, 30, zone, inUse('idle', true));
    expect(play(observations, schedule).get('2026-11-24')?.screenMinutes).toBe(30);
  });

  it('does not count a sleep gap longer than two ticks', () => {
    const start = at('2026-11-24', '20:30', zone);
    const observations = [
      ...ticks(start, 10, zone),
      // Laptop closed for 40 minutes: the next observation comes much later.
      ...ticks(start + 50 * MINUTE, 10, zone),
    ];
    expect(play(observations, schedule).get('2026-11-24')?.screenMinutes).toBe(20);
  });

  it('counts a gap of exactly two ticks, not one a second longer', () => {
    const start = at('2026-11-24', '20:30', zone);
    const exact = play(
      [
        { now: start, zone, inUse: true },
        { now: start + MAX_GAP_MS, zone, inUse: true },
      ],
      schedule,
    );
    expect(exact.get('2026-11-24')?.screenSeconds).toBe(120);
    const over = play(
      [
        { now: start, zone, inUse: true },
        { now: start + MAX_GAP_MS + 1000, zone, inUse: true },
      ],
      schedule,
    );
    expect(over.get('2026-11-24')?.screenSeconds).toBe(0);
  });

  it('counts nothing when the clock jumps backwards', () => {
    const start = at('2026-11-24', '21:00', zone);
    const records = play(
      [
        { now: start, zone, inUse: true },
        { now: start - 30 * MINUTE, zone, inUse: true },
        { now: start - 29 * MINUTE, zone, inUse: true },
      ],
      schedule,
    );
    expect(records.get('2026-11-24')?.screenSeconds).toBe(60);
  });

  it('clamps to the evening: nothing before the start or after the end', () => {
    const observations = ticks(at('2026-11-24', '19:30', zone), 4 * 60, zone);
    expect(play(observations, schedule).get('2026-11-24')?.screenMinutes).toBe(180);
  });

  it('credits the last minutes of an evening once it has ended', () => {
    const end = at('2026-11-24', '23:00', zone);
    const records = play(
      [
        { now: end - 90_000, zone, inUse: true },
        { now: end + 30_000, zone, inUse: true },
      ],
      schedule,
    );
    expect(records.get('2026-11-24')?.screenSeconds).toBe(90);
  });

  it('gives minutes after midnight to the date the evening started on', () => {
    const late = scheduleOf('21:30', '01:00');
    const records = play(ticks(at('2026-11-24', '23:30', zone), 60, zone), late);
    expect(records.get('2026-11-24')?.screenMinutes).toBe(60);
    expect(records.has('2026-11-25')).toBe(false);
  });

  it('survives the worker stopping: the persisted state carries on', () => {
    const start = at('2026-11-24', '20:05', zone);
    const first = ticks(start, 12, zone);
    const resumedFrom = nextTracking(first.at(-1)!, eveningOn('2026-11-24', zone, schedule));
    const rest = ticks(start + 13 * MINUTE, 12, zone);
    const a = play(first, schedule).get('2026-11-24')!.screenMinutes;
    const b = play(rest, schedule, resumedFrom).get('2026-11-24')!.screenMinutes;
    expect(a + b).toBe(25);
  });

  it('never counts a minute twice across a zone change mid-evening', () => {
    const start = at('2026-11-24', '20:10', zone);
    const other = zone === 'Asia/Kolkata' ? 'Europe/Berlin' : 'Asia/Kolkata';
    const observations = [
      ...ticks(start, 30, zone),
      // The machine moves to another zone; the next observation comes one tick later.
      ...ticks(start + 31 * MINUTE, 30, other),
    ];
    const records = play(observations, schedule);
    const total = [...records.values()].reduce((sum, r) => sum + (r.screenSeconds ?? 0), 0);
    // Real time elapsed is 61 minutes; the tick across the change is not counted.
    expect(total).toBeLessThanOrEqual(60 * 60);
  });

  it('never credits more than the in-window time it was active (property)', () => {
    const evening = eveningOn('2026-11-24', zone, schedule)!;
    fc.assert(
      fc.property(
        fc.array(fc.record({ step: fc.integer({ min: 1, max: 200_000 }), used: fc.boolean() }), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.integer({ min: -30, max: 200 }),
        (steps, offsetMinutes) => {
          let now = evening.start + offsetMinutes * MINUTE;
          const observations: Observation[] = [];
          for (const { step, used } of steps) {
            observations.push({ now, zone, inUse: used });
            now += step;
          }
          // Upper bound: the in-window time between consecutive observations whose first was in use.
          let bound = 0;
          for (let i = 1; i < observations.length; i += 1) {
            const a = observations[i - 1]!;
            const b = observations[i]!;
            if (!a.inUse) continue;
            bound += Math.max(0, Math.min(b.now, evening.end) - Math.max(a.now, evening.start));
          }
          const seconds = play(observations, schedule).get('2026-11-24')?.screenSeconds ?? 0;
          expect(seconds * 1000).toBeLessThanOrEqual(bound + observations.length * 500);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('daylight-saving evenings count real minutes', () => {
  it.each([
    // zone, date, window: the repeated or skipped hour falls inside it
    ['America/New_York', '2026-11-01', '00:30', '03:30', 4 * 60],
    ['America/New_York', '2026-03-08', '00:30', '03:30', 2 * 60],
    ['Europe/Berlin', '2026-10-25', '01:00', '04:00', 4 * 60],
    ['Europe/Berlin', '2026-03-29', '01:00', '04:00', 2 * 60],
    ['Australia/Sydney', '2026-04-05', '01:00', '04:00', 4 * 60],
    ['Australia/Sydney', '2026-10-04', '01:00', '04:00', 2 * 60],
    ['Australia/Lord_Howe', '2026-04-05', '01:00', '04:00', 3 * 60 + 30],
    ['Australia/Lord_Howe', '2026-10-04', '01:00', '04:00', 2 * 60 + 30],
  ])('%s on %s, %s–%s: %i minutes when active throughout', (zone, date, start, end, minutes) => {
    const schedule = scheduleOf(start, end);
    const evening = eveningOn(date, zone, schedule)!;
    expect((evening.end - evening.start) / MINUTE).toBe(minutes);
    const records = play(ticks(evening.start - 5 * MINUTE, minutes + 10, zone), schedule);
    expect(records.get(date)?.screenMinutes).toBe(minutes);
  });
});
