/**
 * The worker's shell around the pure core: it reads the clock, the idle state and storage,
 * asks the pure functions what to do, and writes the result. It keeps nothing in memory: every
 * entry point reloads what it needs, so the worker can be stopped between any two lines.
 *
 * One observation (`observe`) does everything in order, and is safe to run at any moment and
 * any number of times (alarm, idle change, wake-up, page request, a change in `storage.sync`):
 *   credit screen time → settle ended evenings → sync → nudge → badge → alarms → tell open pages
 *
 * With sync on (SPEC §14), nudges and the badge count tonight's minutes on every computer: this
 * one's record plus the others' part as the sync step left it in `elsewhere`.
 */
import { browser } from 'wxt/browser';
import { addReason, setSnooze } from '@/utils/engine/evening-actions';
import { newEveningRecord, type EveningRecord } from '@/utils/evening/record';
import { datesToSettle, freshMeta, settle } from '@/utils/evening/lifecycle';
import { t } from '@/utils/views/i18n';
import { broadcastChanged } from '@/utils/engine/messages';
import {
  minutesUntil,
  NUDGE_BUTTON_KEYS,
  nudgeContextKey,
  nudgeTitleKey,
} from '@/utils/views/nudge-copy';
import { decideNudge, HEADS_UP_MINUTES, recordNudge } from '@/utils/evening/nudge-policy';
import { nudgePromptView } from '@/utils/views/prompt-view';
import { coupleOrder } from '@/utils/prompts/shared-pick';
import { eveningAt, nextEvening, localDate, type Evening } from '@/utils/time/schedule';
import { currentZone } from '@/utils/time/zone';
import {
  addScreenTime,
  creditSince,
  eveningForObservation,
  inUse,
  nextTracking,
  TICK_MINUTES,
  type IdleState,
  type Observation,
} from '@/utils/evening/screen-time';
import type { Settings } from '@/utils/settings/schema';
import type { NudgeKind } from '@/utils/settings/settings';
import {
  eveningKey,
  mutate,
  read,
  readEvening,
  readSettings,
  updateEvening,
  type Key,
} from '@/utils/data/storage';
import { syncStep, type SyncOutcome } from '@/utils/data/sync';
import { forgetSnapshots } from '@/utils/data/page-snapshots';
import { screenSecondsOf } from '@/utils/evening/nudge-policy';

/** Alarm names. */
export const ALARMS = {
  /** Every minute, only while an evening is in progress. */
  tick: 'closer-tick',
  /** One-shot at the end of the evening in progress, to decide it on time. */
  end: 'closer-evening-end',
  /** One-shot before or at the next evening's start: the only alarm outside evenings. */
  next: 'closer-next-evening',
} as const;

/** Seconds without input before the idle API reports `idle` (SPEC §4). */
export const IDLE_DETECTION_SECONDS = 60;
const HEADS_UP_MS = HEADS_UP_MINUTES * 60_000;

export const BADGE_CALM = '#3F6B4B';
export const BADGE_WARM = '#8F5B12';

async function anyTabAudible(): Promise<boolean> {
  // `audible` is not a sensitive tab property: no "tabs" permission is needed to query it.
  return (await browser.tabs.query({ audible: true })).length > 0;
}

/** Credits the time since the last observation; returns the evening it went to and its record. */
export async function creditScreenTime(
  observation: Observation,
  settings: Settings,
): Promise<{ evening: Evening | null; record: EveningRecord | undefined }> {
  const previous = await read('tracking');
  // The evening is chosen from a first read to know which record to lock; inside the
  // transaction the credit is recomputed from the tracking state as it is then.
  const candidate = eveningForObservation(previous, observation, settings.schedule);
  const recordKey = candidate ? eveningKey(candidate.date) : null;
  const keys: Key[] = recordKey ? ['tracking', recordKey] : ['tracking'];
  const record = await mutate(keys, (tx) => {
    const credit = creditSince(tx.get('tracking'), observation, settings.schedule);
    tx.put('tracking', nextTracking(observation, credit.evening));
    if (!recordKey || !credit.evening || credit.evening.date !== candidate?.date) return undefined;
    const next = addScreenTime(tx.get(recordKey), credit.evening, observation.zone, credit.ms);
    tx.put(recordKey, next);
    return next;
  });
  return { evening: candidate, record };
}

/** Decides every evening that has ended (distraction-free, over or unobserved). */
export async function settleEvenings(now: number, zone: string, settings: Settings): Promise<void> {
  const meta = (await read('meta')) ?? freshMeta(now, zone);
  const keys = datesToSettle(meta, now, zone).map(eveningKey);
  await mutate(['meta', ...keys], (tx) => {
    const stored = tx.get('meta') ?? meta;
    const existing = new Map<string, EveningRecord>();
    for (const key of keys) {
      const record = tx.get(key);
      if (record) existing.set(record.date, record);
    }
    const result = settle(stored, existing, now, zone, settings.schedule, settings.limitMinutes);
    if (!tx.get('meta') || result.meta.settledThrough !== stored.settledThrough) {
      tx.put('meta', result.meta);
    }
    for (const [date, record] of result.records) tx.put(eveningKey(date), record);
  });
}

