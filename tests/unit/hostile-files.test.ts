/**
 * Files an unlucky user or an attacker could pick for "Import data" (SPEC §8, issue 14). Each
 * one is refused with the problem it has, and storage afterwards is byte for byte what it was:
 * every key and value of the store, written out as JSON bytes before and after (and compared
 * as values too, so a type change that JSON would hide still fails).
 */
import { createStore, entries } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '@/utils/data/import-file';
import { DB_NAME, eraseAll, importData, mutate, STORE_NAME } from '@/utils/data/storage';
import { importBlob } from '@/utils/data/transfer';
import { defaultSettings } from '@/utils/settings/settings';
import { specSettings } from './spec-settings';

const CLOCK = { now: Date.parse('2026-11-30T21:00:00.000Z'), zone: 'Europe/Berlin' };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON

/** A valid export with one evening, as a fresh object to break. */
function validFile(): Json {
  return {
    app: 'closer',
    schemaVersion: 2,
    exportedAt: '2026-11-30T20:00:00.000Z',
    settings: { ...specSettings(), limitMinutes: 30, weeklyGoal: 5, nudges: { enabled: false } },
    evenings: [
      {
        date: '2026-11-28',
        screenMinutes: 7,
        status: 'distraction-free',
        nudges: 1,
        checkIns: [{ kinds: ['emotional'], at: '2026-11-28T21:40:00.000Z', note: 'café' }],
        screenSeconds: 452,
      },
    ],
  };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => utf8(JSON.stringify(value));
const edited = (patch: (file: Json) => void) => () => {
  const file = validFile();
  patch(file);
  return json(file);
};
const evening = (patch: (evening: Json) => void) => edited((file) => patch(file.evenings[0]));
/** The valid file's text with `from` replaced by `to` (for what JSON.stringify cannot write). */
const replaced = (from: string, to: string) => () => {
  const text = JSON.stringify(validFile());
  expect(text).toContain(from);
  return utf8(text.replace(from, to));
};
/** The valid file's text, each character one byte: what a Latin-1 editor saves. */
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i += 1) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
}
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

type Case = [name: string, file: () => Uint8Array, codes: string[]];

