import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeIdle, fakeLocalStorage, keyI18n } from './fake-apis';

// Storage that fails the way a full disk or a corrupt record does.
const failing = vi.hoisted(() => ({ on: false }));
vi.mock('@/utils/data/storage', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/utils/data/storage')>();
  return {
    ...real,
    readSettings: async () => {
      if (failing.on) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return real.readSettings();
    },
  };
});

const { handlers, registerWorker } = await import('@/utils/engine/worker');
const { answerMessages, send } = await import('@/utils/engine/messages');
const { afterEachWrite } = await import('@/utils/data/storage');

beforeEach(() => {
  failing.on = false;
  Object.assign(fakeBrowser, {
    idle: fakeIdle(),
    i18n: keyI18n(),
  });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('a storage failure in the worker', () => {
  it('is shown on the toolbar button, not swallowed', async () => {
    failing.on = true;
    await expect(handlers.observe({})).resolves.toEqual({ ok: true });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe('error_worker');
    expect(console.error).toHaveBeenCalled();
  });

  it('does not stop the listeners: the next event works again', async () => {
    registerWorker();
    failing.on = true;
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'closer-tick', scheduledTime: Date.now() });
    failing.on = false;
    await expect(handlers.observe({})).resolves.toEqual({ ok: true });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'closer-tick', scheduledTime: Date.now() });
    // Recovered: the warning is gone again.
    expect(await fakeBrowser.action.getBadgeText({})).not.toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe('extName');
  });
});

describe('messages', () => {
  it('answers protocol messages and ignores anything else', async () => {
    registerWorker();
    // The browser's own onMessage passes sendResponse; the fake's types leave it out.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (
      ...args: unknown[]
    ) => Promise<unknown[]>;
    // The listener keeps the channel open (returns true) and answers through sendResponse.
    const answered = new Promise((resolve) => {
      void trigger({ name: 'observe', request: {} }, {}, resolve).then(([kept]) =>
        expect(kept).toBe(true),
      );
    });
    expect(await answered).toEqual({ value: { ok: true } });
    const noAnswer = vi.fn();
    const [ignored] = await trigger({ name: 'format-disk' }, {}, noAnswer);
    expect(ignored).toBeUndefined();
    expect(noAnswer).not.toHaveBeenCalled();
  });

  it('sends a handler’s failure back as an error that send() rethrows', async () => {
    const listen = answerMessages({
      ...handlers,
      observe: () => Promise.reject(new Error('storage is full')),
    });
    const reply = await new Promise((resolve) =>
      listen({ name: 'observe', request: {} }, {}, resolve),
    );
    expect(reply).toEqual({ error: 'storage is full' });
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve(reply));
    await expect(send('observe', {})).rejects.toThrow('storage is full');
  });

  it('after a message that stores, the page’s write listeners run (they forget its snapshots), even when it failed', async () => {
    let writes = 0;
    const stop = afterEachWrite(() => (writes += 1));
    let answer: unknown = { value: { ok: true } };
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve(answer));
    await send('lighter', { date: '2026-11-30' });
    await send('save-prompt', { id: 'emotional_01', saved: true });
    await send('put-down', {});
    await send('snooze', { minutes: 15, reason: '' });
    expect(writes).toBe(4);
    // Counting and settling leave what a snapshot shows alone.
    await send('observe', {});
    expect(writes).toBe(4);
    answer = { error: 'storage is full' };
    await expect(send('lighter', { date: '2026-11-30' })).rejects.toThrow('storage is full');
    expect(writes).toBe(5);
    stop();
    answer = { value: { ok: true } };
    await send('lighter', { date: '2026-11-30' });
    expect(writes).toBe(5);
  });
});

describe('where the worker has localStorage (Firefox’s background page)', () => {
  const SNAPSHOTS = ['closer:snapshot:newtab', 'closer:snapshot:popup'];
  let storage: Storage;
  const snapshotsKept = () => SNAPSHOTS.filter((key) => storage.getItem(key) !== null).length;
  const paintSnapshots = () => SNAPSHOTS.forEach((key) => storage.setItem(key, '[]'));

  beforeEach(() => {
    storage = fakeLocalStorage();
    Object.assign(globalThis, { localStorage: storage });
    paintSnapshots();
    return () => Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('a nudge’s "Putting it down" and "Snooze" buttons forget the pages’ snapshots', async () => {
    registerWorker();
    await fakeBrowser.notifications.onButtonClicked.trigger('closer-nudge:1', 0);
    await vi.waitFor(() => expect(snapshotsKept()).toBe(0));
    paintSnapshots();
    await fakeBrowser.notifications.onButtonClicked.trigger('closer-nudge:2', 1);
    await vi.waitFor(() => expect(snapshotsKept()).toBe(0));
    expect(storage.getItem('closer:snapshot-gen')).toBe('2');
    // Counting minutes changes nothing a snapshot shows.
    paintSnapshots();
    await handlers.observe({});
    expect(snapshotsKept()).toBe(2);
  });

  it('another computer’s news through sync forgets them; a step with nothing new keeps them', async () => {
    const { startSync } = await import('@/utils/data/sync');
    const { encodeEvenings } = await import('@/utils/data/sync-format');
    await startSync();
    await handlers.observe({});
    paintSnapshots();
    await handlers.observe({});
    expect(snapshotsKept()).toBe(2);
    await fakeBrowser.storage.sync.set(
      encodeEvenings('otherpc1', [
        {
          date: new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA'),
          screenMinutes: 5,
          screenSeconds: 300,
          status: 'distraction-free',
          limitMinutes: 15,
          nudges: 0,
          checkIns: [],
        },
      ]),
    );
    await handlers.observe({});
    expect(snapshotsKept()).toBe(0);
  });
});
