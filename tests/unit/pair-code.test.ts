import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkIndex,
  createPairCode,
  isPairCode,
  PAIR_CODE_BITS,
  PAIR_WORDS,
  parsePairCode,
  spokenPairCode,
  type RandomSource,
} from '@/utils/settings/pair-code';
import { checkSettings } from '@/utils/settings/schema';
import { defaultSettings } from '@/utils/settings/settings';

const SIZE = PAIR_WORDS.length;
const wordArb = fc.nat(SIZE - 1);
/** A valid code as word indexes: three free words and the check word. */
const codeIndexesArb = fc
  .tuple(wordArb, wordArb, wordArb)
  .map((first) => [...first, checkIndex(first)]);
const codeArb = codeIndexesArb.map((indexes) => indexes.map((i) => PAIR_WORDS[i]!).join('-'));

/** A random source that replays `values`, for codes that must come out the same every run. */
function replay(values: number[]): RandomSource {
  let next = 0;
  return (into) => {
    for (let i = 0; i < into.length; i++) into[i] = values[next++ % values.length]!;
    return into;
  };
}

function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

describe('the word list', () => {
  it('has a prime number of distinct words, so the check equation catches every slip', () => {
    expect(new Set(PAIR_WORDS).size).toBe(SIZE);
    for (let d = 2; d * d <= SIZE; d++) expect(SIZE % d, `divisible by ${d}`).not.toBe(0);
  });

  it('uses only letters that sound and spell alike in en, es, de, fr and pt', () => {
    for (const word of PAIR_WORDS) expect(word).toMatch(/^[bdflmnprst][aeiou][bdflmnprst][aiou]$/);
  });

  it('keeps every two words at least two letters apart (a one-letter slip is never a word)', () => {
    const tooClose: string[] = [];
    for (let i = 0; i < SIZE; i++) {
      for (let j = i + 1; j < SIZE; j++) {
        if (hamming(PAIR_WORDS[i]!, PAIR_WORDS[j]!) < 2)
          tooClose.push(`${PAIR_WORDS[i]} ${PAIR_WORDS[j]}`);
      }
    }
    expect(tooClose).toEqual([]);
  });

  it.each(['puta', 'pito', 'teta', 'foda', 'rola', 'pedo', 'sida', 'mama', 'dupa', 'falo', 'pusi'])(
    'leaves out %s',
    (word) => {
      expect(PAIR_WORDS).not.toContain(word);
    },
  );

  it('states its entropy: three words of the list, about 22.8 bits', () => {
    expect(PAIR_CODE_BITS).toBeCloseTo(3 * Math.log2(193), 10);
    expect(PAIR_CODE_BITS).toBeGreaterThan(22.7);
  });
});

describe('createPairCode', () => {
  it('makes four list words joined by hyphens that pass the check', () => {
    for (let n = 0; n < 200; n++) {
      const code = createPairCode();
      expect(code).toMatch(/^[a-z]{4}(-[a-z]{4}){3}$/);
      expect(isPairCode(code)).toBe(true);
    }
  });

  it('draws from crypto.getRandomValues by default', () => {
    const codes = new Set(Array.from({ length: 50 }, () => createPairCode()));
    // 50 draws from 7 million codes: a repeat would mean the source is not random.
    expect(codes.size).toBe(50);
  });

  it('is uniform: values past the last whole multiple of the list size are drawn again', () => {
    const limit = 2 ** 32 - (2 ** 32 % SIZE);
    // The first value of each pair would bias the draw towards low indexes; it is skipped.
    const code = createPairCode(replay([limit, 5, limit + 1, 6, 2 ** 32 - 1, 7]));
    expect(code.split('-').slice(0, 3)).toEqual([PAIR_WORDS[5], PAIR_WORDS[6], PAIR_WORDS[7]]);
  });

  it('depends only on the random values', () => {
    fc.assert(
      // Three values under the rejection limit close every list: the replayed source cycles, and
      // a list of only rejected values (fast-check likes the maximum) would be drawn forever.
      fc.property(
        fc.array(fc.nat({ max: 2 ** 32 - 1 })).map((vs) => [...vs, 0, 1, 2]),
        (values) => {
          expect(createPairCode(replay(values))).toBe(createPairCode(replay(values)));
        },
      ),
    );
  });
});

