import {
  pickSnapshot,
  readSnapshots,
  snapshotBuild,
  type SnapshotPage,
} from '@/utils/data/page-snapshots';

/**
 * The new tab's and the popup's first paint (SPEC §11): when the page's last rendering is still
 * true now (`pickSnapshot`), puts it in place of the shell and brings its clock
 * to the minute. Runs from the page's entry script, which index.html marks render-blocking, so the
 * first frame already shows it; the app loads after that frame and takes over
 * (`tonight-page.ts`). Everything here delays the first paint: keep it this small.
 */
export function paintSnapshot(page: SnapshotPage): void {
  const app = document.getElementById('app');
  const lang = chrome.i18n.getUILanguage() || 'en';
  // The clock as `formatTime` writes it, in the browser's zone right now.
  const clock = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
  const now = Date.now();
  const snapshot = pickSnapshot(readSnapshots(page), {
    build: snapshotBuild(),
    lang,
    zone: clock.resolvedOptions().timeZone,
    now,
  });
  if (!app || !snapshot) return;
  document.documentElement.lang = lang;
  app.innerHTML = snapshot.html;
  for (const node of app.querySelectorAll('[data-clock]')) node.textContent = clock.format(now);
}
