/**
 * What the history page shows, derived purely from the stored evenings of the last 26 weeks;
 * with sync on, merged across the user's computers (`readEveningsMerged`, SPEC §14): weeks,
 * streak and the balance of kinds count every computer, reasons' words are this computer's.
 */
import { canMarkScreenFree, type EveningRecord, type Reason } from '@/utils/evening/record';
import type { MergedEvening } from '@/utils/evening/merge';
import { addDays, type Weekday } from '@/utils/time/schedule';
import { INTIMACY_KINDS, type IntimacyKind } from '@/utils/settings/settings';
import { datesToRead, goalStreak, summariseWeeks, type WeekSummary } from '@/utils/evening/week';

/** Days the balance of the five kinds looks back over. */
export const BALANCE_DAYS = 28;

export interface HistoryView {
  weeks: WeekSummary[];
  thisWeek: WeekSummary;
  streak: number;
  balance: Record<IntimacyKind, number>;
  /** The kind practised least lately (first in the usual order on a tie); null with no check-ins. */
  quietestKind: IntimacyKind | null;
  reasons: (Reason & { date: string })[];
  /** Reasons noted this week on the user's other computers (their words stay there). */
  reasonsElsewhere: number;
  markable: EveningRecord[];
  /** True until the first evening is settled: a new user (tonight may be under way). */
  empty: boolean;
}

/** The first and last date the history reads (one key-range request). */
export function historyRange(today: string, weekStartsOn: Weekday): [string, string] {
  const dates = datesToRead(today, weekStartsOn);
  return [dates[0]!, dates.at(-1)!];
}

/** The kinds in a synced check-in's bit mask (bit i = INTIMACY_KINDS[i], as `kindsMask` makes it). */
export function maskKinds(mask: number): IntimacyKind[] {
  return INTIMACY_KINDS.filter((_, i) => mask & (1 << i));
}

/**
 * How many check-ins named each kind in the `days` before and including `today`, on this
 * computer and (merged evenings) the user's other ones.
 */
export function kindBalance(
  evenings: readonly MergedEvening[],
  today: string,
  days = BALANCE_DAYS,
): Record<IntimacyKind, number> {
  const from = addDays(today, -(days - 1));
  const balance = Object.fromEntries(INTIMACY_KINDS.map((k) => [k, 0])) as Record<
    IntimacyKind,
    number
  >;
  for (const evening of evenings) {
    if (evening.date < from || evening.date > today) continue;
    for (const checkIn of evening.checkIns) for (const kind of checkIn.kinds) balance[kind] += 1;
    for (const other of evening.elsewhere ?? []) {
      for (const mask of other.kinds) for (const kind of maskKinds(mask)) balance[kind] += 1;
    }
  }
  return balance;
}

/** Message key of the gentle suggestion for the kind practised least lately. */
export function suggestionKey(kind: IntimacyKind): string {
  return `history_suggest_${kind}`;
}

/** Builds the history page's view from the evenings in `historyRange`. */
export function buildHistoryView(
  evenings: readonly MergedEvening[],
  today: string,
  weekStartsOn: Weekday,
  goal: number,
  now: number,
  zone: string,
): HistoryView {
  const weeks = summariseWeeks(
    new Map(evenings.map((e) => [e.date, e])),
    today,
    weekStartsOn,
    goal,
  );
  const thisWeek = weeks.at(-1)!;
  const balance = kindBalance(evenings, today);
  const total = INTIMACY_KINDS.reduce((sum, k) => sum + balance[k], 0);
  const quietestKind = total
    ? INTIMACY_KINDS.reduce((low, k) => (balance[k] < balance[low] ? k : low), INTIMACY_KINDS[0])
    : null;
  const week = evenings.filter((e) => e.date >= thisWeek.start);
  const reasons = week
    .flatMap((e) => (e.reasons ?? []).map((r) => ({ ...r, date: e.date })))
    .sort((a, b) => a.at.localeCompare(b.at));
  return {
    weeks,
    thisWeek,
    streak: goalStreak(weeks),
    balance,
    quietestKind,
    reasons,
    reasonsElsewhere: week
      .flatMap((e) => e.elsewhere ?? [])
      .reduce((sum, other) => sum + other.reasons, 0),
    markable: evenings
      .filter((e) => canMarkScreenFree(e, now, zone) && !('elsewhereOnly' in e))
      .sort((a, b) => b.date.localeCompare(a.date)),
    // Tonight's record exists from the first minute; a new user has nothing settled yet.
    empty: !evenings.some((e) => e.status !== 'in-progress'),
  };
}

export interface Bar {
  start: string;
  count: number;
  met: boolean;
  x: number;
  y: number;
  height: number;
}

/** Bar positions for the chart: one bar a week, heights on a 0–7 scale, in a width × height box. */
export function chartBars(weeks: readonly WeekSummary[], width: number, height: number): Bar[] {
  const slot = width / Math.max(1, weeks.length);
  return weeks.map((week, i) => {
    const barHeight = (week.count / 7) * height;
    return {
      start: week.start,
      count: week.count,
      met: week.met,
      x: i * slot + slot * 0.15,
      y: height - barHeight,
      height: barHeight,
    };
  });
}
