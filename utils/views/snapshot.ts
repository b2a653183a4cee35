/**
 * How long a rendering of tonight stays true (SPEC §11, no content swap). Pure: what a page shows
 * about tonight changes in two ways only, when stored data changes (then snapshots are forgotten
 * or re-rendered) and when the clock crosses one of a few instants, all computable from what the
 * page read: the evening's start or end, local midnight, the end of "I need it for a moment" or
 * of a snooze. A snapshot is therefore keyed by the stretch of time between two such instants,
 * and one is only kept while the worker has nothing left to decide that would change the page
 * (an ended evening it has not settled yet).
 *
 *   now ──── segment 1: what the page shows ────┬──── segment 2: the same data, the clock past ───┬──
 *                                               next change (e.g. the evening starts)              the one after
 *
 * The second segment is rendered ahead of time, so the first new tab of the evening (or of the
 * day, after midnight) paints its prompt at once too; it is left out when the worker will write
 * at its start (an evening ending: its minutes are credited and it is decided).
 */
import type { Meta } from '@/utils/evening/lifecycle';
import { settle } from '@/utils/evening/lifecycle';
import type { Snooze } from '@/utils/evening/nudge-policy';
import type { EveningRecord } from '@/utils/evening/record';
import type { Settings } from '@/utils/settings/schema';
import type { Weekday } from '@/utils/time/schedule';
import { buildTonightView, type TonightView } from '@/utils/views/tonight-view';

/** Everything a page read from storage to show tonight: enough to show it at another instant. */
export interface TonightInputs {
  settings: Settings;
  /** The stored evenings around today: `viewDateRange`'s, and the week after for what comes next. */
  evenings: readonly EveningRecord[];
  meta: Meta | undefined;
  /** Until when "I need it for a moment" lets new tabs through (epoch ms), or 0. */
  allowanceUntil: number;
  snooze: Snooze | null;
  zone: string;
  weekStartsOn: Weekday;
}

/** One stretch of time, `from` up to just before `until`, and what the page shows during it. */
export interface Segment {
  from: number;
  until: number;
  view: TonightView;
}

/** The first instant of the calendar day after `now`'s in `zone` (DST-safe: not always 00:00). */
export function nextMidnight(now: number, zone: string): number {
  return Temporal.Instant.fromEpochMilliseconds(now)
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .add({ days: 1 })
    .toZonedDateTime(zone).epochMilliseconds;
}

/**
 * The first instant after `view.now` at which the page could show something else with the same
 * stored data: the evening's end or the next one's start, midnight (today's date, the week, the
 * evenings that may still be marked), the end of the allowance or of a timed snooze.
 */
export function nextChange(
  view: TonightView,
  inputs: Pick<TonightInputs, 'allowanceUntil' | 'snooze'>,
): number {
  const { now } = view;
  const instants = [
    view.evening?.end,
    view.upcoming?.start,
    nextMidnight(now, view.zone),
    inputs.allowanceUntil,
    inputs.snooze && 'until' in inputs.snooze ? inputs.snooze.until : undefined,
  ];
  return Math.min(...instants.filter((t): t is number => t !== undefined && t > now));
}

/**
 * Whether, at `at`, the worker has nothing left to settle that would change a record the page
 * shows: else the page is about to change by itself, and no snapshot of it may be kept.
 */
export function settledAt(inputs: TonightInputs, at: number): boolean {
  const { meta, evenings, zone, settings } = inputs;
  if (!meta) return false;
  // An evening to settle that is not among `evenings` (before the range read) counts as one the
  // worker will write, so this errs on the side of no snapshot.
  const existing = new Map(evenings.map((e) => [e.date, e]));
  return (
    settle(meta, existing, at, zone, settings.schedule, settings.limitMinutes).records.size === 0
  );
}

/** The view of the inputs at instant `at`. */
export function viewAt(inputs: TonightInputs, at: number): TonightView {
  return buildTonightView(inputs.settings, inputs.evenings, at, inputs.zone, inputs.weekStartsOn);
}

/**
 * The stretches a snapshot taken at `now` may be painted in, with their views: now until the
 * next change and, when the worker will not write there, the stretch after it. None while an
 * ended evening awaits settling.
 */
export function snapshotSegments(inputs: TonightInputs, now: number): Segment[] {
  if (!settledAt(inputs, now)) return [];
  const view = viewAt(inputs, now);
  const segments: Segment[] = [{ from: now, until: nextChange(view, inputs), view }];
  const next = segments[0]!.until;
  if (settledAt(inputs, next)) {
    const later = viewAt(inputs, next);
    segments.push({ from: next, until: nextChange(later, inputs), view: later });
  }
  return segments;
}
