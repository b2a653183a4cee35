import { beforeEach, describe, expect, it } from 'vitest';
import { newEveningRecord, type EveningRecord } from '@/utils/evening/record';
import { defaultSettings } from '@/utils/settings/settings';
import {
  eraseAll,
  importData,
  mutate,
  read,
  readAllEvenings,
  readEvening,
  readEveningRange,
  readSettings,
  runMigrations,
  SCHEMA_VERSION,
  updateEvening,
  writeSettings,
  type Migration,
} from '@/utils/data/storage';

function evening(date: string, screenMinutes = 0): EveningRecord {
  return { ...newEveningRecord(date, 'UTC'), screenMinutes, status: 'over' };
}

beforeEach(async () => {
  await eraseAll();
});

describe('settings', () => {
  it('reads defaults when nothing is stored, and what was written after', async () => {
    expect(await readSettings()).toEqual(defaultSettings());
    await writeSettings({ ...defaultSettings(), weeklyGoal: 5 });
    expect((await readSettings()).weeklyGoal).toBe(5);
  });
});

describe('concurrent writers', () => {
  it('keeps both check-ins written at the same moment', async () => {
    await updateEvening('2026-11-24', () => newEveningRecord('2026-11-24', 'UTC'));
    const addCheckIn = (note: string) =>
      updateEvening('2026-11-24', (r) => ({
        ...r!,
        checkIns: [...r!.checkIns, { kinds: ['emotional'], at: '2026-11-24T21:00:00.000Z', note }],
      }));
    await Promise.all([addCheckIn('a'), addCheckIn('b'), addCheckIn('c')]);
    const notes = (await readEvening('2026-11-24'))!.checkIns.map((c) => c.note);
    expect(notes.sort()).toEqual(['a', 'b', 'c']);
  });

  it('loses no seconds when a worker tick and a check-in land together', async () => {
    await updateEvening('2026-11-24', () => newEveningRecord('2026-11-24', 'UTC'));
    const tick = () =>
      mutate(['tracking', 'evening:2026-11-24'], (tx) => {
        tx.put('tracking', {
          lastObservedAt: (tx.get('tracking')?.lastObservedAt ?? 0) + 60_000,
          lastActive: true,
          eveningDate: '2026-11-24',
          zone: 'UTC',
        });
        const record = tx.get('evening:2026-11-24')!;
        tx.put('evening:2026-11-24', {
          ...record,
          screenSeconds: (record.screenSeconds ?? 0) + 60,
        });
      });
    const checkIn = () =>
      updateEvening('2026-11-24', (r) => ({
        ...r!,
        checkIns: [
          ...r!.checkIns,
          { kinds: ['physical'], at: '2026-11-24T21:00:00.000Z', note: '' },
        ],
      }));
    await Promise.all([tick(), checkIn(), tick(), checkIn(), tick()]);
    const record = (await readEvening('2026-11-24'))!;
    expect(record.screenSeconds).toBe(180);
    expect(record.checkIns).toHaveLength(2);
    expect((await read('tracking'))!.lastObservedAt).toBe(180_000);
  });

  it('writes nothing when the body throws, even after its first writes', async () => {
    await updateEvening('2026-11-24', () => evening('2026-11-24', 3));
    await expect(
      mutate(['evening:2026-11-24', 'settings'], (tx) => {
        tx.put('settings', defaultSettings());
        tx.delete('evening:2026-11-24');
        throw new Error('bad input');
      }),
    ).rejects.toThrow('bad input');
    expect((await readEvening('2026-11-24'))!.screenMinutes).toBe(3);
    expect(await read('settings')).toBeUndefined();
  });
});

describe('evening ranges', () => {
  it('reads only the dates in range, oldest first', async () => {
    await importData(defaultSettings(), [
      evening('2025-12-31'),
      evening('2026-01-01'),
      evening('2026-01-15'),
      evening('2026-02-01'),
    ]);
    const dates = (await readEveningRange('2026-01-01', '2026-01-31')).map((e) => e.date);
    expect(dates).toEqual(['2026-01-01', '2026-01-15']);
    expect((await readAllEvenings()).map((e) => e.date)).toEqual([
      '2025-12-31',
      '2026-01-01',
      '2026-01-15',
      '2026-02-01',
    ]);
  });
});

