/* global chrome */
// The new tab's and the popup's first paint (SPEC §11). Runs while the page is still parsing,
// before any module: when the page's last rendering is still true now (same build, UI language
// and zone, inside the stretch of time it was rendered for), puts it and its styles in place of
// the shell and brings its clock to the minute. Copied, minified, by wxt.config.ts: the CSP allows no inline script,
// and a bundled file would carry a loader. It reads what utils/data/page-snapshots.ts writes;
// tests/unit/page-snapshots.tz.test.ts runs it against what they write.
(() => {
  const app = document.getElementById('app');
  let snapshots;
  try {
    snapshots = JSON.parse(
      localStorage.getItem(`closer:snapshot:${document.currentScript?.dataset.page}`),
    );
  } catch {
    return;
  }
  if (!app || !Array.isArray(snapshots)) return;
  const entry = document.querySelector('script[type="module"]')?.getAttribute('src') ?? '';
  const build = `${entry} ${chrome.runtime.getManifest().version}`;
  const lang = chrome.i18n.getUILanguage() || 'en';
  // The clock as formatTime writes it, in the browser's zone right now.
  const clock = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
  const zone = clock.resolvedOptions().timeZone;
  const now = Date.now();
  const snapshot = snapshots.find(
    (s) =>
      s.build === build && s.lang === lang && s.zone === zone && s.from <= now && now < s.until,
  );
  if (!snapshot) return;
  const style = document.createElement('style');
  style.dataset.instant = '';
  style.textContent = snapshot.css;
  document.head.append(style);
  document.documentElement.lang = lang;
  app.innerHTML = snapshot.html;
  for (const node of app.querySelectorAll('[data-clock]')) node.textContent = clock.format(now);
})();
