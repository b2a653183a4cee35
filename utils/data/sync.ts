/**
 * Sync across the user's own computers through the browser's own sync (SPEC §14): the shell
 * around `sync-format.ts` and `sync-clock.ts`. No server of ours: `storage.sync` (Chrome Sync,
 * Firefox Sync) carries the settings, field by field, and each computer's evening summaries.
 *
 * The worker runs `syncStep` inside every observation and whenever `storage.sync` changes; it
 * keeps nothing in memory, so each step reads everything it needs:
 *
 *   sync off here ─────────────────────────────────────────────────────────────────▶ done
 *   read storage.sync (unavailable → note the problem, keep going on local data) ───▶ done
 *   stamp settings changed without an edit (an import) → apply synced fields that win,
 *     through the settings schema (a bad value is ignored, never stored)
 *   keep the other computers' evenings, by date, in `elsewhere` (pages and badge merge them)
 *   write: settings fields this computer changed last, at once; this computer's evenings at
 *     once after sync was turned on, at most every 5 minutes during an evening, and whenever
 *     they differ outside one (an evening that ended); blocks gone past 26 weeks are removed
 *   a failed write keeps everything local and notes the problem for the options page
 *
 * The options page turns sync on and off (`startSync`, `stopSync`, and `finishLeaving` when
 * taking this computer's items out had to wait); whether it is on is this computer's choice and
 * is never synced.
 */
import { browser } from 'wxt/browser';
import type { Elsewhere } from '@/utils/evening/merge';
import { applyEdit, getField } from '@/utils/settings/fields';
import { checkSettings, type Settings } from '@/utils/settings/schema';
import { completeSettings, defaultSettings } from '@/utils/settings/settings';
import { addDays, localDate } from '@/utils/time/schedule';
import { eraseAll, mutate, read, readEveningRange } from './storage';
import { restamp, whoWins, type SettingsClock, type SyncedFields } from './sync-clock';
import {
  encodeEvenings,
  fieldItem,
  isSyncKey,
  itemBytes,
  newComputerId,
  QUOTA_BYTES_PER_ITEM,
  readSynced,
  SYNC_DAYS,
  type SyncProblem,
} from './sync-format';

/** During an evening, a computer writes its evenings at most this often (SPEC §14). */
export const WRITE_EVERY_MS = 5 * 60_000;

/** `storage.sync`; reading it where the browser has none fails like any unavailable sync. */
function syncArea(): typeof browser.storage.sync {
  return browser.storage?.sync;
}

/** A failure as a problem to show: a full quota, or sync not working at all. */
export function problemOf(error: unknown): SyncProblem {
  return /quota/i.test(String(error)) ? 'quota' : 'unavailable';
}

/** Notes the problem of the last attempt (null: it worked), and when evenings were last written. */
async function noteOutcome(
  computer: string,
  problem: SyncProblem | null,
  lastWriteAt?: number,
): Promise<void> {
  await mutate(['sync'], (tx) => {
    const state = tx.get('sync');
    if (state?.computer === computer) {
      tx.put('sync', { ...state, problem, lastWriteAt: lastWriteAt ?? state.lastWriteAt });
    }
  });
}

/**
 * Stamps settings changed without an edit, then applies the synced fields that win, all in one
 * transaction. Each field is applied if the settings with it pass the schema; a second pass
 * catches a field that needed another one first (a category moved from hidden to favoured).
 * Returns the settings as stored after, whether they changed, and the fields to send (read in
 * the same transaction, so a value is never sent with another value's stamp).
 */
