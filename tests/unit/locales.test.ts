import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeLanguages, mergeLocale } from '../../scripts/locales';
import { categoryLabelKey } from '@/utils/prompts/library';
import { suggestionKey } from '@/utils/views/history-view';
import { INTIMACY_KINDS } from '@/utils/settings/settings';
import { PROMPT_CATEGORIES } from '@/utils/settings/settings';

const languages = localeLanguages();
const english = mergeLocale('en');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

/** Every literal key passed to t('…') anywhere in the product. */
function keysUsedInSource(): string[] {
  const keys = new Set<string>();
  for (const file of ['components', 'entrypoints', 'utils'].flatMap(sourceFiles)) {
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) {
      keys.add(key!);
    }
  }
  return [...keys].sort();
}

/** `$1` and `$NAME$` substitutions, sorted, so two languages can be compared. */
const placeholders = (message: string) =>
  [...message.matchAll(/\$(\d|[A-Za-z_]+\$)/g)].map((m) => m[0].toUpperCase()).sort();

describe('locales', () => {
  it('ships English, Spanish, German, French and Brazilian Portuguese', () => {
    expect(languages).toEqual(['de', 'en', 'es', 'fr', 'pt_BR']);
  });

  it.each(languages)('%s has exactly the keys English has', (lang) => {
    expect(Object.keys(mergeLocale(lang)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(languages)('%s uses the same substitutions as English in every message', (lang) => {
    const messages = mergeLocale(lang);
    for (const [key, { message }] of Object.entries(english)) {
      expect(placeholders(messages[key]!.message), key).toEqual(placeholders(message));
    }
  });

  it.each(languages)('%s has no empty message', (lang) => {
    const empty = Object.entries(mergeLocale(lang))
      .filter(([, { message }]) => message.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(languages)('%s keeps English’s named placeholders, which Chrome resolves', (lang) => {
    const messages = mergeLocale(lang);
    for (const [key, entry] of Object.entries(english)) {
      expect(messages[key]!.placeholders, key).toEqual(entry.placeholders);
    }
  });

  it.each(languages)('%s keeps the manifest description within Chrome’s 132 characters', (lang) => {
    expect([...mergeLocale(lang).extDescription!.message].length).toBeLessThanOrEqual(132);
  });

  it('has every key the source asks for', () => {
    const missing = keysUsedInSource().filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });

  it('has a label for every prompt category (keys built from the category name)', () => {
    for (const category of PROMPT_CATEGORIES)
      expect(english).toHaveProperty(categoryLabelKey(category));
  });

  it('has a gentle suggestion for every kind of intimacy (keys built from the kind)', () => {
    for (const lang of languages) {
      const messages = mergeLocale(lang);
      for (const kind of INTIMACY_KINDS) expect(messages, lang).toHaveProperty(suggestionKey(kind));
    }
  });

  it('refuses a key defined in two fragments', () => {
    const dir = join(process.cwd(), 'tests/unit/fixtures/locales-duplicate');
    expect(() => mergeLocale('en', dir)).toThrow(/"hello" is defined in both a.json and b.json/);
  });
});
