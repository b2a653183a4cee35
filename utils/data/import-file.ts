/**
 * Reading an export file back (SPEC §8, "Import data"). The whole file is validated before
 * anything could be written, so an invalid file changes nothing; storage then writes the
 * result in one transaction (`importData`). See docs/data-format.md for the rules.
 *
 * Evening records keep only the fields `EveningRecord` defines, each validated; anything
 * else in a record is dropped, so nothing unchecked ever reaches storage.
 */
import {
  EVENING_STATUSES,
  type CheckIn,
  type EveningRecord,
  type Reason,
} from '@/utils/evening/record';
import {
  canonicalEvening,
  EXPORT_SCHEMA_VERSION,
  sortByDate,
  type ExportFile,
} from '@/utils/data/export-file';
import type { Settings } from '@/utils/settings/schema';
import { INTIMACY_KINDS, NUDGE_KINDS } from '@/utils/settings/settings';
import {
  checkLimit,
  describeValue,
  isIntegerIn,
  isRecord,
  listOf,
  ProblemList,
  readSettings,
  type Problem,
  type SettingsProblemCode,
} from '@/utils/settings/validation';

/** Files larger than this are refused before parsing. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The oldest export format import still understands (via migrations). */
export const MIN_IMPORT_SCHEMA_VERSION = 1;
/** How many problems a failed import reports; the rest are only counted. */
export const MAX_REPORTED_PROBLEMS = 10;
/** Longest check-in note or reason text, in UTF-16 code units (what `maxlength` counts). */
export const MAX_NOTE_LENGTH = 2000;

const CHECK_IN_SOURCES = ['popup', 'ritual', 'newtab'] as const;
const REASON_SOURCES = ['need-it', 'snooze'] as const;

/** Machine codes for import problems (settings codes included); the message is English. */
export type ImportProblemCode =
  | SettingsProblemCode
  | 'too-large'
  | 'not-json'
  | 'not-object'
  | 'wrong-app'
  | 'bad-version'
  | 'newer-version'
  | 'bad-date'
  | 'duplicate-date'
  | 'bad-minutes'
  | 'bad-count'
  | 'bad-status'
  | 'empty-kinds'
  | 'duplicate-kind'
  | 'bad-instant'
  | 'too-long'
  | 'bad-source'
  | 'bad-zone'
  | 'unknown-nudge-kind';

/** A validated import; `exportedAt` is null when the file did not say (it is optional). */
export type ImportedFile = Omit<ExportFile, 'exportedAt'> & { exportedAt: string | null };

/**
 * What the interface needs, besides a problem's path, to say in plain words where it is: the
 * date each reported evening has in the file, and the weekday of each reported schedule entry.
 * Only values that read as such are kept (a malformed date is not shown to anyone).
 */
export interface ProblemContext {
  /** Index in `evenings` → that evening's `date`, when it is written `YYYY-MM-DD`. */
  eveningDates: Record<number, string>;
  /** Index in `settings.schedule` → that entry's `weekday`, when it is 0–6. */
  scheduleWeekdays: Record<number, number>;
}

export type ImportResult =
  | { ok: true; file: ImportedFile; settings: Settings; evenings: EveningRecord[] }
  | {
      ok: false;
      problems: Problem<ImportProblemCode>[];
      omitted: number;
      context: ProblemContext;
    };

/** A parsed file before validation: any JSON object. */
export type RawExport = Record<string, unknown>;

/** A pure, named step that turns a version-`from` file into a version-`from + 1` file. */
export interface ImportMigration {
  from: number;
  name: string;
  migrate: (file: RawExport) => RawExport;
}

/**
 * Export-format migrations, oldest first. Version 1 is the first format, so there is nothing
 * to migrate yet; `migrateV1toV2` goes here when the format changes.
 */
export const IMPORT_MIGRATIONS: readonly ImportMigration[] = [];

