import AxeBuilder from '@axe-core/playwright';
import { addDays, dayZone, eveningZone, expect, storedEvening, test, describeIn } from './fixtures';

describeIn(dayZone(), 'history', () => {
  test('a new user sees the empty states', async ({ extension }) => {
    const page = await extension.open('evenings.html');
    await expect(page.getByTestId('week-progress')).toHaveAttribute('data-count', '0');
    await expect(page.getByText('Nothing here yet.')).toBeVisible();
    await expect(page.getByText('No check-ins in the last four weeks.')).toBeVisible();
    await expect(page.getByText('No reasons noted this week.')).toBeVisible();
    await expect(page.getByTestId('streak')).toHaveAttribute('data-weeks', '0');
    await expect(page.locator('svg rect.bar')).toHaveCount(26);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  test('re-reads when the worker reports a change', async ({ extension }) => {
    const page = await extension.open('evenings.html');
    await expect(page.getByTestId('week-progress')).toHaveAttribute('data-count', '0');
    const today = await extension.localDate();
    await extension.putData(storedEvening(today, 'distraction-free', { screenMinutes: 4 }));
    await expect(page.getByTestId('week-progress')).toHaveAttribute('data-count', '0');
    const sender = await extension.open('popup.html');
    await sender.evaluate(() => chrome.runtime.sendMessage({ name: 'closer:changed' }));
    await expect(page.getByTestId('week-progress')).toHaveAttribute('data-count', '1');
  });

  test('shows seeded weeks, streak, balance and reasons; an unobserved evening can be marked', async ({
    extension,
  }) => {
    const today = await extension.localDate();
    const entries: Record<string, unknown> = {};
    const add = (
      offset: number,
      status: Parameters<typeof storedEvening>[1],
      extra: Record<string, unknown> = {},
    ) => Object.assign(entries, storedEvening(addDays(today, offset), status, extra));
    // Seven full weeks back, every evening distraction-free: those weeks meet a goal of 3.
    for (let offset = -49; offset <= -8; offset += 1) add(offset, 'distraction-free');
    add(-3, 'unobserved');
    add(-2, 'over', {
      checkIns: [{ kinds: ['physical', 'emotional'], at: new Date().toISOString(), note: '' }],
      reasons: [{ at: new Date().toISOString(), source: 'need-it', text: 'paying the rent' }],
    });
    await extension.putData(entries);

    const page = await extension.open('evenings.html');
    await expect(page.locator('svg rect.bar')).toHaveCount(26);
    const counts = await page
      .locator('svg rect.bar')
      .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count'))));
    expect(counts.filter((c) => c === 7).length).toBeGreaterThanOrEqual(5);
    await expect(page.locator('li[data-kind="physical"]')).toHaveAttribute('data-count', '1');
    await expect(page.locator('li[data-kind="spiritual"]')).toHaveAttribute('data-count', '0');
    // Emotional and physical had a check-in; intellectual is first of the quiet ones.
    await expect(page.getByTestId('suggestion')).toContainText('Curiosity');

    // This week's count and reasons depend on where the week starts; recount from the dots.
    const weekStart = await page
      .locator('[data-testid="week-progress"] li')
      .first()
      .getAttribute('data-date');
    const inWeek = (offset: number) => addDays(today, offset) >= weekStart!;
    // Last week holds as many seeded screen-free evenings as days have passed this week
    // (offsets -k-7 … -8); with three or more it meets the goal and joins the earlier full weeks.
    const k = [0, 1, 2, 3, 4, 5, 6].find((d) => addDays(weekStart!, d) === today)!;
    const streak = Number(await page.getByTestId('streak').getAttribute('data-weeks'));
    if (k < 3) expect(streak).toBe(0);
    else expect(streak).toBeGreaterThanOrEqual(5);
    if (inWeek(-2)) await expect(page.getByText('“paying the rent”')).toBeVisible();
    const before = Number(await page.getByTestId('week-progress').getAttribute('data-count'));

    await page.getByRole('button', { name: 'We were screen-free' }).click();
    await expect(page.getByRole('button', { name: 'We were screen-free' })).toHaveCount(0);
    const after = Number(await page.getByTestId('week-progress').getAttribute('data-count'));
    expect(after).toBe(before + (inWeek(-3) ? 1 : 0));
    const marked = await extension.getData<{ markedScreenFree?: boolean }>(
      `evening:${addDays(today, -3)}`,
    );
    expect(marked?.markedScreenFree).toBe(true);
  });
});

describeIn(eveningZone(), 'ritual', () => {
  test('goes through every step with the keyboard and records a check-in', async ({
    extension,
  }) => {
    const page = await extension.open('ritual.html');
    await page.getByLabel('Your name (optional)').fill('Sam');
    await page.getByLabel("Your partner's name (optional)").fill('Alex');
    await page.getByLabel('Alex').check();
    await page.getByLabel('1 min').check();
    const next = page.getByRole('navigation').getByRole('button').last();
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText("Alex's turn")).toBeVisible();
    await expect(page.getByRole('progressbar')).toBeVisible();
    const ritual = page.getByTestId('ritual');
    for (let turn = 0; turn < 5; turn += 1) {
      const index = Number(await ritual.getAttribute('data-index'));
      await next.focus();
      await page.keyboard.press('Enter');
      await expect(ritual).toHaveAttribute('data-index', String(index + 1));
    }
    await expect(page.getByText("Sam's turn")).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('appreciated');
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('ritual')).toHaveAttribute('data-step', 'checkin');
    await page.getByLabel('Emotional').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Spiritual').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('ritual')).toHaveAttribute('data-step', 'end');
    await expect(page.getByRole('button', { name: 'Close the laptop' })).toBeVisible();

    const date = await extension.localDate();
    const record = await extension.getData<{ checkIns: { kinds: string[]; source: string }[] }>(
      `evening:${date}`,
    );
    expect(record!.checkIns).toEqual([
      expect.objectContaining({ kinds: ['emotional', 'spiritual'], source: 'ritual' }),
    ]);
    const closed = page.waitForEvent('close');
    await page.getByRole('button', { name: 'Close the laptop' }).click();
    await closed;
  });
});

test.describe('ritual in Spanish', () => {
  test.use({ timeZone: eveningZone(), lang: 'es' });

  test('the first screen speaks Spanish', async ({ extension }) => {
    const page = await extension.open('ritual.html');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('El final del día, en pareja');
    await expect(page.getByRole('button', { name: 'Empezar' })).toBeVisible();
  });
});
