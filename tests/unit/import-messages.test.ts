import { describe, expect, it } from 'vitest';
import {
  fileDateLabel,
  importedMessage,
  importProblemLines,
  importProblemMessage,
  type Translate,
} from '../../components/options/import-messages';
import { localeLanguages, mergeLocale } from '../../scripts/locales';
import { specSettings } from './spec-settings';
import { checkImport, type ImportProblemCode, type ProblemContext } from '@/utils/data/import-file';
import { PROBLEM_CODES, PROBLEM_KEYS } from '@/utils/data/problems';

const IMPORT_PROBLEM_CODES = PROBLEM_CODES;
const CLOCK = { now: Date.parse('2026-11-30T12:00:00.000Z'), zone: 'UTC' };

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

/** Places a problem can be, as the schemas write them (the context names some of them). */
const PATHS: (string | number)[][] = [
  [],
  ['app'],
  ['schemaVersion'],
  ['exportedAt'],
  ['settings'],
  ['settings', 'schedule'],
  ['settings', 'schedule', 1, 'end'],
  ['settings', 'schedule', 5],
  ['settings', 'limitMinutes'],
  ['settings', 'weeklyGoal'],
  ['settings', 'weekStartsOn'],
  ['settings', 'nudges', 'quietMinutes'],
  ['settings', 'nudges', 'kinds', 'heads-up'],
  ['settings', 'prompts', 'hide', 0],
  ['settings', 'challenge', 'kind'],
  ['settings', 'partnerName'],
  ['settings', 'pairCode'],
  ['evenings'],
  ['evenings', 0, 'date'],
  ['evenings', 4, 'screenMinutes'],
  ['evenings', 2, 'checkIns', 1, 'kinds', 0],
  ['evenings', 2, 'reasons', 0, 'text'],
];
const CONTEXT: ProblemContext = {
  eveningDates: { 0: '2026-02-30', 2: '2026-11-21' },
  scheduleWeekdays: { 1: 1 },
};

