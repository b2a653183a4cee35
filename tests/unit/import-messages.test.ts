import { describe, expect, it } from 'vitest';
import {
  fileDateLabel,
  IMPORT_PROBLEM_CODES,
  importedMessage,
  importProblemLines,
  importProblemMessage,
  type Translate,
} from '../../components/options/import-messages';
import { localeLanguages, mergeLocale } from '../../scripts/locales';
import { specSettings } from './spec-settings';
import { parseImport, type ImportProblemCode, type ProblemContext } from '@/utils/data/import-file';

/** `t` over one language's messages, as the browser substitutes them; a missing key throws. */
function translator(lang: string): Translate {
  const messages = mergeLocale(lang);
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) throw new Error(`No message "${key}" in ${lang}`);
    const values = substitutions === undefined ? [] : [substitutions].flat();
    return entry.message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
  };
}

const en = translator('en');
const es = translator('es');

/** Places a problem can be, as import-file.ts writes them (the context names some of them). */
const PATHS = [
  '',
  'app',
  'schemaVersion',
  'exportedAt',
  'settings',
  'settings.schedule',
  'settings.schedule[1].end',
  'settings.schedule[5].weekday',
  'settings.limitMinutes',
  'settings.weeklyGoal',
  'settings.weekStartsOn',
  'settings.nudges.quietMinutes',
  'settings.nudges.kinds.heads-up',
  'settings.prompts.hide[0]',
  'settings.challenge.kind',
  'evenings',
  'evenings[0].date',
  'evenings[4].screenMinutes',
  'evenings[2].checkIns[1].kinds[0]',
  'evenings[2].reasons[0].text',
];
const CONTEXT: ProblemContext = {
  eveningDates: { 0: '2026-02-30', 2: '2026-11-21' },
  scheduleWeekdays: { 1: 1 },
};

/** Whatever would give away a developer's message: placeholders, paths, field names. */
const TECHNICAL = [
  /\$\d/,
  /\w\[\d+\]/,
  /[a-z]\.[a-z]/i,
  /\b(schemaVersion|exportedAt|screenMinutes|checkIns|weekStartsOn|limitMinutes|JSON|undefined|null)\b/,
];

