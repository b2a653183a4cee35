/**
 * A refused import in the user's words and language. Each problem is a code and a path
 * (`['evenings', 12, 'date']`); the page says where it is as it names things ("Evening 13
 * (February 30, 2026)", "Weekly goal") and what is wrong, from the keys in `problems.ts`.
 * Pure: the caller passes `t` and the locale, so tests check every code in every language.
 */
import type { ImportProblemCode, ProblemContext } from '@/utils/data/import-file';
import { PLACE_KEYS, PROBLEM_KEYS } from '@/utils/data/problems';
import type { Problem } from '@/utils/settings/schema';
import { formatWeekday } from '@/utils/views/i18n';

/** `t` from utils/views/i18n.ts, or a stand-in with the same contract. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** A file's `YYYY-MM-DD` in the locale's words, even an impossible one ("30 February 2026"). */
export function fileDateLabel(date: string, locale: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  // Intl cannot format a day that does not exist, so format the month's first day and put
  // the file's day number in its place: the reader sees the date exactly as the file has it.
  const first = new Date(0);
  first.setUTCFullYear(year, month - 1, 1);
  const digits = new Intl.NumberFormat(locale, { useGrouping: false });
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .formatToParts(first)
    .map((part) => (part.type === 'day' ? digits.format(day) : part.value))
    .join('');
}

/** Where a problem is, in the page's words; null for the file as a whole. */
function place(
  path: Problem['path'],
  context: ProblemContext,
  t: Translate,
  locale: string,
): string | null {
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  const [head, key, list, item] = path;
  if (head === 'exportedAt') return t('import_where_exported_at');
  if (head === 'evenings') {
    if (typeof key !== 'number') return t('import_where_evenings');
    const written = context.eveningDates[key];
    const date = written === undefined ? null : fileDateLabel(written, locale);
    const which =
      date === null
        ? t('import_where_evening', count(key + 1))
        : t('import_where_evening_on', [count(key + 1), date]);
    const where = PLACE_KEYS.get(list);
    return where && typeof item === 'number' ? t(where, [which, count(item + 1)]) : which;
  }
  if (head !== 'settings') return null;
  if (key === 'schedule' && typeof list === 'number') {
    const weekday = context.scheduleWeekdays[list];
    return weekday === undefined
      ? t('import_where_schedule_entry', count(list + 1))
      : t('import_where_schedule_day', formatWeekday(weekday, 'long', locale));
  }
  return t(PLACE_KEYS.get(key) ?? 'import_where_settings');
}

/** What is wrong, from the code's keys (a date that cannot even be read says so). */
function what(
  problem: Problem<ImportProblemCode>,
  context: ProblemContext,
  t: Translate,
  locale: string,
): string {
  const [head, key] = problem.path;
  const date = head === 'evenings' && typeof key === 'number' ? context.eveningDates[key] : null;
  if (problem.code === 'bad-date' && (date == null || fileDateLabel(date, locale) === null)) {
    return t('import_problem_unreadable_date');
  }
  const keys = PROBLEM_KEYS[problem.code];
  return keys.count === undefined
    ? t(keys.what)
    : t(keys.what, new Intl.NumberFormat(locale).format(keys.count));
}

/** One problem as a sentence for the import alert, in the user's language. */
export function importProblemMessage(
  problem: Problem<ImportProblemCode>,
  context: ProblemContext,
  t: Translate,
  locale: string,
): string {
  // A file with no readable version says nothing about which Closer made it.
  const unversioned = problem.path[0] === 'schemaVersion' && !PROBLEM_KEYS[problem.code].file;
  const said = unversioned ? { ...problem, code: 'bad-version' as const } : problem;
  const sentence = what(said, context, t, locale);
  if (PROBLEM_KEYS[said.code].file) return sentence;
  const where = place(said.path, context, t, locale);
  return where === null ? sentence : t('import_problem_at', [where, sentence]);
}

/** The key for `count` things, `<base>_one` or `<base>_other`, by the locale's plural rules. */
export function pluralKey(base: string, count: number, locale: string): string {
  return new Intl.PluralRules(locale).select(count) === 'one' ? `${base}_one` : `${base}_other`;
}

/** The alert's list: each reported problem, then how many more there were. */
export function importProblemLines(
  problems: readonly Problem<ImportProblemCode>[],
  omitted: number,
  context: ProblemContext,
  t: Translate,
  locale: string,
): string[] {
  const lines = problems.map((problem) => importProblemMessage(problem, context, t, locale));
  if (omitted > 0) {
    lines.push(
      t(pluralKey('import_more', omitted, locale), new Intl.NumberFormat(locale).format(omitted)),
    );
  }
  return lines;
}

/** The confirmation after a successful import, "Imported 1 evening…" or "…2 evenings…". */
export function importedMessage(evenings: number, t: Translate, locale: string): string {
  return t(
    pluralKey('data_imported', evenings, locale),
    new Intl.NumberFormat(locale).format(evenings),
  );
}
