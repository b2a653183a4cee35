/**
 * Import as an unlucky user meets it (SPEC §8, issue 14): files in the wrong encoding or of an
 * impossible size are refused in words and change nothing; a large file is read, checked and
 * written without freezing the options page, which says what it is doing meanwhile.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, dayZone, expect, test } from './fixtures';

test.use({ timeZone: dayZone() });

/** The import limit (utils/data/import-file.ts), 64 MiB. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'closer-import-'));
});
test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A path on disk: large files go to the browser by path, not through the page's script. */
function onDisk(name: string, contents: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
}

const schedule = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday,
  enabled: true,
  start: '21:00',
  end: '23:30',
}));

function file(evenings: unknown[]): Record<string, unknown> {
  return {
    app: 'closer',
    schemaVersion: 2,
    settings: {
      schedule,
      limitMinutes: 20,
      weeklyGoal: 4,
      weekStartsOn: 1,
      nudges: { enabled: true },
    },
    evenings,
  };
}

const evening = (date: string, note: string) => ({
  date,
  screenMinutes: 7,
  status: 'distraction-free',
  nudges: 1,
  checkIns: [{ kinds: ['emotional'], at: `${date}T21:40:00.000Z`, note }],
});

/** Every key and value in Closer's store, as JSON: what "nothing changed" compares. */
function storeContents(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('closer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('data').objectStore('data');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            resolve(JSON.stringify([keys.result, values.result]));
            open.result.close();
          };
          values.onerror = () => reject(values.error);
        };
      }),
  );
}

/** Starts watching the page: tasks of 50 ms and more, and every text the import status shows. */
function watch(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen = { tasks: [] as number[], statuses: [] as string[] };
    Object.assign(window, { closerWatch: seen });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    const status = document.querySelector('section [role="status"]')!;
    new MutationObserver(() => seen.statuses.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

function watched(page: Page): Promise<{ tasks: number[]; statuses: string[] }> {
  return page.evaluate(
    () =>
      (window as unknown as { closerWatch: { tasks: number[]; statuses: string[] } }).closerWatch,
  );
}

async function openWithHistory(extension: { open(path: string): Promise<Page> }) {
  const page = await extension.open('options.html');
  await page.getByLabel('Import data').setInputFiles({
    name: 'start.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file([evening('2026-11-20', 'tea')]))),
  });
  await expect(page.locator('section [role="status"]')).toHaveText(
    'Imported 1 evening and your settings.',
  );
  return page;
}

test('a Latin-1 file and a too-large file are refused in words, and nothing changes', async ({
  extension,
}) => {
  const page = await openWithHistory(extension);
  const before = await storeContents(page);
  const alert = page.getByRole('alert');

  // "café" saved by an editor in Latin-1: one byte, 0xE9, that is not UTF-8.
  const latin1 = Buffer.from(JSON.stringify(file([evening('2026-11-21', 'café')])), 'latin1');
  await page.getByLabel('Import data').setInputFiles(onDisk('latin1.json', latin1));
  await expect(alert).toContainText('Nothing was imported');
  await expect(alert).toContainText("This file isn't saved as UTF-8 text");
  expect(await storeContents(page)).toBe(before);

  // One byte over the limit (a sparse file: the import refuses it by its size, unread).
  const large = onDisk('large.json', '');
  truncateSync(large, MAX_IMPORT_BYTES + 1);
  await page.getByLabel('Import data').setInputFiles(large);
  await expect(alert).toContainText(
    'The file is larger than 64 MB, which is more than a Closer export can be.',
  );
  await expect(alert).not.toContainText('UTF-8');
  expect(await storeContents(page)).toBe(before);
  await expect(page.getByLabel('Monday evening starts')).toHaveValue('21:00');
});

test('a large history imports without a long task, and the page says what it is doing', async ({
  extension,
}) => {
  test.setTimeout(180_000);
  const page = await openWithHistory(extension);
  // Every evening from 2000-01-01 to today (about 9,800), each with a 2,000-character note.
  const today = await extension.localDate();
  const evenings = [];
  for (let date = '2000-01-01'; date <= today; date = addDays(date, 1)) {
    evenings.push(evening(date, 'x'.repeat(2000)));
  }
  const text = JSON.stringify(file(evenings));
  expect(text.length).toBeGreaterThan(20_000_000);

  await watch(page);
  await page.getByLabel('Import data').setInputFiles(onDisk('history.json', text));
  await expect(page.locator('section [role="status"]')).toHaveText(
    new RegExp(`^Imported ${evenings.length.toLocaleString('en-US')} evenings`),
    { timeout: 150_000 },
  );
  const { tasks, statuses } = await watched(page);
  expect(Math.max(0, ...tasks), `tasks of 50 ms and more: ${tasks.join(', ')}`).toBeLessThan(200);
  expect(statuses).toContain('Checking the file…');
  expect(statuses).toContain('Saving your evenings…');
  const stored = await extension.getData<{ checkIns: { note: string }[] }>('evening:2000-01-01');
  expect(stored?.checkIns[0]?.note).toHaveLength(2000);
});

test('50,000 evenings (4 MB) are checked without a long task, and refused for their dates', async ({
  extension,
}) => {
  test.setTimeout(120_000);
  const page = await openWithHistory(extension);
  const before = await storeContents(page);
  // The file: 50,000 evenings from 2000 on, so most of them after tomorrow.
  const evenings = [];
  for (let i = 0, date = '2000-01-01'; i < 50_000; i += 1, date = addDays(date, 1)) {
    evenings.push(evening(date, 'a walk'));
  }
  await watch(page);
  await page
    .getByLabel('Import data')
    .setInputFiles(onDisk('future.json', JSON.stringify(file(evenings))));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Nothing was imported', { timeout: 100_000 });
  await expect(alert).toContainText('Closer keeps evenings from January 1, 2000, up to tomorrow');
  await expect(alert.getByRole('listitem').last()).toHaveText(/^…and [\d,]+ more problems\.$/);
  const { tasks } = await watched(page);
  expect(Math.max(0, ...tasks), `tasks of 50 ms and more: ${tasks.join(', ')}`).toBeLessThan(200);
  expect(await storeContents(page)).toBe(before);
});
