import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NO_REPEAT_DAYS,
  dayNumber,
  eligiblePrompts,
  eveningPrompts,
  promptCycle,
  tonightsPrompt,
} from '@/utils/prompts/selection';
import { PROMPTS, type Prompt } from '@/utils/prompts/library';
import { addDays } from '@/utils/time/schedule';
import type { CycleSettings as PromptSettings } from '@/utils/prompts/selection';
import { PROMPT_CATEGORIES, type PromptCategory } from '@/utils/settings/settings';

const NONE: PromptSettings = { favour: [], hide: [] };

/** Dates from 1990 to about 2160, as `YYYY-MM-DD`. */
const dateArb = fc
  .integer({ min: 0, max: 62_000 })
  .map((n) => Temporal.PlainDate.from('1990-01-01').add({ days: n }).toString());

const settingsArb: fc.Arbitrary<PromptSettings> = fc.record({
  favour: fc.subarray([...PROMPT_CATEGORIES]),
  hide: fc.subarray([...PROMPT_CATEGORIES]),
});

/** A made-up library with `counts[i]` prompts in category i, to reach edge cases the real one cannot. */
function library(counts: readonly number[]): Prompt[] {
  return counts.flatMap((count, c) => {
    const category = PROMPT_CATEGORIES[c]!;
    return Array.from({ length: count }, (_, i) => ({
      id: `${category}_${i}`,
      category,
      key: `prompt_${category}_${i}`,
    }));
  });
}

function tonightIds(from: string, days: number, settings: PromptSettings, lib = PROMPTS): string[] {
  return Array.from(
    { length: days },
    (_, d) => tonightsPrompt(addDays(from, d), settings, 0, lib).id,
  );
}

function countCategory(
  from: string,
  days: number,
  settings: PromptSettings,
  category: PromptCategory,
) {
  let count = 0;
  for (let d = 0; d < days; d++) {
    if (tonightsPrompt(addDays(from, d), settings).category === category) count++;
  }
  return count;
}

describe('dayNumber', () => {
  it.each([
    ['2000-01-01', 0],
    ['2000-01-02', 1],
    ['1999-12-31', -1],
    ['2027-01-01', 9862],
  ])('counts %s as day %i', (date, n) => {
    expect(dayNumber(date)).toBe(n);
  });

  it.each(['2026-02-30', '2026-13-01', 'tonight', ''])('rejects %j', (date) => {
    expect(() => dayNumber(date)).toThrow(RangeError);
  });
});

describe('tonightsPrompt is deterministic', () => {
  it('gives the same prompt for the same date, settings and offset', () => {
    fc.assert(
      fc.property(dateArb, settingsArb, fc.nat(200), (date, settings, offset) => {
        const a = tonightsPrompt(date, settings, offset);
        const b = tonightsPrompt(date, structuredClone(settings), offset);
        expect(b).toBe(a);
      }),
    );
  });

  it('does not depend on the order categories are listed in', () => {
    const a = { favour: ['care', 'ritual'], hide: ['physical', 'spiritual'] } as PromptSettings;
    const b = { favour: ['ritual', 'care'], hide: ['spiritual', 'physical'] } as PromptSettings;
    expect(tonightIds('2026-11-01', 60, b)).toEqual(tonightIds('2026-11-01', 60, a));
  });

  it('changes from evening to evening', () => {
    expect(new Set(tonightIds('2026-11-23', 7, NONE)).size).toBe(7);
  });

  it('returns a library prompt', () => {
    expect(PROMPTS).toContain(tonightsPrompt('2026-11-23', NONE));
  });
});

