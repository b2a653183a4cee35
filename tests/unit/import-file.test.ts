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
  IMPORT_MIGRATIONS,
  isInstant,
  isRealDate,
  MAX_IMPORT_BYTES,
  MAX_REPORTED_PROBLEMS,
  mergeEvenings,
  migrateImport,
  MIN_IMPORT_SCHEMA_VERSION,
  parseImport,
  type ImportMigration,
  type RawExport,
} from '@/utils/data/import-file';
import { defaultSettings } from '@/utils/settings/settings';
import { eveningsArb, settingsArb } from './export-arbitraries';

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

const parse = (file: unknown) => {
  const text = JSON.stringify(file);
  return parseImport(text, new TextEncoder().encode(text).length);
};

const withFile = (patch: (file: Json) => void) => () => {
  const file = validFile();
  patch(file);
  return file;
};
const withEvening = (patch: (evening: Json, file: Json) => void) =>
  withFile((file) => patch(file.evenings[0], file));
const withCheckIn = (patch: (checkIn: Json) => void) =>
  withEvening((evening) => patch(evening.checkIns[0]));

describe('parseImport accepts', () => {
  it('the example in docs/data-format.md, keeping every field it shows', () => {
    const doc = readFileSync(new URL('../../docs/data-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const result = parseImport(example, example.length);
    expect(result.ok && result.file).toEqual(JSON.parse(example));
  });

  it('the SPEC §8 example with seven weekdays', () => {
    const result = parse(validFile());
    expect(result).toEqual({
      ok: true,
      file: {
        app: 'closer',
        schemaVersion: 1,
        exportedAt: '2026-11-24T21:04:05.000Z',
        settings: { ...defaultSettings(), weekStartsOn: 1 },
        evenings: [validFile().evenings[0]],
      },
      settings: { ...defaultSettings(), weekStartsOn: 1 },
      evenings: [validFile().evenings[0]],
    });
  });

  it('no evenings', () => {
    const result = parse(withFile((f) => (f.evenings = []))());
    expect(result.ok && result.evenings).toEqual([]);
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
    expect(result.ok && result.file.exportedAt).toBeNull();
  });

  it('29 February of a leap year', () => {
    expect(parse(withEvening((e) => (e.date = '2028-02-29'))()).ok).toBe(true);
    expect(parse(withEvening((e) => (e.date = '2000-02-29'))()).ok).toBe(true);
  });

  it('windows crossing midnight and exactly 12 hours long', () => {
    const file = withFile((f) => {
      Object.assign(f.settings.schedule[5], { start: '21:30', end: '01:00' });
      Object.assign(f.settings.schedule[6], { start: '19:00', end: '07:00' });
    })();
    const result = parse(file);
    expect(result.ok && result.settings.schedule.slice(5)).toEqual([
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
    expect(parseImport(text, text.length + 2).ok).toBe(true);
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
    expect(result.ok && result.evenings[0]).toEqual({ ...validFile().evenings[0], ...extras });
  });

  it('evening fields EveningRecord does not define, dropping them', () => {
    const result = parse(
      withEvening((e) => {
        e.mood = 'great';
        e.checkIns[0].mood = 'good';
      })(),
    );
    expect(result.ok && result.evenings[0]).toEqual(validFile().evenings[0]);
  });

  it('evenings in any order, returning them by date', () => {
    const result = parse(
      withFile((f) => {
        f.evenings.push(
          { ...f.evenings[0], date: '2026-11-01' },
          { ...f.evenings[0], date: '2027-01-01' },
        );
      })(),
    );
    expect(result.ok && result.evenings.map((e) => e.date)).toEqual([
      '2026-11-01',
      '2026-11-23',
      '2027-01-01',
    ]);
  });
});

type Case = [name: string, input: () => unknown, path: string, code: string, message: string];

describe('parseImport rejects', () => {
  it.each<Case>([
    [
      'text that is not JSON',
      () => '{"app": "closer",',
      '',
      'not-json',
      'The file is not valid JSON, so it is not a Closer export file',
    ],
    [
      'an empty file',
      () => '',
      '',
      'not-json',
      'The file is not valid JSON, so it is not a Closer export file',
    ],
    [
      'an array at the top level',
      () => [validFile()],
      '',
      'not-object',
      'The file must hold a JSON object at the top level (got an array), so it is not a Closer export file',
    ],
    [
      'null at the top level',
      () => null,
      '',
      'not-object',
      'The file must hold a JSON object at the top level (got null), so it is not a Closer export file',
    ],
    [
      'a wrong app',
      withFile((f) => (f.app = 'dimmer')),
      'app',
      'wrong-app',
      'app must be "closer" (got "dimmer"), so this is not a Closer export file',
    ],
    [
      'a missing app',
      withFile((f) => delete f.app),
      'app',
      'wrong-app',
      'app is missing, so this is not a Closer export file',
    ],
    [
      'a newer schemaVersion',
      withFile((f) => (f.schemaVersion = 2)),
      'schemaVersion',
      'newer-version',
      'schemaVersion 2 is newer than this version of Closer can read (1); update Closer, then import the file again',
    ],
    [
      'a string schemaVersion',
      withFile((f) => (f.schemaVersion = '1')),
      'schemaVersion',
      'bad-version',
      'schemaVersion must be a whole number, 1 or more (got "1")',
    ],
    [
      'schemaVersion 0',
      withFile((f) => (f.schemaVersion = 0)),
      'schemaVersion',
      'bad-version',
      'schemaVersion must be a whole number, 1 or more (got 0)',
    ],
    [
      'schemaVersion 1.5',
      withFile((f) => (f.schemaVersion = 1.5)),
      'schemaVersion',
      'bad-version',
      'schemaVersion must be a whole number, 1 or more (got 1.5)',
    ],
    [
      'a missing schemaVersion',
      withFile((f) => delete f.schemaVersion),
      'schemaVersion',
      'missing',
      'schemaVersion is missing',
    ],
    [
      'a bad exportedAt',
      withFile((f) => (f.exportedAt = 'last night')),
      'exportedAt',
      'bad-instant',
      'exportedAt must be a date and time with a time zone offset, such as "2026-11-23T21:40:00.000Z" (got "last night")',
    ],
    [
      'missing settings',
      withFile((f) => delete f.settings),
      'settings',
      'missing',
      'settings is missing',
    ],
    [
      'settings that are not an object',
      withFile((f) => (f.settings = 'default')),
      'settings',
      'wrong-type',
      'settings must be an object (got "default")',
    ],
    [
      'missing evenings',
      withFile((f) => delete f.evenings),
      'evenings',
      'missing',
      'evenings is missing',
    ],
    [
      'evenings that are not an array',
      withFile((f) => (f.evenings = { '2026-11-23': f.evenings[0] })),
      'evenings',
      'wrong-type',
      'evenings must be an array (got an object)',
    ],
    [
      'an evening that is not an object',
      withFile((f) => f.evenings.push('2026-11-24')),
      'evenings[1]',
      'wrong-type',
      'evenings[1] must be an object (got "2026-11-24")',
    ],
    [
      'date 2026-02-30',
      withEvening((e) => (e.date = '2026-02-30')),
      'evenings[0].date',
      'bad-date',
      'evenings[0].date "2026-02-30" is not a real date',
    ],
    [
      'date 2026-13-01',
      withEvening((e) => (e.date = '2026-13-01')),
      'evenings[0].date',
      'bad-date',
      'evenings[0].date "2026-13-01" is not a real date',
    ],
    [
      'date 2026-1-05',
      withEvening((e) => (e.date = '2026-1-05')),
      'evenings[0].date',
      'bad-date',
      'evenings[0].date must be a date written YYYY-MM-DD (got "2026-1-05")',
    ],
    [
      'date 2026-02-29 (not a leap year)',
      withEvening((e) => (e.date = '2026-02-29')),
      'evenings[0].date',
      'bad-date',
      'evenings[0].date "2026-02-29" is not a real date',
    ],
    [
      'date 2100-02-29 (a century, not a leap year)',
      withEvening((e) => (e.date = '2100-02-29')),
      'evenings[0].date',
      'bad-date',
      'evenings[0].date "2100-02-29" is not a real date',
    ],
    [
      'date 2026-04-31',
      withEvening((e) => (e.date = '2026-04-31')),
      'evenings[0].date',
      'bad-date',
      'evenings[0].date "2026-04-31" is not a real date',
    ],
    [
      'a date with a time',
      withEvening((e) => (e.date = '2026-11-23T20:00')),
      'evenings[0].date',
      'bad-date',
      'evenings[0].date must be a date written YYYY-MM-DD (got "2026-11-23T20:00")',
    ],
    [
      'a missing date',
      withEvening((e) => delete e.date),
      'evenings[0].date',
      'missing',
      'evenings[0].date is missing',
    ],
    [
      'negative minutes',
      withEvening((e) => (e.screenMinutes = -3)),
      'evenings[0].screenMinutes',
      'bad-minutes',
      'evenings[0].screenMinutes must be a whole number of minutes, 0 or more (got -3)',
    ],
    [
      '7.5 minutes',
      withEvening((e) => (e.screenMinutes = 7.5)),
      'evenings[0].screenMinutes',
      'bad-minutes',
      'evenings[0].screenMinutes must be a whole number of minutes, 0 or more (got 7.5)',
    ],
    [
      'string minutes',
      withEvening((e) => (e.screenMinutes = '7')),
      'evenings[0].screenMinutes',
      'bad-minutes',
      'evenings[0].screenMinutes must be a whole number of minutes, 0 or more (got "7")',
    ],
    [
      'an unknown status',
      withEvening((e) => (e.status = 'great')),
      'evenings[0].status',
      'bad-status',
      'evenings[0].status must be one of "distraction-free", "over", "unobserved" or "in-progress" (got "great")',
    ],
    [
      'a negative nudge count',
      withEvening((e) => (e.nudges = -1)),
      'evenings[0].nudges',
      'bad-count',
      'evenings[0].nudges must be a whole number, 0 or more (got -1)',
    ],
    [
      'duplicate dates',
      withFile((f) => f.evenings.push({ ...f.evenings[0], screenMinutes: 90, status: 'over' })),
      'evenings[1].date',
      'duplicate-date',
      'evenings[1].date "2026-11-23" repeats evenings[0].date; each date may appear once',
    ],
    [
      'checkIns that are not an array',
      withEvening((e) => (e.checkIns = null)),
      'evenings[0].checkIns',
      'wrong-type',
      'evenings[0].checkIns must be an array (got null)',
    ],
    [
      'a bad check-in kind',
      withCheckIn((c) => (c.kinds = ['emotional', 'sexual'])),
      'evenings[0].checkIns[0].kinds[1]',
      'unknown-kind',
      'evenings[0].checkIns[0].kinds[1] must be one of "emotional", "intellectual", "physical", "experiential" or "spiritual" (got "sexual")',
    ],
    [
      'empty check-in kinds',
      withCheckIn((c) => (c.kinds = [])),
      'evenings[0].checkIns[0].kinds',
      'empty-kinds',
      'evenings[0].checkIns[0].kinds must name at least one kind of intimacy',
    ],
    [
      'a repeated check-in kind',
      withCheckIn((c) => (c.kinds = ['physical', 'emotional', 'physical'])),
      'evenings[0].checkIns[0].kinds[2]',
      'duplicate-kind',
      'evenings[0].checkIns[0].kinds[2] "physical" repeats evenings[0].checkIns[0].kinds[0]',
    ],
    [
      'a bad check-in at',
      withCheckIn((c) => (c.at = 'yesterday')),
      'evenings[0].checkIns[0].at',
      'bad-instant',
      'evenings[0].checkIns[0].at must be a date and time with a time zone offset, such as "2026-11-23T21:40:00.000Z" (got "yesterday")',
    ],
    [
      'a check-in at without an offset',
      withCheckIn((c) => (c.at = '2026-11-23T21:40:00.000')),
      'evenings[0].checkIns[0].at',
      'bad-instant',
      'evenings[0].checkIns[0].at must be a date and time with a time zone offset, such as "2026-11-23T21:40:00.000Z" (got "2026-11-23T21:40:00.000")',
    ],
    [
      'a check-in at on 30 February',
      withCheckIn((c) => (c.at = '2026-02-30T21:40:00.000Z')),
      'evenings[0].checkIns[0].at',
      'bad-instant',
      'evenings[0].checkIns[0].at must be a date and time with a time zone offset, such as "2026-11-23T21:40:00.000Z" (got "2026-02-30T21:40:00.000Z")',
    ],
    [
      'a missing note',
      withCheckIn((c) => delete c.note),
      'evenings[0].checkIns[0].note',
      'missing',
      'evenings[0].checkIns[0].note is missing',
    ],
    [
      'a note over 2,000 characters',
      withCheckIn((c) => (c.note = 'a'.repeat(2001))),
      'evenings[0].checkIns[0].note',
      'too-long',
      'evenings[0].checkIns[0].note must be at most 2000 characters long (got 2001)',
    ],
    [
      'an unknown check-in source',
      withCheckIn((c) => (c.source = 'email')),
      'evenings[0].checkIns[0].source',
      'bad-source',
      'evenings[0].checkIns[0].source must be one of "popup", "ritual" or "newtab" (got "email")',
    ],
    [
      'negative screenSeconds',
      withEvening((e) => (e.screenSeconds = -60)),
      'evenings[0].screenSeconds',
      'bad-count',
      'evenings[0].screenSeconds must be a whole number, 0 or more (got -60)',
    ],
    [
      'markedScreenFree "yes"',
      withEvening((e) => (e.markedScreenFree = 'yes')),
      'evenings[0].markedScreenFree',
      'wrong-type',
      'evenings[0].markedScreenFree must be true or false (got "yes")',
    ],
    [
      'an evening limit of 121',
      withEvening((e) => (e.limitMinutes = 121)),
      'evenings[0].limitMinutes',
      'limit-range',
      'evenings[0].limitMinutes must be a whole number of minutes from 0 to 120 (got 121)',
    ],
    [
      'reasons that are not an array',
      withEvening((e) => (e.reasons = 'bored')),
      'evenings[0].reasons',
      'wrong-type',
      'evenings[0].reasons must be an array (got "bored")',
    ],
    [
      'a reason with an unknown source',
      withEvening(
        (e) => (e.reasons = [{ at: '2026-11-23T20:05:00.000Z', source: 'popup', text: '' }]),
      ),
      'evenings[0].reasons[0].source',
      'bad-source',
      'evenings[0].reasons[0].source must be one of "need-it" or "snooze" (got "popup")',
    ],
    [
      'an unknown nudge kind sent',
      withEvening((e) => (e.nudgeKindsSent = ['midnight'])),
      'evenings[0].nudgeKindsSent[0]',
      'unknown-nudge-kind',
      'evenings[0].nudgeKindsSent[0] must be one of "heads-up", "evening-start", "five-left" or "over-limit" (got "midnight")',
    ],
    [
      'an empty zone',
      withEvening((e) => (e.zone = '')),
      'evenings[0].zone',
      'bad-zone',
      'evenings[0].zone must be the name of a time zone, such as "Europe/Berlin" (got "")',
    ],
    [
      'six schedule entries',
      withFile((f) => f.settings.schedule.pop()),
      'settings.schedule',
      'schedule-length',
      'settings.schedule must have exactly 7 entries, one per weekday from 0 (Sunday) to 6 (Saturday) (got 6)',
    ],
    [
      'a duplicate weekday',
      withFile((f) => (f.settings.schedule[3].weekday = 2)),
      'settings.schedule[3].weekday',
      'duplicate-weekday',
      'settings.schedule[3] is a second entry for weekday 2 (Tuesday), already given by settings.schedule[2]',
    ],
    [
      'start == end',
      withFile((f) => Object.assign(f.settings.schedule[3], { start: '22:00', end: '22:00' })),
      'settings.schedule[3]',
      'same-start-end',
      'settings.schedule[3] must end at a different time than it starts (both are 22:00)',
    ],
    [
      'a 13-hour window',
      withFile((f) => Object.assign(f.settings.schedule[3], { start: '19:00', end: '08:00' })),
      'settings.schedule[3]',
      'window-too-long',
      'settings.schedule[3] must be at most 12 hours long (19:00–08:00 is 13 hours)',
    ],
    [
      'a 25:00 end',
      withFile((f) => (f.settings.schedule[3].end = '25:00')),
      'settings.schedule[3].end',
      'bad-time',
      'settings.schedule[3].end must be a time written HH:MM from 00:00 to 23:59 (got "25:00")',
    ],
    [
      'goal 0',
      withFile((f) => (f.settings.weeklyGoal = 0)),
      'settings.weeklyGoal',
      'goal-range',
      'settings.weeklyGoal must be a whole number from 1 to 7 (got 0)',
    ],
    [
      'goal 8',
      withFile((f) => (f.settings.weeklyGoal = 8)),
      'settings.weeklyGoal',
      'goal-range',
      'settings.weeklyGoal must be a whole number from 1 to 7 (got 8)',
    ],
    [
      'limit 121',
      withFile((f) => (f.settings.limitMinutes = 121)),
      'settings.limitMinutes',
      'limit-range',
      'settings.limitMinutes must be a whole number of minutes from 0 to 120 (got 121)',
    ],
    [
      'weekStartsOn 7',
      withFile((f) => (f.settings.weekStartsOn = 7)),
      'settings.weekStartsOn',
      'week-start-range',
      "settings.weekStartsOn must be a whole number from 0 (Sunday) to 6 (Saturday), or null for the locale's first day (got 7)",
    ],
  ])('%s', (_name, input, path, code, message) => {
    const value = input();
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    expect(parseImport(text, new TextEncoder().encode(text).length)).toEqual({
      ok: false,
      problems: [{ path, code, message }],
      omitted: 0,
      context: expect.any(Object),
    });
  });

  it('the SPEC §8 example as printed, because its schedule has one entry, not seven', () => {
    expect(parseImport(SPEC_EXAMPLE, SPEC_EXAMPLE.length)).toEqual({
      ok: false,
      problems: [
        {
          path: 'settings.schedule',
          code: 'schedule-length',
          message:
            'settings.schedule must have exactly 7 entries, one per weekday from 0 (Sunday) to 6 (Saturday) (got 1)',
        },
      ],
      omitted: 0,
      context: { eveningDates: {}, scheduleWeekdays: {} },
    });
  });

  describe('over 5 MB', () => {
    const big = JSON.stringify({ ...validFile(), padding: 'x'.repeat(MAX_IMPORT_BYTES) });

    it('before parsing', () => {
      const jsonParse = vi.spyOn(JSON, 'parse');
      expect(parseImport(big, new TextEncoder().encode(big).length)).toEqual({
        ok: false,
        problems: [
          {
            path: '',
            code: 'too-large',
            message: 'The file is 5.01 MB; Closer imports files of at most 5 MB',
          },
        ],
        omitted: 0,
        context: { eveningDates: {}, scheduleWeekdays: {} },
      });
      expect(jsonParse).not.toHaveBeenCalled();
    });

    it('even when the size given is too small', () => {
      expect(parseImport(big, 10).ok).toBe(false);
    });

    it('by bytes, not characters', () => {
      const text = JSON.stringify({ ...validFile(), padding: 'é'.repeat(MAX_IMPORT_BYTES / 2) });
      const bytes = new TextEncoder().encode(text).length;
      expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
      const result = parseImport(text, bytes);
      expect(result.ok ? null : result.problems[0]?.code).toBe('too-large');
    });

    it('but exactly 5 MB is allowed', () => {
      const file = JSON.stringify(validFile()).slice(0, -1);
      const tail = ',"padding":""}';
      const text = `${file}${tail.replace('""', `"${'x'.repeat(MAX_IMPORT_BYTES - file.length - tail.length)}"`)}`;
      expect(new TextEncoder().encode(text).length).toBe(MAX_IMPORT_BYTES);
      expect(parseImport(text, MAX_IMPORT_BYTES).ok).toBe(true);
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
      'settings.weeklyGoal',
      'evenings[0].date',
      'evenings[0].screenMinutes',
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
    expect(result.ok ? null : result.context).toEqual({
      eveningDates: { 0: '2026-02-30', 2: '2026-10-01' },
      scheduleWeekdays: { 2: 2 },
    });
  });

  it('names both indexes of a duplicate date, whatever lies between', () => {
    const result = parse(
      withFile((f) => {
        for (let day = 10; day < 22; day += 1)
          f.evenings.push({ ...f.evenings[0], date: `2026-10-${day}` });
        f.evenings.push({ ...f.evenings[0], date: '2026-10-15' });
      })(),
    );
    expect(result.ok ? null : result.problems[0]!.message).toBe(
      'evenings[13].date "2026-10-15" repeats evenings[6].date; each date may appear once',
    );
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
    expect(result.problems[0]!.message).toBe('evenings[0].date "2026-02-30" is not a real date');
    expect(result.problems[9]!.path).toBe('evenings[9].date');
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
          const result = parseImport(first, new TextEncoder().encode(first).length);
          if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
          expect(result.file.exportedAt).toBe(new Date(now).toISOString());
          // Nothing is lost on the way, not just the same loss twice.
          expect(result.settings).toEqual(settings);
          expect(result.evenings).toEqual(sortByDate(evenings));
          const later = now + 86_400_000;
          const second = serialiseExport(buildExport(result.settings, result.evenings, later));
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
    const text = serialiseExport(
      buildExport(result.settings, result.evenings, Date.parse(result.file.exportedAt!)),
    );
    const again = parseImport(text, text.length);
    expect(
      again.ok &&
        serialiseExport(
          buildExport(again.settings, again.evenings, Date.parse(again.file.exportedAt!)),
        ),
    ).toBe(text);
  });
});

describe('migrateImport', () => {
  it('leaves a current-version file as it is', () => {
    const file = validFile();
    expect(migrateImport(file, EXPORT_SCHEMA_VERSION)).toEqual(validFile());
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

describe('mergeEvenings', () => {
  const record = (date: string, screenMinutes: number): EveningRecord => ({
    date,
    screenMinutes,
    status: 'over',
    nudges: 0,
    checkIns: [],
  });

  it('replaces evenings of the same date, keeps the others, and sorts by date', () => {
    const existing = [record('2026-11-20', 1), record('2026-11-10', 2)];
    const imported = [record('2026-11-20', 30), record('2026-11-15', 4)];
    expect(mergeEvenings(existing, imported)).toEqual([
      record('2026-11-10', 2),
      record('2026-11-15', 4),
      record('2026-11-20', 30),
    ]);
    expect(existing).toEqual([record('2026-11-20', 1), record('2026-11-10', 2)]);
  });

  it('has one evening per date, preferring the imported one (property)', () => {
    fc.assert(
      fc.property(eveningsArb, eveningsArb, (existing, imported) => {
        const merged = mergeEvenings(existing, imported);
        const dates = merged.map((e) => e.date);
        expect(new Set(dates).size).toBe(dates.length);
        expect([...dates].sort()).toEqual(dates);
        for (const e of imported) expect(merged).toContainEqual(e);
        const importedDates = new Set(imported.map((e) => e.date));
        for (const e of existing.filter((x) => !importedDates.has(x.date))) {
          expect(merged).toContainEqual(e);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('isRealDate and isInstant', () => {
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
  ])('isRealDate(%s) is %s', (value, expected) => {
    expect(isRealDate(value)).toBe(expected);
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
