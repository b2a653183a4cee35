/**
 * What the popup and new tab show about tonight and this week, computed purely from the
 * settings, the stored evenings and the moment. With sync on, the evenings come merged across
 * the user's computers (`readEveningsMerged`), so minutes and the week count are the merged ones.
 */
import { canMarkScreenFree, MARK_WITHIN_DAYS, type EveningRecord } from '@/utils/evening/record';
import {
  addDays,
  eveningAt,
  eveningOn,
  localDate,
  nextEvening,
  type Evening,
  type Weekday,
} from '@/utils/time/schedule';
import type { Settings } from '@/utils/settings/schema';
import { summariseWeeks, weekStartOf, type WeekSummary } from '@/utils/evening/week';

export interface TonightView {
  now: number;
  zone: string;
  /** The evening in progress, if any. */
  evening: Evening | null;
  /** The next evening to start (after the one in progress, if any). */
  upcoming: Evening | null;
  /** The evening the prompt and check-ins belong to: tonight's, or the next one. */
  promptDate: string;
  /** Tonight's record (in progress), if the worker or the user has written one. */
  record: EveningRecord | null;
  /** The record of `promptDate`, which steers its prompt ("another one", "Something lighter"). */
  promptRecord: EveningRecord | null;
  screenMinutes: number;
  limitMinutes: number;
  week: WeekSummary;
  weekStartsOn: Weekday;
  /** Unobserved evenings of the last week the user can still mark screen-free, newest first. */
  markable: EveningRecord[];
}

/**
 * The dates the view needs from storage: this week, the day before it (an evening past
 * midnight), the last week (unobserved evenings the user may still mark), and the next week
 * (the next evening, whose record steers the prompt shown before it starts).
 */
export function viewDateRange(now: number, zone: string, weekStartsOn: Weekday): [string, string] {
  const today = localDate(now, zone);
  const start = weekStartOf(today, weekStartsOn);
  const markable = addDays(today, -MARK_WITHIN_DAYS);
  const end = addDays(start, 6);
  const next = addDays(today, 7);
  return [markable < start ? markable : addDays(start, -1), next > end ? next : end];
}

/** Builds the view from settings, the evenings in `viewDateRange`, and the moment. */
export function buildTonightView(
  settings: Settings,
  evenings: readonly EveningRecord[],
  now: number,
  zone: string,
  weekStartsOn: Weekday,
): TonightView {
  const evening = eveningAt(now, zone, settings.schedule);
  const upcoming = nextEvening(now, zone, settings.schedule);
  const byDate = new Map(evenings.map((e) => [e.date, e]));
  const promptDate = evening?.date ?? upcoming?.date ?? localDate(now, zone);
  const record = evening ? (byDate.get(evening.date) ?? null) : null;
  const [week] = summariseWeeks(byDate, localDate(now, zone), weekStartsOn, settings.weeklyGoal, 1);
  return {
    now,
    zone,
    evening,
    upcoming,
    promptDate,
    record,
    promptRecord: byDate.get(promptDate) ?? null,
    screenMinutes: record?.screenMinutes ?? 0,
    limitMinutes: settings.limitMinutes,
    week: week!,
    weekStartsOn,
    markable: evenings
      .filter((e) => canMarkScreenFree(e, now, zone) && !('elsewhereOnly' in e))
      .sort((a, b) => b.date.localeCompare(a.date)),
  };
}

/** Within this long after an evening ends, a check-in still means "tonight" (that evening). */
const LAST_NIGHT_MS = 12 * 3_600_000;

/**
 * The evening a "We connected" check-in belongs to: the one in progress, else the one that
 * ended in the last few hours ("last night"), else the next one.
 */
export function checkInDate(view: TonightView, settings?: Settings): string {
  if (view.evening) return view.evening.date;
  if (settings) {
    const today = localDate(view.now, view.zone);
    for (const date of [today, addDays(today, -1)]) {
      const past = eveningOn(date, view.zone, settings.schedule);
      if (past && past.end <= view.now && view.now - past.end < LAST_NIGHT_MS) return date;
    }
  }
  return view.promptDate;
}