describe('no prompt twice within 14 days', () => {
  it('holds for any 14 consecutive dates and any settings with at least 14 eligible prompts', () => {
    fc.assert(
      fc.property(dateArb, settingsArb, (date, settings) => {
        const eligible = eligiblePrompts(settings).length;
        const window = Math.min(NO_REPEAT_DAYS, eligible);
        expect(new Set(tonightIds(date, window, settings)).size).toBe(window);
      }),
    );
  });

  it('holds across the wrap of the cycle, date by date', () => {
    for (const settings of [NONE, { favour: ['care'], hide: [] } as PromptSettings]) {
      const length = promptCycle(settings).length;
      const ids = tonightIds('2026-01-01', 2 * length + NO_REPEAT_DAYS, settings);
      for (let d = 0; d + NO_REPEAT_DAYS <= ids.length; d++) {
        expect(new Set(ids.slice(d, d + NO_REPEAT_DAYS)).size).toBe(NO_REPEAT_DAYS);
      }
    }
  });

  it('is built into the cycle: any two positions of a prompt are at least 14 apart (wrapping)', () => {
    // Random libraries reach the layouts the real library never does (tiny halves, odd sizes).
    const countsArb = fc.array(fc.nat(20), {
      minLength: PROMPT_CATEGORIES.length,
      maxLength: PROMPT_CATEGORIES.length,
    });
    fc.assert(
      fc.property(countsArb, settingsArb, (counts, settings) => {
        const lib = library(counts);
        fc.pre(lib.length > 0);
        const cycle = promptCycle(settings, lib);
        const distinct = new Set(cycle).size;
        const need = Math.min(NO_REPEAT_DAYS, distinct);
        const positions = new Map<Prompt, number[]>();
        cycle.forEach((p, i) => positions.set(p, [...(positions.get(p) ?? []), i]));
        for (const list of positions.values()) {
          const gaps = list.map((pos, i) => (list[i + 1] ?? list[0]! + cycle.length) - pos);
          expect(Math.min(...gaps)).toBeGreaterThanOrEqual(need);
        }
        expect(new Set(cycle)).toEqual(new Set(eligiblePrompts(settings, lib)));
      }),
      { numRuns: 300 },
    );
  });

  it('with fewer than 14 eligible prompts, uses all of them before repeating one', () => {
    const settings: PromptSettings = { favour: [], hide: PROMPT_CATEGORIES.slice(1) };
    const eligible = eligiblePrompts(settings).length;
    expect(eligible).toBeLessThan(NO_REPEAT_DAYS);
    const ids = tonightIds('2026-03-01', eligible, settings);
    expect(new Set(ids).size).toBe(eligible);
  });

  it('shows every eligible prompt as tonight’s prompt within one cycle', () => {
    const ids = tonightIds('2026-05-01', promptCycle(NONE).length, NONE);
    expect(new Set(ids)).toEqual(new Set(PROMPTS.map((p) => p.id)));
  });
});

