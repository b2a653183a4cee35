/**
 * Export, import and erase from the options page (SPEC §8): the storage side of moving a
 * history between browsers. Import checks the whole file before anything is written and then
 * writes settings and evenings in one transaction. The options page runs `importBlob` in a
 * worker (`import-worker.ts`), so a large file never holds up the page.
 */
import { buildExport, exportFileName, serialiseExport } from '@/utils/data/export-file';
import {
  checkImport,
  MAX_IMPORT_BYTES,
  tooLarge,
  type Clock,
  type ImportRefusal,
} from '@/utils/data/import-file';
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
export type ImportOutcome = { ok: true; evenings: number } | ImportRefusal;

/** What an import is doing, for the page to show once it takes a while. */
export type ImportPhase = 'checking' | 'saving';

/** Checks an export file's bytes and, only if all of it is valid, merges it in (all or nothing). */
export async function importBytes(
  bytes: Uint8Array,
  clock: Clock,
  onPhase: (phase: ImportPhase) => void = () => {},
): Promise<ImportOutcome> {
  onPhase('checking');
  const checked = checkImport(bytes, clock);
  if (!checked.ok) return checked;
  onPhase('saving');
  await importData(checked.file.settings, checked.file.evenings);
  return { ok: true, evenings: checked.file.evenings.length };
}

/** Imports a picked file; one over the size limit is refused before it is read into memory. */
export async function importBlob(
  file: Blob,
  clock: Clock,
  onPhase?: (phase: ImportPhase) => void,
): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) return tooLarge();
  return importBytes(new Uint8Array(await file.arrayBuffer()), clock, onPhase);
}
