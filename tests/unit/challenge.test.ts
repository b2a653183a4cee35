import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHALLENGES_PER_KIND,
  challengeFor,
  challengeKind,
  challengeMessageKeys,
  challengeNumber,
  challengeWeekNumber,
  weeklyChallenge,
} from '@/utils/prompts/challenge';
import type { Messages } from '../../scripts/locales';
import { addDays, weekdayOf } from '@/utils/time/schedule';
import type { ChallengeSetting } from '@/utils/settings/schema';
import { INTIMACY_KINDS, type IntimacyKind } from '@/utils/settings/settings';
import { datesFrom } from './export-arbitraries';

const ROTATE: ChallengeSetting = { mode: 'rotate' };

const dateArb = datesFrom('1990-01-01', 62_000);

function next(kind: IntimacyKind): IntimacyKind {
  return INTIMACY_KINDS[(INTIMACY_KINDS.indexOf(kind) + 1) % INTIMACY_KINDS.length]!;
}

function fragment(lang: string): Messages {
  return JSON.parse(
    readFileSync(join(process.cwd(), 'locales', lang, 'challenge.json'), 'utf8'),
  ) as Messages;
}

describe('rotating weekly challenge', () => {
  it.each([
    ['2026-12-28', '2027-01-04'], // Monday starts across New Year
    ['2026-12-27', '2027-01-03'], // Sunday starts across New Year
    ['2027-12-27', '2028-01-03'],
    ['2020-12-28', '2021-01-04'], // 2020 has 53 ISO weeks
    ['2023-12-25', '2024-01-01'], // across the epoch
  ])('moves on by one kind from the week of %s to the week of %s', (a, b) => {
    expect(challengeWeekNumber(b)).toBe(challengeWeekNumber(a) + 1);
    expect(challengeKind(b, ROTATE)).toBe(next(challengeKind(a, ROTATE)));
  });

  it('goes through a 53-week year (2026) and on into the next without a hiccup', () => {
    const kinds: IntimacyKind[] = [];
    for (let week = 0; week < 60; week++)
      kinds.push(challengeKind(addDays('2025-12-29', 7 * week), ROTATE));
    kinds.slice(1).forEach((kind, i) => expect(kind).toBe(next(kinds[i]!)));
    for (const kind of INTIMACY_KINDS) expect(kinds.filter((k) => k === kind)).toHaveLength(12);
  });

  it('moves on by exactly one kind each week, whatever weekday weeks start on', () => {
    fc.assert(
      fc.property(dateArb, (start) => {
        expect(challengeWeekNumber(addDays(start, 7))).toBe(challengeWeekNumber(start) + 1);
        expect(challengeKind(addDays(start, 7), ROTATE)).toBe(next(challengeKind(start, ROTATE)));
      }),
    );
  });

  it('gives each of the five kinds once in any five consecutive weeks', () => {
    fc.assert(
      fc.property(dateArb, (start) => {
        const kinds = [0, 1, 2, 3, 4].map((w) => challengeKind(addDays(start, 7 * w), ROTATE));
        expect(new Set(kinds)).toEqual(new Set(INTIMACY_KINDS));
      }),
    );
  });

  it('gives a week the same kind whether it starts on Saturday, Sunday or Monday', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
        expect(weekdayOf(monday)).toBe(1);
        const kind = challengeKind(monday, ROTATE);
        for (const shift of [-3, -2, -1, 1, 2, 3]) {
          expect(challengeKind(addDays(monday, shift), ROTATE)).toBe(kind);
        }
        expect(challengeKind(addDays(monday, 4), ROTATE)).toBe(next(kind));
      }),
    );
  });

  it('rejects a date that does not exist', () => {
    expect(() => challengeKind('2026-02-30', ROTATE)).toThrow(RangeError);
  });
});

describe('fixed weekly challenge', () => {
  it.each(INTIMACY_KINDS)('always focuses on %s when the user chose it', (kind) => {
    fc.assert(
      fc.property(dateArb, (start) => {
        expect(challengeKind(start, { mode: 'fixed', kind })).toBe(kind);
      }),
      { numRuns: 30 },
    );
  });

  it('falls back to rotating if the stored kind is unknown', () => {
    const broken = { mode: 'fixed', kind: 'romantic' } as unknown as ChallengeSetting;
    expect(challengeKind('2026-11-23', broken)).toBe(challengeKind('2026-11-23', ROTATE));
  });
});

