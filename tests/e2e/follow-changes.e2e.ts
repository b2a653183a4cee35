/**
 * Every open page follows changes made elsewhere (SPEC §8): another options tab, a check-in in
 * the popup, "another one", "I need it for a moment", an import or an erase. None of these
 * tests reloads a page; each waits for the change to show up where it was not made. The
 * options page never overwrites a field the user is in: the stored value shows once they leave.
 */
import type { Page } from '@playwright/test';
import { closeFollowUpOffer, dayZone, describeIn, eveningZone, expect, test } from './fixtures';

const LIMIT = 'Screen-time limit per evening (minutes)';
const GOAL = 'Weekly goal (evenings)';
const QUIET = 'Minutes between nudges after the limit';

/** Types `value` into a labelled field and leaves it, as a user would: that saves it. */
async function setField(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label).fill(value);
  await page.getByLabel(label).press('Tab');
}

describeIn(dayZone(), 'two options tabs', () => {
  test('each shows what the other saved, and never what the user is typing over', async ({
    extension,
  }) => {
    const one = await extension.open('options.html');
    const two = await extension.open('options.html');

    await setField(one, GOAL, '5');
    await expect(two.getByLabel(GOAL)).toHaveValue('5');

    // Half-typed in tab two; tab one saves the same field and another one.
    await two.getByLabel(LIMIT).fill('4');
    await expect(two.getByLabel(LIMIT)).toBeFocused();
    await setField(one, LIMIT, '30');
    await setField(one, GOAL, '6');
    await expect(two.getByLabel(GOAL)).toHaveValue('6');
    await expect(two.getByLabel(LIMIT)).toHaveValue('4');
    // Leaving the field saves what was typed there, on top of tab one's change to that field.
    await two.getByLabel(LIMIT).press('Tab');
    await expect(one.getByLabel(LIMIT)).toHaveValue('4');
    const stored = await extension.getData<{ limitMinutes: number; weeklyGoal: number }>(
      'settings',
    );
    expect([stored?.limitMinutes, stored?.weeklyGoal]).toEqual([4, 6]);

    // Only in the field, nothing typed: the new value waits until the user leaves.
    await two.getByLabel(QUIET).focus();
    await setField(one, QUIET, '60');
    await setField(one, GOAL, '2');
    await expect(two.getByLabel(GOAL)).toHaveValue('2');
    await expect(two.getByLabel(QUIET)).toHaveValue('30');
    await two.getByLabel(QUIET).press('Tab');
    await expect(two.getByLabel(QUIET)).toHaveValue('60');

    // A time field and a select follow as well.
    await setField(one, 'Friday evening starts', '21:15');
    await one.getByLabel('Week starts on').selectOption({ label: 'Sunday' });
    await expect(two.getByLabel('Friday evening starts')).toHaveValue('21:15');
    await expect(two.getByLabel('Week starts on')).toHaveValue('0');
  });

  test('an import or an erase in one tab shows in the other', async ({ extension }) => {
    const one = await extension.open('options.html');
    const two = await extension.open('options.html');
    const popup = await extension.open('popup.html');
    const file = {
      app: 'closer',
      schemaVersion: 1,
      settings: {
        schedule: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
          weekday,
          enabled: true,
          start: '19:45',
          end: '22:00',
        })),
        limitMinutes: 25,
        weeklyGoal: 6,
        weekStartsOn: 1,
        nudges: { enabled: false },
      },
      evenings: [],
    };
    await one.getByLabel('Import data').setInputFiles({
      name: 'closer.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect(two.getByLabel(LIMIT)).toHaveValue('25');
    await expect(two.getByLabel('Monday evening starts')).toHaveValue('19:45');
    await expect(popup.getByTestId('week-progress')).toHaveAttribute('data-goal', '6');

    await one.getByRole('button', { name: 'Erase all data' }).click();
    await one.getByRole('button', { name: 'Erase everything' }).click();
    await expect(two.getByLabel(LIMIT)).toHaveValue('15');
    await expect(popup.getByTestId('week-progress')).toHaveAttribute('data-goal', '3');
  });
});

describeIn(eveningZone(), 'pages follow what other pages do', () => {
  test('a check-in, "another one" and "I need it for a moment" show everywhere at once', async ({
    extension,
  }) => {
    const history = await extension.open('evenings.html');
    const newtab = await extension.open('newtab.html');
    const popup = await extension.open('popup.html');
    await expect(history.locator('li[data-kind="physical"]')).toHaveCount(0);

    await popup.getByRole('button', { name: 'We connected' }).click();
    await popup.getByLabel('Physical').check();
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect(history.locator('li[data-kind="physical"]')).toHaveAttribute('data-count', '1');
    // The popup's own confirmation first: the follow-up offer comes with it.
    await expect(popup.getByRole('status')).toContainText('Saved');
    await closeFollowUpOffer(popup);

    const before = await newtab.getByTestId('prompt').textContent();
    await popup.getByRole('button', { name: 'Another one' }).click();
    await expect(popup.getByTestId('prompt')).not.toHaveText(before!);
    const after = await popup.getByTestId('prompt').textContent();
    await expect(newtab.getByTestId('prompt')).toHaveText(after!);

    await newtab.getByRole('button', { name: 'I need it for a moment' }).click();
    await newtab.getByLabel('What for? (optional)').fill('the train times');
    await newtab.getByRole('button', { name: 'Continue for 5 minutes' }).click();
    await expect(history.getByTestId('reasons')).toContainText('the train times');
  });
});
