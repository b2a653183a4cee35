import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { join } from 'node:path';
import { defaultSettings } from '../../utils/settings/settings';
import { PAGES as ALL_PAGES, addDays, dayZone, eveningZone, expect, test } from './fixtures';

/** The welcome's steps are checked one by one below. */
const PAGES = ALL_PAGES.filter(([name]) => name !== 'welcome');

/** Saves a screenshot with the test's output and, for `npm run screenshots`, in the docs. */
async function screenshot(page: Page, file: string, testInfo: TestInfo): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(file), fullPage: true });
  // `npm run screenshots` refreshes the README's pictures from the same run.
  if (process.env.CLOSER_SCREENSHOTS_DIR) {
    await page.screenshot({ path: join(process.env.CLOSER_SCREENSHOTS_DIR, file), fullPage: true });
  }
}

/** Runs axe on `page`; returns its serious and critical violations, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Six weeks of a couple finding their way: most evenings under the limit, a few check-ins. */
function lived(today: string): Record<string, unknown> {
  const kinds = [
    ['emotional'],
    ['physical', 'experiential'],
    ['intellectual'],
    ['emotional', 'spiritual'],
  ];
  const entries: Record<string, unknown> = {
    // A few starred questions (one since retired), so the history's saved list is checked too.
    settings: {
      ...defaultSettings(),
      prompts: { ...defaultSettings().prompts, saved: ['physical_15', 'care_07', 'care_19'] },
    },
  };
  for (let offset = -42; offset <= -1; offset += 1) {
    const date = addDays(today, offset);
    const free = offset % 3 !== 0 && offset % 7 !== -5;
    const at = `${date}T20:40:00.000Z`;
    entries[`evening:${date}`] = {
      date,
      screenMinutes: free ? 8 + ((((offset * 5) % 20) + 20) % 20) : 65,
      status: free ? 'distraction-free' : 'over',
      nudges: free ? 0 : 2,
      checkIns: free && offset % 2 === 0 ? [{ kinds: kinds[(-offset / 2) % 4], at, note: '' }] : [],
      reasons: free ? [] : [{ at, source: 'need-it', text: 'answering the school about Friday' }],
    };
  }
  return entries;
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [moment, zone] of [
    ['evening', eveningZone()],
    ['day', dayZone()],
  ] as const) {
    test.describe(`${moment}, ${colorScheme}`, () => {
      test.use({ colorScheme, timeZone: zone });

      test('every page has no serious or critical axe violation, and a screenshot', async ({
        extension,
      }, testInfo) => {
        // Pages with a few weeks behind them: the chart, balance and reasons are on show.
        await extension.putData(lived(await extension.localDate()));
        for (const [name, path] of PAGES) {
          const page = await extension.open(path);
          if (name === 'popup') await page.setViewportSize({ width: 360, height: 600 });
          await page.locator('main').first().waitFor();
          // Let the first load and fade-ins settle before judging contrast.
          await page.waitForTimeout(400);
          expect(await seriousViolations(page), `${name} (${moment}, ${colorScheme})`).toEqual([]);
          await screenshot(page, `${name}-${moment}-${colorScheme}.png`, testInfo);
          await page.close();
        }
      });
    });
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`welcome, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('every step of the welcome has no serious or critical axe violation, and a screenshot', async ({
      extension,
    }, testInfo) => {
      const page = await extension.open('welcome.html');
      const root = page.getByTestId('welcome');
      const steps: string[] = [];
      for (;;) {
        await page.locator('h1').waitFor();
        await page.waitForTimeout(300);
        const step = (await root.getAttribute('data-step'))!;
        steps.push(step);
        expect(await seriousViolations(page), `welcome: ${step} (${colorScheme})`).toEqual([]);
        if (step === 'hello' || step === 'evenings') {
          await screenshot(page, `welcome-${step}-${colorScheme}.png`, testInfo);
        }
        if (step === 'pair') {
          // The paired state too: the code to read aloud and the button to unpair.
          await page.getByRole('button', { name: 'Create a pair code' }).click();
          await page.getByTestId('pair-code').waitFor();
          expect(await seriousViolations(page), `welcome: paired (${colorScheme})`).toEqual([]);
          await screenshot(page, `welcome-pair-${colorScheme}.png`, testInfo);
        }
        if (step === 'done') break;
        await page.getByRole('button', { name: step === 'hello' ? 'Set it up' : 'Skip' }).click();
      }
      expect(steps).toEqual(['hello', 'evenings', 'limits', 'partner', 'pair', 'sync', 'done']);
    });
  });
}