describe('"another one" cycles within the evening', () => {
  it('shows every eligible prompt once, then wraps back to tonight’s', () => {
    fc.assert(
      fc.property(dateArb, settingsArb, (date, settings) => {
        const eligible = eligiblePrompts(settings);
        const shown = Array.from({ length: eligible.length }, (_, k) =>
          tonightsPrompt(date, settings, k),
        );
        expect(new Set(shown)).toEqual(new Set(eligible));
        expect(tonightsPrompt(date, settings, eligible.length)).toBe(shown[0]);
        expect(tonightsPrompt(date, settings, eligible.length + 3)).toBe(shown[3]);
      }),
      { numRuns: 50 },
    );
  });

  it('starts at tonight’s prompt', () => {
    expect(tonightsPrompt('2026-11-23', NONE, 0)).toBe(eveningPrompts('2026-11-23', NONE)[0]);
  });

  it('offers the nearby evenings’ prompts only after all the others', () => {
    fc.assert(
      fc.property(dateArb, settingsArb, (date, settings) => {
        const nearby = new Set<string>();
        for (let d = -(NO_REPEAT_DAYS - 1); d < NO_REPEAT_DAYS; d++) {
          nearby.add(tonightsPrompt(addDays(date, d), settings).id);
        }
        const order = eveningPrompts(date, settings).map((p) => p.id);
        const far = order.length - nearby.size;
        // With the full library most of the evening's "another one"s are far from any neighbour.
        if (eligiblePrompts(settings).length >= 60) expect(far).toBeGreaterThanOrEqual(30);
        expect(order.slice(1, 1 + far).filter((id) => nearby.has(id))).toEqual([]);
        expect(order.slice(1 + far).every((id) => nearby.has(id))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('makes the first "another one" a prompt far from any recent or coming evening', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const another = tonightsPrompt(date, NONE, 1).id;
        // Half of the 99-day cycle away: about seven weeks either side.
        expect(tonightIds(addDays(date, -45), 91, NONE)).not.toContain(another);
      }),
      { numRuns: 30 },
    );
  });

  it('treats a negative or odd offset gracefully', () => {
    const n = eligiblePrompts(NONE).length;
    expect(tonightsPrompt('2026-11-23', NONE, -1)).toBe(tonightsPrompt('2026-11-23', NONE, n - 1));
    expect(tonightsPrompt('2026-11-23', NONE, 2.7)).toBe(tonightsPrompt('2026-11-23', NONE, 2));
    expect(tonightsPrompt('2026-11-23', NONE, Number.NaN)).toBe(tonightsPrompt('2026-11-23', NONE));
  });
});

describe('favoured and hidden categories', () => {
  it('never shows a hidden category, tonight or on "another one"', () => {
    fc.assert(
      fc.property(dateArb, settingsArb, fc.nat(5), (date, settings, offset) => {
        fc.pre(settings.hide.length < PROMPT_CATEGORIES.length);
        for (let d = 0; d < 30; d++) {
          const prompt = tonightsPrompt(addDays(date, d), settings, offset);
          expect(settings.hide).not.toContain(prompt.category);
        }
      }),
      { numRuns: 50 },
    );
  });

  it.each(PROMPT_CATEGORIES)('hiding %s keeps it out of a whole year', (category) => {
    const settings: PromptSettings = { favour: [], hide: [category] };
    expect(countCategory('2027-01-01', 365, settings, category)).toBe(0);
  });

  it('ignores the hide list when everything is hidden, rather than show nothing', () => {
    const settings: PromptSettings = { favour: [], hide: [...PROMPT_CATEGORIES] };
    expect(eligiblePrompts(settings)).toEqual([...PROMPTS]);
    expect(tonightIds('2026-11-01', 30, settings)).toEqual(tonightIds('2026-11-01', 30, NONE));
  });

  it.each(PROMPT_CATEGORIES)(
    'favouring %s shows it about twice as often over a year',
    (category) => {
      const before = countCategory('2027-01-01', 365, NONE, category);
      const after = countCategory('2027-01-01', 365, { favour: [category], hide: [] }, category);
      expect(before).toBeGreaterThan(0);
      expect(after / before).toBeGreaterThanOrEqual(1.5);
      expect(after / before).toBeLessThanOrEqual(2.5);
    },
  );

  it('gives each favoured prompt two places in the cycle and every other prompt one', () => {
    const settings: PromptSettings = { favour: ['care', 'listening'], hide: ['physical'] };
    const cycle = promptCycle(settings);
    const times = new Map<string, number>();
    for (const p of cycle) times.set(p.id, (times.get(p.id) ?? 0) + 1);
    for (const p of eligiblePrompts(settings)) {
      expect(times.get(p.id), p.id).toBe(settings.favour.includes(p.category) ? 2 : 1);
    }
  });

  it('still favours when hiding leaves only two categories', () => {
    const settings: PromptSettings = {
      favour: ['ritual'],
      hide: PROMPT_CATEGORIES.filter((c) => c !== 'ritual' && c !== 'care'),
    };
    const ritual = countCategory('2027-01-01', 365, settings, 'ritual');
    const care = countCategory('2027-01-01', 365, settings, 'care');
    expect(ritual / care).toBeGreaterThanOrEqual(1.5);
    const ids = tonightIds('2027-01-01', 365, settings);
    for (let d = 0; d + NO_REPEAT_DAYS <= ids.length; d++) {
      expect(new Set(ids.slice(d, d + NO_REPEAT_DAYS)).size).toBe(NO_REPEAT_DAYS);
    }
  });
});
