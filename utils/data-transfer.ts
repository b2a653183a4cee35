/**
 * Export, import and erase from the options page (SPEC §8): the storage side of moving a
 * history between browsers. Import validates the whole file before anything is written and
 * then writes settings and evenings in one transaction.
 */
import { buildExport, exportFileName, serialiseExport } from './export-file';
import { parseImport, problemLines } from './import-file';
import { importData, readAllEvenings, readSettings } from './storage';

export interface ExportedFile {
  fileName: string;
  text: string;
}

/** Everything Closer knows, as the export file's name and text. */
export async function exportAll(now: number, zone: string): Promise<ExportedFile> {
  const [settings, evenings] = await Promise.all([readSettings(), readAllEvenings()]);
  return {
    fileName: exportFileName(now, zone),
    text: serialiseExport(buildExport(settings, evenings, now)),
  };
}

export type ImportOutcome = { ok: true; evenings: number } | { ok: false; problems: string[] };

/** Validates an export file and, only if all of it is valid, merges it in (all or nothing). */
export async function importText(text: string, byteLength: number): Promise<ImportOutcome> {
  const parsed = parseImport(text, byteLength);
  if (!parsed.ok) return { ok: false, problems: problemLines(parsed.problems, parsed.omitted) };
  await importData(parsed.settings, parsed.evenings);
  return { ok: true, evenings: parsed.evenings.length };
}