describe('importData', () => {
  it('replaces settings and same-date evenings, keeps the others', async () => {
    await importData(defaultSettings(), [evening('2026-11-01', 1), evening('2026-11-02', 2)]);
    await importData({ ...defaultSettings(), limitMinutes: 30 }, [evening('2026-11-02', 20)]);
    expect((await readSettings()).limitMinutes).toBe(30);
    expect((await readAllEvenings()).map((e) => [e.date, e.screenMinutes])).toEqual([
      ['2026-11-01', 1],
      ['2026-11-02', 20],
    ]);
  });

  it('is atomic: a value that cannot be stored leaves everything as it was', async () => {
    await importData(defaultSettings(), [evening('2026-11-01', 1)]);
    const unclonable = { ...evening('2026-11-03', 5), note: () => 0 } as unknown as EveningRecord;
    await expect(
      importData({ ...defaultSettings(), weeklyGoal: 7 }, [evening('2026-11-01', 9), unclonable]),
    ).rejects.toThrow();
    expect((await readSettings()).weeklyGoal).toBe(3);
    expect((await readAllEvenings()).map((e) => [e.date, e.screenMinutes])).toEqual([
      ['2026-11-01', 1],
    ]);
  });
});

/** Settings as the first edition stored them: no couple-mode or second-library fields. */
function firstEditionSettings() {
  const { schedule, weeklyGoal, weekStartsOn, nudges, challenge } = defaultSettings();
  const prompts = { favour: [], hide: ['ritual'] };
  return { schedule, limitMinutes: 25, weeklyGoal, weekStartsOn, nudges, prompts, challenge };
}

describe('migrateV1toV2', () => {
  it('fills the settings added in version 2 with their defaults, keeping the rest', async () => {
    await mutate([], (tx) => {
      tx.put('schemaVersion', 1);
      tx.put('settings', firstEditionSettings() as never);
    });
    const result = await runMigrations();
    expect(result).toEqual({ from: 1, to: 2, applied: ['migrateV1toV2'] });
    const stored = await read('settings');
    expect(stored?.limitMinutes).toBe(25);
    expect(stored?.prompts).toEqual({
      favour: [],
      hide: ['ritual'],
      keepLight: false,
      choice: 'cycle',
      saved: [],
    });
    expect(stored?.partnerName).toBe('');
    expect(stored?.pairCode).toBeNull();
  });

  it('leaves a store without settings without settings (defaults stay implicit)', async () => {
    await mutate([], (tx) => tx.put('schemaVersion', 1));
    await runMigrations();
    expect(await read('settings')).toBeUndefined();
  });

  it('is not needed for reading: settings stored by the first edition read complete', async () => {
    await mutate([], (tx) => tx.put('settings', firstEditionSettings() as never));
    expect((await readSettings()).prompts.saved).toEqual([]);
  });
});

describe('runMigrations', () => {
  it('stamps a fresh store with the current version', async () => {
    expect(await runMigrations()).toEqual({ from: null, to: SCHEMA_VERSION, applied: [] });
    expect(await read('schemaVersion')).toBe(SCHEMA_VERSION);
  });

  it('does nothing at the current version (the no-op path)', async () => {
    await runMigrations();
    await writeSettings(defaultSettings());
    expect(await runMigrations()).toEqual({
      from: SCHEMA_VERSION,
      to: SCHEMA_VERSION,
      applied: [],
    });
    expect(await readSettings()).toEqual(defaultSettings());
  });

  it('applies named migrations in order, with the version bump', async () => {
    await mutate(['schemaVersion', 'settings'], (tx) => {
      tx.put('schemaVersion', 1);
      tx.put('settings', defaultSettings());
    });
    const migrations: Migration[] = [
      {
        from: 2,
        name: 'migrateV2toV3',
        migrate: (os) => void os.put('v3', 'marker'),
      },
      {
        from: 1,
        name: 'migrateV1toV2',
        migrate: (os) => void os.put('v2', 'marker'),
      },
    ];
    const result = await runMigrations(
      [...migrations].sort((a, b) => a.from - b.from),
      3,
    );
    expect(result).toEqual({ from: 1, to: 3, applied: ['migrateV1toV2', 'migrateV2toV3'] });
    expect(await read('schemaVersion')).toBe(3);
  });

  it('refuses a gap in the chain and changes nothing', async () => {
    await mutate([], (tx) => tx.put('schemaVersion', 1));
    await expect(runMigrations([], 2)).rejects.toThrow('No migration path from schema 1 to 2');
    expect(await read('schemaVersion')).toBe(1);
  });

  it('leaves data from a newer version alone', async () => {
    await mutate([], (tx) => tx.put('schemaVersion', SCHEMA_VERSION + 1));
    expect((await runMigrations()).to).toBe(SCHEMA_VERSION + 1);
    expect(await read('schemaVersion')).toBe(SCHEMA_VERSION + 1);
  });
});
