/**
 * The prompt library (second edition, SPEC §7): ids, categories, tags and message keys only.
 * The text lives in `locales/<lang>/prompts.json` (`prompt_<id>`, and `prompt_<id>_followup`
 * for the follow-up question), so it is translated and stays out of the page bundles.
 *
 * Ids are `<category>_<NN>` and are append-only: a shipped id never changes meaning, because
 * selection, saved questions and stored evenings refer to prompts by id. A retired prompt
 * leaves a gap (`retired.ts` says why); a new one takes the next number of its category.
 */
import { PROMPT_CATEGORIES, type PromptCategory } from '@/utils/settings/settings';
import type { PromptSettings } from '@/utils/settings/schema';

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
  /** `light`: easy to start on a tired evening; otherwise `deeper` (vulnerability, reflection). */
  light: boolean;
  /** Could sting in a hard season (grief, illness, distance, after an argument); always deeper. */
  tender: boolean;
  /** Message key of the follow-up question ("Go deeper"), when the prompt has one. */
  followUpKey?: string;
  /** Message key of a short "why", with its source. */
  why?: WhyKey;
}

/**
 * The whole library as one compact table, decoded once at load: the new tab's script budget is
 * tight, and 156 object literals cost several times this string. One row per category, in
 * `PROMPT_CATEGORIES` order, separated by spaces; one letter per number from 01 upwards:
 *   `l` light · `d` deeper · `t` tender (always deeper) · `.` a retired or unused number
 *   upper case (`L`, `D`, `T`): the prompt has no follow-up question
 *   a digit right after the letter: the "why" it cites (1–4, in `WHY_KEYS` order)
 * So the emotional row starting `d1dl.` reads: emotional_01 deeper citing why_bucknell,
 * emotional_02 deeper, emotional_03 light, emotional_04 retired. Unit tests hold this table
 * and the locale files to each other.
 */
const TABLE =
  'd1dl.tdttd1dtllldlltt ddlld.dllddlllllll ll.llll.lldldllldllt lldl2llll..tlllllldl ' +
  'ddddldltldtlltdlld ldtlllldlllllllld lddl..dlldt4llllldld lll.d......lllldlll3lldld ' +
  'l2..l..lld.dll3lltldtlll';

/** Decodes a table in the format above; exported so tests can plant violations in a copy. */
export function decodeLibrary(table: string): Prompt[] {
  return table.split(' ').flatMap((row, c) =>
    [...row.matchAll(/([.a-z])(\d?)/gi)].flatMap(([, letter, why], n) => {
      if (letter === '.') return [];
      const category = PROMPT_CATEGORIES[c]!;
      const id = `${category}_${String(n + 1).padStart(2, '0')}`;
      const tag = letter!.toLowerCase();
      const prompt: Prompt = {
        id,
        category,
        key: `prompt_${id}`,
        light: tag === 'l',
        tender: tag === 't',
      };
      if (letter === tag) prompt.followUpKey = `prompt_${id}_followup`;
      if (why) prompt.why = WHY_KEYS[Number(why) - 1];
      return [prompt];
    }),
  );
}

/** Every prompt, grouped by category in `PROMPT_CATEGORIES` order. */
export const PROMPTS: readonly Prompt[] = decodeLibrary(TABLE);

/** The prompt with this id, or `undefined` for an unknown (e.g. retired) id. */
export function promptById(id: string): Prompt | undefined {
  // A search, not a map built at load: every page carries this module, few call this.
  return PROMPTS.find((prompt) => prompt.id === id);
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
export const CATEGORY_LABEL_KEYS: readonly string[] =
  /* @__PURE__ */ PROMPT_CATEGORIES.map(categoryLabelKey);

/** "Keep it light for now", as the rules below read it (absent means off). */
export type LightSetting = Partial<Pick<PromptSettings, 'keepLight'>>;
/** Where tonight's prompt comes from, and the saved (starred) ids. */
export type SavedSettings = Partial<Pick<PromptSettings, 'choice' | 'saved'>>;

// These rules sit with the library rather than with selection: the options and history pages
// use them too, and every page loads the library already (shared code costs the new tab less).

/** Whether the settings allow a prompt anywhere: with "Keep it light for now", no tender ones. */
export function allowed(prompt: Prompt, settings: LightSetting): boolean {
  return !(settings.keepLight && prompt.tender);
}

/**
 * The prompts of `ids` that the library still has (a retired id is skipped) and the settings
 * allow, in the order given.
 */
export function promptsOf(
  ids: readonly (string | undefined)[],
  settings: LightSetting,
  library: readonly Prompt[] = PROMPTS,
): Prompt[] {
  return ids.flatMap((id) =>
    library.filter((prompt) => prompt.id === id && allowed(prompt, settings)),
  );
}

/**
 * The saved questions tonight's prompt may come from, oldest saved first. Hidden categories do
 * not apply: saving a question is a later, more specific wish than hiding its kind.
 */
export function savedPrompts(
  settings: SavedSettings & LightSetting,
  library: readonly Prompt[] = PROMPTS,
): Prompt[] {
  return promptsOf(settings.saved ?? [], settings, library);
}
