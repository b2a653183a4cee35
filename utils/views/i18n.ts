import { browser } from 'wxt/browser';

/**
 * A user-visible string from `_locales` in the browser's UI language. Falls back to the key
 * so a missing string is visible in review rather than an empty gap (a unit test keeps
 * every key used in the source present in every language).
 */
export function t(key: string, substitutions?: string | string[]): string {
  // WXT types `getMessage` by the keys in public/_locales; ours are merged from locales/ at build.
  const getMessage = browser.i18n.getMessage as (
    name: string,
    substitutions?: string | string[],
  ) => string;
  return getMessage.call(browser.i18n, key, substitutions) || key;
}

/** The browser's UI language, for `Intl` formatting. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage() || 'en';
}

/** A wall-clock time in `zone`, as the user's locale writes it (12- or 24-hour). */
export function formatTime(epochMs: number, zone: string): string {
  return new Intl.DateTimeFormat(uiLocale(), {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
  }).format(epochMs);
}

/**
 * A weekday's name (0 = Sunday … 6 = Saturday) in the user's locale, `long` ("Monday") by
 * default, or `short` / `narrow`.
 */
export function formatWeekday(
  weekday: number,
  style: 'long' | 'short' | 'narrow' = 'long',
  locale = uiLocale(),
): string {
  // 2026-11-22 is a Sunday: weekday n is that date plus n days.
  return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 10, 22 + weekday)),
  );
}

/** A calendar date (`YYYY-MM-DD`, no zone of its own) with the given parts, in the user's locale. */
export function formatDate(date: string, parts: Intl.DateTimeFormatOptions): string {
  // Noon UTC read in UTC is the same calendar day everywhere.
  return new Intl.DateTimeFormat(uiLocale(), { ...parts, timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}
