import { t } from '@/utils/views/i18n';
import type { Prompt } from '@/utils/prompts/library';
import {
  isShared,
  nudgePrompt,
  tonightsPrompt,
  type PromptPick,
  type SelectionSettings,
} from '@/utils/prompts/selection';
import type { PromptSettings } from '@/utils/settings/schema';
import type { PromptCategory } from '@/utils/settings/settings';

/** A prompt ready to show: its text (and "why", and follow-up) in the browser's language. */
export interface PromptView {
  id: string;
  category: PromptCategory;
  text: string;
  why: string | null;
  /** The "Go deeper" question, if the prompt has one. */
  followUp: string | null;
  light: boolean;
  /** The user starred it (it is in `prompts.saved`). */
  saved: boolean;
  /** Tonight's question for both partners (paired, not steered to a personal choice). */
  shared: boolean;
}

/** One prompt in the user's language; `saved` says whether it is starred. */
export function viewOf(prompt: Prompt, saved: readonly string[] = []): PromptView {
  return {
    id: prompt.id,
    category: prompt.category,
    text: t(prompt.key),
    why: prompt.why ? t(prompt.why) : null,
    followUp: prompt.followUpKey ? t(prompt.followUpKey) : null,
    light: prompt.light,
    saved: saved.includes(prompt.id),
    shared: false,
  };
}

/**
 * Tonight's prompt for the evening of `date`, as that evening's record has steered it ("another
 * one", "Something lighter", "Ask this tonight"; `null` when there is no record yet).
 */
export function promptView(
  date: string,
  settings: PromptSettings & SelectionSettings,
  pick: PromptPick | null,
): PromptView {
  const prompt = viewOf(tonightsPrompt(date, settings, pick ?? {}), settings.saved);
  return { ...prompt, shared: isShared(settings, pick ?? {}) };
}

/** The prompt a nudge's notification carries for the evening of `date`: never a tender one. */
export function nudgePromptView(
  date: string,
  settings: PromptSettings & SelectionSettings,
  pick: PromptPick | null,
): PromptView {
  return viewOf(nudgePrompt(date, settings, pick ?? {}), settings.saved);
}
