// Gzip size of all the JavaScript each page loads and of the worker (SPEC §11). Shared by the
// size check in `npm test` and by `npm run bench`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const SIZE_BUDGETS = {
  'newtab.html': 30 * 1024,
  'popup.html': 35 * 1024,
  'background.js': 15 * 1024,
};

/** Every script a file pulls in: <script src>, modulepreload links, and static imports in chunks. */
function scriptsOf(dir, file, seen = new Set()) {
  const path = resolve(dir, file);
  if (seen.has(path) || !existsSync(path)) return seen;
  seen.add(path);
  const text = readFileSync(path, 'utf8');
  const refs = file.endsWith('.html')
    ? [...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)]
    : [...text.matchAll(/(?:import|from)\s*\(?\s*["']([^"']+\.js)["']/g)];
  for (const [, ref] of refs) {
    const target = ref.startsWith('/') ? join(dir, ref) : resolve(dirname(path), ref);
    scriptsOf(dir, target.slice(dir.length + 1), seen);
  }
  if (file.endsWith('.html')) seen.delete(path);
  return seen;
}

/** Gzip bytes of the JavaScript behind each budgeted entry of a build. */
export function measureSizes(dir = resolve('.output/chrome-mv3'), budgets = SIZE_BUDGETS) {
  dir = resolve(dir);
  return Object.entries(budgets).map(([entry, budget]) => {
    const files = [...scriptsOf(dir, entry)];
    const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    return { entry, files: files.length, gzip, budget, ok: files.length > 0 && gzip <= budget };
  });
}
