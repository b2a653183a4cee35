import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { EVENING_STATUSES, type EveningRecord } from '@/utils/evening/record';
import {
  buildExport,
  EXPORT_SCHEMA_VERSION,
  serialiseExport,
  sortByDate,
} from '@/utils/data/export-file';
import {
  checkImport,
  decode,
  IMPORT_MIGRATIONS,
  MAX_IMPORT_BYTES,
  MAX_REPORTED_PROBLEMS,
  migrateImport,
  migrateV1toV2,
  MIN_IMPORT_SCHEMA_VERSION,
  type ImportMigration,
  type RawExport,
} from '@/utils/data/import-file';
import { eraseAll, importData, readAllEvenings } from '@/utils/data/storage';
import { defaultSettings } from '@/utils/settings/settings';
import { isInstant, isPlainDate } from '@/utils/time/schedule';
import { ARBITRARY_CLOCK, eveningsArb, settingsArb } from './export-arbitraries';

/** The SPEC §8 example, verbatim: its schedule is abbreviated to one entry. */
const SPEC_EXAMPLE = `{
  "app": "closer",
  "schemaVersion": 1,
  "exportedAt": "2026-11-24T21:04:05.000Z",
  "settings": {
    "schedule": [{ "weekday": 0, "enabled": true, "start": "20:00", "end": "23:00" }],
    "limitMinutes": 15,
    "weeklyGoal": 3,
    "weekStartsOn": 1,
    "nudges": { "enabled": true }
  },
  "evenings": [
    {
      "date": "2026-11-23",
      "screenMinutes": 7,
      "status": "distraction-free",
      "nudges": 1,
      "checkIns": [{ "kinds": ["emotional"], "at": "2026-11-23T21:40:00.000Z", "note": "" }]
    }
  ]
}`;

/** When these tests import: a week after the example's evening, in UTC. */
const CLOCK = { now: Date.parse('2026-11-30T12:00:00.000Z'), zone: 'UTC' };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON

/** The SPEC §8 example with all seven weekdays, as a fresh object to break. */
const validFile = (): Json => {
  const file = JSON.parse(SPEC_EXAMPLE) as Json;
  file.settings.schedule = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
    weekday,
    enabled: true,
    start: '20:00',
    end: '23:00',
  }));
  return file;
};

const bytes = (text: string) => new TextEncoder().encode(text);
const check = (text: string, clock = CLOCK) => checkImport(bytes(text), clock);
const parse = (file: unknown) => check(JSON.stringify(file));

const withFile = (patch: (file: Json) => void) => () => {
  const file = validFile();
  patch(file);
  return file;
};
const withEvening = (patch: (evening: Json, file: Json) => void) =>
  withFile((file) => patch(file.evenings[0], file));
const withCheckIn = (patch: (checkIn: Json) => void) =>
  withEvening((evening) => patch(evening.checkIns[0]));

/** The settings the SPEC example comes to, once optional fields take their defaults. */
const specSettings = () => ({ ...defaultSettings(), weekStartsOn: 1 as const });

