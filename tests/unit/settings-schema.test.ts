import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settings } from '@/utils/settings/schema';
import { defaultSettings } from '@/utils/settings/settings';
import { specSettings, VALID_WINDOWS } from './spec-settings';
import * as v from 'valibot';
import { applyEdit, fieldAt, type SettingsEdit } from '@/utils/settings/fields';
import { EveningRecordSchema } from '@/utils/evening/record';
import { checkSettings, problemsOf } from '@/utils/settings/schema';
import { settingsArb, shuffledKeys } from './export-arbitraries';

/** Settings from outside, checked: `validateSettings` of old, now the schema. */
const validateSettings = checkSettings;

/** The defaults with one edit applied and checked, as the options page does it. */
const edited = (edit: SettingsEdit) => checkSettings(applyEdit(defaultSettings(), edit));
/** The code an edit is refused with and the field it is shown beside, or null if accepted. */
const refusal = (edit: SettingsEdit) => {
  const result = edited(edit);
  return result.ok ? null : [result.problems[0]!.code, fieldAt(result.problems[0]!.path)];
};

/** Settings as plain JSON, as they arrive from a file. */
type Json = Record<string, unknown>;
const json = (settings: Settings = defaultSettings()): Json =>
  JSON.parse(JSON.stringify(settings)) as Json;

const withSchedule = (patch: (schedule: Json[]) => void): Json => {
  const settings = specSettings();
  patch(settings.schedule as Json[]);
  return settings;
};

describe('the settings schema accepts', () => {
  it('the defaults, unchanged', () => {
    expect(validateSettings(defaultSettings())).toEqual({ ok: true, settings: defaultSettings() });
  });

  it('the SPEC §8 example with seven weekdays, filling optional fields from the defaults', () => {
    const result = validateSettings(specSettings());
    expect(result).toEqual({
      ok: true,
      settings: { ...defaultSettings(), weekStartsOn: 1 },
    });
  });

  it('schedule entries in any order, returning them in weekday order', () => {
    const settings = specSettings();
    (settings.schedule as Json[]).reverse();
    (settings.schedule as Json[])[0]!.start = '21:15'; // weekday 6
    const result = validateSettings(settings);
    expect(result.ok && result.settings.schedule.map((w) => w.weekday)).toEqual([
      0, 1, 2, 3, 4, 5, 6,
    ]);
    expect(result.ok && result.settings.schedule[6]!.start).toBe('21:15');
  });

  it.each(VALID_WINDOWS)('a window $name ($start–$end)', ({ start, end }) => {
    const settings = withSchedule((schedule) => Object.assign(schedule[3]!, { start, end }));
    expect(validateSettings(settings).ok).toBe(true);
  });

  it('weekStartsOn null, 0 and 6', () => {
    for (const weekStartsOn of [null, 0, 6]) {
      expect(validateSettings({ ...specSettings(), weekStartsOn }).ok).toBe(true);
    }
  });

  it('limit and goal at their bounds', () => {
    for (const [limitMinutes, weeklyGoal] of [
      [0, 1],
      [120, 7],
    ]) {
      expect(validateSettings({ ...specSettings(), limitMinutes, weeklyGoal }).ok).toBe(true);
    }
  });

  it('present optional fields, keeping their values', () => {
    const input = {
      ...specSettings(),
      nudges: {
        enabled: false,
        kinds: { 'five-left': false },
        quietMinutes: 5,
        maxPerEvening: 0,
      },
      prompts: { favour: ['care', 'physical'], hide: ['ritual'] },
      challenge: { mode: 'fixed', kind: 'spiritual' },
    };
    const result = validateSettings(input);
    expect(result.ok && result.settings.nudges).toEqual({
      enabled: false,
      kinds: { 'heads-up': true, 'evening-start': true, 'five-left': false, 'over-limit': true },
      quietMinutes: 5,
      maxPerEvening: 0,
    });
    expect(result.ok && result.settings.prompts).toEqual({
      favour: ['care', 'physical'],
      hide: ['ritual'],
      keepLight: false,
      choice: 'cycle',
      saved: [],
    });
    expect(result.ok && result.settings.challenge).toEqual({ mode: 'fixed', kind: 'spiritual' });
  });

  it('unknown extra fields, leaving them out of the result', () => {
    const input: Json = {
      ...specSettings(),
      theme: 'dark',
      nudges: { enabled: true, sound: 'bell' },
      challenge: { mode: 'rotate', kind: 'physical' },
    };
    (input.schedule as Json[])[0]!.colour = 'blue';
    const result = validateSettings(input);
    expect(result.ok).toBe(true);
    const out = JSON.stringify(result.ok && result.settings);
    for (const word of ['theme', 'sound', 'colour']) expect(out).not.toContain(word);
    expect(result.ok && result.settings.challenge).toEqual({ mode: 'rotate' });
  });

  it('any valid settings, in any key order, unchanged (property)', () => {
    fc.assert(
      fc.property(
        settingsArb.chain((s) => fc.tuple(fc.constant(s), shuffledKeys(json(s)))),
        ([settings, shuffled]) => {
          expect(validateSettings(shuffled)).toEqual({ ok: true, settings });
        },
      ),
    );
  });
});

