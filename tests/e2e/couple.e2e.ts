import { dayZone, eveningZone, expect, test } from './fixtures';

test.describe('pairing', () => {
  test.use({ timeZone: dayZone() });

  test('a mistyped code is caught with a clear message and nothing is stored; unpairing is one button', async ({
    extension,
  }) => {
    const options = await extension.open('options.html');
    const field = options.getByLabel('Pair code');
    await field.fill('bara bami bido tuso');
    await options.getByRole('button', { name: 'Pair', exact: true }).click();
    await expect(options.getByRole('alert')).toHaveText(
      "“bido” (word 3) isn't one of the pair-code words. Check that word with your partner.",
    );
    await field.fill('bami bara bado tuso');
    await options.getByRole('button', { name: 'Pair', exact: true }).click();
    await expect(options.getByRole('alert')).toContainText("Those four words don't go together");
    expect(await extension.getData('settings')).toBeUndefined();

    await field.fill('Bará bami BADO túso');
    await options.getByRole('button', { name: 'Pair', exact: true }).click();
    await expect(options.getByTestId('pair-code')).toHaveText('bara bami bado tuso');
    await expect(options.getByRole('alert')).toHaveCount(0);
    expect(await extension.getData<{ pairCode: string }>('settings')).toMatchObject({
      pairCode: 'bara-bami-bado-tuso',
    });

    await options.getByRole('button', { name: 'Unpair' }).click();
    await expect(options.getByRole('button', { name: 'Create a pair code' })).toBeFocused();
    expect(await extension.getData<{ pairCode: string | null }>('settings')).toMatchObject({
      pairCode: null,
    });
  });
});

test.describe('send this question to your partner', () => {
  test.use({ timeZone: eveningZone() });

  test('copies tonight’s question as plain text, with a calm confirmation', async ({
    extension,
  }) => {
    await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    for (const path of ['popup.html', 'newtab.html']) {
      const page = await extension.open(path);
      const question = (await page.getByTestId('prompt').textContent())!.trim();
      await page.getByRole('button', { name: 'Send this question to your partner' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(
        'Copied. Paste it wherever you two talk.',
      );
      // Linux Chromium has no share sheet, so the question went to the clipboard.
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        `A question for tonight: ${question}`,
      );
      await page.close();
    }
  });
});
