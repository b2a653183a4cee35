import {
  addDays,
  closeFollowUpOffer,
  dayZone,
  describeIn,
  eveningZone,
  expect,
  storedEvening,
  test,
} from './fixtures';

describeIn(eveningZone(), 'new tab in the evening', () => {
  test('shows the invitation with tonight’s prompt, minutes and week', async ({ extension }) => {
    const page = await extension.open('newtab.html');
    await expect(page.getByTestId('newtab')).toHaveAttribute('data-evening', 'true');
    await expect(page.getByTestId('prompt')).toHaveAttribute('data-category', /\w+/);
    await expect(page.getByTestId('tonight')).toHaveAttribute('data-minutes', /^\d+$/);
    await expect(page.getByTestId('week-progress')).toHaveAttribute('data-goal', '3');
    // The address bar keeps focus and what was typed: nothing on the page takes focus.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  });

  test('popup and new tab agree on tonight’s prompt; "Another one" moves both', async ({
    extension,
  }) => {
    const newtab = await extension.open('newtab.html');
    const popup = await extension.open('popup.html');
    const first = await popup.getByTestId('prompt').textContent();
    expect(await newtab.getByTestId('prompt').textContent()).toBe(first);
    await popup.getByRole('button', { name: 'Another one' }).click();
    await expect(popup.getByTestId('prompt')).not.toHaveText(first!);
    const second = await popup.getByTestId('prompt').textContent();
    await newtab.reload();
    await expect(newtab.getByTestId('prompt')).toHaveText(second!);
  });

  test('"Putting it down" closes the new tab', async ({ extension }) => {
    const page = await extension.open('newtab.html');
    const closed = page.waitForEvent('close');
    await page.getByRole('button', { name: 'Putting it down' }).click();
    await closed;
    const date = await extension.localDate();
    await expect
      .poll(
        async () => (await extension.getData<{ putDownAt?: string }>(`evening:${date}`))?.putDownAt,
      )
      .toBeTruthy();
  });

  test('"I need it for a moment" asks what for, lets new tabs through, and the invitation returns after 5 minutes', async ({
    extension,
  }) => {
    const page = await extension.open('newtab.html');
    await page.getByRole('button', { name: 'I need it for a moment' }).click();
    await page.getByLabel('What for? (optional)').fill('paying the rent');
    await page.getByRole('button', { name: 'Continue for 5 minutes' }).click();

    const next = await extension.open('newtab.html');
    await expect(next.getByTestId('newtab')).toHaveAttribute('data-allowed', 'true');
    await expect(next.getByTestId('prompt')).toHaveCount(0);
    const date = await extension.localDate();
    const record = await extension.getData<{ reasons: { source: string; text: string }[] }>(
      `evening:${date}`,
    );
    expect(record!.reasons).toEqual([
      expect.objectContaining({ source: 'need-it', text: 'paying the rent' }),
    ]);

    // Five minutes later: age the stored allowance as time would.
    const allowance = await extension.getData<{ until: number; grantedAt: number }>('allowance');
    await extension.putData({
      allowance: { grantedAt: allowance!.grantedAt - 300_000, until: allowance!.until - 300_000 },
    });
    const later = await extension.open('newtab.html');
    await expect(later.getByTestId('newtab')).toHaveAttribute('data-evening', 'true');
    await expect(later.getByTestId('newtab')).not.toHaveAttribute('data-allowed', 'true');
    await expect(later.getByTestId('prompt')).toBeVisible();
  });

  test('the popup records a "We connected" check-in and a snooze with its reason', async ({
    extension,
  }) => {
    const date = await extension.localDate();
    const popup = await extension.open('popup.html');
    await popup.getByRole('button', { name: 'We connected' }).click();
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect(popup.getByRole('alert')).toContainText('Pick at least one');
    await popup.getByLabel('Emotional').check();
    await popup.getByLabel('Physical').check();
    await popup.getByLabel('A private note (optional)').fill('long walk');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect(popup.getByRole('status')).toContainText('Saved');
    await closeFollowUpOffer(popup);

    await popup.getByRole('button', { name: 'Snooze' }).click();
    await popup.getByLabel('1 hour').check();
    await popup.getByLabel('What for? (optional)').fill('a work call');
    await popup.getByRole('button', { name: 'Snooze' }).last().click();
    await expect(popup.getByRole('status')).toContainText('60 minutes');

    const record = await extension.getData<{
      checkIns: { kinds: string[]; note: string; source: string }[];
      reasons: { source: string; text: string }[];
    }>(`evening:${date}`);
    expect(record!.checkIns).toEqual([
      expect.objectContaining({
        kinds: ['emotional', 'physical'],
        note: 'long walk',
        source: 'popup',
      }),
    ]);
    expect(record!.reasons).toEqual([
      expect.objectContaining({ source: 'snooze', text: 'a work call' }),
    ]);
    const state = await extension.getData<{ snooze: { until: number } }>('nudge-state');
    expect(state!.snooze.until - Date.now()).toBeGreaterThan(55 * 60_000);
  });
});

describeIn(dayZone(), 'an evening the browser never saw', () => {
  test('can be marked "We were screen-free" from the popup within a week', async ({
    extension,
  }) => {
    const today = await extension.localDate();
    const date = addDays(today, -2);
    await extension.putData(storedEvening(date, 'unobserved', { screenMinutes: 0 }));
    const popup = await extension.open('popup.html');
    await popup.getByRole('button', { name: 'We were screen-free' }).click();
    await expect(popup.getByRole('button', { name: 'We were screen-free' })).toHaveCount(0);
    const record = await extension.getData<{ markedScreenFree?: boolean; status: string }>(
      `evening:${date}`,
    );
    expect(record).toMatchObject({ markedScreenFree: true, status: 'unobserved' });
  });
});

describeIn(dayZone(), 'new tab in the day', () => {
  test('shows the week, this week’s challenge and a question to save for tonight', async ({
    extension,
  }) => {
    const page = await extension.open('newtab.html');
    await expect(page.getByTestId('newtab')).toHaveAttribute('data-evening', 'false');
    await expect(page.getByTestId('week-progress')).toHaveAttribute('data-count', '0');
    await expect(page.getByTestId('challenge')).toHaveAttribute(
      'data-kind',
      /^(emotional|intellectual|physical|experiential|spiritual)$/,
    );
    await expect(page.getByTestId('challenge').locator('li')).toHaveCount(3);
    await expect(page.getByTestId('prompt')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Putting it down' })).toHaveCount(0);
  });
});

test.describe('in Spanish', () => {
  test.use({ timeZone: eveningZone(), lang: 'es' });

  test('the popup and new tab speak Spanish', async ({ extension }) => {
    const popup = await extension.open('popup.html');
    await expect(popup.getByRole('button', { name: 'Lo dejo por hoy' })).toBeVisible();
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^es/);
    const newtab = await extension.open('newtab.html');
    await expect(newtab.getByRole('button', { name: 'Lo necesito un momento' })).toBeVisible();
  });
});
