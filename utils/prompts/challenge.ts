/**
 * The weekly challenge: each week focuses on one kind of intimacy, rotating through the five or
 * fixed by the user (SPEC §7), with three concrete ideas. Each kind has `CHALLENGES_PER_KIND`
 * challenges, taken in turn: rotating, a kind comes back every 5 weeks with its next challenge,
 * so a challenge returns only after 15 weeks; a fixed kind goes through its own in turn, one a
 * week. Text lives in `locales/<lang>/challenge.json` (`challenge_<kind>_<n>_…`).
 */
import { parsePlainDate } from '@/utils/time/schedule';
import type { ChallengeSetting } from '@/utils/settings/schema';
import { INTIMACY_KINDS, type IntimacyKind } from '@/utils/settings/settings';
import { rankBy } from './rendezvous';

export interface WeeklyChallenge {
  kind: IntimacyKind;
  /** Which of the kind's challenges, from 1. */
  number: number;
  /** Message keys. */
  titleKey: string;
  descriptionKey: string;
  ideaKeys: readonly [string, string, string];
}

/** Message key of the heading shown above the challenge. */
export const CHALLENGE_HEADING_KEY = 'challenge_heading';

// A Monday; weeks are counted from it, so it never changes (that would reshuffle every week).
const EPOCH_MONDAY = '2024-01-01';

/** How many challenges each kind of intimacy has. */
export const CHALLENGES_PER_KIND = 3;

/** The message keys of challenge `number` (1 to `CHALLENGES_PER_KIND`) of a kind. */
export function challengeFor(kind: IntimacyKind, number = 1): WeeklyChallenge {
  const prefix = `challenge_${kind}_${number}`;
  return {
    kind,
    number,
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

// A fixed kind that is not one of the five (a damaged import) falls back to rotating.
function fixedKind(setting: ChallengeSetting): IntimacyKind | null {
  return setting.mode === 'fixed' && INTIMACY_KINDS.includes(setting.kind) ? setting.kind : null;
}

/** The kind of intimacy the week starting on `weekStart` focuses on. */
export function challengeKind(weekStart: string, setting: ChallengeSetting): IntimacyKind {
  return (
    fixedKind(setting) ??
    INTIMACY_KINDS[mod(challengeWeekNumber(weekStart), INTIMACY_KINDS.length)]!
  );
}

/**
 * Which of its kind's challenges the week starting on `weekStart` gets (from 1): the kind's
 * turns are counted, so consecutive turns of a kind never share a challenge.
 */
export function challengeNumber(weekStart: string, setting: ChallengeSetting): number {
  const week = challengeWeekNumber(weekStart);
  // Rotating, a kind's turns are five weeks apart; a fixed kind has a turn every week.
  const turn = fixedKind(setting) ? week : Math.floor(week / INTIMACY_KINDS.length);
  return mod(turn, CHALLENGES_PER_KIND) + 1;
}

/** This week's challenge: its kind and the message keys of its title, description and ideas. */
export function weeklyChallenge(weekStart: string, setting: ChallengeSetting): WeeklyChallenge {
  return challengeFor(challengeKind(weekStart, setting), challengeNumber(weekStart, setting));
}

/** Every message key the challenge uses, for completeness checks. */
export function challengeMessageKeys(): string[] {
  return [
    CHALLENGE_HEADING_KEY,
    ...INTIMACY_KINDS.flatMap((kind) =>
      Array.from({ length: CHALLENGES_PER_KIND }, (_, i) => {
        const c = challengeFor(kind, i + 1);
        return [c.titleKey, c.descriptionKey, ...c.ideaKeys];
      }).flat(),
    ),
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
    ? challengeFor(sharedChallengeKind(pairCode, weekStart), sharedChallengeNumber(weekStart))
    : weeklyChallenge(weekStart, setting);
}

/**
 * Which of its kind's challenges a couple's week shows: the next one each time the five kinds
 * have gone round, as in the rotating setting, so a kind's challenge does not repeat for 15 weeks.
 */
function sharedChallengeNumber(weekStart: string): number {
  const turn = Math.floor(challengeWeekNumber(weekStart) / INTIMACY_KINDS.length);
  return mod(turn, CHALLENGES_PER_KIND) + 1;
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
