/** The end-of-day ritual for two (SPEC §2), as a pure sequence of steps. */
import { parsePlainDate } from '@/utils/time/schedule';
import { rankBy } from './rendezvous';

export const RITUAL_TOPICS = ['high', 'low', 'appreciation'] as const;
export type RitualTopic = (typeof RITUAL_TOPICS)[number];
export type Speaker = 0 | 1;

export type RitualStep =
  | { kind: 'welcome' }
  | { kind: 'turn'; topic: RitualTopic; speaker: Speaker }
  | { kind: 'checkin' }
  | { kind: 'end' };

/** Soft timer lengths a couple can pick per turn, in minutes (0 = no timer). */
export const TIMER_CHOICES = [0, 1, 2, 3] as const;

/** The steps: welcome, then highs, lows and one appreciation, each partner in turn, then check-in and the end. */
export function ritualSteps(firstSpeaker: Speaker): RitualStep[] {
  const second: Speaker = firstSpeaker === 0 ? 1 : 0;
  return [
    { kind: 'welcome' },
    ...RITUAL_TOPICS.flatMap((topic) => [
      { kind: 'turn' as const, topic, speaker: firstSpeaker },
      { kind: 'turn' as const, topic, speaker: second },
    ]),
    { kind: 'checkin' },
    { kind: 'end' },
  ];
}

/** Message keys for each topic's question and the gentle cue shown with it. */
export const TOPIC_KEYS: Record<RitualTopic, { question: string; cue: string }> = {
  high: { question: 'ritual_high_question', cue: 'ritual_high_cue' },
  low: { question: 'ritual_low_question', cue: 'ritual_low_cue' },
  // The appreciation names the other person ($1); see turnQuestion for the unnamed forms.
  appreciation: {
    question: 'ritual_appreciation_question_named',
    cue: 'ritual_appreciation_cue',
  },
};

/** A name to show for a speaker: what was typed, or the default. */
export function speakerName(typed: string, fallback: string): string {
  const name = typed.trim();
  return name ? name.slice(0, 40) : fallback;
}

/** How far through a soft timer is (0–1), clamped; 0 when there is no timer. */
export function timerProgress(elapsedMs: number, minutes: number): number {
  if (minutes <= 0) return 0;
  return Math.min(1, Math.max(0, elapsedMs / (minutes * 60_000)));
}

/** A message key with the substitutions it takes, ready for `t(key, substitutions)`. */
export interface Message {
  key: string;
  substitutions: string[];
}

/**
 * The question for one turn. Highs and lows are about the speaker's own day; the appreciation
 * is about the other person: by name when one was typed, else "your partner" for the first
 * person, and for the partner, who is not the "you" of the setup screen, "the person beside you".
 * A couple's `opener` words the first question as it does on the other browser.
 */
export function turnQuestion(
  topic: RitualTopic,
  names: readonly string[],
  speaker: Speaker,
  opener: RitualOpener | null = null,
): Message {
  if (topic === 'high' && opener) return { key: opener.questionKey, substitutions: [] };
  if (topic !== 'appreciation') return { key: TOPIC_KEYS[topic].question, substitutions: [] };
  const other: Speaker = speaker === 0 ? 1 : 0;
  const name = speakerName(names[other] ?? '', '');
  if (name) return { key: TOPIC_KEYS.appreciation.question, substitutions: [name] };
  return {
    key:
      other === 1 ? 'ritual_appreciation_question_partner' : 'ritual_appreciation_question_beside',
    substitutions: [],
  };
}

/** Whose turn it is; the first person with no name typed reads "Your turn", not "You's turn". */
export function turnLabel(names: readonly string[], speaker: Speaker): Message {
  const name = speakerName(names[speaker] ?? '', '');
  if (name) return { key: 'ritual_turn', substitutions: [name] };
  return { key: speaker === 0 ? 'ritual_your_turn' : 'ritual_partner_turn', substitutions: [] };
}

/**
 * Ways to decide who goes first that name a person, not a device ("whoever woke up first"),
 * so two browsers that each call their own user "you" still point at the same one of you.
 */
export const FIRST_SPEAKER_KEYS = [
  'ritual_first_woke_earlier',
  'ritual_first_longer_day',
  'ritual_first_birthday',
  'ritual_first_on_the_left',
  'ritual_first_home_last',
  'ritual_first_not_last_time',
] as const;

/** The opening question (the "high" turn), in a few wordings; the first is the everyday one. */
export const OPENING_QUESTION_KEYS = [
  TOPIC_KEYS.high.question,
  'ritual_opener_smile',
  'ritual_opener_yourself',
  'ritual_opener_small_good',
  'ritual_opener_enjoyed',
] as const;

/** How a couple's ritual opens tonight: who goes first, and the first question. */
export interface RitualOpener {
  firstKey: (typeof FIRST_SPEAKER_KEYS)[number];
  questionKey: (typeof OPENING_QUESTION_KEYS)[number];
}

/**
 * The couple's opener for the evening of `date` (SPEC §13): the same on both browsers with the
 * same pair code. Each list is walked in an order hashed from the code, one step an evening, so
 * consecutive evenings differ; the lists' lengths (6 and 5) are coprime, so the pairing of rule
 * and question only comes round again after 30 evenings.
 */
export function ritualOpener(code: string, date: string): RitualOpener {
  // Days since a fixed date; the ritual page does not need the prompt library for it.
  const day = parsePlainDate(date).since('2000-01-01').days;
  const rules = rankBy(FIRST_SPEAKER_KEYS, `${code}\u0000first`, (key) => key);
  const questions = rankBy(OPENING_QUESTION_KEYS, `${code}\u0000opener`, (key) => key);
  const at = <T>(list: readonly T[]) => list[((day % list.length) + list.length) % list.length]!;
  return { firstKey: at(rules), questionKey: at(questions) };
}
