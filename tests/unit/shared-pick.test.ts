import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROMPTS, type Prompt } from '@/utils/prompts/library';
import { hash32 } from '@/utils/prompts/rendezvous';
import {
  ROUND_DAYS,
  sharedEvening,
  sharedPick,
  sharedPools,
  sharedTonight,
  sharedTonights,
} from '@/utils/prompts/shared-pick';
import { dayNumber, NO_REPEAT_DAYS, tonightsPrompt } from '@/utils/prompts/selection';
import { addDays } from '@/utils/time/schedule';
import { PROMPT_CATEGORIES } from '@/utils/settings/settings';
import { pairCodeArb, datesFrom } from './export-arbitraries';

/** Dates from 1990 to about 2160, as `YYYY-MM-DD`. */
const dateArb = datesFrom('1990-01-01', 62_000);

/** Two different codes. */
const twoCodesArb = fc.tuple(pairCodeArb, pairCodeArb).filter(([a, b]) => a !== b);

/** A made-up library of `size` prompts with ids the real library does not use. */
function madeUp(size: number, prefix = 'new'): Prompt[] {
  return Array.from({ length: size }, (_, i) => {
    const category = PROMPT_CATEGORIES[i % PROMPT_CATEGORIES.length]!;
    const id = `${prefix}${category}_${String(i).padStart(3, '0')}`;
    return { id, category, key: `prompt_${id}`, light: i % 2 === 0, tender: false };
  });
}

/** A subset of the real library, at least `min` prompts, in any order. */
const libraryArb = (min: number) =>
  fc
    .shuffledSubarray([...PROMPTS], { minLength: min })
    .map((prompts) => prompts as readonly Prompt[]);

function tonightIds(code: string, from: string, days: number, library = PROMPTS): string[] {
  const dates = Array.from({ length: days }, (_, d) => addDays(from, d));
  return sharedTonights(code, dates, library).map((prompt) => prompt.id);
}

describe('hash32', () => {
  it.each([
    ['', 0xab3e7c0b],
    ['a', 0x1a80b1b3],
    ['closer', 0x3b1a229e],
  ])('hashes %j as FNV-1a with the Murmur3 finaliser does', (text, expected) => {
    // Values from an independent implementation; they pin the function, because a change would
    // reshuffle every couple's questions (and two browsers on different versions would disagree).
    expect(hash32(text)).toBe(expected);
  });

  it('spreads short ids over the whole 32-bit range', () => {
    const high = PROMPTS.filter((p) => hash32(p.id) >= 2 ** 31).length;
    expect(high / PROMPTS.length).toBeGreaterThan(0.3);
    expect(high / PROMPTS.length).toBeLessThan(0.7);
  });
});

