import { editSettings } from '@/utils/data/edit-settings';
import { readSettings } from '@/utils/data/storage';
import { send } from '@/utils/engine/messages';
import { PROBLEM_KEYS } from '@/utils/data/problems';
import { fieldAt, type SettingsEdit, type SettingsField } from '@/utils/settings/fields';
import type { Problem, Settings, SettingsProblemCode } from '@/utils/settings/schema';
import { t } from '@/utils/views/i18n';

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
 * message beside its control and leaves the stored value alone.
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

  /** Reads the stored settings. */
  async load(): Promise<void> {
    try {
      this.settings = await readSettings();
      this.failure = null;
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
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
    this.settings = result.settings;
    this.failure = null;
    this.#say(t('options_saved'));
    // The worker follows the new schedule and limit (badge, alarms); it may be asleep.
    await send('observe', {}).catch(() => undefined);
  }
}
