import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newEveningRecord, type EveningRecord } from '@/utils/evening/record';
import {
  buildExport,
  EXPORT_SCHEMA_VERSION,
  exportFileName,
  serialiseExport,
  sortByDate,
} from '@/utils/data/export-file';
import { defaultSettings } from '@/utils/settings/settings';
import { eveningsArb, settingsArb, shuffledKeys } from './export-arbitraries';
import { LOCAL_DATES } from './zones';

const NOW = Date.parse('2026-11-24T21:04:05.000Z');

const evening = (date: string, extra: Partial<EveningRecord> = {}): EveningRecord => ({
  date,
  screenMinutes: 7,
  status: 'distraction-free',
  nudges: 1,
  checkIns: [{ kinds: ['emotional'], at: `${date}T21:40:00.000Z`, note: '' }],
  ...extra,
});

describe('buildExport', () => {
  it('writes the SPEC §8 envelope', () => {
    const file = buildExport(defaultSettings(), [evening('2026-11-23')], NOW);
    expect(file).toEqual({
      app: 'closer',
      schemaVersion: 2,
      exportedAt: '2026-11-24T21:04:05.000Z',
      settings: defaultSettings(),
      evenings: [evening('2026-11-23')],
    });
    expect(EXPORT_SCHEMA_VERSION).toBe(2);
    expect(Object.keys(file)).toEqual([
      'app',
      'schemaVersion',
      'exportedAt',
      'settings',
      'evenings',
    ]);
  });

  it('sorts evenings by date', () => {
    const file = buildExport(
      defaultSettings(),
      [evening('2026-11-23'), evening('2025-12-31'), evening('2026-01-02')],
      NOW,
    );
    expect(file.evenings.map((e) => e.date)).toEqual(['2025-12-31', '2026-01-02', '2026-11-23']);
  });

  it('writes settings in weekday order and one key order, whatever order they were stored in', () => {
    const settings = defaultSettings();
    settings.schedule.reverse();
    const shuffled = {
      pairCode: null,
      partnerName: '',
      challenge: settings.challenge,
      nudges: {
        maxPerEvening: 4,
        quietMinutes: 30,
        kinds: { 'over-limit': true, 'five-left': true, 'evening-start': true, 'heads-up': true },
        enabled: true,
      },
      weekStartsOn: null,
      prompts: settings.prompts,
      weeklyGoal: 3,
      limitMinutes: 15,
      schedule: settings.schedule.map(({ end, start, enabled, weekday }) => ({
        end,
        start,
        enabled,
        weekday,
      })),
    };
    expect(serialiseExport(buildExport(shuffled, [], NOW))).toBe(
      serialiseExport(buildExport(defaultSettings(), [], NOW)),
    );
    expect(Object.keys(buildExport(shuffled, [], NOW).settings)).toEqual([
      'schedule',
      'limitMinutes',
      'weeklyGoal',
      'weekStartsOn',
      'nudges',
      'prompts',
      'challenge',
      'partnerName',
      'pairCode',
    ]);
  });

  it('keeps the optional fields EveningRecord defines', () => {
    const record: EveningRecord = {
      ...newEveningRecord('2026-11-20', 'Europe/Berlin'),
      status: 'over',
      screenMinutes: 40,
      screenSeconds: 2410,
      limitMinutes: 15,
      markedScreenFree: false,
      reasons: [{ at: '2026-11-20T20:10:00.000Z', source: 'snooze', text: 'recipe' }],
      promptOffset: 2,
      nudgeKindsSent: ['evening-start', 'five-left'],
      lastNudgeAt: '2026-11-20T20:30:00.000Z',
      putDownAt: '2026-11-20T21:00:00.000Z',
      putDownScreenSeconds: 2400,
      checkIns: [
        { kinds: ['physical'], at: '2026-11-20T21:30:00.000Z', note: 'walk', source: 'ritual' },
      ],
    };
    expect(buildExport(defaultSettings(), [record], NOW).evenings).toEqual([record]);
  });

  it('leaves out fields EveningRecord does not define, as import would', () => {
    const record = { ...evening('2026-11-20'), debug: true } as EveningRecord;
    expect(buildExport(defaultSettings(), [record], NOW).evenings[0]).not.toHaveProperty('debug');
  });

  it('shares nothing with what it was given', () => {
    const settings = defaultSettings();
    const records = [evening('2026-11-20')];
    const file = buildExport(settings, records, NOW);
    file.settings.schedule[0]!.start = '18:00';
    file.settings.prompts.favour.push('care');
    file.evenings[0]!.checkIns[0]!.kinds.push('physical');
    expect(settings).toEqual(defaultSettings());
    expect(records[0]!.checkIns[0]!.kinds).toEqual(['emotional']);
  });

  it('gives the same bytes for the same data in any key and record order (property)', () => {
    fc.assert(
      fc.property(
        settingsArb,
        eveningsArb.chain((evenings) =>
          fc.tuple(
            fc.constant(evenings),
            fc
              .shuffledSubarray(evenings, { minLength: evenings.length })
              .chain((shuffled) =>
                fc
                  .tuple(...shuffled.map(shuffledKeys))
                  .map((records): EveningRecord[] => [...records]),
              ),
          ),
        ),
        (settings, [evenings, shuffled]) => {
          expect(serialiseExport(buildExport(settings, shuffled, NOW))).toBe(
            serialiseExport(buildExport(settings, evenings, NOW)),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('canonical evenings and sortByDate', () => {
  it('write the five export fields first, then the extras', () => {
    const record = { zone: 'UTC', ...evening('2026-11-20'), screenSeconds: 425 };
    expect(Object.keys(buildExport(defaultSettings(), [record], NOW).evenings[0]!)).toEqual([
      'date',
      'screenMinutes',
      'status',
      'nudges',
      'checkIns',
      'screenSeconds',
      'zone',
    ]);
  });

  it('sortByDate returns a new array', () => {
    const list = [evening('2026-02-01'), evening('2026-01-01')];
    expect(sortByDate(list).map((e) => e.date)).toEqual(['2026-01-01', '2026-02-01']);
    expect(list[0]!.date).toBe('2026-02-01');
  });
});

describe('serialiseExport', () => {
  it('writes compact JSON, one evening per line, ending in a newline', () => {
    const file = buildExport(
      defaultSettings(),
      [evening('2026-11-21'), evening('2026-11-20')],
      NOW,
    );
    const text = serialiseExport(file);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      `{"app":"closer","schemaVersion":2,"exportedAt":"2026-11-24T21:04:05.000Z","settings":${JSON.stringify(file.settings)},"evenings":[`,
    );
    expect(lines.slice(1)).toEqual([
      `${JSON.stringify(evening('2026-11-20'))},`,
      JSON.stringify(evening('2026-11-21')),
      ']}',
      '',
    ]);
    expect(JSON.parse(text)).toEqual(file);
  });

  it('writes an empty history on the first line', () => {
    const text = serialiseExport(buildExport(defaultSettings(), [], NOW));
    expect(text.endsWith(',"evenings":[]}\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
  });

  it('writes a U+FFFD in a note as an escape, which import tells from a damaged file', () => {
    const record = evening('2026-11-20', {
      checkIns: [{ kinds: ['emotional'], at: '2026-11-20T21:40:00.000Z', note: 'caf\uFFFD' }],
    });
    const text = serialiseExport(buildExport(defaultSettings(), [record], NOW));
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('"note":"caf\\ufffd"');
    expect(JSON.parse(text).evenings[0].checkIns[0].note).toBe('caf\uFFFD');
  });

  it('copies a stored value that breaks a rule as it is: an export never fails', () => {
    const broken = { ...evening('2026-11-20'), screenMinutes: -1, debug: true } as EveningRecord;
    const file = buildExport(defaultSettings(), [broken], NOW);
    expect(file.evenings[0]).toEqual(broken);
    expect(file.evenings[0]).not.toBe(broken);
  });
});

describe('exportFileName', () => {
  it.each(LOCAL_DATES)(
    '$instant in $zone → closer-export-$date.json',
    ({ instant, zone, date }) => {
      expect(exportFileName(Date.parse(instant), zone)).toBe(`closer-export-${date}.json`);
    },
  );

  it('agrees with Temporal for any instant and zone (property)', () => {
    const zones = ['Pacific/Auckland', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }),
        fc.constantFrom(...zones),
        (now, zone) => {
          const date = Temporal.Instant.fromEpochMilliseconds(now)
            .toZonedDateTimeISO(zone)
            .toPlainDate()
            .toString();
          expect(exportFileName(now, zone)).toBe(`closer-export-${date}.json`);
        },
      ),
      { numRuns: 200 },
    );
  });
});
