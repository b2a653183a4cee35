import { read } from '@/utils/data/storage';
import type { Snooze } from '@/utils/evening/nudge-policy';
import { Tonight } from './tonight.svelte';

/**
 * The popup's state of tonight: also the snooze of nudges, which only the popup shows (the new
 * tab, whose script budget is full, need not carry it).
 */
export class PopupTonight extends Tonight {
  /** The stored snooze of nudges, if any (it may have run out; see `isSnoozed`). */
  snooze = $state<Snooze | null>(null);

  override async load(): Promise<void> {
    await super.load();
    try {
      this.snooze = (await read('nudge-state'))?.snooze ?? null;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}
