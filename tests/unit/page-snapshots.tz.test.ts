import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  forgetSnapshots,
  readSnapshots,
  snapshotBuild,
  snapshotGeneration,
  writeSnapshots,
  type PageSnapshot,
} from '@/utils/data/page-snapshots';
import type { Meta } from '@/utils/evening/lifecycle';
import { newEveningRecord, type EveningRecord } from '@/utils/evening/record';
import { defaultSettings } from '@/utils/settings/settings';
import { tonightsPrompt } from '@/utils/prompts/selection';
import {
  nextChange,
  nextMidnight,
  settledAt,
  snapshotSegments,
  viewAt,
  type TonightInputs,
} from '@/utils/views/snapshot';
import { currentZone } from '@/utils/time/zone';
import { ZONES } from './zones';

/** The instant of a wall-clock time on a date in `zone`. */
function at(date: string, time: string, zone: string): number {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone).epochMilliseconds;
}

/** Tuesday 2026-11-24, default settings (every day 20:00–23:00), weeks from Monday. */
function inputs(zone: string, extra: Partial<TonightInputs> = {}): TonightInputs {
  return {
    settings: defaultSettings(),
    evenings: [],
    meta: { installedOn: '2026-11-01', settledThrough: '2026-11-23' },
    allowanceUntil: 0,
    snooze: null,
    zone,
    weekStartsOn: 1,
    ...extra,
  };
}

const settled = (date: string, status: EveningRecord['status']): EveningRecord => ({
  ...newEveningRecord(date, 'UTC'),
  status,
});

const promptOf = (i: TonightInputs, instant: number) => {
  const view = viewAt(i, instant);
  return tonightsPrompt(view.promptDate, i.settings.prompts, view.promptRecord ?? {}).id;
};

