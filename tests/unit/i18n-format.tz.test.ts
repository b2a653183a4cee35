import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { formatDate, formatTime } from '@/utils/views/i18n';

let language = 'en-US';
beforeEach(() => {
  // The fake browser has no i18n; the formatters only ask for the UI language.
  Object.assign(fakeBrowser, {
    i18n: { getMessage: (key: string) => key, getUILanguage: () => language },
  });
});

// Runs under every TZ project: neither result may depend on the machine's zone.
describe('formatDate', () => {
  it('names the calendar day it is given, whatever zone the page runs in', () => {
    language = 'en-US';
    expect(formatDate('2026-11-24', { weekday: 'long', day: 'numeric', month: 'long' })).toBe(
      'Tuesday, November 24',
    );
    // A date on a DST change in Europe and in Sydney is still that date.
    expect(formatDate('2026-03-29', { weekday: 'long' })).toBe('Sunday');
    expect(formatDate('2026-10-04', { month: 'short', day: 'numeric' })).toBe('Oct 4');
  });

  it('speaks the UI language', () => {
    language = 'es';
    expect(formatDate('2026-11-24', { weekday: 'long', day: 'numeric', month: 'long' })).toBe(
      'martes, 24 de noviembre',
    );
  });

  it.each([
    ['de', 'Dienstag, 24. November'],
    ['fr', 'mardi 24 novembre'],
    ['pt-BR', 'terça-feira, 24 de novembro'],
  ])('speaks %s too', (lang, expected) => {
    language = lang;
    expect(formatDate('2026-11-24', { weekday: 'long', day: 'numeric', month: 'long' })).toBe(
      expected,
    );
  });
});

describe('formatTime', () => {
  const instant = Date.parse('2026-11-24T20:55:00Z');

  it('reads the instant in the zone it is given, in the locale’s 12- or 24-hour style', () => {
    language = 'en-US';
    expect(formatTime(instant, 'UTC')).toBe('8:55 PM');
    expect(formatTime(instant, 'Asia/Kolkata')).toBe('2:25 AM');
    language = 'es';
    expect(formatTime(instant, 'Europe/Madrid')).toBe('21:55');
    for (const lang of ['de', 'fr', 'pt-BR']) {
      language = lang;
      expect(formatTime(instant, 'Europe/Berlin'), lang).toBe('21:55');
    }
  });
});
