import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { editSettings } from '@/utils/data/edit-settings';
import { eraseAll, readSettings, writeSettings } from '@/utils/data/storage';
import {
  applyEdit,
  fieldAt,
  getField,
  isSettingsField,
  SETTINGS_FIELDS,
} from '@/utils/settings/fields';
import { checkSettings } from '@/utils/settings/schema';
import { defaultSettings } from '@/utils/settings/settings';
import { settingsArb } from './export-arbitraries';

beforeEach(async () => {
  await eraseAll();
});

describe('settings fields', () => {
  it('read the value at their path; schedule.N is weekday N', () => {
    const settings = defaultSettings();
    settings.schedule[3]!.end = '23:30';
    expect(getField(settings, 'schedule.3')).toEqual({
      weekday: 3,
      enabled: true,
      start: '20:00',
      end: '23:30',
    });
    expect(getField(settings, 'nudges.kinds.five-left')).toBe(true);
    expect(getField(settings, 'prompts.saved')).toEqual([]);
  });

  it('cover every leaf of the settings exactly once (nothing an edit could not reach)', () => {
    const settings = defaultSettings();
    const covered = new Set<string>();
    const walk = (value: unknown, path: string[]) => {
      const name = path.join('.');
      if (isSettingsField(name)) return void covered.add(name);
      expect(value !== null && typeof value === 'object', `${name} is inside no field`).toBe(true);
      for (const [key, inner] of Object.entries(value as object)) walk(inner, [...path, key]);
    };
    walk(settings, []);
    expect([...covered].sort()).toEqual([...SETTINGS_FIELDS].sort());
  });

  it('applyEdit changes only the fields it names and shares nothing with its input', () => {
    fc.assert(
      fc.property(settingsArb, settingsArb, fc.subarray([...SETTINGS_FIELDS]), (a, b, fields) => {
        const edit = Object.fromEntries(fields.map((field) => [field, getField(b, field)]));
        const before = structuredClone(a);
        const next = applyEdit(a, edit);
        expect(a).toEqual(before);
        for (const field of SETTINGS_FIELDS) {
          expect(getField(next, field)).toEqual(getField(fields.includes(field) ? b : a, field));
        }
      }),
    );
  });

  it.each([
    [['schedule', 3, 'end'], 'schedule.3'],
    [['nudges', 'kinds', 'heads-up'], 'nudges.kinds.heads-up'],
    [['prompts', 'hide', 2], 'prompts.hide'],
    [['limitMinutes'], 'limitMinutes'],
    [['schedule'], null],
    [[], null],
  ] as const)('fieldAt(%j) is %s', (path, field) => {
    expect(fieldAt(path)).toBe(field);
  });
});

describe('editSettings', () => {
  it('keeps both of two edits made from settings loaded before either (two options tabs)', async () => {
    await Promise.all([editSettings({ limitMinutes: 40 }), editSettings({ weeklyGoal: 5 })]);
    const settings = await readSettings();
    expect(settings.limitMinutes).toBe(40);
    expect(settings.weeklyGoal).toBe(5);
  });

  it('applies the edit to what is stored now, not to an earlier copy', async () => {
    await writeSettings({ ...defaultSettings(), limitMinutes: 20 });
    await editSettings({ 'nudges.enabled': false });
    const settings = await readSettings();
    expect(settings.limitMinutes).toBe(20);
    expect(settings.nudges.enabled).toBe(false);
  });

  it('refuses an edit that breaks a rule, names the field, and writes nothing', async () => {
    await writeSettings({ ...defaultSettings(), weeklyGoal: 4 });
    const result = await editSettings({
      weeklyGoal: 6,
      'schedule.2': { weekday: 2, enabled: true, start: '21:00', end: '21:00' },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.code, fieldAt(p.path)])).toEqual([
      ['same-start-end', 'schedule.2'],
    ]);
    expect((await readSettings()).weeklyGoal).toBe(4);
  });

  it('stores the settings in canonical form (what the schema returns)', async () => {
    const result = await editSettings({ partnerName: '  Sam  ' });
    expect(result.ok && result.settings.partnerName).toBe('Sam');
    expect((await readSettings()).partnerName).toBe('Sam');
    expect(checkSettings(await readSettings())).toEqual({
      ok: true,
      settings: await readSettings(),
    });
  });
});
