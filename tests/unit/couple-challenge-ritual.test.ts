import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ourChallenge, sharedChallengeKind, weeklyChallenge } from '@/utils/prompts/challenge';
import {
  FIRST_SPEAKER_KEYS,
  OPENING_QUESTION_KEYS,
  ritualOpener,
  TOPIC_KEYS,
  turnQuestion,
} from '@/utils/prompts/ritual';
import { INTIMACY_KINDS } from '@/utils/settings/settings';
import { addDays } from '@/utils/time/schedule';
import { pairCodeArb, datesFrom } from './export-arbitraries';
import { localeLanguages, mergeLocale } from '../../scripts/locales';

/** A Monday from 2000 to about 2150. */
const mondayArb = datesFrom('2000-01-03', 8000, 'weeks');
const dateArb = datesFrom('2000-01-01', 55_000);

describe('the couple’s weekly challenge', () => {
  it('is the same for the same code and week, whatever each partner’s first day of the week', () => {
    fc.assert(
      fc.property(pairCodeArb, mondayArb, (code, monday) => {
        const kind = sharedChallengeKind(code, monday);
        // Weeks starting on the Sunday or Saturday before share most of their days with it.
        expect(sharedChallengeKind(code, addDays(monday, -1))).toBe(kind);
        expect(sharedChallengeKind(code, addDays(monday, -2))).toBe(kind);
      }),
    );
  });

  it('goes through all five kinds in any five weeks in a row', () => {
    fc.assert(
      fc.property(pairCodeArb, mondayArb, (code, monday) => {
        const kinds = [0, 1, 2, 3, 4].map((w) => sharedChallengeKind(code, addDays(monday, 7 * w)));
        expect(new Set(kinds)).toEqual(new Set(INTIMACY_KINDS));
      }),
    );
  });

  it('ignores each partner’s own setting while paired, and follows it when not', () => {
    fc.assert(
      fc.property(
        pairCodeArb,
        mondayArb,
        fc.constantFrom(...INTIMACY_KINDS),
        (code, monday, fixed) => {
          const mine = ourChallenge(monday, { mode: 'fixed', kind: fixed }, code);
          const theirs = ourChallenge(monday, { mode: 'rotate' }, code);
          expect(mine).toEqual(theirs);
          expect(ourChallenge(monday, { mode: 'fixed', kind: fixed }, null).kind).toBe(fixed);
          expect(ourChallenge(monday, { mode: 'rotate' }, null)).toEqual(
            weeklyChallenge(monday, { mode: 'rotate' }),
          );
        },
      ),
    );
  });

  it('differs between codes: the order of the five depends on the code', () => {
    const orders = new Set<string>();
    fc.assert(
      fc.property(pairCodeArb, (code) => {
        orders.add(
          [0, 1, 2, 3, 4]
            .map((w) => sharedChallengeKind(code, addDays('2026-01-05', 7 * w)))
            .join(),
        );
      }),
      { numRuns: 200, seed: 5 },
    );
    // 120 possible orders; 200 codes landing on fewer than 40 would mean the code barely matters.
    expect(orders.size).toBeGreaterThan(40);
    const first = new Map<string, number>();
    fc.assert(
      fc.property(pairCodeArb, (code) => {
        const kind = sharedChallengeKind(code, '2026-01-05');
        first.set(kind, (first.get(kind) ?? 0) + 1);
      }),
      { numRuns: 500, seed: 6 },
    );
    // Each kind leads about 100 times in 500; none is left out or dominant.
    for (const kind of INTIMACY_KINDS) expect(first.get(kind) ?? 0).toBeGreaterThan(50);
  });
});

describe('the couple’s ritual opener', () => {
  it('is the same on both browsers for the same code and evening', () => {
    fc.assert(
      fc.property(pairCodeArb, dateArb, (code, date) => {
        expect(ritualOpener(code, date)).toEqual(ritualOpener(code.slice(), date.slice()));
        expect(FIRST_SPEAKER_KEYS).toContain(ritualOpener(code, date).firstKey);
        expect(OPENING_QUESTION_KEYS).toContain(ritualOpener(code, date).questionKey);
      }),
    );
  });

  it('changes every evening and uses every rule and question within a week', () => {
    fc.assert(
      fc.property(pairCodeArb, dateArb, (code, from) => {
        const week = Array.from({ length: 6 }, (_, d) => ritualOpener(code, addDays(from, d)));
        expect(new Set(week.map((o) => o.firstKey)).size).toBe(FIRST_SPEAKER_KEYS.length);
        expect(new Set(week.slice(0, 5).map((o) => o.questionKey)).size).toBe(
          OPENING_QUESTION_KEYS.length,
        );
        const pairs = Array.from({ length: 30 }, (_, d) => {
          const o = ritualOpener(code, addDays(from, d));
          return `${o.firstKey} ${o.questionKey}`;
        });
        expect(new Set(pairs).size).toBe(30);
      }),
    );
  });

  it('depends on the code', () => {
    // Six evenings show the code's order of the six rules (one of 720) and of the five questions
    // (one of 120). Two codes may share an order by chance (1 in 86,400), so this counts the
    // different weeks 200 codes give (a fixed sample): with the code ignored there would be one.
    const weeks = new Set<string>();
    const codes = new Set<string>();
    fc.assert(
      fc.property(pairCodeArb, (code) => {
        codes.add(code);
        const week = Array.from({ length: 6 }, (_, d) => {
          const opener = ritualOpener(code, addDays('2026-03-01', d));
          return `${opener.firstKey} ${opener.questionKey}`;
        });
        weeks.add(week.join());
      }),
      { numRuns: 200, seed: 7 },
    );
    expect(weeks.size).toBeGreaterThan(0.95 * codes.size);
  });

  it('words the first turn of both partners with the opener’s question', () => {
    const opener = ritualOpener('bara-bami-bado-tuso', '2026-11-24');
    for (const speaker of [0, 1] as const) {
      expect(turnQuestion('high', ['', ''], speaker, opener).key).toBe(opener.questionKey);
      expect(turnQuestion('high', ['', ''], speaker).key).toBe(TOPIC_KEYS.high.question);
      expect(turnQuestion('low', ['', ''], speaker, opener).key).toBe(TOPIC_KEYS.low.question);
    }
  });
});

describe('the opener’s words', () => {
  it.each(localeLanguages())(
    'are in %s (keys built in code, so the source scan misses them)',
    (lang) => {
      const messages = mergeLocale(lang);
      for (const key of [...FIRST_SPEAKER_KEYS, ...OPENING_QUESTION_KEYS]) {
        expect(messages, key).toHaveProperty(key);
      }
    },
  );
});
