import { send } from '@/utils/engine/messages';
import type { PromptView } from '@/utils/views/prompt-view';
import type { Tonight } from './tonight.svelte';

// Both actions go through the worker, which writes and then tells every open page (this one
// included) to re-read: the popup and new tab then carry neither the settings schema nor the
// evening's write, and their script budgets stay within bounds. A failure shows like any
// storage problem.

/** "Something lighter": tonight's prompt becomes a light one, on every surface. */
export function lighter(tonight: Tonight): void {
  if (tonight.view) void send('lighter', { date: tonight.view.promptDate }).catch(fail(tonight));
}

/** The star: saves or unsaves `prompt`. */
export function toggleSaved(tonight: Tonight, prompt: PromptView): void {
  void send('save-prompt', { id: prompt.id, saved: !prompt.saved }).catch(fail(tonight));
}

function fail(tonight: Tonight) {
  return (error: Error) => {
    tonight.error = error.message;
  };
}
