import { currentZone } from '@/utils/time/zone';
import { addDays } from '@/utils/time/schedule';
import { uiLocale } from '@/utils/views/i18n';
import { promptView } from '@/utils/views/prompt-view';
import type { CoupleOrder } from '@/utils/prompts/selection';
import { read, readEveningsMerged, readSettings } from '@/utils/data/storage';
import { snapshotGeneration } from '@/utils/data/page-snapshots';
import { buildTonightView, viewDateRange, type TonightView } from '@/utils/views/tonight-view';
import type { TonightInputs } from '@/utils/views/snapshot';
import type { Snooze } from '@/utils/evening/nudge-policy';
import type { Settings } from '@/utils/settings/schema';
import { resolveWeekStart } from '@/utils/evening/week';

/** State of tonight and this week for a page (the new tab, the popup), as last read from storage. */
export class Tonight {
  view = $state<TonightView | null>(null);
  settings = $state<Settings | null>(null);
  /** Until when "I need it for a moment" lets new tabs through (epoch ms), or 0. */
  allowanceUntil = $state(0);
  /** The stored snooze of nudges, if any (it may have run out; see `isSnoozed`). */
  snooze = $state<Snooze | null>(null);
  /** A storage failure, shown to the user rather than swallowed. */
  error = $state<string | null>(null);
  /** Paired: the couple's order (shared-pick.ts, loaded only when paired), else null. */
  couple = $state.raw<CoupleOrder | null>(null);
  /** Tonight's prompt, the same on every surface (as "another one" and the rest steered it). */
  prompt = $derived.by(() =>
    this.view && this.settings
      ? promptView(
          this.view.promptDate,
          { ...this.settings.prompts, couple: this.couple },
          this.view.promptRecord,
        )
      : null,
  );
  /** What the last load read, to show the same data at another instant (a page's snapshots). */
  inputs: TonightInputs | null = null;
  /** The snapshot generation when the last load began (see `writeSnapshots`). */
  generation = '';
  /** Called after every load, whoever asked for it (a page after an action, a change elsewhere). */
  onload: (() => void) | null = null;

  /** A still copy showing `view` (one instant of `inputs`) that never loads: what a snapshot renders. */
  static still(inputs: TonightInputs, view: TonightView, couple: CoupleOrder | null): Tonight {
    const still = new Tonight();
    still.couple = couple;
    still.inputs = inputs;
    still.settings = inputs.settings;
    still.allowanceUntil = inputs.allowanceUntil;
    still.snooze = inputs.snooze;
    still.view = view;
    return still;
  }

  /**
   * Sends `text` to the partner (share sheet or clipboard); resolves to the confirmation to show.
   * Loaded on the press, well inside the click's activation: the first screen never needs it.
   */
  async share(text: string): Promise<string> {
    const { shareQuestion } = await import('./on-demand');
    return shareQuestion(text, this.settings?.partnerName ?? '');
  }

  /** Reads storage and recomputes the view. */
  async load(): Promise<void> {
    const generation = snapshotGeneration();
    try {
      const settings = await readSettings();
      // The couple's pick is for paired browsers only: the new tab's first load leaves it out
      // (SPEC §11), and it is in place before the view it changes.
      const couple = settings.pairCode
        ? (await import('./on-demand')).coupleOrder(settings.pairCode)
        : null;
      const now = Date.now();
      const zone = currentZone();
      const weekStartsOn = resolveWeekStart(settings.weekStartsOn, uiLocale());
      const [first, last] = viewDateRange(now, zone, weekStartsOn);
      // A week more than today's view needs: what the page will show after midnight, too.
      const [evenings, allowance, nudgeState, meta] = await Promise.all([
        readEveningsMerged(first, addDays(last, 7), settings.limitMinutes),
        read('allowance'),
        read('nudge-state'),
        read('meta'),
      ]);
      const inputs: TonightInputs = {
        settings,
        evenings,
        meta,
        allowanceUntil: allowance?.until ?? 0,
        snooze: nudgeState?.snooze ?? null,
        zone,
        weekStartsOn,
      };
      this.inputs = inputs;
      this.generation = generation;
      this.snooze = inputs.snooze;
      this.couple = couple;
      this.settings = settings;
      this.allowanceUntil = inputs.allowanceUntil;
      this.view = buildTonightView(settings, evenings, now, zone, weekStartsOn);
      this.error = null;
    } catch (error) {
      this.inputs = null;
      this.error = error instanceof Error ? error.message : String(error);
    }
    this.onload?.();
  }
}
