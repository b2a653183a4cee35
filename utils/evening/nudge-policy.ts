/**
 * The nudge policy (SPEC §6), pure: at one observation of the worker, whether to send a nudge
 * now and which. The shell reads the clock, the idle state, settings and storage, sends what
 * this decides, and records it: an evening's nudges with `recordNudge` inside the record's
 * `update()`, the heads-up (which comes before the evening has a record) as `headsUpSentFor`.
 */
import type { EveningRecord } from '@/utils/evening/record';
import type { Evening } from '@/utils/time/schedule';
import type { NudgeSettings } from '@/utils/settings/schema';
import type { NudgeKind } from '@/utils/settings/settings';

/** How long before an evening the heads-up may go out. */
export const HEADS_UP_MINUTES = 15;
/** No two nudges closer than this, so one stage never buzzes right after another. */
export const MIN_GAP_MINUTES = 2;
/** The five-left nudge goes out this many minutes of screen time before the limit. */
export const FIVE_LEFT_MINUTES = 5;
/** After "Putting it down", nudges wait for this much screen time again. */
export const PUT_DOWN_ACTIVE_SECONDS = 5 * 60;

const MINUTE_MS = 60_000;

/** A snooze of nudges: until an instant (epoch ms), or for the evening of one date. */
export type Snooze = { until: number } | { notTonight: string };

/** The kinds that belong to an evening in progress and are counted on its record. */
/** The worker's nudge bookkeeping outside any one evening: the snooze and the last heads-up. */
export interface NudgeState {
  snooze: Snooze | null;
  headsUpSentFor: string | null;
}

export type EveningNudgeKind = Exclude<NudgeKind, 'heads-up'>;

/** Everything the policy looks at, as read by the shell at one observation. */
export interface NudgeInput {
  /** Epoch ms of the observation. */
  now: number;
  idleState: 'active' | 'idle' | 'locked';
  /** The evening in progress, if any. */
  evening: Evening | null;
  /** The next evening that has not started yet. */
  upcoming: Evening | null;
  /** Tonight's record; `undefined` as storage returns it for a record not yet written. */
  record: EveningRecord | null | undefined;
  /** Tonight's screen seconds on the user's other computers (sync, SPEC §14); counts toward the limit. */
  otherScreenSeconds?: number;
  limitMinutes: number;
  settings: NudgeSettings;
  snooze: Snooze | null;
  /** The date of the evening whose heads-up already went out. */
  headsUpSentFor: string | null;
}

/** Why no nudge goes out, for logs and tests. */
export type NudgeSilence =
  | 'disabled'
  | 'away'
  | 'snoozed'
  | 'put-down'
  | 'max-per-evening'
  | 'already-sent'
  | 'kind-off'
  | 'too-soon'
  | 'quiet-period'
  | 'nothing-due';

export type NudgeDecision =
  { kind: NudgeKind; reason: 'due' } | { kind: null; reason: NudgeSilence };

const send = (kind: NudgeKind): NudgeDecision => ({ kind, reason: 'due' });
const silent = (reason: NudgeSilence): NudgeDecision => ({ kind: null, reason });

/** Whether nudges for the evening dated `eveningDate` are snoozed at `now`. */
export function isSnoozed(snooze: Snooze | null, now: number, eveningDate: string): boolean {
  if (!snooze) return false;
  // A timed snooze is an instant, so one set at 23:50 for 30 minutes ends at 00:20 whatever
  // the calendar says; "not tonight" names the evening, so it never reaches the next one.
  return 'until' in snooze ? now < snooze.until : snooze.notTonight === eveningDate;
}

/** Tonight's exact screen time in seconds (older records only have whole minutes). */
export function screenSecondsOf(record: EveningRecord): number {
  return record.screenSeconds ?? record.screenMinutes * 60;
}

/**
 * Decides whether to nudge now, and which kind. At most one kind per observation.
 *
 *   nudges switched off ─────────────────────────────────────────────▶ none  (disabled)
 *   idle or locked ──────────────────────────────────────────────────▶ none  (away)
 *
 *   no evening in progress, `upcoming` starts in 15 … 2 minutes:
 *     heads-up switched on, not yet sent for that date, not snoozed ──▶ heads-up
 *     (not in the last 2 minutes: evening-start is about to say it)
 *
 *   evening in progress (start ≤ now < end; screen time is this computer's plus the others'):
 *     snoozed (`until` > now, or "not tonight" = this evening's date) ▶ none
 *     put down, and < 5 min of screen time since ──────────────────────▶ none
 *     nudges ≥ maxPerEvening (the heads-up is not counted) ───────────▶ none
 *     the first kind that is due and switched on, latest stage first:
 *       over-limit     screen > limit; the first at once, the next ones
 *                      quietMinutes after the last nudge
 *       five-left      limit ≥ 5 and limit − 5 ≤ screen < limit, not sent yet
 *                      (under 5 minutes, "5 minutes left" is never true)
 *       evening-start  nothing sent tonight yet (also for a browser started
 *                      mid-evening; a later kind already carried the prompt)
 *     less than 2 minutes after the last nudge ────────────────────────▶ none  (too-soon)
 *
 * The latest stage wins because it is the true one: after a snooze through the start, "you've
 * been on for 40 minutes" says more than "your evening has started", and every nudge carries
 * tonight's prompt anyway.
 */
