/**
 * The prompt library in German, French and Brazilian Portuguese (issue 20): the same ids, tags
 * and follow-ups as English, each text written in the language (not left in English), and the
 * library's editorial rules (SPEC §7) held in each: no screens, no exclamation marks, at most
 * 10 % of prompts opening with the same word, the findings naming their sources. A safety net,
 * not a proofreader: the translators read every text in full and ran stricter checks of their own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../../scripts/locales';
import { CATEGORY_LABEL_KEYS, PROMPTS, WHY_KEYS } from '@/utils/prompts/library';
import { challengeMessageKeys } from '@/utils/prompts/challenge';

const fragment = (lang: string, name: string) =>
  JSON.parse(
    readFileSync(join(process.cwd(), 'locales', lang, `${name}.json`), 'utf8'),
  ) as Messages;

/** Words that lead back to a screen, per language (an audible tab counts, SPEC §4). */
const SCREEN: Record<string, RegExp> = {
  de: /(?<!\p{L})(handys?|smartphones?|bildschirm\p{L}*|videos?|apps?|online|internet|nachrichten?|e-?mails?|fernseh\p{L}*|tv|laptops?|computer\p{L}*|tablets?|stream\p{L}*|playlists?|podcasts?|netflix|youtube|spotify|whatsapp|serien?|doku\p{L}*)(?!\p{L})/iu,
  fr: /(?<!\p{L})(écrans?|téléphones?|portables?|smartphones?|vidéos?|applis?|en ligne|internet|messages?|sms|télé|télévisions?|tv|ordinateurs?|tablettes?|séries|streaming|playlists?|podcasts?|e-?mails?|netflix|youtube|spotify|whatsapp|documentaires?)(?!\p{L})/iu,
  pt_BR:
    /(?<!\p{L})(celular(es)?|telefones?|smartphones?|telas?|v[ií]deos?|apps?|aplicativos?|on-?line|internet|mensage(m|ns)|tv|televis[aã]o|computador(es)?|notebooks?|tablets?|streaming|s[eé]ries?|netflix|youtube|podcasts?|e-?mails?|document[aá]rios?|playlists?|spotify|whatsapp)(?!\p{L})/iu,
};
const LANGS = Object.keys(SCREEN);

const english = fragment('en', 'prompts');

/** The first word, lower case and without accents, to compare openings. */
const firstWord = (text: string) =>
  (text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .match(/\p{L}+/u) ?? [''])[0];

describe.each(LANGS)('the library in %s', (lang) => {
  const prompts = fragment(lang, 'prompts');
  const challenges = fragment(lang, 'challenge');
  const text = (key: string) => prompts[key]?.message ?? '';

  it('has every prompt, in this language, and a follow-up exactly where English has one', () => {
    for (const prompt of PROMPTS) {
      expect(text(prompt.key), prompt.id).not.toBe('');
      expect(text(prompt.key), prompt.id).not.toBe(english[prompt.key]!.message);
      if (prompt.followUpKey) {
        expect(text(prompt.followUpKey), prompt.id).not.toBe('');
        expect(text(prompt.followUpKey), prompt.id).not.toBe(english[prompt.followUpKey]!.message);
      }
    }
    const followUps = Object.keys(prompts).filter((key) => key.endsWith('_followup'));
    expect(followUps.sort()).toEqual(PROMPTS.flatMap((p) => p.followUpKey ?? []).sort());
  });

  it('asks for no screen and raises no voice', () => {
    const found = PROMPTS.flatMap((p) =>
      [text(p.key), p.followUpKey ? text(p.followUpKey) : '']
        .filter((t) => SCREEN[lang]!.test(t) || t.includes('!'))
        .map((t) => `${p.id}: ${t}`),
    );
    expect(found).toEqual([]);
  });

  it('opens at most 10 % of its prompts with the same word', () => {
    const counts = new Map<string, number>();
    for (const p of PROMPTS) {
      const word = firstWord(text(p.key));
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const crowded = [...counts].filter(([, n]) => n > PROMPTS.length / 10);
    expect(crowded).toEqual([]);
  });

  it('keeps the sources of the findings, and labels every category', () => {
    expect(text('why_bucknell')).toContain('Bucknell');
    expect(text('why_harvard')).toContain('Harvard');
    expect(text('why_eft')).toContain('EFT');
    for (const key of [...WHY_KEYS, ...CATEGORY_LABEL_KEYS]) expect(text(key), key).not.toBe('');
  });

  it('has every weekly challenge, translated', () => {
    const en = fragment('en', 'challenge');
    for (const key of challengeMessageKeys()) {
      expect(challenges[key]?.message, key).toBeTruthy();
      expect(challenges[key]!.message, key).not.toBe(en[key]!.message);
    }
  });
});
