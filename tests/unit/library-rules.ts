/**
 * The editorial rules of the prompt library (SPEC §7, "Library, second edition"), as pure
 * checks over text: a port of the editorial team's `check.py`. Each returns what it found, so a
 * test can assert "nothing" on the real library and "this" on a copy with a planted violation.
 * The Spanish patterns are a safety net, not a proofreader: every text was also read in full.
 */

export type Lang = 'en' | 'es';

/** Lower-case words, apostrophes folded in (don't → dont), punctuation dropped. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’']/g, '')
      .match(/[a-záéíóúüñ]+/g) ?? []
  );
}

/** The text without accents (qué → que), for comparing first words. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '');
}

// Words that carry no topic: two prompts that share only these do not ask the same thing.
const STOP: Record<Lang, Set<string>> = {
  en: new Set(
    `the a an you your yours yourself yourselves each other others of to and or what whats which who
    whom whose how when where why is are was were be been being it its itself that thats this these those
    in on at for with about as by from then than but if so do did does done have has had not no dont
    one ones they them their theirs themselves theyre theyll theyd we our us me my i im ive id you
    youre youve youd youll there here just would could can will should let lets too also up down out
    into over tonight partner partners both own more most some any all very really even only like still
    say tell ask share`.split(/\s+/),
  ),
  es: new Set(
    `el la los las un una unos unas y o u de del a al en con por para que qué quien quién quienes
    cual cuál cuales cómo como cuándo cuando dónde donde adónde es son fue era ser sea estar está lo le les
    se te ti tu tú tus su sus mi mí me yo eso esa ese esto esta este esos esas estos estas más muy ya sin
    sobre entre hasta luego después si sí no ni pero también cada cual otra otro otras otros pareja noche
    tuyo tuya suyo suya suyos suyas algo alguna alguno algún todo toda aún aunque hay ha has he haz
    cuéntale cuenta dile pregúntale pregunta pregúntaselo comparte háblale`.split(/\s+/),
  ),
};

/** The words of `text` that say what it is about. */
export function contentWords(text: string, lang: Lang): Set<string> {
  return new Set(words(text).filter((w) => !STOP[lang].has(w)));
}

/** Jaccard overlap of two texts' content words: 0 (nothing shared) to 1 (the same words). */
export function overlap(a: string, b: string, lang: Lang): number {
  const x = contentWords(a, lang);
  const y = contentWords(b, lang);
  if (x.size === 0 || y.size === 0) return 0;
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / (x.size + y.size - shared);
}

/** Pairs of texts (by id) whose overlap is at least `limit`, or that are identical. */
export function nearDuplicates(
  texts: readonly { id: string; text: string }[],
  lang: Lang,
  limit = 0.5,
): string[] {
  const found: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i]!;
      const b = texts[j]!;
      const same = a.text.trim().toLowerCase() === b.text.trim().toLowerCase();
      const o = overlap(a.text, b.text, lang);
      if (same || o >= limit) found.push(`${a.id} / ${b.id} (${o.toFixed(2)})`);
    }
  }
  return found;
}

/** First words used by more than `share` of the texts (accents folded), with their counts. */
export function crowdedOpenings(texts: readonly string[], share = 0.1): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const first = words(foldAccents(text))[0] ?? '';
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n > share * texts.length)
    .map(([word, n]) => `${word}: ${n} of ${texts.length}`);
}

/** Things that lead back to a screen (an audible tab counts as screen time, SPEC §4). */
const SCREEN: Record<Lang, RegExp> = {
  en: /\b(phones?|smartphones?|screens?|videos?|photos? on|pictures? on|documentar(y|ies)|online|apps?|laptops?|tv|telly|television|stream(s|ing|ed)?|playlists?|messages?|messaging|texts? (him|her|them)|e-?mails?|internet|web|look (it|that|them) up|google|tablets?|computers?|podcasts?|social media|netflix|youtube|spotify|devices?|scroll(ing)?|selfies?|cameras?|films? on|movie)\b/g,
  es: /(?<![\p{L}])(tel[eé]fonos?|m[oó]vil(es)?|celular(es)?|pantallas?|v[ií]deos?|documental(es)?|en l[ií]nea|aplicaci[oó]n(es)?|app|port[aá]til(es)?|computadoras?|ordenador(es)?|tele|televisi[oó]n|mensajes?|correos?|internet|lista de reproducci[oó]n|redes sociales|tabletas?|c[aá]maras?|whatsapp|wasap|serie|series|pel[ií]culas?|youtube|spotify|netflix|dispositivos?)(?![\p{L}])/gu,
};

/** Screen words in a prompt or follow-up. */
export function screenWords(text: string, lang: Lang): string[] {
  return [...text.toLowerCase().matchAll(SCREEN[lang])].map((m) => m[0]);
}

// `\b` does not know accented letters, so Spanish patterns spell out what a word boundary is.
const W = '(?<![\\p{L}])';
const E = '(?![\\p{L}])';
const es = (alternatives: string) => new RegExp(`${W}(${alternatives})${E}`, 'gu');

