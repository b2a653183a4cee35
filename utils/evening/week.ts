/**
 * Week math (SPEC §5): where a week starts, which dates the history reads, and how many
 * distraction-free evenings each week had against the goal. Pure calendar-date arithmetic on
 * `YYYY-MM-DD` strings: no instants and no zones (the caller turns "now" into today's date
 * with `localDate`).
 */
import type { EveningRecord } from '@/utils/evening/record';
import { addDays, parsePlainDate, weekdayOf, type Weekday } from '@/utils/time/schedule';

/** How one day of a week looks in the week's progress. */
export interface DayState {
  date: string;
  state: 'distraction-free' | 'over' | 'unobserved' | 'tonight' | 'ahead' | 'none';
}

/** One week's progress: its first date, distraction-free evenings against the goal, and each day. */
export interface WeekSummary {
  start: string;
  count: number;
  goal: number;
  met: boolean;
  days: DayState[];
}

/** Stored evenings by date, as a Map (from `getMany`) or a plain object. */
export type EveningsByDate =
  ReadonlyMap<string, EveningRecord> | Readonly<Record<string, EveningRecord>>;

/** The history's horizon: 26 weeks, the 3–6 months rebuilding intimacy usually takes (SPEC §1). */
export const HISTORY_WEEKS = 26;

/** Monday, when the locale cannot tell us (SPEC §5). */
const FALLBACK_WEEK_START: Weekday = 1;

/** `Intl.Locale` week data: `getWeekInfo()` in current engines, the older `weekInfo` getter in Node 20 and some browsers. */
interface LocaleWithWeekInfo {
  getWeekInfo?: () => { firstDay?: unknown };
  weekInfo?: { firstDay?: unknown };
}

/** The weekday weeks start on: the user's override, else the locale's first day, else Monday. */
export function resolveWeekStart(setting: Weekday | null, locale: string): Weekday {
  if (isWeekday(setting)) return setting;
  try {
    const intlLocale: LocaleWithWeekInfo = new Intl.Locale(locale);
    const firstDay = (intlLocale.getWeekInfo?.() ?? intlLocale.weekInfo)?.firstDay;
    // Intl numbers Monday 1 … Sunday 7; ours are Sunday 0 … Saturday 6.
    if (
      typeof firstDay === 'number' &&
      Number.isInteger(firstDay) &&
      firstDay >= 1 &&
      firstDay <= 7
    ) {
      return (firstDay % 7) as Weekday;
    }
  } catch {
    // A malformed locale tag: fall through to the documented default.
  }
  return FALLBACK_WEEK_START;
}

function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6;
}

/** The first date of the week that contains `date`. */
export function weekStartOf(date: string, weekStartsOn: Weekday): string {
  return addDays(date, -((weekdayOf(date) - weekStartsOn + 7) % 7));
}

/** The seven dates of the week starting on `weekStart`. */
export function weekDates(weekStart: string): string[] {
  return consecutiveDates(parsePlainDate(weekStart), 7);
}

/**
 * `n` dates from `first` on. Steps one `PlainDate` rather than re-parsing a string per date:
 * the history builds 182 of these on every open, and the read budget is 10 ms (SPEC §11).
 */
function consecutiveDates(first: Temporal.PlainDate, n: number): string[] {
  const dates: string[] = [];
  for (let day = first, i = 0; i < n; i++, day = day.add({ days: 1 })) dates.push(day.toString());
  return dates;
}

function firstWeekStart(today: string, weekStartsOn: Weekday, count: number): Temporal.PlainDate {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number of weeks (got ${count})`);
  }
  return parsePlainDate(weekStartOf(today, weekStartsOn)).subtract({
    weeks: Math.max(count - 1, 0),
  });
}

/** The first dates of the last `count` weeks, oldest first, ending with the week containing `today`. */
export function lastWeeks(today: string, weekStartsOn: Weekday, count = HISTORY_WEEKS): string[] {
  const first = firstWeekStart(today, weekStartsOn, count);
  return Array.from({ length: count }, (_, i) => first.add({ weeks: i }).toString());
}

/** Every date of the last `count` weeks: the fixed set of keys the history reads in one `getMany`. */
export function datesToRead(today: string, weekStartsOn: Weekday, count = HISTORY_WEEKS): string[] {
  return consecutiveDates(firstWeekStart(today, weekStartsOn, count), 7 * count);
}

/** Whether an evening counts toward the week: decided distraction-free, or unobserved and marked so. */
export function countsAsDistractionFree(record: EveningRecord | undefined): boolean {
  if (!record) return false;
  return (
    record.status === 'distraction-free' ||
    (record.status === 'unobserved' && record.markedScreenFree === true)
  );
}

/**
 * How a date looks given today's date and its record, if any. A record still `in-progress`
 * shows as `tonight` whatever its date: after midnight the evening that began yesterday is
 * still tonight's, and it is not decided until it ends (SPEC §5).
 */
export function dayState(
  date: string,
  today: string,
  record: EveningRecord | undefined,
): DayState['state'] {
  if (date > today) return 'ahead';
  if (!record) return date === today ? 'tonight' : 'none';
  if (countsAsDistractionFree(record)) return 'distraction-free';
  switch (record.status) {
    case 'in-progress':
      return 'tonight';
    case 'over':
      return 'over';
    default:
      return 'unobserved';
  }
}

function lookup(evenings: EveningsByDate, date: string): EveningRecord | undefined {
  if (evenings instanceof Map) return evenings.get(date);
  const byDate = evenings as Readonly<Record<string, EveningRecord>>;
  // Own keys only: a date never collides with Object.prototype, but be strict anyway.
  return Object.hasOwn(byDate, date) ? byDate[date] : undefined;
}

/** The last `count` weeks (oldest first, the current week last) with counts against `goal`. */
export function summariseWeeks(
  evenings: EveningsByDate,
  today: string,
  weekStartsOn: Weekday,
  goal: number,
  count = HISTORY_WEEKS,
): WeekSummary[] {
  const dates = datesToRead(today, weekStartsOn, count);
  return Array.from({ length: count }, (_, w) => {
    const days = dates.slice(7 * w, 7 * w + 7).map((date) => ({
      date,
      state: dayState(date, today, lookup(evenings, date)),
    }));
    const distractionFree = days.filter((d) => d.state === 'distraction-free').length;
    return {
      start: dates[7 * w]!,
      count: distractionFree,
      goal,
      met: distractionFree >= goal,
      days,
    };
  });
}

/** The week containing `today`, summarised. */
export function thisWeek(
  evenings: EveningsByDate,
  today: string,
  weekStartsOn: Weekday,
  goal: number,
): WeekSummary {
  const [week] = summariseWeeks(evenings, today, weekStartsOn, goal, 1);
  // summariseWeeks with count 1 always returns exactly one week.
  return week!;
}

/**
 * Consecutive weeks that met the goal, counting back from the last complete week. `weeks` is
 * oldest first with the current week last (as `summariseWeeks` returns it): the current week
 * adds one once it has met the goal, and does not break the streak while it still might.
 */
export function goalStreak(weeks: readonly WeekSummary[]): number {
  const current = weeks.at(-1);
  if (!current) return 0;
  let streak = current.met ? 1 : 0;
  for (let i = weeks.length - 2; i >= 0 && weeks[i]?.met; i--) streak++;
  return streak;
}
