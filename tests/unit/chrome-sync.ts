/**
 * The fake browser's `storage.sync` with Chrome's quotas enforced the way Chrome words them
 * (100 KB, 8 KB an item, 512 items, 120 writes a minute, 1,800 an hour): a write over any of
 * them throws and changes nothing. Every write is logged with the time it happened.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  itemBytes,
  MAX_ITEMS,
  MAX_WRITES_PER_HOUR,
  MAX_WRITES_PER_MINUTE,
  QUOTA_BYTES,
  QUOTA_BYTES_PER_ITEM,
} from '@/utils/data/sync-format';

export interface SyncLog {
  /** When each write (a `set` or a `remove`) was made, epoch ms. */
  writes: number[];
  /** Everything in sync right now. */
  items(): Promise<Record<string, unknown>>;
}

/** Enforces Chrome's quotas on the fake `storage.sync` until the fake browser is reset. */
export function enforceChromeQuotas(): SyncLog {
  const sync = fakeBrowser.storage.sync;
  const set = sync.set.bind(sync);
  const remove = sync.remove.bind(sync);
  const writes: number[] = [];
  const countWrite = () => {
    const now = Date.now();
    if (writes.filter((t) => now - t < 60_000).length >= MAX_WRITES_PER_MINUTE) {
      throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    }
    if (writes.filter((t) => now - t < 3_600_000).length >= MAX_WRITES_PER_HOUR) {
      throw new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
    }
    writes.push(now);
  };
  vi.spyOn(sync, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    countWrite();
    const next = { ...(await sync.get(null)), ...items };
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > QUOTA_BYTES_PER_ITEM) {
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
    }
    const bytes = Object.entries(next).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    if (bytes > QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
    if (Object.keys(next).length > MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    await set(items);
  });
  vi.spyOn(sync, 'remove').mockImplementation(async (keys: string | string[]) => {
    countWrite();
    await remove(keys);
  });
  return { writes, items: () => sync.get(null) };
}
