import { flushSync, mount, type Component } from 'svelte';
import { snapshotGeneration, type SnapshotPage } from '@/utils/data/page-snapshots';
import { followChanges } from './follow-changes';
import { startPage } from './mount-page';
import { Tonight } from './tonight.svelte';

/** How often an open page re-reads, so minutes and the evening's start and end show without a reload. */
const REFRESH_MS = 20_000;

/** Marks the moment a page shows what it read from storage (the bench and e2e tests wait for it). */
export const SETTLED_MARK = 'closer:settled';

/** A page that shows tonight from a `Tonight` it is given: the new tab and the popup. */
export type TonightPage = Component<{ tonight: Tonight }>;

/**
 * Mounts the new tab or the popup. Its snapshot, if components/snapshot.js painted one, stays on
 * screen until the page has read storage and rendered; then the page takes its place in one
 * step, in the same frame, so nothing painted moves or changes unless the data did. Whenever what
 * the page shows differs from its stored snapshot, the snapshot writer (loaded on demand, off the
 * first screen's path) renders the next ones.
 */
export function mountTonightPage(Page: TonightPage, page: SnapshotPage, titleKey: string): void {
  const app = startPage(titleKey);
  const tonight = new Tonight();
  // Rendered off-document, so the snapshot (or the shell) stays alone on screen until then.
  const holder = document.createElement('div');
  mount(Page, { target: holder, props: { tonight } });
  const still = app.querySelector<HTMLElement>('[data-instant]');
  /** What the stored snapshot shows, and until when, as far as this page knows. */
  let stored = still
    ? {
        shows: shownBy(still),
        until: Number(still.dataset.until),
        generation: snapshotGeneration(),
      }
    : null;
  let live = false;
  tonight.onload = () => {
    flushSync();
    if (!live) {
      live = true;
      takeOver(app, holder, still);
    }
    const root = app.firstElementChild;
    if (
      tonight.inputs &&
      root &&
      (!stored ||
        stored.generation !== tonight.generation ||
        Date.now() >= stored.until ||
        stored.shows !== shownBy(root))
    ) {
      void import('./snapshot-writer').then((writer) => {
        stored = writer.storeSnapshots(Page, page, tonight);
      });
    }
  };
  // After a write (its own, or the worker's at its request) the snapshots are forgotten: the
  // next load renders them again, for the next open to paint at once.
  followChanges(() => tonight.load(), REFRESH_MS, true);
}

/** Puts the rendered page in place of the snapshot or shell, finishing any entrance it would replay. */
function takeOver(app: HTMLElement, holder: HTMLElement, still: HTMLElement | null): void {
  app.replaceChildren(...holder.childNodes);
  document.querySelector('style[data-instant]')?.remove();
  // The snapshot already showed this content: fading it in again would be a flicker.
  if (still) for (const animation of app.getAnimations({ subtree: true })) animation.finish();
  performance.mark(SETTLED_MARK);
}

/**
 * What a rendering of the page shows, to compare the page with its snapshot: its markup without
 * what the two always differ in (the snapshot's own marks, entrance animations, the clock, the
 * minutes only the live page shows).
 */
export function shownBy(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const name of ['inert', 'data-instant', 'data-until']) copy.removeAttribute(name);
  for (const node of copy.querySelectorAll('[data-clock], [data-live]')) node.replaceChildren();
  for (const node of copy.querySelectorAll('[data-live]')) node.removeAttribute('data-pending');
  for (const node of copy.querySelectorAll('.fade-in')) node.classList.remove('fade-in');
  return copy.outerHTML.replaceAll(' class=""', '');
}
