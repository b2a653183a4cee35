/* global chrome */
// The new tab's and the popup's first paint (SPEC §11). Runs while the page is still parsing,
// before any module: when the page's last rendering is still true now (same build, UI language
// and zone, inside the stretch of time it was rendered for), puts it and its styles in place of
// the shell and brings its clock to the minute. Then it starts the app: a build names the app's
// module in `data-app` (scripts/page-shell.ts) instead of the head, and it is added once the
// snapshot's frame is on screen, so that frame never shares the machine with fetching and
// compiling the app. Copied, minified, by wxt.config.ts: the CSP allows no inline script, and a
// bundled file would carry a loader. It reads what utils/data/page-snapshots.ts writes;
// tests/unit/page-snapshots.tz.test.ts runs it against what they write.
(() => {
  const script = document.currentScript;
  const app = document.getElementById('app');
  // The app's module, which a build names. The dev server names none: there the page loads its
  // module itself, and paints no snapshot, whose styles may be from an older edit.
  const entry = script.dataset.app;
  if (!entry) return;

  /** Puts the snapshot in place; true when there was one to paint. */
  const paint = () => {
    const build = `${entry} ${chrome.runtime.getManifest().version}`;
    const lang = chrome.i18n.getUILanguage() || 'en';
    // The clock as formatTime writes it, in the browser's zone right now.
    const clock = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
    const zone = clock.resolvedOptions().timeZone;
    const now = Date.now();
    let snapshot;
    try {
      // Anything but a list of snapshots (none stored, damaged text, a damaged entry) throws
      // here, and the app brings the content.
      snapshot = JSON.parse(localStorage.getItem(`closer:snapshot:${script.dataset.page}`)).find(
        (s) =>
          s.build === build && s.lang === lang && s.zone === zone && s.from <= now && now < s.until,
      );
    } catch {
      return false;
    }
    if (!snapshot) return false;
    const style = document.createElement('style');
    style.dataset.instant = '';
    style.textContent = snapshot.css;
    document.head.append(style);
    document.documentElement.lang = lang;
    // The shell (scripts/page-shell.ts) always has #app.
    app.innerHTML = snapshot.html;
    // Its styles show the prompt alone (LEAD_CSS in snapshot-writer.ts) in its first frame, whose
    // callbacks run first; the second's let the rest come in the frame after it.
    requestAnimationFrame(() => requestAnimationFrame(() => (app.className = 'go')));
    for (const node of app.querySelectorAll('[data-clock]')) node.textContent = clock.format(now);
    return true;
  };

  const painted = paint();
  const module = document.createElement('script');
  module.type = 'module';
  module.src = entry;
  const start = () => {
    if (!module.isConnected) document.head.append(module);
  };
  // No snapshot: the app brings the content, the sooner the better. A hidden page paints no
  // frame, and its timers are slowed to one a second: no reason to wait there either.
  if (!painted || document.hidden) return start();
  // The snapshot's largest paint is reported once its frame is on screen; the timeout covers a
  // page that stops reporting (a key pressed first) or a browser that reports none, with room
  // for a busy machine's slow frame.
  new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => app.contains(e.element))) start();
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(start, 500);
})();
