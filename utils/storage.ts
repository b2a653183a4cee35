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
 *   evening:YYYY-MM-DD  EveningRecord               one per evening, keyed by its start date
 *
 * Every read-modify-write goes through `mutate`, which reads and writes its keys inside one
 * readwrite transaction with a synchronous updater, so the popup, pages and worker can write
 * at the same moment without losing anything.
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { EveningRecord } from './evening-record';
import type { Snooze } from './nudge-policy';
import { defaultSettings, type Settings } from './settings';

export const DB_NAME = 'closer';
export const STORE_NAME = 'data';
export const SCHEMA_VERSION = 1;

/** When the extension first ran, and the last evening date that is settled (final or unobserved). */
export interface Meta {
  installedOn: string;
  settledThrough: string;
}

/** The worker's last observation, persisted so a stopped worker resumes where it was. */
export interface TrackingState {
  lastObservedAt: number;
  /** Whether the device counted as in use at that observation. */
  lastActive: boolean;
  /** The evening that observation belonged to, or null outside evenings. */
  eveningDate: string | null;
  zone: string;
}

export interface NudgeState {
  snooze: Snooze | null;
  headsUpSentFor: string | null;
}

/** "I need it for a moment": new tabs stay plain until `until` (epoch ms). */
export interface Allowance {
  until: number;
  grantedAt: number;
}

interface Values {
  schemaVersion: number;
  settings: Settings;
  meta: Meta;
  tracking: TrackingState;
  'nudge-state': NudgeState;
  allowance: Allowance;
}
export type Key = keyof Values | EveningKey;
type EveningKey = `evening:${string}`;
type ValueOf<K extends Key> = K extends keyof Values ? Values[K] : EveningRecord;

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

/**
 * Runs a transaction, retrying once when the connection was closed under us (Chrome closes
 * IndexedDB connections of a suspended worker; the first use after waking can throw
 * InvalidStateError). Any other failure is thrown to the caller to surface.
 */
async function withStore<T>(
  mode: IDBTransactionMode,
  body: (os: IDBObjectStore) => T | PromiseLike<T>,
): Promise<T> {
  try {
    return await db()(mode, body);
  } catch (error) {
    if (!(error instanceof DOMException) || error.name !== 'InvalidStateError') throw error;
    store = null;
    return db()(mode, body);
  }
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
 * Atomically reads `keys`, hands their values to `updater` (synchronous and pure), and writes
 * back whatever it returns (`undefined` deletes the key, an absent key is left alone).
 * Resolves with the written values once the transaction has committed.
 */
export function mutate<const K extends Key>(
  keys: readonly K[],
  updater: (current: { [P in K]: ValueOf<P> | undefined }) => { [P in K]?: ValueOf<P> | undefined },
): Promise<{ [P in K]?: ValueOf<P> | undefined }> {
  return withStore(
    'readwrite',
    (os) =>
      new Promise((resolve, reject) => {
        const current = {} as { [P in K]: ValueOf<P> | undefined };
        let pending = keys.length;
        let written: { [P in K]?: ValueOf<P> | undefined } = {};
        const tx = os.transaction;
        tx.oncomplete = () => resolve(written);
        tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('Transaction failed'));
        const writeAll = () => {
          try {
            abortOnThrow(tx, () => {
              written = updater(current);
              for (const key of Object.keys(written) as K[]) {
                const value = written[key];
                if (value === undefined) os.delete(key);
                else os.put(value, key);
              }
            });
          } catch (error) {
            reject(error);
          }
        };
        if (pending === 0) writeAll();
        for (const key of keys) {
          const request = os.get(key);
          request.onsuccess = () => {
            current[key] = request.result as ValueOf<K>;
            if (--pending === 0) writeAll();
          };
        }
      }),
  );
}

/** Applies `updater` to one key in one transaction; returns the new value. */
export async function update<K extends Key>(
  key: K,
  updater: (current: ValueOf<K> | undefined) => ValueOf<K> | undefined,
): Promise<ValueOf<K> | undefined> {
  const written = await mutate([key], (current) => ({ [key]: updater(current[key]) }) as never);
  return (written as Record<string, ValueOf<K> | undefined>)[key];
}

/** The user's settings, or the defaults when none are stored. */
export async function readSettings(): Promise<Settings> {
  const stored = await read('settings');
  return stored ?? defaultSettings();
}

/** Replaces the settings (callers validate first). */
export function writeSettings(settings: Settings): Promise<unknown> {
  return mutate(['settings'], () => ({ settings }));
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

/**
 * Named migrations, oldest first. Version 1 is the first schema, so there is nothing to
 * migrate yet; `migrateV1toV2` goes here when the schema changes.
 */
export const MIGRATIONS: readonly Migration[] = [];

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