describe('checkImport accepts', () => {
  it('the example in docs/data-format.md, keeping every field it shows', () => {
    const doc = readFileSync(new URL('../../docs/data-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const result = check(example);
    expect(result.ok && result.file).toEqual(JSON.parse(example));
  });

  it('the SPEC §8 example with seven weekdays, as a version-2 file', () => {
    const result = parse(validFile());
    expect(result).toEqual({
      ok: true,
      file: {
        app: 'closer',
        schemaVersion: 2,
        exportedAt: '2026-11-24T21:04:05.000Z',
        settings: specSettings(),
        evenings: [validFile().evenings[0]],
      },
    });
  });

  it('no evenings', () => {
    const result = parse(withFile((f) => (f.evenings = []))());
    expect(result.ok && result.file.evenings).toEqual([]);
  });

  it('extra unknown top-level fields, ignoring them', () => {
    const result = parse(withFile((f) => Object.assign(f, { device: 'laptop', comment: 1 }))());
    expect(result.ok && Object.keys(result.file)).toEqual([
      'app',
      'schemaVersion',
      'exportedAt',
      'settings',
      'evenings',
    ]);
  });

  it('a file without exportedAt (it is optional)', () => {
    const result = parse(withFile((f) => delete f.exportedAt)());
    expect(result.ok && Object.keys(result.file)).not.toContain('exportedAt');
  });

  it('29 February of a leap year', () => {
    expect(parse(withEvening((e) => (e.date = '2024-02-29'))()).ok).toBe(true);
    expect(parse(withEvening((e) => (e.date = '2000-02-29'))()).ok).toBe(true);
  });

  it('windows crossing midnight and exactly 12 hours long', () => {
    const file = withFile((f) => {
      Object.assign(f.settings.schedule[5], { start: '21:30', end: '01:00' });
      Object.assign(f.settings.schedule[6], { start: '19:00', end: '07:00' });
    })();
    const result = parse(file);
    expect(result.ok && result.file.settings.schedule.slice(5)).toEqual([
      { weekday: 5, enabled: true, start: '21:30', end: '01:00' },
      { weekday: 6, enabled: true, start: '19:00', end: '07:00' },
    ]);
  });

  it.each(EVENING_STATUSES)('status %s', (status) => {
    expect(parse(withEvening((e) => (e.status = status))()).ok).toBe(true);
  });

  it('instants with offsets and without fractions', () => {
    for (const at of ['2026-11-24T10:40:00+13:00', '2026-11-23T21:40Z', '2026-11-23T21:40:00.5Z']) {
      expect(parse(withCheckIn((c) => (c.at = at))()).ok).toBe(true);
    }
  });

  it('a byte-order mark before the JSON', () => {
    const text = `\uFEFF${SPEC_EXAMPLE.replace(
      /"schedule": \[.*\]/,
      `"schedule": ${JSON.stringify(validFile().settings.schedule)}`,
    )}`;
    expect(bytes(text).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(check(text).ok).toBe(true);
  });

  it('dates from 2000-01-01 to tomorrow', () => {
    for (const date of ['2000-01-01', '2026-11-30', '2026-12-01']) {
      expect(parse(withEvening((e) => (e.date = date))()).ok, date).toBe(true);
    }
  });

  it.each([
    ['UTC', '2026-12-01', '2026-12-02'],
    ['Pacific/Auckland', '2026-12-02', '2026-12-03'],
    ['America/Los_Angeles', '2026-12-01', '2026-12-02'],
  ])('tomorrow where the user is (%s): %s, not %s', (zone, tomorrow, after) => {
    const clock = { now: Date.parse('2026-11-30T23:30:00.000Z'), zone };
    const dated = (date: string) => JSON.stringify(withEvening((e) => (e.date = date))());
    expect(check(dated(tomorrow), clock).ok).toBe(true);
    expect(check(dated(after), clock)).toMatchObject({
      problems: [{ code: 'date-out-of-range', path: ['evenings', 0, 'date'] }],
    });
  });

  it('12 hours of screen time, with its seconds', () => {
    const file = withEvening((e) =>
      Object.assign(e, { screenMinutes: 720, screenSeconds: 43_259 }),
    );
    expect(parse(file()).ok).toBe(true);
  });

  it('a 2,000-character note', () => {
    expect(parse(withCheckIn((c) => (c.note = 'a'.repeat(2000)))()).ok).toBe(true);
  });

  it('the optional evening fields EveningRecord defines, keeping them', () => {
    const extras = {
      screenSeconds: 430,
      zone: 'Europe/Berlin',
      limitMinutes: 15,
      markedScreenFree: true,
      reasons: [{ at: '2026-11-23T20:05:00.000Z', source: 'need-it', text: 'bus times' }],
      promptOffset: 1,
      nudgeKindsSent: ['evening-start'],
      lastNudgeAt: '2026-11-23T20:00:00.000Z',
      putDownAt: '2026-11-23T20:20:00.000Z',
      putDownScreenSeconds: 400,
    };
    const result = parse(withEvening((e) => Object.assign(e, extras))());
    expect(result.ok && result.file.evenings[0]).toEqual({ ...validFile().evenings[0], ...extras });
  });

  it('evening fields EveningRecord does not define, dropping them', () => {
    const result = parse(
      withEvening((e) => {
        e.mood = 'great';
        e.checkIns[0].mood = 'good';
      })(),
    );
    expect(result.ok && result.file.evenings[0]).toEqual(validFile().evenings[0]);
  });

  it('evenings in any order, returning them by date', () => {
    const result = parse(
      withFile((f) => {
        f.evenings.push(
          { ...f.evenings[0], date: '2026-11-01' },
          { ...f.evenings[0], date: '2026-11-29' },
        );
      })(),
    );
    expect(result.ok && result.file.evenings.map((e) => e.date)).toEqual([
      '2026-11-01',
      '2026-11-23',
      '2026-11-29',
    ]);
  });
});

type Case = [name: string, input: () => unknown, path: (string | number)[], code: string];

describe('checkImport refuses', () => {
  it.each<Case>([
    ['text that is not JSON', () => '{"app": "closer",', [], 'not-json'],
    ['an empty file', () => '', [], 'not-json'],
    ['an array at the top level', () => [validFile()], [], 'not-object'],
    ['null at the top level', () => null, [], 'not-object'],
    ['a wrong app', withFile((f) => (f.app = 'dimmer')), ['app'], 'wrong-app'],
    ['a missing app', withFile((f) => delete f.app), ['app'], 'wrong-app'],
    [
      'a newer schemaVersion',
      withFile((f) => (f.schemaVersion = 3)),
      ['schemaVersion'],
      'newer-version',
    ],
    [
      'a string schemaVersion',
      withFile((f) => (f.schemaVersion = '1')),
      ['schemaVersion'],
      'bad-version',
    ],
    ['schemaVersion 0', withFile((f) => (f.schemaVersion = 0)), ['schemaVersion'], 'bad-version'],
    [
      'schemaVersion 1.5',
      withFile((f) => (f.schemaVersion = 1.5)),
      ['schemaVersion'],
      'bad-version',
    ],
    [
      'a missing schemaVersion',
      withFile((f) => delete f.schemaVersion),
      ['schemaVersion'],
      'missing',
    ],
    [
      'a bad exportedAt',
      withFile((f) => (f.exportedAt = 'last night')),
      ['exportedAt'],
      'bad-instant',
    ],
    ['missing settings', withFile((f) => delete f.settings), ['settings'], 'missing'],
    [
      'settings that are not an object',
      withFile((f) => (f.settings = 'default')),
      ['settings'],
      'wrong-type',
    ],
    ['missing evenings', withFile((f) => delete f.evenings), ['evenings'], 'missing'],
    [
      'evenings that are not an array',
      withFile((f) => (f.evenings = { '2026-11-23': f.evenings[0] })),
      ['evenings'],
      'wrong-type',
    ],
    [
      'an evening that is not an object',
      withFile((f) => f.evenings.push('2026-11-24')),
      ['evenings', 1],
      'wrong-type',
    ],
    [
      'date 2026-02-30',
      withEvening((e) => (e.date = '2026-02-30')),
      ['evenings', 0, 'date'],
      'bad-date',
    ],
    [
      'date 2026-13-01',
      withEvening((e) => (e.date = '2026-13-01')),
      ['evenings', 0, 'date'],
      'bad-date',
    ],
    [
      'date 2026-1-05',
      withEvening((e) => (e.date = '2026-1-05')),
      ['evenings', 0, 'date'],
      'bad-date',
    ],
    [
      'date 2026-02-29 (not a leap year)',
      withEvening((e) => (e.date = '2026-02-29')),
      ['evenings', 0, 'date'],
      'bad-date',
    ],
    [
      'date 2100-02-29 (a century, not a leap year)',
      withEvening((e) => (e.date = '2100-02-29')),
      ['evenings', 0, 'date'],
      'bad-date',
    ],
    [
      'date 2026-04-31',
      withEvening((e) => (e.date = '2026-04-31')),
      ['evenings', 0, 'date'],
      'bad-date',
    ],
    [
      'a date with a time',
      withEvening((e) => (e.date = '2026-11-23T20:00')),
      ['evenings', 0, 'date'],
      'bad-date',
    ],
    ['a missing date', withEvening((e) => delete e.date), ['evenings', 0, 'date'], 'missing'],
    [
      'negative minutes',
      withEvening((e) => (e.screenMinutes = -3)),
      ['evenings', 0, 'screenMinutes'],
      'bad-minutes',
    ],
    [
      '7.5 minutes',
      withEvening((e) => (e.screenMinutes = 7.5)),
      ['evenings', 0, 'screenMinutes'],
      'bad-minutes',
    ],
    [
      'string minutes',
      withEvening((e) => (e.screenMinutes = '7')),
      ['evenings', 0, 'screenMinutes'],
      'bad-minutes',
    ],
    [
      'an unknown status',
      withEvening((e) => (e.status = 'great')),
      ['evenings', 0, 'status'],
      'bad-status',
    ],
    [
      'a negative nudge count',
      withEvening((e) => (e.nudges = -1)),
      ['evenings', 0, 'nudges'],
      'bad-count',
    ],
    [
      'over 12 hours of screen time',
      withEvening((e) => (e.screenMinutes = 721)),
      ['evenings', 0, 'screenMinutes'],
      'too-many-minutes',
    ],
    [
      '10^15 minutes of screen time',
      withEvening((e) => (e.screenMinutes = 1e15)),
      ['evenings', 0, 'screenMinutes'],
      'too-many-minutes',
    ],
    [
      'seconds that do not match the minutes',
      withEvening((e) => (e.screenSeconds = 60)),
      ['evenings', 0, 'screenSeconds'],
      'seconds-mismatch',
    ],
    [
      'a date before 2000',
      withEvening((e) => (e.date = '1999-12-31')),
      ['evenings', 0, 'date'],
      'date-out-of-range',
    ],
    [
      'a date in year 0000',
      withEvening((e) => (e.date = '0000-01-01')),
      ['evenings', 0, 'date'],
      'date-out-of-range',
    ],
    [
      'a date in year 9999',
      withEvening((e) => (e.date = '9999-12-31')),
      ['evenings', 0, 'date'],
      'date-out-of-range',
    ],
    [
      'a date after tomorrow',
      withEvening((e) => (e.date = '2026-12-02')),
      ['evenings', 0, 'date'],
      'date-out-of-range',
    ],
    [
      'duplicate dates',
      withFile((f) => f.evenings.push({ ...f.evenings[0], screenMinutes: 90, status: 'over' })),
      ['evenings', 1],
      'duplicate-date',
    ],
    [
      'checkIns that are not an array',
      withEvening((e) => (e.checkIns = null)),
      ['evenings', 0, 'checkIns'],
      'wrong-type',
    ],
    [
      'a bad check-in kind',
      withCheckIn((c) => (c.kinds = ['emotional', 'sexual'])),
      ['evenings', 0, 'checkIns', 0, 'kinds', 1],
      'unknown-kind',
    ],
    [
      'empty check-in kinds',
      withCheckIn((c) => (c.kinds = [])),
      ['evenings', 0, 'checkIns', 0, 'kinds'],
      'empty-kinds',
    ],
    [
      'a repeated check-in kind',
      withCheckIn((c) => (c.kinds = ['physical', 'emotional', 'physical'])),
      ['evenings', 0, 'checkIns', 0, 'kinds', 2],
      'duplicate-kind',
    ],
    [
      'a bad check-in at',
      withCheckIn((c) => (c.at = 'yesterday')),
      ['evenings', 0, 'checkIns', 0, 'at'],
      'bad-instant',
    ],
    [
      'a check-in at without an offset',
      withCheckIn((c) => (c.at = '2026-11-23T21:40:00.000')),
      ['evenings', 0, 'checkIns', 0, 'at'],
      'bad-instant',
    ],
    [
      'a check-in at on 30 February',
      withCheckIn((c) => (c.at = '2026-02-30T21:40:00.000Z')),
      ['evenings', 0, 'checkIns', 0, 'at'],
      'bad-instant',
    ],
    [
      'a missing note',
      withCheckIn((c) => delete c.note),
      ['evenings', 0, 'checkIns', 0, 'note'],
      'missing',
    ],
    [
      'a note over 2,000 characters',
      withCheckIn((c) => (c.note = 'a'.repeat(2001))),
      ['evenings', 0, 'checkIns', 0, 'note'],
      'too-long',
    ],
    [
      'an unknown check-in source',
      withCheckIn((c) => (c.source = 'email')),
      ['evenings', 0, 'checkIns', 0, 'source'],
      'bad-source',
    ],
    [
      'negative screenSeconds',
      withEvening((e) => (e.screenSeconds = -60)),
      ['evenings', 0, 'screenSeconds'],
      'bad-count',
    ],
    [
      'markedScreenFree "yes"',
      withEvening((e) => (e.markedScreenFree = 'yes')),
      ['evenings', 0, 'markedScreenFree'],
      'wrong-type',
    ],
    [
      'an evening limit of 121',
      withEvening((e) => (e.limitMinutes = 121)),
      ['evenings', 0, 'limitMinutes'],
      'limit-range',
    ],
    [
      'reasons that are not an array',
      withEvening((e) => (e.reasons = 'bored')),
      ['evenings', 0, 'reasons'],
      'wrong-type',
    ],
    [
      'a reason with an unknown source',
      withEvening(
        (e) => (e.reasons = [{ at: '2026-11-23T20:05:00.000Z', source: 'popup', text: '' }]),
      ),
      ['evenings', 0, 'reasons', 0, 'source'],
      'bad-source',
    ],
    [
      'an unknown nudge kind sent',
      withEvening((e) => (e.nudgeKindsSent = ['midnight'])),
      ['evenings', 0, 'nudgeKindsSent', 0],
      'unknown-nudge-kind',
    ],
    ['an empty zone', withEvening((e) => (e.zone = '')), ['evenings', 0, 'zone'], 'bad-zone'],
    [
      'six schedule entries',
      withFile((f) => f.settings.schedule.pop()),
      ['settings', 'schedule'],
      'schedule-length',
    ],
    [
      'a duplicate weekday',
      withFile((f) => (f.settings.schedule[3].weekday = 2)),
      ['settings', 'schedule', 3],
      'duplicate-weekday',
    ],
    [
      'start == end',
      withFile((f) => Object.assign(f.settings.schedule[3], { start: '22:00', end: '22:00' })),
      ['settings', 'schedule', 3],
      'same-start-end',
    ],
    [
      'a 13-hour window',
      withFile((f) => Object.assign(f.settings.schedule[3], { start: '19:00', end: '08:00' })),
      ['settings', 'schedule', 3],
      'window-too-long',
    ],
    [
      'a 25:00 end',
      withFile((f) => (f.settings.schedule[3].end = '25:00')),
      ['settings', 'schedule', 3, 'end'],
      'bad-time',
    ],
    [
      'goal 0',
      withFile((f) => (f.settings.weeklyGoal = 0)),
      ['settings', 'weeklyGoal'],
      'goal-range',
    ],
    [
      'goal 8',
      withFile((f) => (f.settings.weeklyGoal = 8)),
      ['settings', 'weeklyGoal'],
      'goal-range',
    ],
    [
      'limit 121',
      withFile((f) => (f.settings.limitMinutes = 121)),
      ['settings', 'limitMinutes'],
      'limit-range',
    ],
    [
      'weekStartsOn 7',
      withFile((f) => (f.settings.weekStartsOn = 7)),
      ['settings', 'weekStartsOn'],
      'week-start-range',
    ],
  ])('%s', (_name, input, path, code) => {
    const value = input();
    expect(check(typeof value === 'string' ? value : JSON.stringify(value))).toEqual({
      ok: false,
      problems: [{ code, path }],
      omitted: 0,
      context: expect.any(Object),
    });
  });

  it('the SPEC §8 example as printed, because its schedule has one entry, not seven', () => {
    expect(check(SPEC_EXAMPLE)).toEqual({
      ok: false,
      problems: [{ code: 'schedule-length', path: ['settings', 'schedule'] }],
      omitted: 0,
      context: { eveningDates: {}, scheduleWeekdays: {} },
    });
  });

  describe('over the size limit', () => {
    const tooLarge = { ok: false, problems: [{ code: 'too-large', path: [] }], omitted: 0 };

    it('before decoding or parsing', () => {
      const jsonParse = vi.spyOn(JSON, 'parse');
      const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20);
      expect(checkImport(big, CLOCK)).toEqual({
        ...tooLarge,
        context: { eveningDates: {}, scheduleWeekdays: {} },
      });
      expect(jsonParse).not.toHaveBeenCalled();
    });

    it('one byte over, whatever the bytes are', () => {
      const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0xff);
      expect(checkImport(big, CLOCK)).toMatchObject(tooLarge);
    });

    it('by bytes, not characters', () => {
      const text = JSON.stringify({ ...validFile(), padding: 'é'.repeat(MAX_IMPORT_BYTES / 2) });
      expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
      expect(check(text)).toMatchObject(tooLarge);
    });

    it('but exactly the limit is allowed', () => {
      const file = JSON.stringify(validFile()).slice(0, -1);
      const tail = ',"padding":""}';
      const text = `${file}${tail.replace('""', `"${'x'.repeat(MAX_IMPORT_BYTES - file.length - tail.length)}"`)}`;
      expect(bytes(text).length).toBe(MAX_IMPORT_BYTES);
      expect(check(text).ok).toBe(true);
    });
  });

  it('stops after a wrong app or version, since the rest cannot be read', () => {
    const result = parse(
      withFile((f) => {
        f.app = 'other';
        f.schemaVersion = 9;
        f.evenings = 'none';
      })(),
    );
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
      'wrong-app',
      'newer-version',
    ]);
  });

  it('reports settings and evening problems together, in file order', () => {
    const result = parse(
      withFile((f) => {
        f.settings.weeklyGoal = 9;
        f.evenings[0].date = '2026-02-30';
        f.evenings[0].screenMinutes = -1;
      })(),
    );
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      ['settings', 'weeklyGoal'],
      ['evenings', 0, 'date'],
      ['evenings', 0, 'screenMinutes'],
    ]);
  });

  it('gives the dates and weekdays its problems point into, for the interface to name them', () => {
    const result = parse(
      withFile((f) => {
        f.settings.schedule[2].end = '25:00';
        f.settings.schedule[4].weekday = 'Thursday';
        f.evenings[0].date = '2026-02-30';
        f.evenings.push({ ...f.evenings[0], date: 'yesterday', screenMinutes: -1 });
        f.evenings.push({ ...f.evenings[0], date: '2026-10-01', nudges: 1.5 });
      })(),
    );
    // The dates as the file writes them, readable or not: the page decides how to say them.
    expect(result.ok ? null : result.context).toEqual({
      eveningDates: { 0: '2026-02-30', 1: 'yesterday', 2: '2026-10-01' },
      scheduleWeekdays: { 2: 2 },
    });
  });

  it('names a repeated date at the repeat, whatever lies between', () => {
    const result = parse(
      withFile((f) => {
        for (let day = 10; day < 22; day += 1)
          f.evenings.push({ ...f.evenings[0], date: `2026-10-${day}` });
        f.evenings.push({ ...f.evenings[0], date: '2026-10-15' });
      })(),
    );
    expect(result.ok ? null : result).toMatchObject({
      problems: [{ code: 'duplicate-date', path: ['evenings', 13] }],
      context: { eveningDates: { 13: '2026-10-15' } },
    });
  });

  it('lists the first 10 problems of a huge broken file and counts the rest', () => {
    const file = validFile();
    file.evenings = Array.from({ length: 5000 }, (_, i) => ({
      ...file.evenings[0],
      date: `2026-02-${30 + (i % 2)}`,
    }));
    const result = parse(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(result.problems[0]).toEqual({ code: 'bad-date', path: ['evenings', 0, 'date'] });
    expect(result.problems[9]!.path).toEqual(['evenings', 9, 'date']);
    expect(result.omitted).toBe(4990);
  });
});

