/**
 * Closer in German, French and Brazilian Portuguese (issue 20). With Chromium's UI in one of
 * them (`--lang`, chromium-l10n), every page speaks that language: no message key shows through
 * (`t()` falls back to the key), tonight's prompt is that language's text for the same id, weekday
 * names come from `Intl`, nothing scrolls sideways, axe finds nothing serious, and a screenshot of
 * each page is kept with the test's output. German, with the longest words, is also laid out at
 * 360 and 1,280 px: no button, card or line of text runs past its box or the window.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { mergeLocale } from '../../scripts/locales';
import {
  PAGES,
  dayZone,
  eveningZone,
  expect,
  storedEvening,
  test,
  type Extension,
} from './fixtures';

/** Chromium's `--lang` and the `locales/` folder Chrome picks for it. */
const LANGUAGES = [
  ['de', 'de'],
  ['fr', 'fr'],
  ['pt-BR', 'pt_BR'],
] as const;

const english = mergeLocale('en');
const KEYS = new Set(Object.keys(english));
/** A prompt with a follow-up and a category label: its text must be translated. */
const PROMPT_ID = 'emotional_01';

/** Tonight's prompt fixed to PROMPT_ID, as "Ask this tonight" would. */
async function promptTonight(extension: Extension): Promise<void> {
  const date = await extension.localDate();
  await extension.putData(storedEvening(date, 'in-progress', { promptAsked: PROMPT_ID }));
}

/** Opens `path` and waits until its main content has mounted and faded in. */
async function openPage(extension: Extension, path: string, width: number): Promise<Page> {
  const page = await extension.context.newPage();
  await page.setViewportSize({ width, height: path === 'popup.html' ? 600 : 900 });
  await page.goto(extension.url(path));
  await page.locator('main').first().waitFor();
  await page.waitForTimeout(300);
  return page;
}

/** Message keys showing on the page, as text or as an accessible name, title or placeholder. */
async function keysShowing(page: Page): Promise<string[]> {
  const words = await page.evaluate(() => {
    const parts = [document.body.innerText, document.title];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        parts.push(el.getAttribute(name) ?? '');
      }
    }
    return parts.join(' ').match(/[A-Za-z0-9_]+/g) ?? [];
  });
  return [...new Set(words.filter((word) => KEYS.has(word)))];
}

/** How far the page is wider than its window (0 when there is no sideways scroll). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Visible boxes whose content runs past them (a word too long for a button that may not wrap)
 * or that reach past the window's edge; one line each. Boxes inside a scroller are the
 * scroller's business, and visually hidden text (1 px, clipped) is left alone.
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const selector = 'button, a, label, legend, h1, h2, h3, p, li, figure, blockquote, section';
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const box = el.getBoundingClientRect();
      if (box.width <= 2 || box.height <= 2 || !el.checkVisibility()) continue;
      let scrolled = false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') scrolled = true;
      }
      if (scrolled) continue;
      const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      const style = getComputedStyle(el);
      if (style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1) {
        found.push(`${name}: content ${el.scrollWidth} px wide in a ${el.clientWidth} px box`);
      }
      if (box.right > width + 1 || box.left < -1) {
        found.push(`${name}: from ${Math.round(box.left)} to ${Math.round(box.right)} px`);
      }
    }
    return found;
  });
}

/** Runs axe on `page`; returns its serious and critical violations, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function screenshot(page: Page, file: string, testInfo: TestInfo): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(file), fullPage: true });
}

for (const [lang, folder] of LANGUAGES) {
  test.describe(`in ${lang}`, () => {
    test.use({ timeZone: eveningZone(), lang });
    const messages = mergeLocale(folder);
    const message = (key: string) => messages[key]!.message;

    test('every page speaks it, with no key showing, no sideways scroll and no serious axe violation', async ({
      extension,
    }, testInfo) => {
      await promptTonight(extension);
      for (const [name, path] of PAGES) {
        const page = await openPage(extension, path, name === 'popup' ? 360 : 1280);
        expect(await page.evaluate(() => document.documentElement.lang), name).toMatch(
          new RegExp(`^${lang.split('-')[0]}`),
        );
        expect(await keysShowing(page), `${name}: keys showing`).toEqual([]);
        // Polled: a fade-in's small move may widen the page for a moment.
        await expect.poll(() => sideways(page), `${name}: sideways scroll`).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), name).toEqual([]);
        await screenshot(page, `${name}-${lang}.png`, testInfo);
        await page.close();
      }
    });

    test('the popup and new tab show the prompt of the same id in this language', async ({
      extension,
    }) => {
      await promptTonight(extension);
      const translated = message(`prompt_${PROMPT_ID}`);
      expect(translated).not.toBe(english[`prompt_${PROMPT_ID}`]!.message);
      for (const path of ['newtab.html', 'popup.html']) {
        const page = await extension.open(path);
        const prompt = page.getByTestId('prompt');
        await expect(prompt).toHaveAttribute('data-id', PROMPT_ID);
        await expect(prompt).toHaveText(translated);
        await expect(
          page.getByText(message('prompt_category_emotional'), { exact: true }),
        ).toBeVisible();
        await expect(page.getByRole('button', { name: message('action_put_down') })).toBeVisible();
        await page.close();
      }
    });

    test('the options name the weekdays as Intl does in this language', async ({ extension }) => {
      const page = await extension.open('options.html');
      const saturday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2026, 10, 28)),
      );
      await expect(page.getByLabel(saturday, { exact: true })).toBeChecked();
      await expect(page.getByRole('button', { name: message('data_export') })).toBeVisible();
    });
  });
}

test.describe('German layout', () => {
  test.use({ lang: 'de' });

  for (const [moment, zone] of [
    ['evening', eveningZone()],
    ['day', dayZone()],
  ] as const) {
    test.describe(moment, () => {
      test.use({ timeZone: zone });

      test('at 360 and 1,280 px, buttons and cards wrap their words instead of overflowing', async ({
        extension,
      }, testInfo) => {
        await promptTonight(extension);
        // The check itself can fail: a button that may not wrap a long German word is caught.
        const probe = await openPage(extension, 'popup.html', 360);
        await probe.evaluate(() => {
          const button = document.createElement('button');
          button.style.cssText = 'white-space: nowrap; max-width: 100%; overflow: hidden';
          button.textContent = 'Bildschirmzeitbegrenzungseinstellungen '.repeat(3);
          document.querySelector('main')!.append(button);
        });
        expect((await overflowing(probe)).join('\n')).toContain('Bildschirmzeitbegrenzung');
        await probe.close();
        for (const width of [360, 1280]) {
          for (const [name, path] of PAGES) {
            const page = await openPage(extension, path, width);
            expect(await overflowing(page), `${name} at ${width} px`).toEqual([]);
            await expect
              .poll(() => sideways(page), `${name} at ${width} px: sideways`)
              .toBeLessThanOrEqual(0);
            await screenshot(page, `${name}-${moment}-de-${width}.png`, testInfo);
            await page.close();
          }
        }
      });
    });
  }
});
