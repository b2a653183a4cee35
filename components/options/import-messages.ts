/**
 * A refused import in the user's words and language. `utils/import-file.ts` gives each
 * problem a machine code, a path such as `evenings[0].date` and a precise English message for
 * developers; the options page says instead where the problem is ("Evening 1 (30 February
 * 2026)", "Weekly goal") and what is wrong, without paths or field names.
 *
 * Pure: the caller passes `t` and the locale, so the unit tests can check every code in every
 * language.
 */
import {
  MAX_NOTE_LENGTH,
  type ImportProblemCode,
  type ProblemContext,
} from '@/utils/data/import-file';
import type { Problem } from '@/utils/settings/validation';
import { formatWeekday } from '@/utils/views/i18n';

/** `t` from utils/i18n.ts, or a stand-in with the same contract. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** Problems about the whole file: their message is a full sentence, with no place in front. */
const WHOLE_FILE = new Set<ImportProblemCode>([
  'too-large',
  'not-json',
  'not-object',
  'wrong-app',
  'bad-version',
  'newer-version',
  'schedule-length',
]);

/** What is wrong, alone or after "place: ". Every code has one (type-checked). */
const WHAT: Record<ImportProblemCode, string> = {
  'too-large': 'data_too_big',
  'not-json': 'import_problem_not_json',
  'not-object': 'import_problem_not_closer',
  'wrong-app': 'import_problem_not_closer',
  'bad-version': 'import_problem_bad_version',
  'newer-version': 'import_problem_newer_version',
  'schedule-length': 'import_problem_schedule_length',
  missing: 'import_problem_missing',
  'wrong-type': 'import_problem_wrong_type',
  'bad-weekday': 'import_problem_bad_weekday',
  'duplicate-weekday': 'import_problem_duplicate_weekday',
  'bad-time': 'import_problem_bad_time',
  'same-start-end': 'import_problem_same_start_end',
  'window-too-long': 'import_problem_window_too_long',
  'limit-range': 'import_problem_limit_range',
  'goal-range': 'import_problem_goal_range',
  'week-start-range': 'import_problem_week_start_range',
  'quiet-range': 'import_problem_quiet_range',
  'max-nudges-range': 'import_problem_max_nudges_range',
  'unknown-category': 'import_problem_unknown_category',
  'duplicate-category': 'import_problem_duplicate_category',
  'category-conflict': 'import_problem_category_conflict',
  'bad-challenge-mode': 'import_problem_bad_challenge_mode',
  'unknown-kind': 'import_problem_unknown_kind',
  'bad-date': 'import_problem_bad_date',
  'duplicate-date': 'import_problem_duplicate_date',
  'bad-minutes': 'import_problem_bad_minutes',
  'bad-count': 'import_problem_bad_count',
  'bad-status': 'import_problem_bad_status',
  'empty-kinds': 'import_problem_empty_kinds',
  'duplicate-kind': 'import_problem_duplicate_kind',
  'bad-instant': 'import_problem_bad_instant',
  'too-long': 'import_problem_too_long',
  'bad-source': 'import_problem_bad_source',
  'bad-zone': 'import_problem_bad_zone',
  'unknown-nudge-kind': 'import_problem_unknown_nudge_kind',
};

/** Every code a problem can carry, for tests that must cover them all. */
export const IMPORT_PROBLEM_CODES = Object.keys(WHAT) as ImportProblemCode[];

/** Settings fields and the place each one is called on the options page. */
const SETTINGS_PLACES: [RegExp, string][] = [
  [/^settings\.schedule(?![[])/, 'import_where_schedule'],
  [/^settings\.limitMinutes/, 'import_where_limit'],
  [/^settings\.weeklyGoal/, 'import_where_goal'],
  [/^settings\.weekStartsOn/, 'import_where_week_start'],
  [/^settings\.nudges/, 'import_where_nudges'],
  [/^settings\.prompts/, 'import_where_prompts'],
  [/^settings\.challenge/, 'import_where_challenge'],
];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A file's `YYYY-MM-DD` in the locale's words, even an impossible one ("30 February 2026"). */
export function fileDateLabel(date: string, locale: string): string | null {
  const match = DATE.exec(date);
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
function place(path: string, context: ProblemContext, t: Translate, locale: string): string | null {
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);

  const evening = /^evenings\[(\d+)\](.*)$/.exec(path);
  if (evening) {
    const index = Number(evening[1]);
    const rest = evening[2]!;
    const written = context.eveningDates[index];
    const date = written === undefined ? null : fileDateLabel(written, locale);
    const which =
      date === null
        ? t('import_where_evening', count(index + 1))
        : t('import_where_evening_on', [count(index + 1), date]);
    const checkIn = /^\.checkIns\[(\d+)\]/.exec(rest);
    if (checkIn) return t('import_where_check_in', [which, count(Number(checkIn[1]) + 1)]);
    const reason = /^\.reasons\[(\d+)\]/.exec(rest);
    if (reason) return t('import_where_reason', [which, count(Number(reason[1]) + 1)]);
    return which;
  }
  if (path === 'evenings') return t('import_where_evenings');
  if (path === 'exportedAt') return t('import_where_exported_at');

  const day = /^settings\.schedule\[(\d+)\]/.exec(path);
  if (day) {
    const weekday = context.scheduleWeekdays[Number(day[1])];
    return weekday === undefined
      ? t('import_where_schedule_entry', count(Number(day[1]) + 1))
      : t('import_where_schedule_day', formatWeekday(weekday, 'long', locale));
  }
  for (const [pattern, key] of SETTINGS_PLACES) if (pattern.test(path)) return t(key);
  if (path.startsWith('settings')) return t('import_where_settings');
  return null;
}

/** What is wrong, when the code alone does not say it well enough. */
function what(
  problem: Problem<ImportProblemCode>,
  context: ProblemContext,
  t: Translate,
  locale: string,
): string {
  if (problem.code === 'bad-date') {
    const index = /^evenings\[(\d+)\]/.exec(problem.path)?.[1];
    // A date that reads as one but does not exist, or something that is not a date at all.
    const readable = index !== undefined && context.eveningDates[Number(index)] !== undefined;
    return t(readable ? 'import_problem_bad_date' : 'import_problem_unreadable_date');
  }
  if (problem.code === 'too-long') {
    return t('import_problem_too_long', new Intl.NumberFormat(locale).format(MAX_NOTE_LENGTH));
  }
  return t(WHAT[problem.code]);
}

/** One problem as a sentence for the import alert, in the user's language. */
export function importProblemMessage(
  problem: Problem<ImportProblemCode>,
  context: ProblemContext,
  t: Translate,
  locale: string,
): string {
  if (WHOLE_FILE.has(problem.code)) return t(WHAT[problem.code]);
  // A file with no version says nothing about which Closer made it.
  if (problem.path === 'schemaVersion') return t('import_problem_bad_version');
  const where = place(problem.path, context, t, locale);
  const sentence = what(problem, context, t, locale);
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
