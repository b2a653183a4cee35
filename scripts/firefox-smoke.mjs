#!/usr/bin/env node
/**
 * `npm run test:firefox`: a smoke test of the Firefox build in stock Firefox (Debian's
 * firefox-esr), driven by puppeteer-core over WebDriver BiDi: no downloaded browser, no
 * geckodriver, no protocol client of our own.
 *
 * Expects a Firefox MV3 build in .output/firefox-mv3 (the npm script builds it first). Runs
 * Firefox once per scenario (a time zone where it is evening now or midday, and a UI language),
 * each time with a fresh profile: installs the build as a temporary add-on (no signing needed),
 * opens a real new tab, then checks each surface — new tab, popup, options, history, ritual, the
 * background page — in a function of its own. Ends with `N passed, N failed`; exits non-zero on
 * any failure.
 *
 * Two things puppeteer has no API for go through its own BiDi connection: opening a new tab the
 * way Ctrl+T does and hearing the extension's uncaught errors both need Firefox's browser window
 * (chrome scope; Firefox starts with --remote-allow-system-access for that). The add-on's UUID is
 * fixed by a pref, so its moz-extension:// URLs are known before Firefox starts.
 *
 * Environment: FIREFOX_BIN (default /usr/bin/firefox-esr), CLOSER_FIREFOX_DIR (the unpacked
 * build; default $CLOSER_OUT_DIR/firefox-mv3 or .output/firefox-mv3), FIREFOX_SMOKE_TIMEOUT_MS
 * (whole run; default 120000), CLOSER_RESULTS_JSON (also write the counts there, for `npm test`).
 */
/* global browser -- the functions handed to page.evaluate run in extension pages */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { FIREFOX_LANGUAGE_PACK, FIREFOX_MISSING, FIREFOX_PATH, hasFirefox } from './firefox.mjs';
import { dayZone, eveningZone } from './zones.mjs';

const EXTENSION_DIR = resolve(
  process.env.CLOSER_FIREFOX_DIR ?? join(process.env.CLOSER_OUT_DIR ?? '.output', 'firefox-mv3'),
);
const TIMEOUT_MS = Number(process.env.FIREFOX_SMOKE_TIMEOUT_MS ?? 120_000);
/** Fixed through a pref, so the moz-extension:// origin is known before Firefox starts. */
const EXTENSION_UUID = '5c7e1a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const BASE = `moz-extension://${EXTENSION_UUID}`;
/** How long one page may take to mount and show what a check waits for. */
const POLL_MS = 15_000;

let passed = 0;
let failed = 0;
let skipped = 0;
/** The Firefox and profile of the scenario under way, for cleanup on timeout or Ctrl-C. */
let running = null;

