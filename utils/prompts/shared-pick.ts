/**
 * The couple's own prompt cycle (SPEC §13): a pure `(pair code, date, n) → prompt` that two
 * browsers with the same code compute alike, with nothing sent between them. It reads only the
 * prompts' stable ids, never their text, their order in the library or the user's category
 * settings, so the two browsers agree whatever their languages and personal choices.
 *
 * Layout, rebuilt from the code and the ids alone:
 *
 *   ids ──hash(code, "pool", id)──▶ pool 0 │ pool 1        (each id's pool is its own coin)
 *   days: │ round 0 (14 days) │ round 1 │ round 2 │ …     even rounds draw from pool 0, odd from 1
 *   round r, day j: the id with the highest hash(code, r, j, id) among its pool's ids not
 *                   already drawn on days 0 … j−1 of the round            (rendezvous hashing)
 *
 * - No repeat within 14 days, by construction: a round never draws an id twice, and the rounds
 *   either side of it draw from the other pool, so an id comes back after 15 days at the soonest.
 * - Spread: every round ranks its pool afresh, so over the months every id is drawn about as
 *   often as every other in its pool, and the pools split the library about evenly.
 * - A library update that lands on one browser first changes as little as it can: a new id takes
 *   a day only where its own hash wins, about one day in the size of its pool, and an id removed
 *   gives up only its own days (each followed, rarely, by a day later in the same round). A cycle
 *   laid out by position (`day mod length`) would change nearly every day instead.
 * - Independence: another code hashes every id differently, so its days have nothing to do with
 *   this code's beyond chance.
 * A library too small to give each pool 14 ids is split by rank (half each); one under 28 walks
 * one hashed cycle (no repeat within its length); both fallbacks only matter for made-up libraries.
 *
 * "Another one" shows tonight's prompt first, then every other eligible prompt in an order
 * hashed from the code and the date, the nearby evenings' prompts (13 days either side) last.
 *
 * Callers narrow the library first with rules both browsers apply alike ("Keep it light for now"
 * leaves out the tender prompts); an id left out affects only its own days, as above.
 */
import { PROMPTS, type Prompt } from '@/utils/prompts/library';
import { dayNumber, NO_REPEAT_DAYS, type CoupleOrder } from '@/utils/prompts/selection';
import { rankBy, score } from './rendezvous';

/** Days in a round: a round never repeats an id and neighbouring rounds use the other pool. */
export const ROUND_DAYS = NO_REPEAT_DAYS;

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

const idOf = (prompt: Prompt) => prompt.id;

/** The two pools the rounds alternate between, or null when the library is under 28 prompts. */
export function sharedPools(code: string, library: readonly Prompt[]): [Prompt[], Prompt[]] | null {
  if (library.length < 2 * ROUND_DAYS) return null;
  const pools: [Prompt[], Prompt[]] = [[], []];
  for (const prompt of library) {
    (score(`${code}\u0000pool`, prompt.id) & 1 ? pools[1] : pools[0]).push(prompt);
  }
  if (pools[0].length >= ROUND_DAYS && pools[1].length >= ROUND_DAYS) return pools;
  // A lopsided toss in a small library: split by rank instead, half each.
  const ranked = rankBy(library, `${code}\u0000pool`, idOf);
  const half = Math.ceil(ranked.length / 2);
  return [ranked.slice(0, half), ranked.slice(half)];
}

/** The prompts of one round, day 0 first: each day's rendezvous winner among those not drawn yet. */
function roundPrompts(code: string, round: number, pools: [Prompt[], Prompt[]]): Prompt[] {
  const left = [...(mod(round, 2) === 0 ? pools[0] : pools[1])];
  const picks: Prompt[] = [];
  for (let day = 0; day < ROUND_DAYS && left.length > 0; day++) {
    const seed = `${code}\u0000${round}\u0000${day}`;
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < left.length; i++) {
      const s = score(seed, left[i]!.id);
      if (s > bestScore || (s === bestScore && left[i]!.id < left[best]!.id)) {
        best = i;
        bestScore = s;
      }
    }
    picks.push(left.splice(best, 1)[0]!);
  }
  return picks;
}

/**
 * The couple's prompt for each of `days` (day numbers), computing each round once. Throws a
 * RangeError when the library is empty.
 */
function promptsOnDays(code: string, days: readonly number[], library: readonly Prompt[]) {
  if (library.length === 0) throw new RangeError('the prompt library is empty');
  const pools = sharedPools(code, library);
  if (!pools) {
    const cycle = rankBy(library, `${code}\u0000cycle`, idOf);
    return days.map((day) => cycle[mod(day, cycle.length)]!);
  }
  const rounds = new Map<number, Prompt[]>();
  return days.map((day) => {
    const round = Math.floor(day / ROUND_DAYS);
    let picks = rounds.get(round);
    if (!picks) rounds.set(round, (picks = roundPrompts(code, round, pools)));
    return picks[day - round * ROUND_DAYS]!;
  });
}

/** The couple's prompts for the evenings of `dates`, before any "another one" (one pass per round). */
export function sharedTonights(
  code: string,
  dates: readonly string[],
  library: readonly Prompt[] = PROMPTS,
): Prompt[] {
  return promptsOnDays(code, dates.map(dayNumber), library);
}

/** The couple's prompt for the evening of `date` (`YYYY-MM-DD`), before any "another one". */
export function sharedTonight(
  code: string,
  date: string,
  library: readonly Prompt[] = PROMPTS,
): Prompt {
  return promptsOnDays(code, [dayNumber(date)], library)[0]!;
}

/**
 * Every prompt of `library` once, in the order "another one" shows them on the evening of
 * `date`: tonight's first, then the rest in an order hashed from the code and the date, those
 * drawn within 13 days either side last.
 */
export function sharedEvening(
  code: string,
  date: string,
  library: readonly Prompt[] = PROMPTS,
): Prompt[] {
  const today = dayNumber(date);
  const around = Array.from(
    { length: 2 * NO_REPEAT_DAYS - 1 },
    (_, i) => today - NO_REPEAT_DAYS + 1 + i,
  );
  const drawn = promptsOnDays(code, around, library);
  const tonight = drawn[NO_REPEAT_DAYS - 1]!;
  const nearby = new Set(drawn.map(idOf));
  const rest = rankBy(
    library.filter((prompt) => prompt.id !== tonight.id),
    `${code}\u0000another\u0000${today}`,
    idOf,
  );
  return [
    tonight,
    ...rest.filter((prompt) => !nearby.has(prompt.id)),
    ...rest.filter((prompt) => nearby.has(prompt.id)),
  ];
}

/**
 * The couple's prompt for the evening of `date` after "another one" was pressed `n` times;
 * wraps back to tonight's after every prompt has been shown.
 */
export function sharedPick(
  code: string,
  date: string,
  n = 0,
  library: readonly Prompt[] = PROMPTS,
): Prompt {
  const steps = Number.isFinite(n) ? Math.trunc(n) : 0;
  if (steps === 0) return sharedTonight(code, date, library);
  const order = sharedEvening(code, date, library);
  return order[mod(steps, order.length)]!;
}

/** The couple's order for tonight's selection (`SelectionSettings.couple`), or null unpaired. */
export function coupleOrder(code: string | null): CoupleOrder | null {
  return code ? { code, evening: sharedEvening } : null;
}