/** Explicit vosotros forms: imperatives, reflexives, pronouns and possessives. */
const VOSOTROS = es(
  'os|vosotr[oa]s|vuestr[oa]s?|hablad|contad|mirad|decid|poned|haced|elegid|id|salid|jugad|preparad|recordad|nombrad|compartid|debatid|describid|encended|apagad|probad|cerrad|empezad|escribid|leed|ved|traed|pasad|rescatad|reservad|daos|sentaos|abrazaos|contaos|preguntaos|miraos|quedaos|fijaos|limitaos|poneos|acordaos|tomaos|dejaos|idos',
);
// Nouns and adverbs that merely end like a vosotros form.
const AD_WORDS = new Set(
  `verdad verdades curiosidad mitad bondad ciudad edad amistad felicidad tranquilidad soledad
  oscuridad intimidad realidad comunidad libertad necesidad facilidad dificultad novedad cantidad
  seguridad calidad accesibilidad disponibilidad navidad humildad vulnerabilidad sinceridad pared sed
  red usted madrid césped huésped merced lid vid ardid complicidad generosidad gratitud actitud salud
  juventud virtud inquietud alud ataúd habilidad plenitud lentitud capacidad variedad posibilidad
  oportunidad prioridad actividad creatividad sociedad universidad voluntad claridad suavidad ansiedad
  enfermedad piedad unidad identidad rapidez privacidad`.split(/\s+/),
);
const AOS_WORDS = new Set(
  `caos deseos paseos rodeos trofeos mareos recreos correos feos ríos tíos fríos líos desafíos envíos
  vacíos bríos navíos judíos`.split(/\s+/),
);
const IS_WORDS = new Set(
  'país maíz raíz anís parís lis tapiz veintiséis dieciséis jabalís'.split(/\s+/),
);
/** Plural `ustedes` commands: the reader is one person, addressed as `tú`. */
const USTEDES = es(
  'ustedes|hablen|cuenten|miren|elijan|jueguen|digan|pongan|salgan|preparen|escriban|lean|compartan|siéntense|abrácense|tómense|dense|túrnense|intercambien|prueben|busquen|vayan|inventen|cocinen|dibujen|quédense|pregúntense|cuéntense|mírense|apaguen|enciendan',
);
/** Words that split Spain and the Americas (SPEC §7 names the first five). */
const REGIONAL = es(
  'm[oó]vil(es)?|port[aá]til(es)?|ordenador(es)?|celular(es)?|computadoras?|cog(er|e|es|ió|iendo|ido|ed|éis)|coja|cojas|vale|guay|ch[eé]vere|ahorita|mola|molan|t[ií]o|t[ií]a|zumo|jugo|patatas?|coches?|carros?|pisos?|apartamentos?|departamentos?|neveras?|heladeras?|bol[ií]grafos?|lapiceras?|gafas|anteojos|cremalleras?|fregar|friega|t[uú]mbate|enfad\\p{L}*|enoj\\p{L}*|chaval\\p{L}*|cr[ií]os?|chamba|plata|pibes?|bacán|puzles?|cuadras?|me hace ilusi[oó]n|ilusi[oó]n|apetec\\p{L}*|guagua|camión|colectivo|bolso|cartera|agobio|agobios',
);
/** Agreement that assumes a gender for the reader or the partner, or a masculine generic. */
const GENDERED = es(
  'juntos|juntas|solos|solas|nosotros|nosotras|ambos|ambas|cada uno|cada una|el uno al otro|uno al lado del otro|el otro|ninguno de los dos|ninguna de las dos|los dos(?! papeles| retratos)|las dos(?! personas)|cansad[oa]s?|agotad[oa]s?|orgullos[oa]s?|content[oa]s?|nervios[oa]s?|enamorad[oa]s?|listos?|preparad[oa]s|tranquilos|seguros|segura',
);

/** Everything in a Spanish text that is not neutral Spanish for one reader addressed as `tú`. */
export function spanishProblems(text: string): string[] {
  const low = text.toLowerCase();
  const found: string[] = [];
  const add = (what: string, re: RegExp) => {
    for (const m of low.matchAll(re)) found.push(`${what} “${m[0]}”`);
  };
  add('vosotros form', VOSOTROS);
  if (/vuestr|vosotr/.test(low)) found.push('vosotros pronoun or possessive');
  for (const w of low.match(/\p{L}+/gu) ?? []) {
    if (w.length > 3 && /(ad|ed|id)$/.test(w) && !AD_WORDS.has(w)) {
      found.push(`possible vosotros imperative “${w}”`);
    }
    if (/.(adl[oa]s?|edl[oa]s?|idl[oa]s?|adle|edle|idle)$/.test(w)) {
      found.push(`vosotros imperative with a pronoun “${w}”`);
    }
    if (/.(aos|eos|íos)$/.test(w) && !AOS_WORDS.has(w)) found.push(`possible vosotros “${w}”`);
    if (/.(áis|éis|ís)$/.test(w) && !IS_WORDS.has(w)) found.push(`vosotros ending “${w}”`);
  }
  add('ustedes form', USTEDES);
  add('regional word', REGIONAL);
  add('gendered agreement', GENDERED);
  return found;
}

/** `$1` and `$NAME$` substitutions, sorted, so two languages can be compared. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\$(\d|[A-Z_]+\$)/g)].map((m) => m[0]).sort();
}
