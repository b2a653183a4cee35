/**
 * How Closer lays out its items in the browser's own sync storage (SPEC §14), pure. Chrome
 * allows 100 KB, 8 KB an item and 512 items; two kinds of item keep far inside that for four
 * computers (see docs/data-format.md, "Sync", and tests/unit/sync-format.test.ts):
 *
 *   s.<field>               [stamp, value]   one settings field (SETTINGS_FIELDS), shared by
 *                                            every computer; the later stamp wins
 *   e.<computer>.<block>    "entry entry …"  one computer's evenings in one 28-day block
 *                                            (block n starts n × 28 days after 1970-01-01)
 *
 * An evening entry is `<day><status>[seconds][/limit][k<mask>.<mask>…][r<reasons>]`: the day in
 * its block (0–27), a status letter (d distraction-free, o over, u unobserved, m unobserved and
 * marked screen-free, p in progress), screen seconds, the limit it was decided with, one bit
 * mask of kinds per check-in, and how many reasons were noted. `12d452/15k3.16r1` is the 12th
 * day of its block: 452 seconds, distraction-free under a 15-minute limit, two check-ins
 * (emotional + intellectual; spiritual) and one reason. Notes, reasons' words and instants
 * never leave the computer.
 *
 * Anything read back is checked: an item or entry that does not parse, or is out of range, is
 * ignored (settings values then go through the settings schema like any outside input).
 */
import { summaryOf, type Elsewhere, type EveningSummary } from '@/utils/evening/merge';
import { EVENING_STATUSES, type EveningRecord } from '@/utils/evening/record';
import { getField, isSettingsField, type SettingsField } from '@/utils/settings/fields';
import type { Settings } from '@/utils/settings/schema';
import { LIMIT_RANGE } from '@/utils/settings/settings';
import type { SyncedFields } from './sync-clock';

/** Days of evenings a computer syncs: 26 weeks, whichever day a week starts on, and today. */
export const SYNC_DAYS = 26 * 7 + 6;
export const BLOCK_DAYS = 28;
/** Check-ins per evening whose kinds are synced (more than this in one evening is rare). */
export const MAX_SYNCED_CHECK_INS = 8;
export const MAX_SYNCED_REASONS = 99;
/** An evening window is at most 12 hours long. */
export const MAX_SCREEN_SECONDS = 12 * 3600;
/** Chrome's `storage.sync` quotas (Firefox's are alike): bytes, bytes an item, items, writes. */
export const QUOTA_BYTES = 102_400;
export const QUOTA_BYTES_PER_ITEM = 8_192;
export const MAX_ITEMS = 512;
export const MAX_WRITES_PER_MINUTE = 120;
export const MAX_WRITES_PER_HOUR = 1_800;

/** What went wrong at the last attempt to sync. */
export type SyncProblem = 'quota' | 'unavailable';

/** This computer's part in sync, kept locally (whether sync is on is chosen per computer). */
export interface SyncState {
  enabled: boolean;
  /** This computer's random id in sync. */
  computer: string;
  /** When this computer last wrote its evenings (epoch ms); 0 = at the next chance. */
  lastWriteAt: number;
  /** Turned off (or the data erased), and this computer's items are still to be removed. */
  leaving: boolean;
  /** The last attempt's problem, until an attempt succeeds. */
  problem: SyncProblem | null;
}

const DAY_MS = 86_400_000;
/** Status letters in EVENING_STATUSES order; `m` is unobserved and marked screen-free. */
const LETTERS = 'doup';
const ENTRY =
  /^(\d{1,2})([doupm])(\d{1,5})?(?:\/(\d{1,3}))?(?:k(\d{1,2}(?:\.\d{1,2}){0,7}))?(?:r(\d{1,2}))?$/;
const EVENING_KEY = /^e\.([a-z0-9]{8})\.(\d{1,6})$/;
const FIELD_PREFIX = 's.';

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (calendar arithmetic: no zone involved). */
export function epochDay(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
}

function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A new random computer id: 8 letters and digits. */
export function newComputerId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => (b % 36).toString(36)).join(
    '',
  );
}

/** Whether a sync key is one of Closer's items. */
export function isSyncKey(key: string): boolean {
  return key.startsWith(FIELD_PREFIX) || EVENING_KEY.test(key);
}

/** One settings field's item, keyed, with the stamp of its last change. */
export function fieldItem(
  settings: Settings,
  field: SettingsField,
  at: number,
): [key: string, item: [number, unknown]] {
  return [FIELD_PREFIX + field, [at, getField(settings, field)]];
}