describe('which of its kind’s challenges a week gets', () => {
  const id = (start: string, setting: ChallengeSetting) => {
    const c = weeklyChallenge(start, setting);
    return `${c.kind}_${c.number}`;
  };

  it('rotating, no challenge comes back within 15 weeks, and each of the 15 comes once', () => {
    fc.assert(
      fc.property(dateArb, (start) => {
        const weeks = Array.from({ length: 15 }, (_, w) => id(addDays(start, 7 * w), ROTATE));
        expect(new Set(weeks).size).toBe(15);
        expect(id(addDays(start, 7 * 15), ROTATE)).toBe(weeks[0]);
      }),
    );
  });

  it('rotating, a kind’s next turn brings its next challenge', () => {
    fc.assert(
      fc.property(dateArb, (start) => {
        const now = challengeNumber(start, ROTATE);
        const next = challengeNumber(addDays(start, 35), ROTATE);
        expect(next).toBe((now % CHALLENGES_PER_KIND) + 1);
        expect(challengeKind(addDays(start, 35), ROTATE)).toBe(challengeKind(start, ROTATE));
      }),
    );
  });

  it.each(INTIMACY_KINDS)('fixed on %s, goes through its three challenges in turn', (kind) => {
    fc.assert(
      fc.property(dateArb, (start) => {
        const fixed: ChallengeSetting = { mode: 'fixed', kind };
        const weeks = [0, 1, 2, 3].map((w) => weeklyChallenge(addDays(start, 7 * w), fixed));
        expect(weeks.every((c) => c.kind === kind)).toBe(true);
        expect(new Set(weeks.slice(0, 3).map((c) => c.number))).toEqual(new Set([1, 2, 3]));
        expect(weeks[3]!.number).toBe(weeks[0]!.number);
      }),
      { numRuns: 30 },
    );
  });

  it('gives a week the same challenge whether it starts on Saturday, Sunday or Monday', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
        for (const shift of [-2, -1]) {
          expect(id(addDays(monday, shift), ROTATE)).toBe(id(monday, ROTATE));
        }
      }),
    );
  });
});

describe('challenge content', () => {
  it('returns the kind with its title, description and three distinct ideas', () => {
    expect(challengeFor('experiential', 2)).toEqual({
      kind: 'experiential',
      number: 2,
      titleKey: 'challenge_experiential_2_title',
      descriptionKey: 'challenge_experiential_2_description',
      ideaKeys: [
        'challenge_experiential_2_idea_1',
        'challenge_experiential_2_idea_2',
        'challenge_experiential_2_idea_3',
      ],
    });
    const week = weeklyChallenge('2026-11-23', { mode: 'fixed', kind: 'experiential' });
    expect(week.kind).toBe('experiential');
    expect(week.titleKey).toBe(`challenge_experiential_${week.number}_title`);
  });

  it.each(['en', 'es'])('%s has exactly the challenge keys, each with text', (lang) => {
    const messages = fragment(lang);
    expect(Object.keys(messages).sort()).toEqual(challengeMessageKeys().sort());
    for (const [key, value] of Object.entries(messages)) {
      expect(value.message.trim(), key).not.toBe('');
      expect(value.message, key).not.toMatch(/[!¡$]/);
    }
  });

  it('is translated, and no two ideas are the same', () => {
    const en = fragment('en');
    const es = fragment('es');
    for (const key of challengeMessageKeys())
      expect(es[key]?.message, key).not.toBe(en[key]?.message);
    const ideas = INTIMACY_KINDS.flatMap((kind) =>
      [1, 2, 3].flatMap((n) => challengeFor(kind, n).ideaKeys.map((k) => en[k]?.message)),
    );
    expect(new Set(ideas).size).toBe(INTIMACY_KINDS.length * CHALLENGES_PER_KIND * 3);
  });

  it('keeps the first edition’s challenge first in each kind', () => {
    const en = fragment('en');
    expect(INTIMACY_KINDS.map((kind) => en[challengeFor(kind, 1).titleKey]?.message)).toEqual([
      'Emotional closeness',
      'Curious minds',
      'Everyday affection',
      'Shared adventures',
      'Meaning and values',
    ]);
  });
});
