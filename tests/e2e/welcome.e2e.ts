import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dayZone, EXTENSION_DIR, expect, launchExtension, test, type Extension } from './fixtures';

/** The welcome page Closer opened by itself, once it is there. */
async function openedWelcome(extension: Extension): Promise<Page> {
  const url = extension.url('welcome.html');
  await expect.poll(() => extension.context.pages().some((p) => p.url() === url)).toBe(true);
  const pages = extension.context.pages().filter((p) => p.url() === url);
  expect(pages, 'one welcome page').toHaveLength(1);
  return pages[0]!;
}

/**
 * The welcome page stays closed: checked for `ms` after the worker has answered a message, by
 * which time it has handled its start-up events. A negative needs a window; this is it.
 */
async function staysClosed(extension: Extension, ms = 1500): Promise<void> {
  await extension.observeNow();
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const tabs = await extension.inWorker(() => chrome.tabs.query({}), undefined);
    expect(tabs.map((tab) => tab.url ?? tab.pendingUrl)).not.toContain(
      extension.url('welcome.html'),
    );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Deletes one key from Closer's store, as an older Closer's store would lack it. */
async function deleteData(extension: Extension, key: string): Promise<void> {
  const page = await extension.open('popup.html');
  await page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('closer');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('data', 'readwrite');
      tx.objectStore('data').delete(key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, key);
  await page.close();
}

/** Presses Tab until the focused element is the button named `name`, then Enter. */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.tagName === 'BUTTON' ? (el.textContent ?? '').trim() : '';
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`no button named ${String(name)} within 40 presses of Tab`);
}

