import {
  GOAL_RANGE,
  LIMIT_RANGE,
  MAX_PER_EVENING_RANGE,
  QUIET_MINUTES_RANGE,
} from '@/utils/settings/settings';

/**
 * A whole-number setting as a field: `name` gives its element id (`max_nudges` → `max-nudges`)
 * and its label and hint (`options_<name>`, `options_<name>_hint`); `range` what it allows.
 */
export interface NumberSpec {
  name: string;
  range: { readonly min: number; readonly max: number };
}

/** The screen-time limit and the weekly goal (the options' limits and the welcome's step). */
export const LIMIT_FIELDS = [
  { key: 'limitMinutes', name: 'limit', range: LIMIT_RANGE },
  { key: 'weeklyGoal', name: 'goal', range: GOAL_RANGE },
] as const satisfies readonly (NumberSpec & { key: string })[];

/** How long nudges stay quiet after one, and how many an evening may have. */
export const NUDGE_FIELDS = [
  { key: 'quietMinutes', name: 'quiet', range: QUIET_MINUTES_RANGE },
  { key: 'maxPerEvening', name: 'max_nudges', range: MAX_PER_EVENING_RANGE },
] as const satisfies readonly (NumberSpec & { key: string })[];
