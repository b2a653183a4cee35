/**
 * The library's editorial rules (SPEC §7, second edition), failing loudly: each `describe` holds
 * the real library to one rule and shows, on a copy with a violation planted in it, that the
 * rule would catch it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPTS, decodeLibrary, type Prompt } from '@/utils/prompts/library';
import { RETIRED_PROMPTS } from '@/utils/prompts/retired';
import { CHALLENGES_PER_KIND, challengeMessageKeys } from '@/utils/prompts/challenge';
import { INTIMACY_KINDS, PROMPT_CATEGORIES } from '@/utils/settings/settings';
import type { Messages } from '../../scripts/locales';
import {
  crowdedOpenings,
  nearDuplicates,
  placeholders,
  screenWords,
  spanishProblems,
  type Lang,
} from './library-rules';

const LANGS: readonly Lang[] = ['en', 'es'];
const dir = (lang: string) => join(process.cwd(), 'locales', lang);
const fragment = (lang: string, name: string) =>
  JSON.parse(readFileSync(join(dir(lang), `${name}.json`), 'utf8')) as Messages;
const prompts = { en: fragment('en', 'prompts'), es: fragment('es', 'prompts') };
const challenges = { en: fragment('en', 'challenge'), es: fragment('es', 'challenge') };

const textOf = (lang: Lang, p: Prompt) => prompts[lang][p.key]?.message ?? '';
const followUpOf = (lang: Lang, p: Prompt) =>
  p.followUpKey ? (prompts[lang][p.followUpKey]?.message ?? '') : '';
const texts = (lang: Lang, library: readonly Prompt[] = PROMPTS) =>
  library.map((p) => ({ id: p.id, text: textOf(lang, p) }));

describe('counts (≥ 150 prompts, ≥ 15 in each of the nine categories)', () => {
  const perCategory = (library: readonly Prompt[]) =>
    PROMPT_CATEGORIES.filter((c) => library.filter((p) => p.category === c).length < 15);

  it('holds for the library', () => {
    expect(PROMPTS.length).toBeGreaterThanOrEqual(150);
    expect(perCategory(PROMPTS)).toEqual([]);
  });

  it('catches a thin category', () => {
    const thin = PROMPTS.filter((p) => !['care_22', 'care_23', 'care_24'].includes(p.id));
    expect(perCategory(thin)).toEqual(['care']);
  });
});

describe('tags', () => {
  /** Every tender prompt is deeper; each category has light ones for "Something lighter". */
  const tagProblems = (library: readonly Prompt[]) => [
    ...library.filter((p) => p.tender && p.light).map((p) => `${p.id} is tender but light`),
    ...PROMPT_CATEGORIES.filter(
      (c) => library.filter((p) => p.category === c && p.light).length < 6,
    ).map((c) => `${c} has fewer than 6 light prompts`),
  ];

  it('holds for the library: tender ⇒ deeper, at least 6 light prompts in every category', () => {
    expect(tagProblems(PROMPTS)).toEqual([]);
  });

  it('keeps a sound mix: mostly light, a handful tender, and tonight never all tender', () => {
    const light = PROMPTS.filter((p) => p.light).length / PROMPTS.length;
    expect(light).toBeGreaterThanOrEqual(0.55);
    expect(light).toBeLessThanOrEqual(0.65);
    const tender = PROMPTS.filter((p) => p.tender).length;
    expect(tender).toBeGreaterThanOrEqual(15);
    expect(tender).toBeLessThanOrEqual(25);
  });

  it('catches a light tender prompt and a category short of light ones', () => {
    const planted = PROMPTS.map((p) => (p.id === 'emotional_05' ? { ...p, light: true } : p));
    expect(tagProblems(planted)).toEqual(['emotional_05 is tender but light']);
    const heavy = PROMPTS.map((p) => (p.category === 'spiritual' ? { ...p, light: false } : p));
    expect(tagProblems(heavy)).toEqual(['spiritual has fewer than 6 light prompts']);
  });

  it('decodes the table as documented: letters, gaps, follow-ups and whys', () => {
    const [a, b, c] = decodeLibrary('d1.Tl');
    expect(a).toEqual({
      id: 'emotional_01',
      category: 'emotional',
      key: 'prompt_emotional_01',
      light: false,
      tender: false,
      followUpKey: 'prompt_emotional_01_followup',
      why: 'why_bucknell',
    });
    expect(b).toMatchObject({ id: 'emotional_03', light: false, tender: true });
    expect(b).not.toHaveProperty('followUpKey');
    expect(c).toMatchObject({ id: 'emotional_04', light: true, tender: false });
    expect(decodeLibrary('l l')[1]!.id).toBe('intellectual_01');
  });
});

describe('openings: at most 10 % of prompts start with the same word, per language', () => {
  it.each(LANGS)('holds in %s', (lang) => {
    expect(crowdedOpenings(texts(lang).map((t) => t.text))).toEqual([]);
  });

  it('catches a crowded opening (accents folded)', () => {
    const planted = texts('es').map((t, i) => (i < 17 ? `¿Qué ${t.text}` : t.text));
    expect(crowdedOpenings(planted)).toEqual([expect.stringMatching(/^que: \d+ of 156$/)]);
  });
});

