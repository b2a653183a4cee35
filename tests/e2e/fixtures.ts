/**
 * The end-to-end harness: every test gets a fresh Chromium profile with the built extension
 * loaded, in the time zone it asks for, and fails if any request leaves for the network.
 */
import {
  test as base,
  chromium,
  expect,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  GENERATION_KEY,
  KEY_PREFIX,
  PAGES as PAGES_SNAPSHOTTED,
} from '../../utils/data/page-snapshots';
import { CHROMIUM_PATH, chromiumArgs } from './chromium';

export const EXTENSION_DIR = resolve(
  process.env.CLOSER_OUT_DIR ? `${process.env.CLOSER_OUT_DIR}/chrome-mv3` : '.output/chrome-mv3',
);

/** The calendar date `days` after (or, negative, before) `date`, both `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A stored evening as `putData` takes it: `{ 'evening:<date>': record }`. */
export function storedEvening(
  date: string,
  status: 'distraction-free' | 'over' | 'unobserved' | 'in-progress',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    [`evening:${date}`]: { date, screenMinutes: 5, status, nudges: 0, checkIns: [], ...extra },
  };
}

export { dayZone, eveningZone } from '../../scripts/zones.mjs';

export interface ExtensionOptions {
  /** IANA zone the browser (pages and worker) runs in. */
  timeZone: string;
  /** Browser UI language, e.g. 'es', 'de', 'pt-BR' (Chromium's `--lang`). */
  lang: string;
}

export interface Extension {
  context: BrowserContext;
  id: string;
  /** The service worker, waiting for it to be running. */
  worker(): Promise<Worker>;
  /** Opens an extension page such as `popup.html`. */
  open(path: string): Promise<Page>;
  /** Errors and crashes of the extension's pages so far, each with the page's path. */
  problems: readonly string[];
  url(path: string): string;
  /** Stops every service worker (CDP) and waits until the extension's worker runs again. */
  restartWorker(): Promise<Worker>;
  /** The alarms the worker has right now. */
  alarms(): Promise<chrome.alarms.Alarm[]>;
  /** Ids of the worker's visible notifications. */
  notifications(): Promise<Record<string, unknown>>;
  /** Evaluates a function in the worker (storage reads, seeding). */
  inWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Writes raw values into Closer's IndexedDB store (`closer`/`data`), e.g. `evening:2026-11-24`,
   * and forgets the pages' snapshots as a page's own write would.
   */
  putData(entries: Record<string, unknown>): Promise<void>;
  /** Reads one raw value from Closer's store. */
  getData<T = unknown>(key: string): Promise<T | undefined>;
  /** Asks the worker to observe now, as a page would (this also wakes a stopped worker). */
  observeNow(): Promise<void>;
  /** The local calendar date in the browser's zone, `YYYY-MM-DD`. */
  localDate(): Promise<string>;
}

/** Runs in the browser: opens Closer's store the way idb-keyval does. */
function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('closer');
    request.onupgradeneeded = () => request.result.createObjectStore('data');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

type Fixtures = ExtensionOptions & {
  /** What to do with the welcome page Closer opens on install: close it (most tests), or keep it. */
  welcome: 'close' | 'keep';
  extension: Extension;
  networkRequests: string[];
};

export interface LaunchOptions extends ExtensionOptions {
  /** The browser profile's directory: a fresh one, or one launched before (a restart). */
  profile: string;
  colorScheme?: 'light' | 'dark' | 'no-preference' | null;
  /** Where any request that leaves for the network is written down. */
  networkRequests: string[];
  /** The unpacked build to load; the one under test by default. */
  extensionDir?: string;
  /** More Chromium switches. */
  args?: string[];
  /**
   * 'close' waits for the welcome page a fresh install opens and closes it, so that it is not in
   * the way of a test; 'keep' leaves whatever opens (a test of the welcome page itself).
   */
  welcome?: 'close' | 'keep';
}

/** The POSIX locale for a browser language: `pt-BR` → `pt_BR.UTF-8`, `de` → `de_DE.UTF-8`. */
function posixLocale(lang: string): string {
  if (lang === 'en') return 'en_US.UTF-8';
  const [language, region] = lang.split('-');
  return `${language}_${region ?? language!.toUpperCase()}.UTF-8`;
}

