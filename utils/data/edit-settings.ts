/**
 * Field-level settings edits (SPEC §8): an edit is applied inside one transaction to the
 * settings as stored at that moment and kept only if the result passes the schema. A separate
 * module from storage.ts so that the pages which only read settings never load the schema.
 */
import { applyEdit, type SettingsEdit } from '@/utils/settings/fields';
import { checkSettings, type Settings, type SettingsCheck } from '@/utils/settings/schema';
import { completeSettings, defaultSettings } from '@/utils/settings/settings';
import { mutate } from './storage';

/**
 * Applies `edit` to the stored settings in one readwrite transaction. An edit that depends on
 * other fields (say, "same hours every day" keeping each day's on/off) is a function of the
 * settings as stored then. A refused edit writes nothing and returns the problems; an accepted
 * one returns the settings now stored.
 */
export function editSettings(
  edit: SettingsEdit | ((current: Settings) => SettingsEdit),
): Promise<SettingsCheck> {
  return mutate(['settings'], (tx) => {
    const stored = tx.get('settings');
    const current = stored ? completeSettings(stored) : defaultSettings();
    const fields = typeof edit === 'function' ? edit(current) : edit;
    const checked = checkSettings(applyEdit(current, fields));
    if (checked.ok) tx.put('settings', checked.settings);
    return checked;
  });
}
