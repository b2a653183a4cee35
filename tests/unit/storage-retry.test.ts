import { beforeEach, describe, expect, it, vi } from 'vitest';

// A connection that Chrome closed while the worker was asleep: the next use throws once.
const plan = vi.hoisted(() => ({ failures: [] as string[], stores: 0 }));
vi.mock('idb-keyval', async (importOriginal) => {
  const real = await importOriginal<typeof import('idb-keyval')>();
  return {
    ...real,
    createStore: (db: string, name: string) => {
      plan.stores += 1;
      const store = real.createStore(db, name);
      return ((mode, body) => {
        const failure = plan.failures.shift();
        if (failure) return Promise.reject(new DOMException('closing', failure));
        return store(mode, body);
      }) as typeof store;
    },
  };
});

const { read, writeSettings } = await import('@/utils/data/storage');
const { defaultSettings } = await import('@/utils/settings/settings');

beforeEach(() => {
  plan.failures = [];
});

describe('storage connection', () => {
  it('retries once, with a fresh connection, after InvalidStateError', async () => {
    await writeSettings(defaultSettings());
    const before = plan.stores;
    plan.failures = ['InvalidStateError'];
    await expect(read('settings')).resolves.toEqual(defaultSettings());
    expect(plan.stores).toBe(before + 1);
  });

  it('gives up after a second InvalidStateError in a row', async () => {
    plan.failures = ['InvalidStateError', 'InvalidStateError'];
    await expect(read('settings')).rejects.toThrow('closing');
  });

  it('does not retry other failures (quota, corruption): the caller surfaces them', async () => {
    plan.failures = ['QuotaExceededError'];
    await expect(read('settings')).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(plan.failures).toEqual([]);
  });
});
