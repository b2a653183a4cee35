import { defaultSettings } from '../../utils/settings/settings';
import { dayZone, eveningZone, expect, storedEvening, test, type Extension } from './fixtures';

/** The stored settings: the defaults with these prompt settings. */
function settingsWith(prompts: Record<string, unknown>): Record<string, unknown> {
  return {
    settings: { ...defaultSettings(), prompts: { ...defaultSettings().prompts, ...prompts } },
  };
}

/** Tonight's prompt set to a deeper, not tender one (as "Ask this tonight" would). */
async function deeperTonight(extension: Extension): Promise<string> {
  const date = await extension.localDate();
  await extension.putData(storedEvening(date, 'in-progress', { promptAsked: 'emotional_01' }));
  return date;
}

const savedIds = async (extension: Extension) =>
  (await extension.getData<{ prompts: { saved: string[] } }>('settings'))?.prompts.saved ?? [];

test.describe('tonight’s prompt, in the evening', () => {
  test.use({ timeZone: eveningZone() });

  test('"Something lighter" on the new tab swaps it for a light one, and the popup agrees', async ({
    extension,
  }) => {
    const date = await deeperTonight(extension);
    const newtab = await extension.open('newtab.html');
    const prompt = newtab.getByTestId('prompt');
    await expect(prompt).toHaveAttribute('data-id', 'emotional_01');
    const lighter = newtab.getByRole('button', { name: 'Something lighter' });
    await lighter.click();
    await expect(prompt).not.toHaveAttribute('data-id', 'emotional_01');
    // A light prompt offers nothing lighter.
    await expect(lighter).toBeHidden();
    const id = await prompt.getAttribute('data-id');
    const popup = await extension.open('popup.html');
    await expect(popup.getByTestId('prompt')).toHaveAttribute('data-id', id!);
    await expect(popup.getByRole('button', { name: 'Something lighter' })).toBeHidden();
    const record = await extension.getData<{ promptLighterAt?: number }>(`evening:${date}`);
    expect(record?.promptLighterAt).toBe(0);
  });

  test('"Go deeper" reveals the follow-up question on the prompt card', async ({ extension }) => {
    await deeperTonight(extension);
    const newtab = await extension.open('newtab.html');
    const deeper = newtab.getByRole('button', { name: 'Go deeper' });
    await expect(deeper).toHaveAttribute('aria-expanded', 'false');
    await expect(newtab.getByText('What would make it feel a little lighter?')).toBeHidden();
    await deeper.click();
    await expect(deeper).toHaveAttribute('aria-expanded', 'true');
    await expect(newtab.getByText('What would make it feel a little lighter?')).toBeVisible();
  });

  test('the star saves the prompt (popup and new tab agree), and unsaves it', async ({
    extension,
  }) => {
    await deeperTonight(extension);
    const popup = await extension.open('popup.html');
    const star = popup.getByRole('button', { name: 'Save this question' });
    await expect(star).toHaveAttribute('aria-pressed', 'false');
    await star.click();
    await expect(star).toHaveAttribute('aria-pressed', 'true');
    expect(await savedIds(extension)).toEqual(['emotional_01']);
    const newtab = await extension.open('newtab.html');
    await expect(newtab.getByRole('button', { name: 'Save this question' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await star.click();
    await expect(star).toHaveAttribute('aria-pressed', 'false');
    expect(await savedIds(extension)).toEqual([]);
  });

  test('after "We connected", the confirmation offers the follow-up; "Close" gives focus back', async ({
    extension,
  }) => {
    await deeperTonight(extension);
    const popup = await extension.open('popup.html');
    const connected = popup.getByRole('button', { name: 'We connected' });
    await connected.click();
    await popup.getByLabel('Emotional').check();
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect(popup.getByRole('status')).toContainText('Saved');
    const deeper = popup.getByRole('button', { name: 'Go deeper' });
    await expect(deeper).toBeFocused();
    await deeper.click();
    await expect(popup.getByText('What would make it feel a little lighter?')).toBeVisible();
    await popup.getByRole('button', { name: 'Close' }).click();
    await expect(connected).toBeFocused();
  });

  test('"Keep it light for now" never shows a tender prompt, even one asked for tonight', async ({
    extension,
  }) => {
    const date = await extension.localDate();
    await extension.putData({
      ...settingsWith({ keepLight: true }),
      ...storedEvening(date, 'in-progress', { promptAsked: 'emotional_05' }),
    });
    const popup = await extension.open('popup.html');
    await expect(popup.getByTestId('prompt')).toHaveAttribute('data-id', /\w+/);
    await expect(popup.getByTestId('prompt')).not.toHaveAttribute('data-id', 'emotional_05');
  });
});

test.describe('saved questions', () => {
  test.use({ timeZone: dayZone() });

  test('the history lists them, a retired one as such; "Ask this tonight" and "Remove" work', async ({
    extension,
  }) => {
    await extension.putData(settingsWith({ saved: ['care_07', 'care_19'] }));
    const history = await extension.open('evenings.html');
    const section = history.getByTestId('saved-questions');
    await expect(section.getByRole('heading', { name: 'Saved questions' })).toBeVisible();
    const items = section.getByRole('listitem');
    await expect(items).toHaveCount(2);
    // Newest first: the question, then the retired one.
    await expect(items.nth(0)).toContainText('handwritten coupon');
    await expect(items.nth(1)).toContainText('A question we have since retired from the library.');
    await expect(items.nth(1).getByRole('button', { name: 'Ask this tonight' })).toHaveCount(0);

    await items.nth(0).getByRole('button', { name: 'Ask this tonight' }).click();
    await expect(section.getByRole('status')).toContainText('question');
    const newtab = await extension.open('newtab.html');
    await expect(newtab.getByTestId('prompt')).toHaveAttribute('data-id', 'care_19');
    await expect(newtab.getByRole('button', { name: 'Save this question' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await items.nth(1).getByRole('button', { name: 'Remove' }).click();
    await expect(items).toHaveCount(1);
    expect(await savedIds(extension)).toEqual(['care_19']);
    await expect(section.getByRole('heading', { name: 'Saved questions' })).toBeFocused();
  });

  test('with none saved, the history says how to save one', async ({ extension }) => {
    const history = await extension.open('evenings.html');
    await expect(history.getByTestId('saved-questions')).toContainText('Press the star');
  });

  test('options: "Keep it light for now" and "Tonight, one of our saved questions"', async ({
    extension,
  }) => {
    const options = await extension.open('options.html');
    const light = options.getByLabel('Keep it light for now');
    await expect(light).not.toBeChecked();
    await light.check();
    await expect
      .poll(
        async () =>
          (await extension.getData<{ prompts: { keepLight: boolean } }>('settings'))?.prompts
            .keepLight,
      )
      .toBe(true);

    const note = options.getByTestId('choice-note');
    await options.getByLabel('Tonight, one of our saved questions').check();
    await expect(note).toContainText('You have no saved questions yet');
    await expect
      .poll(
        async () =>
          (await extension.getData<{ prompts: { choice: string } }>('settings'))?.prompts.choice,
      )
      .toBe('saved');
    await extension.putData(
      settingsWith({ choice: 'saved', keepLight: true, saved: ['care_19', 'ritual_07'] }),
    );
    await options.reload();
    await expect(note).toContainText('Saved questions that take turns: 2');
    const newtab = await extension.open('newtab.html');
    await expect(newtab.getByTestId('prompt')).toHaveAttribute('data-id', /^(care_19|ritual_07)$/);
  });
});
