#!/usr/bin/env node
// `npm run bench`: the SPEC §11 performance figures, each beside its budget, measured in
// headless Chromium with a fresh build. Writes the figures as JSON to bench-results/ (one file
// per commit plus latest.json) and exits non-zero when a budget is missed. Timings live here,
// not in `npm test`: only the deterministic size check runs there.
//
// Paints: the new tab and the popup are each loaded in turn with a bare page of the same
// extension (order flipping every round), in the evening and in the day, warm (worker running)
// and cold (every service worker stopped before each load, CDP ServiceWorker.stopAllWorkers).
// A script installed before any page script (CDP Page.addScriptToEvaluateOnNewDocument)
// records first and largest contentful paint, the largest paint's element, what the page showed
// once parsed (its first frame with content: the snapshot, before the app loads), and every value
// the prompt, tonight's minutes, the week's count and the evening state ever had: a load whose
// page settles on anything else than it first showed, or that changes any of them, is a content
// swap.
//
// The still rows load each page's last rendering as a static document (its snapshot's styles
// and markup in its own head, no script) against the bare page: what the first frame costs for
// the content alone, so the paint ratios can be read as content plus the snapshot's mechanism.
// The "over its still page's" rows divide each LCP ratio by its page's still ratio in the same
// zone: what the mechanism adds to the content's own price (no budget in SPEC §11; see README).
import { chromium } from '@playwright/test';
import { execSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_MISSING, CHROMIUM_PATH, chromiumArgs, hasChromium } from './chromium.mjs';
import { recorderScript, shownValues } from './content-record.mjs';
import { measureSizes } from './sizes.mjs';
import { dayZone, eveningZone } from './zones.mjs';

const OUT = resolve('.output-bench');
const BUILD = join(OUT, 'chrome-mv3');
/** The build plus one bare page, loaded as the extension so both pages share origin and process. */
const COPY = join(OUT, 'bench-copy');
const RESULTS = resolve('bench-results');

/** Loads of each page (and as many of the bare page) per zone and mode, after warm-up. */
const PAINT_LOADS = Number(process.env.BENCH_LOADS ?? 31);
const WARM_UP = 3;
/** History reads per stored dataset, split into rounds that alternate the dataset. */
const READ_ROUNDS = 5;
const READ_LOADS_PER_ROUND = 20;

const BARE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>Bare</title></head>
<body><h1>Closer</h1><p>A bare static page to compare first paint against.</p></body></html>
`;

/** Pages with no app: nothing to wait for once loaded. */
const isStatic = (path) => path === 'bare.html' || path.startsWith('still-');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function build() {
  console.log('Building into .output-bench …');
  const run = spawnSync('npx', ['wxt', 'build'], {
    env: { ...process.env, CLOSER_OUT_DIR: '.output-bench' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error('The build failed; run `npm run build` to see why.');
  rmSync(COPY, { recursive: true, force: true });
  cpSync(BUILD, COPY, { recursive: true });
  writeFileSync(join(COPY, 'bare.html'), BARE_PAGE);
}

/** Chromium with the bench copy loaded, in a given zone; returns the context and extension id. */
async function launch(timeZone) {
  const profile = mkdtempSync(join(tmpdir(), 'closer-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'en',
    env: { ...process.env, TZ: timeZone },
    args: chromiumArgs(COPY),
  });
  await context.addInitScript(recorderScript);
  const running = () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  const id = new URL(
    (running() ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }))).url(),
  ).host;
  const url = (path) => `chrome-extension://${id}/${path}`;
  /** The worker, woken by a page's message if the cold rounds left it stopped. */
  const worker = async () => {
    const started = context.waitForEvent('serviceworker', { timeout: 15_000 });
    const page = await context.newPage();
    await page.goto(url('bare.html'));
    await page.evaluate(() =>
      globalThis.chrome.runtime.sendMessage({ name: 'observe', request: {} }).catch(() => {}),
    );
    await page.close();
    const now = running();
    if (now) {
      started.catch(() => {});
      return now;
    }
    return started;
  };
  // The ServiceWorker domain works from any page of the profile: the blank one every context has.
  const blank = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(blank);
  await cdp.send('ServiceWorker.enable');
  const browserCdp = await context.browser().newBrowserCDPSession();
  const close = async () => {
    // A browser that died already reported why; closing it again would hide that.
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return {
    context,
    worker,
    cdp,
    browserCdp,
    url: (path) => `chrome-extension://${id}/${path}`,
    close,
  };
}

