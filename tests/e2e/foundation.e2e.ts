import { dayZone, eveningZone, expect, test } from './fixtures';

test.describe('in an evening zone', () => {
  test.use({ timeZone: eveningZone() });

  test('new tab and popup say it is the evening', async ({ extension }) => {
    const newtab = await extension.open('newtab.html');
    await expect(newtab.getByTestId('newtab')).toHaveAttribute('data-evening', 'true');
    const popup = await extension.open('popup.html');
    await expect(popup.getByTestId('popup')).toHaveAttribute('data-evening', 'true');
    await expect(popup.getByTestId('tonight')).toHaveAttribute('data-minutes', /^\d+$/);
    await expect(popup.getByTestId('week-progress')).toHaveAttribute('data-goal', '3');
    await expect(popup.getByTestId('prompt')).toHaveAttribute('data-category', /\w+/);
  });

  test('the worker starts and keeps a one-minute tick during the evening', async ({
    extension,
  }) => {
    await expect
      .poll(async () => (await extension.alarms()).map((a) => a.name).sort())
      .toEqual(['closer-evening-end', 'closer-tick']);
    const tick = (await extension.alarms()).find((a) => a.name === 'closer-tick')!;
    expect(tick.periodInMinutes).toBe(1);
  });
});

test.describe('in a day zone', () => {
  test.use({ timeZone: dayZone() });

  test('new tab and popup say it is not the evening', async ({ extension }) => {
    const newtab = await extension.open('newtab.html');
    await expect(newtab.getByTestId('newtab')).toHaveAttribute('data-evening', 'false');
    await expect(newtab.getByTestId('week-progress')).toHaveAttribute('data-count', '0');
    const popup = await extension.open('popup.html');
    await expect(popup.getByTestId('popup')).toHaveAttribute('data-evening', 'false');
    await expect(popup.getByTestId('tonight')).toHaveCount(0);
  });

  test('outside the evening there is one alarm, for the next evening, and it is not periodic', async ({
    extension,
  }) => {
    await expect
      .poll(async () => (await extension.alarms()).map((a) => a.name))
      .toEqual(['closer-next-evening']);
    const [next] = await extension.alarms();
    expect(next!.periodInMinutes).toBeUndefined();
    expect(next!.scheduledTime).toBeGreaterThan(Date.now());
  });

  test('the options page renders', async ({ extension }) => {
    const options = await extension.open('options.html');
    await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  });
});