describe('the settings schema refuses', () => {
  it.each<[string, () => unknown, (string | number)[], string]>([
    ['not an object', () => 'yes', [], 'wrong-type'],
    ['an array', () => [], [], 'wrong-type'],
    [
      'a missing schedule',
      () => ({ ...specSettings(), schedule: undefined }),
      ['schedule'],
      'missing',
    ],
    [
      'a schedule that is not an array',
      () => ({ ...specSettings(), schedule: {} }),
      ['schedule'],
      'wrong-type',
    ],
    ['six schedule entries', () => withSchedule((s) => s.pop()), ['schedule'], 'schedule-length'],
    [
      'a duplicate weekday',
      () => withSchedule((s) => (s[3]!.weekday = 2)),
      ['schedule', 3],
      'duplicate-weekday',
    ],
    [
      'weekday 7',
      () => withSchedule((s) => (s[6]!.weekday = 7)),
      ['schedule', 6, 'weekday'],
      'bad-weekday',
    ],
    [
      'weekday "1"',
      () => withSchedule((s) => (s[1]!.weekday = '1')),
      ['schedule', 1, 'weekday'],
      'bad-weekday',
    ],
    [
      'a schedule entry that is not an object',
      () => withSchedule((s) => (s[2] = null as unknown as Json)),
      ['schedule', 2],
      'wrong-type',
    ],
    [
      'enabled "yes"',
      () => withSchedule((s) => (s[0]!.enabled = 'yes')),
      ['schedule', 0, 'enabled'],
      'wrong-type',
    ],
    [
      'a missing end',
      () => withSchedule((s) => delete s[5]!.end),
      ['schedule', 5, 'end'],
      'missing',
    ],
    [
      'start == end',
      () => withSchedule((s) => Object.assign(s[3]!, { start: '21:00', end: '21:00' })),
      ['schedule', 3],
      'same-start-end',
    ],
    [
      'a 13-hour window',
      () => withSchedule((s) => Object.assign(s[3]!, { start: '20:00', end: '09:00' })),
      ['schedule', 3],
      'window-too-long',
    ],
    [
      'a window one minute over 12 hours',
      () => withSchedule((s) => Object.assign(s[4]!, { start: '08:00', end: '20:01' })),
      ['schedule', 4],
      'window-too-long',
    ],
    [
      'end 25:00',
      () => withSchedule((s) => (s[3]!.end = '25:00')),
      ['schedule', 3, 'end'],
      'bad-time',
    ],
    [
      'start 9:00 (one digit)',
      () => withSchedule((s) => (s[1]!.start = '9:00')),
      ['schedule', 1, 'start'],
      'bad-time',
    ],
    [
      'start 20:60',
      () => withSchedule((s) => (s[1]!.start = '20:60')),
      ['schedule', 1, 'start'],
      'bad-time',
    ],
    ['goal 0', () => ({ ...specSettings(), weeklyGoal: 0 }), ['weeklyGoal'], 'goal-range'],
    ['goal 8', () => ({ ...specSettings(), weeklyGoal: 8 }), ['weeklyGoal'], 'goal-range'],
    ['goal 2.5', () => ({ ...specSettings(), weeklyGoal: 2.5 }), ['weeklyGoal'], 'goal-range'],
    [
      'a missing goal',
      () => ({ ...specSettings(), weeklyGoal: undefined }),
      ['weeklyGoal'],
      'missing',
    ],
    [
      'limit 121',
      () => ({ ...specSettings(), limitMinutes: 121 }),
      ['limitMinutes'],
      'limit-range',
    ],
    ['limit -1', () => ({ ...specSettings(), limitMinutes: -1 }), ['limitMinutes'], 'limit-range'],
    [
      'limit "15"',
      () => ({ ...specSettings(), limitMinutes: '15' }),
      ['limitMinutes'],
      'limit-range',
    ],
    [
      'weekStartsOn 7',
      () => ({ ...specSettings(), weekStartsOn: 7 }),
      ['weekStartsOn'],
      'week-start-range',
    ],
    [
      'a missing weekStartsOn',
      () => ({ ...specSettings(), weekStartsOn: undefined }),
      ['weekStartsOn'],
      'missing',
    ],
    ['missing nudges', () => ({ ...specSettings(), nudges: undefined }), ['nudges'], 'missing'],
    [
      'nudges without enabled',
      () => ({ ...specSettings(), nudges: {} }),
      ['nudges', 'enabled'],
      'missing',
    ],
    [
      'nudges.enabled 1',
      () => ({ ...specSettings(), nudges: { enabled: 1 } }),
      ['nudges', 'enabled'],
      'wrong-type',
    ],
    [
      'nudges.kinds an array',
      () => ({ ...specSettings(), nudges: { enabled: true, kinds: [] } }),
      ['nudges', 'kinds'],
      'wrong-type',
    ],
    [
      'a nudge kind "no"',
      () => ({ ...specSettings(), nudges: { enabled: true, kinds: { 'heads-up': 'no' } } }),
      ['nudges', 'kinds', 'heads-up'],
      'wrong-type',
    ],
    [
      'quietMinutes 4',
      () => ({ ...specSettings(), nudges: { enabled: true, quietMinutes: 4 } }),
      ['nudges', 'quietMinutes'],
      'quiet-range',
    ],
    [
      'quietMinutes null',
      () => ({ ...specSettings(), nudges: { enabled: true, quietMinutes: null } }),
      ['nudges', 'quietMinutes'],
      'quiet-range',
    ],
    [
      'maxPerEvening 11',
      () => ({ ...specSettings(), nudges: { enabled: true, maxPerEvening: 11 } }),
      ['nudges', 'maxPerEvening'],
      'max-nudges-range',
    ],
    [
      'an unknown prompt category',
      () => ({ ...specSettings(), prompts: { favour: ['romance'] } }),
      ['prompts', 'favour', 0],
      'unknown-category',
    ],
    [
      'a category both favoured and hidden',
      () => ({ ...specSettings(), prompts: { favour: ['ritual', 'care'], hide: ['care'] } }),
      ['prompts', 'hide', 0],
      'category-conflict',
    ],
    [
      'a category favoured twice',
      () => ({ ...specSettings(), prompts: { favour: ['care', 'care'] } }),
      ['prompts', 'favour', 1],
      'duplicate-category',
    ],
    [
      'prompts.hide a string',
      () => ({ ...specSettings(), prompts: { hide: 'care' } }),
      ['prompts', 'hide'],
      'wrong-type',
    ],
    [
      'challenge mode "random"',
      () => ({ ...specSettings(), challenge: { mode: 'random' } }),
      ['challenge', 'mode'],
      'bad-challenge-mode',
    ],
    [
      'a fixed challenge without a kind',
      () => ({ ...specSettings(), challenge: { mode: 'fixed' } }),
      ['challenge', 'kind'],
      'missing',
    ],
    [
      'a fixed challenge of an unknown kind',
      () => ({ ...specSettings(), challenge: { mode: 'fixed', kind: 'sexual' } }),
      ['challenge', 'kind'],
      'unknown-kind',
    ],
  ])('%s', (_name, input, path, code) => {
    // JSON round trip turns `undefined` fields into absent ones, as in a file.
    const value = input();
    const result = validateSettings(
      value === undefined ? value : JSON.parse(JSON.stringify(value)),
    );
    expect(result).toEqual({ ok: false, problems: [{ code, path }] });
  });

  it('the SPEC §8 example as printed, whose schedule is abbreviated to one entry', () => {
    const abbreviated = {
      schedule: [{ weekday: 0, enabled: true, start: '20:00', end: '23:00' }],
      limitMinutes: 15,
      weeklyGoal: 3,
      weekStartsOn: 1,
      nudges: { enabled: true },
    };
    expect(validateSettings(abbreviated)).toEqual({
      ok: false,
      problems: [{ code: 'schedule-length', path: ['schedule'] }],
    });
  });

  it('reports every problem, in field order', () => {
    const input: Json = {
      ...specSettings(),
      limitMinutes: 500,
      weeklyGoal: 0,
      nudges: { enabled: 'on' },
    };
    (input.schedule as Json[])[2]!.end = '24:00';
    const result = validateSettings(input);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      ['schedule', 2, 'end'],
      ['limitMinutes'],
      ['weeklyGoal'],
      ['nudges', 'enabled'],
    ]);
  });

  it('checks both times of a window even when the first is bad', () => {
    const result = validateSettings(
      withSchedule((s) => Object.assign(s[0]!, { start: 'soon', end: 'late' })),
    );
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      ['schedule', 0, 'start'],
      ['schedule', 0, 'end'],
    ]);
  });

  it('checks disabled days too, so re-enabling one never meets a broken window', () => {
    const result = validateSettings(
      withSchedule((s) => Object.assign(s[0]!, { enabled: false, start: '10:00', end: '10:00' })),
    );
    expect(result.ok ? null : result.problems[0]!.code).toBe('same-start-end');
  });
});

