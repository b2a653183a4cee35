import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { dayZone, eveningZone, expect, test } from './fixtures';

const PAGES = [
  ['popup', 'popup.html'],
  ['newtab', 'newtab.html'],
  ['options', 'options.html'],
  ['history', 'evenings.html'],
  ['ritual', 'ritual.html'],
] as const;

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
        for (const [name, path] of PAGES) {
          const page = await extension.open(path);
          if (name === 'popup') await page.setViewportSize({ width: 360, height: 600 });
          await page.locator('main').first().waitFor();
          // Let the first load and fade-ins settle before judging contrast.
          await page.waitForTimeout(400);
          const { violations } = await new AxeBuilder({ page }).analyze();
          const serious = violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          expect(serious, `${name} (${moment}, ${colorScheme})`).toEqual([]);
          const file = `${name}-${moment}-${colorScheme}.png`;
          await page.screenshot({ path: testInfo.outputPath(file), fullPage: true });
          // `npm run screenshots` refreshes the README's pictures from the same run.
          if (process.env.CLOSER_SCREENSHOTS_DIR) {
            await page.screenshot({
              path: join(process.env.CLOSER_SCREENSHOTS_DIR, file),
              fullPage: true,
            });
          }
          await page.close();
        }
      });
    });
  }
}
