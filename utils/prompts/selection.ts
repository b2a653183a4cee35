/**
 * Which prompt an evening gets. Pure: the same date, settings and offset give the same prompt
 * everywhere, so the popup, the new tab and the worker's nudges agree without talking.
 *
 * How "no prompt twice within 14 days" holds by construction, not by luck:
 * the eligible prompts are laid out once, in a fixed seeded order, as a *cycle*, and the
 * evening of day number `d` (days since a fixed epoch) gets `cycle[d mod L]`. Consecutive
 * dates therefore walk consecutive cycle positions, and a prompt can only come back after
 * the walk has travelled the distance between two of its positions (wrapping round the end).
 * - Without favourites every prompt holds exactly one position, so it returns every `L` days;
 *   `L` is the number of eligible prompts, at least 14 whenever the rule can hold at all.
 * - A favoured prompt holds two positions exactly `H` apart, where the cycle is two halves of
 *   length `H` (plus at most one extra position): it returns after `H` or `L − H ≥ H` days.
 *   We only build that layout when `H ≥ 14`; otherwise favourites are dropped for the layout
 *   and the one-position cycle above applies. Non-favoured prompts hold one position of a
 *   cycle at least `2H ≥ 28` long.
 * The cycle depends only on the settings (and the library), so the guarantee is for a user
 * whose prompt settings stay the same; changing them starts a new cycle.
 */
import { PROMPTS, type Prompt } from '@/utils/prompts/library';
import { parsePlainDate } from '@/utils/time/schedule';
import type { PromptSettings } from '@/utils/settings/schema';

/** What of the prompt settings the cycle depends on. */
export type CycleSettings = Pick<PromptSettings, 'favour' | 'hide'>;

/** Tonight's prompt never repeats within this many consecutive evenings (SPEC §7). */
export const NO_REPEAT_DAYS = 14;

// Any fixed date works; changing it would shift everyone's sequence, so it never changes.
const EPOCH = '2000-01-01';
// Fixed so that every surface, and both partners' browsers, lay out the same cycle.
const SEED = 0x636c6f73;

/** The prompts the settings allow: hidden categories left out, unless that would leave none. */
export function eligiblePrompts(
  settings: CycleSettings,
  library: readonly Prompt[] = PROMPTS,
): Prompt[] {
  const hidden = new Set(settings.hide);
  const shown = library.filter((prompt) => !hidden.has(prompt.category));
  // Hiding everything is more likely a slip than a wish for an empty card.
  return shown.length > 0 ? shown : [...library];
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
 * tonight's prompt first, then those not used within 14 days either side (starting half a cycle
 * away), and the nearby evenings' prompts only last.
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
 * The prompt for the evening of `date` (`YYYY-MM-DD`) after "another one" was pressed `offset`
 * times; wraps back to tonight's prompt after every eligible prompt has been shown.
 */
export function tonightsPrompt(
  date: string,
  settings: CycleSettings,
  offset = 0,
  library: readonly Prompt[] = PROMPTS,
): Prompt {
  const steps = Number.isFinite(offset) ? Math.trunc(offset) : 0;
  const order = eveningPrompts(date, settings, library);
  const prompt = order[mod(steps, order.length)];
  if (!prompt) throw new RangeError('the prompt library is empty');
  return prompt;
}

/** Days from the fixed epoch to `date`; throws a RangeError for anything but a real date. */
export function dayNumber(date: string): number {
  return parsePlainDate(date).since(EPOCH).days;
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
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
