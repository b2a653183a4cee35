/**
 * Which prompt an evening gets. Pure: the same date, settings and evening record give the same
 * prompt everywhere, so the popup, the new tab and the worker's nudges agree without talking.
 * `tonightsPrompt` is the one entry point every surface uses.
 *
 * How "no prompt twice within 14 days" holds by construction, not by luck:
 * the eligible prompts are laid out once, in a fixed seeded order, as a *cycle*, and the
 * evening of day number `d` (days since a fixed epoch) gets `cycle[d mod L]`. Consecutive
 * dates therefore walk consecutive cycle positions, and a prompt can only come back after
 * the walk has travelled the distance between two of its positions (wrapping round the end).
 * - Without favourites every prompt holds exactly one position, so it returns every `L` days;
 *   `L` is the number of eligible prompts, never below 14: when hidden categories (with "Keep
 *   it light" leaving tender prompts out) would leave fewer, prompts from the hidden categories
 *   top the set up to 14, in a fixed order.
 * - A favoured prompt holds two positions exactly `H` apart, where the cycle is two halves of
 *   length `H` (plus at most one extra position): it returns after `H` or `L − H ≥ H` days.
 *   We only build that layout when `H ≥ 14`; otherwise favourites are dropped for the layout
 *   and the one-position cycle above applies. Non-favoured prompts hold one position of a
 *   cycle at least `2H ≥ 28` long.
 * The cycle depends only on the settings (and the library), so the guarantee is for a user
 * whose prompt settings stay the same; changing them starts a new cycle.
 *
 * On top of the cycle, each evening's record may steer tonight's prompt (SPEC §7):
 * - "Another one" (`promptOffset`) walks tonight's order: tonight's prompt, then those not used
 *   within 14 days either side, the nearby evenings' prompts only last.
 * - "Ask this tonight" (`promptAsked`) puts one saved question at the front of that order.
 * - "Tonight, one of our saved questions" (`choice: 'saved'`) puts the saved questions first,
 *   rotating by date, so each returns every `n` evenings for `n` saved (the 14-day promise is
 *   about the library; a short list of favourites is the user's own choice).
 * - "Something lighter" (`promptLighterAt`, the offset it was pressed at) keeps only the light
 *   prompts of the order from the one after the prompt it replaced, so "another one" stays light.
 * - "Keep it light for now" (`keepLight`) leaves tender prompts out of all of it.
 * Notifications never carry a tender prompt: `nudgePrompt` takes the next one that is not.
 */
import { PROMPTS, allowed, promptsOf, savedPrompts, type Prompt } from '@/utils/prompts/library';
import { parsePlainDate } from '@/utils/time/schedule';
import type { PromptSettings } from '@/utils/settings/schema';
import type { LightSetting, SavedSettings } from '@/utils/prompts/library';

/** What of the prompt settings the cycle depends on. */
export type CycleSettings = Pick<PromptSettings, 'favour' | 'hide'> & LightSetting;

/**
 * A paired couple's own order for an evening (SPEC §13): their code and `sharedEvening` from
 * `shared-pick.ts`, passed in by the caller (that module builds on this one, and a page may load
 * it only when paired).
 */
export interface CoupleOrder {
  code: string;
  evening: (code: string, date: string, library: readonly Prompt[]) => Prompt[];
}

/**
 * What tonight's prompt depends on: the cycle's settings, where saved questions come in, and,
 * when paired, the couple's order, which replaces the personal cycle.
 */
export type SelectionSettings = CycleSettings & SavedSettings & { couple?: CoupleOrder | null };

/**
 * What an evening's record says about its prompt (these fields of `EveningRecord`); absent
 * fields mean the user has not touched tonight's prompt.
 */
export interface PromptPick {
  /** How many times "another one" was pressed. */
  promptOffset?: number;
  /** "Something lighter" was pressed after this many presses of "another one". */
  promptLighterAt?: number;
  /** "Ask this tonight": the id of the saved question chosen for this evening. */
  promptAsked?: string;
}

/** Tonight's prompt never repeats within this many consecutive evenings (SPEC §7). */
export const NO_REPEAT_DAYS = 14;

// Any fixed date works; changing it would shift everyone's sequence, so it never changes.
const EPOCH = '2000-01-01';
// Fixed so that every surface, and both partners' browsers, lay out the same cycle.
const SEED = 0x636c6f73;