describe('round trip', () => {
  it('export → import → export gives the same file but for exportedAt (property)', () => {
    fc.assert(
      fc.property(
        settingsArb,
        eveningsArb,
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (settings, evenings, now) => {
          const first = serialiseExport(buildExport(settings, evenings, now));
          const result = checkImport(bytes(first), ARBITRARY_CLOCK);
          if (!result.ok) throw new Error(JSON.stringify(result.problems));
          expect(result.file.exportedAt).toBe(new Date(now).toISOString());
          // Nothing is lost on the way, not just the same loss twice.
          expect(result.file.settings).toEqual(settings);
          expect(result.file.evenings).toEqual(sortByDate(evenings));
          const later = now + 86_400_000;
          const { settings: again, evenings: back } = result.file;
          const second = serialiseExport(buildExport(again, back, later));
          expect(second).toBe(
            first.replace(new Date(now).toISOString(), new Date(later).toISOString()),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the seven-day SPEC example survives import → export byte for byte, in canonical form', () => {
    const result = parse(validFile());
    if (!result.ok) throw new Error('expected a valid file');
    const { settings, evenings, exportedAt } = result.file;
    const text = serialiseExport(buildExport(settings, evenings, Date.parse(exportedAt!)));
    const again = check(text);
    expect(
      again.ok &&
        serialiseExport(
          buildExport(again.file.settings, again.file.evenings, Date.parse(again.file.exportedAt!)),
        ),
    ).toBe(text);
  });
});

describe('migrateImport', () => {
  it('leaves a current-version file as it is', () => {
    const file = { ...validFile(), schemaVersion: EXPORT_SCHEMA_VERSION };
    expect(migrateImport(file, EXPORT_SCHEMA_VERSION)).toEqual(file);
  });

  it('has a contiguous, named migration for every version from the oldest importable', () => {
    const froms = IMPORT_MIGRATIONS.map((m) => m.from);
    expect(froms).toEqual(
      Array.from(
        { length: EXPORT_SCHEMA_VERSION - MIN_IMPORT_SCHEMA_VERSION },
        (_, i) => MIN_IMPORT_SCHEMA_VERSION + i,
      ),
    );
    for (const m of IMPORT_MIGRATIONS) expect(m.name).toBe(`migrateV${m.from}toV${m.from + 1}`);
  });

  const table: ImportMigration[] = [
    {
      from: 1,
      name: 'migrateV1toV2',
      migrate: (file) => ({ ...file, evenings: [], renamed: (file as Json).settings }),
    },
    {
      from: 2,
      name: 'migrateV2toV3',
      migrate: ({ renamed, ...rest }) => ({ ...rest, settings: renamed }),
    },
  ];

  it('runs each step in turn and stamps the new version', () => {
    const file: RawExport = validFile();
    const out = migrateImport(file, 1, table, 3);
    expect(out.schemaVersion).toBe(3);
    expect(out.evenings).toEqual([]);
    expect(out.settings).toEqual(validFile().settings);
    expect(out).not.toHaveProperty('renamed');
    expect(file).toEqual(validFile()); // pure: the input is untouched
  });

  it('starts from the version it is given', () => {
    expect(migrateImport({ settings: 1, renamed: 2 }, 2, table, 3)).toEqual({
      settings: 2,
      schemaVersion: 3,
    });
  });

  it('refuses a gap in the table', () => {
    expect(() => migrateImport({}, 1, [table[1]!], 3)).toThrow(
      'No export-format migration from version 1',
    );
  });
});

describe('merging by date (one transaction in storage)', () => {
  const record = (date: string, screenMinutes: number): EveningRecord => ({
    date,
    screenMinutes,
    status: 'over',
    nudges: 0,
    checkIns: [],
  });
  const merged = async (existing: EveningRecord[], imported: EveningRecord[]) => {
    await eraseAll();
    await importData(defaultSettings(), existing);
    await importData(defaultSettings(), imported);
    return readAllEvenings();
  };

  it('replaces evenings of the same date, keeps the others, and reads back by date', async () => {
    const existing = [record('2026-11-20', 1), record('2026-11-10', 2)];
    const imported = [record('2026-11-20', 30), record('2026-11-15', 4)];
    expect(await merged(existing, imported)).toEqual([
      record('2026-11-10', 2),
      record('2026-11-15', 4),
      record('2026-11-20', 30),
    ]);
    expect(existing).toEqual([record('2026-11-20', 1), record('2026-11-10', 2)]);
  });

  it('has one evening per date, preferring the imported one (property)', async () => {
    await fc.assert(
      fc.asyncProperty(eveningsArb, eveningsArb, async (existing, imported) => {
        const result = await merged(existing, imported);
        const dates = result.map((e) => e.date);
        expect(new Set(dates).size).toBe(dates.length);
        expect([...dates].sort()).toEqual(dates);
        for (const e of imported) expect(result).toContainEqual(e);
        const importedDates = new Set(imported.map((e) => e.date));
        for (const e of existing.filter((x) => !importedDates.has(x.date))) {
          expect(result).toContainEqual(e);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('isPlainDate and isInstant: the time wing rules the schemas call', () => {
  it.each([
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-12-31', true],
    ['2026-00-10', false],
    ['2026-06-00', false],
    ['2026-06-31', false],
    ['20260610', false],
    [' 2026-06-10', false],
  ])('isPlainDate(%s) is %s', (value, expected) => {
    expect(isPlainDate(value)).toBe(expected);
  });

  it.each([
    ['2026-11-23T21:40:00.000Z', true],
    ['2026-11-23T21:40:00Z', true],
    ['2026-11-23T21:40Z', true],
    ['2026-11-23T21:40:00.123456789+05:30', true],
    ['2026-11-23T24:00:00Z', false],
    ['2026-11-23T21:60:00Z', false],
    ['2026-11-23T21:40:60Z', false],
    ['2026-11-23T21:40:00+24:00', false],
    ['2026-11-23 21:40:00Z', false],
    ['2026-11-23T21:40:00z', false],
    ['2026-11-23', false],
    ['2026-02-30T21:40:00.000Z', false],
    ['2026-11-23T21:40:00.1234567890Z', false],
  ])('isInstant(%s) is %s', (value, expected) => {
    expect(isInstant(value)).toBe(expected);
  });

  it('isInstant accepts whatever Date#toISOString writes (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0, 1)), noInvalidDate: true }),
        (d) => {
          expect(isInstant(d.toISOString())).toBe(true);
        },
      ),
    );
  });
});

describe('migrateV1toV2', () => {
  const v1 = (settings: unknown): RawExport => ({ app: 'closer', schemaVersion: 1, settings });
  const base = { limitMinutes: 15 };
  const v2Defaults = { keepLight: false, choice: 'cycle', saved: [] };

  it.each<[string, unknown, unknown]>([
    [
      'adds the version-2 settings a first-edition file lacks, as their defaults',
      base,
      {
        ...base,
        prompts: { favour: [], hide: [], ...v2Defaults },
        partnerName: '',
        pairCode: null,
      },
    ],
    [
      'fills the prompts a first-edition file has',
      { ...base, prompts: { favour: ['care'] } },
      {
        ...base,
        prompts: { favour: ['care'], hide: [], ...v2Defaults },
        partnerName: '',
        pairCode: null,
      },
    ],
    [
      'keeps the version-2 settings a file already has',
      {
        ...base,
        prompts: { favour: [], hide: [], keepLight: true, choice: 'saved', saved: ['care_01'] },
        partnerName: 'Sam',
        pairCode: 'amber-river-sol-mint',
      },
      {
        ...base,
        prompts: { favour: [], hide: [], keepLight: true, choice: 'saved', saved: ['care_01'] },
        partnerName: 'Sam',
        pairCode: 'amber-river-sol-mint',
      },
    ],
    [
      'keeps a wrong value for the checks to name, rather than replacing it',
      { ...base, prompts: 'none', partnerName: null },
      { ...base, prompts: 'none', partnerName: null, pairCode: null },
    ],
    ['leaves settings that are not an object alone', 'default', 'default'],
    ['leaves absent settings absent', undefined, undefined],
  ])('%s', (_name, settings, expected) => {
    const file = v1(settings);
    const before = structuredClone(file);
    expect(migrateV1toV2.migrate(file).settings).toEqual(expected);
    expect(file).toEqual(before); // pure
  });

  it('is the step from version 1, so a version-1 file imports as version 2', () => {
    expect(IMPORT_MIGRATIONS).toEqual([migrateV1toV2]);
    const result = parse(validFile());
    expect(result.ok && result.file.schemaVersion).toBe(2);
    expect(result.ok && result.file.settings.prompts.choice).toBe('cycle');
  });
});

describe('decode', () => {
  const json = '{"note":"café"}';
  const utf16 = (text: string, littleEndian: boolean) => {
    const out = new Uint8Array(2 + text.length * 2);
    const view = new DataView(out.buffer);
    view.setUint16(0, 0xfeff, littleEndian);
    [...text].forEach((char, i) => view.setUint16(2 + i * 2, char.charCodeAt(0), littleEndian));
    return out;
  };

  it.each<[string, Uint8Array, string | null]>([
    ['UTF-8', bytes(json), json],
    ['UTF-8 with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(json)]), json],
    ['UTF-16 LE with a byte-order mark', utf16(json, true), json],
    ['UTF-16 BE with a byte-order mark', utf16(json, false), json],
    ['Latin-1', Uint8Array.from(json, (c) => c.charCodeAt(0)), null],
    ['UTF-16 LE without a mark', utf16(json, true).subarray(2), null],
    ['UTF-16 with a mark and an odd byte', new Uint8Array([...utf16(json, true), 0x20]), null],
    ['nothing', new Uint8Array(0), ''],
  ])('%s', (_name, input, text) => {
    expect(decode(input)).toBe(text);
  });
});