describe('import problems in the user’s words', () => {
  it('covers every problem code', () => {
    expect(IMPORT_PROBLEM_CODES).toHaveLength(new Set(IMPORT_PROBLEM_CODES).size);
    expect(IMPORT_PROBLEM_CODES).toEqual(
      expect.arrayContaining(['bad-date', 'newer-version', 'schedule-length', 'not-json']),
    );
  });

  it.each(localeLanguages())(
    'in %s, every code at every place is a plain, complete sentence',
    (lang) => {
      const t = translator(lang);
      const locale = lang;
      for (const code of IMPORT_PROBLEM_CODES) {
        for (const path of PATHS) {
          const problem = { code, path, message: `${path} is wrong (${code})` };
          const message = importProblemMessage(problem, CONTEXT, t, locale);
          const label = `${lang} ${code} at "${path}": ${message}`;
          expect(message.trim().length, label).toBeGreaterThan(10);
          for (const pattern of TECHNICAL) expect(message, label).not.toMatch(pattern);
          expect(message, label).not.toContain(problem.message);
          expect(message, label).toMatch(/\.$/);
        }
      }
    },
  );

  it('Spanish never falls back to the English wording', () => {
    for (const code of IMPORT_PROBLEM_CODES) {
      for (const path of PATHS) {
        const problem = { code, path, message: '' };
        expect(importProblemMessage(problem, CONTEXT, es, 'es'), `${code} ${path}`).not.toBe(
          importProblemMessage(problem, CONTEXT, en, 'en'),
        );
      }
    }
  });

  const badDate = () => {
    const file = {
      app: 'closer',
      schemaVersion: 1,
      settings: specSettings(),
      evenings: [{ date: '2026-02-30', screenMinutes: 3, status: 'over', nudges: 0, checkIns: [] }],
    };
    const text = JSON.stringify(file);
    const result = parseImport(text, text.length);
    if (result.ok) throw new Error('the file should be refused');
    return result;
  };

  it.each([
    ['en', en, "Evening 1 (February 30, 2026): that date doesn't exist."],
    ['es', es, 'Noche 1 (30 de febrero de 2026): esa fecha no existe.'],
  ])('in %s, names an impossible date as the file writes it, in words', (lang, t, expected) => {
    const { problems, omitted, context } = badDate();
    expect(importProblemLines(problems, omitted, context, t, lang)).toEqual([expected]);
  });

  it.each<[ImportProblemCode, string, string]>([
    [
      'newer-version',
      'This file comes from a newer version of Closer. Update Closer, then import it again.',
      'Este archivo viene de una versión más nueva de Closer. Actualiza Closer y vuelve a importarlo.',
    ],
    [
      'schedule-length',
      'Your evening hours in the file are incomplete: Closer needs all seven days.',
      'El horario de tus noches está incompleto en el archivo: Closer necesita los siete días.',
    ],
    [
      'wrong-app',
      "This file isn't a Closer export. Choose the file Closer saved when you exported your data.",
      'Este archivo no es una exportación de Closer. Elige el archivo que guardó Closer cuando exportaste tus datos.',
    ],
  ])('%s is about the whole file, with no place in front', (code, english, spanish) => {
    const problem = {
      code,
      path: code === 'schedule-length' ? 'settings.schedule' : 'app',
      message: '',
    };
    expect(importProblemMessage(problem, CONTEXT, en, 'en')).toBe(english);
    expect(importProblemMessage(problem, CONTEXT, es, 'es')).toBe(spanish);
  });

  it('names a schedule day by its weekday, a check-in by its evening', () => {
    const day = { code: 'bad-time' as const, path: 'settings.schedule[1].end', message: '' };
    expect(importProblemMessage(day, CONTEXT, en, 'en')).toBe(
      "Evening hours for Monday: a time isn't a real time of day.",
    );
    expect(importProblemMessage(day, CONTEXT, es, 'es')).toBe(
      'Horario del lunes: una de las horas no es una hora real.',
    );
    const kinds = {
      code: 'empty-kinds' as const,
      path: 'evenings[2].checkIns[0].kinds',
      message: '',
    };
    expect(importProblemMessage(kinds, CONTEXT, en, 'en')).toBe(
      "Evening 3 (November 21, 2026), check-in 1: it doesn't say how you connected.",
    );
  });

  it.each([
    ['en', en, 1, '…and 1 more problem.'],
    ['en', en, 37, '…and 37 more problems.'],
    ['es', es, 1, '…y 1 problema más.'],
    ['es', es, 4990, '…y 4990 problemas más.'],
  ])('in %s, counts the problems not listed (%i)', (lang, t, omitted, line) => {
    const { problems, context } = badDate();
    const lines = importProblemLines(problems, omitted, context, t, lang);
    expect(lines).toHaveLength(2);
    // Spanish groups thousands only from five digits on, as Intl does.
    expect(lines[1]).toBe(line);
  });
});

describe('the import confirmation', () => {
  it.each([
    ['en', en, 1, 'Imported 1 evening and your settings.'],
    ['en', en, 0, 'Imported 0 evenings and your settings.'],
    ['en', en, 2, 'Imported 2 evenings and your settings.'],
    ['es', es, 1, 'Se han importado tus ajustes y 1 noche.'],
    ['es', es, 2, 'Se han importado tus ajustes y 2 noches.'],
  ])('in %s, %i evenings', (lang, t, count, message) => {
    expect(importedMessage(count, t, lang)).toBe(message);
  });
});

describe('fileDateLabel', () => {
  it.each([
    ['2026-02-30', 'en', 'February 30, 2026'],
    ['2026-02-30', 'es', '30 de febrero de 2026'],
    ['2026-11-21', 'en-GB', '21 November 2026'],
    ['2026-13-01', 'en', null],
    ['yesterday', 'en', null],
  ])('%s in %s', (date, locale, label) => {
    expect(fileDateLabel(date, locale)).toBe(label);
  });
});
