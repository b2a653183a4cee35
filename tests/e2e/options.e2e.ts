import type { Page } from '@playwright/test';
import { dayZone, expect, test } from './fixtures';

test.use({ timeZone: dayZone() });

async function exportText(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export data' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^closer-export-\d{4}-\d{2}-\d{2}\.json$/);
  const chunks: Buffer[] = [];
  for await (const chunk of (await file.createReadStream())!) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function importFile(page: Page, text: string, name = 'closer.json', label = 'Import data') {
  await page.getByLabel(label).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

const withoutStamp = (text: string) => text.replace(/"exportedAt": ?"[^"]+"/, '');

function validFile(): Record<string, unknown> {
  return {
    app: 'closer',
    schemaVersion: 1,
    exportedAt: '2026-11-24T21:04:05.000Z',
    settings: {
      schedule: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        weekday,
        enabled: weekday !== 6,
        start: '21:30',
        end: '01:00',
      })),
      limitMinutes: 20,
      weeklyGoal: 4,
      weekStartsOn: 1,
      nudges: { enabled: true },
    },
    evenings: [
      {
        date: '2026-11-20',
        screenMinutes: 7,
        status: 'distraction-free',
        nudges: 1,
        checkIns: [{ kinds: ['emotional'], at: '2026-11-20T21:40:00.000Z', note: 'tea' }],
      },
      { date: '2026-11-21', screenMinutes: 45, status: 'over', nudges: 3, checkIns: [] },
    ],
  };
}

test('every section is there', async ({ extension }) => {
  const page = await extension.open('options.html');
  for (const name of [
    'Evenings',
    'Limit and weekly goal',
    'Nudges',
    'Prompts',
    'Your data',
    'About and privacy',
  ]) {
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  }
  await expect(page.getByLabel('Monday evening starts')).toHaveValue('20:00');
});

test('export → import → export gives the same evenings and settings', async ({ extension }) => {
  const page = await extension.open('options.html');
  await importFile(page, JSON.stringify(validFile()));
  await expect(page.locator('section [role="status"]')).toContainText('Imported 2 evenings');
  await expect(page.getByLabel('Monday evening starts')).toHaveValue('21:30');
  const first = await exportText(page);
  const parsed = JSON.parse(first);
  expect(parsed.evenings.map((e: { date: string }) => e.date)).toEqual([
    '2026-11-20',
    '2026-11-21',
  ]);
  expect(parsed.settings.weeklyGoal).toBe(4);

  await importFile(page, first, 'again.json');
  await expect(page.locator('section [role="status"]')).toContainText('Imported 2 evenings');
  expect(withoutStamp(await exportText(page))).toBe(withoutStamp(first));
});

