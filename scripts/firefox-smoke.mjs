#!/usr/bin/env node
/**
 * `npm run test:firefox`: a smoke test of the Firefox build in stock Firefox (Debian's
 * firefox-esr), driven over WebDriver BiDi with no Playwright or geckodriver in between.
 *
 * Expects a Firefox MV3 build in .output/firefox-mv3 (the npm script builds it first). Runs
 * Firefox twice, once in a time zone where it is evening now and once where it is midday, each
 * time with a fresh profile: installs the build as a temporary add-on (no signing needed), opens
 * every page and checks its test hooks, and checks that the background page ran (alarms, badge,
 * messages). Ends with `N passed, N failed`; exits non-zero on any failure.
 *
 * Firefox starts with --remote-allow-system-access: BiDi may then navigate to moz-extension://
 * pages and evaluate in the browser window, which opens a new tab as Ctrl+T does and listens
 * for the extension's uncaught errors. The add-on's UUID is fixed by a pref in the profile.
 *
 * Environment: FIREFOX_BIN (default /usr/bin/firefox-esr), CLOSER_FIREFOX_DIR (the unpacked
 * build; default $CLOSER_OUT_DIR/firefox-mv3 or .output/firefox-mv3), FIREFOX_SMOKE_TIMEOUT_MS
 * (whole run; default 90000), CLOSER_RESULTS_JSON (also write the counts there, for `npm test`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { FIREFOX_MISSING, FIREFOX_PATH, hasFirefox } from './firefox.mjs';
import { dayZone, eveningZone } from './zones.mjs';

const EXTENSION_DIR = resolve(
  process.env.CLOSER_FIREFOX_DIR ?? join(process.env.CLOSER_OUT_DIR ?? '.output', 'firefox-mv3'),
);
const TIMEOUT_MS = Number(process.env.FIREFOX_SMOKE_TIMEOUT_MS ?? 90_000);
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
  if (firefox.exitCode === null && firefox.signalCode === null) {
    try {
      process.kill(-firefox.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/** A TCP port on the loopback that nothing listens on right now. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A minimal WebDriver BiDi client: numbered commands, their answers, and events. */
class Bidi {
  #socket;
  #nextId = 1;
  #pending = new Map();
  #listeners = new Set();

