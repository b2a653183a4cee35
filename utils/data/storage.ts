/**
 * The only module that knows how Closer's data is laid out in IndexedDB (SPEC §8).
 *
 * One idb-keyval store, `closer` / `data`:
 *   schemaVersion       number                      forward migrations run at every start
 *   settings            Settings                    absent = defaults
 *   meta                Meta                        install date, how far evenings are settled
 *   tracking            TrackingState               the worker's screen-time observation state
 *   nudge-state         NudgeState                  snooze and heads-up bookkeeping
 *   allowance           Allowance                   the new tab's "I need it for a moment"
 *   welcome-shown       string (ISO time)           when the welcome page was opened, or the
 *                                                   first update seen: it opens once per profile
 *   evening:YYYY-MM-DD  EveningRecord               one per evening, keyed by its start date
 *   settings-clock      SettingsClock               when each settings field last changed here,
 *                                                   for sync's "last change wins" (SPEC §14)
 *   sync                SyncState                   whether this computer syncs (never synced
 *                                                   itself), its id, last write, last problem
 *   elsewhere           Elsewhere                   the user's other computers' evenings, from
 *                                                   sync: each one's summary, by date
 *
 * `sync` and `elsewhere` are absent until sync is first turned on, `settings-clock` until the
 * first settings edit.
 * Only the worker writes `elsewhere` (from `storage.sync`, checked); pages merge it in through
 * `readEveningsMerged`.
 *
 * Every read-modify-write goes through `mutate`, which reads and writes its keys inside one
 * readwrite transaction with a synchronous updater, so the popup, pages and worker can write
 * at the same moment without losing anything.
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { Allowance } from '@/utils/evening/allowance';
import type { Meta } from '@/utils/evening/lifecycle';
import { mergeElsewhere, type Elsewhere, type MergedEvening } from '@/utils/evening/merge';
import type { NudgeState } from '@/utils/evening/nudge-policy';
import type { EveningRecord } from '@/utils/evening/record';
import type { TrackingState } from '@/utils/evening/screen-time';
import type { Settings } from '@/utils/settings/schema';
import { completeSettings, defaultSettings, type StoredSettings } from '@/utils/settings/settings';
import type { SettingsClock } from './sync-clock';
import type { SyncState } from './sync-format';

export const DB_NAME = 'closer';
export const STORE_NAME = 'data';
export const SCHEMA_VERSION = 2;

interface Values {
  schemaVersion: number;
  settings: Settings;
  meta: Meta;
  tracking: TrackingState;
  'nudge-state': NudgeState;
  allowance: Allowance;
  'welcome-shown': string;
  'settings-clock': SettingsClock;
  sync: SyncState;
  elsewhere: Elsewhere;
}
export type Key = keyof Values | EveningKey;
type EveningKey = `evening:${string}`;
export type ValueOf<K extends Key> = K extends keyof Values ? Values[K] : EveningRecord;

const EVENING_PREFIX = 'evening:';

/** The key an evening is stored under. */
export function eveningKey(date: string): EveningKey {
  return `${EVENING_PREFIX}${date}`;
}

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore(DB_NAME, STORE_NAME);
  return store;
}

const writeListeners: (() => void)[] = [];

/**
 * Calls `listener` after each write of this page commits, and after each write the worker made
 * at its request (`wroteForThisPage`): pages forget their snapshots then. Returns the function
 * that stops calling it.
 */
export function afterEachWrite(listener: () => void): () => void {
  writeListeners.push(listener);
  return () => {
    const at = writeListeners.indexOf(listener);
    if (at >= 0) writeListeners.splice(at, 1);
  };
}

/** Tells this page's write listeners that the worker has just written at the page's request. */
export function wroteForThisPage(): void {
  for (const listener of writeListeners) listener();
}

/**
 * Runs a transaction, retrying once when the connection was closed under us (Chrome closes
 * IndexedDB connections of a suspended worker; the first use after waking can throw
 * InvalidStateError). Any other failure is thrown to the caller to surface.
 */