/** Each hostile file and the codes of the problems it is refused with, in order. */
const HOSTILE: Case[] = [
  // Not a Closer file at all.
  ['an empty file', () => new Uint8Array(0), ['not-json']],
  ['only whitespace', () => utf8(' \n\t\r\n '), ['not-json']],
  ['null', () => utf8('null'), ['not-object']],
  ['a number', () => utf8('42'), ['not-object']],
  ['a string', () => utf8('"closer"'), ['not-object']],
  ['an empty array', () => utf8('[]'), ['not-object']],
  ['the file inside an array', () => json([validFile()]), ['not-object']],
  ['an empty object', () => utf8('{}'), ['wrong-app', 'missing']],
  ['trailing garbage', () => utf8(`${JSON.stringify(validFile())} and more`), ['not-json']],
  ['two JSON documents', () => utf8(JSON.stringify(validFile()).repeat(2)), ['not-json']],
  [
    'two documents on two lines',
    () => utf8(`${JSON.stringify(validFile())}\n${JSON.stringify(validFile())}\n`),
    ['not-json'],
  ],
  ['a byte-order mark, then garbage', () => utf8('\uFEFFnot json'), ['not-json']],
  ['two byte-order marks', () => utf8(`\uFEFF\uFEFF${JSON.stringify(validFile())}`), ['not-json']],
  // Numbers JSON cannot hold, or holds only approximately.
  ['NaN', replaced('"screenMinutes":7', '"screenMinutes":NaN'), ['not-json']],
  ['Infinity', replaced('"screenMinutes":7', '"screenMinutes":Infinity'), ['not-json']],
  [
    '1e309 minutes (Infinity once parsed)',
    replaced('"screenMinutes":7', '"screenMinutes":1e309'),
    ['bad-minutes'],
  ],
  [
    '2^53 + 1 seconds (not a safe integer)',
    replaced('"screenSeconds":452', '"screenSeconds":9007199254740993'),
    ['bad-count'],
  ],
  ['minutes as a string', evening((e) => (e.screenMinutes = '7')), ['bad-minutes']],
  ['a limit as a string', edited((f) => (f.settings.limitMinutes = '30')), ['limit-range']],
  ['schemaVersion as a string', edited((f) => (f.schemaVersion = '2')), ['bad-version']],
  ['schemaVersion from the future', edited((f) => (f.schemaVersion = 99)), ['newer-version']],
  // Deep nesting: parsed without recursion, refused where it stands.
  ['100,000 nested arrays', () => utf8(nested(100_000)), ['not-object']],
  [
    'settings nested 100,000 deep',
    replaced('"settings":{', `"settings":${nested(100_000)},"x":{`),
    ['wrong-type'],
  ],
  [
    'a note nested 100,000 deep',
    replaced('"note":"café"', `"note":${nested(100_000)}`),
    ['wrong-type'],
  ],
  // Keys that mean something to JavaScript objects.
  [
    '__proto__ carrying app and version',
    () =>
      utf8(
        JSON.stringify({ ...validFile(), app: undefined, schemaVersion: undefined }).replace(
          '{',
          '{"__proto__":{"app":"closer","schemaVersion":2,"polluted":true},',
        ),
      ),
    ['wrong-app', 'missing'],
  ],
  [
    '__proto__ carrying a setting',
    edited((f) => {
      delete f.settings.limitMinutes;
      Object.defineProperty(f.settings, '__proto__', {
        value: { limitMinutes: 30, polluted: true },
        enumerable: true,
      });
    }),
    ['missing'],
  ],
  [
    'constructor and prototype keys in an evening',
    evening((e) => {
      delete e.date;
      Object.assign(e, { constructor: { prototype: { polluted: true } } });
    }),
    ['missing'],
  ],
  // Encodings other than UTF-8 and UTF-16 with a byte-order mark.
  ['Latin-1 ("café" as one byte)', () => latin1(JSON.stringify(validFile())), ['bad-encoding']],
  [
    'mixed encodings (UTF-8 with one Latin-1 byte)',
    () => {
      const good = json(validFile());
      return new Uint8Array([...good.subarray(0, -2), 0xe9, ...good.subarray(-2)]);
    },
    ['bad-encoding'],
  ],
  [
    'Windows-1252 curly quotes',
    () => latin1(JSON.stringify(validFile()).replace('café', '\u0093tea\u0094')),
    ['bad-encoding'],
  ],
  [
    'UTF-16 LE without a byte-order mark',
    () => utf16(JSON.stringify(validFile()), true),
    ['bad-encoding'],
  ],
  [
    'UTF-16 BE without a byte-order mark',
    () => utf16(JSON.stringify(validFile()), false),
    ['bad-encoding'],
  ],
  [
    'UTF-32 with a byte-order mark',
    () => new Uint8Array([0, 0, 0xfe, 0xff, ...utf16(JSON.stringify(validFile()), false)]),
    ['bad-encoding'],
  ],
  [
    'an overlong UTF-8 sequence',
    () => new Uint8Array([...utf8('{"app":"closer"'), 0xc0, 0xaf, ...utf8('}')]),
    ['bad-encoding'],
  ],
  [
    'an encoded lone surrogate',
    () => new Uint8Array([...utf8('{"app":"'), 0xed, 0xa0, 0x80, ...utf8('"}')]),
    ['bad-encoding'],
  ],
  [
    'a replacement character (damaged before)',
    replaced('café', 'caf\uFFFD'),
    ['replacement-character'],
  ],
  // Implausible values.
  ['10^15 minutes of screen time', evening((e) => (e.screenMinutes = 1e15)), ['too-many-minutes']],
  [
    'seconds that do not match the minutes',
    evening((e) => (e.screenSeconds = 45_000)),
    ['seconds-mismatch'],
  ],
  ['an evening in year 0000', evening((e) => (e.date = '0000-01-01')), ['date-out-of-range']],
  ['an evening in year 9999', evening((e) => (e.date = '9999-12-31')), ['date-out-of-range']],
  ['an evening before 2000', evening((e) => (e.date = '1999-12-31')), ['date-out-of-range']],
  [
    'an evening the day after tomorrow',
    evening((e) => (e.date = '2026-12-02')),
    ['date-out-of-range'],
  ],
  ['30 February', evening((e) => (e.date = '2026-02-30')), ['bad-date']],
  [
    'the same date twice',
    edited((f) =>
      f.evenings.push({ ...f.evenings[0], status: 'over', screenMinutes: 40, screenSeconds: 2400 }),
    ),
    ['duplicate-date'],
  ],
  // Size.
  ['one byte over the limit', () => new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20), ['too-large']],
  [
    '20 MB in one note',
    evening((e) => (e.checkIns[0].note = 'x'.repeat(20_000_000))),
    ['too-long'],
  ],
];

