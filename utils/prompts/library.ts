/**
 * The prompt library: ids, categories and message keys only. The text lives in
 * `locales/<lang>/prompts.json` so it is translated and stays out of the page bundles.
 *
 * Ids are `<category>_<NN>` and are append-only: a shipped id never changes meaning, because
 * selection and anything a user saved refer to prompts by id. To retire a prompt, leave its id
 * unused rather than renumbering the rest.
 */
import { PROMPT_CATEGORIES, type PromptCategory } from '@/utils/settings/settings';

/**
 * The findings a prompt may cite (SPEC §1); each is also the message key of its text, which
 * names the source.
 */
export const WHY_KEYS = ['why_bucknell', 'why_harvard', 'why_months', 'why_eft'] as const;
export type WhyKey = (typeof WHY_KEYS)[number];

export interface Prompt {
  /** Stable id, e.g. `emotional_01`. */
  id: string;
  category: PromptCategory;
  /** Message key of the prompt's text, e.g. `prompt_emotional_01`. */
  key: string;
  /** Message key of a short "why", with its source. */
  why?: WhyKey;
}

// Building the id and key from the category and number keeps the three from drifting apart.
function p(category: PromptCategory, n: number, why?: WhyKey): Prompt {
  const id = `${category}_${String(n).padStart(2, '0')}`;
  return why ? { id, category, key: `prompt_${id}`, why } : { id, category, key: `prompt_${id}` };
}

/** Every prompt, grouped by category in `PROMPT_CATEGORIES` order. */
export const PROMPTS: readonly Prompt[] = [
  p('emotional', 1, 'why_bucknell'),
  p('emotional', 2),
  p('emotional', 3),
  p('emotional', 4),
  p('emotional', 5),
  p('emotional', 6),
  p('emotional', 7),
  p('emotional', 8),
  p('emotional', 9, 'why_bucknell'),
  p('emotional', 10),
  p('emotional', 11),
  p('intellectual', 1),
  p('intellectual', 2),
  p('intellectual', 3),
  p('intellectual', 4),
  p('intellectual', 5),
  p('intellectual', 6),
  p('intellectual', 7),
  p('intellectual', 8),
  p('intellectual', 9),
  p('intellectual', 10),
  p('intellectual', 11),
  p('physical', 1),
  p('physical', 2),
  p('physical', 3),
  p('physical', 4),
  p('physical', 5),
  p('physical', 6),
  p('physical', 7),
  p('physical', 8),
  p('physical', 9),
  p('physical', 10),
  p('physical', 11),
  p('experiential', 1),
  p('experiential', 2),
  p('experiential', 3),
  p('experiential', 4),
  p('experiential', 5),
  p('experiential', 6),
  p('experiential', 7),
  p('experiential', 8),
  p('experiential', 9),
  p('experiential', 10, 'why_harvard'),
  p('experiential', 11),
  p('spiritual', 1),
  p('spiritual', 2),
  p('spiritual', 3),
  p('spiritual', 4),
  p('spiritual', 5),
  p('spiritual', 6),
  p('spiritual', 7),
  p('spiritual', 8),
  p('spiritual', 9),
  p('spiritual', 10),
  p('spiritual', 11),
  p('conversation', 1),
  p('conversation', 2),
  p('conversation', 3),
  p('conversation', 4),
  p('conversation', 5),
  p('conversation', 6),
  p('conversation', 7),
  p('conversation', 8),
  p('conversation', 9),
  p('conversation', 10),
  p('conversation', 11),
  p('listening', 1),
  p('listening', 2),
  p('listening', 3),
  p('listening', 4),
  p('listening', 5),
  p('listening', 6),
  p('listening', 7),
  p('listening', 8),
  p('listening', 9),
  p('listening', 10),
  p('listening', 11, 'why_eft'),
  p('care', 1),
  p('care', 2),
  p('care', 3),
  p('care', 4),
  p('care', 5),
  p('care', 6),
  p('care', 7),
  p('care', 8),
  p('care', 9),
  p('care', 10),
  p('care', 11, 'why_months'),
  p('ritual', 1, 'why_harvard'),
  p('ritual', 2),
  p('ritual', 3),
  p('ritual', 4),
  p('ritual', 5),
  p('ritual', 6),
  p('ritual', 7),
  p('ritual', 8),
  p('ritual', 9),
  p('ritual', 10, 'why_months'),
  p('ritual', 11),
];

const BY_ID = new Map(PROMPTS.map((prompt) => [prompt.id, prompt]));

/** The prompt with this id, or `undefined` for an unknown (e.g. retired) id. */
export function promptById(id: string): Prompt | undefined {
  return BY_ID.get(id);
}

/** The prompts of one category, in library order. */
export function promptsInCategory(category: PromptCategory): Prompt[] {
  return PROMPTS.filter((prompt) => prompt.category === category);
}

/** Message key of a category's short label (`prompt_category_<category>`). */
export function categoryLabelKey(category: PromptCategory): string {
  return `prompt_category_${category}`;
}

/** Message keys of every category label, for completeness checks. */
export const CATEGORY_LABEL_KEYS: readonly string[] = PROMPT_CATEGORIES.map(categoryLabelKey);