/**
 * The prompts the cycle walks: those the settings allow, hidden categories left out. Hiding
 * everything is more likely a slip than a wish for an empty card, so it hides nothing; hiding
 * so much that fewer than 14 are left tops the set up from the hidden categories, in a fixed
 * order, so that no prompt comes back within 14 days.
 */
export function eligiblePrompts(
  settings: CycleSettings,
  library: readonly Prompt[] = PROMPTS,
): Prompt[] {
  const hidden = new Set(settings.hide);
  const allowedHere = library.filter((prompt) => allowed(prompt, settings));
  const shown = allowedHere.filter((prompt) => !hidden.has(prompt.category));
  if (shown.length === 0) return allowedHere;
  if (shown.length >= NO_REPEAT_DAYS) return shown;
  const topUp = seededShuffle(
    allowedHere.filter((prompt) => hidden.has(prompt.category)),
    SEED + 2,
  );
  const added = new Set(topUp.slice(0, NO_REPEAT_DAYS - shown.length));
  // Library order, so the set (and the cycle built from it) does not depend on how it was found.
  return allowedHere.filter((prompt) => !hidden.has(prompt.category) || added.has(prompt));
}

/**
 * The fixed cycle tonight's prompt walks through, one position per date; favoured prompts
 * hold two positions half a cycle apart (see the module comment for why this keeps 14 days).
 */
export function promptCycle(
  settings: CycleSettings,
  library: readonly Prompt[] = PROMPTS,
): Prompt[] {
  const eligible = eligiblePrompts(settings, library);
  const favouredCategories = new Set(settings.favour);
  const favoured = seededShuffle(
    eligible.filter((prompt) => favouredCategories.has(prompt.category)),
    SEED,
  );
  const others = seededShuffle(
    eligible.filter((prompt) => !favouredCategories.has(prompt.category)),
    SEED + 1,
  );
  const othersPerHalf = Math.floor(others.length / 2);
  const half = favoured.length + othersPerHalf;
  // Favouring everything is the same as favouring nothing; too small a half would break 14 days.
  if (favoured.length === 0 || others.length === 0 || half < NO_REPEAT_DAYS) {
    return seededShuffle(eligible, SEED);
  }

  const cycle: Prompt[] = [];
  for (const pass of [0, 1]) {
    for (let i = 0; i < half; i++) {
      // Spread the favoured slots evenly over the half (Bresenham); both halves share the same
      // slots, which puts each favoured prompt's two positions exactly `half` apart.
      const favouredBefore = Math.floor((i * favoured.length) / half);
      const favouredThrough = Math.floor(((i + 1) * favoured.length) / half);
      cycle.push(
        favouredThrough > favouredBefore
          ? favoured[favouredBefore]!
          : others[pass * othersPerHalf + i - favouredBefore]!,
      );
    }
  }
  if (others.length % 2 === 1) cycle.push(others[others.length - 1]!);
  return cycle;
}

/**
 * Every eligible prompt once, in the order "another one" shows them for the evening of `date`:
 * the cycle's prompt for tonight first, then those not used within 14 days either side
 * (starting half a cycle away), and the nearby evenings' prompts only last.
 */
export function eveningPrompts(
  date: string,
  settings: CycleSettings,
  library: readonly Prompt[] = PROMPTS,
): Prompt[] {
  const cycle = promptCycle(settings, library);
  const length = cycle.length;
  if (length === 0) return [];
  const today = mod(dayNumber(date), length);
  const at = (position: number): Prompt => cycle[mod(position, length)]!;

  const tonight = at(today);
  const nearby = new Set<Prompt>();
  for (let d = 1; d < NO_REPEAT_DAYS; d++) {
    nearby.add(at(today + d));
    nearby.add(at(today - d));
  }
  const order = [tonight];
  const seen = new Set(order);
  const start = today + Math.floor(length / 2);
  for (const wantNearby of [false, true]) {
    for (let k = 0; k < length; k++) {
      const candidate = at(start + k);
      if (seen.has(candidate) || nearby.has(candidate) !== wantNearby) continue;
      seen.add(candidate);
      order.push(candidate);
    }
  }
  return order;
}

