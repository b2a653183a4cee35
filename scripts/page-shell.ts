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
/** The built page's module entry, and the module preloads Vite writes beside it. */
const MODULE_SCRIPT = /\s*<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/;
const MODULE_PRELOAD = /\s*<link rel="modulepreload"[^>]*>/g;
/** What belongs in the head wherever a page writes it. */
const HEAD_PART = /<(?:meta|link)\b[^>]*>|<style\b[^>]*>[\s\S]*?<\/style>/g;

/** The whole document for one entrypoint's index.html. */
export function pageShell(page: string): string {
  const own = page.replace(/<!doctype html>/i, '').replace(/<!--[\s\S]*?-->/g, '');
  const headParts = own.match(HEAD_PART) ?? [];
  const body = own.replace(HEAD_PART, '').trim();
  const instant = SNAPSHOT_SCRIPT.test(body);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    '<meta name="color-scheme" content="light dark" />',
    '<title>Closer</title>',
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

/**
 * A built page with a first-paint script loads its app from that script, not from its head: the
 * module and its preloads, fetched beside snapshot.js, held the snapshot's frame back by 20–40 ms
 * on the bench's machine, and the app's start competed with painting it. snapshot.js adds the
 * module once the snapshot is on screen (`data-app`). Other pages, and the dev server, keep the
 * module where Vite put it.
 */
export function deferApp(html: string): string {
  const entry = html.match(MODULE_SCRIPT)?.[1];
  if (!entry || !SNAPSHOT_SCRIPT.test(html)) return html;
  return html
    .replace(MODULE_SCRIPT, '')
    .replace(MODULE_PRELOAD, '')
    .replace('<script src="/snapshot.js"', `<script src="/snapshot.js" data-app="${entry}"`);
}

/** WXT's start of its runtime plugins in every page, minified, when there are none: `try{}catch…`. */
const EMPTY_PLUGIN_START =
  /try\{\}catch\((\w+)\)\{console\.error\("\[wxt\] Failed to initialize plugins",\1\)\}/;

/**
 * A built chunk without WXT's start of its runtime plugins when Closer has none: an empty `try`
 * never throws, so its `catch` is dead code, 41 bytes gzip in every page's shared chunk (the new
 * tab's JavaScript is at its budget). With a plugin the `try` is not empty and stays.
 */
export function dropEmptyPluginStart(code: string): string {
  return code.replace(EMPTY_PLUGIN_START, '');
}

/**
 * The shell, before Vite reads the page's scripts (builds and dev server alike), and in builds,
 * once Vite has named the page's chunks, the app moved behind the first paint, and once it has
 * minified them, WXT's empty plugin start dropped.
 */
export function pageShellPlugin(): Plugin[] {
  return [
    { name: 'closer:page-shell', transformIndexHtml: { order: 'pre', handler: pageShell } },
    {
      name: 'closer:defer-app',
      apply: 'build',
      transformIndexHtml: { order: 'post', handler: deferApp },
    },
    {
      name: 'closer:drop-empty-plugin-start',
      apply: 'build',
      enforce: 'post',
      generateBundle(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk') chunk.code = dropEmptyPluginStart(chunk.code);
        }
      },
    },
  ];
}
