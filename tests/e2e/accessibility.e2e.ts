import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { addDays, dayZone, eveningZone, expect, test } from './fixtures';

const PAGES = [
  ['popup', 'popup.html'],
  ['newtab', 'newtab.html'],
  ['options', 'options.html'],
  ['history', 'evenings.html'],
  ['ritual', 'ritual.html'],
] as const;

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
      schedule: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        weekday,
        enabled: true,
        start: '20:00',
        end: '23:00',
      })),
      limitMinutes: 15,
      weeklyGoal: 3,
      weekStartsOn: null,
      nudges: {
        enabled: true,
        kinds: { 'heads-up': true, 'evening-start': true, 'five-left': true, 'over-limit': true },
        quietMinutes: 30,
        maxPerEvening: 4,
      },
      challenge: { mode: 'rotate' },
      partnerName: '',
      pairCode: null,
      prompts: {
        favour: [],
        hide: [],
        keepLight: false,
        choice: 'cycle',
        saved: ['physical_15', 'care_07', 'care_19'],
      },
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
