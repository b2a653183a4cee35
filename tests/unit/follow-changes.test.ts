/**
 * How a page follows changes made elsewhere (SPEC §8): re-reading on the change broadcast
 * without overlapping loads, and showing stored values in controls without overwriting what
 * the user is typing. The DOM parts are played by minimal stand-ins (Node has no DOM).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followChanges } from '@/components/follow-changes';
import { storedValue } from '@/components/stored-value';
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
});

/** An input as far as `storedValue` looks at it; `focused` plays document.activeElement. */
function control(initial: string | number) {
  const node = Object.assign(new EventTarget(), {
    value: '',
    ownerDocument: page,
  });
  const action = storedValue(node as unknown as HTMLInputElement, initial);
  return {
    node,
    action,
    focus: () => (page.activeElement = node),
    type: (text: string) => (node.value = text),
    commit: () => node.dispatchEvent(new Event('change')),
    leave: () => {
      page.activeElement = null;
      node.dispatchEvent(new Event('blur'));
    },
  };
}

describe('storedValue', () => {
  it('shows the stored value, and a new one at once while the user is elsewhere', () => {
    const field = control(15);
    expect(field.node.value).toBe('15');
    field.action.update(30);
    expect(field.node.value).toBe('30');
  });

  it('keeps what the user is typing; the value stored meanwhile shows once they leave', () => {
    const field = control(15);
    field.focus();
    field.type('2');
    field.action.update(30);
    expect(field.node.value).toBe('2');
    field.action.update(45);
    expect(field.node.value).toBe('2');
    field.leave();
    expect(field.node.value).toBe('45');
  });

  it('a focused field the user has not touched waits too', () => {
    const field = control('20:00');
    field.focus();
    field.action.update('21:30');
    expect(field.node.value).toBe('20:00');
    field.leave();
    expect(field.node.value).toBe('21:30');
  });

  it('a change the user commits wins over one stored while they typed', () => {
    const field = control(15);
    field.focus();
    field.type('25');
    field.action.update(30);
    field.commit();
    field.leave();
    expect(field.node.value).toBe('25');
    // Their edit lands and comes back as the stored value: nothing moves.
    field.action.update(25);
    expect(field.node.value).toBe('25');
  });

  it('a refused value stays for the user to correct until something else is stored', () => {
    const field = control(3);
    field.focus();
    field.type('9');
    field.commit();
    field.leave();
    expect(field.node.value).toBe('9');
    field.action.update(3);
    expect(field.node.value).toBe('9');
    field.action.update(5);
    expect(field.node.value).toBe('5');
  });
});