describe.each(ZONES)('what a snapshot may show, in %s', (zone) => {
  it('ends the day at the next midnight, even where midnight is skipped', () => {
    expect(nextMidnight(at('2026-11-24', '14:00', zone), zone)).toBe(
      at('2026-11-25', '00:00', zone),
    );
    expect(nextMidnight(at('2026-11-24', '00:00', zone), zone)).toBe(
      at('2026-11-25', '00:00', zone),
    );
    // Santiago springs forward at midnight: 2026-09-06 begins at 01:00.
    const santiago = nextMidnight(
      at('2026-09-05', '22:00', 'America/Santiago'),
      'America/Santiago',
    );
    expect(
      Temporal.Instant.fromEpochMilliseconds(santiago)
        .toZonedDateTimeISO('America/Santiago')
        .toString(),
    ).toBe('2026-09-06T01:00:00-03:00[America/Santiago]');
  });

  it('changes by the clock at the evening’s start and end, midnight, the allowance and a snooze', () => {
    const day = viewAt(inputs(zone), at('2026-11-24', '14:00', zone));
    expect(nextChange(day, inputs(zone))).toBe(at('2026-11-24', '20:00', zone));
    const evening = viewAt(inputs(zone), at('2026-11-24', '21:00', zone));
    expect(nextChange(evening, inputs(zone))).toBe(at('2026-11-24', '23:00', zone));
    const allowed = { allowanceUntil: at('2026-11-24', '21:05', zone), snooze: null };
    expect(nextChange(evening, allowed)).toBe(allowed.allowanceUntil);
    const snoozed = { allowanceUntil: 0, snooze: { until: at('2026-11-24', '21:30', zone) } };
    expect(nextChange(evening, snoozed)).toBe(snoozed.snooze.until);
    // Run-out ones are no change ahead; "not tonight" ends with the evening.
    expect(nextChange(evening, { allowanceUntil: 1, snooze: { notTonight: '2026-11-24' } })).toBe(
      at('2026-11-24', '23:00', zone),
    );
    const late = viewAt(inputs(zone), at('2026-11-24', '23:30', zone));
    expect(nextChange(late, inputs(zone))).toBe(at('2026-11-25', '00:00', zone));
  });

  it('in the day, covers the rest of it and, rendered ahead, the evening that starts next', () => {
    const now = at('2026-11-24', '14:00', zone);
    const [today, tonight, ...more] = snapshotSegments(inputs(zone), now);
    expect(more).toEqual([]);
    expect(today).toMatchObject({ from: now, until: at('2026-11-24', '20:00', zone) });
    expect(today!.view.evening).toBeNull();
    expect(tonight).toMatchObject({
      from: at('2026-11-24', '20:00', zone),
      until: at('2026-11-24', '23:00', zone),
    });
    expect(tonight!.view.evening?.date).toBe('2026-11-24');
    // The question saved for tonight is the one the evening then shows.
    expect(today!.view.promptDate).toBe(tonight!.view.promptDate);
  });

  it('in the evening, stops at its end: the worker decides it then, which may change the week', () => {
    const tonight = [{ ...newEveningRecord('2026-11-24', zone), screenMinutes: 9 }];
    const now = at('2026-11-24', '21:00', zone);
    const segments = snapshotSegments(inputs(zone, { evenings: tonight }), now);
    expect(segments.map((s) => [s.from, s.until])).toEqual([
      [now, at('2026-11-24', '23:00', zone)],
    ]);
  });

  it('keeps none while an ended evening waits for the worker, or before the worker has run', () => {
    const tonight = [newEveningRecord('2026-11-24', zone)];
    const late = at('2026-11-24', '23:00', zone) + 500;
    expect(settledAt(inputs(zone, { evenings: tonight }), late)).toBe(false);
    expect(snapshotSegments(inputs(zone, { evenings: tonight }), late)).toEqual([]);
    // No record at all: the worker will mark it unobserved, which the week shows.
    expect(snapshotSegments(inputs(zone), late)).toEqual([]);
    expect(
      snapshotSegments(inputs(zone, { meta: undefined }), at('2026-11-24', '14:00', zone)),
    ).toEqual([]);
  });

  it('after the evening is decided, covers the night and, ahead, the next day with its own prompt', () => {
    const meta: Meta = { installedOn: '2026-11-01', settledThrough: '2026-11-24' };
    const i = inputs(zone, { meta, evenings: [settled('2026-11-24', 'distraction-free')] });
    const now = at('2026-11-24', '23:30', zone);
    const [night, tomorrow] = snapshotSegments(i, now);
    expect(night).toMatchObject({ from: now, until: at('2026-11-25', '00:00', zone) });
    expect(tomorrow).toMatchObject({
      from: at('2026-11-25', '00:00', zone),
      until: at('2026-11-25', '20:00', zone),
    });
    expect(night!.view.week.count).toBe(1);
    expect(tomorrow!.view.promptDate).toBe('2026-11-25');
    // Once tonight's evening is over, the question to save is tomorrow's, before and after
    // midnight: never the evening's own, yesterday's by then.
    const tonights = promptOf(i, at('2026-11-24', '21:00', zone));
    expect(promptOf(i, now)).not.toBe(tonights);
    expect(promptOf(i, tomorrow!.from)).toBe(promptOf(i, now));
    expect(promptOf(i, tomorrow!.from)).toBe(promptOf(i, at('2026-11-25', '20:30', zone)));
    // What midnight changes: which day is today in the week.
    const today = (s: typeof night) => s!.view.week.days.find((d) => d.state === 'tonight')?.date;
    expect(today(night)).toBeUndefined();
    expect(today(tomorrow)).toBe('2026-11-25');
  });

  it('through an evening past midnight, keeps tonight’s prompt after midnight', () => {
    const settings = defaultSettings();
    settings.schedule = settings.schedule.map((w) => ({ ...w, start: '21:30', end: '01:00' }));
    const i = inputs(zone, { settings, evenings: [newEveningRecord('2026-11-24', zone)] });
    const now = at('2026-11-24', '23:50', zone);
    const [before, after] = snapshotSegments(i, now);
    expect(before!.until).toBe(at('2026-11-25', '00:00', zone));
    expect(after).toMatchObject({ from: before!.until, until: at('2026-11-25', '01:00', zone) });
    expect(after!.view.evening?.date).toBe('2026-11-24');
    expect(promptOf(i, after!.from)).toBe(promptOf(i, now));
  });

  it('after "I need it for a moment", renders the invitation that returns when it runs out', () => {
    const now = at('2026-11-24', '21:00', zone);
    const until = now + 5 * 60_000;
    const [moment, back] = snapshotSegments(inputs(zone, { allowanceUntil: until }), now);
    expect(moment!.until).toBe(until);
    expect(back).toMatchObject({ from: until, until: at('2026-11-24', '23:00', zone) });
  });
});