/** Prints one check's outcome and counts it. */
function check(title, ok, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '✖'} ${title}${!ok && detail ? `\n    ${detail}` : ''}`);
}

/** Prints a check this Firefox cannot run, and why. */
function skip(title, why) {
  skipped += 1;
  console.log(`– ${title} (skipped: ${why})`);
}

function finish() {
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  // `npm test` adds these counts to its closing line.
  if (process.env.CLOSER_RESULTS_JSON) {
    writeFileSync(process.env.CLOSER_RESULTS_JSON, JSON.stringify({ passed, failed, skipped }));
  }
  process.exit(failed > 0 ? 1 : 0);
}

/** Kills the running Firefox (its whole process group) and removes its profile, synchronously. */
function killRunning() {
  if (!running) return;
  const { firefox, profile } = running;
  running = null;
  const child = firefox?.process();
  if (child && child.exitCode === null && child.signalCode === null) {
    try {
      // Puppeteer starts Firefox as the leader of its own process group.
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Runs `read` in the page (it may be async) until `accept` likes its value or POLL_MS pass:
 * pages mount and the background works asynchronously. Returns the last value or error text,
 * and whether it was accepted.
 */
async function until(page, read, accept, arg) {
  const deadline = Date.now() + POLL_MS;
  let last;
  for (;;) {
    try {
      last = await page.evaluate(read, arg);
      if (accept(last)) return { ok: true, value: last };
    } catch (error) {
      last = `error: ${error.message}`;
    }
    if (Date.now() > deadline) return { ok: false, value: last };
    await sleep(200);
  }
}

/** Calls `probe` until it returns something truthy or POLL_MS pass; then that, or undefined. */
async function waitFor(probe) {
  const deadline = Date.now() + POLL_MS;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(200);
  }
  return undefined;
}

/** A test hook's attributes once it has them all; `{ error }` if it never does. */
async function hook(page, testId, attributes) {
  const selector = `[data-testid="${testId}"]${attributes.map((a) => `[${a}]`).join('')}`;
  try {
    const element = await page.waitForSelector(selector, { timeout: POLL_MS });
    return await element.evaluate(
      (el, names) => Object.fromEntries(names.map((a) => [a, el.getAttribute(a)])),
      attributes,
    );
  } catch (error) {
    return { error: error.message };
  }
}

const isCount = (value) => typeof value === 'string' && /^\d+$/.test(value);

/**
 * Firefox's browser window (chrome scope), over puppeteer's own BiDi connection: puppeteer has no
 * API for the browser's UI, and this beats a protocol client of our own. `moz:scope` is Firefox's
 * extension to `browsingContext.getTree`; Firefox 140 ESR does not offer it (then undefined).
 */
async function browserWindow(firefox) {
  const { result } = await firefox.connection.send('browsingContext.getTree', {
    'moz:scope': 'chrome',
  });
  const context = result.contexts.find(
    (c) => c.url === 'chrome://browser/content/browser.xhtml',
  )?.context;
  if (!context) return undefined;
  /** Evaluates `expression` (may await) there; its value comes back as JSON. */
  return async (expression) => {
    const { result: answer } = await firefox.connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
    });
    if (answer.type === 'exception') throw new Error(answer.exceptionDetails.text);
    const { value } = answer.result;
    return value === undefined ? undefined : JSON.parse(value);
  };
}

/**
 * Run in the browser window: collects console-service errors whose source is one of the
 * extension's files into `window.closerSmokeErrors`. BiDi sends no log events from extension
 * pages (Firefox skips them until it supports debugging extensions), so puppeteer's `pageerror`
 * never fires there; the console service hears every extension page and the background page.
 */
const listenForErrors = `(() => {
  const errors = (window.closerSmokeErrors = []);
  Services.console.registerListener({
    observe(message) {
      if (
        message instanceof Ci.nsIScriptError &&
        message.logLevel === Ci.nsIConsoleMessage.error &&
        message.sourceName.startsWith(${JSON.stringify(BASE)})
      ) {
        errors.push(message.sourceName + ': ' + message.errorMessage);
      }
    },
  });
  return true;
})()`;

/** The build's own strings in `lang` (`_locales/<lang>/messages.json`), as the extension ships them. */
function shippedMessages(lang) {
  const folder = [lang.replace('-', '_'), lang.split('-')[0]]
    .map((name) => join(EXTENSION_DIR, '_locales', name, 'messages.json'))
    .find((file) => existsSync(file));
  if (!folder) throw new Error(`The build has no _locales for ${lang}`);
  const messages = JSON.parse(readFileSync(folder, 'utf8'));
  return (key) => messages[key]?.message ?? key;
}

/**
 * Whether the page speaks `run.lang`: `<html lang>` has its language and every one of `keys`
 * shows, in that language, as a button or link.
 */
async function checkLanguage(run, keys) {
  const texts = keys.map(run.message);
  const language = run.lang.split('-')[0];
  const shown = await until(
    run.page,
    (wanted) => {
      const labels = new Set(
        [...document.querySelectorAll('button, a')].map((el) => el.textContent.trim()),
      );
      return { lang: document.documentElement.lang, missing: wanted.filter((t) => !labels.has(t)) };
    },
    (v) => v?.lang?.split('-')[0] === language && v.missing.length === 0,
    texts,
  );
  check(
    `${run.path}: speaks ${run.lang} (${texts.map((t) => `"${t}"`).join(', ')})`,
    shown.ok,
    JSON.stringify(shown.value),
  );
}

/** The page's SPEC §12 root hook with the expected `data-evening`, and its week progress. */
async function checkRootAndWeek(run, testId) {
  const root = await hook(run.page, testId, ['data-evening']);
  check(
    `${run.path}: data-testid="${testId}" with data-evening="${run.evening}"`,
    root['data-evening'] === String(run.evening),
    JSON.stringify(root),
  );
  const week = await hook(run.page, 'week-progress', ['data-count']);
  check(
    `${run.path}: week-progress with an integer data-count`,
    isCount(week['data-count']),
    JSON.stringify(week),
  );
}

/** The new tab Ctrl+T opened: Closer's override, in the scenario's zone and language. */
async function newtab(run) {
  const zone = await until(
    run.page,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    // Engines spell UTC either way.
    (v) => v === run.zone || (run.zone === 'UTC' && v === 'Etc/UTC'),
  );
  check(`pages see time zone ${run.zone}`, zone.ok, `got ${zone.value}`);
  const ui = await until(
    run.page,
    () => browser.i18n.getUILanguage(),
    (v) => v?.split('-')[0] === run.lang.split('-')[0],
  );
  check(
    `Firefox's UI language is ${run.lang}`,
    ui.ok,
    `got ${ui.value}: Firefox needs its ${run.lang} language pack` +
      (run.lang === FIREFOX_LANGUAGE_PACK.lang ? ` (${FIREFOX_LANGUAGE_PACK.apt})` : ''),
  );
  await checkRootAndWeek(run, 'newtab');
  await checkLanguage(run, ['link_ritual', ...(run.evening ? ['newtab_need_it'] : [])]);
  // Opened again, it paints the snapshot the first visit stored, and snapshot.js adds the app
  // at once, not after its fallback (500 ms, and a second where timers are slowed: a hidden tab).
  await open(run.page, 'newtab.html?again');
  const again = await until(
    run.page,
    () => ({
      snapshot: Boolean(localStorage.getItem('closer:snapshot:newtab')),
      settled: performance.getEntriesByName('closer:settled')[0]?.startTime ?? null,
    }),
    (v) => v.settled !== null,
  );
  check(
    'newtab.html again: painted from its snapshot, the app settled within 450 ms',
    again.ok && again.value.snapshot && again.value.settled < 450,
    JSON.stringify(again.value),
  );
}

