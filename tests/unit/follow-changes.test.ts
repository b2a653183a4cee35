/**
 * How a page follows changes made elsewhere (SPEC §8): re-reading on the change broadcast
 * without overlapping loads, and showing stored values in controls without overwriting what
 * the user is typing. The DOM parts are played by minimal stand-ins (Node has no DOM).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followChanges } from '@/components/follow-changes';
import { storedValue } from '@/components/stored-value';
import { wroteForThisPage } from '@/utils/data/storage';
import { CHANGED } from '@/utils/engine/messages';

/** A page's document, as far as the code under test looks at it. */
const page = Object.assign(new EventTarget(), {
  visibilityState: 'visible',
  activeElement: null as unknown,
});

beforeEach(() => {
  Object.assign(globalThis, { document: page });
  page.activeElement = null;
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'document');
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const broadcast = () => fakeBrowser.runtime.onMessage.trigger({ name: CHANGED }, {});

describe('followChanges', () => {
  it('loads at once, again on each change broadcast and when shown, and not after stopping', async () => {
    let loads = 0;
    const stop = followChanges(() => {
      loads += 1;
    });
    await flush();
    expect(loads).toBe(1);
    await broadcast();
    await flush();
    expect(loads).toBe(2);
    await fakeBrowser.runtime.onMessage.trigger({ name: 'observe', request: {} }, {});
    page.dispatchEvent(new Event('visibilitychange'));
    await flush();
    expect(loads).toBe(3);
    stop();
    await broadcast();
    page.dispatchEvent(new Event('visibilitychange'));
    await flush();
    expect(loads).toBe(3);
  });

  it('never runs two loads at once: news during a load brings exactly one more after it', async () => {
    const finishers: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const stop = followChanges(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => finishers.push(resolve));
      running -= 1;
    });
    await flush();
    expect(finishers).toHaveLength(1);
    // The worker's broadcast, another page's and the tab being shown, all during the load.
    await broadcast();
    await broadcast();
    page.dispatchEvent(new Event('visibilitychange'));
    await flush();
    expect(finishers).toHaveLength(1);
    finishers[0]!();
    await flush();
    expect(finishers).toHaveLength(2);
    finishers[1]!();
    await flush();
    expect(finishers).toHaveLength(2);
    expect(most).toBe(1);
    stop();
  });

  it('with afterOwnWrites, loads again after the page’s own writes (and the worker’s for it), until stopped', async () => {
    let loads = 0;
    let others = 0;
    const stopOther = followChanges(() => (others += 1));
    const stop = followChanges(() => (loads += 1), undefined, true);
    await flush();
    expect([loads, others]).toEqual([1, 1]);
    wroteForThisPage();
    await flush();
    expect([loads, others]).toEqual([2, 1]);
    stop();
    stopOther();
    wroteForThisPage();
    await flush();
    expect(loads).toBe(2);
  });
});

/** An input as far as `storedValue` looks at it; the steps below play the user and the page. */
function control(initial: string | number) {
  const node = Object.assign(new EventTarget(), {
    value: '',
    ownerDocument: page,
  });
  return { node, action: storedValue(node as unknown as HTMLInputElement, initial) };
}

/**
 * One thing that happens to a field, in a story: the user's doing (focus sets
 * document.activeElement), a value stored elsewhere, or a check of what the field shows.
 */
type Step = (field: ReturnType<typeof control>) => void;

const focus: Step = ({ node }) => (page.activeElement = node);
const type =
  (text: string): Step =>
  ({ node }) =>
    (node.value = text);
const commit: Step = ({ node }) => node.dispatchEvent(new Event('change'));
const leave: Step = ({ node }) => {
  page.activeElement = null;
  node.dispatchEvent(new Event('blur'));
};
const store =
  (value: string | number): Step =>
  ({ action }) =>
    action.update(value);
const shows =
  (text: string): Step =>
  ({ node }) =>
    expect(node.value).toBe(text);

describe('storedValue', () => {
  it.each<[string, string | number, Step[]]>([
    [
      'shows the stored value, and a new one at once while the user is elsewhere',
      15,
      [shows('15'), store(30), shows('30')],
    ],
    [
      'keeps what the user is typing; the value stored meanwhile shows once they leave',
      15,
      [focus, type('2'), store(30), shows('2'), store(45), shows('2'), leave, shows('45')],
    ],
    [
      'a focused field the user has not touched waits too',
      '20:00',
      [focus, store('21:30'), shows('20:00'), leave, shows('21:30')],
    ],
    [
      // Their edit lands and comes back as the stored value: nothing moves.
      'a change the user commits wins over one stored while they typed',
      15,
      [focus, type('25'), store(30), commit, leave, shows('25'), store(25), shows('25')],
    ],
    [
      'a refused value stays for the user to correct until something else is stored',
      3,
      [focus, type('9'), commit, leave, shows('9'), store(3), shows('9'), store(5), shows('5')],
    ],
  ])('%s', (_title, initial, steps) => {
    const field = control(initial);
    for (const step of steps) step(field);
  });
});