/** A `localStorage` for Node, as pages have it. */
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

/** What components/snapshot.js did to a page: the stylesheet and root it put in, the clock it set. */
interface Painted {
  css: string | null;
  html: string;
  clock: string | null;
  lang: string;
}

/** The app's module as snapshot.js added it, and what it waits for before adding it. */
interface Started {
  /** The module scripts it appended to the head (a second append only moves the same one). */
  modules: { type: string; src: string }[];
  /** Hands the page's paint observer one largest-contentful-paint entry for `element`. */
  largestPaint: (element: object | null) => void;
  /** Runs the timeout it set, if any. */
  timeout: (() => void) | null;
  /** `#app`'s class: `go` lets the whole snapshot show, not only its prompt (LEAD_CSS). */
  appClass: string;
  /** Runs the animation-frame callbacks due in the next frame. */
  frame: () => void;
}

/**
 * Runs components/snapshot.js (the classic script the new tab and popup load while parsing) against
 * a page holding `storage`, as Chrome runs it: `page` names the page, `entry` the app's module
 * its tag names (`data-app`; none on the dev server).
 */
function runSnapshotScript(
  storage: MemoryStorage,
  {
    page = 'newtab',
    entry = '/chunks/newtab-abc.js' as string | null,
    version = '0.1.0',
    lang = 'en',
    now = 0,
    hidden = false,
  },
): Painted & Started {
  const observers: ((entries: { element: object | null }[]) => void)[] = [];
  const frames: (() => void)[] = [];
  const painted: Painted & Started = {
    css: null,
    html: '<p class="shell">Closer</p>',
    clock: null,
    lang: '',
    modules: [],
    largestPaint: (element) => observers.forEach((notify) => notify([{ element }])),
    timeout: null,
    appClass: '',
    frame: () => frames.splice(0).forEach((callback) => callback()),
  };
  const inHead = new Set<object>();
  const clock = {
    set textContent(text: string) {
      painted.clock = text;
    },
  };
  const app = {
    set innerHTML(html: string) {
      painted.html = html;
    },
    querySelectorAll: () => (painted.html.includes('data-clock') ? [clock] : []),
    contains: (element: object | null) => element !== null && 'inApp' in element,
    set className(name: string) {
      painted.appClass = name;
    },
  };
  const document = {
    currentScript: { dataset: { page, ...(entry === null ? {} : { app: entry }) } },
    documentElement: {
      set lang(lang: string) {
        painted.lang = lang;
      },
    },
    hidden,
    head: {
      append: (tag: { tagName: string; textContent: string; type: string; src: string }) => {
        inHead.add(tag);
        if (tag.tagName === 'style') painted.css = tag.textContent;
        else painted.modules.push({ type: tag.type, src: tag.src });
      },
    },
    createElement: (tagName: string) => {
      const tag = {
        tagName,
        dataset: {},
        textContent: '',
        get isConnected() {
          return inHead.has(tag);
        },
      };
      return tag;
    },
    getElementById: (id: string) => (id === 'app' ? app : null),
  };
  const chrome = {
    runtime: { getManifest: () => ({ version }) },
    i18n: { getUILanguage: () => lang },
  };
  class PerformanceObserver {
    constructor(
      private readonly notify: (
        list: { getEntries: () => { element: object | null }[] },
        observer: PerformanceObserver,
      ) => void,
    ) {}
    observe({ type, buffered }: { type: string; buffered: boolean }) {
      expect({ type, buffered }).toEqual({ type: 'largest-contentful-paint', buffered: true });
      observers.push((entries) => this.notify({ getEntries: () => entries }, this));
    }
  }
  runInNewContext(readFileSync('components/snapshot.js', 'utf8'), {
    document,
    chrome,
    localStorage: storage,
    Intl,
    JSON,
    Array,
    Date: { now: () => now },
    PerformanceObserver,
    setTimeout: (run: () => void) => (painted.timeout = run),
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
  });
  return painted;
}

