/**
 * The welcome page's evening hours: one window for the weekdays and one for the weekend,
 * instead of seven rows. The options page still sets each day on its own.
 */
import type { SettingsEdit } from '@/utils/settings/fields';
import type { Settings } from '@/utils/settings/schema';
import type { EveningWindow, Weekday } from '@/utils/time/schedule';

/** Monday to Friday, and Saturday and Sunday (0 = Sunday), in the order the page names them. */
export const WEEKDAY_DAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
export const WEEKEND_DAYS: readonly Weekday[] = [6, 0];

/** An evening's hours, `HH:MM`. */
export type Hours = Pick<EveningWindow, 'start' | 'end'>;

/** The two groups' hours as stored: Monday's for the weekdays, Saturday's for the weekend. */
export function presetsOf(settings: Settings): { weekdays: Hours; weekends: Hours } {
  const hours = (weekday: Weekday): Hours => {
    const window = settings.schedule.find((w) => w.weekday === weekday)!;
    return { start: window.start, end: window.end };
  };
  return { weekdays: hours(WEEKDAY_DAYS[0]!), weekends: hours(WEEKEND_DAYS[0]!) };
}

/**
 * The edit that gives every weekday `weekdays` and both weekend days `weekends`, keeping each
 * day's on/off switch as stored when the edit lands.
 */
export function presetEdit(weekdays: Hours, weekends: Hours): (current: Settings) => SettingsEdit {
  return (current) => {
    const edit: SettingsEdit = {};
    for (const window of current.schedule) {
      const hours = WEEKEND_DAYS.includes(window.weekday) ? weekends : weekdays;
      edit[`schedule.${window.weekday}`] = { ...window, start: hours.start, end: hours.end };
    }
    return edit;
  };
}

/** Whether the stored days differ within a group, so storing the groups would change some. */
export function presetsDiffer(settings: Settings): boolean {
  const { weekdays, weekends } = presetsOf(settings);
  return settings.schedule.some((window) => {
    const hours = WEEKEND_DAYS.includes(window.weekday) ? weekends : weekdays;
    return window.start !== hours.start || window.end !== hours.end;
  });
}