/**
 * Launches Chromium on `profile` with Closer loaded; the caller closes the context.
 *
 * Now and then, on a busy 2-vCPU machine, Chromium starts with the extension's messages
 * missing: `i18n.getMessage` answers '' in every page of that browser, from the first, so each
 * page shows its message keys (screenshots of a fresh-clone CI run show `history_title` and
 * `prompt_emotional_01`). Nothing in a page causes it, so a fresh profile is launched again, at
 * most twice, and the run says so; a profile launched before (a restart) fails at once.
 */
export async function launchExtension(options: LaunchOptions): Promise<Extension> {
  const fresh = readdirSync(options.profile).length === 0;
  for (let attempt = 1; ; attempt += 1) {
    const extension = await launchOnce(options);
    const name = await extension.inWorker(() => chrome.i18n.getMessage('extName'), undefined);
    if (name) return extension;
    await extension.context.close();
    if (!fresh || attempt === 3) {
      throw new Error(`Chromium started ${attempt} time(s) without the extension's messages.`);
    }
    console.warn(`Chromium started without the extension's messages; starting it again.`);
    rmSync(options.profile, { recursive: true, force: true });
    mkdirSync(options.profile);
  }
}

async function launchOnce(options: LaunchOptions): Promise<Extension> {
  const { profile, timeZone, lang, colorScheme, networkRequests } = options;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: lang,
    colorScheme: colorScheme ?? 'light',
    env: {
      ...process.env,
      TZ: timeZone,
      LANGUAGE: lang,
      LANG: posixLocale(lang),
    },
    args: [
      ...chromiumArgs(options.extensionDir ?? EXTENSION_DIR),
      `--lang=${lang}`,
      ...(options.args ?? []),
    ],
  });
  // Anything that is not the extension itself, a data/blob URL or devtools is the network.
  const watch = (url: string) => {
    if (!/^(chrome-extension|chrome|data|blob|about|devtools):/.test(url))
      networkRequests.push(url);
  };
  // With PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS (playwright.config.ts) this also sees
  // the worker's requests.
  context.on('request', (request) => watch(request.url()));
  // What went wrong in any page, for the report of a test that fails (a page that never
  // rendered says why here).
  const problems: string[] = [];
  context.on('page', (page) => {
    const where = () => page.url().replace(/^chrome-extension:\/\/[^/]+\//, '');
    page.on('pageerror', (error) => problems.push(`${where()}: ${error.stack ?? error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${where()}: console: ${message.text()}`);
    });
    page.on('crash', () => problems.push(`${where()}: the page crashed`));
  });

  const worker = async () => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return running ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  const id = new URL((await worker()).url()).host;
  const url = (path: string) => `chrome-extension://${id}/${path}`;
  const extension: Extension = {
    context,
    id,
    problems,
    worker,
    url,
    async open(path) {
      const page = await context.newPage();
      await page.goto(url(path));
      return page;
    },
    async putData(entries) {
      const page = await context.newPage();
      await page.goto(url('popup.html'));
      await page.evaluate(
        async ({ entries, open, snapshots }) => {
          const db = await (new Function(`return (${open})()`)() as Promise<IDBDatabase>);
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction('data', 'readwrite');
            for (const [key, value] of Object.entries(entries))
              tx.objectStore('data').put(value, key);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
          db.close();
          // As a page's own write does (forgetSnapshots): the pages' snapshots may be stale now.
          for (const name of snapshots.pages) localStorage.removeItem(snapshots.prefix + name);
          const generation = Number(localStorage.getItem(snapshots.generation)) + 1;
          localStorage.setItem(snapshots.generation, String(generation));
        },
        {
          entries,
          open: openStore.toString(),
          snapshots: { prefix: KEY_PREFIX, generation: GENERATION_KEY, pages: PAGES_SNAPSHOTTED },
        },
      );
      await page.close();
    },
    async getData<T>(key: string) {
      const page = await context.newPage();
      await page.goto(url('popup.html'));
      const value = await page.evaluate(
        async ({ key, open }) => {
          const db = await (new Function(`return (${open})()`)() as Promise<IDBDatabase>);
          const result = await new Promise((resolve, reject) => {
            const request = db.transaction('data').objectStore('data').get(key);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          db.close();
          return result;
        },
        { key, open: openStore.toString() },
      );
      await page.close();
      return value as T | undefined;
    },
    async observeNow() {
      const page = await context.newPage();
      await page.goto(url('popup.html'));
      await page.evaluate(() => chrome.runtime.sendMessage({ name: 'observe', request: {} }));
      await page.close();
    },
    async localDate() {
      return extension.inWorker(() => new Date().toLocaleDateString('en-CA'), undefined);
    },
    async restartWorker() {
      // A marker in the running worker's global scope proves the worker really started anew.
      await (
        await worker()
      ).evaluate(() => {
        (globalThis as { closerTestMarker?: boolean }).closerTestMarker = true;
      });
      const workerTargets = async () => {
        const cdp = await context.browser()!.newBrowserCDPSession();
        const { targetInfos } = await cdp.send('Target.getTargets');
        await cdp.detach();
        return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(url('')));
      };
      // The ServiceWorker domain is scoped to a page's storage partition: use an extension page.
      const page = await context.newPage();
      await page.goto(url('popup.html'));
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.close();
      await expect.poll(async () => (await workerTargets()).length, { timeout: 10_000 }).toBe(0);
      // A message from a page is an event that starts the worker again.
      await extension.observeNow();
      await expect.poll(async () => (await workerTargets()).length, { timeout: 10_000 }).toBe(1);
      const fresh = await worker();
      const marker = await fresh.evaluate(
        () => (globalThis as { closerTestMarker?: boolean }).closerTestMarker,
      );
      expect(marker, 'the worker was restarted').toBeUndefined();
      return fresh;
    },
    async inWorker(fn, arg) {
      return (await worker()).evaluate(fn as never, arg) as never;
    },
    alarms() {
      return extension.inWorker(() => chrome.alarms.getAll(), undefined);
    },
    notifications() {
      return extension.inWorker(
        () => new Promise<Record<string, unknown>>((done) => chrome.notifications.getAll(done)),
        undefined,
      );
    },
  };
  if ((options.welcome ?? 'close') === 'close') {
    // A fresh profile is a fresh install: Closer opens its welcome page once (SPEC §13). It is
    // the only tab besides the one Chromium starts with; close it as soon as it exists, before
    // the test opens anything (a tab opened later would take the focus from the test's page).
    const [, welcome] = context.pages();
    await (welcome ?? (await context.waitForEvent('page', { timeout: 15_000 }))).close();
  }
  return extension;
}