describe('sharedPick: both browsers agree', () => {
  it('gives the same id for the same code, date and n, whatever the library order', () => {
    fc.assert(
      fc.property(pairCodeArb, dateArb, fc.nat(300), libraryArb(1), (code, date, n, library) => {
        const reversed = [...library].reverse();
        expect(sharedPick(code, date, n, library).id).toBe(sharedPick(code, date, n, reversed).id);
      }),
      { numRuns: 60 },
    );
  });

  it('reads only ids: other categories or keys (another language, a new edition) change nothing', () => {
    fc.assert(
      fc.property(pairCodeArb, dateArb, fc.nat(20), (code, date, n) => {
        const relabelled = PROMPTS.map((p, i) => ({
          ...p,
          key: `elsewhere_${i}`,
          category: PROMPT_CATEGORIES[(i * 7) % PROMPT_CATEGORIES.length]!,
        }));
        expect(sharedPick(code, date, n, relabelled).id).toBe(sharedPick(code, date, n).id);
      }),
      { numRuns: 40 },
    );
  });

  it('n = 0 is tonight, and "another one" walks every prompt once before wrapping', () => {
    fc.assert(
      fc.property(pairCodeArb, dateArb, libraryArb(1), (code, date, library) => {
        const order = sharedEvening(code, date, library);
        expect(order[0]!.id).toBe(sharedTonight(code, date, library).id);
        expect(new Set(order.map((p) => p.id))).toEqual(new Set(library.map((p) => p.id)));
        expect(order).toHaveLength(library.length);
        expect(sharedPick(code, date, library.length, library).id).toBe(order[0]!.id);
        expect(sharedPick(code, date, 3, library).id).toBe(order[3 % library.length]!.id);
      }),
      { numRuns: 40 },
    );
  });

  it('puts the nearby evenings’ prompts last in the "another one" order', () => {
    fc.assert(
      fc.property(pairCodeArb, dateArb, (code, date) => {
        const order = sharedEvening(code, date).map((p) => p.id);
        const nearby = new Set<string>();
        for (let d = 1; d < NO_REPEAT_DAYS; d++) {
          nearby.add(sharedTonight(code, addDays(date, d)).id);
          nearby.add(sharedTonight(code, addDays(date, -d)).id);
        }
        const firstNearby = order.findIndex((id, i) => i > 0 && nearby.has(id));
        expect(firstNearby).toBe(order.length - nearby.size);
        expect(order.slice(firstNearby).every((id) => nearby.has(id))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses an empty library and a date that does not exist', () => {
    expect(() => sharedPick('bara-bami-bado-tuso', '2026-11-24', 0, [])).toThrow(RangeError);
    expect(() => sharedPick('bara-bami-bado-tuso', '2026-02-30', 0)).toThrow(RangeError);
  });
});

describe('sharedPick: no repeat within 14 days', () => {
  it('never shows tonight’s prompt again within 14 evenings (real library and any subset ≥ 14)', () => {
    fc.assert(
      fc.property(pairCodeArb, dateArb, libraryArb(NO_REPEAT_DAYS), (code, from, library) => {
        const ids = tonightIds(code, from, 60, library);
        const repeats: string[] = [];
        for (let i = 0; i < ids.length; i++) {
          for (let j = i + 1; j < Math.min(ids.length, i + NO_REPEAT_DAYS); j++) {
            if (ids[j] === ids[i]) repeats.push(`${ids[i]} on days ${i} and ${j}`);
          }
        }
        expect(repeats).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('is the same one day at a time as many days at once', () => {
    fc.assert(
      fc.property(pairCodeArb, dateArb, (code, from) => {
        const each = Array.from({ length: 30 }, (_, d) => sharedTonight(code, addDays(from, d)).id);
        expect(tonightIds(code, from, 30)).toEqual(each);
      }),
      { numRuns: 10 },
    );
  });

  it('holds across round boundaries and for libraries just big enough for two pools', () => {
    for (const size of [28, 29, 31, 40]) {
      const library = madeUp(size);
      expect(sharedPools('bara-bami-bado-tuso', library)).not.toBeNull();
      const ids = tonightIds('bara-bami-bado-tuso', '2026-01-01', 400, library);
      for (let i = 0; i + 1 < ids.length; i++) {
        const window = ids.slice(i, i + NO_REPEAT_DAYS);
        expect(new Set(window).size, `size ${size}, from day ${i}`).toBe(window.length);
      }
    }
  });
});

describe('sharedPick: spread across the library', () => {
  it('splits the library into two pools of at least 14, each id in exactly one', () => {
    fc.assert(
      fc.property(pairCodeArb, libraryArb(2 * ROUND_DAYS), (code, library) => {
        const [a, b] = sharedPools(code, library)!;
        expect(a.length).toBeGreaterThanOrEqual(ROUND_DAYS);
        expect(b.length).toBeGreaterThanOrEqual(ROUND_DAYS);
        expect(new Set([...a, ...b].map((p) => p.id)).size).toBe(library.length);
      }),
    );
  });

  it('shows every prompt within six years, none more than twice its share', () => {
    fc.assert(
      fc.property(pairCodeArb, (code) => {
        const days = 6 * 365;
        const counts = new Map<string, number>();
        for (const id of tonightIds(code, '2030-01-01', days)) {
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        expect(counts.size).toBe(PROMPTS.length);
        // Each id's pool gets half the days: its share is days / 2 / pool size.
        const [a, b] = sharedPools(code, PROMPTS)!;
        const poolOf = new Map<string, number>([
          ...a.map((p) => [p.id, a.length] as const),
          ...b.map((p) => [p.id, b.length] as const),
        ]);
        for (const [id, count] of counts) {
          const share = days / 2 / poolOf.get(id)!;
          expect(count, id).toBeLessThanOrEqual(2 * share);
        }
      }),
      { numRuns: 5, seed: 1717 },
    );
  }, 30_000);
});

describe('sharedPick: different codes are independent', () => {
  it('two codes agree on about as many evenings as chance would have it', () => {
    fc.assert(
      fc.property(twoCodesArb, dateArb, ([a, b], from) => {
        const one = tonightIds(a, from, 365);
        const two = tonightIds(b, from, 365);
        // Chance: about 365 / 80 ≈ 5 days for a library of 80; 25 would be far beyond it.
        for (const shift of [0, 1, 7, 14]) {
          const same = one.filter((id, d) => id === two[d + shift]).length;
          expect(same, `shift ${shift}`).toBeLessThan(25);
        }
      }),
      { numRuns: 15, seed: 4242 },
    );
  }, 30_000);

  it('a couple’s evenings are their own, not the unpaired cycle everyone else walks', () => {
    fc.assert(
      fc.property(pairCodeArb, dateArb, (code, from) => {
        const paired = tonightIds(code, from, 120);
        const unpaired = Array.from(
          { length: 120 },
          (_, d) => tonightsPrompt(addDays(from, d), { favour: [], hide: [] }).id,
        );
        expect(paired.filter((id, d) => id === unpaired[d]).length).toBeLessThan(12);
      }),
      { numRuns: 20, seed: 7 },
    );
  });
});

describe('sharedPick: a library update on one browser first changes little', () => {
  const code = 'bara-bami-bado-tuso';
  // From the first day of a round, so every changed day's round lies inside the year compared.
  const start = addDays(
    '2026-01-01',
    (ROUND_DAYS - (dayNumber('2026-01-01') % ROUND_DAYS)) % ROUND_DAYS,
  );
  const year = (library: readonly Prompt[]) => tonightIds(code, start, 365, library);

  it('adding prompts changes only about their own share of evenings', () => {
    fc.assert(
      fc.property(pairCodeArb, fc.integer({ min: 1, max: 5 }), (code, added) => {
        const before = tonightIds(code, '2026-01-01', 365);
        const after = tonightIds(code, '2026-01-01', 365, [...PROMPTS, ...madeUp(added)]);
        const changed = before.filter((id, d) => id !== after[d]).length;
        // Each new prompt's fair share is 365 / (half the library); allow twice that, plus a day.
        expect(changed).toBeLessThanOrEqual(
          added * Math.ceil((2 * 365) / (PROMPTS.length / 2)) + 1,
        );
        // A day that changed shows a new prompt, or one pushed along by a new one in its round.
        expect(
          after.filter((id, d) => id !== before[d] && !id.startsWith('new')).length,
        ).toBeLessThanOrEqual(changed / 2 + 1);
      }),
      { numRuns: 10, seed: 99 },
    );
  }, 30_000);

  it('removing one prompt changes only its own evenings, and rarely one more in their round', () => {
    const roundOf = (d: number) => Math.floor(dayNumber(addDays(start, d)) / ROUND_DAYS);
    const before = year(PROMPTS);
    for (const removed of PROMPTS.slice(0, 40)) {
      const after = year(PROMPTS.filter((p) => p !== removed));
      const own = before.flatMap((id, d) => (id === removed.id ? [d] : []));
      const changed = before.flatMap((id, d) => (id !== after[d] ? [d] : []));
      expect(changed, removed.id).toEqual(expect.arrayContaining(own));
      expect(changed.length, removed.id).toBeLessThanOrEqual(2 * own.length + 1);
      for (const d of changed.filter((d) => !own.includes(d))) {
        // Pushed along: a later day of a round in which the removed prompt held an earlier day.
        expect(
          own.some((o) => o < d && roundOf(o) === roundOf(d)),
          `${removed.id}, day ${d}`,
        ).toBe(true);
      }
    }
  });

  it('a cycle laid out by position would have changed almost every evening', () => {
    // The contrast that motivates rendezvous hashing: with `day mod length`, one new prompt
    // shifts the whole cycle (days counted as the selection counts them, from 1970).
    const cycle = (library: readonly Prompt[], d: number) =>
      library[dayNumber(addDays(start, d)) % library.length]!.id;
    const grown = [...PROMPTS, ...madeUp(1)];
    let changed = 0;
    for (let d = 0; d < 365; d++) if (cycle(PROMPTS, d) !== cycle(grown, d)) changed++;
    expect(changed).toBeGreaterThan(250);
    const before = year(PROMPTS);
    const after = year(grown);
    expect(before.filter((id, d) => id !== after[d]).length).toBeLessThan(30);
  });
});