/**
 * Shows tonight's minutes on the toolbar button during an evening; nothing outside.
 * `otherSeconds` are tonight's screen seconds on the user's other computers.
 */
export async function updateBadge(
  evening: Evening | null,
  record: EveningRecord | undefined,
  limitMinutes: number,
  otherSeconds = 0,
): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  // A successful observation also clears an earlier failure's "!" and its explanation.
  await action.setTitle({ title: t('extName') });
  if (!evening) {
    await action.setBadgeText({ text: '' });
    return;
  }
  const minutes = tonightMinutes(record, otherSeconds);
  await action.setBadgeText({ text: String(minutes) });
  await action.setBadgeBackgroundColor({ color: minutes > limitMinutes ? BADGE_WARM : BADGE_CALM });
  // Not in every browser; white reads well on both badge colours.
  await (
    action as { setBadgeTextColor?: (d: { color: string }) => Promise<void> }
  ).setBadgeTextColor?.({ color: '#FFFFFF' });
}

/** Tonight's whole minutes: this computer's record (as it counts them) plus the others' seconds. */
function tonightMinutes(record: EveningRecord | undefined, otherSeconds: number): number {
  if (!otherSeconds) return record?.screenMinutes ?? 0;
  return Math.floor(((record ? screenSecondsOf(record) : 0) + otherSeconds) / 60);
}

/** Runs the sync step; a failure there never stops counting, nudges, badge or alarms. */
function syncSafely(now: number, zone: string, inEvening: boolean): Promise<SyncOutcome> {
  return syncStep(now, zone, inEvening).catch((error: unknown) => {
    console.error('Closer sync:', error);
    return { settings: null, elsewhere: undefined, changed: false };
  });
}

/** When the single alarm outside evenings should fire: heads-up time if still ahead, else the start. */
export function nextWakeTime(now: number, upcoming: Evening, settings: Settings): number {
  const headsUp = upcoming.start - HEADS_UP_MS;
  const wantsHeadsUp = settings.nudges.enabled && settings.nudges.kinds['heads-up'];
  return wantsHeadsUp && headsUp > now ? headsUp : upcoming.start;
}

/**
 * Makes the alarms match the moment: during an evening a one-minute tick and a one-shot at its
 * end; outside, one one-shot for the next evening and nothing else. An alarm that is already
 * right is left alone, since re-creating it would restart its countdown.
 */
export async function ensureAlarms(
  now: number,
  evening: Evening | null,
  upcoming: Evening | null,
  settings: Settings,
): Promise<void> {
  const { alarms } = browser;
  const oneShot = async (name: string, when: number) => {
    const existing = await alarms.get(name);
    if (!existing || existing.periodInMinutes || Math.abs(existing.scheduledTime - when) > 1000) {
      await alarms.create(name, { when });
    }
  };
  if (evening && now < evening.end) {
    const tick = await alarms.get(ALARMS.tick);
    if (tick?.periodInMinutes !== TICK_MINUTES) {
      await alarms.create(ALARMS.tick, {
        periodInMinutes: TICK_MINUTES,
        delayInMinutes: TICK_MINUTES,
      });
    }
    await oneShot(ALARMS.end, evening.end);
    await alarms.clear(ALARMS.next);
    return;
  }
  await alarms.clear(ALARMS.tick);
  await alarms.clear(ALARMS.end);
  if (upcoming) await oneShot(ALARMS.next, nextWakeTime(now, upcoming, settings));
  else await alarms.clear(ALARMS.next);
}

/**
 * One full observation. `idleState` is passed when an idle-state change triggered it (the
 * event's state is fresher than a query).
 */
export async function observe(idleState?: IdleState): Promise<void> {
  const now = Date.now();
  const zone = currentZone();
  let settings = await readSettings();
  const [state, audible] = await Promise.all([
    idleState ?? (browser.idle.queryState(IDLE_DETECTION_SECONDS) as Promise<IdleState>),
    anyTabAudible(),
  ]);
  const observation: Observation = { now, zone, inUse: inUse(state, audible) };
  const credited = await creditScreenTime(observation, settings);
  await settleEvenings(now, zone, settings);
  const synced = await syncSafely(now, zone, eveningAt(now, zone, settings.schedule) !== null);
  // Another computer may just have changed the schedule, the limit or the nudges.
  if (synced.settings) settings = synced.settings;
  // The pages' snapshots show what another computer just changed (a no-op without
  // localStorage, in Chrome's service worker: see page-snapshots.ts).
  if (synced.changed) forgetSnapshots();
  const evening = eveningAt(now, zone, settings.schedule);
  const upcoming = nextEvening(now, zone, settings.schedule);
  const otherSeconds = (evening ? (synced.elsewhere?.evenings[evening.date] ?? []) : []).reduce(
    (sum, other) => sum + other.seconds,
    0,
  );
  const nudged = await maybeNudge(now, zone, settings, state, evening, upcoming, otherSeconds);
  const tonight =
    nudged ?? (evening && credited.evening?.date === evening.date ? credited.record : undefined);
  await updateBadge(evening, tonight, settings.limitMinutes, otherSeconds);
  await ensureAlarms(now, evening, upcoming, settings);
  await broadcastChanged();
}

