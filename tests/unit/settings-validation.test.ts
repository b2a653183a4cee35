import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settings } from '@/utils/settings/schema';
import { defaultSettings } from '@/utils/settings/settings';
import { specSettings } from './spec-settings';
import {
  canonicalSettings,
  checkGoal,
  checkLimit,
  checkMaxPerEvening,
  checkPromptCategories,
  checkQuietMinutes,
  checkTime,
  checkWeekStart,
  checkWindow,
  describeValue,
  ProblemList,
  validateSettings,
} from '@/utils/settings/validation';
import { settingsArb, shuffledKeys } from './export-arbitraries';

/** Settings as plain JSON, as they arrive from a file. */
type Json = Record<string, unknown>;
const json = (settings: Settings = defaultSettings()): Json =>
  JSON.parse(JSON.stringify(settings)) as Json;

const withSchedule = (patch: (schedule: Json[]) => void): Json => {
  const settings = specSettings();
  patch(settings.schedule as Json[]);
  return settings;
};

describe('validateSettings accepts', () => {
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

  it.each([
    ['crossing midnight', '21:30', '01:00'],
    ['exactly 12 hours', '20:00', '08:00'],
    ['exactly 12 hours from midnight', '00:00', '12:00'],
    ['one minute', '23:59', '00:00'],
    ['ending at midnight', '18:00', '00:00'],
  ])('a window %s (%s–%s)', (_name, start, end) => {
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

describe('validateSettings rejects', () => {
  it.each<[string, () => unknown, string, string, string]>([
    [
      'not an object',
      () => 'yes',
      'settings',
      'wrong-type',
      'settings must be an object (got "yes")',
    ],
    ['an array', () => [], 'settings', 'wrong-type', 'settings must be an object (got an array)'],
    [
      'a missing schedule',
      () => ({ ...specSettings(), schedule: undefined }),
      'settings.schedule',
      'missing',
      'settings.schedule is missing',
    ],
    [
      'a schedule that is not an array',
      () => ({ ...specSettings(), schedule: {} }),
      'settings.schedule',
      'wrong-type',
      'settings.schedule must be an array (got an object)',
    ],
    [
      'six schedule entries',
      () => withSchedule((s) => s.pop()),
      'settings.schedule',
      'schedule-length',
      'settings.schedule must have exactly 7 entries, one per weekday from 0 (Sunday) to 6 (Saturday) (got 6)',
    ],
    [
      'a duplicate weekday',
      () => withSchedule((s) => (s[3]!.weekday = 2)),
      'settings.schedule[3].weekday',
      'duplicate-weekday',
      'settings.schedule[3] is a second entry for weekday 2 (Tuesday), already given by settings.schedule[2]',
    ],
    [
      'weekday 7',
      () => withSchedule((s) => (s[6]!.weekday = 7)),
      'settings.schedule[6].weekday',
      'bad-weekday',
      'settings.schedule[6].weekday must be a whole number from 0 (Sunday) to 6 (Saturday) (got 7)',
    ],
    [
      'weekday "1"',
      () => withSchedule((s) => (s[1]!.weekday = '1')),
      'settings.schedule[1].weekday',
      'bad-weekday',
      'settings.schedule[1].weekday must be a whole number from 0 (Sunday) to 6 (Saturday) (got "1")',
    ],
    [
      'a schedule entry that is not an object',
      () => withSchedule((s) => (s[2] = null as unknown as Json)),
      'settings.schedule[2]',
      'wrong-type',
      'settings.schedule[2] must be an object (got null)',
    ],
    [
      'enabled "yes"',
      () => withSchedule((s) => (s[0]!.enabled = 'yes')),
      'settings.schedule[0].enabled',
      'wrong-type',
      'settings.schedule[0].enabled must be true or false (got "yes")',
    ],
    [
      'a missing end',
      () => withSchedule((s) => delete s[5]!.end),
      'settings.schedule[5].end',
      'missing',
      'settings.schedule[5].end is missing',
    ],
    [
      'start == end',
      () => withSchedule((s) => Object.assign(s[3]!, { start: '21:00', end: '21:00' })),
      'settings.schedule[3]',
      'same-start-end',
      'settings.schedule[3] must end at a different time than it starts (both are 21:00)',
    ],
    [
      'a 13-hour window',
      () => withSchedule((s) => Object.assign(s[3]!, { start: '20:00', end: '09:00' })),
      'settings.schedule[3]',
      'window-too-long',
      'settings.schedule[3] must be at most 12 hours long (20:00–09:00 is 13 hours)',
    ],
    [
      'a window one minute over 12 hours',
      () => withSchedule((s) => Object.assign(s[4]!, { start: '08:00', end: '20:01' })),
      'settings.schedule[4]',
      'window-too-long',
      'settings.schedule[4] must be at most 12 hours long (08:00–20:01 is 12 hours 1 minute)',
    ],
    [
      'end 25:00',
      () => withSchedule((s) => (s[3]!.end = '25:00')),
      'settings.schedule[3].end',
      'bad-time',
      'settings.schedule[3].end must be a time written HH:MM from 00:00 to 23:59 (got "25:00")',
    ],
    [
      'start 9:00 (one digit)',
      () => withSchedule((s) => (s[1]!.start = '9:00')),
      'settings.schedule[1].start',
      'bad-time',
      'settings.schedule[1].start must be a time written HH:MM from 00:00 to 23:59 (got "9:00")',
    ],
    [
      'start 20:60',
      () => withSchedule((s) => (s[1]!.start = '20:60')),
      'settings.schedule[1].start',
      'bad-time',
      'settings.schedule[1].start must be a time written HH:MM from 00:00 to 23:59 (got "20:60")',
    ],
    [
      'goal 0',
      () => ({ ...specSettings(), weeklyGoal: 0 }),
      'settings.weeklyGoal',
      'goal-range',
      'settings.weeklyGoal must be a whole number from 1 to 7 (got 0)',
    ],
    [
      'goal 8',
      () => ({ ...specSettings(), weeklyGoal: 8 }),
      'settings.weeklyGoal',
      'goal-range',
      'settings.weeklyGoal must be a whole number from 1 to 7 (got 8)',
    ],
    [
      'goal 2.5',
      () => ({ ...specSettings(), weeklyGoal: 2.5 }),
      'settings.weeklyGoal',
      'goal-range',
      'settings.weeklyGoal must be a whole number from 1 to 7 (got 2.5)',
    ],
    [
      'a missing goal',
      () => ({ ...specSettings(), weeklyGoal: undefined }),
      'settings.weeklyGoal',
      'missing',
      'settings.weeklyGoal is missing',
    ],
    [
      'limit 121',
      () => ({ ...specSettings(), limitMinutes: 121 }),
      'settings.limitMinutes',
      'limit-range',
      'settings.limitMinutes must be a whole number of minutes from 0 to 120 (got 121)',
    ],
    [
      'limit -1',
      () => ({ ...specSettings(), limitMinutes: -1 }),
      'settings.limitMinutes',
      'limit-range',
      'settings.limitMinutes must be a whole number of minutes from 0 to 120 (got -1)',
    ],
    [
      'limit "15"',
      () => ({ ...specSettings(), limitMinutes: '15' }),
      'settings.limitMinutes',
      'limit-range',
      'settings.limitMinutes must be a whole number of minutes from 0 to 120 (got "15")',
    ],
    [
      'weekStartsOn 7',
      () => ({ ...specSettings(), weekStartsOn: 7 }),
      'settings.weekStartsOn',
      'week-start-range',
      "settings.weekStartsOn must be a whole number from 0 (Sunday) to 6 (Saturday), or null for the locale's first day (got 7)",
    ],
    [
      'a missing weekStartsOn',
      () => ({ ...specSettings(), weekStartsOn: undefined }),
      'settings.weekStartsOn',
      'missing',
      'settings.weekStartsOn is missing',
    ],
    [
      'missing nudges',
      () => ({ ...specSettings(), nudges: undefined }),
      'settings.nudges',
      'missing',
      'settings.nudges is missing',
    ],
    [
      'nudges without enabled',
      () => ({ ...specSettings(), nudges: {} }),
      'settings.nudges.enabled',
      'missing',
      'settings.nudges.enabled is missing',
    ],
    [
      'nudges.enabled 1',
      () => ({ ...specSettings(), nudges: { enabled: 1 } }),
      'settings.nudges.enabled',
      'wrong-type',
      'settings.nudges.enabled must be true or false (got 1)',
    ],
    [
      'nudges.kinds an array',
      () => ({ ...specSettings(), nudges: { enabled: true, kinds: [] } }),
      'settings.nudges.kinds',
      'wrong-type',
      'settings.nudges.kinds must be an object (got an array)',
    ],
    [
      'a nudge kind "no"',
      () => ({ ...specSettings(), nudges: { enabled: true, kinds: { 'heads-up': 'no' } } }),
      'settings.nudges.kinds.heads-up',
      'wrong-type',
      'settings.nudges.kinds.heads-up must be true or false (got "no")',
    ],
    [
      'quietMinutes 4',
      () => ({ ...specSettings(), nudges: { enabled: true, quietMinutes: 4 } }),
      'settings.nudges.quietMinutes',
      'quiet-range',
      'settings.nudges.quietMinutes must be a whole number of minutes from 5 to 240 (got 4)',
    ],
    [
      'quietMinutes null',
      () => ({ ...specSettings(), nudges: { enabled: true, quietMinutes: null } }),
      'settings.nudges.quietMinutes',
      'quiet-range',
      'settings.nudges.quietMinutes must be a whole number of minutes from 5 to 240 (got null)',
    ],
    [
      'maxPerEvening 11',
      () => ({ ...specSettings(), nudges: { enabled: true, maxPerEvening: 11 } }),
      'settings.nudges.maxPerEvening',
      'max-nudges-range',
      'settings.nudges.maxPerEvening must be a whole number from 0 to 10 (got 11)',
    ],
    [
      'an unknown prompt category',
      () => ({ ...specSettings(), prompts: { favour: ['romance'] } }),
      'settings.prompts.favour[0]',
      'unknown-category',
      'settings.prompts.favour[0] must be one of "emotional", "intellectual", "physical", "experiential", "spiritual", "conversation", "listening", "care" or "ritual" (got "romance")',
    ],
    [
      'a category both favoured and hidden',
      () => ({ ...specSettings(), prompts: { favour: ['ritual', 'care'], hide: ['care'] } }),
      'settings.prompts.hide[0]',
      'category-conflict',
      'settings.prompts.hide[0] "care" is also in settings.prompts.favour[1]; a category cannot be both favoured and hidden',
    ],
    [
      'a category favoured twice',
      () => ({ ...specSettings(), prompts: { favour: ['care', 'care'] } }),
      'settings.prompts.favour[1]',
      'duplicate-category',
      'settings.prompts.favour[1] "care" repeats settings.prompts.favour[0]',
    ],
    [
      'prompts.hide a string',
      () => ({ ...specSettings(), prompts: { hide: 'care' } }),
      'settings.prompts.hide',
      'wrong-type',
      'settings.prompts.hide must be an array (got "care")',
    ],
    [
      'challenge mode "random"',
      () => ({ ...specSettings(), challenge: { mode: 'random' } }),
      'settings.challenge.mode',
      'bad-challenge-mode',
      'settings.challenge.mode must be "rotate" or "fixed" (got "random")',
    ],
    [
      'a fixed challenge without a kind',
      () => ({ ...specSettings(), challenge: { mode: 'fixed' } }),
      'settings.challenge.kind',
      'missing',
      'settings.challenge.kind is missing; a fixed challenge needs one',
    ],
    [
      'a fixed challenge of an unknown kind',
      () => ({ ...specSettings(), challenge: { mode: 'fixed', kind: 'sexual' } }),
      'settings.challenge.kind',
      'unknown-kind',
      'settings.challenge.kind must be one of "emotional", "intellectual", "physical", "experiential" or "spiritual" (got "sexual")',
    ],
  ])('%s', (_name, input, path, code, message) => {
    // JSON round trip turns `undefined` fields into absent ones, as in a file.
    const value = input();
    const result = validateSettings(
      value === undefined ? value : JSON.parse(JSON.stringify(value)),
    );
    expect(result).toEqual({ ok: false, problems: [{ path, code, message }] });
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
      problems: [
        {
          path: 'settings.schedule',
          code: 'schedule-length',
          message:
            'settings.schedule must have exactly 7 entries, one per weekday from 0 (Sunday) to 6 (Saturday) (got 1)',
        },
      ],
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
      'settings.schedule[2].end',
      'settings.limitMinutes',
      'settings.weeklyGoal',
      'settings.nudges.enabled',
    ]);
  });

  it('checks both times of a window even when the first is bad', () => {
    const result = validateSettings(
      withSchedule((s) => Object.assign(s[0]!, { start: 'soon', end: 'late' })),
    );
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'settings.schedule[0].start',
      'settings.schedule[0].end',
    ]);
  });

  it('checks disabled days too, so re-enabling one never meets a broken window', () => {
    const result = validateSettings(
      withSchedule((s) => Object.assign(s[0]!, { enabled: false, start: '10:00', end: '10:00' })),
    );
    expect(result.ok ? null : result.problems[0]!.code).toBe('same-start-end');
  });
});

