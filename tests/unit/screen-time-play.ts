import {
  addScreenTime,
  creditSince,
  nextTracking,
  TICK_MS,
  type Observation,
  type TrackingState,
} from '@/utils/evening/screen-time';
import type { EveningRecord } from '@/utils/evening/record';
import { defaultSettings } from '@/utils/settings/settings';
import type { EveningWindow } from '@/utils/time/schedule';

// One computer's screen time, played through the pure core the way its worker does.

export const MINUTE = 60_000;

/** The same window on every weekday. */
export function scheduleOf(start: string, end: string): EveningWindow[] {
  return defaultSettings().schedule.map((w) => ({ ...w, start, end }));
}

/**
 * Plays a sequence of observations through the pure core the way the worker does, with the
 * tracking state round-tripped through JSON between each (as if the worker stopped and the
 * state came back from storage). Returns the records it keeps, by evening date.
 */
export function play(
  observations: Observation[],
  schedule: readonly EveningWindow[],
  start?: TrackingState,
): Map<string, EveningRecord> {
  let tracking = start;
  const records = new Map<string, EveningRecord>();
  for (const observation of observations) {
    const credit = creditSince(tracking, observation, schedule);
    if (credit.evening) {
      const { date } = credit.evening;
      records.set(
        date,
        addScreenTime(records.get(date), credit.evening, observation.zone, credit.ms),
      );
    }
    tracking = JSON.parse(
      JSON.stringify(nextTracking(observation, credit.evening)),
    ) as TrackingState;
  }
  return records;
}

/** One observation a tick from `from` for `minutes`, all with the same use state. */
export function ticks(from: number, minutes: number, zone: string, used = true): Observation[] {
  return Array.from({ length: Math.floor((minutes * MINUTE) / TICK_MS) + 1 }, (_, i) => ({
    now: from + i * TICK_MS,
    zone,
    inUse: used,
  }));
}
