/**
 * Settling evenings (SPEC §5), pure. An evening is decided once it has ended: in progress
 * becomes distraction-free or over; an evening the browser never saw becomes unobserved.
 * `meta.settledThrough` remembers how far this has gone, so a browser closed for days settles
 * every missed evening the next time the worker runs, exactly once.
 */
import type { EveningRecord } from '@/utils/evening/record';
import { addDays, eveningOn, localDate, type EveningWindow } from '@/utils/time/schedule';

/** When the extension first ran, and the last evening date that is settled (final or unobserved). */
export interface Meta {
  installedOn: string;
  settledThrough: string;
}

/** Never look further back than the history view shows (26 weeks). */
export const MAX_SETTLE_DAYS = 26 * 7;

/** The decided status of an evening with this much screen time. */
export function decide(record: EveningRecord, limitMinutes: number): EveningRecord {
  const status = record.screenMinutes <= limitMinutes ? 'distraction-free' : 'over';
  return { ...record, status, limitMinutes };
}

/** First-run bookkeeping: nothing before today is this install's to judge. */
export function freshMeta(now: number, zone: string): Meta {
  const today = localDate(now, zone);
  return { installedOn: today, settledThrough: addDays(today, -1) };
}

/**
 * The dates that may need settling at `now`: from the day after `settledThrough` up to today,
 * at most MAX_SETTLE_DAYS of them.
 */
export function datesToSettle(meta: Meta, now: number, zone: string): string[] {
  const today = localDate(now, zone);
  let date = addDays(meta.settledThrough, 1);
  const oldest = addDays(today, -MAX_SETTLE_DAYS);
  if (date < oldest) date = oldest;
  const dates: string[] = [];
  for (; date <= today; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export interface Settlement {
  meta: Meta;
  /** Records to write, by date. */
  records: Map<string, EveningRecord>;
}

/**
 * Settles, in date order, every evening that has ended by `now`; stops at the first one still
 * to come or in progress, so `settledThrough` only ever covers decided evenings.
 */
export function settle(
  meta: Meta,
  existing: ReadonlyMap<string, EveningRecord>,
  now: number,
  zone: string,
  schedule: readonly EveningWindow[],
  limitMinutes: number,
): Settlement {
  const records = new Map<string, EveningRecord>();
  let settledThrough = meta.settledThrough;
  const today = localDate(now, zone);
  for (const date of datesToSettle(meta, now, zone)) {
    const evening = eveningOn(date, zone, schedule);
    const record = existing.get(date);
    if (evening ? evening.end > now : date >= today) break;
    if (record?.status === 'in-progress') records.set(date, decide(record, limitMinutes));
    else if (!record && evening) {
      records.set(date, { date, screenMinutes: 0, status: 'unobserved', nudges: 0, checkIns: [] });
    }
    settledThrough = date;
  }
  return { meta: { ...meta, settledThrough }, records };
}
