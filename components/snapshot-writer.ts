/**
 * Renders and stores the new tab's or the popup's snapshots (utils/data/page-snapshots.ts) for
 * components/snapshot.js to paint next time. Loaded on demand by `tonight-page.ts`, only when what
 * the page shows no longer matches its stored snapshot, so an ordinary open never loads it.
 */
import { flushSync, mount, unmount } from 'svelte';
import {
  snapshotBuild,
  writeSnapshots,
  type PageSnapshot,
  type SnapshotPage,
} from '@/utils/data/page-snapshots';
import { uiLocale } from '@/utils/views/i18n';
import { snapshotSegments } from '@/utils/views/snapshot';
import { shownBy, type TonightPage } from './tonight-page';
import { Tonight } from './tonight.svelte';

// A mark for the bench (an ordinary open must not load this module); being a side effect, it
// also keeps the bundler from merging this small module into a chunk every page open loads.
performance.mark('closer:snapshot-writer');

let written = '';

/**
 * Renders the page as it will look for the rest of this stretch of time and the next (see
 * `snapshotSegments`) and stores it, unless storage changed meanwhile. Returns what the stored
 * snapshot for now shows, and until when, for the page to compare itself with.
 */
export function storeSnapshots(
  Page: TonightPage,
  page: SnapshotPage,
  tonight: Tonight,
): { shows: string; until: number; generation: string } | null {
  const inputs = tonight.inputs;
  if (!inputs) return null;
  const build = snapshotBuild();
  const lang = uiLocale();
  const css = pageCss();
  const snapshots: PageSnapshot[] = snapshotSegments(inputs, tonight.view!.now).map((segment) => ({
    build,
    lang,
    zone: inputs.zone,
    from: segment.from,
    until: segment.until,
    css,
    html: renderStill(Page, Tonight.still(inputs, segment.view, tonight.couple), segment.until),
  }));
  // The same rendering for the same stretch needs no write; a later `from` is no truer.
  const key = tonight.generation + JSON.stringify(snapshots.map((s) => [s.until, s.css, s.html]));
  if (key !== written) {
    written = key;
    writeSnapshots(page, snapshots, tonight.generation);
  }
  const [now] = snapshots;
  if (!now) return null;
  const root = document.createElement('template');
  root.innerHTML = now.html;
  return {
    shows: shownBy(root.content.firstElementChild!),
    until: now.until,
    generation: tonight.generation,
  };
}

/**
 * The page's root as it renders `still`, ready to paint on its own: inert until the page takes
 * over, no entrance animation, and the live figures (tonight's minutes, which only the worker
 * knows and changes every minute) kept in place but hidden, never shown stale.
 */
function renderStill(Page: TonightPage, still: Tonight, until: number): string {
  const holder = document.createElement('div');
  const instance = mount(Page, { target: holder, props: { tonight: still } });
  flushSync();
  const root = holder.firstElementChild!;
  root.setAttribute('inert', '');
  root.setAttribute('data-instant', '');
  root.setAttribute('data-until', String(until));
  for (const node of root.querySelectorAll('.fade-in')) node.classList.remove('fade-in');
  for (const node of root.querySelectorAll('[data-live]')) {
    node.setAttribute('data-pending', '');
    for (const figure of node.querySelectorAll('[data-minutes]'))
      figure.removeAttribute('data-minutes');
  }
  const html = root.outerHTML;
  void unmount(instance);
  return html;
}

/**
 * The question leads: the snapshot's first frame shows the prompt alone, and the rest comes in the
 * frame after, when components/snapshot.js gives `#app` the class `go`. Headless Chromium rasters
 * in software, a tile at a time: a first frame holding the prompt's few tiles instead of the
 * whole page's puts the question on screen sooner (SPEC §11's largest contentful paint). The
 * prompt's hook is SPEC §12's, shared with the tests; the rules leave with the snapshot's styles
 * when the page takes over.
 */
const LEAD_CSS =
  '#app:not(.go) [data-instant]{visibility:hidden}' +
  '#app:not(.go) [data-instant] [data-testid="prompt"]{visibility:visible}';

/** The rules of the page's stylesheets, for a snapshot to paint with before the app loads them. */
function pageCss(): string {
  let css = LEAD_CSS;
  for (const sheet of document.styleSheets) {
    if (sheet.ownerNode instanceof HTMLLinkElement) {
      for (const rule of sheet.cssRules) css += rule.cssText;
    }
  }
  return css;
}
