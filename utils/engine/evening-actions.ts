/**
 * What the user does from a page, written straight to storage (one transaction each) so it
 * works whether or not the worker is awake: check-ins, "another one", "We were screen-free",
 * "I need it for a moment", snooze and "Resume nudges". Each action then tells the other open
 * pages (`broadcastChanged`), so a popup, new tab or history open elsewhere shows it at once.
 * ("Something lighter" is here too, for the worker, which writes it for the popup and new tab;
 * "Ask this tonight" is in saved-questions.ts, so that the new tab does not load it.)
 */
import {
  canMarkScreenFree,
  newEveningRecord,
  type CheckIn,
  type EveningRecord,
  type Reason,
} from '@/utils/evening/record';

// Pages import these from here with the action that uses them.
export { canMarkScreenFree, MARK_WITHIN_DAYS } from '@/utils/evening/record';
import type { Snooze } from '@/utils/evening/nudge-policy';
import type { IntimacyKind } from '@/utils/settings/settings';
import { grantAllowance } from '@/utils/evening/allowance';
import { eveningKey, mutate, update, updateEvening } from '@/utils/data/storage';
import { broadcastChanged } from '@/utils/engine/messages';

/** Longest reason kept, in UTF-16 code units: the reason fields' `maxlength`. */
const MAX_REASON_LENGTH = 200;

/** Waits for a write to commit, then tells the other open pages to re-read. */
async function announced<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  await broadcastChanged();
  return result;
}

/** Adds a "We connected" check-in to an evening; concurrent check-ins are all kept. */
export function addCheckIn(
  date: string,
  zone: string,
  kinds: IntimacyKind[],
  note: string,
  source: CheckIn['source'],
  now: number,
): Promise<EveningRecord | undefined> {
  const checkIn: CheckIn = { kinds, at: new Date(now).toISOString(), note, source };
  return announced(
    updateEvening(date, (record) => {
      const base = record ?? newEveningRecord(date, zone);
      return { ...base, checkIns: [...base.checkIns, checkIn] };
    }),
  );
}

/** "Another one": moves tonight's prompt on by one, for every surface at once. */
export function anotherPrompt(date: string, zone: string): Promise<EveningRecord | undefined> {
  return announced(
    updateEvening(date, (record) => {
      const base = record ?? newEveningRecord(date, zone);
      return { ...base, promptOffset: (base.promptOffset ?? 0) + 1 };
    }),
  );
}

/**
 * "Something lighter": from the prompt shown now, tonight's prompts are light ones, for every
 * surface at once (SPEC §7). Remembers where in tonight's order it was pressed.
 */
export function somethingLighter(date: string, zone: string): Promise<EveningRecord | undefined> {
  return updateEvening(date, (record) => {
    const base = record ?? newEveningRecord(date, zone);
    return { ...base, promptLighterAt: base.promptOffset ?? 0 };
  });
}

/** "We were screen-free": the user vouches for an evening the browser never saw. */
export async function markScreenFree(date: string, now: number, zone: string): Promise<boolean> {
  let marked = false;
  await announced(
    updateEvening(date, (record) => {
      if (!record || !canMarkScreenFree(record, now, zone)) return record;
      marked = true;
      return { ...record, markedScreenFree: true };
    }),
  );
  return marked;
}

/**
 * "I need it for a moment": new tabs stay plain for five minutes; the reason is kept. Both land
 * in one transaction, so the allowance never exists without the reason given for it.
 */
export async function needItForAMoment(
  eveningDate: string,
  zone: string,
  reason: string,
  now: number,
): Promise<void> {
  const text = reason.trim();
  const key = eveningKey(eveningDate);
  await announced(
    mutate(['allowance', key], (tx) => {
      tx.put('allowance', grantAllowance(now));
      if (text) tx.put(key, withReason(tx.get(key), eveningDate, zone, 'need-it', text, now));
    }),
  );
}

/** Keeps a reason the user gave for going on (SPEC §7) on that evening's record. */
export async function addReason(
  date: string,
  zone: string,
  source: Reason['source'],
  text: string,
  now: number,
): Promise<void> {
  await announced(
    updateEvening(date, (record) => withReason(record, date, zone, source, text, now)),
  );
}

/** The evening's record with one more reason (a new record if there was none). */
function withReason(
  record: EveningRecord | undefined,
  date: string,
  zone: string,
  source: Reason['source'],
  text: string,
  now: number,
): EveningRecord {
  const base = record ?? newEveningRecord(date, zone);
  const reason: Reason = {
    at: new Date(now).toISOString(),
    source,
    text: text.slice(0, MAX_REASON_LENGTH),
  };
  return { ...base, reasons: [...(base.reasons ?? []), reason] };
}

/**
 * Sets (or, with null, ends: "Resume nudges") the snooze of nudges, keeping the rest of the
 * nudge bookkeeping.
 */
export async function setSnooze(snooze: Snooze | null): Promise<void> {
  await announced(
    update('nudge-state', (state) => ({
      headsUpSentFor: state?.headsUpSentFor ?? null,
      snooze,
    })),
  );
}