/** Every problem code at every place, with its message in one language. */
function everyMessage(lang: string) {
  const t = translator(lang);
  // A folder name such as pt_BR is the BCP 47 tag pt-BR.
  const locale = lang.replace('_', '-');
  return IMPORT_PROBLEM_CODES.flatMap((code) =>
    PATHS.map((path) => ({
      code,
      path,
      message: importProblemMessage({ code, path }, CONTEXT, t, locale),
    })),
  );
}

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
      for (const { code, path, message } of everyMessage(lang)) {
        const label = `${lang} ${code} at ${JSON.stringify(path)}: ${message}`;
        expect(message.trim().length, label).toBeGreaterThan(10);
        for (const pattern of TECHNICAL) expect(message, label).not.toMatch(pattern);
        // No code leaks through (a one-word code such as "missing" may be a plain word too).
        if (code.includes('-')) expect(message, label).not.toContain(code);
        expect(message, label).toMatch(/\.$/);
      }
    },
  );

  it.each(localeLanguages().filter((lang) => lang !== 'en'))(
    '%s never falls back to the English wording',
    (lang) => {
      for (const { code, path, message } of everyMessage(lang)) {
        expect(message, `${code} ${path}`).not.toBe(
          importProblemMessage({ code, path }, CONTEXT, en, 'en'),
        );
      }
    },
  );

  const badDate = () => {
    const file = {
      app: 'closer',
      schemaVersion: 1,
      settings: specSettings(),
      evenings: [{ date: '2026-02-30', screenMinutes: 3, status: 'over', nudges: 0, checkIns: [] }],
    };
    const result = checkImport(new TextEncoder().encode(JSON.stringify(file)), CLOCK);
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
    const paths = {
      'schedule-length': ['settings', 'schedule'],
      'newer-version': ['schemaVersion'],
    };
    const problem = { code, path: paths[code as keyof typeof paths] ?? ['app'] };
    expect(importProblemMessage(problem, CONTEXT, en, 'en')).toBe(english);
    expect(importProblemMessage(problem, CONTEXT, es, 'es')).toBe(spanish);
  });

  it('says a file without a version cannot be read, whatever noticed it', () => {
    for (const code of ['missing', 'wrong-type'] as const) {
      expect(importProblemMessage({ code, path: ['schemaVersion'] }, CONTEXT, en, 'en')).toBe(
        "This file doesn't say which version of Closer saved it, so it can't be read.",
      );
    }
  });

  it('names a schedule day by its weekday, a check-in by its evening', () => {
    const day = { code: 'bad-time' as const, path: ['settings', 'schedule', 1, 'end'] };
    expect(importProblemMessage(day, CONTEXT, en, 'en')).toBe(
      "Evening hours for Monday: a time isn't a real time of day.",
    );
    expect(importProblemMessage(day, CONTEXT, es, 'es')).toBe(
      'Horario del lunes: una de las horas no es una hora real.',
    );
    const kinds = { code: 'empty-kinds' as const, path: ['evenings', 2, 'checkIns', 0, 'kinds'] };
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

describe('the table from problem code to message keys', () => {
  it.each(localeLanguages())('has every key in %s, with $1 exactly where a number goes', (lang) => {
    const messages = mergeLocale(lang);
    for (const [code, keys] of Object.entries(PROBLEM_KEYS)) {
      const what = messages[keys.what]?.message ?? '';
      expect(what, `${code} → ${keys.what}`).not.toBe('');
      expect(what.includes('$1'), `${code} → ${keys.what}`).toBe(keys.count !== undefined);
      if (keys.field) expect(messages[keys.field]?.message, `${code} → ${keys.field}`).toBeTruthy();
    }
  });

  it('gives an inline message to every rule an options control can break', () => {
    const inline = PROBLEM_CODES.filter((code) => PROBLEM_KEYS[code].field);
    expect(inline).toEqual([
      'bad-time',
      'same-start-end',
      'window-too-long',
      'limit-range',
      'goal-range',
      'quiet-range',
      'max-nudges-range',
      'category-conflict',
    ]);
  });

  it.each<[ImportProblemCode, string, string]>([
    [
      'bad-encoding',
      "This file isn't saved as UTF-8 text, the way Closer saves its exports, so some of its letters can't be read. If you edited it, save it as UTF-8 and import it again.",
      'Este archivo no está guardado como texto UTF-8, que es como Closer guarda sus exportaciones, así que algunas de sus letras no se pueden leer. Si lo editaste, guárdalo como UTF-8 y vuelve a importarlo.',
    ],
    [
      'too-large',
      'The file is larger than 64 MB, which is more than a Closer export can be.',
      'El archivo ocupa más de 64 MB, más de lo que puede ocupar una exportación de Closer.',
    ],
  ])('%s is about the whole file, in the user’s language', (code, english, spanish) => {
    expect(importProblemMessage({ code, path: [] }, CONTEXT, en, 'en')).toBe(english);
    expect(importProblemMessage({ code, path: [] }, CONTEXT, es, 'es')).toBe(spanish);
  });

  it('has one message for each plausibility rule, placed at the evening', () => {
    const at = (code: ImportProblemCode, field: string) =>
      importProblemMessage({ code, path: ['evenings', 2, field] }, CONTEXT, en, 'en');
    expect([
      at('too-many-minutes', 'screenMinutes'),
      at('seconds-mismatch', 'screenSeconds'),
      at('date-out-of-range', 'date'),
    ]).toEqual([
      'Evening 3 (November 21, 2026): it has more than 12 hours of screen time, longer than any evening can be.',
      "Evening 3 (November 21, 2026): its screen time in seconds doesn't match its minutes.",
      'Evening 3 (November 21, 2026): Closer keeps evenings from January 1, 2000, up to tomorrow, and this date is outside that.',
    ]);
  });

  it('names the partner’s name and the pair code as the page does', () => {
    const at = (field: string, code: ImportProblemCode) =>
      importProblemMessage({ code, path: ['settings', field] }, CONTEXT, es, 'es');
    expect(at('partnerName', 'name-too-long')).toBe(
      'El nombre de tu pareja: el nombre tiene más de 40 caracteres.',
    );
    expect(at('pairCode', 'bad-pair-code')).toBe(
      'Código de pareja: el código de pareja no se puede leer.',
    );
  });
});

describe('the import confirmation', () => {
  it.each([
    ['en', en, 1, 'Imported 1 evening and your settings.'],
    ['en', en, 0, 'Imported 0 evenings and your settings.'],
    ['en', en, 2, 'Imported 2 evenings and your settings.'],
    ['es', es, 1, 'Se han importado tus ajustes y 1 noche.'],
    ['es', es, 2, 'Se han importado tus ajustes y 2 noches.'],
    // German counts 0 as plural; French and Portuguese count it with 1.
    ['de', translator('de'), 0, '0 Abende und deine Einstellungen importiert.'],
    ['de', translator('de'), 1, '1 Abend und deine Einstellungen importiert.'],
    ['fr', translator('fr'), 0, 'Tes réglages et 0 soirée ont été importés.'],
    ['fr', translator('fr'), 3, 'Tes réglages et 3 soirées ont été importés.'],
    ['pt-BR', translator('pt_BR'), 0, 'Suas configurações foram importadas. Noites importadas: 0.'],
    ['pt-BR', translator('pt_BR'), 2, 'Foram importadas 2 noites e suas configurações.'],
  ])('in %s, %i evenings', (lang, t, count, message) => {
    expect(importedMessage(count, t, lang)).toBe(message);
  });
});

describe('fileDateLabel', () => {
  it.each([
    ['2026-02-30', 'en', 'February 30, 2026'],
    ['2026-02-30', 'es', '30 de febrero de 2026'],
    ['2026-02-30', 'de', '30. Februar 2026'],
    ['2026-02-30', 'fr', '30 février 2026'],
    ['2026-02-30', 'pt-BR', '30 de fevereiro de 2026'],
    ['2026-11-21', 'en-GB', '21 November 2026'],
    ['2026-13-01', 'en', null],
    ['yesterday', 'en', null],
  ])('%s in %s', (date, locale, label) => {
    expect(fileDateLabel(date, locale)).toBe(label);
  });
});