/** Brings a file of `fromVersion` up to `toVersion` by running each named migration in turn. */
export function migrateImport(
  file: RawExport,
  fromVersion: number,
  migrations: readonly ImportMigration[] = IMPORT_MIGRATIONS,
  toVersion: number = EXPORT_SCHEMA_VERSION,
): RawExport {
  let current = file;
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = migrations.find((migration) => migration.from === version);
    // A gap in the table is a programming error, caught by the table's own test.
    if (!step) throw new Error(`No export-format migration from version ${version}`);
    current = { ...step.migrate(current), schemaVersion: version + 1 };
  }
  return current;
}

/** Validates a whole export file's text; `byteLength` is the file's size on disk. */
export function parseImport(text: string, byteLength: number): ImportResult {
  const problems = new ProblemList<ImportProblemCode>(MAX_REPORTED_PROBLEMS);
  // The object the problems' paths point into (after migration, the migrated one).
  let checked: unknown;
  const fail = (): ImportResult => ({
    ok: false,
    problems: problems.problems,
    omitted: problems.omitted,
    context: problemContext(checked, problems.problems),
  });

  // A UTF-8 file has at least as many bytes as its text has UTF-16 code units, so the
  // text's length is a safe floor if the caller's size is off.
  const size = Math.max(Number.isFinite(byteLength) ? byteLength : 0, text.length);
  if (size > MAX_IMPORT_BYTES) {
    const megabytes = Math.ceil((size / 1024 / 1024) * 100) / 100;
    problems.add(
      '',
      'too-large',
      `The file is ${megabytes.toFixed(2)} MB; Closer imports files of at most 5 MB`,
    );
    return fail();
  }

  let parsed: unknown;
  try {
    // Some editors save a byte-order mark, which JSON.parse refuses.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    problems.add('', 'not-json', 'The file is not valid JSON, so it is not a Closer export file');
    return fail();
  }
  checked = parsed;
  if (!isRecord(parsed)) {
    problems.add(
      '',
      'not-object',
      `The file must hold a JSON object at the top level (got ${describeValue(parsed)}), so it is not a Closer export file`,
    );
    return fail();
  }

  // Without the right app and a known version the rest cannot be interpreted: stop here.
  const version = readEnvelope(parsed, problems);
  if (version === null) return fail();
  const file = migrateImport(parsed, version);
  checked = file;

  let exportedAt: string | null = null;
  if (file.exportedAt !== undefined) {
    if (checkInstant(file.exportedAt, 'exportedAt', problems)) exportedAt = file.exportedAt;
  }

  let settings: Settings | null = null;
  if (file.settings === undefined) problems.add('settings', 'missing', 'settings is missing');
  else settings = readSettings(file.settings, problems);

  const evenings = readEvenings(file.evenings, problems);

  if (problems.total > 0 || !settings || !evenings) return fail();
  const sorted = sortByDate(evenings);
  return {
    ok: true,
    file: {
      app: 'closer',
      schemaVersion: EXPORT_SCHEMA_VERSION,
      exportedAt,
      settings,
      evenings: sorted,
    },
    settings,
    evenings: sorted,
  };
}

/** Evenings merged by date: an imported evening replaces the existing one of the same date. */
export function mergeEvenings(
  existing: readonly EveningRecord[],
  imported: readonly EveningRecord[],
): EveningRecord[] {
  const byDate = new Map<string, EveningRecord>();
  for (const evening of existing) byDate.set(evening.date, evening);
  for (const evening of imported) byDate.set(evening.date, evening);
  return sortByDate([...byDate.values()]);
}