/** The toolbar popup, as a page. */
async function popup(run) {
  await checkRootAndWeek(run, 'popup');
  await checkLanguage(run, ['link_ritual', ...(run.evening ? ['action_put_down'] : [])]);
}

/** The options page: SPEC §12 names its export button in English. */
async function options(run) {
  const exportButton = await until(
    run.page,
    () =>
      [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Export data'),
    (v) => v === true,
  );
  check(
    `${run.path}: has an "Export data" button`,
    exportButton.ok,
    JSON.stringify(exportButton.value),
  );
}

/** The history page. */
async function history(run) {
  const root = await hook(run.page, 'history', ['class']);
  check(`${run.path}: data-testid="history" renders`, !root.error, JSON.stringify(root));
}

/** The end-of-day ritual. */
async function ritual(run) {
  const root = await hook(run.page, 'ritual', ['data-step']);
  check(
    `${run.path}: data-testid="ritual" with a data-step`,
    Boolean(root['data-step']),
    JSON.stringify(root),
  );
}

/**
 * The background page: it ran at install and scheduled the alarms for this moment. Reads go
 * through the event page's own window (`runtime.getBackgroundPage()`, which wakes it), so they
 * show what the background itself sees; the message goes from a page, as the popup sends it.
 * (Extension pages may not eval, so each read is a function of its own.)
 */
async function background(run) {
  const { page, evening } = run;
  const alive = await until(
    page,
    async () => {
      const bg = await browser.runtime.getBackgroundPage();
      return [bg.location.pathname, bg.document.readyState];
    },
    (v) => v?.[0] === '/_generated_background_page.html' && v[1] === 'complete',
  );
  check('the event page runs (runtime.getBackgroundPage)', alive.ok, JSON.stringify(alive.value));
  const expected = evening ? ['closer-evening-end', 'closer-tick'] : ['closer-next-evening'];
  const alarms = await until(
    page,
    async () => {
      const bg = await browser.runtime.getBackgroundPage();
      return [...(await bg.browser.alarms.getAll())].map((a) => a.name).sort();
    },
    (names) => JSON.stringify(names) === JSON.stringify(expected),
  );
  check(
    `background scheduled alarms ${expected.join(', ')}`,
    alarms.ok,
    JSON.stringify(alarms.value),
  );
  const badge = await until(
    page,
    async () => {
      const bg = await browser.runtime.getBackgroundPage();
      return Promise.all([bg.browser.action.getBadgeText({}), bg.browser.action.getTitle({})]);
    },
    (v) => Array.isArray(v) && (evening ? isCount(v[0]) : v[0] === '') && v[1] === 'Closer',
  );
  check(
    `background set the toolbar badge (${evening ? 'minutes tonight' : 'empty'}), no error`,
    badge.ok,
    JSON.stringify(badge.value),
  );
  const reply = await until(
    page,
    () => browser.runtime.sendMessage({ name: 'observe', request: {} }),
    // The worker answers through sendResponse: { value } or { error } (utils/engine/messages.ts).
    (v) => v?.value?.ok === true,
  );
  check('background answers an "observe" message', reply.ok, JSON.stringify(reply.value));
  const idle = await until(
    page,
    async () => (await browser.runtime.getBackgroundPage()).browser.idle.queryState(60),
    (v) => ['active', 'idle', 'locked'].includes(v),
  );
  check('browser.idle answers queryState', idle.ok, JSON.stringify(idle.value));
  const manifest = await page.evaluate(() => browser.runtime.getManifest().background);
  check(
    'background is an event page (scripts), not a service worker',
    Array.isArray(manifest?.scripts) && !manifest.service_worker,
    JSON.stringify(manifest),
  );
}

/** Every surface's checks and the page they run on, in the order a full scenario visits them. */
const SURFACES = [
  [newtab, 'newtab.html'],
  [popup, 'popup.html'],
  [options, 'options.html'],
  [history, 'evenings.html'],
  [ritual, 'ritual.html'],
  // Any extension page may reach the background; the ritual is already open.
  [background, 'ritual.html'],
];

/**
 * Puts `page` on the extension's `path`. `page.goto` never resolves for moz-extension pages
 * (Firefox sends no load events for them; puppeteer/puppeteer#14314), so an extension page
 * navigates itself, as a link would, and we wait until the new document is complete.
 */
async function open(page, path) {
  const url = `${BASE}/${path}`;
  const from = await page.evaluate(() => location.href).catch(() => '');
  if (from === url) return;
  if (from.startsWith(`${BASE}/`)) {
    await page.evaluate((to) => location.assign(to), url);
  } else {
    // A web page may not navigate to an extension page; only the start page (when Firefox offers
    // no chrome scope) gets here. Its goto would wait out the timeout, so it is not awaited.
    page.goto(url).catch(() => undefined);
  }
  // Polled from here: a wait inside the page would die with the document it started in.
  const arrived = await until(
    page,
    () => [location.href, document.readyState],
    ([href, state]) => href === url && state === 'complete',
  );
  if (!arrived.ok) throw new Error(`${path} did not open: ${JSON.stringify(arrived.value)}`);
}

/**
 * One Firefox run in `zone` (evening now or not) with its UI in `lang`, visiting `surfaces`.
 * The language comes from the `intl.locale.requested` pref; Debian's firefox-esr needs the
 * matching language pack (firefox-esr-l10n-*), or it stays in English.
 */
async function scenario({ label, zone, evening, lang, surfaces }, addonId) {
  console.log(`\n▶ ${label}: TZ=${zone}, ${lang}, evening expected: ${evening}`);
  // Our own profile directory, not puppeteer's temporary one: a timeout or Ctrl-C must remove it
  // synchronously, before the process exits.
  const profile = mkdtempSync(join(tmpdir(), 'closer-firefox-'));
  running = { firefox: null, profile };
  let output = '';
  let firefox;
  try {
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      protocol: 'webDriverBiDi',
      headless: true,
      userDataDir: profile,
      // Without it BiDi offers no chrome scope and will not navigate to moz-extension.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
        'intl.locale.requested': lang,
        'browser.aboutwelcome.enabled': false,
      },
      env: { ...process.env, TZ: zone },
      defaultViewport: null,
      // Cleanup is ours (killRunning), so the profile goes too.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    running.firefox = firefox;
    const collect = (chunk) => {
      output = (output + chunk).slice(-4000);
    };
    firefox.process()?.stdout?.on('data', collect);
    firefox.process()?.stderr?.on('data', collect);
    console.log(`  ${await firefox.version()}`);

    const inWindow = await browserWindow(firefox);
    const noChrome = 'this Firefox offers no chrome scope over BiDi';
    if (inWindow) await inWindow(listenForErrors);

    const extension = await firefox.installExtension(EXTENSION_DIR);
    check('installs as a temporary add-on', extension === addonId, `got id ${extension}`);

    // A new tab the way Ctrl+T opens one: the override should put newtab.html in it. Puppeteer
    // sees the tab but not its URL (no navigation events for extension pages), so ask each page.
    let page;
    if (inWindow) {
      await inWindow('(window.BrowserCommands?.openTab ?? window.BrowserOpenTab)()');
      page = await waitFor(async () => {
        for (const candidate of await firefox.pages()) {
          const href = await candidate.evaluate(() => location.href).catch(() => '');
          if (href === `${BASE}/newtab.html`) return candidate;
        }
        return undefined;
      });
      check('a new tab opens newtab.html (chrome_url_overrides)', Boolean(page));
    } else {
      skip('a new tab opens newtab.html (chrome_url_overrides)', noChrome);
    }
    page ??= (await firefox.pages())[0] ?? (await firefox.newPage());

    const message = shippedMessages(lang);
    for (const [surface, path] of surfaces) {
      const run = { page, path, zone, evening, lang, message };
      try {
        await open(page, path);
        await surface(run);
      } catch (error) {
        check(`${path}: ${surface.name} ran to the end`, false, error.message);
      }
    }

    if (inWindow) {
      const errors = await inWindow('window.closerSmokeErrors');
      check('no uncaught errors in the extension', errors.length === 0, errors.join('\n    '));
    } else {
      skip('no uncaught errors in the extension', noChrome);
    }
  } catch (error) {
    check(`${label} ran to the end`, false, `${error.message}\n    Firefox said:\n${output}`);
  } finally {
    // A polite close first, so Firefox does not leave a crash report; then the hard way.
    await Promise.race([firefox?.close().catch(() => undefined), sleep(5000)]);
    killRunning();
  }
}

