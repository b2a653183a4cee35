/**
 * Schedule math (SPEC §3): which evening an instant belongs to, when the next one starts, and
 * whether a window is valid. Pure: every function takes the instant (epoch ms) and the IANA
 * zone as arguments and leaves all calendar and time-zone work to `Temporal`.
 *
 * Rules, in one place:
 * - A window is local wall-clock `HH:MM`–`HH:MM`; when `end` ≤ `start` it crosses midnight and
 *   ends on the next date. The evening belongs to the date it starts on.
 * - A wall time that does not exist (spring-forward gap) becomes the first valid instant after
 *   it: the transition itself (02:30 in New York on 2026-03-08 → 03:00 EDT). Temporal's
 *   `'later'`/`'compatible'` would instead shift by the gap's length (→ 03:30), so we ask for
 *   the transition explicitly.
 * - A wall time that happens twice (fall-back overlap) takes the earlier instant.
 * - Durations are real elapsed time: the difference of the two instants.
 * - Adjacent evenings never overlap: if an evening crossing midnight would still be running
 *   when the next date's evening starts, it ends there (the later evening keeps its start, so
 *   "the evening starts" means the same thing every day). An evening left with no time at all
 *   (wholly inside a gap, or swallowed by the next one) does not happen: `null`.
 * - A disabled weekday, a missing one or an invalid window (see `windowProblem`) has no evening.
 */
/** 0 = Sunday … 6 = Saturday, as in `Date#getDay` and the export format. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** One weekday's evening: local wall-clock `HH:MM`; `end` before `start` crosses midnight. */
export interface EveningWindow {
  weekday: Weekday;
  enabled: boolean;
  start: string;
  end: string;
}

/** The longest an evening window may last (SPEC §3). */
export const MAX_WINDOW_MINUTES = 12 * 60;

/** One evening: the calendar date it starts on, and its real start and end instants (epoch ms). */
export interface Evening {
  date: string;
  start: number;
  end: number;
}

/** A wall-clock time of day. */
export interface ClockTime {
  hour: number;
  minute: number;
}

/** Why a window is invalid, and which field the user should change. */
export interface WindowProblem {
  code: 'bad-time' | 'same-start-end' | 'too-long';
  field: 'start' | 'end';
}

const MINUTES_PER_DAY = 24 * 60;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const YYYY_MM_DD = /^\d{4}-\d{2}-\d{2}$/;
/**
 * The shape `Date#toISOString` writes, loosened to what people write by hand: seconds and a
 * fraction of up to nine digits optional, `Z` or an offset. Temporal checks the date itself; the
 * shape keeps out what Temporal would quietly adjust or accept (second 60, a bare date, `z`).
 */
const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
/** How far `nextEvening` looks ahead: more than a week, so a single enabled weekday is always found. */
const SEARCH_DAYS = 8;

