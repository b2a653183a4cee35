import { t } from '@/utils/views/i18n';
import { tonightsPrompt } from '@/utils/prompts/selection';
import type { PromptSettings } from '@/utils/settings/schema';
import type { PromptCategory } from '@/utils/settings/settings';

/** A prompt ready to show: its text (and "why") in the browser's language. */
export interface PromptView {
  id: string;
  category: PromptCategory;
  text: string;
  why: string | null;
}

/** Tonight's prompt for the evening of `date`, after `offset` presses of "another one". */
export function promptView(date: string, settings: PromptSettings, offset: number): PromptView {
  const prompt = tonightsPrompt(date, settings, offset);
  return {
    id: prompt.id,
    category: prompt.category,
    text: t(prompt.key),
    why: prompt.why ? t(prompt.why) : null,
  };
}