describe('no two prompts ask the same thing (word overlap < 0.5, no identical texts)', () => {
  it.each(LANGS)('holds for the %s texts', (lang) => {
    expect(nearDuplicates(texts(lang), lang)).toEqual([]);
  });

  it.each(LANGS)('holds for the %s follow-ups (no two identical)', (lang) => {
    const followUps = PROMPTS.filter((p) => p.followUpKey).map((p) => followUpOf(lang, p));
    expect(new Set(followUps.map((f) => f.toLowerCase())).size).toBe(followUps.length);
  });

  it('catches a reworded copy', () => {
    const planted = [
      ...texts('en'),
      {
        id: 'care_99',
        text: 'Make your partner a warm drink without being asked tonight, just how they like it.',
      },
    ];
    expect(nearDuplicates(planted, 'en')).toEqual([expect.stringMatching(/^care_01 \/ care_99/)]);
  });
});

describe('neutral Spanish in every Spanish string (tú, “tu pareja”, no vosotros, no regionalisms)', () => {
  const files = readdirSync(dir('es')).filter((f) => f.endsWith('.json'));

  it.each(files)('locales/es/%s', (file) => {
    const messages = JSON.parse(readFileSync(join(dir('es'), file), 'utf8')) as Messages;
    const found = Object.entries(messages).flatMap(([key, { message }]) =>
      spanishProblems(message).map((problem) => `${key}: ${problem}`),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ['Sentaos juntos y contad vuestro día.', /vosotros form “sentaos”/],
    ['Hablad de lo que os preocupa.', /vosotros form “hablad”/],
    ['Elegid una canción y bailadla.', /with a pronoun “bailadla”/],
    ['¿Qué habéis hecho hoy?', /vosotros ending “habéis”/],
    ['Deja el móvil en otra habitación.', /regional word “móvil”/],
    ['Cierra la computadora un rato.', /regional word “computadora”/],
    ['Dejen el celular y siéntense cerca.', /ustedes form “siéntense”/],
    ['Una noche juntos, sin prisa.', /gendered agreement “juntos”/],
    ['Si estás cansado, abraza a tu pareja.', /gendered agreement “cansado”/],
  ])('catches %j', (text, problem) => {
    expect(spanishProblems(text).join('; ')).toMatch(problem);
  });

  it('lets neutral phrasing through', () => {
    expect(
      spanishProblems(
        'Túrnate con tu pareja: cada cual cuenta una verdad y la otra persona escucha con curiosidad.',
      ),
    ).toEqual([]);
  });
});

describe('nothing that needs a screen, in prompts and follow-ups', () => {
  it.each(LANGS)('holds in %s', (lang) => {
    const found = PROMPTS.flatMap((p) =>
      [textOf(lang, p), followUpOf(lang, p)].flatMap((t) =>
        screenWords(t, lang).map((w) => `${p.id}: ${w}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ['en', 'Look through old photos on your phone together.', ['photos on', 'phone']],
    ['en', 'Watch a short documentary and talk it over.', ['documentary']],
    ['es', 'Mira un documental corto en la tele.', ['documental', 'tele']],
    ['es', 'Lee un artículo en línea con tu pareja.', ['en línea']],
  ] as const)('catches %s: %j', (lang, text, expected) => {
    expect(screenWords(text, lang)).toEqual(expected);
  });
});

describe('every id has text in every language, and every text has an id', () => {
  const expectedKeys = PROMPTS.flatMap((p) => [p.key, ...(p.followUpKey ? [p.followUpKey] : [])]);
  const promptKeys = (messages: Messages) =>
    Object.keys(messages).filter((k) => /^prompt_[a-z]+_\d{2}(_followup)?$/.test(k));

  it.each(LANGS)('%s: the prompt and follow-up keys are exactly the library’s', (lang) => {
    expect(promptKeys(prompts[lang]).sort()).toEqual([...expectedKeys].sort());
    for (const key of expectedKeys) expect(prompts[lang][key]?.message.trim(), key).toBeTruthy();
  });

  it('catches a text without an id, and an id without a text', () => {
    const extra = { ...prompts.en, prompt_care_25: { message: 'x' } };
    expect(promptKeys(extra).sort()).not.toEqual([...expectedKeys].sort());
    const library = decodeLibrary('dl');
    expect(library.map((p) => p.key).filter((k) => !(k in prompts.en))).toEqual([]);
    const longer = decodeLibrary('d1dl.tdttd1dtllldllttl');
    expect(longer.map((p) => p.key).filter((k) => !(k in prompts.en))).toEqual([
      'prompt_emotional_20',
    ]);
  });

  it('has a follow-up for most prompts, each one short question', () => {
    const withFollowUp = PROMPTS.filter((p) => p.followUpKey);
    expect(withFollowUp.length / PROMPTS.length).toBeGreaterThanOrEqual(0.8);
    for (const p of withFollowUp) {
      const en = followUpOf('en', p);
      const es = followUpOf('es', p);
      expect(en, p.id).toMatch(/^[^?]+\?$/);
      expect(es, p.id).toMatch(/^¿[^?¿]+\?$/);
      expect(Math.max(en.length, es.length), p.id).toBeLessThanOrEqual(110);
    }
  });

  it('never reuses a retired id', () => {
    const ids = new Set(PROMPTS.map((p) => p.id));
    expect(Object.keys(RETIRED_PROMPTS).filter((id) => ids.has(id))).toEqual([]);
    expect(Object.keys(RETIRED_PROMPTS)).toHaveLength(20);
    for (const reason of Object.values(RETIRED_PROMPTS)) expect(reason.length).toBeGreaterThan(10);
  });
});

describe('placeholders and keys are identical across languages', () => {
  const files = readdirSync(dir('en')).filter((f) => f.endsWith('.json'));

  it.each(files)('locales/*/%s', (file) => {
    const [en, ...others] = LANGS.map(
      (lang) => JSON.parse(readFileSync(join(dir(lang), file), 'utf8')) as Messages,
    );
    for (const other of others) {
      expect(Object.keys(other!).sort()).toEqual(Object.keys(en!).sort());
      for (const [key, { message }] of Object.entries(en!)) {
        expect(placeholders(other![key]!.message), key).toEqual(placeholders(message));
      }
    }
  });

  it('catches a lost or renamed placeholder', () => {
    expect(placeholders('Llevas $MINUTES$ min de $LIMIT$')).toEqual(['$LIMIT$', '$MINUTES$']);
    expect(placeholders('Llevas $MINUTES$ min')).not.toEqual(
      placeholders('Tonight so far: $MINUTES$ of $LIMIT$ min'),
    );
    expect(placeholders('Semana del $1: $2')).toEqual(['$1', '$2']);
  });
});

describe('weekly challenges: three per kind, each with a title, a description and three ideas', () => {
  it.each(LANGS)('%s has them all, and nothing else', (lang) => {
    expect(Object.keys(challenges[lang]).sort()).toEqual(challengeMessageKeys().sort());
    expect(CHALLENGES_PER_KIND).toBeGreaterThanOrEqual(3);
    for (const kind of INTIMACY_KINDS) {
      for (let n = 1; n <= CHALLENGES_PER_KIND; n++) {
        const at = (part: string) => challenges[lang][`challenge_${kind}_${n}_${part}`]?.message;
        expect(at('title'), `${kind} ${n}`).toBeTruthy();
        expect(at('description'), `${kind} ${n}`).toBeTruthy();
        for (const i of [1, 2, 3]) expect(at(`idea_${i}`), `${kind} ${n} ${i}`).toBeTruthy();
      }
    }
  });

  it.each(LANGS)('%s: no screen, no two titles or ideas alike', (lang) => {
    const all = Object.entries(challenges[lang]).filter(([k]) => k !== 'challenge_heading');
    expect(all.flatMap(([k, { message }]) => screenWords(message, lang).map((w) => k + w))).toEqual(
      [],
    );
    const titles = all.filter(([k]) => k.endsWith('_title')).map(([, m]) => m.message);
    expect(new Set(titles).size).toBe(INTIMACY_KINDS.length * CHALLENGES_PER_KIND);
    const ideas = all
      .filter(([k]) => k.includes('_idea_'))
      .map(([k, { message }]) => ({ id: k, text: message }));
    expect(nearDuplicates(ideas, lang)).toEqual([]);
  });
});

describe('prompts read as prompts', () => {
  it.each(LANGS)('%s: card-sized, no exclamation marks', (lang) => {
    const limit = lang === 'en' ? 140 : 161;
    for (const p of PROMPTS) {
      const text = textOf(lang, p);
      expect(text.length, p.id).toBeGreaterThan(20);
      expect(text.length, p.id).toBeLessThanOrEqual(limit);
      expect(text, p.id).not.toMatch(/[!¡]/);
    }
  });

  it('makes no assumption about who the couple are, and is never about sex', () => {
    const en =
      /\b(he|she|him|her|his|hers|husband|wife|boyfriend|girlfriend|married|marriage|kids|children|god|pray|church|bedroom|kitchen|sex|sexual|sexy|kiss\w*)\b/i;
    const es =
      /(?<!\p{L})(novi[oa]s?|marido|espos[oa]s?|hij[oa]s?|boda|matrimonio|dios|rezar|iglesia|dormitorio|sexo|sexual|bes[oa]s?|besar)(?!\p{L})/iu;
    for (const p of PROMPTS) {
      for (const text of [textOf('en', p), followUpOf('en', p)]) expect(text, p.id).not.toMatch(en);
      for (const text of [textOf('es', p), followUpOf('es', p)]) expect(text, p.id).not.toMatch(es);
    }
  });
});
