/**
 * Field-level settings edits (SPEC §8): an edit is applied inside one transaction to the
 * settings as stored at that moment and kept only if the result passes the schema. A separate
 * module from storage.ts so that the pages which only read settings never load the schema.
 *
 * The same transaction stamps each field the edit changed in the settings clock, the unit of
 * sync's "last change wins, per field" (SPEC §14).
 */
import { applyEdit, type SettingsEdit } from '@/utils/settings/fields';
import { checkSettings, type Settings, type SettingsCheck } from '@/utils/settings/schema';
import { completeSettings, defaultSettings } from '@/utils/settings/settings';
import { mutate } from './storage';
import { restamp } from './sync-clock';

/**
 * Applies `edit` to the stored settings in one readwrite transaction. An edit that depends on
 * other fields (say, "same hours every day" keeping each day's on/off) is a function of the
 * settings as stored then. A refused edit writes nothing and returns the problems; an accepted
 * one returns the settings now stored, its changed fields stamped `now`.
 */
export function editSettings(
  edit: SettingsEdit | ((current: Settings) => SettingsEdit),
  now = Date.now(),
): Promise<SettingsCheck> {
  return mutate(['settings', 'settings-clock'], (tx) => {
    const stored = tx.get('settings');
    const current = stored ? completeSettings(stored) : defaultSettings();
    const fields = typeof edit === 'function' ? edit(current) : edit;
    const checked = checkSettings(applyEdit(current, fields));
    if (checked.ok) {
      tx.put('settings', checked.settings);
      const clock = restamp(tx.get('settings-clock'), checked.settings, current, now);
      if (clock) tx.put('settings-clock', clock);
    }
    return checked;
  });
}