async function withStore<T>(
  mode: IDBTransactionMode,
  body: (os: IDBObjectStore) => T | PromiseLike<T>,
): Promise<T> {
  let result: T;
  try {
    result = await db()(mode, body);
  } catch (error) {
    if (!(error instanceof DOMException) || error.name !== 'InvalidStateError') throw error;
    store = null;
    result = await db()(mode, body);
  }
  if (mode === 'readwrite') wroteForThisPage();
  return result;
}

/**
 * A write that throws synchronously (a value that cannot be cloned, say) does not abort the
 * transaction by itself: the puts before it would commit. Abort explicitly so it is all or nothing.
 */
function abortOnThrow(tx: IDBTransaction, writes: () => void): void {
  try {
    writes();
  } catch (error) {
    tx.abort();
    throw error;
  }
}

/** Reads one value. */
export function read<K extends Key>(key: K): Promise<ValueOf<K> | undefined> {
  return withStore('readonly', (os) => promisifyRequest(os.get(key) as IDBRequest<ValueOf<K>>));
}

/**
 * One readwrite transaction's view of the store, typed by the key map: `get` sees the values
 * of the keys the transaction read first (as they are inside it), `put` and `delete` write.
 */
export interface Tx<R extends Key> {
  get<K extends R>(key: K): ValueOf<K> | undefined;
  put<K extends Key>(key: K, value: ValueOf<K>): void;
  delete(key: Key): void;
}

/**
 * Atomically reads `keys`, then runs `body` (synchronous and pure but for `tx`) on their
 * values inside the same transaction; its writes land all together or not at all. Resolves
 * with what `body` returned once the transaction has committed.
 */
export function mutate<const R extends Key, T>(
  keys: readonly R[],
  body: (tx: Tx<R>) => T,
): Promise<T> {
  return withStore(
    'readwrite',
    (os) =>
      new Promise<T>((resolve, reject) => {
        const current = new Map<Key, unknown>();
        let pending = keys.length;
        let result: T;
        const tx = os.transaction;
        tx.oncomplete = () => resolve(result);
        tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('Transaction failed'));
        const view: Tx<R> = {
          get: <K extends R>(key: K) => current.get(key) as ValueOf<K> | undefined,
          put: (key, value) => void os.put(value, key),
          delete: (key) => void os.delete(key),
        };
        const run = () => {
          try {
            abortOnThrow(tx, () => {
              result = body(view);
            });
          } catch (error) {
            reject(error);
          }
        };
        if (pending === 0) run();
        for (const key of keys) {
          const request = os.get(key);
          request.onsuccess = () => {
            current.set(key, request.result);
            if (--pending === 0) run();
          };
        }
      }),
  );
}

/** Applies `updater` to one key in one transaction (`undefined` deletes it); returns the new value. */
export function update<K extends Key>(
  key: K,
  updater: (current: ValueOf<K> | undefined) => ValueOf<K> | undefined,
): Promise<ValueOf<K> | undefined> {
  return mutate([key], (tx) => {
    const next = updater(tx.get(key));
    if (next === undefined) tx.delete(key);
    else tx.put(key, next);
    return next;
  });
}

/** The user's settings, or the defaults when none are stored. */
export async function readSettings(): Promise<Settings> {
  const stored = await read('settings');
  // A page may read before the worker has migrated an older store.
  return stored ? completeSettings(stored) : defaultSettings();
}

/** Replaces the settings (callers validate first). */
export function writeSettings(settings: Settings): Promise<void> {
  return mutate(['settings'], (tx) => tx.put('settings', settings));
}

/** Reads one evening. */
export function readEvening(date: string): Promise<EveningRecord | undefined> {
  return read(eveningKey(date));
}

/** Read-modify-write of one evening in a single transaction. */
export function updateEvening(
  date: string,
  updater: (current: EveningRecord | undefined) => EveningRecord | undefined,
): Promise<EveningRecord | undefined> {
  return update(eveningKey(date), updater);
}

/**
 * Every evening from `first` to `last` inclusive (`YYYY-MM-DD` sorts as text), in one key-range
 * request: the cost depends on the range, not on how many years are stored.
 */
