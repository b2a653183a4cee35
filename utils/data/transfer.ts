/**
 * Export, import and erase from the options page (SPEC §8): the storage side of moving a
 * history between browsers. Import validates the whole file before anything is written and
 * then writes settings and evenings in one transaction.
 */
import { buildExport, exportFileName, serialiseExport } from '@/utils/data/export-file';
import {
  MAX_IMPORT_BYTES,
  parseImport,
  type ImportProblemCode,
  type ProblemContext,
} from '@/utils/data/import-file';
import type { Problem } from '@/utils/settings/validation';
import { importData, readAllEvenings, readSettings } from '@/utils/data/storage';

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

/** A refused import keeps the problems' codes and paths, so the page can word them itself. */
export type ImportOutcome =
  | { ok: true; evenings: number }
  | {
      ok: false;
      problems: Problem<ImportProblemCode>[];
      omitted: number;
      context: ProblemContext;
    };

/** Validates an export file and, only if all of it is valid, merges it in (all or nothing). */
export async function importText(text: string, byteLength: number): Promise<ImportOutcome> {
  const parsed = parseImport(text, byteLength);
  if (!parsed.ok) return parsed;
  await importData(parsed.settings, parsed.evenings);
  return { ok: true, evenings: parsed.evenings.length };
}

/** Imports a picked file; one over 5 MB is refused by its size, before it is read into memory. */
export async function importBlob(file: Blob): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) return importText('', file.size);
  return importText(await file.text(), file.size);
}