describe('inline edits, through the same schema', () => {
  const day = (start: string, end: string) => ({
    'schedule.2': { weekday: 2 as const, enabled: true, start, end },
  });

  it.each([
    ['20:00', '23:00', null],
    ['21:30', '01:00', null],
    ['20:00', '08:00', null],
    ['20:00', '08:01', 'window-too-long'],
    ['07:00', '07:00', 'same-start-end'],
    ['7:00', '09:00', 'bad-time'],
    ['07:00', '24:00', 'bad-time'],
    ['', '09:00', 'bad-time'],
  ])('a window %s–%s → %s, shown beside that day', (start, end, code) => {
    expect(refusal(day(start, end))).toEqual(code === null ? null : [code, 'schedule.2']);
  });

  it('a bad time names its own field; a bad span names the window', () => {
    const bad = edited(day('1', '2'));
    expect(bad.ok ? [] : bad.problems).toEqual([
      { code: 'bad-time', path: ['schedule', 2, 'start'] },
      { code: 'bad-time', path: ['schedule', 2, 'end'] },
    ]);
    const empty = edited(day('10:00', '10:00'));
    expect(empty.ok ? [] : empty.problems).toEqual([
      { code: 'same-start-end', path: ['schedule', 2] },
    ]);
  });

  it('a time is HH:MM from 00:00 to 23:59, a string', () => {
    expect(refusal(day('00:00', '08:00'))).toBeNull();
    expect(refusal(day('23:59', '00:00'))).toBeNull();
    expect(refusal(day(' 23:59', '00:00'))).toEqual(['bad-time', 'schedule.2']);
    const number = checkSettings({
      ...specSettings(),
      schedule: specSettings().schedule.map((w) => ({ ...w, start: 2000 })),
    });
    expect(number.ok ? null : number.problems[0]).toEqual({
      code: 'bad-time',
      path: ['schedule', 0, 'start'],
    });
  });

  // An optional field left undefined takes its default, so only required ones refuse it.
  it.each([
    ['limitMinutes', 0, 120, 'limit-range', [undefined]],
    ['weeklyGoal', 1, 7, 'goal-range', [undefined]],
    ['weekStartsOn', 0, 6, 'week-start-range', [undefined]],
    ['nudges.quietMinutes', 5, 240, 'quiet-range', [null]],
    ['nudges.maxPerEvening', 0, 10, 'max-nudges-range', [null]],
  ] as const)('%s accepts whole numbers from %i to %i only', (field, min, max, code, more) => {
    expect(refusal({ [field]: min })).toBeNull();
    expect(refusal({ [field]: max })).toBeNull();
    for (const bad of [min - 1, max + 1, min + 0.5, NaN, Infinity, String(min), ...more]) {
      expect(refusal({ [field]: bad }), String(bad)).toEqual([code, field]);
    }
  });

  it('weekStartsOn accepts null, for the locale', () => {
    expect(refusal({ weekStartsOn: null })).toBeNull();
  });

  it('an evening record uses the same limit rule, at its own path', () => {
    const evening = { date: '2026-11-23', screenMinutes: 0, status: 'over', nudges: 0 };
    const result = v.safeParse(EveningRecordSchema, {
      ...evening,
      checkIns: [],
      limitMinutes: 200,
    });
    expect(result.success ? [] : problemsOf(result.issues)).toEqual([
      { code: 'limit-range', path: ['limitMinutes'] },
    ]);
  });

  it('favouring a hidden category is refused beside the prompts', () => {
    expect(refusal({ 'prompts.favour': ['care'], 'prompts.hide': [] })).toBeNull();
    expect(refusal({ 'prompts.favour': ['care'], 'prompts.hide': ['care'] })).toEqual([
      'category-conflict',
      'prompts.hide',
    ]);
  });
});

