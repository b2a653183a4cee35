/** 0 = Sunday … 6 = Saturday, as in `Date#getDay` and the export format. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** One weekday's evening: local wall-clock `HH:MM`; `end` before `start` crosses midnight. */
export interface EveningWindow {
  weekday: Weekday;
  enabled: boolean;
  start: string;
  end: string;
}

export const INTIMACY_KINDS = [
  'emotional',
  'intellectual',
  'physical',
  'experiential',
  'spiritual',
] as const;
export type IntimacyKind = (typeof INTIMACY_KINDS)[number];

/** Prompt categories: the five kinds plus the practices SPEC §1 names. */
export const PROMPT_CATEGORIES = [
  ...INTIMACY_KINDS,
  'conversation',
  'listening',
  'care',
  'ritual',
] as const;
export type PromptCategory = (typeof PROMPT_CATEGORIES)[number];

export const NUDGE_KINDS = ['heads-up', 'evening-start', 'five-left', 'over-limit'] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

export interface NudgeSettings {
  /** The one switch that turns every nudge off. */
  enabled: boolean;
  kinds: Record<NudgeKind, boolean>;
  /** Minutes between over-limit nudges. */
  quietMinutes: number;
  maxPerEvening: number;
}

export interface PromptSettings {
  favour: PromptCategory[];
  hide: PromptCategory[];
}

export type ChallengeSetting = { mode: 'rotate' } | { mode: 'fixed'; kind: IntimacyKind };

export interface Settings {
  /** Seven entries, one per weekday, in weekday order. */
  schedule: EveningWindow[];
  limitMinutes: number;
  weeklyGoal: number;
  /** `null` follows the locale's first day of the week. */
  weekStartsOn: Weekday | null;
  nudges: NudgeSettings;
  prompts: PromptSettings;
  challenge: ChallengeSetting;
}

export const LIMIT_RANGE = { min: 0, max: 120 } as const;
export const GOAL_RANGE = { min: 1, max: 7 } as const;
export const MAX_WINDOW_MINUTES = 12 * 60;

/** Fresh defaults (SPEC §3, §5, §6); a new object each call so callers may mutate it. */
export function defaultSettings(): Settings {
  return {
    schedule: WEEKDAYS.map((weekday) => ({ weekday, enabled: true, start: '20:00', end: '23:00' })),
    limitMinutes: 15,
    weeklyGoal: 3,
    weekStartsOn: null,
    nudges: {
      enabled: true,
      kinds: { 'heads-up': true, 'evening-start': true, 'five-left': true, 'over-limit': true },
      quietMinutes: 30,
      maxPerEvening: 4,
    },
    prompts: { favour: [], hide: [] },
    challenge: { mode: 'rotate' },
  };
}
