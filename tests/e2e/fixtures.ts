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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH } from './chromium';

export const EXTENSION_DIR = resolve(
  process.env.CLOSER_OUT_DIR ? `${process.env.CLOSER_OUT_DIR}/chrome-mv3` : '.output/chrome-mv3',
);

/** A zone where the wall clock is inside the default 20:00–23:00 evening right now, and one where it is not. */
export function zoneWhereLocalHourIs(hours: number[], now = Date.now()): string {
  for (let offset = -11; offset <= 12; offset += 1) {
    // Etc/GMT signs are inverted: Etc/GMT-5 is UTC+5.
    const zone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const hour = new Date(now + offset * 3_600_000).getUTCHours();
    const minute = new Date(now).getUTCMinutes();
    // Keep clear of the window's edges so a slow test does not cross them.
    if (hours.includes(hour) && !(hour === Math.max(...hours) && minute > 50)) return zone;
  }
  throw new Error(`No whole-hour zone has local hour in ${hours.join(',')}`);
}

/** 20:00–22:59 local: inside the default evening with room to spare. */
export const eveningZone = () => zoneWhereLocalHourIs([20, 21, 22]);
/** 10:00–15:59 local: far from any default evening. */
export const dayZone = () => zoneWhereLocalHourIs([10, 11, 12, 13, 14, 15]);

export interface ExtensionOptions {
  /** IANA zone the browser (pages and worker) runs in. */
  timeZone: string;
  /** Browser UI language, e.g. 'es'. */
  lang: string;
}

export interface Extension {
  context: BrowserContext;
  id: string;
  /** The service worker, waiting for it to be running. */
  worker(): Promise<Worker>;
  /** Opens an extension page such as `popup.html`. */
  open(path: string): Promise<Page>;
  url(path: string): string;
  /** Stops every service worker (CDP) and waits until the extension's worker runs again. */
  restartWorker(): Promise<Worker>;
  /** The alarms the worker has right now. */
  alarms(): Promise<chrome.alarms.Alarm[]>;
  /** Ids of the worker's visible notifications. */
  notifications(): Promise<Record<string, unknown>>;
  /** Evaluates a function in the worker (storage reads, seeding). */
  inWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

type Fixtures = ExtensionOptions & { extension: Extension; networkRequests: string[] };

export const test = base.extend<Fixtures>({
  timeZone: ['UTC', { option: true }],
  lang: ['en', { option: true }],
  // Playwright reads a fixture's dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  networkRequests: async ({}, use) => {
    await use([]);
  },
  extension: async ({ timeZone, lang, colorScheme, networkRequests }, use, testInfo) => {
    const profile = mkdtempSync(join(tmpdir(), 'closer-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      locale: lang,
      colorScheme: colorScheme ?? 'light',
      env: {
        ...process.env,
        TZ: timeZone,
        LANGUAGE: lang,
        LANG: lang === 'en' ? 'en_US.UTF-8' : `${lang}_ES.UTF-8`,
      },
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        `--lang=${lang}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
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

    const worker = async () => {
      const running = context
        .serviceWorkers()
        .find((w) => w.url().startsWith('chrome-extension://'));
      return running ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
    };
    const id = new URL((await worker()).url()).host;
    const url = (path: string) => `chrome-extension://${id}/${path}`;
    const extension: Extension = {
      context,
      id,
      worker,
      url,
      async open(path) {
        const page = await context.newPage();
        await page.goto(url(path));
        return page;
      },
      async restartWorker() {
        const page = context.pages()[0] ?? (await context.newPage());
        const cdp = await context.newCDPSession(page);
        const stopped = new Promise<void>((done) => {
          const sw = context.serviceWorkers().find((w) => w.url().startsWith(url('')));
          if (sw) sw.once('close', () => done());
          else done();
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await stopped;
        await cdp.detach();
        // Any extension event wakes it again; opening an extension page is the most honest one.
        const waker = await context.newPage();
        const woke = context.waitForEvent('serviceworker', { timeout: 15_000 });
        await waker.goto(url('popup.html'));
        const sw = await woke;
        await waker.close();
        return sw;
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
    await use(extension);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    expect(networkRequests, `${testInfo.title} made network requests`).toEqual([]);
  },
});

export { expect };
