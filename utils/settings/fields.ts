/**
 * Settings as fields: the units one control edits, one sync compares (last change wins per
 * field, SPEC §14) and one inline message belongs to. An edit names its fields and their new
 * values and is applied to the settings as they are at that moment, never to a whole copy loaded
 * earlier (SPEC §8), so two pages editing different fields both keep their change.
 */
import { WEEKDAYS, type EveningWindow, type Weekday } from '@/utils/time/schedule';
import type { ChallengeSetting, Settings } from './schema';
import { NUDGE_KINDS, type NudgeKind, type PromptCategory, type PromptChoice } from './settings';

/** Every field and the type of its value. */
export type SettingsFieldValues = { [W in Weekday as `schedule.${W}`]: EveningWindow } & {
  limitMinutes: number;
  weeklyGoal: number;
  weekStartsOn: Weekday | null;
  'nudges.enabled': boolean;
} & { [K in NudgeKind as `nudges.kinds.${K}`]: boolean } & {
  'nudges.quietMinutes': number;
  'nudges.maxPerEvening': number;
  'prompts.favour': PromptCategory[];
  'prompts.hide': PromptCategory[];
  'prompts.keepLight': boolean;
  'prompts.choice': PromptChoice;
  'prompts.saved': string[];
  challenge: ChallengeSetting;
  partnerName: string;
  pairCode: string | null;
};
export type SettingsField = keyof SettingsFieldValues;
/** Some fields with new values: one edit. */
export type SettingsEdit = Partial<SettingsFieldValues>;

/** Every field, in the settings' own order. */
export const SETTINGS_FIELDS = [
  ...WEEKDAYS.map((weekday) => `schedule.${weekday}` as const),
  'limitMinutes',
  'weeklyGoal',
  'weekStartsOn',
  'nudges.enabled',
  ...NUDGE_KINDS.map((kind) => `nudges.kinds.${kind}` as const),
  'nudges.quietMinutes',
  'nudges.maxPerEvening',
  'prompts.favour',
  'prompts.hide',
  'prompts.keepLight',
  'prompts.choice',
  'prompts.saved',
  'challenge',
  'partnerName',
  'pairCode',
] as const satisfies readonly SettingsField[];

const FIELDS: ReadonlySet<string> = new Set(SETTINGS_FIELDS);

/** Whether `name` names a field (for values that come from outside, such as sync). */
export function isSettingsField(name: string): name is SettingsField {
  return FIELDS.has(name);
}

/** The value of one field. The schedule is in weekday order, so `schedule.3` is Wednesday. */
export function getField<F extends SettingsField>(
  settings: Settings,
  field: F,
): SettingsFieldValues[F] {
  let node: unknown = settings;
  for (const key of field.split('.')) node = (node as Record<string, unknown>)[key];
  return node as SettingsFieldValues[F];
}

/** The settings with `edit` applied: a new object, sharing nothing it changed with the input. */
export function applyEdit(settings: Settings, edit: SettingsEdit): Settings {
  const next = structuredClone(settings);
  for (const field of SETTINGS_FIELDS) {
    if (!(field in edit)) continue;
    const keys = field.split('.');
    const last = keys.pop()!;
    let node: unknown = next;
    for (const key of keys) node = (node as Record<string, unknown>)[key];
    (node as Record<string, unknown>)[last] = structuredClone(edit[field]);
  }
  return next;
}

/**
 * The field a problem's path points into (`['schedule', 3, 'end']` → `schedule.3`), so an
 * inline message lands beside the control that edits it; null for a path above any field.
 */
export function fieldAt(path: readonly (string | number)[]): SettingsField | null {
  for (let length = path.length; length > 0; length--) {
    const name = path.slice(0, length).join('.');
    if (isSettingsField(name)) return name;
  }
  return null;
}