describe('problems', () => {
  it('are a code and a path of keys and indexes, with no English message', () => {
    const result = checkSettings({ ...specSettings(), weeklyGoal: 'three' });
    expect(result.ok ? null : result.problems).toEqual([
      { code: 'goal-range', path: ['weeklyGoal'] },
    ]);
  });

  it('say "missing" for an absent field, whichever rule noticed', () => {
    const rest: Json = specSettings();
    delete rest.nudges;
    const result = checkSettings(rest);
    expect(result.ok ? null : result.problems).toEqual([{ code: 'missing', path: ['nudges'] }]);
  });

  it('list every problem, not only the first', () => {
    const result = checkSettings({ ...specSettings(), limitMinutes: -1, weeklyGoal: 0 });
    expect(result.ok ? 0 : result.problems.length).toBe(2);
  });

  it('come out canonical: the schedule by weekday, sharing nothing with the input', () => {
    const settings = defaultSettings();
    settings.schedule.reverse();
    const result = checkSettings(settings);
    if (!result.ok) throw new Error('expected valid settings');
    const out = result.settings;
    expect(out.schedule.map((w) => w.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    out.schedule[0]!.start = '19:00';
    out.nudges.kinds['heads-up'] = false;
    expect(settings.schedule[6]!.start).toBe('20:00');
    expect(settings.nudges.kinds['heads-up']).toBe(true);
  });
});