describe('field validators for inline edits', () => {
  it.each([
    ['20:00', '23:00', null],
    ['21:30', '01:00', null],
    ['20:00', '08:00', null],
    ['20:00', '08:01', 'window-too-long'],
    ['07:00', '07:00', 'same-start-end'],
    ['7:00', '09:00', 'bad-time'],
    ['07:00', '24:00', 'bad-time'],
    ['', '09:00', 'bad-time'],
  ])('checkWindow %s–%s → %s', (start, end, code) => {
    expect(checkWindow({ weekday: 2, enabled: true, start, end })?.code ?? null).toBe(code);
  });

  it('checkWindow names the weekday entry, or the path it is given', () => {
    expect(checkWindow({ weekday: 5, enabled: true, start: '1', end: '2' })?.path).toBe(
      'settings.schedule[5].start',
    );
    expect(checkWindow({ start: '10:00', end: '10:00' }, 'friday')?.message).toBe(
      'friday must end at a different time than it starts (both are 10:00)',
    );
  });

  it('checkTime', () => {
    expect(checkTime('00:00', 't')).toBeNull();
    expect(checkTime('23:59', 't')).toBeNull();
    expect(checkTime(' 23:59', 't')?.code).toBe('bad-time');
    expect(checkTime(2359, 't')?.message).toBe(
      't must be a time written HH:MM from 00:00 to 23:59 (got 2359)',
    );
  });

  it.each([
    [checkLimit, 0, 120, 'limit-range'],
    [checkGoal, 1, 7, 'goal-range'],
    [checkWeekStart, 0, 6, 'week-start-range'],
    [checkQuietMinutes, 5, 240, 'quiet-range'],
    [checkMaxPerEvening, 0, 10, 'max-nudges-range'],
  ] as const)('%o accepts whole numbers from %i to %i only', (check, min, max, code) => {
    expect(check(min)).toBeNull();
    expect(check(max)).toBeNull();
    for (const bad of [min - 1, max + 1, min + 0.5, NaN, Infinity, String(min), undefined]) {
      expect(check(bad)?.code).toBe(code);
    }
  });

  it('checkWeekStart accepts null, for the locale', () => {
    expect(checkWeekStart(null)).toBeNull();
  });

  it('checkLimit uses the path it is given', () => {
    expect(checkLimit(200, 'evenings[3].limitMinutes')?.message).toBe(
      'evenings[3].limitMinutes must be a whole number of minutes from 0 to 120 (got 200)',
    );
  });

  it('checkPromptCategories refuses favouring a hidden category', () => {
    expect(checkPromptCategories({ favour: ['care'], hide: [] })).toBeNull();
    expect(checkPromptCategories({ favour: ['care'], hide: ['care'] })?.code).toBe(
      'category-conflict',
    );
  });
});

describe('helpers', () => {
  it('describeValue quotes and shortens strings, names containers', () => {
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeValue({})).toBe('an object');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(false)).toBe('false');
  });

  it('ProblemList keeps the first ones and counts the rest', () => {
    const list = new ProblemList(2);
    for (let i = 0; i < 5; i += 1) list.add(`p${i}`, 'c', 'm');
    expect(list.problems.map((p) => p.path)).toEqual(['p0', 'p1']);
    expect(list.omitted).toBe(3);
    expect(list.total).toBe(5);
  });

  it('canonicalSettings sorts the schedule and shares nothing with its input', () => {
    const settings = defaultSettings();
    settings.schedule.reverse();
    const out = canonicalSettings(settings);
    expect(out.schedule.map((w) => w.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    out.schedule[0]!.start = '19:00';
    out.nudges.kinds['heads-up'] = false;
    expect(settings.schedule[6]!.start).toBe('20:00');
    expect(settings.nudges.kinds['heads-up']).toBe(true);
  });
});
