import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dayZone, eveningZone, expect, launchExtension, test, describeIn } from './fixtures';

describeIn(dayZone(), 'pairing', () => {
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

describeIn(eveningZone(), 'send this question to your partner', () => {
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

test.describe('two browsers, one pair code', () => {
  test('an English and a Spanish browser show the same prompt, before and after "another one"', async () => {
    test.setTimeout(180_000); // two browsers, one after the other, on a busy machine too
    const networkRequests: string[] = [];
    const launch = (lang: string) =>
      launchExtension({
        profile: mkdtempSync(join(tmpdir(), `closer-pair-${lang}-`)),
        timeZone: eveningZone(),
        lang,
        networkRequests,
        welcome: 'close',
      });
    const [en, es] = [await launch('en'), await launch('es')];
    try {
      const enOptions = await en.open('options.html');
      await enOptions.getByRole('button', { name: 'Create a pair code' }).click();
      const spoken = (await enOptions.getByTestId('pair-code').textContent())!.trim();
      const esOptions = await es.open('options.html');
      await esOptions.getByLabel('Código de pareja').fill(spoken);
      await esOptions.getByRole('button', { name: 'Enlazar', exact: true }).click();
      await expect(esOptions.getByTestId('pair-code')).toHaveText(spoken);

      /** The prompt a page shows, once it is the shared one. */
      const sharedId = async (page: Page) => {
        const prompt = page.locator('blockquote[data-shared="true"]').first();
        await expect(prompt).toBeVisible();
        return prompt.getAttribute('data-id');
      };
      const [enTab, esTab] = [await en.open('newtab.html'), await es.open('newtab.html')];
      const tonight = await sharedId(enTab);
      expect(tonight).toMatch(/^[a-z]+_\d+$/);
      expect(await sharedId(esTab)).toBe(tonight);
      const [enPopup, esPopup] = [await en.open('popup.html'), await es.open('popup.html')];
      expect(await sharedId(enPopup)).toBe(tonight);
      expect(await sharedId(esPopup)).toBe(tonight);

      // "Another one" (the popup's) walks the couple's order: both land on the same next prompt,
      // and each browser's new tab follows.
      await enPopup.getByRole('button', { name: 'Another one' }).click();
      await esPopup.getByRole('button', { name: 'Otra' }).click();
      const shown = (page: Page) => page.locator('blockquote[data-shared="true"]').first();
      await expect(shown(enPopup)).not.toHaveAttribute('data-id', tonight!);
      const next = await sharedId(enPopup);
      for (const page of [esPopup, enTab, esTab]) {
        await expect(shown(page)).toHaveAttribute('data-id', next!);
      }
    } finally {
      await en.context.close();
      await es.context.close();
    }
    expect(networkRequests).toEqual([]);
  });
});
