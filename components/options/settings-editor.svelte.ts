import { t } from '@/utils/views/i18n';
import { send } from '@/utils/engine/messages';
import type { Problem } from '@/utils/settings/validation';
import { validateSettings } from '@/utils/settings/validation';
import type { Settings } from '@/utils/settings/schema';
import { readSettings, writeSettings } from '@/utils/data/storage';

/** The translated message for each validation rule the options page can break. */
const PROBLEM_KEYS: Record<string, string> = {
  'bad-time': 'options_problem_bad_time',
  'same-start-end': 'options_problem_same_start_end',
  'window-too-long': 'options_problem_window_too_long',
  'limit-range': 'options_problem_limit_range',
  'goal-range': 'options_problem_goal_range',
  'quiet-range': 'options_problem_quiet_range',
  'max-nudges-range': 'options_problem_max_nudges_range',
  'category-conflict': 'options_problem_category_conflict',
};

/** A problem in the user's language (falls back to the validator's precise English). */
export function problemMessage(problem: Problem): string {
  const key = PROBLEM_KEYS[problem.code];
  return key ? t(key) : problem.message;
}

/**
 * The options page's settings: loaded once, changed one field at a time. A change is checked
 * first; a refused one shows its message beside the field and leaves the stored value alone.
 */
export class SettingsEditor {
  /** How long "Saved" stays: long enough to read, short enough not to linger over the page. */
  static readonly STATUS_MS = 3000;

  settings = $state<Settings | null>(null);
  /** Inline messages by field id. */
  errors = $state<Record<string, string>>({});
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
   * Applies `edit` to a copy of the settings and saves it, unless `problem` (the field's own
   * check) or the whole-settings check refuses it.
   */
  async change(field: string, problem: Problem | null, edit: (draft: Settings) => void) {
    if (!this.settings) return;
    if (problem) {
      this.errors[field] = problemMessage(problem);
      this.#say('');
      return;
    }
    const draft = $state.snapshot(this.settings) as Settings;
    edit(draft);
    const checked = validateSettings(draft);
    if (!checked.ok) {
      this.errors[field] = problemMessage(checked.problems[0]!);
      this.#say('');
      return;
    }
    delete this.errors[field];
    try {
      await writeSettings(checked.settings);
      this.settings = checked.settings;
      this.#say(t('options_saved'));
      this.failure = null;
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
      return;
    }
    // The worker follows the new schedule and limit (badge, alarms); it may be asleep.
    await send('observe', {}).catch(() => undefined);
  }
}
