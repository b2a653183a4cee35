/**
 * Instant content (SPEC §11): the new tab and the popup paint their prompt, evening state and
 * week from the snapshot of their last rendering before their app loads, and what they show is
 * exactly what the page settles on: the same prompt, never yesterday's, never the wrong evening
 * state, warm or with the worker stopped, right after the evening starts and after midnight.
 */
import type { BrowserContext, Page } from '@playwright/test';
import {
  recorderScript,
  shownValues,
  type ContentRecord,
  type ShownValues,
} from '../../scripts/content-record.mjs';
import { KEY_PREFIX } from '../../utils/data/page-snapshots';
import { defaultSettings } from '../../utils/settings/settings';
import {
  dayZone,
  describeIn,
  eveningZone,
  expect,
  liveApp,
  storedEvening,
  test,
  type Extension,
} from './fixtures';

async function record(context: BrowserContext): Promise<void> {
  await context.addInitScript(recorderScript);
}

/** Opens a page, waits until it shows what it read from storage, and returns what it recorded. */
async function openSettled(extension: Extension, path: string) {
  const page = await extension.context.newPage();
  await page.goto(extension.url(path));
  // The live page has taken the snapshot's place (the pages' clock may be fake here, so this
  // waits on the document rather than on the page's performance mark).
  await liveApp(page);
  // A moment for anything that would still change it.
  await page.waitForTimeout(300);
  const recorded = await page.evaluate(
    () => (globalThis as unknown as { __closerRecord: ContentRecord }).__closerRecord,
  );
  return { page, recorded };
}

/**
 * Waits out the evening's minute tick when it is due within the next 15 s: it adds a minute to
 * what a page shows, and wakes a stopped worker, which a test here must tell apart from its page.
 */
async function clearOfTick(extension: Extension) {
  const tick = (await extension.alarms()).find((a) => a.name === 'closer-tick');
  const wait = tick ? tick.scheduledTime - Date.now() : Infinity;
  if (wait < 15_000) await new Promise((done) => setTimeout(done, Math.max(0, wait) + 1_000));
}

/** Opens `path` once to store its snapshot, then again to paint from it; returns the second. */
async function openFromSnapshot(extension: Extension, path: string) {
  // The worker has run once (a page keeps no snapshot before it has settled past evenings).
  await extension.observeNow();
  await clearOfTick(extension);
  const first = await openSettled(extension, path);
  await first.page.close();
  return openSettled(extension, path);
}

/** Opens `path` from its snapshot and checks what it painted against what it settled on. */
async function expectNoSwap(extension: Extension, path: string, expectEvening: boolean) {
  const { page, recorded } = await openFromSnapshot(extension, path);
  const settled = await settledValues(page);
  expect(settled.evening).toBe(String(expectEvening));
  expectPaintedAsSettled(recorded, settled);
  return { page, settled };
}

async function settledValues(page: Page): Promise<ShownValues> {
  await page.getByTestId('prompt').waitFor();
  return page.evaluate(shownValues);
}

/**
 * The first frame with content (a frame before it may show the shell's name) already showed the
 * prompt, evening state and week the page settled on, they never changed, and the app was added
 * only once that frame was on screen.
 */
function expectPaintedAsSettled(recorded: ContentRecord, settled: ShownValues) {
  expect(recorded.first, 'the page showed the snapshot once parsed').not.toBeNull();
  const snapshotPaint = recorded.lcp.find(
    (e) => e.element !== 'removed' && !e.element.startsWith('p.shell'),
  );
  expect(snapshotPaint, "the snapshot's largest paint").toBeDefined();
  expect(recorded.appAt, 'when the app was added').toBeGreaterThan(snapshotPaint!.t);
  expect(recorded.first!.prompt).toBe(settled.prompt);
  expect(recorded.first!.evening).toBe(settled.evening);
  expect(recorded.first!.count).toBe(settled.count);
  expect(recorded.first!.today).toBe(settled.today);
  // Tonight's minutes only come with the live page (only the worker knows them), once.
  expect(recorded.first!.minutes).toBeNull();
  expect(recorded.seen.prompt).toEqual([settled.prompt]);
  expect(recorded.seen.evening).toEqual([settled.evening]);
  expect(recorded.seen.count).toEqual([settled.count]);
  expect(recorded.seen.today).toEqual(settled.today === null ? [] : [settled.today]);
  expect(recorded.seen.minutes).toEqual(settled.minutes === null ? [] : [settled.minutes]);
}

type Frame = { prompt: string | null; week: string | null };

/**
 * Runs in the page: once the snapshot is in the document (before any frame shows it), records in
 * its first two frames whether the prompt and the week are visible.
 */