/** Stops every service worker, through a CDP session on the context's blank page (no extension page stays open). */
async function stopWorkers(ext) {
  // Asked again every half second: the evening's minute alarm can wake the worker right after
  // it stopped, and a woken worker stays up for half a minute.
  for (let i = 0, deadline = Date.now() + 10_000; Date.now() < deadline; i += 1) {
    if (i % 25 === 0) await ext.cdp.send('ServiceWorker.stopAllWorkers');
    const { targetInfos } = await ext.browserCdp.send('Target.getTargets');
    if (!targetInfos.some((t) => t.type === 'service_worker')) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  const { targetInfos } = await ext.browserCdp.send('Target.getTargets');
  throw new Error(
    `The service worker did not stop: ${JSON.stringify(targetInfos.filter((t) => t.type === 'service_worker'))}`,
  );
}

/**
 * One fresh load of `path`: its paints, what it showed, and the scripts it fetched. The new tab
 * and popup are waited for until they show what they read from storage (their `closer:settled`
 * mark) and a moment more; the bare page until its load event.
 */
async function loadOnce(ext, path) {
  const page = await ext.context.newPage();
  const scripts = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js')) scripts.push(url.pathname.slice(1));
  });
  await page.goto(ext.url(path), { waitUntil: 'load' });
  if (!isStatic(path)) {
    await page.waitForFunction(
      () => performance.getEntriesByName('closer:settled').length > 0,
      null,
      {
        polling: 20,
        timeout: 10_000,
      },
    );
  }
  // Let the last paints be reported (paint entries arrive between evaluations in headless Chromium).
  let record;
  for (let waited = 0; ; waited += 20) {
    await page.waitForTimeout(20);
    record = await page.evaluate(() => globalThis.__closerRecord);
    if ((record.fcp !== null && record.lcp.length && waited >= 100) || waited > 5000) break;
  }
  const settled = await page.evaluate(shownValues);
  await page.close();
  if (record.fcp === null || !record.lcp.length)
    throw new Error(`${path}: no paint entries after 5 s`);
  const lcp = record.lcp.at(-1);
  return {
    fcp: record.fcp,
    lcp: lcp.t,
    element: lcp.element,
    first: record.first,
    seen: record.seen,
    settled,
    scripts,
  };
}

/**
 * Writes `page`'s last rendering as a static document beside it (`still-<page>`): the built
 * page's head without its scripts, the snapshot's styles and markup, no script. Returns its path.
 */
async function writeStillCopy(ext, page) {
  const reader = await ext.context.newPage();
  await reader.goto(ext.url('bare.html'));
  const key = `closer:snapshot:${page.replace('.html', '')}`;
  const snapshots = await reader.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '[]'), key);
  await reader.close();
  const now = Date.now();
  const snapshot = snapshots.find((s) => s.from <= now && now < s.until);
  if (!snapshot) throw new Error(`${page}: no snapshot to copy after warm-up`);
  const built = readFileSync(join(COPY, page), 'utf8');
  const head = built
    .slice(0, built.indexOf('</head>'))
    .replace(/<link rel="(expect|modulepreload)"[^>]*>|<script[^>]*><\/script>/g, '');
  const path = `still-${page}`;
  writeFileSync(
    join(COPY, path),
    // `go`: all of it at once, as the snapshot once its first frame is on screen (its styles show
    // the prompt alone before that, see LEAD_CSS in components/snapshot-writer.ts).
    `${head}<style>${snapshot.css}</style></head>\n<body><div id="app" class="go">${snapshot.html}</div></body></html>\n`,
  );
  return path;
}

