// What the new tab and popup showed, load by load: used by `npm run bench` and by
// tests/e2e/instant.e2e.ts to prove the first frame shows what the page settles on (SPEC §11).
// Both functions run inside the page (serialized), so each is whole on its own.

/**
 * The figures a page shows: tonight's prompt, the evening state, the week's count, tonight's
 * minutes and the week's dot for today (once today's evening is still to come or under way).
 */
export function shownValues() {
  const attr = (selector, name) => document.querySelector(selector)?.getAttribute(name) ?? null;
  return {
    prompt: document.querySelector('[data-testid="prompt"]')?.textContent?.trim() ?? null,
    evening: attr('[data-evening]', 'data-evening'),
    count: attr('[data-testid="week-progress"]', 'data-count'),
    minutes: attr('[data-testid="tonight"]', 'data-minutes'),
    today: attr('[data-testid="week-progress"] .tonight', 'data-date'),
  };
}

/**
 * `recorder(shownValues)` as a script to install before any page script (CDP Page.addScriptToEvaluateOnNewDocument): records first
 * and largest contentful paint with the largest paint's element, the figures at
 * DOMContentLoaded, and every value each figure ever had, in `globalThis.__closerRecord`. The
 * new tab's and popup's first-paint script puts the snapshot in place while the page parses and
 * adds their app only once that is on screen, so the document at DOMContentLoaded is the first
 * frame that shows a prompt (a frame before it may show the shell's name, and nothing else).
 */
function recorder(shown) {
  const record = {
    fcp: null,
    lcp: [],
    first: null,
    seen: { prompt: [], evening: [], count: [], minutes: [], today: [] },
    appAt: null,
  };
  Object.defineProperty(globalThis, '__closerRecord', { value: record });
  const describe = (element) =>
    element
      ? element.dataset?.testid ||
        `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}`
      : 'removed';
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      record.lcp.push({ t: e.startTime, element: describe(e.element) });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'first-contentful-paint') record.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const note = () => {
    if (record.appAt === null && document.querySelector('script[type="module"]'))
      record.appAt = performance.now();
    for (const [key, value] of Object.entries(shown())) {
      const seen = record.seen[key];
      if (value !== null && seen.at(-1) !== value) seen.push(value);
    }
  };
  new MutationObserver(note).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  document.addEventListener('DOMContentLoaded', () => {
    record.first = shown();
    note();
  });
}

/** The recorder as a script for Playwright's `addInitScript`, with `shownValues` as its reader. */
export const recorderScript = `(${recorder})(${shownValues});`;