test.describe('first run', () => {
  test.use({ welcome: 'keep' });

  test('opens the welcome page on install, once: not again when the browser restarts', async ({
    timeZone,
    lang,
    networkRequests,
  }) => {
    // Each launch loads the unpacked build from the command line, as a developer's restart does
    // (Chromium may report `install` again each time).
    const profile = mkdtempSync(join(tmpdir(), 'closer-e2e-restart-'));
    try {
      const options = { profile, timeZone, lang, networkRequests, welcome: 'keep' as const };
      const first = await launchExtension(options);
      const welcome = await openedWelcome(first);
      await expect(welcome.getByTestId('welcome')).toHaveAttribute('data-step', 'hello');
      await expect(welcome.getByRole('heading', { name: 'Welcome to Closer' })).toBeVisible();
      // Before Chrome asks about the changed new tab, the page says what each answer means.
      await expect(welcome.getByText(/ask whether to keep Closer's new tab/)).toBeVisible();
      await first.context.close();

      const again = await launchExtension(options);
      await staysClosed(again);
      await again.context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('does not open on an update from a Closer that had no welcome page', async ({
    timeZone,
    lang,
    networkRequests,
  }) => {
    const profile = mkdtempSync(join(tmpdir(), 'closer-e2e-update-'));
    const dir = mkdtempSync(join(tmpdir(), 'closer-build-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    try {
      // A command-line load always reports `install`; loading the same folder again over CDP,
      // with a newer version in it, is an update, as the store would deliver one.
      const extension = await launchExtension({
        profile,
        timeZone,
        lang,
        networkRequests,
        extensionDir: dir,
        args: ['--enable-unsafe-extension-debugging'],
      });
      // The store as an older version left it: it never showed a welcome page.
      await deleteData(extension, 'welcome-shown');
      expect(await extension.getData('welcome-shown')).toBeUndefined();
      const manifestPath = join(dir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
      writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '99.0.0' }));
      const cdp = await extension.context.browser()!.newBrowserCDPSession();
      // Not in Playwright's protocol types yet (Chromium 126+).
      await cdp.send('Extensions.loadUnpacked' as never, { path: dir } as never);
      await cdp.detach();
      const page = await extension.open('popup.html');
      expect(await page.evaluate(() => chrome.runtime.getManifest().version)).toBe('99.0.0');
      // The update is remembered (so a later `install` report cannot open it either)…
      await expect.poll(() => extension.getData<string>('welcome-shown')).toBeTruthy();
      // …and nothing opened.
      await staysClosed(extension);
      await extension.context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('skipping every step keeps the defaults, by keyboard alone', async ({ extension }) => {
    const welcome = await openedWelcome(extension);
    const root = welcome.getByTestId('welcome');
    await tabTo(welcome, 'Set it up');
    for (const step of ['evenings', 'limits', 'partner', 'pair', 'sync']) {
      await expect(root).toHaveAttribute('data-step', step);
      // Each step's heading takes the focus, so a screen reader starts there.
      await expect(welcome.locator('h1')).toBeFocused();
      await tabTo(welcome, 'Skip');
    }
    await expect(root).toHaveAttribute('data-step', 'done');
    expect(await extension.getData('settings')).toBeUndefined();
    expect(await extension.getData('sync')).toBeUndefined();

    // "Skip the setup" from the first step goes straight to the end, storing nothing either.
    await tabTo(welcome, 'Back');
    await expect(root).toHaveAttribute('data-step', 'sync');
    const again = await extension.open('welcome.html');
    await again.getByRole('button', { name: 'Skip the setup' }).click();
    await expect(again.getByTestId('welcome')).toHaveAttribute('data-step', 'done');
    expect(await extension.getData('settings')).toBeUndefined();
  });

  test('an evening that ends before it starts is refused with a message, and nothing is stored', async ({
    extension,
  }) => {
    const welcome = await openedWelcome(extension);
    await welcome.getByRole('button', { name: 'Set it up' }).click();
    const weekdays = welcome.getByRole('group', { name: /^Weekdays/ });
    await weekdays.getByLabel('Starts').fill('20:00');
    await weekdays.getByLabel('Ends').fill('20:00');
    await welcome.getByRole('button', { name: 'Next' }).click();
    await expect(welcome.getByRole('alert')).toContainText('must end at a different time');
    await expect(welcome.getByTestId('welcome')).toHaveAttribute('data-step', 'evenings');
    expect(await extension.getData('settings')).toBeUndefined();
  });
});

test.describe('first run, choices', () => {
  test.use({ welcome: 'keep', timeZone: dayZone() });

  test('are stored and obeyed: evening hours, limit, goal, partner, pair code', async ({
    extension,
  }) => {
    const welcome = await openedWelcome(extension);
    await welcome.getByRole('button', { name: 'Set it up' }).click();

    // It is the middle of the day here: make the day an evening, every day of the week.
    const weekdays = welcome.getByRole('group', { name: /^Weekdays, Monday to Friday/ });
    const weekends = welcome.getByRole('group', { name: /^Weekends, Saturday and Sunday/ });
    await weekdays.getByLabel('Starts').fill('09:00');
    await weekdays.getByLabel('Ends').fill('17:00');
    await weekends.getByLabel('Starts').fill('08:30');
    await weekends.getByLabel('Ends').fill('18:00');
    await welcome.getByRole('button', { name: 'Next' }).click();

    await expect(welcome.getByTestId('welcome')).toHaveAttribute('data-step', 'limits');
    await welcome.getByLabel('Screen-time limit per evening (minutes)').fill('25');
    await welcome.getByLabel('Weekly goal (evenings)').fill('5');
    // Enter in the field stores what was typed, change event or not.
    await welcome.keyboard.press('Enter');

    await expect(welcome.getByTestId('welcome')).toHaveAttribute('data-step', 'partner');
    await welcome.getByLabel("Your partner's first name (optional)").fill('Sam');
    await welcome.keyboard.press('Enter');

    await expect(welcome.getByTestId('welcome')).toHaveAttribute('data-step', 'pair');
    await welcome.getByRole('button', { name: 'Create a pair code' }).click();
    const code = welcome.getByTestId('pair-code');
    await expect(code).toHaveText(/^[a-z]{4}( [a-z]{4}){3}$/);
    await expect(welcome.getByText('Read these four words to Sam')).toBeVisible();
    const shown = (await code.textContent())!.trim();
    await welcome.getByRole('button', { name: 'Next' }).click();

    // Sync: the same checkbox as on the options page, stored the moment it is ticked.
    await expect(welcome.getByTestId('welcome')).toHaveAttribute('data-step', 'sync');
    await welcome.getByRole('checkbox', { name: 'Sync across my computers' }).check();
    await expect(welcome.getByText('Sync is on.', { exact: true })).toBeVisible();
    expect(await extension.getData<{ enabled: boolean }>('sync')).toMatchObject({ enabled: true });
    await welcome.getByRole('button', { name: 'Next' }).click();
    await expect(welcome.getByTestId('welcome')).toHaveAttribute('data-step', 'done');

    const settings = await extension.getData<{
      schedule: { weekday: number; enabled: boolean; start: string; end: string }[];
      limitMinutes: number;
      weeklyGoal: number;
      partnerName: string;
      pairCode: string;
    }>('settings');
    expect(settings!.schedule).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        weekday,
        enabled: true,
        ...(weekday === 0 || weekday === 6
          ? { start: '08:30', end: '18:00' }
          : { start: '09:00', end: '17:00' }),
      })),
    );
    expect(settings).toMatchObject({ limitMinutes: 25, weeklyGoal: 5, partnerName: 'Sam' });
    expect(settings!.pairCode.replaceAll('-', ' ')).toBe(shown);

    // Obeyed: the new tab is in the evening now, with the goal and the name.
    const newtab = await extension.open('newtab.html');
    await expect(newtab.getByTestId('newtab')).toHaveAttribute('data-evening', 'true');
    await expect(newtab.getByTestId('week-progress')).toHaveAttribute('data-goal', '5');
    // Paired, so tonight's question is the couple's, named for the partner.
    await expect(newtab.getByText("Tonight's question, for you and Sam")).toBeVisible();
    await expect(newtab.locator('blockquote[data-shared="true"]').first()).toBeVisible();
    // And the worker follows the new hours: tonight's minute tick runs now.
    await expect
      .poll(async () => (await extension.alarms()).map((a) => a.name))
      .toContain('closer-tick');
  });

  test('an evening may cross midnight', async ({ extension }) => {
    const welcome = await openedWelcome(extension);
    await welcome.getByRole('button', { name: 'Set it up' }).click();
    const weekends = welcome.getByRole('group', { name: /^Weekends/ });
    await weekends.getByLabel('Starts').fill('21:30');
    await weekends.getByLabel('Ends').fill('01:00');
    await welcome.getByRole('button', { name: 'Next' }).click();
    await expect(welcome.getByTestId('welcome')).toHaveAttribute('data-step', 'limits');
    const settings = await extension.getData<{ schedule: { start: string; end: string }[] }>(
      'settings',
    );
    expect(settings!.schedule[6]).toMatchObject({ start: '21:30', end: '01:00' });
    expect(settings!.schedule[0]).toMatchObject({ start: '21:30', end: '01:00' });
    expect(settings!.schedule[3]).toMatchObject({ start: '20:00', end: '23:00' });
  });
});

test.describe('options', () => {
  test('"Open the welcome again" opens it', async ({ extension }) => {
    const options = await extension.open('options.html');
    const opened = extension.context.waitForEvent('page');
    await options.getByRole('button', { name: 'Open the welcome again' }).click();
    const welcome = await opened;
    await expect(welcome.getByTestId('welcome')).toHaveAttribute('data-step', 'hello');
  });
});

test.describe('first run in Spanish', () => {
  test.use({ welcome: 'keep', lang: 'es' });

  test('speaks Spanish', async ({ extension }) => {
    const welcome = await openedWelcome(extension);
    await expect(
      welcome.getByRole('heading', { name: 'Te damos la bienvenida a Closer' }),
    ).toBeVisible();
    await welcome.getByRole('button', { name: 'Empezar' }).click();
    await expect(
      welcome.getByRole('group', { name: /^Entre semana, de lunes a viernes/ }),
    ).toBeVisible();
  });
});
