/**
 * Sync across the user's own computers (SPEC §14), in Chromium. `storage.sync` works without a
 * signed-in account there; it just never leaves the machine. A second computer is simulated by
 * writing its items into `storage.sync` from an extension page, as its own Closer would.
 */
import type { Page } from '@playwright/test';
import { defaultSettings } from '../../utils/settings/settings';
import { addDays, eveningZone, expect, test, type Extension } from './fixtures';

test.use({ timeZone: eveningZone() });

const LABEL = 'Sync across my computers';
const OTHER = 'desktop1';

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
const epochDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The other computer's item holding `entries` (entry text without its day) by date. */
function otherComputer(entries: Record<string, string>): Record<string, string> {
  const items: Record<string, string[]> = {};
  for (const [date, entry] of Object.entries(entries).sort()) {
    const block = Math.floor(epochDay(date) / 28);
    (items[`e.${OTHER}.${block}`] ??= []).push(`${epochDay(date) - block * 28}${entry}`);
  }
  return Object.fromEntries(Object.entries(items).map(([key, list]) => [key, list.join(' ')]));
}

async function syncItems(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => chrome.storage.sync.get(null));
}

async function badge(extension: Extension): Promise<string> {
  return extension.inWorker(() => chrome.action.getBadgeText({}), undefined);
}

test('a second computer’s minutes add up: week count, tonight’s minutes and badge; off keeps local data', async ({
  extension,
}) => {
  test.setTimeout(120_000);
  const today = await extension.localDate();
  const [twoDaysAgo, yesterday] = [addDays(today, -2), addDays(today, -1)];
  // Weeks start two days ago, so this week has two evenings behind it whatever today is.
  const weekStartsOn = new Date(`${twoDaysAgo}T12:00:00Z`).getUTCDay();
  const defaults = defaultSettings();
  const settings = { ...defaults, weekStartsOn, nudges: { ...defaults.nudges, enabled: false } };
  const decided = (date: string, minutes: number) => ({
    date,
    screenMinutes: minutes,
    screenSeconds: minutes * 60,
    status: 'distraction-free',
    limitMinutes: 15,
    nudges: 0,
    checkIns: [],
  });
  await extension.putData({
    settings,
    [`evening:${twoDaysAgo}`]: decided(twoDaysAgo, 10),
    [`evening:${yesterday}`]: decided(yesterday, 5),
  });
  await extension.observeNow();

  const popup = await extension.open('popup.html');
  const week = popup.getByTestId('week-progress');
  await expect(week).toHaveAttribute('data-count', '2');

  // This computer turns sync on: it writes its own evenings at once.
  const options = await extension.open('options.html');
  const checkbox = options.getByRole('checkbox', { name: LABEL });
  await expect(checkbox).not.toBeChecked();
  await checkbox.check();
  await expect(checkbox).toBeChecked();
  await expect(options.getByText('Sync is on.', { exact: true })).toBeVisible();
  await expect
    .poll(async () => Object.keys(await syncItems(options)).filter((k) => k.startsWith('e.')))
    .toHaveLength(
      Math.floor(epochDay(today) / 28) === Math.floor(epochDay(twoDaysAgo) / 28) ? 1 : 2,
    );
  const ours = Object.keys(await syncItems(options)).filter((key) => key.startsWith('e.'));

  // The desktop: 10 minutes two days ago (20 together: over), 5 yesterday (10: still within),
  // and 20 minutes so far tonight.
  await options.evaluate(
    (items) => chrome.storage.sync.set(items),
    otherComputer({ [twoDaysAgo]: 'd600/15', [yesterday]: 'd300/15', [today]: 'p1200' }),
  );
  await expect(week).toHaveAttribute('data-count', '1');
  const tonight = popup.getByTestId('tonight');
  const local = async () =>
    (await extension.getData<{ screenMinutes: number }>(`evening:${today}`))?.screenMinutes ?? 0;
  await expect
    .poll(async () => Number(await tonight.getAttribute('data-minutes')) - (await local()))
    .toBe(20);
  await expect.poll(async () => Number(await badge(extension)) - (await local())).toBe(20);
  await expect(options.getByText('Counting together with one other computer.')).toBeVisible();

  // The history counts the same week.
  const history = await extension.open('evenings.html');
  await expect(history.getByTestId('week-progress')).toHaveAttribute('data-count', '1');

  // Off: this computer's items leave sync, the desktop's stay, and every local record is kept.
  await checkbox.uncheck();
  await expect(checkbox).not.toBeChecked();
  await expect(options.getByText('Sync is off. Everything stays on this computer.')).toBeVisible();
  await expect
    .poll(async () =>
      Object.keys(await syncItems(options))
        .filter((k) => k.startsWith('e.'))
        .sort(),
    )
    .toEqual(Object.keys(otherComputer({ [twoDaysAgo]: '', [today]: '' })).sort());
  for (const key of ours) expect(Object.keys(await syncItems(options))).not.toContain(key);
  expect(await extension.getData(`evening:${twoDaysAgo}`)).toMatchObject({ screenMinutes: 10 });
  expect(await extension.getData(`evening:${yesterday}`)).toMatchObject({ screenMinutes: 5 });
  expect(await extension.getData(`evening:${today}`)).toBeTruthy();
  await popup.reload();
  await expect(popup.getByTestId('week-progress')).toHaveAttribute('data-count', '2');
  await expect
    .poll(
      async () =>
        Number(await popup.getByTestId('tonight').getAttribute('data-minutes')) - (await local()),
    )
    .toBe(0);
  await expect.poll(async () => Number(await badge(extension)) - (await local())).toBe(0);
});
