/**
 * The settings' vocabulary, ranges and defaults (SPEC §3, §5, §6, §7, §13). The `Settings` type
 * is inferred from the schema in `schema.ts`, which checks settings that come from outside.
 */
import { WEEKDAYS } from '@/utils/time/schedule';
import type { Settings } from './schema';

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

export const LIMIT_RANGE = { min: 0, max: 120 } as const;
export const GOAL_RANGE = { min: 1, max: 7 } as const;
export const QUIET_MINUTES_RANGE = { min: 5, max: 240 } as const;
export const MAX_PER_EVENING_RANGE = { min: 0, max: 10 } as const;

export const CHALLENGE_MODES = ['rotate', 'fixed'] as const;
/** Where tonight's prompt comes from: the whole library's cycle, or the saved questions. */
export const PROMPT_CHOICES = ['cycle', 'saved'] as const;
export type PromptChoice = (typeof PROMPT_CHOICES)[number];
/** A prompt's stable id, `<category>_<NN>`. */
export const PROMPT_ID = /^[a-z]+_\d{2,3}$/;
export const MAX_SAVED_PROMPTS = 500;
export const PARTNER_NAME_MAX = 40;

/** Settings as a first-edition (schema 1) store or file holds them: without the later fields. */
export type StoredSettings = Omit<Settings, 'prompts' | 'partnerName' | 'pairCode'> & {
  prompts?: Partial<Settings['prompts']>;
  partnerName?: string;
  pairCode?: string | null;
};

/**
 * Settings with every field added since the first edition filled with its default: the store's
 * `migrateV1toV2` and any read of settings that may predate it go through here.
 */
export function completeSettings(stored: StoredSettings): Settings {
  const defaults = defaultSettings();
  return {
    ...stored,
    prompts: { ...defaults.prompts, ...stored.prompts },
    partnerName: stored.partnerName ?? defaults.partnerName,
    pairCode: stored.pairCode ?? defaults.pairCode,
  };
}

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
    prompts: { favour: [], hide: [], keepLight: false, choice: 'cycle', saved: [] },
    challenge: { mode: 'rotate' },
    partnerName: '',
    pairCode: null,
  };
}
