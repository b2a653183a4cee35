import { currentZone } from '@/utils/time/zone';
import { uiLocale } from '@/utils/views/i18n';
import { followChanges } from './follow-changes';
import { promptView } from '@/utils/views/prompt-view';
import { read, readEveningRange, readSettings } from '@/utils/data/storage';
import { buildTonightView, viewDateRange, type TonightView } from '@/utils/views/tonight-view';
import type { Settings } from '@/utils/settings/schema';
import { resolveWeekStart } from '@/utils/evening/week';

/** How often an open page re-reads, so minutes and the evening's start and end show without a reload. */
const REFRESH_MS = 20_000;

/** Live state of tonight and this week for a page: loads, then follows the worker's changes. */
export class Tonight {
  view = $state<TonightView | null>(null);
  settings = $state<Settings | null>(null);
  /** Until when "I need it for a moment" lets new tabs through (epoch ms), or 0. */
  allowanceUntil = $state(0);
  /** A storage failure, shown to the user rather than swallowed. */
  error = $state<string | null>(null);
  /** Tonight's prompt, the same on every surface (as "another one" and the rest steered it). */
  prompt = $derived.by(() =>
    this.view && this.settings
      ? promptView(this.view.promptDate, this.settings.prompts, this.view.promptRecord)
      : null,
  );

  /** Reads storage and recomputes the view. */
  async load(): Promise<void> {
    try {
      const settings = await readSettings();
      const now = Date.now();
      const zone = currentZone();
      const weekStartsOn = resolveWeekStart(settings.weekStartsOn, uiLocale());
      const [first, last] = viewDateRange(now, zone, weekStartsOn);
      const [evenings, allowance] = await Promise.all([
        readEveningRange(first, last),
        read('allowance'),
      ]);
      this.settings = settings;
      this.allowanceUntil = allowance?.until ?? 0;
      this.view = buildTonightView(settings, evenings, now, zone, weekStartsOn);
      this.error = null;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Loads now and keeps the view fresh; returns the function that stops watching. */
  watch(): () => void {
    return followChanges(() => this.load(), REFRESH_MS);
  }
}
