/**
 * The couple's pair code (SPEC §13): four short words that one partner reads aloud and the
 * other types in. Closer never sends it anywhere; both browsers only use it as the seed of the
 * couple's own prompt cycle (`utils/prompts/shared-pick.ts`).
 *
 * The words: one built-in list for every language, so a code made in a Spanish browser works in
 * an English one. Each is a made-up word of two open syllables (consonant, vowel, consonant,
 * vowel) built only from letters that sound and spell the same in English, Spanish, German,
 * French and Portuguese: consonants b d f l m n p r s t (no c, g, j, v, z, h, k, whose sound or
 * spelling changes between those languages), vowels a e i o u, never a final e (silent in French
 * and English). The second consonant is a function of the other three letters, so any two
 * words differ in at least two letters: a single slip of one letter never turns one word into
 * another, it makes a word that is not on the list, and the message can name it. Seven words
 * that are rude, or a name of a people or a faith, in one of those languages (or in Polish or
 * English slang) were left out, leaving 193, a prime. The list and its order never change:
 * they are part of every code already made.
 *
 * The code: three random words and a check word, chosen so that
 *   1·w₁ + 2·w₂ + 3·w₃ + 4·w₄ ≡ 0 (mod 193)
 * where wᵢ is the word's index in the list. Because 193 is prime and the weights 1–4 and their
 * differences are all non-zero modulo it, changing any one word, or swapping any two different
 * words, breaks the equation: every such slip is caught, never silently paired with nobody.
 * Entropy: 3 · log2(193) ≈ 22.8 bits, about 7.2 million codes. The code is not a secret (it
 * unlocks nothing and goes nowhere); two couples who happened to share one would only share
 * their questions.
 *
 * Typing is case-, accent- and space-insensitive: "Bará  bami-BADO túso" is read as
 * "bara bami bado tuso", and so is "barabamibadotuso" (every word has four letters).
 */

/** The pair-code words, in index order (never reorder, never change one). */
// prettier-ignore
export const PAIR_WORDS: readonly string[] = [
  'bara', 'bami', 'bado', 'basu', 'bema', 'bedi', 'beso', 'benu', 'bida', 'bisi',
  'bino', 'bifu', 'bosa', 'boni', 'bofo', 'botu', 'buna', 'bufi', 'buto', 'bupu',
  'dasa', 'dani', 'dafo', 'datu', 'dena', 'defi', 'deto', 'depu', 'difa', 'diti',
  'dipo', 'dilu', 'dota', 'dopi', 'dolo', 'dobu', 'duli', 'dubo', 'duru', 'fata',
  'fabu', 'fepa', 'feli', 'febo', 'feru', 'fila', 'fibi', 'firo', 'fimu', 'foba',
  'fori', 'fomo', 'fura', 'fumi', 'fudo', 'fusu', 'laba', 'lari', 'lamo', 'ladu',
  'lera', 'lemi', 'ledo', 'lesu', 'lima', 'lidi', 'liso', 'linu', 'loda', 'losi',
  'lono', 'lofu', 'lusa', 'luni', 'lufo', 'lutu', 'mada', 'masi', 'mano', 'mafu',
  'mesa', 'meni', 'mefo', 'metu', 'mina', 'mifi', 'mito', 'mipu', 'mofa', 'moti',
  'mopo', 'molu', 'muta', 'mupi', 'mulo', 'mubu', 'nafa', 'nati', 'napo', 'nalu',
  'neta', 'nepi', 'nelo', 'nebu', 'nipa', 'nili', 'nibo', 'niru', 'nola', 'nobi',
  'noro', 'nomu', 'nuba', 'nuri', 'numo', 'nudu', 'pala', 'pabi', 'paro', 'pamu',
  'peba', 'peri', 'pemo', 'pedu', 'pira', 'pimi', 'pido', 'pisu', 'poma', 'podi',
  'poso', 'ponu', 'puda', 'puno', 'pufu', 'rama', 'radi', 'raso', 'ranu', 'reda',
  'resi', 'reno', 'refu', 'risa', 'rini', 'rifo', 'ritu', 'rona', 'rofi', 'roto',
  'ropu', 'rufa', 'ruti', 'rupo', 'rulu', 'sana', 'safi', 'sato', 'sapu', 'sefa',
  'seti', 'sepo', 'selu', 'sita', 'sipi', 'silo', 'sibu', 'sopa', 'soli', 'soru',
  'sula', 'subi', 'suro', 'sumu', 'tapa', 'tali', 'tabo', 'taru', 'tela', 'tebi',
  'tero', 'temu', 'tiba', 'tiri', 'timo', 'tidu', 'tomi', 'todo', 'tosu', 'tuma',
  'tudi', 'tuso', 'tunu',
];

