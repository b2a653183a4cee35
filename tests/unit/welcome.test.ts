import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { editSettings } from '@/utils/data/edit-settings';
import { eraseAll, readSettings } from '@/utils/data/storage';
import { parsePairCode } from '@/utils/settings/pair-code';
import { defaultSettings } from '@/utils/settings/settings';
import { WEEKDAYS } from '@/utils/time/schedule';
import {
  presetEdit,
  presetsDiffer,
  presetsOf,
  WEEKDAY_DAYS,
  WEEKEND_DAYS,
} from '@/components/welcome/evening-presets';
import { pairProblemMessage } from '@/components/welcome/pair-messages';
import { mergeLocale } from '../../scripts/locales';

const english = mergeLocale('en');

beforeEach(async () => {
  await eraseAll();
  Object.assign(fakeBrowser, {
    i18n: {
      getMessage: (key: string, subs?: string | string[]) =>
        english[key]
          ? [subs ?? []]
              .flat()
              .reduce((m, sub, i) => m.replace(`$${i + 1}`, sub), english[key]!.message)
          : '',
      getUILanguage: () => 'en',
    },
  });
});

const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('the welcome page’s two groups of evening hours', () => {
  it('cover the week once: Monday to Friday, Saturday and Sunday', () => {
    expect([...WEEKDAY_DAYS, ...WEEKEND_DAYS].sort()).toEqual([...WEEKDAYS]);
  });

  it('start from the stored hours (Monday’s and Saturday’s)', () => {
    const settings = defaultSettings();
    settings.schedule[1] = { ...settings.schedule[1]!, start: '19:30', end: '22:30' };
    settings.schedule[6] = { ...settings.schedule[6]!, start: '21:00', end: '01:00' };
    expect(presetsOf(settings)).toEqual({
      weekdays: { start: '19:30', end: '22:30' },
      weekends: { start: '21:00', end: '01:00' },
    });
  });

  it('store every day’s hours from its group and keep each day’s on/off switch', async () => {
    await editSettings({
      'schedule.3': { weekday: 3, enabled: false, start: '20:00', end: '23:00' },
    });
    const result = await editSettings(
      presetEdit({ start: '21:30', end: '00:30' }, { start: '22:00', end: '02:00' }),
    );
    expect(result.ok).toBe(true);
    const { schedule } = await readSettings();
    for (const window of schedule) {
      const weekend = window.weekday === 0 || window.weekday === 6;
      expect(window).toEqual({
        weekday: window.weekday,
        enabled: window.weekday !== 3,
        start: weekend ? '22:00' : '21:30',
        end: weekend ? '02:00' : '00:30',
      });
    }
  });

  it('leave every other setting as stored', () => {
    fc.assert(
      fc.property(clock, clock, clock, clock, (a, b, c, d) => {
        const settings = { ...defaultSettings(), limitMinutes: 40, partnerName: 'Sam' };
        const edit = presetEdit({ start: a, end: b }, { start: c, end: d })(settings);
        expect(Object.keys(edit).sort()).toEqual(WEEKDAYS.map((w) => `schedule.${w}`).sort());
      }),
    );
  });

  it('are refused as a whole when a window is not one (nothing is stored)', async () => {
    const result = await editSettings(
      presetEdit({ start: '20:00', end: '20:00' }, { start: '20:00', end: '23:00' }),
    );
    expect(result.ok).toBe(false);
    expect(await readSettings()).toEqual(defaultSettings());
  });
});

describe('pair-code problems in words', () => {
  it.each([
    ['', 'Type the four words'],
    ['bara bami', 'A pair code has four words'],
    ['bara bami bido tuso', "“bido” (word 3) isn't one of the pair-code words"],
    ['bami bara bado tuso', "Those four words don't go together"],
  ])('%j → %s…', (typed, start) => {
    const parsed = parsePairCode(typed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(pairProblemMessage(parsed.problem).slice(0, start.length)).toBe(start);
  });
});

describe('presetsDiffer', () => {
  it('is false for the defaults and true once one day of a group has other hours', () => {
    const settings = defaultSettings();
    expect(presetsDiffer(settings)).toBe(false);
    settings.schedule[0] = { ...settings.schedule[0]!, end: '23:30' };
    expect(presetsDiffer(settings)).toBe(true);
    const stored = presetEdit(presetsOf(settings).weekdays, presetsOf(settings).weekends)(settings);
    const after = {
      ...settings,
      schedule: settings.schedule.map((w) => stored[`schedule.${w.weekday}`]!),
    };
    expect(presetsDiffer(after)).toBe(false);
  });
});
