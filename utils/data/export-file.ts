/**
 * The export file (SPEC §8): what "Export data" downloads and "Import data" reads back. Its
 * schema is the settings schema and the evening record's, under an envelope; the `ExportFile`
 * type is inferred from it. The schemas' output is canonical (keys in one order, nothing
 * unknown, the schedule by weekday), so export → import → export gives the same bytes except
 * `exportedAt`. See docs/data-format.md.
 */
import * as v from 'valibot';
import {
  EveningRecordSchema,
  InstantSchema,
  uniqueDates,
  type EveningRecord,
} from '@/utils/evening/record';
import { across, objectOf, SettingsSchema, type Settings } from '@/utils/settings/schema';

/** Version of the export format; independent of the internal storage schema version. */
export const EXPORT_SCHEMA_VERSION = 2;
/** The first evening date a file may hold: Closer keeps nothing older (SPEC §8). */
export const EARLIEST_DATE = '2000-01-01';

/**
 * The file as import checks it, once migrated to the current version: evenings dated from
 * `EARLIEST_DATE` to `latest` (tomorrow, where the user is), each date once, returned by date.
 */
export function exportFileSchema(latest: string) {
  const dated = v.pipe(
    EveningRecordSchema,
    across<EveningRecord>('date', ({ date }) =>
      date >= EARLIEST_DATE && date <= latest ? null : 'date-out-of-range',
    ),
  );
  return objectOf(
    {
      app: v.literal('closer', 'wrong-app'),
      schemaVersion: v.literal(EXPORT_SCHEMA_VERSION, 'newer-version'),
      exportedAt: v.optional(InstantSchema),
      settings: SettingsSchema,
      evenings: v.pipe(v.array(dated, 'wrong-type'), uniqueDates(), v.transform(sortByDate)),
    },
    'not-object',
  );
}

/** A checked file; `exportedAt` is optional in a file. */
export type ImportedFile = v.InferOutput<ReturnType<typeof exportFileSchema>>;
/** The whole export file, as `buildExport` writes it. */
export type ExportFile = ImportedFile & { exportedAt: string };

/** The export of `settings` and `evenings` taken at `now` (epoch ms). */
export function buildExport(
  settings: Settings,
  evenings: readonly EveningRecord[],
  now: number,
): ExportFile {
  return {
    app: 'closer',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings: canonical(SettingsSchema, settings),
    evenings: sortByDate(evenings.map((evening) => canonical(EveningRecordSchema, evening))),
  };
}

/**
 * `value` as `schema` returns it: canonical, and sharing nothing with storage. A stored value
 * that breaks a rule is copied as it is: an export must never fail, and import will name it.
 */
function canonical<S extends v.GenericSchema>(schema: S, value: v.InferOutput<S>) {
  const result = v.safeParse(schema, value);
  return result.success ? (result.output as v.InferOutput<S>) : structuredClone(value);
}

/**
 * The file text: compact JSON with one evening per line (small enough that every export
 * imports back, and a diff still shows which evenings changed), ending in a newline. A U+FFFD
 * in the data is written as the escape `\ufffd`: import refuses the literal character, which is
 * what a wrong encoding leaves behind.
 */
export function serialiseExport(file: ExportFile): string {
  const { evenings, ...head } = file;
  const list = evenings.length
    ? `[\n${evenings.map((e) => JSON.stringify(e)).join(',\n')}\n]`
    : '[]';
  return `${JSON.stringify(head).slice(0, -1)},"evenings":${list}}\n`.replaceAll(
    '\uFFFD',
    '\\ufffd',
  );
}

/** `closer-export-YYYY-MM-DD.json`, dated by the user's local calendar day in `zone`. */
export function exportFileName(now: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `closer-export-${part('year').padStart(4, '0')}-${part('month')}-${part('day')}.json`;
}

/** Evenings in date order (ISO dates sort as strings); a new array. */
export function sortByDate<T extends { date: string }>(evenings: readonly T[]): T[] {
  return [...evenings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
