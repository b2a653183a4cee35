import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_LABEL_KEYS,
  PROMPTS,
  WHY_KEYS,
  categoryLabelKey,
  promptById,
  promptsInCategory,
} from '@/utils/prompts/library';
import { RETIRED_PROMPTS } from '@/utils/prompts/retired';
import { PROMPT_CATEGORIES } from '@/utils/settings/settings';
import { mergeLocale, type Messages } from '../../scripts/locales';

const LANGS = ['en', 'es'] as const;

function fragment(lang: string, name: string): Messages {
  return JSON.parse(
    readFileSync(join(process.cwd(), 'locales', lang, `${name}.json`), 'utf8'),
  ) as Messages;
}

const messages = { en: fragment('en', 'prompts'), es: fragment('es', 'prompts') };
const text = (lang: (typeof LANGS)[number], key: string): string =>
  messages[lang][key]?.message ?? '';

describe('the prompt library', () => {
  it('has at least 150 prompts (SPEC §7, second edition)', () => {
    expect(PROMPTS.length).toBeGreaterThanOrEqual(150);
  });

  it.each(PROMPT_CATEGORIES)('has at least 15 %s prompts', (category) => {
    expect(promptsInCategory(category).length).toBeGreaterThanOrEqual(15);
  });

  it('keeps every first-edition id it did not retire (history and saved prompts refer to them)', () => {
    const ids = new Set(PROMPTS.map((p) => p.id));
    for (const category of PROMPT_CATEGORIES) {
      for (let n = 1; n <= 11; n++) {
        const id = `${category}_${String(n).padStart(2, '0')}`;
        expect(ids.has(id) !== id in RETIRED_PROMPTS, id).toBe(true);
      }
    }
  });

  it('has unique ids and unique message keys', () => {
    expect(new Set(PROMPTS.map((p) => p.id)).size).toBe(PROMPTS.length);
    expect(new Set(PROMPTS.map((p) => p.key)).size).toBe(PROMPTS.length);
  });

  it('names each prompt <category>_<NN> with key prompt_<id>, so ids and categories cannot drift', () => {
    for (const prompt of PROMPTS) {
      expect(prompt.id).toMatch(new RegExp(`^${prompt.category}_\\d{2}$`));
      expect(prompt.key).toBe(`prompt_${prompt.id}`);
      expect(prompt.key).toMatch(/^[A-Za-z0-9_]+$/);
      if (prompt.followUpKey) expect(prompt.followUpKey).toBe(`${prompt.key}_followup`);
    }
  });

  it('only cites the SPEC §1 findings, and cites each of them somewhere', () => {
    const cited = PROMPTS.flatMap((p) => (p.why ? [p.why] : []));
    expect(cited.every((why) => (WHY_KEYS as readonly string[]).includes(why))).toBe(true);
    expect(new Set(cited)).toEqual(new Set(WHY_KEYS));
  });

  it('looks prompts up by id', () => {
    const prompt = PROMPTS[17]!;
    expect(promptById(prompt.id)).toBe(prompt);
    expect(promptById('emotional_99')).toBeUndefined();
    expect(promptById('care_07')).toBeUndefined(); // retired
  });
});

describe('prompt text in locales/<lang>/prompts.json', () => {
  const expectedKeys = [
    ...PROMPTS.flatMap((p) => [p.key, ...(p.followUpKey ? [p.followUpKey] : [])]),
    ...WHY_KEYS,
    ...CATEGORY_LABEL_KEYS,
  ].sort();

  it.each(LANGS)('%s has exactly the library’s keys, no more and no fewer', (lang) => {
    expect(Object.keys(messages[lang]).sort()).toEqual(expectedKeys);
  });

  it.each(LANGS)('%s has a non-empty message and a description for every key', (lang) => {
    for (const [key, value] of Object.entries(messages[lang])) {
      expect(value.message.trim(), key).not.toBe('');
      expect(value.description, key).toBeTruthy();
      // `$` starts a placeholder in Chrome's messages.json.
      expect(value.message, key).not.toContain('$');
    }
  });

  it.each(PROMPTS.map((p) => [p.id, p.key] as const))(
    '%s reads as a short English prompt: at most 140 characters, no exclamation mark',
    (_id, key) => {
      const message = text('en', key);
      expect(message.length).toBeGreaterThan(20);
      expect(message.length).toBeLessThanOrEqual(140);
      expect(message).not.toMatch(/!/);
    },
  );

  it('has no exclamation marks in Spanish either, and stays card-sized', () => {
    for (const prompt of PROMPTS) {
      const message = text('es', prompt.key);
      expect(message, prompt.key).not.toMatch(/[!¡]/);
      expect(message.length, prompt.key).toBeLessThanOrEqual(200);
    }
  });

  it('is translated: every Spanish message differs from the English one', () => {
    for (const key of expectedKeys) {
      expect(text('es', key), key).not.toBe(text('en', key));
    }
  });

  it('makes no assumption about who the couple are', () => {
    const gendered = /\b(he|she|him|his|hers?|husband|wife|boyfriend|girlfriend)\b/i;
    const generoEs = /\b(novi[oa]|marido|espos[oa]|mujer|hombre)\b/i;
    for (const prompt of PROMPTS) {
      expect(text('en', prompt.key), prompt.key).not.toMatch(gendered);
      expect(text('es', prompt.key), prompt.key).not.toMatch(generoEs);
    }
  });

  it('keeps physical closeness non-sexual', () => {
    for (const prompt of PROMPTS) {
      expect(text('en', prompt.key), prompt.key).not.toMatch(/\b(sex|sexual|sexy|bedroom)\b/i);
    }
  });

  it.each([
    ['why_bucknell', /Bucknell/, /Bucknell/],
    ['why_harvard', /Harvard/, /Harvard/],
    [
      'why_months',
      /suggests .* often takes three to six months/,
      /sugieren .* suele .* de tres a seis meses/,
    ],
    ['why_eft', /Emotionally Focused Therapy \(EFT\)/, /EFT/],
  ])('%s names its source in both languages', (key, en, es) => {
    expect(text('en', key)).toMatch(en);
    expect(text('es', key)).toMatch(es);
  });

  it.each(PROMPT_CATEGORIES)('labels the %s category in both languages', (category) => {
    expect(text('en', categoryLabelKey(category))).not.toBe('');
    expect(text('es', categoryLabelKey(category))).not.toBe('');
  });

  it.each(LANGS)('merges into the %s build without clashing with other fragments', (lang) => {
    const merged = mergeLocale(lang);
    for (const key of expectedKeys) expect(merged[key]?.message, key).toBe(text(lang, key));
  });
});