function frameRecorder() {
  const frames: Frame[] = [];
  Object.defineProperty(globalThis, '__closerFrames', { value: frames });
  const look = (selector: string) => {
    const element = document.querySelector(selector);
    return element ? getComputedStyle(element).visibility : null;
  };
  const step = () => {
    frames.push({
      prompt: look('[data-testid="prompt"]'),
      week: look('[data-testid="week-progress"]'),
    });
    if (frames.length < 2) requestAnimationFrame(step);
  };
  const watch = new MutationObserver(() => {
    if (!document.querySelector('[data-instant]')) return;
    watch.disconnect();
    requestAnimationFrame(step);
  });
  watch.observe(document, { subtree: true, childList: true });
}

/** The first two frames of `path` painted from its snapshot. */
async function snapshotFrames(extension: Extension, path: string) {
  await extension.context.addInitScript(frameRecorder);
  const { page } = await openFromSnapshot(extension, path);
  return page.evaluate(() => (globalThis as unknown as { __closerFrames: Frame[] }).__closerFrames);
}

/** How many service workers are running. */
async function runningWorkers(extension: Extension): Promise<number> {
  const browser = await extension.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await browser.send('Target.getTargets');
  await browser.detach();
  return targetInfos.filter((t) => t.type === 'service_worker').length;
}

/** Stops the worker (CDP ServiceWorker.stopAllWorkers), as a user's browser usually has it. */
async function stopWorker(extension: Extension) {
  const page = await extension.context.newPage();
  const cdp = await extension.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.close();
  await expect.poll(() => runningWorkers(extension)).toBe(0);
}

for (const [state, zone, evening] of [
  ['evening', eveningZone(), true],
  ['day', dayZone(), false],
] as const) {
  describeIn(zone, `in the ${state}`, () => {
    for (const path of ['newtab.html', 'popup.html']) {
      test(`${path} first paints the prompt it settles on, before its app loads`, async ({
        extension,
      }) => {
        await record(extension.context);
        await expectNoSwap(extension, path, evening);
      });
    }

    for (const path of ['newtab.html', 'popup.html']) {
      test(`${path}: the snapshot's first frame shows the prompt, and the rest comes a frame later`, async ({
        extension,
      }) => {
        const frames = await snapshotFrames(extension, path);
        expect(frames[0]).toEqual({ prompt: 'visible', week: 'hidden' });
        expect(frames[1]).toEqual({ prompt: 'visible', week: 'visible' });
      });
    }

    test('with the worker stopped (cold), the new tab still paints what it settles on', async ({
      extension,
    }) => {
      await record(extension.context);
      await extension.observeNow();
      await clearOfTick(extension);
      const warm = await openSettled(extension, 'newtab.html');
      await warm.page.close();
      await stopWorker(extension);
      const { page, recorded } = await openSettled(extension, 'newtab.html');
      expectPaintedAsSettled(recorded, await settledValues(page));
      // Reading storage did not need the worker, nor wake it.
      expect(await runningWorkers(extension)).toBe(0);
    });
  });
}

