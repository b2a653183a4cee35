import { addDays, localDate } from '@/utils/time/schedule';
import type { IntimacyKind, NudgeKind } from '@/utils/settings/settings';

export const EVENING_STATUSES = ['distraction-free', 'over', 'unobserved', 'in-progress'] as const;
export type EveningStatus = (typeof EVENING_STATUSES)[number];

/** A "We connected" check-in: which kinds of intimacy, when (ISO instant), a private note. */
export interface CheckIn {
  kinds: IntimacyKind[];
  at: string;
  note: string;
  source?: 'popup' | 'ritual' | 'newtab';
}

/** Why the user went through the invitation or snoozed (SPEC §7), to reflect back weekly. */
export interface Reason {
  at: string;
  source: 'need-it' | 'snooze';
  text: string;
}

/**
 * One evening, keyed by the calendar date it starts on (`YYYY-MM-DD`).
 * The first five fields are the export format (SPEC §8); the rest are optional extras.
 */
export interface EveningRecord {
  date: string;
  screenMinutes: number;
  status: EveningStatus;
  nudges: number;
  checkIns: CheckIn[];
  /** Exact active time, so minutes are not lost to rounding between ticks. */
  screenSeconds?: number;
  /** IANA zone the evening started in. */
  zone?: string;
  /** Limit in force when the evening was decided. */
  limitMinutes?: number;
  /** The user marked an unobserved evening as screen-free (SPEC §5). */
  markedScreenFree?: boolean;
  reasons?: Reason[];
  /** How many times "another one" was pressed tonight. */
  promptOffset?: number;
  /** "Something lighter" was pressed after this many presses of "another one" (SPEC §7). */
  promptLighterAt?: number;
  /** "Ask this tonight": the id of the saved question chosen for this evening. */
  promptAsked?: string;
  nudgeKindsSent?: NudgeKind[];
  lastNudgeAt?: string;
  /** "Putting it down" was pressed at this instant, with this many screen seconds counted. */
  putDownAt?: string;
  putDownScreenSeconds?: number;
}

/** A new, empty record for an evening that has just begun. */
export function newEveningRecord(date: string, zone: string): EveningRecord {
  return {
    date,
    screenMinutes: 0,
    status: 'in-progress',
    nudges: 0,
    checkIns: [],
    screenSeconds: 0,
    zone,
  };
}

/** How far back an unobserved evening may be marked screen-free (SPEC §5). */
export const MARK_WITHIN_DAYS = 7;

/** True when an unobserved evening on `date` may still be marked screen-free at `now`. */
export function canMarkScreenFree(
  record: EveningRecord | undefined,
  now: number,
  zone: string,
): boolean {
  if (record?.status !== 'unobserved' || record.markedScreenFree) return false;
  const today = localDate(now, zone);
  return record.date >= addDays(today, -MARK_WITHIN_DAYS) && record.date < today;
}