/** Prefix of every nudge notification's id. */
export const NUDGE_ID_PREFIX = 'closer-nudge:';

/**
 * Decides and records a nudge in one transaction (so two observations at the same moment
 * cannot both send one), then shows it. Returns tonight's record when it changed.
 * `otherSeconds` are tonight's screen seconds on the user's other computers.
 */
export async function maybeNudge(
  now: number,
  zone: string,
  settings: Settings,
  idleState: IdleState,
  evening: Evening | null,
  upcoming: Evening | null,
  otherSeconds = 0,
): Promise<EveningRecord | undefined> {
  const recordKey = evening ? eveningKey(evening.date) : null;
  const keys: Key[] = recordKey ? ['nudge-state', recordKey] : ['nudge-state'];
  const { kind, record } = await mutate(keys, (tx) => {
    const state = tx.get('nudge-state') ?? { snooze: null, headsUpSentFor: null };
    const tonight = recordKey ? tx.get(recordKey) : undefined;
    const { kind } = decideNudge({
      now,
      idleState,
      evening,
      upcoming,
      record: tonight,
      otherScreenSeconds: otherSeconds,
      limitMinutes: settings.limitMinutes,
      settings: settings.nudges,
      snooze: state.snooze,
      headsUpSentFor: state.headsUpSentFor,
    });
    if (kind === 'heads-up' && upcoming) {
      tx.put('nudge-state', { ...state, headsUpSentFor: upcoming.date });
      return { kind, record: undefined };
    }
    if (kind && kind !== 'heads-up' && evening && recordKey) {
      const record = recordNudge(tonight ?? newEveningRecord(evening.date, zone), kind, now);
      tx.put(recordKey, record);
      return { kind, record };
    }
    return { kind: null, record: undefined };
  });
  const about = evening ?? upcoming;
  if (kind && about) await showNudge(kind, about, record, now, settings, otherSeconds);
  return record;
}

/** Shows a nudge: a short title with its point, tonight's prompt as the message. */
async function showNudge(
  kind: NudgeKind,
  evening: Evening,
  record: EveningRecord | undefined,
  now: number,
  settings: Settings,
  otherSeconds: number,
): Promise<void> {
  const minutes = tonightMinutes(record, otherSeconds);
  const title = nudgeTitleKey(
    kind,
    kind === 'heads-up' ? minutesUntil(now, evening.start) : minutes,
  );
  const context = nudgeContextKey(kind, minutes, settings.limitMinutes);
  // The heads-up comes before the evening has a record here; one may exist ("Ask this tonight").
  const pick = record ?? (await readEvening(evening.date)) ?? null;
  const prompts = { ...settings.prompts, couple: coupleOrder(settings.pairCode) };
  const prompt = nudgePromptView(evening.date, prompts, pick);
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t(title.key, title.substitutions),
    message: prompt.text,
  };
  // Firefox shows neither buttons nor a context line on notifications; a click opens the popup.
  const chromeExtras = import.meta.env.FIREFOX
    ? {}
    : {
        buttons: [{ title: t(NUDGE_BUTTON_KEYS.putDown) }, { title: t(NUDGE_BUTTON_KEYS.snooze) }],
        ...(context ? { contextMessage: t(context.key, context.substitutions) } : {}),
      };
  await browser.notifications.create(`${NUDGE_ID_PREFIX}${evening.date}:${kind}`, {
    ...options,
    ...chromeExtras,
  });
}

/** "Putting it down": remember the moment and the minutes so far; nudges wait for 5 active minutes. */
export async function putDown(now: number, zone: string, settings: Settings): Promise<void> {
  const evening = eveningAt(now, zone, settings.schedule);
  if (!evening) return;
  await updateEvening(evening.date, (record) => {
    const base = record ?? newEveningRecord(evening.date, zone);
    return {
      ...base,
      putDownAt: new Date(now).toISOString(),
      putDownScreenSeconds: base.screenSeconds ?? base.screenMinutes * 60,
    };
  });
}

/** Snoozes nudges for `minutes`, or until tonight's evening is over (`null`); keeps the reason. */
export async function snooze(
  now: number,
  zone: string,
  settings: Settings,
  minutes: number | null,
  reason: string,
): Promise<void> {
  const evening = eveningAt(now, zone, settings.schedule);
  const text = reason.trim();
  // Outside an evening (say, from the heads-up at 23:55 for a 00:10 evening), "not tonight"
  // means the next evening, whatever today's date is.
  const tonight =
    evening?.date ?? nextEvening(now, zone, settings.schedule)?.date ?? localDate(now, zone);
  await setSnooze(minutes === null ? { notTonight: tonight } : { until: now + minutes * 60_000 });
  if (evening && text) await addReason(evening.date, zone, 'snooze', text, now);
}
