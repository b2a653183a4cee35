/**
 * The popup fits Chrome's popup box, panels take and give back keyboard focus, the new tab
 * leads to the ritual, and the history reads well on a narrow screen.
 */
import {
  addDays,
  dayZone,
  eveningZone,
  expect,
  storedEvening,
  test,
  type Extension,
  describeIn,
  liveApp,
} from './fixtures';

/** Chrome shows a popup at most 800 × 600; ours is 360 wide. */
const POPUP = { width: 360, height: 600 };

/** An evening two days ago that the browser never saw, so the popup offers to mark it. */
async function seedUnobserved(extension: Extension): Promise<string> {
  const date = addDays(await extension.localDate(), -2);
  await extension.putData(storedEvening(date, 'unobserved', { screenMinutes: 0 }));
  return date;
}

for (const lang of ['en', 'es', 'de', 'fr', 'pt-BR'] as const) {
  test.describe(`popup in the evening (${lang})`, () => {
    test.use({ timeZone: eveningZone(), lang });

    test('"Putting it down" is inside the popup box without scrolling, with an evening to mark', async ({
      extension,
    }) => {
      await seedUnobserved(extension);
      const page = await extension.context.newPage();
      await page.setViewportSize(POPUP);
      await page.goto(extension.url('popup.html'));
      // Measured on the live popup: the first frame's snapshot is replaced in place.
      await liveApp(page);
      const putDown = page.locator('.actions .button.primary');
      await expect(putDown).toBeVisible();
      const box = (await putDown.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(POPUP.height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        POPUP.width,
      );
    });
  });
}

describeIn(eveningZone(), 'keyboard focus', () => {
  test('popup: a form takes focus when it opens and gives it back when it closes', async ({
    extension,
  }) => {
    const page = await extension.open('popup.html');
    const snooze = page.getByRole('button', { name: 'Snooze', exact: true });
    await snooze.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('form.snooze')).toBeVisible();
    expect(await page.evaluate(() => !!document.activeElement?.closest('form.snooze'))).toBe(true);
    await page.locator('form.snooze').getByRole('button', { name: 'Cancel' }).click();
    await expect(snooze).toBeFocused();

    const connected = page.getByRole('button', { name: 'We connected' });
    await connected.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => !!document.activeElement?.closest('form.checkin'))).toBe(true);
    await page.getByLabel('Emotional').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status')).toContainText(/saved/i);
    // The confirmation that replaces the form offers tonight's follow-up, and takes focus.
    await expect(page.getByRole('button', { name: 'Go deeper' })).toBeFocused();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(connected).toBeFocused();
  });

  test('new tab: "I need it for a moment" focuses the question; Escape goes back', async ({
    extension,
  }) => {
    const page = await extension.open('newtab.html');
    const need = page.getByRole('button', { name: 'I need it for a moment' });
    await need.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('What for? (optional)')).toBeFocused();
    await page.keyboard.type('a form');
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('What for? (optional)')).toHaveCount(0);
    await expect(need).toBeFocused();
    await need.press('Enter');
    await expect(page.getByLabel('What for? (optional)')).toHaveValue('');
    await page.getByRole('button', { name: 'Never mind' }).click();
    await expect(need).toBeFocused();
    // Nothing was granted: the next new tab still invites.
    const next = await extension.open('newtab.html');
    await expect(next.getByTestId('prompt')).toBeVisible();
  });
});

test.describe('the new tab leads to the ritual', () => {
  for (const [moment, zone] of [
    ['evening', eveningZone()],
    ['day', dayZone()],
  ] as const) {
    describeIn(zone, moment, () => {
      test(`in the ${moment}`, async ({ extension }) => {
        const page = await extension.open('newtab.html');
        await page.getByRole('link', { name: 'End-of-day ritual' }).click();
        await expect(page.getByTestId('ritual')).toBeVisible();
      });
    });
  }
});

describeIn(eveningZone(), 'history', () => {
  test('a new user in their first evening sees the empty state, not a blank chart', async ({
    extension,
  }) => {
    await extension.observeNow();
    const today = await extension.localDate();
    await expect
      .poll(async () => (await extension.getData<{ status: string }>(`evening:${today}`))?.status)
      .toBe('in-progress');
    const page = await extension.open('evenings.html');
    await expect(page.getByText('Nothing here yet.')).toBeVisible();
  });

  test('on a 400-pixel screen the chart’s dates stay readable and nothing spills sideways', async ({
    extension,
  }) => {
    const date = await seedUnobserved(extension);
    const page = await extension.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(extension.url('evenings.html'));
    const tick = page.locator('.axis .tick').first();
    await expect(tick).toBeVisible();
    expect((await tick.boundingBox())!.height).toBeGreaterThanOrEqual(12);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      400,
    );
    // The evening to mark is named by its date, not only its weekday.
    const day = new Date(`${date}T12:00:00Z`).getUTCDate();
    await expect(page.getByText(new RegExp(`evening of \\w+, \\w+ ${day}\\b`))).toBeVisible();
  });
});
