/**
 * What the new tab and the popup last rendered, kept in the extension origin's `localStorage`
 * so that a classic script, public/snapshot.js, can paint it while the page is still parsing
 * (SPEC §11: the prompt on screen at first paint, warm or cold). It paints a snapshot only for
 * the same build (`snapshotBuild`), UI language and time zone, and inside the stretch of time
 * it was rendered for (utils/views/snapshot.ts). A cache of pixels, never data: IndexedDB stays
 * the only truth, and every page re-reads it and takes over from the snapshot.
 *
 * `localStorage` (not IndexedDB) because it is the one store a page can read synchronously,
 * while it is still parsing. Only pages write snapshots. A page's own writes to IndexedDB
 * forget them (`forgetSnapshots`, see components/mount-page.ts), and so do the worker's writes
 * at a page's request (`send`). The worker's own writes that change what pages show (a nudge's
 * buttons, another computer through sync) forget them only where the worker has
 * `localStorage`: Firefox's background page. Chrome's service worker has none; clearing it
 * from there would take an offscreen document and the `offscreen` permission (README,
 * "Performance"), so in Chrome the next page after such a write paints the state before it.
 *
 *   closer:snapshot:<page>   PageSnapshot[]   up to two: the moment rendered, and the stretch after it
 *   closer:snapshot-gen      string           bumped whenever snapshots are forgotten
 */

/** The pages that paint a snapshot. */
export type SnapshotPage = 'newtab' | 'popup';

/**
 * One rendering of a page, true from `from` until just before `until` (epoch ms) as long as the
 * stored data does not change, for one build, UI language and time zone.
 */
export interface PageSnapshot {
  /** The build that rendered it: its markup and class names belong to that build's CSS and code. */
  build: string;
  lang: string;
  zone: string;
  from: number;
  until: number;
  /** The page's stylesheets, so the snapshot paints styled before the app loads them. */
  css: string;
  /** The page's root element. */
  html: string;
}

/** The `localStorage` keys above (exported for the e2e harness, which writes behind the pages). */
export const KEY_PREFIX = 'closer:snapshot:';
export const GENERATION_KEY = 'closer:snapshot-gen';
export const PAGES: readonly SnapshotPage[] = ['newtab', 'popup'];

/**
 * This page's build, read where components/snapshot.js reads it: the hashed name of the app's
 * entry that a build names in the first-paint script's `data-app` (scripts/page-shell.ts), which
 * changes with any code or style it loads, and the extension's version, which changes with its
 * texts. The dev server names none, and snapshot.js paints nothing there.
 */
export function snapshotBuild(): string {
  const entry = document.querySelector<HTMLElement>('script[data-app]')?.dataset.app;
  return `${entry} ${chrome.runtime.getManifest().version}`;
}

/** `localStorage`, or null where there is none (the worker) or it is refused (a locked-down profile). */
function local(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The stored snapshots of a page (none when absent or unreadable). */
export function readSnapshots(page: SnapshotPage): PageSnapshot[] {
  try {
    const parsed: unknown = JSON.parse(local()?.getItem(KEY_PREFIX + page) ?? '[]');
    return Array.isArray(parsed) ? (parsed as PageSnapshot[]) : [];
  } catch {
    return [];
  }
}

/**
 * A token that changes whenever snapshots are forgotten. Read it before reading IndexedDB and
 * hand it to `writeSnapshots`, which then refuses to store what a later write made stale.
 */
export function snapshotGeneration(): string {
  return local()?.getItem(GENERATION_KEY) ?? '';
}

/**
 * Stores a page's snapshots, unless data changed since `generation` was read. A full or refused
 * storage only costs speed: the page then paints without a snapshot.
 */
export function writeSnapshots(
  page: SnapshotPage,
  snapshots: readonly PageSnapshot[],
  generation: string,
): void {
  const storage = local();
  if (!storage || (storage.getItem(GENERATION_KEY) ?? '') !== generation) return;
  try {
    if (snapshots.length) storage.setItem(KEY_PREFIX + page, JSON.stringify(snapshots));
    else storage.removeItem(KEY_PREFIX + page);
  } catch {
    storage.removeItem(KEY_PREFIX + page);
  }
}

/** Forgets every page's snapshots: stored data changed, so what they show may no longer be true. */
export function forgetSnapshots(): void {
  const storage = local();
  if (!storage) return;
  for (const page of PAGES) storage.removeItem(KEY_PREFIX + page);
  storage.setItem(GENERATION_KEY, String(Number(storage.getItem(GENERATION_KEY)) + 1));
}