/** Parses strict 24-hour `HH:MM` (00:00–23:59); anything else (`7:00`, `24:00`, `20:60`) is null. */
export function parseHHMM(s: string): ClockTime | null {
  const match = HHMM.exec(s);
  if (!match) return null;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** Wall-clock length of a window in minutes (crossing midnight wraps; equal times give 0; NaN if a time is bad). */
export function windowMinutes(window: Pick<EveningWindow, 'start' | 'end'>): number {
  const start = parseHHMM(window.start);
  const end = parseHHMM(window.end);
  if (!start || !end) return Number.NaN;
  const span = end.hour * 60 + end.minute - (start.hour * 60 + start.minute);
  return (span + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/** What is wrong with a window (bad time, same start and end, over 12 hours), or null if it is valid. */
export function windowProblem(window: Pick<EveningWindow, 'start' | 'end'>): WindowProblem | null {
  if (!parseHHMM(window.start)) return { code: 'bad-time', field: 'start' };
  if (!parseHHMM(window.end)) return { code: 'bad-time', field: 'end' };
  const minutes = windowMinutes(window);
  // The end is what people adjust when a window is empty or too long, so that field is named.
  if (minutes === 0) return { code: 'same-start-end', field: 'end' };
  if (minutes > MAX_WINDOW_MINUTES) return { code: 'too-long', field: 'end' };
  return null;
}

/** An English, developer-facing sentence for a window problem (the UI translates by `code`). */
export function windowProblemMessage(
  problem: WindowProblem,
  window: Pick<EveningWindow, 'start' | 'end'>,
): string {
  switch (problem.code) {
    case 'bad-time':
      return `${problem.field} must be a time written HH:MM from 00:00 to 23:59 (got ${JSON.stringify(window[problem.field])})`;
    case 'same-start-end':
      return `end must differ from start (both are ${window.start})`;
    case 'too-long':
      return `the window ${window.start}–${window.end} lasts ${formatMinutes(windowMinutes(window))}; it may last at most ${formatMinutes(MAX_WINDOW_MINUTES)}`;
  }
}

function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Parses a `YYYY-MM-DD` calendar date strictly (2026-02-30 throws a RangeError). */
export function parsePlainDate(date: string): Temporal.PlainDate {
  if (!YYYY_MM_DD.test(date))
    throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
}

/** Whether `date` is a real `YYYY-MM-DD` calendar date. */
export function isPlainDate(date: string): boolean {
  try {
    parsePlainDate(date);
    return true;
  } catch {
    return false;
  }
}

/** Whether `value` is an ISO instant with an offset (`2026-11-23T21:40:00.000Z`) on a real date. */
export function isInstant(value: string): boolean {
  if (!ISO_INSTANT.test(value)) return false;
  try {
    Temporal.Instant.from(value);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date (`YYYY-MM-DD`) at instant `now` in `zone`. */
export function localDate(now: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(now)
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
}

/** The date `n` days after `date` (negative `n` goes back). */
export function addDays(date: string, n: number): string {
  return parsePlainDate(date).add({ days: n }).toString();
}

/** The weekday of a date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): Weekday {
  // ISO numbers Monday 1 … Sunday 7; Sunday wraps to 0.
  return (parsePlainDate(date).dayOfWeek % 7) as Weekday;
}

/**
 * The instant of a wall-clock time on a date in a zone, with the module's DST rules: a gap
 * time moves to the transition (the first valid instant after it), an overlap time takes the
 * earlier of its two instants.
 */
function wallInstant(date: Temporal.PlainDate, time: ClockTime, zone: string): number {
  const wall = date.toPlainDateTime(time);
  // 'compatible' already picks the earlier instant of an overlap.
  const zoned = wall.toZonedDateTime(zone, { disambiguation: 'compatible' });
  if (Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), wall) === 0) {
    return zoned.epochMilliseconds;
  }
  // In a gap: 'earlier' lands just before the transition, so the next transition is the answer.
  const before = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
  return (before.getTimeZoneTransition('next') ?? zoned).epochMilliseconds;
}

/** The evening a date's window describes, before adjacent evenings are reconciled. */
function rawEvening(
  date: Temporal.PlainDate,
  zone: string,
  schedule: readonly EveningWindow[],
): Evening | null {
  const weekday = (date.dayOfWeek % 7) as Weekday;
  const window = schedule.find((w) => w.weekday === weekday);
  if (!window?.enabled || windowProblem(window)) return null;
  const start = parseHHMM(window.start);
  const end = parseHHMM(window.end);
  if (!start || !end) return null;
  const crossesMidnight = end.hour * 60 + end.minute <= start.hour * 60 + start.minute;
  const startsAt = wallInstant(date, start, zone);
  const endsAt = wallInstant(crossesMidnight ? date.add({ days: 1 }) : date, end, zone);
  // A window wholly inside a gap has no time at all that night, and so cannot cut another.
  return endsAt > startsAt ? { date: date.toString(), start: startsAt, end: endsAt } : null;
}

/** The evening that belongs to a calendar date (starts on it), or null if there is none. */
export function eveningOn(
  date: string,
  zone: string,
  schedule: readonly EveningWindow[],
): Evening | null {
  const day = parsePlainDate(date);
  const evening = rawEvening(day, zone, schedule);
  if (!evening) return null;
  // An evening past midnight yields to the next date's evening rather than overlapping it.
  const next = rawEvening(day.add({ days: 1 }), zone, schedule);
  const end = next ? Math.min(evening.end, next.start) : evening.end;
  return end > evening.start ? { ...evening, end } : null;
}

/** The evening in progress at `now` (start ≤ now < end), or null outside every evening. */
export function eveningAt(
  now: number,
  zone: string,
  schedule: readonly EveningWindow[],
): Evening | null {
  const today = localDate(now, zone);
  // Windows last at most 12 hours, so only yesterday's evening can still be running today.
  for (const date of [addDays(today, -1), today]) {
    const evening = eveningOn(date, zone, schedule);
    if (evening && evening.start <= now && now < evening.end) return evening;
  }
  return null;
}

/** The first evening that starts strictly after `now`, or null if every weekday is off. */
export function nextEvening(
  now: number,
  zone: string,
  schedule: readonly EveningWindow[],
): Evening | null {
  // Start a day early: a gap at midnight can push yesterday's start past today's midnight.
  const today = localDate(now, zone);
  for (let offset = -1; offset <= SEARCH_DAYS; offset++) {
    const evening = eveningOn(addDays(today, offset), zone, schedule);
    if (evening && evening.start > now) return evening;
  }
  return null;
}
