/**
 * The every-page render check (SPEC §8: every file the importer accepts renders on every page).
 * Each accepted-but-odd file of odd-files.ts is imported through the options page's "Import
 * data" input, then every page is opened at 360 and at 1,280 px: no uncaught error and nothing
 * on the console, no sideways scroll, nothing pushed past the right edge, and the SPEC §12
 * hooks in place. The options page is checked where the file was imported; new tab, popup and
 * history are opened in an evening and in a day zone; the ritual, which shows nothing stored,
 * is walked step by step (with a file's long names) once.
 */
import type { Page } from '@playwright/test';
import { dayZone, eveningZone, expect, test, type Extension } from './fixtures';
import { ODD_FILES, type OddFile } from './odd-files';

const WIDTHS = [360, 1280] as const;
const HEIGHT = 800;

/** Collects what a page reports as going wrong, from the moment it is created. */
function watch(page: Page, label: string): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${label}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${label}: console: ${message.text()}`);
  });
  return errors;
}

/**
 * No sideways scroll; no visible element reaching past the right edge (a card cut off by an
 * `overflow: hidden` ancestor would not scroll, but it is just as unreadable); and no button
 * squeezed so narrow that its own label breaks inside a word.
 */
async function expectFits(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth, past, squeezed } = await page.evaluate(() => {
    const width = window.innerWidth;
    const past: string[] = [];
    const name = (element: Element) =>
      `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}">`;
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest('.visually-hidden, .shell, title')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      past.push(`${name(element)} ends at ${Math.round(box.right)} px`);
    }
    // The narrowest each button could be without breaking a word, measured in place (all at
    // once: min-content is each one's own) and then put back.
    const buttons = [...document.body.querySelectorAll<HTMLElement>('button, .button')];
    const shown = buttons.map((button) => button.getBoundingClientRect().width);
    const styles = buttons.map((button) => button.getAttribute('style'));
    for (const button of buttons) {
      button.style.setProperty('width', 'min-content', 'important');
      button.style.setProperty('overflow-wrap', 'normal', 'important');
    }
    const needed = buttons.map((button) => button.getBoundingClientRect().width);
    buttons.forEach((button, i) => {
      if (styles[i] === null) button.removeAttribute('style');
      else button.setAttribute('style', styles[i]!);
    });
    const squeezed = buttons
      .filter((_, i) => shown[i]! > 0 && shown[i]! + 1 < needed[i]!)
      .map((button) => `${name(button)} “${button.textContent?.trim()}”`);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      past: past.slice(0, 5),
      squeezed,
    };
  });
  expect(scrollWidth, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  expect(past, `${label}: elements past the right edge`).toEqual([]);
  expect(squeezed, `${label}: buttons that break a word`).toEqual([]);
}

/** An attribute that must hold a whole number. */
async function expectInteger(page: Page, testId: string, attribute: string, label: string) {
  const value = await page.getByTestId(testId).first().getAttribute(attribute);
  expect(value, `${label}: ${testId} ${attribute}`).toMatch(/^\d+$/);
}

/** The SPEC §12 hooks of the popup or the new tab. */
async function expectTonightHooks(page: Page, root: 'popup' | 'newtab', evening: boolean) {
  await expect(page.getByTestId(root)).toHaveAttribute('data-evening', String(evening));
  await expect(page.getByTestId('prompt')).toHaveAttribute('data-category', /^[a-z]+$/);
  await expectInteger(page, 'week-progress', 'data-count', root);
  await expectInteger(page, 'week-progress', 'data-goal', root);
  if (evening) await expectInteger(page, 'tonight', 'data-minutes', root);
  else await expect(page.getByTestId('tonight')).toHaveCount(0);
}

