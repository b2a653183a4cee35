import { dayZone, eveningZone, expect, test, describeIn } from './fixtures';

describeIn(eveningZone(), 'in the evening, while active', () => {
  test('a nudge arrives within a minute, carrying tonight’s prompt', async ({ extension }) => {
    await expect
      .poll(async () => Object.keys(await extension.notifications()), { timeout: 60_000 })
      .toEqual([expect.stringMatching(/^closer-nudge:\d{4}-\d{2}-\d{2}:evening-start$/)]);
  });

  test('"Putting it down" in the popup stops further nudges until the user is active again', async ({
    extension,
  }) => {
    const date = await extension.localDate();
    await expect.poll(async () => Object.keys(await extension.notifications()).length).toBe(1);
    await extension.inWorker(
      () =>
        new Promise((done) =>
          chrome.notifications.getAll((all) => {
            for (const id of Object.keys(all)) chrome.notifications.clear(id);
            done(undefined);
          }),
        ),
      undefined,
    );
    // Tonight is 11 minutes in and the last nudge was 10 minutes ago: "5 minutes left" is due.
    const seeded = {
      date,
      screenMinutes: 11,
      screenSeconds: 11 * 60,
      status: 'in-progress',
      nudges: 1,
      nudgeKindsSent: ['evening-start'],
      lastNudgeAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      checkIns: [],
    };
    await extension.putData({ [`evening:${date}`]: seeded });

    const popup = await extension.open('popup.html');
    await popup.getByRole('button', { name: 'Putting it down' }).click();
    await expect
      .poll(
        async () => (await extension.getData<{ putDownAt?: string }>(`evening:${date}`))?.putDownAt,
      )
      .toBeTruthy();
    await extension.observeNow();
    await extension.observeNow();
    expect(Object.keys(await extension.notifications())).toEqual([]);
    expect((await extension.getData<{ nudges: number }>(`evening:${date}`))!.nudges).toBe(1);

    // Five more active minutes (now over the limit): nudges may come again.
    const later = await extension.getData<typeof seeded & { putDownScreenSeconds: number }>(
      `evening:${date}`,
    );
    await extension.putData({
      [`evening:${date}`]: {
        ...later,
        screenSeconds: later!.putDownScreenSeconds + 5 * 60,
        screenMinutes: 16,
      },
    });
    await extension.observeNow();
    await expect
      .poll(async () => Object.keys(await extension.notifications()))
      .toEqual([`closer-nudge:${date}:over-limit`]);
  });
});

describeIn(eveningZone(), 'a snooze, seen again later', () => {
  test('the popup says nudges are paused and "Resume nudges" ends the snooze', async ({
    extension,
  }) => {
    const first = await extension.open('popup.html');
    await first.getByRole('button', { name: 'Snooze', exact: true }).click();
    await first.getByLabel('30 min').check();
    await first.locator('form.snooze').getByRole('button', { name: 'Snooze' }).click();
    await first.close();

    const popup = await extension.open('popup.html');
    await expect(popup.getByTestId('snoozed')).toContainText('Nudges are paused until');
    await expect(popup.getByRole('button', { name: 'Snooze', exact: true })).toHaveCount(0);
    await popup.getByRole('button', { name: 'Resume nudges' }).click();
    await expect(popup.getByTestId('snoozed')).toHaveCount(0);
    await expect(popup.getByRole('button', { name: 'Snooze', exact: true })).toBeFocused();
    const state = await extension.getData<{ snooze: unknown }>('nudge-state');
    expect(state!.snooze).toBeNull();
  });

  test('"Not tonight" reads as the rest of the evening', async ({ extension }) => {
    const today = await extension.localDate();
    await extension.putData({
      'nudge-state': { snooze: { notTonight: today }, headsUpSentFor: null },
    });
    const popup = await extension.open('popup.html');
    await expect(popup.getByTestId('snoozed')).toHaveText('No more nudges tonight.');
  });
});

describeIn(dayZone(), 'in the day', () => {
  test('no nudge is sent', async ({ extension }) => {
    await expect.poll(async () => (await extension.alarms()).length).toBe(1);
    await extension.observeNow();
    expect(await extension.notifications()).toEqual({});
  });
});

test.describe('in Spanish', () => {
  test.use({ timeZone: eveningZone(), lang: 'es' });

  test('the nudge speaks Spanish', async ({ extension }) => {
    await expect
      .poll(async () => Object.keys(await extension.notifications()).length, { timeout: 60_000 })
      .toBe(1);
    const title = await extension.inWorker(
      () => chrome.i18n.getMessage('nudge_title_evening_start'),
      undefined,
    );
    const english = await extension.inWorker(() => chrome.i18n.getUILanguage(), undefined);
    expect(english).toMatch(/^es/);
    expect(title).not.toBe('');
    expect(title).not.toMatch(/evening/i);
  });
});
