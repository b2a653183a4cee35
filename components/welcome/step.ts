/** What the welcome page's form steps share: their props and how a step stores its edit. */
import { editSettings } from '@/utils/data/edit-settings';
import type { Problem, Settings, SettingsProblemCode } from '@/utils/settings/schema';
import { t } from '@/utils/views/i18n';

/** The props of every form step. */
export interface StepProps {
  settings: Settings;
  /** After the step's settings were stored. */
  onsaved: () => unknown;
}

type Problems = Problem<SettingsProblemCode>[];

/** The message for problems no field of the step shows: their codes, since none is expected. */
const listCodes = (problems: Problems) => t('error_save', problems.map((p) => p.code).join(', '));

/**
 * Stores `edit`, then calls `onsaved`. Returns the message to show in the step's alert, or null
 * when it was stored: `onproblems` places refused fields and returns what is left for the alert.
 */
export async function storeStep(
  edit: Parameters<typeof editSettings>[0],
  onsaved: () => unknown,
  onproblems: (problems: Problems) => string | null = listCodes,
): Promise<string | null> {
  try {
    const result = await editSettings(edit);
    if (!result.ok) return onproblems(result.problems);
    await onsaved();
    return null;
  } catch (error) {
    return t('error_save', error instanceof Error ? error.message : String(error));
  }
}