describe('parsePairCode: typing is case-, accent- and space-insensitive', () => {
  it('accepts every valid code as stored', () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        expect(parsePairCode(code)).toEqual({ ok: true, code });
      }),
    );
  });

  it.each([
    ['BARA BAMI BADO TUSO', 'upper case, spaces'],
    ['  Bará   bami—BADO, túso. ', 'accents, dashes, commas, stray spaces'],
    ['barabamibadotuso', 'no spaces at all'],
    ['bar abami badot uso', 'spaces in the wrong places'],
    ['ｂａｒａ ｂａｍｉ ｂａｄｏ ｔｕｓｏ', 'full-width letters'],
    ['bara\nbami\tbado\u00a0tuso', 'line breaks, tabs and non-breaking spaces'],
  ])('reads %j (%s)', (typed) => {
    // 1·0 + 2·1 + 3·2 + 4·191 = 772 = 4 · 193
    expect(checkIndex([0, 1, 2])).toBe(PAIR_WORDS.indexOf('tuso'));
    expect(parsePairCode(typed)).toEqual({ ok: true, code: 'bara-bami-bado-tuso' });
  });

  it('normalises any mix of case, accents and separators to the stored code', () => {
    const accented: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ô', u: 'ü' };
    fc.assert(
      fc.property(
        codeArb,
        fc.array(fc.constantFrom(' ', '  ', '-', '.', ', ', '_', ''), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (code, separators, upper, accent) => {
          const letters = code.replaceAll('-', '').split('');
          const styled = letters.map((letter, i) => {
            const shaped = accent[i] ? (accented[letter] ?? letter) : letter;
            return upper[i] ? shaped.toUpperCase() : shaped;
          });
          const words = [0, 1, 2, 3].map((w) => styled.slice(w * 4, w * 4 + 4).join(''));
          const typed = ` ${words[0]}${separators[0]}${words[1]}${separators[1]}${words[2]}${separators[2]}${words[3]} `;
          expect(parsePairCode(typed)).toEqual({ ok: true, code });
        },
      ),
    );
  });
});

describe('parsePairCode catches mistakes with a problem it can name', () => {
  it.each(['', '   ', '-- ,.'])('%j is empty', (typed) => {
    expect(parsePairCode(typed)).toEqual({ ok: false, problem: { code: 'empty' } });
  });

  it.each([
    ['bara bami bado', 3],
    ['bara bami bado tuso bara', 5],
    ['bara', 1],
  ])('%j has the wrong number of words', (typed, words) => {
    expect(parsePairCode(typed)).toEqual({ ok: false, problem: { code: 'word-count', words } });
  });

  it('names the first word that is not on the list, by position', () => {
    expect(parsePairCode('bara bami bido tuso')).toEqual({
      ok: false,
      problem: { code: 'unknown-word', position: 3, word: 'bido' },
    });
    expect(parsePairCode('bara bamii bado tuso')).toEqual({
      ok: false,
      problem: { code: 'unknown-word', position: 2, word: 'bamii' },
    });
  });

  it('catches every single-word substitution (the check word included)', () => {
    fc.assert(
      fc.property(codeIndexesArb, fc.nat(3), wordArb, (indexes, position, replacement) => {
        fc.pre(indexes[position] !== replacement);
        const typed = indexes.map((index, i) => PAIR_WORDS[i === position ? replacement : index]!);
        expect(parsePairCode(typed.join(' '))).toEqual({ ok: false, problem: { code: 'check' } });
      }),
    );
  });

  it('catches every single-word substitution, exhaustively for one code', () => {
    const indexes = [17, 101, 150];
    indexes.push(checkIndex(indexes));
    for (let position = 0; position < 4; position++) {
      for (let replacement = 0; replacement < SIZE; replacement++) {
        if (replacement === indexes[position]) continue;
        const typed = indexes.map((index, i) => PAIR_WORDS[i === position ? replacement : index]!);
        expect(parsePairCode(typed.join(' ')).ok).toBe(false);
      }
    }
  });

  it('catches every swap of two different words, adjacent or not', () => {
    fc.assert(
      fc.property(codeIndexesArb, fc.nat(3), fc.nat(3), (indexes, i, j) => {
        fc.pre(i !== j && indexes[i] !== indexes[j]);
        const swapped = [...indexes];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        const typed = swapped.map((index) => PAIR_WORDS[index]!).join(' ');
        expect(parsePairCode(typed)).toEqual({ ok: false, problem: { code: 'check' } });
      }),
    );
  });

  it('turns any one-letter slip into a word that is not on the list, and names it', () => {
    fc.assert(
      fc.property(
        codeArb,
        fc.nat(15),
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
        (code, at, letter) => {
          const letters = code.replaceAll('-', '').split('');
          fc.pre(letters[at] !== letter);
          letters[at] = letter;
          expect(parsePairCode(letters.join(''))).toEqual({
            ok: false,
            problem: {
              code: 'unknown-word',
              position: Math.floor(at / 4) + 1,
              word: letters.slice(at - (at % 4), at - (at % 4) + 4).join(''),
            },
          });
        },
      ),
    );
  });
});

describe('the stored form', () => {
  it('isPairCode accepts only normalised, valid codes', () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        expect(isPairCode(code)).toBe(true);
        expect(isPairCode(code.toUpperCase())).toBe(false);
        expect(isPairCode(code.replaceAll('-', ' '))).toBe(false);
      }),
    );
    expect(isPairCode('amber-river-sol-mint')).toBe(false);
    expect(isPairCode('bara-bami-bado-bara')).toBe(false);
  });

  it('is read aloud with spaces', () => {
    expect(spokenPairCode('bara-bami-bado-tuso')).toBe('bara bami bado tuso');
  });

  it('is what the settings schema accepts', () => {
    const code = createPairCode();
    expect(checkSettings({ ...defaultSettings(), pairCode: code }).ok).toBe(true);
    const typo = checkSettings({ ...defaultSettings(), pairCode: code.replace(/^..../, 'bido') });
    expect(typo).toEqual({ ok: false, problems: [{ code: 'bad-pair-code', path: ['pairCode'] }] });
  });
});
