import { addDays, dayZone, eveningZone, expect, liveApp, test } from './fixtures';

interface Record {
  date: string;
  screenMinutes: number;
  screenSeconds?: number;
  status: string;
}

test.describe('in the evening', () => {
  test.use({ timeZone: eveningZone() });

  test('tonight’s minutes grow about one a minute, and keep growing after the worker is stopped', async ({
    extension,
  }) => {
    test.setTimeout(200_000);
    const date = await extension.localDate();
    const popup = await extension.open('popup.html');
    const tonight = popup.getByTestId('tonight');
    const minutes = async () => Number(await tonight.getAttribute('data-minutes'));

    // Headless Chromium reports the idle state as active, so every tick counts.
    await expect.poll(minutes, { timeout: 80_000, intervals: [2_000] }).toBeGreaterThanOrEqual(1);
    const before = (await extension.getData<Record>(`evening:${date}`))!.screenSeconds!;

    await extension.restartWorker();
    await expect
      .poll(async () => (await extension.getData<Record>(`evening:${date}`))?.screenSeconds ?? 0, {
        timeout: 80_000,
        intervals: [2_000],
      })
      .toBeGreaterThanOrEqual(before + 55);
    await expect.poll(minutes, { timeout: 25_000 }).toBeGreaterThanOrEqual(2);
    // Never more than real time: at most a minute per elapsed minute, plus one for the edges.
    const record = (await extension.getData<Record>(`evening:${date}`))!;
    expect(record.status).toBe('in-progress');
    expect(record.screenMinutes).toBeLessThanOrEqual(4);
  });

  test('the popup’s week count matches stored history', async ({ extension }) => {
    const today = await extension.localDate();
    const week = await extension.open('popup.html');
    const dates = await week.evaluate(() => new Date().toLocaleDateString('en-CA'));
    expect(dates).toBe(today);
    // Seed every other date of the last two weeks; only this week's distraction-free ones count.
    const entries: globalThis.Record<string, unknown> = {};
    const day = (offset: number) => addDays(today, offset);
    for (let offset = -13; offset < 0; offset += 1) {
      const status = offset % 3 === 0 ? 'over' : 'distraction-free';
      entries[`evening:${day(offset)}`] = {
        date: day(offset),
        screenMinutes: status === 'over' ? 40 : 5,
        status,
        nudges: 0,
        checkIns: [],
      };
    }
    await extension.putData(entries);
    const progress = await extension.open('popup.html');
    // The count to check is the live page's: the first frame may be a snapshot, which the
    // live page replaces in place.
    await liveApp(progress);
    const hook = progress.getByTestId('week-progress');
    const count = Number(await hook.getAttribute('data-count'));
    const dots = progress.locator('[data-testid="week-progress"] li.distraction-free');
    await expect(dots).toHaveCount(count);
    expect(count).toBeGreaterThanOrEqual(0);
    expect(count).toBeLessThanOrEqual(6);
    // Recount from what is stored, with the week start the page shows (the first dot's date).
    const firstDot = await progress
      .locator('[data-testid="week-progress"] li')
      .first()
      .getAttribute('data-date');
    let expected = 0;
    for (let offset = -13; offset < 0; offset += 1) {
      if (day(offset) >= firstDot! && offset % 3 !== 0) expected += 1;
    }
    expect(count).toBe(expected);
  });
});

test.describe('in the day', () => {
  test.use({ timeZone: dayZone() });

  test('there is no periodic alarm, and no badge', async ({ extension }) => {
    await expect.poll(async () => (await extension.alarms()).length).toBe(1);
    const alarms = await extension.alarms();
    expect(alarms.every((a) => a.periodInMinutes === undefined)).toBe(true);
    const badge = await extension.inWorker(() => chrome.action.getBadgeText({}), undefined);
    expect(badge).toBe('');
  });

  test('a stopped worker comes back with its single alarm unchanged', async ({ extension }) => {
    await expect.poll(async () => (await extension.alarms()).length).toBe(1);
    const [before] = await extension.alarms();
    await extension.restartWorker();
    await extension.observeNow();
    const after = await extension.alarms();
    expect(after).toEqual([before]);
  });
});