async function main() {
  if (!hasFirefox()) {
    console.error(FIREFOX_MISSING);
    process.exit(1);
  }
  const manifestPath = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    console.error(`No Firefox build in ${EXTENSION_DIR}. Build it with: npm run build:firefox`);
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  check(`${EXTENSION_DIR} is a Manifest V3 build`, manifest.manifest_version === 3);

  const timer = setTimeout(() => {
    check(`finished within ${TIMEOUT_MS / 1000} s`, false);
    killRunning();
    finish();
  }, TIMEOUT_MS);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      killRunning();
      process.exit(130);
    });
  }

  // The default schedule is 20:00–23:00 every day: 21:xx is well inside, 12:xx well outside.
  const scenarios = [
    { label: 'Evening', zone: eveningZone(), evening: true, lang: 'en-US' },
    { label: 'Daytime', zone: dayZone(), evening: false, lang: 'en-US' },
    // Short: the extension's strings follow Firefox's UI language.
    {
      label: 'Translated',
      zone: eveningZone(),
      evening: true,
      lang: FIREFOX_LANGUAGE_PACK.lang,
      only: [newtab, popup],
    },
  ];
  for (const { only, ...rest } of scenarios) {
    const surfaces = only ? SURFACES.filter(([surface]) => only.includes(surface)) : SURFACES;
    await scenario({ ...rest, surfaces }, addonId);
  }
  clearTimeout(timer);
  finish();
}

await main();
