/**
 * The weekly challenge: each week focuses on one kind of intimacy, rotating through the five or
 * fixed by the user (SPEC §7), with three concrete ideas. Text lives in `locales/<lang>/challenge.json`.
 */
import { parsePlainDate } from '@/utils/time/schedule';
import type { ChallengeSetting } from '@/utils/settings/schema';
import { INTIMACY_KINDS, type IntimacyKind } from '@/utils/settings/settings';
import { rankBy } from './rendezvous';

export interface WeeklyChallenge {
  kind: IntimacyKind;
  /** Message keys. */
  titleKey: string;
  descriptionKey: string;
  ideaKeys: readonly [string, string, string];
}

/** Message key of the heading shown above the challenge. */
export const CHALLENGE_HEADING_KEY = 'challenge_heading';

// A Monday; weeks are counted from it, so it never changes (that would reshuffle every week).
const EPOCH_MONDAY = '2024-01-01';

/** The challenge content for one kind of intimacy. */
export function challengeFor(kind: IntimacyKind): WeeklyChallenge {
  const prefix = `challenge_${kind}`;
  return {
    kind,
    titleKey: `${prefix}_title`,
    descriptionKey: `${prefix}_description`,
    ideaKeys: [`${prefix}_idea_1`, `${prefix}_idea_2`, `${prefix}_idea_3`],
  };
}

/**
 * A continuous week count for the week starting on `weekStart` (`YYYY-MM-DD`): consecutive
 * weeks differ by exactly one, across year boundaries and 53-week years alike.
 */
export function challengeWeekNumber(weekStart: string): number {
  const days = parsePlainDate(weekStart).since(EPOCH_MONDAY).days;
  // A week is counted as the Monday-based week holding its fourth day, so users whose weeks
  // start on Sunday, Monday or Saturday share a kind for the days their weeks share.
  return Math.floor((days + 3) / 7);
}

/** The kind of intimacy the week starting on `weekStart` focuses on. */
export function challengeKind(weekStart: string, setting: ChallengeSetting): IntimacyKind {
  // A fixed kind that is not one of the five (a damaged import) falls back to rotating.
  if (setting.mode === 'fixed' && INTIMACY_KINDS.includes(setting.kind)) return setting.kind;
  const index = challengeWeekNumber(weekStart) % INTIMACY_KINDS.length;
  return INTIMACY_KINDS[(index + INTIMACY_KINDS.length) % INTIMACY_KINDS.length]!;
}

/** This week's challenge: its kind and the message keys of its title, description and ideas. */
export function weeklyChallenge(weekStart: string, setting: ChallengeSetting): WeeklyChallenge {
  return challengeFor(challengeKind(weekStart, setting));
}

/** Every message key the challenge uses, for completeness checks. */
export function challengeMessageKeys(): string[] {
  return [
    CHALLENGE_HEADING_KEY,
    ...INTIMACY_KINDS.flatMap((kind) => {
      const c = challengeFor(kind);
      return [c.titleKey, c.descriptionKey, ...c.ideaKeys];
    }),
  ];
}

/**
 * The couple's kind of the week (SPEC §13): the five kinds in an order hashed from the pair
 * code, one a week, so two browsers with the same code show the same challenge whatever each
 * user's own setting (or first day of the week: weeks are counted as `challengeWeekNumber`
 * counts them). Any five weeks in a row go through all five kinds.
 */
export function sharedChallengeKind(code: string, weekStart: string): IntimacyKind {
  const order = rankBy(INTIMACY_KINDS, `${code}\u0000challenge`, (kind) => kind);
  const index = challengeWeekNumber(weekStart) % order.length;
  return order[(index + order.length) % order.length]!;
}

/** This week's challenge for a couple with a pair code, else from the user's own setting. */
export function ourChallenge(
  weekStart: string,
  setting: ChallengeSetting,
  pairCode: string | null,
): WeeklyChallenge {
  return pairCode
    ? challengeFor(sharedChallengeKind(pairCode, weekStart))
    : weeklyChallenge(weekStart, setting);
}
