/**
 * The per-field clock behind "last change wins, per field" (SPEC §14), pure. This computer
 * keeps, for every settings field it has changed, when it changed it and to what (the value's
 * JSON, so a change made without `editSettings`, such as an import, is noticed too). Synced
 * settings carry the same stamp; the later stamp wins, and on the same stamp the greater JSON,
 * so every computer picks the same value.
 */
import { getField, SETTINGS_FIELDS, type SettingsField } from '@/utils/settings/fields';
import type { Settings } from '@/utils/settings/schema';

/** When a field last changed on this computer (epoch ms) and its value then, as JSON. */
export interface FieldStamp {
  at: number;
  json: string;
}

/** Stamps by field; a field never changed here has none. */
export type SettingsClock = Partial<Record<SettingsField, FieldStamp>>;

/** A field's value as another computer synced it, with its stamp. */
export interface SyncedField {
  at: number;
  value: unknown;
}

/** Synced fields by name. */
export type SyncedFields = Partial<Record<SettingsField, SyncedField>>;

function jsonOf(settings: Settings, field: SettingsField): string {
  return JSON.stringify(getField(settings, field));
}

/**
 * The clock after `settings` were stored at `now`. A field whose value differs from its stamp's
 * is stamped `now` (or just after its stamp, should the clock have gone back); a field never
 * stamped is stamped only when it differs from `before` (the settings before the write, or the
 * defaults when there is no "before"). Null when nothing needs a new stamp.
 */
export function restamp(
  clock: SettingsClock | undefined,
  settings: Settings,
  before: Settings,
  now: number,
): SettingsClock | null {
  const next: SettingsClock = { ...clock };
  let changed = false;
  for (const field of SETTINGS_FIELDS) {
    const json = jsonOf(settings, field);
    const stamp = next[field];
    if (stamp ? stamp.json === json : json === jsonOf(before, field)) continue;
    next[field] = { at: Math.max(now, (stamp?.at ?? 0) + 1), json };
    changed = true;
  }
  return changed ? next : null;
}

/** Whether stamp `a` (with its JSON) wins over stamp `b`: later, or as late with the greater JSON. */
function wins(a: FieldStamp, b: FieldStamp | undefined): boolean {
  return !b || a.at > b.at || (a.at === b.at && a.json > b.json);
}

/** A synced field that wins over this computer's, with its stamp. */
export type RemoteWinner = FieldStamp & { field: SettingsField; value: unknown };

/**
 * Field by field, which side changed last: the synced fields to apply here (`pull`), and the
 * fields to send (`push`; a field never changed here is never sent). In field order.
 */
export function whoWins(
  clock: SettingsClock | undefined,
  synced: SyncedFields,
): { pull: RemoteWinner[]; push: SettingsField[] } {
  const pull: RemoteWinner[] = [];
  const push: SettingsField[] = [];
  for (const field of SETTINGS_FIELDS) {
    const local = clock?.[field];
    const value = synced[field];
    const remote = value && { at: value.at, json: JSON.stringify(value.value) };
    if (remote && wins(remote, local)) pull.push({ field, value: value.value, ...remote });
    else if (local && wins(local, remote)) push.push(field);
  }
  return { pull, push };
}
