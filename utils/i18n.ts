import { browser } from 'wxt/browser';

/**
 * A user-visible string from `_locales` in the browser's UI language. Falls back to the key
 * so a missing string is visible in review rather than an empty gap (a unit test keeps
 * every key used in the source present in every language).
 */
export function t(key: string, substitutions?: string | string[]): string {
  // The polyfill's types only allow plain strings; Chrome accepts both.
  return browser.i18n.getMessage(key, substitutions as string) || key;
}

/** The browser's UI language, for `Intl` formatting. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage() || 'en';
}