/**
 * Tonight's minutes going up by one while a page is open: the worker's minute tick (or its
 * catching up on waking), the live figure the page follows, not a swap. Only the worker knows the
 * minutes, so no snapshot shows them; the page shows what is stored, then each tick.
 */
const minuteTick = (key, values) =>
  key === 'minutes' && values.length === 2 && Number(values[1]) === Number(values[0]) + 1;

/** What went wrong with one load's content, if anything: a swap, or a first content without a prompt. */
function contentProblem(load) {
  const { first, seen, settled } = load;
  const changed = Object.entries(seen).filter(
    ([key, values]) => new Set(values).size > 1 && !minuteTick(key, values),
  );
  if (changed.length)
    return `changed ${changed.map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ')}`;
  if (!first?.prompt) return 'no prompt once parsed (no snapshot painted)';
  for (const key of ['prompt', 'count', 'evening']) {
    if (first[key] !== settled[key])
      return `first painted ${key} ${first[key]}, settled on ${settled[key]}`;
  }
  return null;
}

/**
 * Opens each page until it paints from a snapshot: once the worker has run (a page keeps no
 * snapshot before past evenings are settled) and each page has stored what it showed.
 */
async function warmUp(ext) {
  for (const page of ['newtab.html', 'popup.html']) {
    for (let i = 0, painted = 0; painted < WARM_UP; i += 1) {
      if (i > 20) throw new Error(`${page} never painted from its snapshot during warm-up.`);
      const load = await loadOnce(ext, page);
      await loadOnce(ext, 'bare.html');
      if (load.first?.prompt) painted += 1;
    }
  }
}

/**
 * Loads `page` and the bare page in turn (order flipping each round), warm or with the worker
 * stopped before every load; returns the medians and every load of the page.
 */
async function paintRound(ext, page, cold) {
  const bare = [];
  const target = [];
  for (let i = 0; i < PAINT_LOADS; i += 1) {
    const pair = [
      async () => bare.push(await loadOnce(ext, 'bare.html')),
      async () => target.push(await loadOnce(ext, page)),
    ];
    if (i % 2) pair.reverse();
    for (const load of pair) {
      if (cold) await stopWorkers(ext);
      await load();
    }
  }
  const m = (loads, key) => median(loads.map((l) => l[key]));
  return {
    page: { fcp: m(target, 'fcp'), lcp: m(target, 'lcp') },
    bare: { fcp: m(bare, 'fcp'), lcp: m(bare, 'lcp') },
    loads: target,
  };
}

