/**
 * The options page's side of `transfer-worker.ts`: one worker per export or import, ended when
 * it answers. Kept apart from transfer.ts, which the worker itself loads, so the worker never
 * bundles itself.
 */
import type { Clock } from '@/utils/data/import-file';
// Vite's worker import, not `new Worker(new URL(…, import.meta.url))`: WXT defines
// import.meta.url as self.location.href, which hides that pattern from Vite (wxt-dev/wxt#2032).
import TransferWorker from './transfer-worker?worker';
import type { TransferReply, TransferRequest } from '@/utils/data/transfer-worker';
import type { ImportOutcome, ImportPhase } from '@/utils/data/transfer';

function run(request: TransferRequest, onPhase?: (phase: ImportPhase) => void) {
  const worker = new TransferWorker();
  return new Promise<Exclude<TransferReply, { phase: ImportPhase } | { failure: string }>>(
    (resolve, reject) => {
      worker.addEventListener('message', ({ data }: MessageEvent<TransferReply>) => {
        if ('phase' in data) return onPhase?.(data.phase);
        worker.terminate();
        if ('failure' in data) reject(new Error(data.failure));
        else resolve(data);
      });
      worker.addEventListener('error', (event) => {
        worker.terminate();
        reject(new Error(event.message || 'The worker stopped unexpectedly.'));
      });
      worker.postMessage(request);
    },
  );
}

/** Everything Closer knows, as the export file's name and contents (`exportAll`, off the page). */
export async function exportInWorker(clock: Clock): Promise<{ fileName: string; file: Blob }> {
  const reply = await run({ kind: 'export', clock });
  if (!('exported' in reply)) throw new Error('The export gave no file.');
  return reply.exported;
}

/** `importBlob` off the main thread: each phase as it starts, then the outcome. */
export async function importInWorker(
  file: Blob,
  clock: Clock,
  onPhase: (phase: ImportPhase) => void,
): Promise<ImportOutcome> {
  const reply = await run({ kind: 'import', file, clock }, onPhase);
  if (!('outcome' in reply)) throw new Error('The import gave no outcome.');
  return reply.outcome;
}
