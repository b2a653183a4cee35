/**
 * A store listing for every language Closer ships (issue 20): `docs/store/<lang>/` holds the
 * name, the short description (Chrome Web Store: at most 132 characters) and the long one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeLanguages } from '../../scripts/locales';

const read = (lang: string, file: string) =>
  readFileSync(join(process.cwd(), 'docs/store', lang, file), 'utf8').trim();

describe.each(localeLanguages())('the store listing in %s', (lang) => {
  it('names Closer, untranslated', () => {
    expect(read(lang, 'name.txt')).toBe('Closer');
  });

  it('has a short description of at most 132 characters, with no exclamation mark', () => {
    const short = read(lang, 'short-description.txt');
    expect(short.length).toBeGreaterThan(40);
    expect([...short].length).toBeLessThanOrEqual(132);
    expect(short).not.toContain('!');
  });

  it('has a long description that keeps the privacy promise', () => {
    const long = read(lang, 'description.txt');
    expect(long.length).toBeGreaterThan(800);
    expect(long).not.toContain('!');
    expect(long).toContain('Closer');
  });

  it('is in its own language, not a copy of the English one', () => {
    if (lang === 'en') return;
    expect(read(lang, 'description.txt')).not.toBe(read('en', 'description.txt'));
    expect(read(lang, 'short-description.txt')).not.toBe(read('en', 'short-description.txt'));
  });
});
