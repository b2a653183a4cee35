/**
 * The worker behind "Export data" and "Import data" (SPEC §8): it reads, checks and writes
 * away from the options page's main thread, so even the largest file never freezes the page,
 * and the page never loads the export file's schema. It writes to the same IndexedDB store as
 * the pages (a worker shares its page's origin). Started per request by `transfer-client.ts`.
 */
import type { Clock } from '@/utils/data/import-file';
import { exportAll, importBlob, type ImportOutcome, type ImportPhase } from '@/utils/data/transfer';

export type TransferRequest =
  { kind: 'export'; clock: Clock } | { kind: 'import'; file: Blob; clock: Clock };

export type TransferReply =
  | { phase: ImportPhase }
  | { exported: { fileName: string; file: Blob } }
  | { outcome: ImportOutcome }
  | { failure: string };

async function handle(request: TransferRequest): Promise<TransferReply> {
  const { clock } = request;
  if (request.kind === 'import') {
    const outcome = await importBlob(request.file, clock, (phase) => postMessage({ phase }));
    return { outcome };
  }
  const { fileName, text } = await exportAll(clock.now, clock.zone);
  return { exported: { fileName, file: new Blob([text], { type: 'application/json' }) } };
}

addEventListener('message', (event: MessageEvent<TransferRequest>) => {
  handle(event.data).then(
    (reply) => postMessage(reply),
    (error: unknown) =>
      postMessage({ failure: error instanceof Error ? error.message : String(error) }),
  );
});