/** Files that are odd but fine: imported whole, and exactly as they are. */
const ODD_BUT_FINE: [name: string, patch: (evening: Json) => void][] = [
  [
    'two reasons at the same instant',
    (e) =>
      (e.reasons = [0, 1].map(() => ({
        at: '2026-11-28T20:05:00.000Z',
        source: 'need-it',
        text: 'bus',
      }))),
  ],
  [
    'a 200-character reason without a space',
    (e) =>
      (e.reasons = [
        { at: '2026-11-28T20:05:00.000Z', source: 'snooze', text: `https://${'x'.repeat(192)}` },
      ]),
  ],
  [
    'a U+FFFD the user typed, as Closer writes it (escaped)',
    (e) => (e.checkIns[0].note = 'a \uFFFD b'),
  ],
  ['an evening dated tomorrow where the user is', (e) => (e.date = '2026-12-01')],
];

const store = createStore(DB_NAME, STORE_NAME);

/** Every key and value of the store, and the same as bytes. */
async function dump() {
  const all = await entries(store);
  return { all, bytes: Buffer.from(JSON.stringify(all)) };
}

beforeEach(async () => {
  await eraseAll();
  await importData({ ...defaultSettings(), weeklyGoal: 6, partnerName: 'Sam' }, [
    {
      date: '2026-11-27',
      screenMinutes: 3,
      status: 'distraction-free',
      nudges: 0,
      checkIns: [{ kinds: ['physical'], at: '2026-11-27T21:00:00.000Z', note: 'walk' }],
    },
  ]);
  await mutate([], (tx) => {
    tx.put('schemaVersion', 2);
    tx.put('meta', { installedOn: '2026-01-01', settledThrough: '2026-11-29' });
    tx.put('tracking', {
      lastObservedAt: CLOCK.now,
      lastActive: true,
      eveningDate: '2026-11-30',
      zone: 'Europe/Berlin',
    });
    tx.put('nudge-state', { snooze: null, headsUpSentFor: '2026-11-30' });
  });
});

describe('hostile files', { timeout: 60_000 }, () => {
  it('are at least thirty', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(HOSTILE)('%s: refused, storage untouched', async (_name, file, codes) => {
    const before = await dump();
    const outcome = await importBlob(new Blob([file() as Uint8Array<ArrayBuffer>]), CLOCK);
    expect(outcome.ok ? [] : outcome.problems.map((problem) => problem.code)).toEqual(codes);
    const after = await dump();
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after.all).toStrictEqual(before.all);
    // No key of the file reached an object's prototype.
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('app');
  });
});

describe('odd but fine files', () => {
  it.each(ODD_BUT_FINE)('%s: imported as it is', async (_name, patch) => {
    const file = validFile();
    patch(file.evenings[0]);
    // Escaped as Closer's export writes it: a literal U+FFFD is what damage leaves.
    const text = JSON.stringify(file).replaceAll('\uFFFD', '\\ufffd');
    const outcome = await importBlob(new Blob([text]), CLOCK);
    expect(outcome).toEqual({ ok: true, evenings: 1 });
    const stored = (await entries(store)).find(
      ([key]) => key === `evening:${file.evenings[0].date}`,
    );
    expect(stored?.[1]).toEqual(file.evenings[0]);
  });
});