/** Imports `file` on the options page (the importer must accept it); the page stays open. */
async function importOdd(extension: Extension, file: OddFile, today: string) {
  const text = JSON.stringify(file.build(today), null, 2);
  const page = await extension.context.newPage();
  const errors = watch(page, 'options.html');
  await page.setViewportSize({ width: WIDTHS[1], height: HEIGHT });
  await page.goto(extension.url('options.html'));
  await page.getByLabel('Import data').setInputFiles({
    name: 'odd.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByText(/^Imported [\d,]+ evenings? and your settings\.$/)).toBeVisible();
  await expect(page.locator('[role="alert"]')).toHaveText('');
  return { page, errors };
}

/** Opens `path` at each width in turn, checking the hooks (`ready`) and the fit at each. */
async function checkPage(
  extension: Extension,
  path: string,
  ready: (page: Page) => Promise<void>,
  errors: string[],
): Promise<void> {
  const page = await extension.context.newPage();
  const seen = watch(page, path);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    if (page.url() === 'about:blank') await page.goto(extension.url(path));
    await ready(page);
    await expectFits(page, `${path} at ${width} px`);
  }
  await page.close();
  errors.push(...seen);
}

/**
 * Walks the ritual from the welcome to the end with the names given, checking every step at
 * each width. The ritual shows no stored data, so one file's walk is enough.
 */
async function walkRitual(
  extension: Extension,
  [you, partner]: readonly [string, string],
  errors: string[],
): Promise<void> {
  const page = await extension.context.newPage();
  const seen = watch(page, 'ritual.html');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    await page.goto(extension.url('ritual.html'));
    const ritual = page.getByTestId('ritual');
    await expect(ritual).toHaveAttribute('data-step', 'welcome');
    await page.getByLabel('Your name (optional)').fill(you);
    await page.getByLabel("Your partner's name (optional)").fill(partner);
    await page.getByLabel('2 min').check();
    for (let step = 0; ; step += 1) {
      const kind = await ritual.getAttribute('data-step');
      await expectFits(page, `ritual step ${step} (${kind}) at ${width} px`);
      if (kind === 'end') break;
      const next = kind === 'checkin' ? 'Skip' : kind === 'welcome' ? 'Begin' : 'Next';
      await page.getByRole('button', { name: next, exact: true }).click();
      await expect(ritual).toHaveAttribute('data-index', String(step + 1));
    }
  }
  await page.close();
  errors.push(...seen);
}

for (const [moment, zone] of [
  ['evening', eveningZone()],
  ['day', dayZone()],
] as const) {
  test.describe(`every page renders an odd file (${moment})`, () => {
    test.use({ timeZone: zone });
    const evening = moment === 'evening';

    for (const file of ODD_FILES) {
      test(file.name, async ({ extension }) => {
        test.setTimeout(120_000);
        const today = await extension.localDate();
        const imported = await importOdd(extension, file, today);
        const errors = imported.errors;
        // The options page the file was imported on now shows its settings.
        for (const width of WIDTHS) {
          await imported.page.setViewportSize({ width, height: HEIGHT });
          await expect(imported.page.getByRole('button', { name: 'Export data' })).toBeVisible();
          await expect(imported.page.getByLabel('Wednesday evening starts')).not.toHaveValue('');
          await expectFits(imported.page, `options at ${width} px`);
        }
        await imported.page.close();
        // Tonight's reasons are this week's whatever day the week starts on: all are listed.
        const tonight = (
          file.build(today).evenings as { date: string; reasons?: unknown[] }[]
        ).find((e) => e.date === today);
        const reasonsTonight = tonight?.reasons?.length ?? 0;

        await checkPage(
          extension,
          'newtab.html',
          (page) => expectTonightHooks(page, 'newtab', evening),
          errors,
        );
        await checkPage(
          extension,
          'popup.html',
          (page) => expectTonightHooks(page, 'popup', evening),
          errors,
        );
        await checkPage(
          extension,
          'evenings.html',
          async (page) => {
            await expect(page.getByTestId('streak')).toHaveAttribute('data-weeks', /^\d+$/);
            await expectInteger(page, 'week-progress', 'data-count', 'history');
            await expectInteger(page, 'week-progress', 'data-goal', 'history');
            await expect(page.locator('svg rect.bar')).toHaveCount(26);
            if (reasonsTonight > 0) {
              const listed = await page.getByTestId('reasons').locator('li').count();
              expect(listed, 'history lists every reason').toBeGreaterThanOrEqual(reasonsTonight);
            }
          },
          errors,
        );
        if (evening && file.ritualNames) await walkRitual(extension, file.ritualNames, errors);
        expect(errors).toEqual([]);
      });
    }
  });
}
