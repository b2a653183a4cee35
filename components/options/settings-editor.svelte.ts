import { editSettings } from '@/utils/data/edit-settings';
import { readSettings } from '@/utils/data/storage';
import { broadcastChanged, send } from '@/utils/engine/messages';
import { PROBLEM_KEYS } from '@/utils/data/problems';
import { fieldAt, getField, type SettingsEdit, type SettingsField } from '@/utils/settings/fields';
import type { Problem, Settings, SettingsProblemCode } from '@/utils/settings/schema';
import { t } from '@/utils/views/i18n';
import { followChanges } from '../follow-changes';

/**
 * The inline message for a problem, from `PROBLEM_KEYS`; a rule no control can break reads as a
 * storage problem.
 */
export function problemMessage(problem: Problem<SettingsProblemCode>): string {
  const key = PROBLEM_KEYS[problem.code].field;
  return key ? t(key) : t('error_save', problem.code);
}

/**
 * The options page's settings: read from storage, changed one field at a time. Each change is
 * applied to the settings as stored at that moment (`editSettings`); a refused one shows its
 * message beside its control and leaves the stored value alone. The page follows changes made
 * elsewhere (`follow`); the controls themselves keep what the user is typing (`storedValue`).
 */
export class SettingsEditor {
  /** How long "Saved" stays: long enough to read, short enough not to linger over the page. */
  static readonly STATUS_MS = 3000;

  settings = $state<Settings | null>(null);
  /** Inline messages by field. */
  errors = $state<Partial<Record<SettingsField, string>>>({});
  /** The polite confirmation after each save; it clears itself after `STATUS_MS`. */
  status = $state('');
  #statusTimer: ReturnType<typeof setTimeout> | undefined;
  /** A storage failure, shown rather than swallowed. */
  failure = $state<string | null>(null);

  /** Clears the confirmation now, e.g. when an import or erase speaks for itself. */
  clearStatus(): void {
    this.#say('');
  }

  #say(text: string): void {
    clearTimeout(this.#statusTimer);
    this.status = text;
    if (text) this.#statusTimer = setTimeout(() => (this.status = ''), SettingsEditor.STATUS_MS);
  }

  /**
   * Bumped by every read and every save: a read that returns after a later save (or a later
   * read) has already shown newer settings is dropped rather than shown over them.
   */
  #generation = 0;

  /** Reads the stored settings; a field changed elsewhere loses its (now stale) message. */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    try {
      const settings = await readSettings();
      if (generation !== this.#generation) return;
      this.#show(settings);
      this.failure = null;
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  #show(settings: Settings): void {
    const before = this.settings;
    for (const field of Object.keys(this.errors) as SettingsField[]) {
      const changed =
        before &&
        JSON.stringify(getField(before, field)) !== JSON.stringify(getField(settings, field));
      if (changed) delete this.errors[field];
    }
    this.settings = settings;
  }

  /** Loads now, then re-reads whenever stored data changes elsewhere; returns the stop function. */
  follow(): () => void {
    return followChanges(() => this.load());
  }

  /**
   * After this page changed stored data outside an edit (an import, an erase): re-read, and
   * tell the other pages.
   */
  async changedHere(): Promise<void> {
    await this.load();
    await broadcastChanged();
  }

  /**
   * Saves `edit` (its fields, or a function of the settings as stored when it lands). `field`
   * is where a refusal is shown when the problem's path names no field of its own.
   */
  async edit(
    field: SettingsField,
    edit: SettingsEdit | ((current: Settings) => SettingsEdit),
  ): Promise<void> {
    let result;
    try {
      result = await editSettings(edit);
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
      return;
    }
    if (!result.ok) {
      const problem = result.problems[0]!;
      this.errors[fieldAt(problem.path) ?? field] = problemMessage(problem);
      this.#say('');
      return;
    }
    delete this.errors[field];
    this.#generation += 1;
    this.#show(result.settings);
    this.failure = null;
    this.#say(t('options_saved'));
    await broadcastChanged();
    // The worker follows the new schedule and limit (badge, alarms); it may be asleep.
    await send('observe', {}).catch(() => undefined);
  }
}
