/**
 * Saved questions (SPEC §7): the star's edit, the history page's list, and "Ask this tonight".
 * A module of its own, so that the popup and new tab, which share chunks with the modules they
 * import, do not load what only the history page and the worker use.
 */
import { newEveningRecord, type EveningRecord } from '@/utils/evening/record';
import { promptById, type Prompt } from '@/utils/prompts/library';
import type { EveningWindow } from '@/utils/time/schedule';
import { eveningAt, localDate, nextEvening } from '@/utils/time/schedule';
import { t } from '@/utils/views/i18n';
import { updateEvening } from '@/utils/data/storage';

/** The saved ids with `id` saved (appended, newest last) or unsaved: the star's edit. */
export function withSaved(saved: readonly string[], id: string, on: boolean): string[] {
  const others = saved.filter((other) => other !== id);
  return on ? [...others, id] : others;
}

/** A saved question as the history page lists it. */
export interface SavedQuestion {
  id: string;
  category: Prompt['category'];
  text: string;
  tender: boolean;
}

/**
 * A saved question in the user's language, or `null` for an id the library no longer has
 * (retired since it was saved, or from a newer version's export).
 */
export function savedQuestion(id: string): SavedQuestion | null {
  const prompt = promptById(id);
  return prompt
    ? { id, category: prompt.category, text: t(prompt.key), tender: prompt.tender }
    : null;
}

/**
 * The evening tonight's prompt is for at `now`: the one in progress, else the next one, else
 * today; the same date the popup and new tab show the prompt for (`TonightView.promptDate`).
 */
export function promptDateAt(
  now: number,
  zone: string,
  schedule: readonly EveningWindow[],
): string {
  return (
    eveningAt(now, zone, schedule)?.date ??
    nextEvening(now, zone, schedule)?.date ??
    localDate(now, zone)
  );
}

/**
 * "Ask this tonight": a saved question becomes the prompt of the evening of `date`, ahead of
 * tonight's order; "another one" goes on from there, and "Something lighter" starts over.
 */
export function askTonight(
  date: string,
  zone: string,
  id: string,
): Promise<EveningRecord | undefined> {
  return updateEvening(date, (record) => {
    const next: EveningRecord = { ...(record ?? newEveningRecord(date, zone)) };
    // A fresh start for tonight's order: the asked question first, nothing pressed yet.
    delete next.promptLighterAt;
    return { ...next, promptAsked: id, promptOffset: 0 };
  });
}
