/**
 * Every page's static shell, written once. An entrypoint's index.html holds only what is its own
 * — its module script, the new tab's and popup's first-paint script, a page's manifest key or
 * style — and this Vite plugin (wxt.config.ts) wraps it in what every page shares before Vite
 * bundles it: the head, the background painted in the first frame in both schemes, and `#app`.
 * The pages set their language and localized title themselves (components/mount-page.ts).
 */
import type { Plugin } from 'vite';

/** The first paint already has theme.css's page colours in both schemes: no white flash. */
const SHARED_STYLE =
  'html{background:#fbf7f2;color:#2b2521}' +
  '@media (prefers-color-scheme:dark){html{background:#1c1815;color:#f2eae2}}';

/**
 * A page painted from its last rendering (components/snapshot.js) keeps the live figures' place
 * but never shows them stale (tonight-page.ts), and shows a faint name until then.
 */
const INSTANT_STYLE =
  '[data-pending]{visibility:hidden}' +
  '.shell{position:fixed;inset:0;display:grid;place-items:center;' +
  'font:600 1rem system-ui,sans-serif;letter-spacing:.08em;opacity:.45}';

const SNAPSHOT_SCRIPT = /<script src="\/snapshot\.js"[^>]*><\/script>/;
/** What belongs in the head wherever a page writes it. */
const HEAD_PART = /<(?:meta|link)\b[^>]*>|<style\b[^>]*>[\s\S]*?<\/style>/g;

/** The whole document for one entrypoint's index.html. */
export function pageShell(page: string): string {
  const own = page.replace(/<!doctype html>/i, '').replace(/<!--[\s\S]*?-->/g, '');
  const headParts = own.match(HEAD_PART) ?? [];
  let body = own.replace(HEAD_PART, '').trim();
  const instant = SNAPSHOT_SCRIPT.test(body);
  if (instant) {
    // Nothing renders before snapshot.js has run: the first frame shows the snapshot, if any.
    body = body.replace(SNAPSHOT_SCRIPT, '$&<span id="snapshot-done" hidden></span>');
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    '<meta name="color-scheme" content="light dark" />',
    '<title>Closer</title>',
    ...(instant ? ['<link rel="expect" href="#snapshot-done" blocking="render" />'] : []),
    `<style>${SHARED_STYLE}${instant ? INSTANT_STYLE : ''}</style>`,
    ...headParts,
    '</head>',
    '<body>',
    instant
      ? '<div id="app"><p class="shell" aria-hidden="true">Closer</p></div>'
      : '<div id="app"></div>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Runs before Vite reads the page's scripts, in builds and on the dev server alike. */
export function pageShellPlugin(): Plugin {
  return {
    name: 'closer:page-shell',
    transformIndexHtml: { order: 'pre', handler: pageShell },
  };
}
