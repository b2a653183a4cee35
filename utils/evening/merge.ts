/**
 * One evening across the user's own computers (SPEC §14), pure. Each computer that syncs
 * publishes a summary of each evening it knows; merged, the evening's screen time is the sum
 * over computers, it is distraction-free only if that sum is within the limit, and unobserved
 * only if no computer saw it.
 *
 * A computer's status for an evening carries the two facts the merge needs:
 *
 *   status        saw it?  knows it ended?
 *   in-progress   yes      no
 *   distraction-  yes      yes        merged: nobody saw it ─────────────▶ unobserved
 *   free / over                               someone saw it, nobody knows
 *   unobserved    no       yes                it ended (yet) ────────────▶ in-progress
 *                                             else: Σ minutes ≤ limit ? distraction-free : over
 *
 * Merging is order-independent, idempotent and associative. The worker keeps the other
 * computers' summaries by date (`Elsewhere`); a page merges its own records with them.
 * Check-in kinds and reasons are not merged into one figure: the history adds them up.
 */
import type { EveningRecord, EveningStatus } from '@/utils/evening/record';
import { INTIMACY_KINDS, type IntimacyKind } from '@/utils/settings/settings';

/** The figures of an evening that merge across computers. */
export interface EveningFigures {
  seconds: number;
  status: EveningStatus;
  /** Unobserved, and the user said "We were screen-free". */
  marked?: boolean;
  /** The limit the evening was decided with (decided evenings only). */
  limit?: number;
}

/** What one computer tells the others about one evening: no free text, no instants. */
export interface EveningSummary extends EveningFigures {
  /** One bit mask of kinds per check-in (bit i = INTIMACY_KINDS[i]), ascending. */
  kinds: number[];
  /** How many reasons were noted; their words stay on that computer. */
  reasons: number;
}

/** The other computers' evenings, as the worker keeps them from sync. */
export interface Elsewhere {
  /** How many other computers take part. */
  computers: number;
  /** By date (`YYYY-MM-DD`): each other computer's summary of that evening. */
  evenings: Record<string, EveningSummary[]>;
}

/** An evening with the other computers' figures merged in: what the pages show. */
export type MergedEvening = EveningRecord & {
  /** The other computers' summaries of it, when they have any. */
  elsewhere?: EveningSummary[];
  /** No record of it on this computer: only the others knew it. */
  elsewhereOnly?: true;
};

/** A set of kinds as a bit mask, in INTIMACY_KINDS order. */
export function kindsMask(kinds: readonly IntimacyKind[]): number {
  return INTIMACY_KINDS.reduce(
    (mask, kind, i) => (kinds.includes(kind) ? mask | (1 << i) : mask),
    0,
  );
}

/** A record's figures. */
export function figuresOf(record: EveningRecord): EveningFigures {
  const { status, limitMinutes } = record;
  const figures: EveningFigures = {
    seconds: record.screenSeconds ?? record.screenMinutes * 60,
    status,
  };
  if (status === 'unobserved' && record.markedScreenFree) figures.marked = true;
  // Only a decided evening was decided with a limit.
  if ((status === 'distraction-free' || status === 'over') && limitMinutes !== undefined) {
    figures.limit = limitMinutes;
  }
  return figures;
}

/** A record as the other computers see it. */
export function summaryOf(record: EveningRecord): EveningSummary {
  return {
    ...figuresOf(record),
    kinds: record.checkIns.map((c) => kindsMask(c.kinds)).sort((a, b) => a - b),
    reasons: record.reasons?.length ?? 0,
  };
}

/**
 * One evening's figures from several computers (at least one), merged. `limitMinutes` decides
 * an evening none of them recorded a limit for (the settings' limit).
 */
export function mergeFigures(
  parts: readonly EveningFigures[],
  limitMinutes: number,
): EveningFigures {
  let seconds = 0;
  let seen = false;
  let ended = false;
  let marked = false;
  let limit: number | undefined;
  for (const part of parts) {
    seconds += part.seconds;
    seen ||= part.status !== 'unobserved';
    ended ||= part.status !== 'in-progress';
    marked ||= part.marked === true;
    if (part.limit !== undefined) limit = Math.min(limit ?? part.limit, part.limit);
  }
  const merged: EveningFigures = {
    seconds,
    status: !seen
      ? 'unobserved'
      : !ended
        ? 'in-progress'
        : Math.floor(seconds / 60) <= (limit ?? limitMinutes)
          ? 'distraction-free'
          : 'over',
  };
  if (marked && !seen) merged.marked = true;
  if (limit !== undefined) merged.limit = limit;
  return merged;
}

/**
 * This computer's evenings from `first` to `last` with the other computers' merged in, in no
 * particular order (the views look evenings up by date). A date the others do not know is this
 * computer's record exactly as stored.
 */
export function mergeElsewhere(
  records: readonly EveningRecord[],
  elsewhere: Elsewhere | undefined,
  first: string,
  last: string,
  limitMinutes: number,
): MergedEvening[] {
  const byDate = new Map<string, MergedEvening>(records.map((r) => [r.date, r]));
  for (const [date, others] of Object.entries(elsewhere?.evenings ?? {})) {
    if (date < first || date > last || !others.length) continue;
    const record = byDate.get(date);
    const merged = mergeFigures(record ? [figuresOf(record), ...others] : others, limitMinutes);
    byDate.set(date, {
      ...(record ?? { date, nudges: 0, checkIns: [], elsewhereOnly: true }),
      screenSeconds: merged.seconds,
      screenMinutes: Math.floor(merged.seconds / 60),
      status: merged.status,
      markedScreenFree: merged.marked === true,
      elsewhere: others,
    });
  }
  return [...byDate.values()];
}