/** The dates and weekdays the reported problems point into (see `ProblemContext`). */
export function problemContext(file: unknown, problems: readonly Problem[]): ProblemContext {
  const context: ProblemContext = { eveningDates: {}, scheduleWeekdays: {} };
  if (!isRecord(file)) return context;
  const evenings = Array.isArray(file.evenings) ? (file.evenings as unknown[]) : [];
  const settings = isRecord(file.settings) ? file.settings : {};
  const schedule = Array.isArray(settings.schedule) ? (settings.schedule as unknown[]) : [];
  for (const { path } of problems) {
    const evening = /^evenings\[(\d+)\]/.exec(path);
    if (evening) {
      const index = Number(evening[1]);
      const entry = evenings[index];
      if (
        isRecord(entry) &&
        typeof entry.date === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(entry.date)
      )
        context.eveningDates[index] = entry.date;
    }
    const day = /^settings\.schedule\[(\d+)\]/.exec(path);
    if (day) {
      const index = Number(day[1]);
      const entry = schedule[index];
      if (isRecord(entry) && isIntegerIn(entry.weekday, 0, 6))
        context.scheduleWeekdays[index] = entry.weekday;
    }
  }
  return context;
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isRealDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether `value` is an ISO instant with an offset, as `Date#toISOString` writes. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match =
    /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/.exec(
      value,
    );
  if (!match || !isRealDate(match[1])) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = match
    .slice(2)
    .map((part) => Number(part ?? 0));
  return (
    hour! <= 23 && minute! <= 59 && second! <= 59 && offsetHours! <= 23 && offsetMinutes! <= 59
  );
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Checks `app` and `schemaVersion`; the version to migrate from, or null if unusable. */
function readEnvelope(file: RawExport, problems: ProblemList<ImportProblemCode>): number | null {
  const before = problems.total;
  if (file.app === undefined) {
    problems.add('app', 'wrong-app', 'app is missing, so this is not a Closer export file');
  } else if (file.app !== 'closer') {
    problems.add(
      'app',
      'wrong-app',
      `app must be "closer" (got ${describeValue(file.app)}), so this is not a Closer export file`,
    );
  }
  const version = file.schemaVersion;
  if (version === undefined) {
    problems.add('schemaVersion', 'missing', 'schemaVersion is missing');
  } else if (!isIntegerIn(version, MIN_IMPORT_SCHEMA_VERSION, Number.MAX_SAFE_INTEGER)) {
    problems.add(
      'schemaVersion',
      'bad-version',
      `schemaVersion must be a whole number, ${MIN_IMPORT_SCHEMA_VERSION} or more (got ${describeValue(version)})`,
    );
  } else if (version > EXPORT_SCHEMA_VERSION) {
    problems.add(
      'schemaVersion',
      'newer-version',
      `schemaVersion ${version} is newer than this version of Closer can read (${EXPORT_SCHEMA_VERSION}); update Closer, then import the file again`,
    );
  }
  return problems.total > before ? null : (version as number);
}

function readEvenings(
  value: unknown,
  problems: ProblemList<ImportProblemCode>,
): EveningRecord[] | null {
  if (value === undefined) {
    problems.add('evenings', 'missing', 'evenings is missing');
    return null;
  }
  if (!Array.isArray(value)) {
    problems.add(
      'evenings',
      'wrong-type',
      `evenings must be an array (got ${describeValue(value)})`,
    );
    return null;
  }
  const firstIndexOf = new Map<string, number>();
  const evenings: EveningRecord[] = [];
  value.forEach((entry: unknown, index) => {
    const evening = readEvening(entry, `evenings[${index}]`, problems);
    if (!isRecord(entry) || !isRealDate(entry.date)) return;
    const date = entry.date as string;
    const first = firstIndexOf.get(date);
    if (first === undefined) firstIndexOf.set(date, index);
    else {
      problems.add(
        `evenings[${index}].date`,
        'duplicate-date',
        `evenings[${index}].date "${date}" repeats evenings[${first}].date; each date may appear once`,
      );
    }
    if (evening) evenings.push(evening);
  });
  return evenings;
}

/** Validates one evening; the canonical record, or null (with problems added). */
function readEvening(
  value: unknown,
  path: string,
  problems: ProblemList<ImportProblemCode>,
): EveningRecord | null {
  if (!isRecord(value)) {
    problems.add(path, 'wrong-type', `${path} must be an object (got ${describeValue(value)})`);
    return null;
  }
  const before = problems.total;
  const { date, screenMinutes, status, nudges, checkIns } = value;

  if (required(date, `${path}.date`, problems)) checkDate(date, `${path}.date`, problems);
  if (required(screenMinutes, `${path}.screenMinutes`, problems) && !isCount(screenMinutes)) {
    problems.add(
      `${path}.screenMinutes`,
      'bad-minutes',
      `${path}.screenMinutes must be a whole number of minutes, 0 or more (got ${describeValue(screenMinutes)})`,
    );
  }
  if (required(status, `${path}.status`, problems)) {
    checkOneOf(status, EVENING_STATUSES, `${path}.status`, 'bad-status', problems);
  }
  if (required(nudges, `${path}.nudges`, problems)) checkCount(nudges, `${path}.nudges`, problems);
  if (required(checkIns, `${path}.checkIns`, problems)) {
    checkArray(checkIns, `${path}.checkIns`, problems, (v, p) => checkCheckIn(v, p, problems));
  }

  // The optional extras `EveningRecord` defines; absent is fine, present must be right.
  const optional = (key: string, check: (value: unknown, path: string) => void) => {
    if (value[key] !== undefined) check(value[key], `${path}.${key}`);
  };
  optional('screenSeconds', (v, p) => checkCount(v, p, problems));
  optional('zone', (v, p) => {
    if (typeof v !== 'string' || v.trim() === '') {
      problems.add(
        p,
        'bad-zone',
        `${p} must be the name of a time zone, such as "Europe/Berlin" (got ${describeValue(v)})`,
      );
    }
  });
  optional('limitMinutes', (v, p) => problems.push(checkLimit(v, p)));
  optional('markedScreenFree', (v, p) => checkBoolean(v, p, problems));
  optional('reasons', (v, p) =>
    checkArray(v, p, problems, (item, at) => checkReason(item, at, problems)),
  );
  optional('promptOffset', (v, p) => checkCount(v, p, problems));
  optional('promptLighterAt', (v, p) => checkCount(v, p, problems));
  // Any text: an id this version does not know (retired, or newer) is ignored, not refused.
  optional('promptAsked', (v, p) => {
    if (typeof v !== 'string') {
      problems.add(p, 'wrong-type', `${p} must be a prompt id (got ${describeValue(v)})`);
    }
  });
  optional('nudgeKindsSent', (v, p) =>
    checkArray(v, p, problems, (kind, at) =>
      checkOneOf(kind, NUDGE_KINDS, at, 'unknown-nudge-kind', problems),
    ),
  );
  optional('lastNudgeAt', (v, p) => checkInstant(v, p, problems));
  optional('putDownAt', (v, p) => checkInstant(v, p, problems));
  optional('putDownScreenSeconds', (v, p) => checkCount(v, p, problems));

  // Every field read above has been checked, so the cast only names what was proven.
  return problems.total > before ? null : canonicalEvening(value as unknown as EveningRecord);
}

function checkCheckIn(
  value: unknown,
  path: string,
  problems: ProblemList<ImportProblemCode>,
): void {
  if (!isRecord(value)) {
    problems.add(path, 'wrong-type', `${path} must be an object (got ${describeValue(value)})`);
    return;
  }
  const { kinds, at, note, source } = value as Partial<Record<keyof CheckIn, unknown>>;
  if (required(kinds, `${path}.kinds`, problems)) checkKinds(kinds, `${path}.kinds`, problems);
  if (required(at, `${path}.at`, problems)) checkInstant(at, `${path}.at`, problems);
  if (required(note, `${path}.note`, problems)) checkText(note, `${path}.note`, problems);
  if (source !== undefined) {
    checkOneOf(source, CHECK_IN_SOURCES, `${path}.source`, 'bad-source', problems);
  }
}

function checkReason(value: unknown, path: string, problems: ProblemList<ImportProblemCode>): void {
  if (!isRecord(value)) {
    problems.add(path, 'wrong-type', `${path} must be an object (got ${describeValue(value)})`);
    return;
  }
  const { at, source, text } = value as Partial<Record<keyof Reason, unknown>>;
  if (required(at, `${path}.at`, problems)) checkInstant(at, `${path}.at`, problems);
  if (required(source, `${path}.source`, problems)) {
    checkOneOf(source, REASON_SOURCES, `${path}.source`, 'bad-source', problems);
  }
  if (required(text, `${path}.text`, problems)) checkText(text, `${path}.text`, problems);
}

function checkKinds(value: unknown, path: string, problems: ProblemList<ImportProblemCode>): void {
  if (Array.isArray(value) && value.length === 0) {
    problems.add(path, 'empty-kinds', `${path} must name at least one kind of intimacy`);
    return;
  }
  const seen = new Map<unknown, number>();
  checkArray(value, path, problems, (kind, at, index) => {
    if (!checkOneOf(kind, INTIMACY_KINDS, at, 'unknown-kind', problems)) return;
    const first = seen.get(kind);
    if (first === undefined) seen.set(kind, index);
    else {
      problems.add(at, 'duplicate-kind', `${at} ${describeValue(kind)} repeats ${path}[${first}]`);
    }
  });
}

/** Adds a `missing` problem when absent; whether the value is there to check further. */
function required(value: unknown, path: string, problems: ProblemList<ImportProblemCode>): boolean {
  if (value !== undefined) return true;
  problems.add(path, 'missing', `${path} is missing`);
  return false;
}

function checkArray(
  value: unknown,
  path: string,
  problems: ProblemList<ImportProblemCode>,
  checkItem: (item: unknown, path: string, index: number) => unknown,
): void {
  if (!Array.isArray(value)) {
    problems.add(path, 'wrong-type', `${path} must be an array (got ${describeValue(value)})`);
    return;
  }
  value.forEach((item: unknown, index) => checkItem(item, `${path}[${index}]`, index));
}

function checkDate(value: unknown, path: string, problems: ProblemList<ImportProblemCode>): void {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    problems.add(
      path,
      'bad-date',
      `${path} must be a date written YYYY-MM-DD (got ${describeValue(value)})`,
    );
  } else if (!isRealDate(value)) {
    problems.add(path, 'bad-date', `${path} "${value}" is not a real date`);
  }
}