export async function pullSettings(
  synced: SyncedFields,
  now: number,
): Promise<{ settings: Settings; changed: boolean; push: [key: string, item: unknown][] }> {
  return mutate(['settings', 'settings-clock'], (tx) => {
    const stored = tx.get('settings');
    let settings = stored ? completeSettings(stored) : defaultSettings();
    const restamped = restamp(tx.get('settings-clock'), settings, defaultSettings(), now);
    const clock: SettingsClock = { ...(restamped ?? tx.get('settings-clock')) };
    const { pull, push } = whoWins(clock, synced);
    let pending = pull;
    for (let pass = 0; pass < 2; pass++) {
      pending = pending.filter(({ field, value, at }) => {
        const checked = checkSettings(applyEdit(settings, { [field]: value }));
        if (!checked.ok) return true;
        settings = checked.settings;
        clock[field] = { at, json: JSON.stringify(getField(settings, field)) };
        return false;
      });
    }
    const applied = pending.length < pull.length;
    const changed = applied && JSON.stringify(settings) !== JSON.stringify(stored);
    if (changed) tx.put('settings', settings);
    if (restamped || applied) tx.put('settings-clock', clock);
    return {
      settings,
      changed,
      push: push.map((field) => fieldItem(settings, field, clock[field]!.at)),
    };
  });
}

/** What a sync step found: settings changed by another computer, and the others' evenings. */
export interface SyncOutcome {
  /** The settings after the step, when another computer's changes were applied. */
  settings: Settings | null;
  elsewhere: Elsewhere | undefined;
  /** Whether the step changed what the pages show: the settings, or the others' evenings. */
  changed: boolean;
}

/**
 * One sync step at `now` (see the diagram above). `inEvening` says whether an evening is in
 * progress, when this computer's evenings are written at most every 5 minutes. Never throws
 * for a sync failure: that is noted and the local data is left as it was.
 */
export async function syncStep(
  now: number,
  zone: string,
  inEvening: boolean,
): Promise<SyncOutcome> {
  const state = await read('sync');
  if (!state?.enabled) return { settings: null, elsewhere: undefined, changed: false };
  const { computer, lastWriteAt } = state;
  const area = syncArea();
  const today = localDate(now, zone);
  const first = addDays(today, -SYNC_DAYS);
  let items: Record<string, unknown>;
  try {
    items = await area.get(null);
  } catch (error) {
    await noteOutcome(computer, problemOf(error));
    return { settings: null, elsewhere: await read('elsewhere'), changed: false };
  }
  const synced = readSynced(items, computer, first);
  const pulled = await pullSettings(synced.fields, now);
  const elsewhere = synced.elsewhere;
  // Not after sync was turned off meanwhile: pages merge whatever is here.
  const arrived = await mutate(['sync', 'elsewhere'], (tx) => {
    if (!tx.get('sync')?.enabled) return false;
    const before = JSON.stringify(tx.get('elsewhere'));
    tx.put('elsewhere', elsewhere);
    return before !== JSON.stringify(elsewhere);
  });

  // Reading worked, so sync is there; whether the quota is fine only a write tells.
  let problem: SyncProblem | null = state.problem === 'quota' ? 'quota' : null;
  const toSet: Record<string, unknown> = {};
  let oversize = false;
  for (const [key, item] of pulled.push) {
    // Only an absurd list of saved prompts could outgrow an item; that field then stays here.
    if (itemBytes(key, item) > QUOTA_BYTES_PER_ITEM) oversize = true;
    else toSet[key] = item;
  }
  const toRemove = synced.stale;
  if (!lastWriteAt || !inEvening || now - lastWriteAt >= WRITE_EVERY_MS || now < lastWriteAt) {
    const ours = encodeEvenings(computer, await readEveningRange(first, today));
    for (const key in ours) if (items[key] !== ours[key]) toSet[key] = ours[key];
    toRemove.push(...synced.ours.filter((key) => !(key in ours)));
  }
  let wrote = false;
  if (Object.keys(toSet).length || toRemove.length) {
    try {
      if (Object.keys(toSet).length) await area.set(toSet);
      if (toRemove.length) await area.remove(toRemove);
      wrote = true;
      problem = oversize ? 'quota' : null;
    } catch (error) {
      problem = problemOf(error);
    }
  }
  await noteOutcome(computer, problem, wrote ? now : undefined);
  // Turned off while this step ran: take back the evenings it may just have written.
  if (wrote && !(await read('sync'))?.enabled) {
    await area.remove(Object.keys(toSet).filter((key) => key[0] === 'e')).catch(() => undefined);
  }
  return {
    settings: pulled.changed ? pulled.settings : null,
    elsewhere,
    changed: pulled.changed || arrived,
  };
}

