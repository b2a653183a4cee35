/**
 * Which strings a nudge's notification shows, pure: message keys from `locales/<lang>/nudges.json`
 * with their Chrome substitutions, ready for `t(key, substitutions)`. The notification's message
 * is tonight's prompt; the title carries the nudge's point.
 */
import type { NudgeKind } from '@/utils/settings/settings';

/** A message key and the substitutions its `$PLACEHOLDERS$` take. */
export interface NudgeMessage {
  key: string;
  substitutions: string[];
}

/** The notification's two buttons. */
export const NUDGE_BUTTON_KEYS = {
  putDown: 'nudge_button_put_down',
  snooze: 'nudge_button_snooze',
} as const;

/** What the notification's snooze button snoozes for; its label says this number. */
export const NUDGE_SNOOZE_MINUTES = 30;

/** Every key this module hands out, so a test can hold the locale fragments to them. */
export const NUDGE_MESSAGE_KEYS = [
  'nudge_title_heads_up',
  'nudge_title_evening_start',
  'nudge_title_five_left',
  'nudge_title_over_limit',
  'nudge_title_over_limit_one',
  'nudge_context_tonight',
  NUDGE_BUTTON_KEYS.putDown,
  NUDGE_BUTTON_KEYS.snooze,
] as const;

/** Whole minutes from `now` to `start`, rounded up, as the heads-up title counts them. */
export function minutesUntil(now: number, start: number): number {
  return Math.ceil((start - now) / 60_000);
}

/**
 * The title of a nudge's notification. `minutes` is what the title counts: minutes until the
 * evening for a heads-up (see `minutesUntil`), tonight's screen minutes for over-limit; the
 * other kinds ignore it.
 */
export function nudgeTitleKey(kind: NudgeKind, minutes = 0): NudgeMessage {
  switch (kind) {
    case 'heads-up':
      // The policy sends it 15 to 2 minutes ahead, so the plural always fits.
      return { key: 'nudge_title_heads_up', substitutions: [String(Math.max(2, minutes))] };
    case 'evening-start':
      return { key: 'nudge_title_evening_start', substitutions: [] };
    case 'five-left':
      return { key: 'nudge_title_five_left', substitutions: [] };
    case 'over-limit':
      // With a limit of 0 the first one can come before a whole minute is counted.
      return minutes <= 1
        ? { key: 'nudge_title_over_limit_one', substitutions: [] }
        : { key: 'nudge_title_over_limit', substitutions: [String(minutes)] };
  }
}

/**
 * The small line under the prompt with tonight's minutes against the limit; none for the
 * heads-up, which comes before the evening has any. "min" sidesteps plurals in both languages.
 */
export function nudgeContextKey(
  kind: NudgeKind,
  screenMinutes: number,
  limitMinutes: number,
): NudgeMessage | null {
  if (kind === 'heads-up') return null;
  return {
    key: 'nudge_context_tonight',
    substitutions: [String(screenMinutes), String(limitMinutes)],
  };
}