export function readEveningRange(first: string, last: string): Promise<EveningRecord[]> {
  const range = IDBKeyRange.bound(eveningKey(first), eveningKey(last));
  return withStore('readonly', (os) =>
    promisifyRequest(os.getAll(range) as IDBRequest<EveningRecord[]>),
  );
}

/**
 * The evenings from `first` to `last` as the pages show them: this computer's, with the user's
 * other computers' merged in when sync is on (SPEC §14; `limitMinutes` decides an evening no
 * computer recorded a limit for).
 */
export async function readEveningsMerged(
  first: string,
  last: string,
  limitMinutes: number,
): Promise<MergedEvening[]> {
  const [records, elsewhere] = await Promise.all([
    readEveningRange(first, last),
    read('elsewhere'),
  ]);
  return elsewhere ? mergeElsewhere(records, elsewhere, first, last, limitMinutes) : records;
}

/** Every stored evening, oldest first (for export). */
export function readAllEvenings(): Promise<EveningRecord[]> {
  // '\uffff' sorts after any date text, so this is every key with the prefix.
  const range = IDBKeyRange.bound(EVENING_PREFIX, `${EVENING_PREFIX}\uffff`);
  return withStore('readonly', (os) =>
    promisifyRequest(os.getAll(range) as IDBRequest<EveningRecord[]>),
  );
}

/**
 * Replaces the settings and writes the given evenings over the same dates, all in one
 * transaction: either everything lands or nothing does.
 */
export function importData(settings: Settings, evenings: readonly EveningRecord[]): Promise<void> {
  return withStore('readwrite', (os) => {
    abortOnThrow(os.transaction, () => {
      os.put(settings, 'settings');
      for (const evening of evenings) os.put(evening, eveningKey(evening.date));
    });
    return promisifyRequest(os.transaction);
  });
}

/** Deletes everything; the next start behaves like a fresh install. */
export function eraseAll(): Promise<void> {
  return withStore('readwrite', (os) => {
    os.clear();
    return promisifyRequest(os.transaction);
  });
}

/** A forward migration of the whole store, from version `from` to `from + 1`. */
export interface Migration {
  from: number;
  name: string;
  migrate: (os: IDBObjectStore) => void;
}

/** Version 2 adds settings for couple mode and the second library; their defaults fill in. */
export const migrateV1toV2: Migration = {
  from: 1,
  name: 'migrateV1toV2',
  migrate(os) {
    const request = os.get('settings');
    request.onsuccess = () => {
      if (request.result) os.put(completeSettings(request.result as StoredSettings), 'settings');
    };
  },
};

/** Named migrations, oldest first. */
export const MIGRATIONS: readonly Migration[] = [migrateV1toV2];

/**
 * Brings the stored data up to `target`, in one transaction with the version bump. A fresh
 * store is stamped with the current version. A store newer than this code is left untouched
 * and reported, so an older build never damages a newer one's data.
 */
export function runMigrations(
  migrations: readonly Migration[] = MIGRATIONS,
  target = SCHEMA_VERSION,
): Promise<{ from: number | null; to: number; applied: string[] }> {
  return withStore(
    'readwrite',
    (os) =>
      new Promise((resolve, reject) => {
        const tx = os.transaction;
        const applied: string[] = [];
        let from: number | null = null;
        let to = target;
        tx.oncomplete = () => resolve({ from, to, applied });
        tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('Migration failed'));
        const request = os.get('schemaVersion');
        request.onsuccess = () => {
          from = typeof request.result === 'number' ? request.result : null;
          if (from !== null && from > target) {
            to = from;
            return;
          }
          let version = from ?? target;
          for (const migration of migrations) {
            if (migration.from === version && version < target) {
              migration.migrate(os);
              applied.push(migration.name);
              version += 1;
            }
          }
          if (version !== target) {
            tx.abort();
            reject(new Error(`No migration path from schema ${from} to ${target}`));
            return;
          }
          os.put(target, 'schemaVersion');
        };
      }),
  );
}