function isCount(value: unknown): value is number {
  return isIntegerIn(value, 0, Number.MAX_SAFE_INTEGER);
}

function checkCount(value: unknown, path: string, problems: ProblemList<ImportProblemCode>): void {
  if (isCount(value)) return;
  problems.add(
    path,
    'bad-count',
    `${path} must be a whole number, 0 or more (got ${describeValue(value)})`,
  );
}

function checkBoolean(
  value: unknown,
  path: string,
  problems: ProblemList<ImportProblemCode>,
): void {
  if (typeof value === 'boolean') return;
  problems.add(path, 'wrong-type', `${path} must be true or false (got ${describeValue(value)})`);
}

function checkText(value: unknown, path: string, problems: ProblemList<ImportProblemCode>): void {
  if (typeof value !== 'string') {
    problems.add(path, 'wrong-type', `${path} must be text (got ${describeValue(value)})`);
  } else if (value.length > MAX_NOTE_LENGTH) {
    problems.add(
      path,
      'too-long',
      `${path} must be at most ${MAX_NOTE_LENGTH} characters long (got ${value.length})`,
    );
  }
}

function checkInstant(
  value: unknown,
  path: string,
  problems: ProblemList<ImportProblemCode>,
): value is string {
  if (isInstant(value)) return true;
  problems.add(
    path,
    'bad-instant',
    `${path} must be a date and time with a time zone offset, such as "2026-11-23T21:40:00.000Z" (got ${describeValue(value)})`,
  );
  return false;
}

function checkOneOf(
  value: unknown,
  allowed: readonly string[],
  path: string,
  code: ImportProblemCode,
  problems: ProblemList<ImportProblemCode>,
): boolean {
  if (allowed.includes(value as string)) return true;
  problems.add(
    path,
    code,
    `${path} must be one of ${listOf(allowed)} (got ${describeValue(value)})`,
  );
  return false;
}