/** One evening as an entry of its block. */
export function encodeEntry(dayInBlock: number, summary: EveningSummary): string {
  const { seconds, limit, reasons } = summary;
  const kinds = summary.kinds.filter((mask) => mask > 0).slice(0, MAX_SYNCED_CHECK_INS);
  return (
    dayInBlock +
    (summary.marked ? 'm' : LETTERS[EVENING_STATUSES.indexOf(summary.status)]!) +
    (seconds > 0 ? Math.min(Math.round(seconds), MAX_SCREEN_SECONDS) : '') +
    (limit === undefined ? '' : `/${limit}`) +
    (kinds.length ? `k${kinds.join('.')}` : '') +
    (reasons > 0 ? `r${Math.min(reasons, MAX_SYNCED_REASONS)}` : '')
  );
}

/** One entry read back, or null when it does not parse or is out of range. */
export function decodeEntry(entry: string): { day: number; summary: EveningSummary } | null {
  const match = ENTRY.exec(entry);
  if (!match) return null;
  const [, day, letter, seconds, limit, kinds, reasons] = match;
  const summary: EveningSummary = {
    seconds: +(seconds ?? 0),
    status: EVENING_STATUSES[LETTERS.indexOf(letter === 'm' ? 'u' : letter!)]!,
    kinds: kinds
      ? kinds
          .split('.')
          .map(Number)
          .sort((a, b) => a - b)
      : [],
    reasons: +(reasons ?? 0),
  };
  if (letter === 'm') summary.marked = true;
  if (limit) summary.limit = +limit;
  const ok =
    +day! < BLOCK_DAYS &&
    summary.seconds <= MAX_SCREEN_SECONDS &&
    (summary.limit ?? 0) <= LIMIT_RANGE.max &&
    summary.kinds.every((mask) => mask >= 1 && mask <= 31);
  return ok ? { day: +day!, summary } : null;
}

/** This computer's evenings (in date order) as its items: one per 28-day block that has any. */
export function encodeEvenings(
  computer: string,
  records: readonly EveningRecord[],
): Record<string, string> {
  const items: Record<string, string> = {};
  for (const record of records) {
    const day = epochDay(record.date);
    const block = Math.floor(day / BLOCK_DAYS);
    const key = `e.${computer}.${block}`;
    const entry = encodeEntry(day - block * BLOCK_DAYS, summaryOf(record));
    items[key] = items[key] ? `${items[key]} ${entry}` : entry;
  }
  return items;
}

/** What Closer finds in sync, checked, as one computer needs it. */
export interface Synced {
  fields: SyncedFields;
  /** The other computers' evenings from `first` on. */
  elsewhere: Elsewhere;
  /** Keys of this computer's evening items from `first` on. */
  ours: string[];
  /** Keys of any computer's evening items wholly before `first` (a computer gone for good). */
  stale: string[];
}

/**
 * Reads Closer's items out of everything in `storage.sync`, for the computer `self` and the
 * evenings from `first` on. Anything malformed is left out.
 */
export function readSynced(
  items: Readonly<Record<string, unknown>>,
  self: string,
  first: string,
): Synced {
  const fields: SyncedFields = {};
  const computers = new Set<string>();
  const evenings: Record<string, EveningSummary[]> = {};
  const ours: string[] = [];
  const stale: string[] = [];
  const firstBlock = Math.floor(epochDay(first) / BLOCK_DAYS);
  // Sorted keys list each evening's summaries in the same computer order every time.
  for (const key of Object.keys(items).sort()) {
    const value = items[key];
    const field = key.slice(FIELD_PREFIX.length);
    const match = EVENING_KEY.exec(key);
    if (key.startsWith(FIELD_PREFIX) && isSettingsField(field)) {
      if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0])) {
        if (value[0] >= 0) fields[field] = { at: value[0], value: value[1] };
      }
    } else if (match) {
      const computer = match[1]!;
      const block = +match[2]!;
      if (block < firstBlock) stale.push(key);
      else if (computer === self) ours.push(key);
      else if (typeof value === 'string') {
        computers.add(computer);
        for (const text of value.split(' ')) {
          const entry = decodeEntry(text);
          const date = entry && dateOfDay(block * BLOCK_DAYS + entry.day);
          if (date && date >= first) (evenings[date] ??= []).push(entry.summary);
        }
      }
    }
  }
  return { fields, elsewhere: { computers: computers.size, evenings }, ours, stale };
}

/** Bytes an item takes against the quota: its key plus its value's JSON, in UTF-8. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}