  constructor(socket) {
    this.#socket = socket;
    socket.on('message', (data) => this.#receive(JSON.parse(String(data))));
    socket.on('close', () => {
      for (const { fail } of this.#pending.values()) fail(new Error('BiDi connection closed'));
      this.#pending.clear();
    });
  }

  /** Opens a connection; rejects if nothing accepts it. */
  static connect(url) {
    return new Promise((done, fail) => {
      const socket = new WebSocket(url);
      socket.once('open', () => done(new Bidi(socket)));
      socket.once('error', fail);
    });
  }

  /** Retries `connect` until Firefox listens, it exits, or `ms` pass. */
  static async connectWhenReady(url, firefox, ms) {
    const deadline = Date.now() + ms;
    for (;;) {
      if (firefox.exitCode !== null || firefox.signalCode !== null) {
        throw new Error(`Firefox exited early (${firefox.exitCode ?? firefox.signalCode})`);
      }
      try {
        return await Bidi.connect(url);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(250);
      }
    }
  }

  #receive(message) {
    if (message.id !== undefined && this.#pending.has(message.id)) {
      const { done, fail, method } = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.type === 'error')
        fail(new Error(`${method}: ${message.error}: ${message.message}`));
      else done(message.result);
    } else if (message.type === 'event') {
      for (const listener of this.#listeners) listener(message);
    }
  }

  /** Sends one command and resolves with its result. */
  send(method, params = {}) {
    const id = this.#nextId++;
    return new Promise((done, fail) => {
      this.#pending.set(id, { done, fail, method });
      this.#socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `listener` with every event message. */
  onEvent(listener) {
    this.#listeners.add(listener);
  }

  close() {
    this.#socket.close();
  }
}

/**
 * Evaluates `expression` (may await) in a page and returns its value, sent back as JSON so
 * nested objects arrive whole. Throws on an exception in the page.
 */
async function evaluate(bidi, context, expression) {
  const answer = await bidi.send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (${expression})))()`,
    target: { context },
    awaitPromise: true,
  });
  if (answer.type === 'exception') throw new Error(answer.exceptionDetails.text);
  const { value } = answer.result;
  return value === undefined ? undefined : JSON.parse(value);
}

/**
 * Evaluates `expression` until `accept` likes its value or POLL_MS pass: pages mount
 * asynchronously. Returns the last value or error text, and whether it was accepted.
 */
async function poll(bidi, context, expression, accept) {
  const deadline = Date.now() + POLL_MS;
  let last;
  for (;;) {
    try {
      last = await evaluate(bidi, context, expression);
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

/**
 * Run in the browser window (chrome scope): collects console-service errors whose source is
 * one of the extension's files into `window.closerSmokeErrors`.
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

/** Reads a test hook's attributes: `null` until the element exists. */
const hook = (selector, attributes) =>
  `(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    return el && Object.fromEntries(${JSON.stringify(attributes)}.map((a) => [a, el.getAttribute(a)]));
  })()`;

const isCount = (value) => typeof value === 'string' && /^\d+$/.test(value);

/** Prefs for the fresh profile: the fixed extension UUID and an English UI. */
function userJs(addonId) {
  const prefs = {
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
    'intl.locale.requested': 'en-US',
    // Quiet: no default-browser question, no welcome page.
    'browser.shell.checkDefaultBrowser': false,
    'browser.aboutwelcome.enabled': false,
    'browser.startup.homepage_override.mstone': 'ignore',
  };
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
    .join('');
}

/** One Firefox run in `zone`, where it is evening now or not (`evening`). */
async function scenario({ label, zone, evening }, addonId) {
  console.log(`\n▶ ${label}: TZ=${zone}, evening expected: ${evening}`);
  const profile = mkdtempSync(join(tmpdir(), 'closer-firefox-'));
  writeFileSync(join(profile, 'user.js'), userJs(addonId));
  const port = await freePort();
  const firefox = spawn(
    FIREFOX_PATH,
    [
      '--headless',
      '--no-remote',
      '--remote-debugging-port',
      String(port),
      // Without it BiDi navigates only to http(s), file, blob and about:blank, not moz-extension.
      '--remote-allow-system-access',
      '--profile',
      profile,
    ],
    { env: { ...process.env, TZ: zone }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  running = { firefox, profile };
  let output = '';
  const collect = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  firefox.stdout.on('data', collect);
  firefox.stderr.on('data', collect);
  const exited = new Promise((done) => firefox.once('exit', done));

  let bidi;
  try {
    bidi = await Bidi.connectWhenReady(`ws://127.0.0.1:${port}/session`, firefox, 30_000);
    const { capabilities } = await bidi.send('session.new', { capabilities: {} });
    console.log(`  ${capabilities.browserName} ${capabilities.browserVersion}`);
    // BiDi sends no log events from extension pages (they are skipped until Firefox supports
    // debugging extensions), so the browser window listens to the console service instead: it
    // hears uncaught errors and rejections from every extension page and the background page.
    const { contexts } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const chrome = contexts.find(
      (c) => c.url === 'chrome://browser/content/browser.xhtml',
    )?.context;
    // Older Firefox (140 ESR) has no chrome scope in BiDi: those two checks are then skipped.
    const noChrome = 'this Firefox offers no chrome scope over BiDi';
    if (chrome) await evaluate(bidi, chrome, listenForErrors);

    const { extension } = await bidi.send('webExtension.install', {
      extensionData: { type: 'path', path: EXTENSION_DIR },
    });
    check('installs as a temporary add-on', extension === addonId, `got id ${extension}`);

    // A new tab the way Ctrl+T opens one: the override should put newtab.html in it.
    let tab;
    if (chrome) {
      await evaluate(bidi, chrome, '(window.BrowserCommands?.openTab ?? window.BrowserOpenTab)()');
      tab = await waitFor(async () => {
        const tree = await bidi.send('browsingContext.getTree', {});
        return tree.contexts.find((c) => c.url === `${BASE}/newtab.html`)?.context;
      });
      check('a new tab opens newtab.html (chrome_url_overrides)', Boolean(tab));
    } else {
      skip('a new tab opens newtab.html (chrome_url_overrides)', noChrome);
    }
    const context = tab ?? (await bidi.send('browsingContext.create', { type: 'tab' })).context;
    const open = (page) =>
      bidi.send('browsingContext.navigate', { context, url: `${BASE}/${page}`, wait: 'complete' });

    if (!tab) await open('newtab.html');
    const pageZone = await poll(
      bidi,
      context,
      'Intl.DateTimeFormat().resolvedOptions().timeZone',
      // Engines spell UTC either way.
      (v) => v === zone || (zone === 'UTC' && v === 'Etc/UTC'),
    );
    check(`pages see time zone ${zone}`, pageZone.ok, `got ${pageZone.value}`);
    /** The page's SPEC §12 root hook with the expected `data-evening`, and its week progress. */
    const checkSurface = async (page, testId) => {
      const root = await poll(
        bidi,
        context,
        hook(`[data-testid="${testId}"]`, ['data-evening']),
        (v) => ['true', 'false'].includes(v?.['data-evening']),
      );
      check(
        `${page}: data-testid="${testId}" with data-evening="${evening}"`,
        root.ok && root.value['data-evening'] === String(evening),
        JSON.stringify(root.value),
      );
      const week = await poll(
        bidi,
        context,
        hook('[data-testid="week-progress"]', ['data-count']),
        (v) => isCount(v?.['data-count']),
      );
      check(
        `${page}: week-progress with an integer data-count`,
        week.ok,
        JSON.stringify(week.value),
      );
    };
    await checkSurface('newtab.html', 'newtab');
    await open('popup.html');
    await checkSurface('popup.html', 'popup');

    await open('options.html');
    const exportButton = await poll(
      bidi,
      context,
      `[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Export data')`,
      (v) => v === true,
    );
    check(
      'options.html: has an "Export data" button',
      exportButton.ok,
      JSON.stringify(exportButton.value),
    );

    await open('evenings.html');
    const history = await poll(bidi, context, hook('[data-testid="history"]', ['class']), Boolean);
    check(
      'evenings.html: data-testid="history" renders',
      history.ok,
      JSON.stringify(history.value),
    );

    await open('ritual.html');
    const ritual = await poll(bidi, context, hook('[data-testid="ritual"]', ['data-step']), (v) =>
      Boolean(v?.['data-step']),
    );
    check(
      'ritual.html: data-testid="ritual" with a data-step',
      ritual.ok,
      JSON.stringify(ritual.value),
    );

    // The background page: it ran at install and scheduled the alarms for this moment.
    const expected = evening ? ['closer-evening-end', 'closer-tick'] : ['closer-next-evening'];
    const alarms = await poll(
      bidi,
      context,
      `browser.alarms.getAll().then((all) => all.map((a) => a.name).sort())`,
      (names) => JSON.stringify(names) === JSON.stringify(expected),
    );
    check(
      `background scheduled alarms ${expected.join(', ')}`,
      alarms.ok,
      JSON.stringify(alarms.value),
    );
    const badge = await poll(
      bidi,
      context,
      `Promise.all([browser.action.getBadgeText({}), browser.action.getTitle({})])`,
      ([text, title]) => (evening ? isCount(text) : text === '') && title === 'Closer',
    );
    check(
      `background set the toolbar badge (${evening ? 'minutes tonight' : 'empty'}), no error`,
      badge.ok,
      JSON.stringify(badge.value),
    );
    const reply = await poll(
      bidi,
      context,
      `browser.runtime.sendMessage({ name: 'observe', request: {} })`,
      (v) => v?.ok === true,
    );
    check('background answers an "observe" message', reply.ok, JSON.stringify(reply.value));
    const idle = await poll(bidi, context, `browser.idle.queryState(60)`, (v) =>
      ['active', 'idle', 'locked'].includes(v),
    );
    check('browser.idle answers queryState', idle.ok, JSON.stringify(idle.value));
    const background = await evaluate(bidi, context, `browser.runtime.getManifest().background`);
    check(
      'background is an event page (scripts), not a service worker',
      Array.isArray(background?.scripts) && !background.service_worker,
      JSON.stringify(background),
    );
    if (chrome) {
      const errors = await evaluate(bidi, chrome, 'window.closerSmokeErrors');
      check('no uncaught errors in the extension', errors.length === 0, errors.join('\n    '));
    } else {
      skip('no uncaught errors in the extension', noChrome);
    }
  } catch (error) {
    check(`${label} ran to the end`, false, `${error.message}\n    Firefox said:\n${output}`);
  } finally {
    // A polite close first, so Firefox does not leave a crash report; then the hard way.
    await bidi
      ?.send('browser.close')
      .catch(() => undefined)
      .finally(() => bidi.close());
    await Promise.race([exited, sleep(5000)]);
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
  await scenario({ label: 'Evening', zone: eveningZone(), evening: true }, addonId);
  await scenario({ label: 'Daytime', zone: dayZone(), evening: false }, addonId);
  clearTimeout(timer);
  finish();
}

await main();