describeIn(dayZone(), 'right after the evening starts', () => {
  test('the first new tab of the evening paints its invitation and prompt at once', async ({
    extension,
  }) => {
    test.setTimeout(150_000);
    await record(extension.context);
    // An evening starting at the next whole minute at least 20 s away, in the browser's zone.
    const start = await extension.inWorker(() => {
      const at = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
      return { epoch: at.getTime(), hhmm: at.toTimeString().slice(0, 5) };
    }, undefined);
    const [hour, minute] = start.hhmm.split(':').map(Number) as [number, number];
    const end = `${String((hour + 2) % 24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    const settings = defaultSettings();
    settings.schedule = settings.schedule.map((w) => ({ ...w, start: start.hhmm, end }));
    await extension.putData({ settings });
    await extension.observeNow();

    const before = await openSettled(extension, 'newtab.html');
    const saved = await settledValues(before.page);
    expect(saved.evening).toBe('false');
    await before.page.close();

    await new Promise((resolve) => setTimeout(resolve, start.epoch - Date.now() + 1500));
    const { page, recorded } = await openSettled(extension, 'newtab.html');
    const settled = await settledValues(page);
    expect(settled.evening).toBe('true');
    // The question saved for tonight is tonight's prompt, painted with the invitation at once.
    expect(settled.prompt).toBe(saved.prompt);
    expectPaintedAsSettled(recorded, settled);
  });
});

describeIn(dayZone(), 'right after midnight', () => {
  test('the first new tab of the day paints the new day, with the prompt saved since the evening ended', async ({
    extension,
  }) => {
    // The pages' clock at 23:59:40 tonight (the worker keeps real time, in the day: it writes
    // nothing that matters here); tonight's evening already decided.
    const today = await extension.localDate();
    const midnight = await extension.inWorker((date) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      return new Date(y, m - 1, d + 1).getTime();
    }, today);
    await extension.putData({
      meta: { installedOn: today, settledThrough: today },
      [`evening:${today}`]: {
        date: today,
        screenMinutes: 4,
        status: 'distraction-free',
        nudges: 0,
        checkIns: [],
      },
    });
    await record(extension.context);
    await extension.context.clock.install({ time: midnight - 20_000 });

    const before = await openSettled(extension, 'newtab.html');
    const yesterday = await settledValues(before.page);
    await before.page.close();

    await extension.context.clock.setSystemTime(midnight + 20_000);
    const { page, recorded } = await openSettled(extension, 'newtab.html');
    const settled = await settledValues(page);
    // Today is the new date in the week; the question saved for tonight is the one shown since
    // yesterday's evening ended (tonight's, not yesterday's evening's).
    expect(yesterday.today).toBeNull();
    expect(settled.today).not.toBeNull();
    expect(settled.today).not.toBe(today);
    expect(settled.prompt).toBe(yesterday.prompt);
    expect(settled.evening).toBe('false');
    expectPaintedAsSettled(recorded, settled);
  });
});

/** Whatever the first frame showed (the shell, or a snapshot) was what the page settled on: nothing stale, ever. */
function expectNothingStale(recorded: ContentRecord, settled: ShownValues) {
  for (const key of ['prompt', 'evening', 'count', 'today'] as const) {
    expect(recorded.seen[key], key).toEqual(settled[key] === null ? [] : [settled[key]]);
  }
}

describeIn(dayZone(), 'after an import or an erase on the options page', () => {
  test('the new tab never paints the snapshot of what they replaced', async ({ extension }) => {
    await record(extension.context);
    await extension.observeNow();
    const before = await openSettled(extension, 'newtab.html');
    expect((await settledValues(before.page)).evening).toBe('false');
    await before.page.close();

    // A file whose evenings are under way now, in the browser's zone: the import changes the
    // evening state the stored snapshot shows. The import runs in a worker, which has no
    // localStorage: the options page must forget the snapshots for it.
    const start = await extension.inWorker(() => {
      const hhmm = (at: number) => new Date(at).toTimeString().slice(0, 5);
      return { from: hhmm(Date.now() - 60 * 60_000), to: hhmm(Date.now() + 2 * 60 * 60_000) };
    }, undefined);
    const file = {
      app: 'closer',
      schemaVersion: 2,
      settings: {
        schedule: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
          weekday,
          enabled: true,
          start: start.from,
          end: start.to,
        })),
        limitMinutes: 20,
        weeklyGoal: 4,
        weekStartsOn: 1,
        nudges: { enabled: true },
      },
      evenings: [],
    };
    const options = await extension.context.newPage();
    await options.goto(extension.url('options.html'));
    await options.getByLabel('Import data').setInputFiles({
      name: 'closer.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect(options.locator('section [role="status"]')).toContainText('Imported');

    const imported = await openSettled(extension, 'newtab.html');
    const afterImport = await settledValues(imported.page);
    expect(afterImport.evening).toBe('true');
    expectNothingStale(imported.recorded, afterImport);
    await imported.page.close();
    // The page stored a snapshot of the imported data, which the next new tab paints.
    const again = await openSettled(extension, 'newtab.html');
    expectPaintedAsSettled(again.recorded, await settledValues(again.page));
    await again.page.close();

    await options.getByRole('button', { name: 'Erase all data' }).click();
    await options.getByRole('button', { name: 'Erase everything' }).click();
    await expect(options.locator('section [role="status"]')).toContainText(/erased/i);
    const erased = await openSettled(extension, 'newtab.html');
    const afterErase = await settledValues(erased.page);
    expect(afterErase.evening).toBe('false');
    expectNothingStale(erased.recorded, afterErase);
  });
});

describeIn(eveningZone(), 'after an action a page asks the worker to store', () => {
  test('the popup never paints the prompt "Something lighter" on the new tab replaced', async ({
    extension,
  }) => {
    await record(extension.context);
    // Tonight's prompt is a deeper one, so the new tab offers something lighter.
    const date = await extension.localDate();
    await extension.putData(storedEvening(date, 'in-progress', { promptAsked: 'emotional_01' }));
    await extension.observeNow();
    // The popup stores its snapshot of tonight's prompt.
    const before = await openSettled(extension, 'popup.html');
    const deeper = await settledValues(before.page);
    await before.page.close();

    // The new tab asks the worker for a lighter prompt; the worker writes it, not the page.
    const newtab = await openSettled(extension, 'newtab.html');
    await newtab.page.getByRole('button', { name: 'Something lighter' }).click();
    await expect(newtab.page.getByTestId('prompt')).not.toHaveText(deeper.prompt!);
    const lighter = await settledValues(newtab.page);
    // The new tab renders its snapshot again, of the lighter prompt.
    await expect
      .poll(() =>
        newtab.page.evaluate((key) => localStorage.getItem(key) ?? '', `${KEY_PREFIX}newtab`),
      )
      .toContain(lighter.prompt);
    await newtab.page.close();

    const after = await openSettled(extension, 'popup.html');
    const settled = await settledValues(after.page);
    expect(settled.prompt).toBe(lighter.prompt);
    expectNothingStale(after.recorded, settled);
    await after.page.close();
    // The next new tab paints the lighter prompt at once.
    const again = await openSettled(extension, 'newtab.html');
    expectPaintedAsSettled(again.recorded, await settledValues(again.page));
  });
});
