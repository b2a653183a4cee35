// Gzip size of the JavaScript each page loads when it opens, and of the worker (SPEC §11). Shared
// by the size check in `npm test` and by `npm run bench` (which also checks, in a real browser,
// that a page loads exactly these files when it opens).
//
// What a page loads when it opens: the scripts its HTML names (<script src>, modulepreload, and
// the app module the first-paint script adds, named in its data-app), every
// static import from there on, and the app its entry script imports once it runs (a
// dynamic import in a file the HTML names). A dynamic import anywhere deeper is code the page
// loads on demand (a form, an action): it is measured and shown, but not against the budget.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const SIZE_BUDGETS = {
  'newtab.html': 30 * 1024,
  'popup.html': 35 * 1024,
  'background.js': 15 * 1024,
};

const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["']([^"']+\.js)["']\s*\)/g;
const HTML_SCRIPT =
  /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"|\sdata-app="([^"]+)"/g;

/** The build-relative path `ref` points at from `from` (absolute refs are from the build root). */
const target = (dir, from, ref) =>
  (ref.startsWith('/') ? join(dir, ref) : resolve(dirname(join(dir, from)), ref)).slice(
    dir.length + 1,
  );

/** Files `file` reaches by static imports, itself included, added to `seen`. */
function staticGraph(dir, file, seen) {
  if (seen.has(file) || !existsSync(join(dir, file))) return seen;
  seen.add(file);
  const text = readFileSync(join(dir, file), 'utf8');
  for (const [, ref] of text.matchAll(STATIC_IMPORT))
    staticGraph(dir, target(dir, file, ref), seen);
  return seen;
}

/** Files loaded when `entry` opens, and files it may load later on demand (build-relative paths). */
export function scriptsOf(dir, entry) {
  const roots = entry.endsWith('.html')
    ? [...readFileSync(join(dir, entry), 'utf8').matchAll(HTML_SCRIPT)].map(([, ref, app]) =>
        target(dir, entry, ref ?? app),
      )
    : [entry];
  const open = new Set();
  for (const root of roots.filter((r) => existsSync(join(dir, r)))) {
    staticGraph(dir, root, open);
    for (const [, ref] of readFileSync(join(dir, root), 'utf8').matchAll(DYNAMIC_IMPORT)) {
      staticGraph(dir, target(dir, root, ref), open);
    }
  }
  const later = new Set();
  const queue = [...open];
  while (queue.length) {
    const file = queue.pop();
    for (const [, ref] of readFileSync(join(dir, file), 'utf8').matchAll(DYNAMIC_IMPORT)) {
      for (const next of staticGraph(dir, target(dir, file, ref), new Set())) {
        if (open.has(next) || later.has(next)) continue;
        later.add(next);
        queue.push(next);
      }
    }
  }
  return { open: [...open], later: [...later] };
}

const gzip = (dir, files) =>
  files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);

/** Gzip bytes of the JavaScript behind each budgeted entry of a build, at open and on demand. */
export function measureSizes(dir = resolve('.output/chrome-mv3'), budgets = SIZE_BUDGETS) {
  dir = resolve(dir);
  return Object.entries(budgets).map(([entry, budget]) => {
    const exists = existsSync(join(dir, entry));
    const { open, later } = exists ? scriptsOf(dir, entry) : { open: [], later: [] };
    const size = gzip(dir, open);
    return {
      entry,
      files: open.length,
      gzip: size,
      budget,
      ok: open.length > 0 && size <= budget,
      onDemand: { files: later.length, gzip: gzip(dir, later) },
      scripts: open,
    };
  });
}