describe('the snapshot store', () => {
  const snapshot = (
    from: number,
    until: number,
    extra: Partial<PageSnapshot> = {},
  ): PageSnapshot => ({
    build: '/chunks/newtab-abc.js 0.1.0',
    lang: 'en',
    // The zone snapshot.js finds itself in: the one each test run sets.
    zone: currentZone(),
    from,
    until,
    css: '',
    html: '<main data-testid="newtab"></main>',
    ...extra,
  });

  beforeEach(() => {
    Object.assign(globalThis, { localStorage: new MemoryStorage() });
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  const page = {
    entry: '/chunks/newtab-abc.js' as string | null,
    version: '0.1.0',
    lang: 'en',
    hidden: false,
  };
  const paint = (now: number, other: Partial<typeof page> = {}) =>
    runSnapshotScript(localStorage as unknown as MemoryStorage, { ...page, ...other, now });
  const store = (...snapshots: PageSnapshot[]) =>
    writeSnapshots('newtab', snapshots, snapshotGeneration());

  it.each([
    ['from its first instant', 100, true],
    ['inside its stretch', 150, true],
    ['not at its end', 200, false],
    ['not before it was rendered (a clock set back)', 99, false],
  ])('is painted by snapshot.js %s', (_, now, shown) => {
    store(snapshot(100, 200));
    expect(paint(now).html).toBe(shown ? snapshot(100, 200).html : '<p class="shell">Closer</p>');
  });

  it.each([
    ['another build', { entry: '/chunks/newtab-def.js' }],
    ['another version', { version: '0.2.0' }],
    ['another language', { lang: 'es' }],
  ])('is not painted in %s', (_, other) => {
    store(snapshot(100, 200));
    expect(paint(150, other).css).toBeNull();
  });

  it('is not painted in another zone than the one it was rendered in', () => {
    store(snapshot(100, 200, { zone: currentZone() === 'UTC' ? 'Asia/Kolkata' : 'UTC' }));
    expect(paint(150).css).toBeNull();
  });

  it('paints the stretch that holds now, with its styles, language and the clock at this minute', () => {
    const now = Date.UTC(2026, 10, 24, 20, 41, 30);
    store(
      snapshot(now - 1000, now, { html: 'a' }),
      snapshot(now, now + 1000, { html: '<p data-clock>8:00 PM</p>', css: '.b{}' }),
    );
    const { css, html, clock, lang } = paint(now);
    expect({ css, html, clock, lang }).toEqual({
      css: '.b{}',
      html: '<p data-clock>8:00 PM</p>',
      clock: new Intl.DateTimeFormat('en', {
        hour: 'numeric',
        minute: '2-digit',
        timeZone: currentZone(),
      }).format(now),
      lang: 'en',
    });
  });

  it('keys a snapshot by the build as the page and snapshot.js both read it', () => {
    Object.assign(globalThis, {
      document: {
        querySelector: (selector: string) =>
          selector === 'script[data-app]' ? { dataset: { app: page.entry } } : null,
      },
      chrome: { runtime: { getManifest: () => ({ version: page.version }) } },
    });
    try {
      store(snapshot(100, 200, { build: snapshotBuild() }));
    } finally {
      delete (globalThis as { document?: unknown }).document;
      delete (globalThis as { chrome?: unknown }).chrome;
    }
    expect(paint(150).html).toBe(snapshot(100, 200).html);
  });

  it('paints nothing from a damaged entry or none, and starts the app all the same', () => {
    expect(paint(150).css).toBeNull();
    for (const damaged of ['{not json', '{"a":1}', '"text"', '[null]', '[1,2]']) {
      localStorage.setItem('closer:snapshot:newtab', damaged);
      const run = paint(150);
      expect(run.css, damaged).toBeNull();
      expect(run.modules, damaged).toEqual([{ type: 'module', src: page.entry }]);
    }
  });

  it("shows the prompt alone in the snapshot's first frame, and the rest in the frame after", () => {
    store(snapshot(100, 200));
    const run = paint(150);
    expect(run.html).toBe(snapshot(100, 200).html);
    expect(run.appClass).toBe('');
    run.frame();
    expect(run.appClass).toBe('');
    run.frame();
    expect(run.appClass).toBe('go');
  });

  it('asks for no frame when it paints nothing', () => {
    const run = paint(150);
    run.frame();
    run.frame();
    expect(run.appClass).toBe('');
  });

  describe('then starts the app', () => {
    const module = [{ type: 'module', src: page.entry }];

    it('at once when there is no snapshot to paint: the app brings the content', () => {
      const run = paint(150);
      expect(run.css).toBeNull();
      expect(run.modules).toEqual(module);
      expect(run.timeout).toBeNull();
    });

    it("once the snapshot's frame is on screen, not before", () => {
      store(snapshot(100, 200));
      const run = paint(150);
      expect(run.html).toBe(snapshot(100, 200).html);
      expect(run.modules).toEqual([]);
      // The shell's paint, reported before the snapshot replaced it, is no sign.
      run.largestPaint(null);
      run.largestPaint({});
      expect(run.modules).toEqual([]);
      run.largestPaint({ inApp: true });
      expect(run.modules).toEqual(module);
      // Later paints, and the timeout, add it no second time.
      run.largestPaint({ inApp: true });
      run.timeout?.();
      expect(run.modules).toEqual(module);
    });

    it('at once in a hidden page, which paints no frame until shown', () => {
      store(snapshot(100, 200));
      const run = paint(150, { hidden: true });
      expect(run.html).toBe(snapshot(100, 200).html);
      expect(run.modules).toEqual(module);
    });

    it('after a moment when no paint is reported (a key pressed before it)', () => {
      store(snapshot(100, 200));
      const run = paint(150);
      expect(run.modules).toEqual([]);
      run.timeout?.();
      expect(run.modules).toEqual(module);
    });

    it('never on the dev server, which loads the app itself and paints no snapshot', () => {
      store(snapshot(100, 200));
      const run = paint(150, { entry: null });
      expect(run.css).toBeNull();
      expect(run.modules).toEqual([]);
      expect(run.timeout).toBeNull();
    });
  });

  it('stores what a page rendered, and forgets it when data changes', () => {
    const generation = snapshotGeneration();
    writeSnapshots('newtab', [snapshot(100, 200)], generation);
    writeSnapshots('popup', [snapshot(100, 200)], generation);
    expect(readSnapshots('newtab')).toEqual([snapshot(100, 200)]);
    forgetSnapshots();
    expect(readSnapshots('newtab')).toEqual([]);
    expect(readSnapshots('popup')).toEqual([]);
    expect(snapshotGeneration()).not.toBe(generation);
  });

  it('refuses a rendering of data read before the last change', () => {
    const before = snapshotGeneration();
    forgetSnapshots();
    writeSnapshots('newtab', [snapshot(100, 200)], before);
    expect(readSnapshots('newtab')).toEqual([]);
    writeSnapshots('newtab', [snapshot(100, 200)], snapshotGeneration());
    expect(readSnapshots('newtab')).toHaveLength(1);
  });

  it('reads nothing from a damaged entry, and works (doing nothing) without localStorage', () => {
    localStorage.setItem('closer:snapshot:newtab', '{not json');
    expect(readSnapshots('newtab')).toEqual([]);
    delete (globalThis as { localStorage?: unknown }).localStorage;
    expect(readSnapshots('newtab')).toEqual([]);
    expect(() => forgetSnapshots()).not.toThrow();
    expect(snapshotGeneration()).toBe('');
  });
});
