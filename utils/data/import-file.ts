/**
 * Reading an export file back (SPEC §8, "Import data"): bytes in, a checked file or its
 * problems out. Pure; it runs in `transfer-worker.ts`, and storage writes the result in one
 * transaction (`importData`). The rules are the schemas' (`exportFileSchema`); this module adds
 * what comes before them: size, encoding, JSON, the envelope and migrations.
 */
import * as v from 'valibot';
import {
  EXPORT_SCHEMA_VERSION,
  exportFileSchema,
  type ImportedFile,
} from '@/utils/data/export-file';
import type { EveningProblemCode } from '@/utils/evening/record';
import {
  among,
  isObject,
  objectOf,
  problemsOf,
  propertyOf,
  type Problem,
  type SettingsProblemCode,
} from '@/utils/settings/schema';
import { defaultSettings } from '@/utils/settings/settings';
import { addDays, localDate, WEEKDAYS } from '@/utils/time/schedule';

/**
 * Files larger than this are refused unread. The largest export Closer can write (ten years,
 * full notes and reasons in a three-byte script) is 58.4 MB: tests/unit/largest-export.test.ts.
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** The oldest export format import still understands (via migrations). */
export const MIN_IMPORT_SCHEMA_VERSION = 1;
/** How many problems a failed import reports; the rest are only counted. */
export const MAX_REPORTED_PROBLEMS = 10;

/** Problems with the file before or around its schema. */
export type FileProblemCode =
  | 'too-large'
  | 'bad-encoding'
  | 'replacement-character'
  | 'not-json'
  | 'not-object'
  | 'wrong-app'
  | 'bad-version'
  | 'newer-version';

/** Every code an import problem can carry. */
export type ImportProblemCode = FileProblemCode | SettingsProblemCode | EveningProblemCode;

/** When import runs, and where the user is: an evening may be dated at most tomorrow there. */
export interface Clock {
  now: number;
  zone: string;
}

/** What the page needs, besides the paths, to say where problems are without the file. */
export interface ProblemContext {
  /** Index in `evenings` → that evening's `date` as the file writes it. */
  eveningDates: Record<number, string>;
  /** Index in `settings.schedule` → that entry's `weekday`, when it is 0–6. */
  scheduleWeekdays: Record<number, number>;
}

/** A refused file: the first problems (codes and paths), how many more, and where they point. */
export interface ImportRefusal {
  ok: false;
  problems: Problem<ImportProblemCode>[];
  omitted: number;
  context: ProblemContext;
}

export type ImportResult = { ok: true; file: ImportedFile } | ImportRefusal;

/** A parsed file before validation: any JSON object. */
export type RawExport = Record<string, unknown>;

/** A pure, named step that turns a version-`from` file into a version-`from + 1` file. */
export interface ImportMigration {
  from: number;
  name: string;
  migrate: (file: RawExport) => RawExport;
}

/**
 * Version 2 writes the settings added for couple mode and the second prompt library
 * (`prompts.keepLight`, `prompts.choice`, `prompts.saved`, `partnerName`, `pairCode`). A
 * version-1 file gets their defaults, as a version-1 store does; one that has them keeps them.
 * What is not an object is left for the checks to name.
 */
export const migrateV1toV2: ImportMigration = {
  from: 1,
  name: 'migrateV1toV2',
  migrate(file) {
    const { settings } = file;
    if (!isObject(settings)) return file;
    const defaults = defaultSettings();
    const prompts = settings.prompts === undefined ? {} : settings.prompts;
    return {
      ...file,
      settings: {
        ...settings,
        prompts: isObject(prompts) ? { ...defaults.prompts, ...prompts } : prompts,
        partnerName: 'partnerName' in settings ? settings.partnerName : defaults.partnerName,
        pairCode: 'pairCode' in settings ? settings.pairCode : defaults.pairCode,
      },
    };
  },
};

/** Export-format migrations, oldest first. */
export const IMPORT_MIGRATIONS: readonly ImportMigration[] = [migrateV1toV2];

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

