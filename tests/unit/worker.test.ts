import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

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

beforeEach(() => {
  failing.on = false;
  Object.assign(fakeBrowser, {
    idle: {
      queryState: async () => 'active',
      setDetectionInterval: vi.fn(),
      onStateChanged: { addListener: vi.fn() },
    },
    i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
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
    const [answer] = await fakeBrowser.runtime.onMessage.trigger(
      { name: 'observe', request: {} },
      {},
    );
    expect(answer).toEqual({ ok: true });
    const [ignored] = await fakeBrowser.runtime.onMessage.trigger({ name: 'format-disk' }, {});
    expect(ignored).toBeUndefined();
  });
});
