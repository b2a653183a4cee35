/**
 * The export file (SPEC §8): what "Export data" downloads and "Import data" reads back.
 * Everything is written in one canonical key order so export → import → export gives the
 * same bytes except `exportedAt`. See docs/data-format.md.
 */
import type { CheckIn, EveningRecord, Reason } from '@/utils/evening/record';
import type { Settings } from '@/utils/settings/schema';
import { canonicalSettings } from '@/utils/settings/validation';

/** Version of the export format; independent of the internal storage schema version. */
export const EXPORT_SCHEMA_VERSION = 1;

/** The whole export file, as written by `buildExport` and returned by a successful import. */
export interface ExportFile {
  app: 'closer';
  schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  /** ISO instant of the export, e.g. `2026-11-24T21:04:05.000Z`. */
  exportedAt: string;
  settings: Settings;
  /** Sorted by date, one per date. */
  evenings: EveningRecord[];
}

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
    settings: canonicalSettings(settings),
    evenings: sortByDate(evenings.map(canonicalEvening)),
  };
}

/** The file text: 2-space JSON with a trailing newline, as people and diff tools expect. */
export function serialiseExport(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
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

/**
 * An evening with exactly the fields `EveningRecord` defines, in one fixed order, copied so
 * the export shares nothing with storage. Import builds its records with this too.
 */
export function canonicalEvening(record: EveningRecord): EveningRecord {
  const out: EveningRecord = {
    date: record.date,
    screenMinutes: record.screenMinutes,
    status: record.status,
    nudges: record.nudges,
    checkIns: record.checkIns.map(canonicalCheckIn),
  };
  // Optional extras keep their meaning in the file (SPEC §8); absent ones stay absent.
  if (record.screenSeconds !== undefined) out.screenSeconds = record.screenSeconds;
  if (record.zone !== undefined) out.zone = record.zone;
  if (record.limitMinutes !== undefined) out.limitMinutes = record.limitMinutes;
  if (record.markedScreenFree !== undefined) out.markedScreenFree = record.markedScreenFree;
  if (record.reasons !== undefined) out.reasons = record.reasons.map(canonicalReason);
  if (record.promptOffset !== undefined) out.promptOffset = record.promptOffset;
  if (record.promptLighterAt !== undefined) out.promptLighterAt = record.promptLighterAt;
  if (record.promptAsked !== undefined) out.promptAsked = record.promptAsked;
  if (record.nudgeKindsSent !== undefined) out.nudgeKindsSent = [...record.nudgeKindsSent];
  if (record.lastNudgeAt !== undefined) out.lastNudgeAt = record.lastNudgeAt;
  if (record.putDownAt !== undefined) out.putDownAt = record.putDownAt;
  if (record.putDownScreenSeconds !== undefined) {
    out.putDownScreenSeconds = record.putDownScreenSeconds;
  }
  return out;
}

function canonicalCheckIn(checkIn: CheckIn): CheckIn {
  const out: CheckIn = { kinds: [...checkIn.kinds], at: checkIn.at, note: checkIn.note };
  if (checkIn.source !== undefined) out.source = checkIn.source;
  return out;
}

function canonicalReason(reason: Reason): Reason {
  return { at: reason.at, source: reason.source, text: reason.text };
}