/** `app` and `schemaVersion`: without them the rest of a file cannot be interpreted. */
const EnvelopeSchema = objectOf(
  {
    app: v.literal('closer', 'wrong-app'),
    schemaVersion: v.pipe(
      v.number('bad-version'),
      v.safeInteger('bad-version'),
      v.minValue(MIN_IMPORT_SCHEMA_VERSION, 'bad-version'),
      v.maxValue(EXPORT_SCHEMA_VERSION, 'newer-version'),
    ),
  },
  'not-object',
);

/** Checks a whole export file, given as the bytes on disk; `clock` bounds its dates. */
export function checkImport(bytes: Uint8Array, clock: Clock): ImportResult {
  if (bytes.length > MAX_IMPORT_BYTES) return tooLarge();
  const text = decode(bytes);
  if (text === null) return refuse(null, [whole('bad-encoding')]);
  // A literal U+FFFD is what a decoder leaves where it could not read: damage done elsewhere.
  if (text.includes('\uFFFD')) return refuse(null, [whole('replacement-character')]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse(null, [whole('not-json')]);
  }

  const envelope = v.safeParse(EnvelopeSchema, parsed);
  if (!envelope.success) {
    // Whatever is wrong with `app`, absent included, the file is not Closer's.
    const problems = problemsOf<ImportProblemCode>(envelope.issues).map((problem) =>
      problem.path[0] === 'app' ? { ...problem, code: 'wrong-app' as const } : problem,
    );
    return refuse(parsed, problems);
  }
  const file = migrateImport(parsed as RawExport, envelope.output.schemaVersion);
  const tomorrow = addDays(localDate(clock.now, clock.zone), 1);
  const result = v.safeParse(exportFileSchema(tomorrow), file);
  return result.success
    ? { ok: true, file: result.output }
    : refuse(file, problemsOf<ImportProblemCode>(result.issues));
}

/** The refusal of a file over `MAX_IMPORT_BYTES`, which can be given before reading it. */
export function tooLarge(): ImportRefusal {
  return refuse(null, [whole('too-large')]);
}

/**
 * The file's text: UTF-8 with or without a byte-order mark, or UTF-16 with one. Anything else
 * (Latin-1, mixed encodings, UTF-16 without a mark) is null: decoding is strict, so no
 * character is ever guessed or replaced.
 */
export function decode(bytes: Uint8Array): string | null {
  const [a, b, c] = bytes;
  const [encoding, mark] =
    a === 0xef && b === 0xbb && c === 0xbf
      ? ['utf-8', 3]
      : a === 0xff && b === 0xfe
        ? ['utf-16le', 2]
        : a === 0xfe && b === 0xff
          ? ['utf-16be', 2]
          : ['utf-8', 0];
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(mark));
  } catch {
    return null;
  }
  // UTF-16 without a mark decodes as UTF-8 full of NULs, which no JSON text contains.
  return text.includes('\0') ? null : text;
}

/** The dates and weekdays the reported problems point into (see `ProblemContext`). */
export function problemContext(file: unknown, problems: readonly Problem[]): ProblemContext {
  const context: ProblemContext = { eveningDates: {}, scheduleWeekdays: {} };
  const evenings = propertyOf(file, 'evenings');
  const schedule = propertyOf(propertyOf(file, 'settings'), 'schedule');
  for (const [head, key, index] of problems.map((problem) => problem.path)) {
    if (head === 'evenings' && typeof key === 'number' && Array.isArray(evenings)) {
      const date = propertyOf(evenings[key], 'date');
      if (typeof date === 'string') context.eveningDates[key] = date;
    }
    if (head === 'settings' && key === 'schedule' && typeof index === 'number') {
      const entry = Array.isArray(schedule) ? schedule[index] : undefined;
      const weekday = among(WEEKDAYS)(propertyOf(entry, 'weekday'));
      if (typeof weekday === 'number') context.scheduleWeekdays[index] = weekday;
    }
  }
  return context;
}

function whole(code: ImportProblemCode): Problem<ImportProblemCode> {
  return { code, path: [] };
}

/** A refusal: the first problems, how many more, and where the reported ones point. */
function refuse(file: unknown, problems: Problem<ImportProblemCode>[]): ImportRefusal {
  const reported = problems.slice(0, MAX_REPORTED_PROBLEMS);
  return {
    ok: false,
    problems: reported,
    omitted: problems.length - reported.length,
    context: problemContext(file, reported),
  };
}