export function decideNudge(input: NudgeInput): NudgeDecision {
  if (!input.settings.enabled) return silent('disabled');
  if (input.idleState !== 'active') return silent('away');
  const { evening, now } = input;
  if (evening && evening.start <= now && now < evening.end) return duringEvening(input, evening);
  if (input.upcoming) return beforeEvening(input, input.upcoming);
  return silent('nothing-due');
}

function beforeEvening(input: NudgeInput, upcoming: Evening): NudgeDecision {
  const untilStart = upcoming.start - input.now;
  if (untilStart > HEADS_UP_MINUTES * MINUTE_MS || untilStart < MIN_GAP_MINUTES * MINUTE_MS) {
    return silent('nothing-due');
  }
  if (!input.settings.kinds['heads-up']) return silent('kind-off');
  // By the evening's own date, not the local date now: a 00:10 evening's heads-up is the
  // day before.
  if (input.headsUpSentFor === upcoming.date) return silent('already-sent');
  if (isSnoozed(input.snooze, input.now, upcoming.date)) return silent('snoozed');
  return send('heads-up');
}

function duringEvening(input: NudgeInput, evening: Evening): NudgeDecision {
  const { now, settings, limitMinutes } = input;
  // A record of another evening says nothing about tonight.
  const record = input.record?.date === evening.date ? input.record : null;
  if (isSnoozed(input.snooze, now, evening.date)) return silent('snoozed');
  const ownSeconds = record ? screenSecondsOf(record) : 0;
  // The limit is for the evening as a whole, on every computer; "active again since putting it
  // down" is about this one.
  const screenSeconds = ownSeconds + (input.otherScreenSeconds ?? 0);
  if (record && putDownSilence(record, ownSeconds)) return silent('put-down');
  if ((record?.nudges ?? 0) >= settings.maxPerEvening) return silent('max-per-evening');

  const sent = new Set(record?.nudgeKindsSent ?? []);
  const limitSeconds = limitMinutes * 60;
  const due: EveningNudgeKind[] = [];
  if (screenSeconds > limitSeconds) due.push('over-limit');
  if (
    limitMinutes >= FIVE_LEFT_MINUTES &&
    screenSeconds >= limitSeconds - FIVE_LEFT_MINUTES * 60 &&
    screenSeconds < limitSeconds &&
    !sent.has('five-left')
  ) {
    due.push('five-left');
  }
  if (!sent.has('evening-start') && !sent.has('five-left') && !sent.has('over-limit')) {
    due.push('evening-start');
  }
  const kind = due.find((k) => settings.kinds[k]);
  if (!kind) return silent(due.length > 0 ? 'kind-off' : 'nothing-due');

  // A clock set back leaves the last nudge "in the future": stay quiet until time passes it
  // rather than guess.
  const sinceLast = record?.lastNudgeAt ? now - Date.parse(record.lastNudgeAt) : Infinity;
  if (sinceLast < MIN_GAP_MINUTES * MINUTE_MS) return silent('too-soon');
  if (kind === 'over-limit' && sent.has('over-limit')) {
    if (sinceLast < settings.quietMinutes * MINUTE_MS) return silent('quiet-period');
  }
  return send(kind);
}

function putDownSilence(record: EveningRecord, screenSeconds: number): boolean {
  if (!record.putDownAt) return false;
  // Without the count at that moment there is no way to tell when 5 minutes have passed;
  // staying quiet is the kinder mistake.
  if (record.putDownScreenSeconds === undefined) return true;
  return screenSeconds - record.putDownScreenSeconds < PUT_DOWN_ACTIVE_SECONDS;
}

/** Tonight's record after a nudge of `kind` went out at `now`; call inside the record's update. */
export function recordNudge(
  record: EveningRecord,
  kind: EveningNudgeKind,
  now: number,
): EveningRecord {
  const kinds = record.nudgeKindsSent ?? [];
  return {
    ...record,
    nudges: record.nudges + 1,
    // Which kinds went out, once each: `nudges` is the count.
    nudgeKindsSent: kinds.includes(kind) ? [...kinds] : [...kinds, kind],
    lastNudgeAt: new Date(now).toISOString(),
  };
}
