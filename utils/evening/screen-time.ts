/**
 * Evening screen-time accounting (SPEC §4), pure. The worker observes the device about once
 * a minute during an evening, and whenever the idle state changes or it wakes up; each
 * observation credits the time since the previous one to the evening, when:
 *
 *   previous observation ──────────── this observation
 *   │ in use (active, or idle with     │
 *   │ a tab playing sound; never       │  gap ≤ 2 ticks (else the machine slept or the
 *   │ locked)                          │  browser was closed: nothing counts)
 *   │ same zone (a zone change or      │  time moved forward (a clock jump back counts nothing)
 *   │ clock jump never counts)         │
 *   └── clamped to the evening window ─┘
 *
 * Time is credited per real interval to exactly one evening, so a zone change mid-evening can
 * never count a minute twice.
 */
import { newEveningRecord, type EveningRecord } from '@/utils/evening/record';
import { eveningAt, eveningOn, type Evening, type EveningWindow } from '@/utils/time/schedule';

/** The worker's last observation, persisted so a stopped worker resumes where it was. */
export interface TrackingState {
  lastObservedAt: number;
  /** Whether the device counted as in use at that observation. */
  lastActive: boolean;
  /** The evening that observation belonged to, or null outside evenings. */
  eveningDate: string | null;
  zone: string;
}

export const TICK_MINUTES = 1;
export const TICK_MS = TICK_MINUTES * 60_000;
/** A longer silence between observations means sleep or a closed browser. */
export const MAX_GAP_MS = 2 * TICK_MS;

export type IdleState = 'active' | 'idle' | 'locked';

/** Whether the device counts as in use: input, or sound playing while there is none; never locked. */
export function inUse(idleState: IdleState, audible: boolean): boolean {
  return idleState === 'active' || (idleState === 'idle' && audible);
}

export interface Observation {
  now: number;
  zone: string;
  inUse: boolean;
}

export interface Credit {
  /** The evening the time belongs to, or null outside evenings. */
  evening: Evening | null;
  /** Milliseconds to add to that evening's screen time. */
  ms: number;
}

/**
 * The evening an observation belongs to: the one in progress, or, just after an evening ended,
 * the one the previous observation was in (so its last minutes are still credited).
 */
export function eveningForObservation(
  previous: TrackingState | undefined,
  observation: Observation,
  schedule: readonly EveningWindow[],
): Evening | null {
  const current = eveningAt(observation.now, observation.zone, schedule);
  if (current) return current;
  if (previous?.eveningDate && previous.zone === observation.zone) {
    const ended = eveningOn(previous.eveningDate, previous.zone, schedule);
    if (ended && ended.end > previous.lastObservedAt && ended.end <= observation.now) return ended;
  }
  return null;
}

/** How much of the time since `previous` counts as screen time, and for which evening. */
export function creditSince(
  previous: TrackingState | undefined,
  observation: Observation,
  schedule: readonly EveningWindow[],
): Credit {
  const evening = eveningForObservation(previous, observation, schedule);
  if (!evening || !previous || !previous.lastActive || previous.zone !== observation.zone) {
    return { evening, ms: 0 };
  }
  const gap = observation.now - previous.lastObservedAt;
  if (gap <= 0 || gap > MAX_GAP_MS) return { evening, ms: 0 };
  const from = Math.max(previous.lastObservedAt, evening.start);
  const to = Math.min(observation.now, evening.end);
  return { evening, ms: Math.max(0, to - from) };
}

/** The tracking state after an observation. */
export function nextTracking(observation: Observation, evening: Evening | null): TrackingState {
  const ongoing = evening && observation.now < evening.end ? evening.date : null;
  return {
    lastObservedAt: observation.now,
    lastActive: observation.inUse,
    eveningDate: ongoing,
    zone: observation.zone,
  };
}

/** Adds credited time to an evening record, creating it at the evening's first observation. */
export function addScreenTime(
  record: EveningRecord | undefined,
  evening: Evening,
  zone: string,
  ms: number,
): EveningRecord {
  const base = record ?? newEveningRecord(evening.date, zone);
  const screenSeconds = (base.screenSeconds ?? base.screenMinutes * 60) + Math.round(ms / 1000);
  return { ...base, screenSeconds, screenMinutes: Math.floor(screenSeconds / 60) };
}