const BAD_FILES: [string, () => string, RegExp][] = [
  ['not JSON', () => '{"app": "closer", ', /can't be read as a Closer export/],
  [
    'the wrong app',
    () => JSON.stringify({ ...validFile(), app: 'other' }),
    /isn't a Closer export/,
  ],
  [
    'an impossible date',
    () => {
      const file = validFile();
      (file.evenings as { date: string }[])[1]!.date = '2026-02-30';
      return JSON.stringify(file);
    },
    /Evening 2 \(February 30, 2026\): that date doesn't exist/,
  ],
  [
    'negative minutes',
    () => {
      const file = validFile();
      (file.evenings as { screenMinutes: number }[])[0]!.screenMinutes = -3;
      return JSON.stringify(file);
    },
    /Evening 1 \(November 20, 2026\): the screen time has to be a whole number of minutes/,
  ],
  [
    'duplicate dates',
    () => {
      const file = validFile();
      (file.evenings as { date: string }[])[1]!.date = '2026-11-20';
      return JSON.stringify(file);
    },
    /Evening 2 \(November 20, 2026\): another evening in the file has the same date/,
  ],
  [
    'a newer schema',
    () => JSON.stringify({ ...validFile(), schemaVersion: 99 }),
    /comes from a newer version of Closer\. Update Closer, then import it again/,
  ],
];

test('a bad file shows what is wrong and changes nothing', async ({ extension }) => {
  const page = await extension.open('options.html');
  await importFile(page, JSON.stringify(validFile()));
  await expect(page.locator('section [role="status"]')).toContainText('Imported');
  const before = await exportText(page);
  for (const [label, make, message] of BAD_FILES) {
    await importFile(page, make(), `${label}.json`);
    await expect(page.getByRole('alert'), label).toContainText(message);
    await expect(page.getByRole('alert')).toContainText('Nothing was imported');
    // The user's words, never the developer's: no paths, field names or JSON.
    await expect(page.getByRole('alert')).not.toContainText(/\w\[\d+\]|schemaVersion|JSON/);
    expect(withoutStamp(await exportText(page)), label).toBe(withoutStamp(before));
  }
});

test('a file with one evening says "1 evening"', async ({ extension }) => {
  const page = await extension.open('options.html');
  const file = validFile();
  file.evenings = (file.evenings as unknown[]).slice(0, 1);
  await importFile(page, JSON.stringify(file));
  await expect(page.locator('section [role="status"]')).toHaveText(
    'Imported 1 evening and your settings.',
  );
});

test('a long list of problems ends with how many more there are', async ({ extension }) => {
  const page = await extension.open('options.html');
  const file = validFile();
  file.evenings = Array.from({ length: 11 }, (_, i) => ({
    ...(file.evenings as object[])[0],
    date: `2026-02-${30 + (i % 2)}`,
  }));
  await importFile(page, JSON.stringify(file));
  await expect(page.getByRole('alert').getByRole('listitem')).toHaveCount(11);
  await expect(page.getByRole('alert').getByRole('listitem').last()).toHaveText(
    '…and 1 more problem.',
  );
});

test('changing the weekly goal changes what the popup shows', async ({ extension }) => {
  const page = await extension.open('options.html');
  await page.getByLabel('Weekly goal (evenings)').fill('5');
  await page.getByLabel('Weekly goal (evenings)').press('Tab');
  await expect(page.locator('main > [role="status"]')).toHaveText('Saved');
  const popup = await extension.open('popup.html');
  await expect(popup.getByTestId('week-progress')).toHaveAttribute('data-goal', '5');
});

test('an invalid value is refused inline and the stored value stays', async ({ extension }) => {
  const page = await extension.open('options.html');
  const end = page.getByLabel('Tuesday evening ends');
  await end.fill('20:00');
  await end.press('Tab');
  await expect(
    page.getByText('The evening must end at a different time than it starts.'),
  ).toBeVisible();
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Weekly goal (evenings)').fill('9');
  await page.getByLabel('Weekly goal (evenings)').press('Tab');
  await expect(page.getByText('The weekly goal must be a whole number from 1 to 7')).toBeVisible();

  const fresh = await extension.open('options.html');
  await expect(fresh.getByLabel('Tuesday evening ends')).toHaveValue('23:00');
  await expect(fresh.getByLabel('Weekly goal (evenings)')).toHaveValue('3');
});

test('erase asks first, then everything is back to the defaults', async ({ extension }) => {
  const page = await extension.open('options.html');
  await importFile(page, JSON.stringify(validFile()));
  await expect(page.getByLabel('Monday evening starts')).toHaveValue('21:30');
  await page.getByRole('button', { name: 'Erase all data' }).click();
  await page.getByRole('button', { name: 'Keep my data' }).click();
  await expect(page.getByLabel('Monday evening starts')).toHaveValue('21:30');
  await page.getByRole('button', { name: 'Erase all data' }).click();
  await page.getByRole('button', { name: 'Erase everything' }).click();
  await expect(page.locator('section [role="status"]')).toContainText('Everything is erased');
  await expect(page.getByLabel('Monday evening starts')).toHaveValue('20:00');
  const exported = JSON.parse(await exportText(page));
  expect(exported.evenings).toEqual([]);
  expect(exported.settings.weeklyGoal).toBe(3);
});

test('the erase question takes the keyboard focus and gives it back', async ({ extension }) => {
  const page = await extension.open('options.html');
  const erase = page.getByRole('button', { name: 'Erase all data' });
  const yes = page.getByRole('button', { name: 'Erase everything' });
  // Focus is on the question or one of its answers: inside the block the question heads.
  const focusInside = () =>
    page.evaluate(() => {
      const question = [...document.querySelectorAll('p')].find((p) =>
        p.textContent?.includes('Erase every evening'),
      );
      const active = document.activeElement;
      return Boolean(
        active && active !== document.body && question?.parentElement?.contains(active),
      );
    });

  await erase.focus();
  await page.keyboard.press('Enter');
  await expect(yes).toBeVisible();
  await expect.poll(focusInside).toBe(true);
  await expect(page.getByRole('group', { name: /Erase every evening/ })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(yes).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Keep my data' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(yes).toBeHidden();
  await expect(erase).toBeFocused();

  // Erasing also leaves the focus on the button, not on the page.
  await page.keyboard.press('Enter');
  await expect.poll(focusInside).toBe(true);
  await yes.press('Enter');
  await expect(page.locator('section [role="status"]')).toContainText('Everything is erased');
  await expect(erase).toBeFocused();
});

/** Loads the options page in a 400 px wide window and waits for the schedule. */
async function openNarrow(extension: { open(path: string): Promise<Page> }): Promise<Page> {
  const page = await extension.open('options.html');
  await page.setViewportSize({ width: 400, height: 800 });
  await expect(page.locator('table.schedule')).toBeVisible();
  return page;
}

test('fits a 400 px wide window: nothing is cut off and the schedule stacks', async ({
  extension,
}) => {
  const page = await openNarrow(extension);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  // Each day is its own block: the end time sits inside the card, under the day's name.
  const card = (await page.getByRole('region', { name: 'Evenings' }).boundingBox())!;
  const end = (await page.getByLabel('Wednesday evening ends').boundingBox())!;
  expect(end.x + end.width).toBeLessThanOrEqual(card.x + card.width);
  const day = (await page.getByLabel('Wednesday', { exact: true }).boundingBox())!;
  expect(end.y).toBeGreaterThan(day.y + day.height - 1);
  // "Same every day" stays on one line.
  const copy = (await page.getByRole('button', { name: 'Same every day' }).first().boundingBox())!;
  expect(copy.height).toBeLessThan(40);
  // The inputs keep their names and still save.
  await page.getByLabel('Wednesday evening ends').fill('23:30');
  await page.getByLabel('Wednesday evening ends').press('Tab');
  await expect(page.locator('main > [role="status"]')).toHaveText('Saved');
});

/** Saves a weekly goal of 5, which shows the page's "Saved" note. */
async function saveGoal(page: Page) {
  await page.getByLabel('Weekly goal (evenings)').fill('5');
  await page.getByLabel('Weekly goal (evenings)').press('Tab');
  await expect(page.locator('main > [role="status"]')).toHaveText('Saved');
}

test('"Saved" goes away by itself and never covers the page at 400 px', async ({ extension }) => {
  const page = await openNarrow(extension);
  await page.getByLabel('Weekly goal (evenings)').scrollIntoViewIfNeeded();
  await saveGoal(page);
  const saved = page.locator('main > [role="status"]');
  const overlaps = await saved.evaluate((note) => {
    const box = note.getBoundingClientRect();
    return [...document.querySelectorAll('main > header, main > section')].filter((other) => {
      const r = other.getBoundingClientRect();
      return box.left < r.right && r.left < box.right && box.top < r.bottom && r.top < box.bottom;
    }).length;
  });
  expect(overlaps, 'sections the note lies on').toBe(0);
  await expect(saved).toHaveText('', { timeout: 6_000 });
  await expect(saved).toBeHidden();
});

test('an import or an erase clears "Saved" and says only what it did', async ({ extension }) => {
  const page = await extension.open('options.html');
  const saved = page.locator('main > [role="status"]');
  await saveGoal(page);
  await importFile(page, JSON.stringify(validFile()));
  await expect(page.locator('section [role="status"]')).toContainText('Imported 2 evenings');
  await expect(saved).toHaveText('', { timeout: 1_000 });

  await saveGoal(page);
  await page.getByRole('button', { name: 'Erase all data' }).click();
  await page.getByRole('button', { name: 'Erase everything' }).click();
  await expect(page.locator('section [role="status"]')).toContainText('Everything is erased');
  await expect(saved).toHaveText('', { timeout: 1_000 });
});

test.describe('in Spanish', () => {
  test.use({ lang: 'es' });

  test('a bad file is explained in Spanish, with the date in words', async ({ extension }) => {
    const page = await extension.open('options.html');
    const file = validFile();
    (file.evenings as { date: string }[])[1]!.date = '2026-02-30';
    await importFile(page, JSON.stringify(file), 'fecha.json', 'Importar datos');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('No se ha importado nada');
    await expect(alert).toContainText('Noche 2 (30 de febrero de 2026): esa fecha no existe.');
    await expect(alert).not.toContainText('evenings[1]');
    await expect(alert).not.toContainText('is not a real date');
    // Nothing changed: Saturday is still on (the file would have turned it off).
    await expect(page.getByLabel('sábado', { exact: true })).toBeChecked();
  });

  test('one imported evening is "1 noche"', async ({ extension }) => {
    const page = await extension.open('options.html');
    const file = validFile();
    file.evenings = (file.evenings as unknown[]).slice(0, 1);
    await importFile(page, JSON.stringify(file), 'una.json', 'Importar datos');
    await expect(page.locator('section [role="status"]')).toHaveText(
      'Se han importado tus ajustes y 1 noche.',
    );
  });

  test('fits a 400 px wide window', async ({ extension }) => {
    const page = await openNarrow(extension);
    await expect(page.getByRole('heading', { name: 'Noches', level: 2 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      400,
    );
  });
});