/**
 * Tonight's order before "another one" and "Something lighter": the question asked for tonight,
 * then (with `choice: 'saved'`) the saved questions from the one whose turn it is by date, then
 * the library's order for the evening; each prompt once.
 */
export function tonightsOrder(
  date: string,
  settings: SelectionSettings,
  pick: PromptPick = {},
  library: readonly Prompt[] = PROMPTS,
): Prompt[] {
  const saved = settings.choice === 'saved' ? savedPrompts(settings, library) : [];
  return [
    ...new Set([
      ...promptsOf([pick.promptAsked], settings, library),
      ...rotate(saved, dayNumber(date)),
      // Paired: the couple's order, the same on both browsers whatever each favours or hides;
      // "Keep it light for now" still leaves the tender prompts out.
      ...(settings.couple
        ? settings.couple.evening(
            settings.couple.code,
            date,
            library.filter((prompt) => allowed(prompt, settings)),
          )
        : eveningPrompts(date, settings, library)),
    ]),
  ];
}

/**
 * The prompts the evening of `date` shows from now on: the current one first, then what each
 * press of "another one" brings, round to the start. Empty only for an empty library.
 */
export function promptsFromNow(
  date: string,
  settings: SelectionSettings,
  pick: PromptPick = {},
  library: readonly Prompt[] = PROMPTS,
): Prompt[] {
  const order = tonightsOrder(date, settings, pick, library);
  const offset = whole(pick.promptOffset);
  if (pick.promptLighterAt === undefined) return rotate(order, offset);
  const lighterAt = whole(pick.promptLighterAt);
  // The light prompts that come after the one "Something lighter" replaced.
  const light = rotate(order, lighterAt + 1).filter((prompt) => prompt.light);
  return light.length > 0 ? rotate(light, offset - lighterAt) : rotate(order, offset);
}

/**
 * Whether tonight's prompt is the couple's shared one: paired, and the evening not steered to a
 * personal choice (a saved question, "Something lighter"). "Another one" walks the shared order.
 */
export function isShared(settings: SelectionSettings, pick: PromptPick = {}): boolean {
  return (
    !!settings.couple &&
    settings.choice !== 'saved' &&
    !pick.promptAsked &&
    pick.promptLighterAt === undefined
  );
}

/**
 * The prompt for the evening of `date` (`YYYY-MM-DD`): the cycle's, as steered by the evening's
 * record (`pick`: "another one", "Something lighter", "Ask this tonight").
 */
export function tonightsPrompt(
  date: string,
  settings: SelectionSettings,
  pick: PromptPick = {},
  library: readonly Prompt[] = PROMPTS,
): Prompt {
  const prompt = promptsFromNow(date, settings, pick, library)[0];
  if (!prompt) throw new RangeError('the prompt library is empty');
  return prompt;
}

/**
 * The prompt a notification carries: tonight's, unless it is tender; then the next one in
 * tonight's order that is not, so a hard question never arrives unasked.
 */
export function nudgePrompt(
  date: string,
  settings: SelectionSettings,
  pick: PromptPick = {},
  library: readonly Prompt[] = PROMPTS,
): Prompt {
  const gentle = (prompt: Prompt) => !prompt.tender;
  const prompt = promptsFromNow(date, settings, pick, library).find(gentle) ?? library.find(gentle);
  if (!prompt) throw new RangeError('the prompt library has no prompt that is not tender');
  return prompt;
}

/** Days from the fixed epoch to `date`; throws a RangeError for anything but a real date. */
export function dayNumber(date: string): number {
  return parsePlainDate(date).since(EPOCH).days;
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

// A stored count that is not a number (a damaged import) counts as no presses.
function whole(n: number | undefined): number {
  return Math.trunc(n ?? 0) || 0;
}

/**
 * `items` starting at index `start` (taken modulo the length), wrapping round. An infinite
 * `start` (a damaged import) gives NaN, which `slice` reads as 0: the order as it is.
 */
function rotate<T>(items: readonly T[], start: number): T[] {
  const at = mod(start, items.length);
  return [...items.slice(at), ...items.slice(0, at)];
}

// Fisher–Yates driven by mulberry32: tiny, fast, and identical in every JS engine.
function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = out[i]!;
    out[i] = out[j]!;
    out[j] = swap;
  }
  return out;
}