export const test = base.extend<Fixtures>({
  timeZone: ['UTC', { option: true }],
  lang: ['en', { option: true }],
  welcome: ['close', { option: true }],
  // Playwright reads a fixture's dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  networkRequests: async ({}, use) => {
    await use([]);
  },
  extension: async ({ timeZone, lang, colorScheme, networkRequests, welcome }, use, testInfo) => {
    const profile = mkdtempSync(join(tmpdir(), 'closer-e2e-'));
    const extension = await launchExtension({
      profile,
      timeZone,
      lang,
      colorScheme,
      networkRequests,
      welcome,
    });
    await use(extension);
    if (testInfo.status !== testInfo.expectedStatus && extension.problems.length) {
      await testInfo.attach('page errors', { body: extension.problems.join('\n') });
    }
    await extension.context.close();
    rmSync(profile, { recursive: true, force: true });
    expect(networkRequests, `${testInfo.title} made network requests`).toEqual([]);
  },
});

/** A block of tests that all run with the browser in `timeZone` (say, `eveningZone()`). */
export function describeIn(timeZone: string, title: string, body: () => void): void {
  test.describe(title, () => {
    test.use({ timeZone });
    body();
  });
}

/** Every page a user sees, by name, with its path; the welcome last (it is a run of steps). */
export const PAGES = [
  ['popup', 'popup.html'],
  ['newtab', 'newtab.html'],
  ['options', 'options.html'],
  ['history', 'evenings.html'],
  ['ritual', 'ritual.html'],
  ['welcome', 'welcome.html'],
] as const;

/**
 * Waits until the new tab or popup shows its live rendering: the snapshot painted in the first
 * frame (`data-instant`) is replaced in place, so an element found before then may detach.
 */
export async function liveApp(page: Page): Promise<void> {
  await page.locator('#app > [data-evening]:not([data-instant])').waitFor();
}

/**
 * After a check-in is saved, the popup's form stays open offering tonight's follow-up ("Go
 * deeper", focused) when the prompt has one; this closes it, and does nothing otherwise.
 */
export async function closeFollowUpOffer(popup: Page): Promise<void> {
  // The form gives way to the offer, or closes when there is none.
  await expect(popup.locator('form.checkin')).toHaveCount(0);
  const close = popup.getByRole('button', { name: 'Close', exact: true });
  if (await close.isVisible()) {
    await expect(popup.getByRole('button', { name: 'Go deeper' }).last()).toBeFocused();
    await close.click();
  }
}

export { expect };