/**
 * Turns sync on for this computer: a new random id (or the old one, if its items could not be
 * removed yet), settings changed before now stamped so they count as changes, and a write at
 * the next observation (the caller asks the worker to observe).
 */
export async function startSync(now = Date.now()): Promise<void> {
  await finishLeaving();
  await mutate(['sync', 'settings', 'settings-clock'], (tx) => {
    const previous = tx.get('sync');
    tx.put('sync', {
      enabled: true,
      computer: previous?.computer ?? newComputerId(),
      lastWriteAt: 0,
      leaving: false,
      problem: null,
    });
    const stored = tx.get('settings');
    const settings = stored ? completeSettings(stored) : defaultSettings();
    const clock = restamp(tx.get('settings-clock'), settings, defaultSettings(), now);
    if (clock) tx.put('settings-clock', clock);
  });
}

/**
 * Turns sync off for this computer: every local record stays; the other computers' figures are
 * no longer merged in; this computer's items are removed from sync (and, if no other computer
 * is left there, the shared settings too). Resolves false when the removal has to wait: the
 * options page tries again when it next opens (`finishLeaving`).
 */
export async function stopSync(): Promise<boolean> {
  await mutate(['sync', 'elsewhere'], (tx) => {
    const state = tx.get('sync');
    if (state) tx.put('sync', { ...state, enabled: false, leaving: true, problem: null });
    tx.delete('elsewhere');
  });
  return finishLeaving();
}

/** Removes the items of a computer that left sync; true when there is nothing left to remove. */
export async function finishLeaving(): Promise<boolean> {
  const state = await read('sync');
  if (!state?.leaving) return true;
  try {
    const area = syncArea();
    const items = await area.get(null);
    const mine = `e.${state.computer}.`;
    const keys = Object.keys(items).filter(isSyncKey);
    const othersLeft = keys.some((key) => key[0] === 'e' && !key.startsWith(mine));
    // The last computer to leave takes the shared settings with it.
    await area.remove(othersLeft ? keys.filter((key) => key.startsWith(mine)) : keys);
  } catch (error) {
    await noteOutcome(state.computer, problemOf(error));
    return false;
  }
  await mutate(['sync'], (tx) => {
    const current = tx.get('sync');
    if (current?.leaving && !current.enabled && current.computer === state.computer) {
      tx.delete('sync');
    }
  });
  return true;
}

/**
 * Erases all of Closer's data on this computer (SPEC §8), taking its evenings out of sync first;
 * if sync is unavailable, a note to finish that is all that stays.
 */
export async function eraseEverything(): Promise<void> {
  const left = await stopSync();
  const state = await read('sync');
  await eraseAll();
  if (!left && state) await mutate(['sync'], (tx) => tx.put('sync', state));
}

/** What the options page shows about sync on this computer. */
export interface SyncStatus {
  enabled: boolean;
  /** Turned off, and this computer's items are still to be taken out of sync. */
  leaving: boolean;
  problem: SyncProblem | null;
  /** How many other computers sync their evenings. */
  computers: number;
}

/** Reads this computer's sync status. */
export async function readSyncStatus(): Promise<SyncStatus> {
  const [state, elsewhere] = await Promise.all([read('sync'), read('elsewhere')]);
  return {
    enabled: state?.enabled === true,
    leaving: state?.leaving === true,
    problem: state?.problem ?? null,
    computers: elsewhere?.computers ?? 0,
  };
}
