import { describe, expect, it } from 'vitest';
import { mergeLocale } from '../../scripts/locales';
import {
  RITUAL_TOPICS,
  ritualSteps,
  speakerName,
  timerProgress,
  turnLabel,
  turnQuestion,
  type Speaker,
} from '@/utils/prompts/ritual';

const english = mergeLocale('en');
const spanish = mergeLocale('es');

describe('ritualSteps', () => {
  it('takes turns on highs, lows and one appreciation, first speaker first, then checks in and ends', () => {
    const steps = ritualSteps(1);
    expect(steps[0]).toEqual({ kind: 'welcome' });
    expect(steps.slice(1, 7)).toEqual([
      { kind: 'turn', topic: 'high', speaker: 1 },
      { kind: 'turn', topic: 'high', speaker: 0 },
      { kind: 'turn', topic: 'low', speaker: 1 },
      { kind: 'turn', topic: 'low', speaker: 0 },
      { kind: 'turn', topic: 'appreciation', speaker: 1 },
      { kind: 'turn', topic: 'appreciation', speaker: 0 },
    ]);
    expect(steps.slice(7)).toEqual([{ kind: 'checkin' }, { kind: 'end' }]);
  });

  it('gives each partner exactly one turn per topic', () => {
    for (const first of [0, 1] as const) {
      const turns = ritualSteps(first).filter((s) => s.kind === 'turn');
      expect(turns).toHaveLength(6);
      expect(turns.filter((s) => s.kind === 'turn' && s.speaker === 0)).toHaveLength(3);
    }
  });
});

describe('speakerName', () => {
  it.each([
    ['  Sam ', 'You', 'Sam'],
    ['', 'You', 'You'],
    ['   ', 'Your partner', 'Your partner'],
    ['x'.repeat(60), 'You', 'x'.repeat(40)],
  ])('%j → %j', (typed, fallback, expected) => {
    expect(speakerName(typed, fallback)).toBe(expected);
  });
});

describe('timerProgress', () => {
  it.each([
    [0, 2, 0],
    [60_000, 2, 0.5],
    [120_000, 2, 1],
    [500_000, 2, 1],
    [-5, 2, 0],
    [60_000, 0, 0],
  ])('%i ms of %i min → %f', (elapsed, minutes, expected) => {
    expect(timerProgress(elapsed, minutes)).toBe(expected);
  });
});

/**
 * Who speaks, by the names typed (yours, your partner's): the appreciation question asks about
 * the other person and the turn label names the speaker, each as its key and the name it shows.
 */
const TURNS = [
  [['Ana', 'Sam'], 0, ['ritual_appreciation_question_named', 'Sam'], ['ritual_turn', 'Ana']],
  [['Ana', 'Sam'], 1, ['ritual_appreciation_question_named', 'Ana'], ['ritual_turn', 'Sam']],
  [[' Ana ', ''], 0, ['ritual_appreciation_question_partner'], ['ritual_turn', 'Ana']],
  [['', '  Sam'], 1, ['ritual_appreciation_question_beside'], ['ritual_turn', 'Sam']],
  [['', ''], 0, ['ritual_appreciation_question_partner'], ['ritual_your_turn']],
  [['', ''], 1, ['ritual_appreciation_question_beside'], ['ritual_partner_turn']],
  [['', 'Sam'], 0, ['ritual_appreciation_question_named', 'Sam'], ['ritual_your_turn']],
  [['Ana', ' '], 1, ['ritual_appreciation_question_named', 'Ana'], ['ritual_partner_turn']],
] as const;

describe('turnQuestion', () => {
  it.each(TURNS)('appreciation, names %j, speaker %i → %j', (names, speaker, [key, ...subs]) => {
    expect(turnQuestion('appreciation', names, speaker)).toEqual({ key, substitutions: subs });
  });

  it('asks about the other person, never the speaker', () => {
    for (const speaker of [0, 1] as const) {
      const { substitutions } = turnQuestion('appreciation', ['Ana', 'Sam'], speaker);
      expect(substitutions).not.toContain(['Ana', 'Sam'][speaker]);
    }
  });

  it('keeps highs and lows about the speaker, without names', () => {
    expect(turnQuestion('high', ['Ana', 'Sam'], 0)).toEqual({
      key: 'ritual_high_question',
      substitutions: [],
    });
    expect(turnQuestion('low', ['Ana', 'Sam'], 1)).toEqual({
      key: 'ritual_low_question',
      substitutions: [],
    });
  });

  it('reads as one person asked about the other in both languages', () => {
    const named = turnQuestion('appreciation', ['Ana', 'Sam'], 0);
    const fill = (message: string) => message.replace('$1', named.substitutions[0]!);
    expect(fill(english[named.key]!.message)).toBe(
      "What's one thing you appreciated about Sam today?",
    );
    expect(fill(spanish[named.key]!.message)).toBe('¿Qué valoraste hoy de Sam?');
    for (const locale of [english, spanish]) {
      for (const topic of RITUAL_TOPICS) {
        for (const names of [
          ['Ana', 'Sam'],
          ['', ''],
          ['Ana', ''],
          ['', 'Sam'],
        ]) {
          for (const speaker of [0, 1] as Speaker[]) {
            const { key, substitutions } = turnQuestion(topic, names, speaker);
            expect(locale, key).toHaveProperty(key);
            expect(locale[key]!.message.includes('$1')).toBe(substitutions.length === 1);
            expect(locale[key]!.message).not.toMatch(/each other|el uno del otro/);
          }
        }
      }
    }
  });
});

describe('turnLabel', () => {
  const labels = TURNS.map(([names, speaker, , label]) => [names, speaker, label] as const);
  it.each(labels)('names %j, speaker %i → %j', (names, speaker, [key, ...subs]) => {
    expect(turnLabel(names, speaker)).toEqual({ key, substitutions: subs });
    expect(english).toHaveProperty(key);
    expect(spanish).toHaveProperty(key);
  });
});

describe('ritual wording', () => {
  it.each([
    ['en', english],
    ['es', spanish],
  ])('%s: the check-in step heading does not repeat the form’s question', (_lang, messages) => {
    const heading = messages['ritual_checkin_title']!.message;
    const legend = messages['checkin_question']!.message;
    const plain = (text: string) =>
      text
        .toLowerCase()
        .replace(/[¿?.,:]/g, '')
        .trim();
    expect(plain(heading)).not.toBe(plain(legend));
    expect(plain(heading)).not.toContain(plain(legend));
  });

  it('speaks to one reader in neutral Spanish (tú, never vosotros), with nothing gendered', () => {
    expect(spanish['ritual_end_body']!.message).toBe(
      'Cierra la pantalla. El resto de la noche es para ti y tu pareja.',
    );
    // Spain's vosotros and Spain-only words (SPEC §7) never come back, nor a masculine "juntos".
    for (const [key, { message }] of Object.entries(spanish)) {
      if (!key.startsWith('ritual_')) continue;
      // Letter boundaries, not \b: in "años", \b would find a word "os" after the ñ.
      expect(message, key).not.toMatch(
        /(?<!\p{L})(Cerrad|apuntad|Dejad|sentaos|habéis|vuestr\p{L}*|os)(?!\p{L})/iu,
      );
      expect(message, key).not.toMatch(/(?<!\p{L})(portátil|móvil|juntos|agobios?)(?!\p{L})/iu);
    }
  });
});