/** How many words a code has (three random, one check). */
export const PAIR_CODE_LENGTH = 4;
/** Letters in every word. */
export const PAIR_WORD_LETTERS = 4;
/** Bits of randomness in a code: three words chosen uniformly from the list. */
export const PAIR_CODE_BITS = (PAIR_CODE_LENGTH - 1) * Math.log2(PAIR_WORDS.length);

const SIZE = PAIR_WORDS.length;
const INDEX = new Map(PAIR_WORDS.map((word, index) => [word, index]));
// Word i's weight in the check equation: distinct and non-zero modulo the (prime) list size.
const WEIGHTS = [1, 2, 3, 4] as const;

/** Why typed text is not a pair code; `position` counts words from 1. */
export type PairCodeProblem =
  | { code: 'empty' }
  | { code: 'word-count'; words: number }
  | { code: 'unknown-word'; position: number; word: string }
  | { code: 'check' };

export type PairCodeResult = { ok: true; code: string } | { ok: false; problem: PairCodeProblem };

/** A source of random 32-bit integers; `crypto.getRandomValues` in the product. */
export type RandomSource = (into: Uint32Array<ArrayBuffer>) => Uint32Array<ArrayBuffer>;

const cryptoRandom: RandomSource = (into) => crypto.getRandomValues(into);

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** x⁻¹ modulo the (prime) list size, by Fermat: x^(p−2). */
function inverse(x: number): number {
  let result = 1;
  let base = mod(x, SIZE);
  for (let e = SIZE - 2; e > 0; e >>= 1) {
    if (e & 1) result = (result * base) % SIZE;
    base = (base * base) % SIZE;
  }
  return result;
}

/** The weighted sum of the check equation for some word indexes (0 for a valid code). */
function checkSum(indexes: readonly number[]): number {
  return mod(
    indexes.reduce((sum, index, i) => sum + WEIGHTS[i]! * index, 0),
    SIZE,
  );
}

/** A uniform index into the list: rejection sampling, so no word is likelier than another. */
function randomIndex(random: RandomSource): number {
  const limit = 2 ** 32 - (2 ** 32 % SIZE);
  const buffer = new Uint32Array(1);
  for (;;) {
    const value = random(buffer)[0]!;
    if (value < limit) return value % SIZE;
  }
}

/** The check word's index that completes three word indexes into a valid code. */
export function checkIndex(first: readonly number[]): number {
  return mod(-checkSum(first) * inverse(WEIGHTS[3]), SIZE);
}

/** A new pair code in its stored form, e.g. `bara-bami-bado-tuso`, from a local random source. */
export function createPairCode(random: RandomSource = cryptoRandom): string {
  const indexes = [randomIndex(random), randomIndex(random), randomIndex(random)];
  indexes.push(checkIndex(indexes));
  return indexes.map((index) => PAIR_WORDS[index]!).join('-');
}

/**
 * Typed text as the user meant it: accents and case dropped, full-width letters made plain.
 * Only letters are kept, grouped into the words the user typed (anything else separates them).
 */
function typedWords(typed: string): string[] {
  const plain = typed.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return plain.split(/[^\p{L}]+/u).filter(Boolean);
}

/**
 * Reads a typed pair code. Case, accents, spaces and punctuation do not matter; when the
 * letters add up to four words they are read four at a time, wherever the spaces fell.
 * Anything else is refused with what is wrong: no words, the wrong number of words, a word that
 * is not on the list (the first one, by position), or four words that fail the check (one was
 * misheard or two were swapped).
 */
export function parsePairCode(typed: string): PairCodeResult {
  const tokens = typedWords(typed);
  const letters = tokens.join('');
  if (letters.length === 0) return { ok: false, problem: { code: 'empty' } };
  let words: string[];
  if ([...letters].length === PAIR_CODE_LENGTH * PAIR_WORD_LETTERS) {
    words = letters.match(/.{4}/gu) ?? [];
  } else if (tokens.length === PAIR_CODE_LENGTH) {
    words = tokens;
  } else {
    return { ok: false, problem: { code: 'word-count', words: tokens.length } };
  }
  const indexes: number[] = [];
  for (const [i, word] of words.entries()) {
    const index = INDEX.get(word);
    if (index === undefined) {
      return { ok: false, problem: { code: 'unknown-word', position: i + 1, word } };
    }
    indexes.push(index);
  }
  if (checkSum(indexes) !== 0) return { ok: false, problem: { code: 'check' } };
  return { ok: true, code: words.join('-') };
}

/** Whether `code` is a pair code in its stored (normalised) form. */
export function isPairCode(code: string): boolean {
  const parsed = parsePairCode(code);
  return parsed.ok && parsed.code === code;
}

/** A stored code as it is read aloud: its words with spaces between them. */
export function spokenPairCode(code: string): string {
  return code.split('-').join(' ');
}