/** The most frequent value of a list, with how often it came. */
function mostCommon(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [value, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return `${value}${count < values.length ? ` (${count} of ${values.length})` : ''}`;
}

/** Runs in an extension page: writes or deletes raw entries in Closer's IndexedDB store. */
async function writeStore(ext, put, remove) {
  const page = await ext.context.newPage();
  await page.goto(ext.url('bare.html'));
  await page.evaluate(
    async ({ put, remove }) => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('closer');
        request.onupgradeneeded = () => request.result.createObjectStore('data');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise((resolve, reject) => {
        const tx = db.transaction('data', 'readwrite');
        const store = tx.objectStore('data');
        for (const [key, value] of put) store.put(value, key);
        for (const key of remove) store.delete(key);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { put, remove },
  );
  await page.close();
}

/** Realistic stored evenings: one a day for `days` days up to today, some with check-ins. */
function evenings(today, days) {
  const entries = [];
  const base = new Date(`${today}T12:00:00Z`);
  for (let i = 0; i < days; i += 1) {
    const day = new Date(base.getTime() - i * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const at = `${date}T20:30:00.000Z`;
    entries.push([
      `evening:${date}`,
      {
        date,
        screenMinutes: (i * 7) % 90,
        status: i % 3 ? 'distraction-free' : 'over',
        nudges: i % 2,
        checkIns:
          i % 4 ? [] : [{ kinds: ['emotional', 'physical'], at, note: 'a walk after dinner' }],
        reasons: i % 5 ? [] : [{ at, source: 'snooze', text: 'finishing an email' }],
      },
    ]);
  }
  return entries;
}

/**
 * The history page's own measure of its 26-week read. The page is loaded once, then asked to
 * re-read with the worker's change broadcast, so each read runs on a quiet page.
 */
async function historyReads(ext, count) {
  const page = await ext.context.newPage();
  await page.goto(ext.url('evenings.html'));
  await page.getByTestId('week-progress').waitFor();
  const measures = () =>
    page.evaluate(() => performance.getEntriesByName('closer:history-read').map((e) => e.duration));
  const sender = await ext.context.newPage();
  await sender.goto(ext.url('bare.html'));
  for (let i = 0; i < count; i += 1) {
    const before = (await measures()).length;
    await sender.evaluate(() =>
      globalThis.chrome.runtime.sendMessage({ name: 'closer:changed' }).catch(() => {}),
    );
    await page.waitForFunction(
      (n) => performance.getEntriesByName('closer:history-read').length > n,
      before,
    );
    await page.waitForTimeout(20);
  }
  const all = await measures();
  await Promise.all([page.close(), sender.close()]);
  if (all.length === 0)
    throw new Error('The history page recorded no closer:history-read measure.');
  return all.slice(1);
}

/** History read with one and with five years stored, switching between them in rounds. */
async function historyReadsByYears(ext) {
  const today = await (await ext.worker()).evaluate(() => new Date().toLocaleDateString('en-CA'));
  const all = evenings(today, 5 * 365 + 1);
  const recent = all.slice(0, 366);
  const older = all.slice(366);
  const times = { oneYear: [], fiveYears: [] };
  await writeStore(ext, recent, []);
  for (let r = 0; r < READ_ROUNDS; r += 1) {
    await writeStore(
      ext,
      [],
      older.map(([key]) => key),
    );
    times.oneYear.push(...(await historyReads(ext, READ_LOADS_PER_ROUND)));
    await writeStore(ext, older, []);
    times.fiveYears.push(...(await historyReads(ext, READ_LOADS_PER_ROUND)));
  }
  return {
    oneYear: median(times.oneYear),
    fiveYears: median(times.fiveYears),
    loads: times.oneYear.length,
  };
}

/** The worker's alarms once it has settled after start-up. */
async function settledAlarms(ext) {
  const worker = await ext.worker();
  const read = () => worker.evaluate(() => globalThis.chrome.alarms.getAll());
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    if ((await read()).length) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // Give start-up's last alarm changes a moment, then read the settled set.
  await new Promise((r) => setTimeout(r, 500));
  return read();
}

/** Alarm firings an hour of this alarm set causes: periodic ones by period, one-shots due within the hour once. */
function wakeUpsPerHour(alarms, now) {
  return alarms.reduce(
    (sum, a) =>
      sum +
      (a.periodInMinutes ? 60 / a.periodInMinutes : a.scheduledTime <= now + 3_600_000 ? 1 : 0),
    0,
  );
}

function commit() {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * The new tab's and popup's paints in one zone, warm and cold, against the bare page's: adds
 * their rows to `out` and returns the loads' content problems and unexpected scripts.
 */
async function paints(ext, state, open, out) {
  const started = Date.now();
  await warmUp(ext);
  const problems = [];
  let ticks = 0;
  const unexpected = [];
  /** Each page's still ratio in this zone (measured warm; a page with no script has no worker to wait for). */
  const stills = {};
  for (const mode of ['warm', 'cold']) {
    const bare = { fcp: [], lcp: [] };
    const where = `${state}, ${mode}`;
    for (const [name, page, fcpBudget] of [
      ['new-tab', 'newtab.html', 1.2],
      ['popup', 'popup.html', 1.3],
    ]) {
      const paint = await paintRound(ext, page, mode === 'cold');
      console.log(`  ${name}, ${where}: ${round((Date.now() - started) / 1000, 0)} s`);
      bare.fcp.push(paint.bare.fcp);
      bare.lcp.push(paint.bare.lcp);
      const fcp = paint.page.fcp / paint.bare.fcp;
      const lcp = paint.page.lcp / paint.bare.lcp;
      const ms = (a, b) => `${round(a, 1)} ms vs ${round(b, 1)} ms`;
      out.paint.push(
        [
          `${name} FCP ÷ bare, ${where}`,
          fcp.toFixed(2),
          '×',
          `≤ ${fcpBudget.toFixed(2)}`,
          fcp <= fcpBudget,
          ms(paint.page.fcp, paint.bare.fcp),
        ],
        [
          `${name} LCP ÷ bare, ${where}`,
          lcp.toFixed(2),
          '×',
          '≤ 1.30',
          lcp <= 1.3,
          `${ms(paint.page.lcp, paint.bare.lcp)}; largest: ${mostCommon(paint.loads.map((l) => l.element))}`,
        ],
      );
      if (mode === 'warm') {
        // The same first frame with nothing to run: the content's own cost.
        const still = await paintRound(ext, await writeStillCopy(ext, page), false);
        stills[page] = still.page.fcp / still.bare.fcp;
        out.bare.push([
          `${name} as a still page (its snapshot, no script) FCP ÷ bare, ${state}`,
          stills[page].toFixed(2),
          '×',
          '—',
          true,
          ms(still.page.fcp, still.bare.fcp),
        ]);
      }
      // What the mechanism adds to the content's own price: the LCP ratio over the still ratio.
      const overStill = lcp / stills[page];
      out.mechanism.push([
        `${name} LCP ÷ bare, over its still page's, ${where}`,
        overStill.toFixed(2),
        '×',
        '—',
        true,
        `${lcp.toFixed(2)} over ${stills[page].toFixed(2)}`,
      ]);
      for (const load of paint.loads) {
        const problem = contentProblem(load);
        if (problem) problems.push(`${name} ${mode}: ${problem}`);
        if (minuteTick('minutes', load.seen.minutes)) ticks += 1;
        const extra = load.scripts.filter((f) => !open[page].has(f));
        if (extra.length) unexpected.push(`${name} ${where}: ${extra.join(', ')}`);
      }
    }
    out.bare.push([
      `bare page FCP / LCP, ${where}`,
      `${round(median(bare.fcp), 1)} / ${round(median(bare.lcp), 1)}`,
      'ms',
      '—',
      true,
      `median of ${2 * PAINT_LOADS} loads`,
    ]);
  }
  out.content.push([
    `content swaps, ${state}`,
    problems.length,
    '',
    '0',
    problems.length === 0,
    problems[0] ??
      `${4 * PAINT_LOADS} loads: first painted the prompt, count and evening they settled on` +
        (ticks ? `; tonight's minutes ticked up by one during ${ticks}` : ''),
  ]);
  out.unexpected.push(...unexpected);
}

async function main() {
  if (!hasChromium()) {
    console.error(CHROMIUM_MISSING);
    process.exit(1);
  }
  build();
  const rows = [];
  const add = (name, value, unit, budget, ok, note = '') =>
    rows.push({ name, value, unit, budget, ok, note });

  const sizes = measureSizes(BUILD);
  for (const s of sizes) {
    add(
      `${s.entry} JavaScript at open, gzip`,
      round(s.gzip / 1024, 1),
      'KB',
      `≤ ${s.budget / 1024} KB`,
      s.ok,
      s.onDemand.files ? `+ ${round(s.onDemand.gzip / 1024, 1)} KB on demand` : '',
    );
  }
  const open = Object.fromEntries(sizes.map((s) => [s.entry, new Set(s.scripts)]));
  const out = { paint: [], bare: [], mechanism: [], content: [], unexpected: [], engine: [] };

  const evening = await launch(eveningZone());
  try {
    await paints(evening, 'evening', open, out);
    const eveningAlarms = await settledAlarms(evening);
    const perHour = wakeUpsPerHour(eveningAlarms, Date.now());
    out.engine.push([
      'worker wake-ups per evening hour',
      perHour,
      '',
      '≤ 61',
      perHour <= 61,
      eveningAlarms
        .map((a) => a.name + (a.periodInMinutes ? ` every ${a.periodInMinutes} min` : ''))
        .join(', '),
    ]);
    // Last: it writes years of evenings behind the pages' backs.
    const reads = await historyReadsByYears(evening);
    out.engine.push([
      '26-week history read, 5 years stored',
      round(reads.fiveYears),
      'ms',
      '≤ 10 ms',
      reads.fiveYears <= 10,
      `median of ${reads.loads} reads`,
    ]);
    const spread = Math.abs(reads.fiveYears - reads.oneYear) / reads.oneYear;
    out.engine.push([
      '… 5 years vs 1 year stored',
      round(spread * 100, 0),
      '%',
      '≤ 20 %',
      spread <= 0.2,
      `${round(reads.oneYear)} ms with 1 year`,
    ]);
  } finally {
    await evening.close();
  }

  const day = await launch(dayZone());
  try {
    await paints(day, 'day', open, out);
    const alarms = await settledAlarms(day);
    const periodic = alarms.filter((a) => a.periodInMinutes);
    out.engine.push([
      'periodic alarms outside the evening',
      periodic.length,
      '',
      '0',
      periodic.length === 0 && alarms.length === 1,
      `${alarms.length} alarm(s): ${alarms.map((a) => a.name).join(', ')}`,
    ]);
  } finally {
    await day.close();
  }

  // Rows grouped for reading: each page's evening and day, warm and cold, together.
  const order = (r) => [r[0].split(' ')[0], r[0].includes('LCP') ? 1 : 0];
  out.paint.sort((a, b) => {
    const [pa, ma] = order(a);
    const [pb, mb] = order(b);
    return pa.localeCompare(pb) || ma - mb;
  });
  for (const row of [...out.paint, ...out.bare, ...out.mechanism, ...out.content, ...out.engine])
    add(...row);
  add(
    'scripts loaded at open but not in the size check',
    out.unexpected.length,
    '',
    '0',
    out.unexpected.length === 0,
    out.unexpected[0] ?? 'each load fetched only files the size check counts at open',
  );

  // The last run's figures, so a change shows beside each row ("was …").
  const previous = existsSync(join(RESULTS, 'latest.json'))
    ? JSON.parse(readFileSync(join(RESULTS, 'latest.json'), 'utf8'))
    : null;
  const before = new Map((previous?.rows ?? []).map((r) => [r.name, r.value]));
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const value = `${r.value}${r.unit && r.unit !== '×' ? ` ${r.unit}` : r.unit}`;
    const was =
      before.has(r.name) && before.get(r.name) !== r.value ? ` (was ${before.get(r.name)})` : '';
    console.log(
      `${r.ok ? '✓' : '✖'} ${r.name.padEnd(width)}  ${value.padStart(9)}   budget ${r.budget.padEnd(9)} ${r.note}${was}`,
    );
  }
  if (previous)
    console.log(`Compared with the previous run: ${previous.commit} at ${previous.at}.`);

  const result = { commit: commit(), at: new Date().toISOString(), chromium: CHROMIUM_PATH, rows };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(result, null, 2));
  writeFileSync(join(RESULTS, `${result.commit}.json`), JSON.stringify(result, null, 2));
  console.log(`Figures written to bench-results/${result.commit}.json`);

  const missed = rows.filter((r) => !r.ok);
  console.log(`${rows.length - missed.length} passed, ${missed.length} failed`);
  if (missed.length) process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
