/**
 * The worker's wiring: which browser events lead to which work. Registration is synchronous and
 * idempotent because it runs again after every worker restart; handlers hold no state.
 */
import { browser } from 'wxt/browser';
import {
  ALARMS,
  IDLE_DETECTION_SECONDS,
  NUDGE_ID_PREFIX,
  observe,
  putDown,
  snooze,
} from '@/utils/engine/evening-engine';
import { t } from '@/utils/views/i18n';
import { currentZone } from '@/utils/time/zone';
import { answerMessages, broadcastChanged, type Handlers } from '@/utils/engine/messages';
import { editSettings } from '@/utils/data/edit-settings';
import { withSaved } from '@/utils/engine/saved-questions';
import { somethingLighter } from '@/utils/engine/evening-actions';
import { NUDGE_SNOOZE_MINUTES } from '@/utils/views/nudge-copy';
import type { IdleState } from '@/utils/evening/screen-time';
import { readSettings, runMigrations } from '@/utils/data/storage';
import { welcomeOnFirstInstall } from '@/utils/engine/first-run';
import { isSyncKey } from '@/utils/data/sync-format';
import { forgetSnapshots } from '@/utils/data/page-snapshots';

const ALARM_NAMES: readonly string[] = Object.values(ALARMS);

/**
 * Runs a piece of work and surfaces its failure on the toolbar button instead of letting it
 * vanish in the console; the listeners stay registered either way.
 */
function run(work: () => Promise<unknown>): Promise<void> {
  return work().then(
    () => undefined,
    async (error: unknown) => {
      console.error('Closer:', error);
      const action = browser.action ?? browser.browserAction;
      await action.setBadgeText({ text: '!' }).catch(() => undefined);
      await action.setTitle({ title: t('error_worker') }).catch(() => undefined);
    },
  );
}

/**
 * Every handler but `observe` stores something the pages show. The page that asked forgets
 * their snapshots (`send`); a nudge's button has no page, so its listener does it below.
 */
export const handlers: Handlers = {
  async observe() {
    await run(() => observe());
    return { ok: true };
  },
  async 'put-down'() {
    await run(async () => putDown(Date.now(), currentZone(), await readSettings()));
    await run(() => observe());
    return { ok: true };
  },
  async snooze({ minutes, reason }) {
    await run(async () => snooze(Date.now(), currentZone(), await readSettings(), minutes, reason));
    await run(() => observe());
    return { ok: true };
  },
  async 'save-prompt'({ id, saved }) {
    const result = await editSettings(({ prompts }) => ({
      'prompts.saved': withSaved(prompts.saved, id, saved),
    }));
    await broadcastChanged();
    return { ok: result.ok };
  },
  async lighter({ date }) {
    await somethingLighter(date, currentZone());
    await broadcastChanged();
    return { ok: true };
  },
};

/** Registers every listener; call once per worker start, synchronously. */
export function registerWorker(): void {
  browser.idle.setDetectionInterval(IDLE_DETECTION_SECONDS);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (ALARM_NAMES.includes(alarm.name)) void run(() => observe());
  });
  browser.idle.onStateChanged.addListener((state) => {
    void run(() => observe(state as IdleState));
  });
  // Another computer synced (or this one wrote): observe, which reads sync afresh (SPEC §14).
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && Object.keys(changes).some(isSyncKey)) void run(() => observe());
  });
  browser.runtime.onMessage.addListener(answerMessages(handlers));
  browser.notifications.onButtonClicked.addListener((id, index) => {
    if (!id.startsWith(NUDGE_ID_PREFIX)) return;
    void browser.notifications.clear(id);
    const stored =
      index === 0
        ? handlers['put-down']({})
        : handlers.snooze({ minutes: NUDGE_SNOOZE_MINUTES, reason: '' });
    // No page asked, so none forgets the snapshots: the worker does where it has localStorage
    // (Firefox; in Chrome's service worker a no-op, see page-snapshots.ts), then tells open
    // pages again, so that they render theirs anew.
    void stored.then(forgetSnapshots).then(broadcastChanged);
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NUDGE_ID_PREFIX)) return;
    void browser.notifications.clear(id);
    // The popup cannot be opened from here everywhere; its page works as well in a tab.
    void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  });
  // Returned so a test can wait for it; the browser ignores what this listener returns.
  browser.runtime.onInstalled.addListener(({ reason }) =>
    run(() => welcomeOnFirstInstall(reason, Date.now())),
  );
  // Every start (install, browser start, wake-up) brings the data up to date and observes.
  void run(async () => {
    await runMigrations();
    await observe();
  });
}
