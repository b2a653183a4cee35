/**
 * Export files that Closer's importer accepts although nothing in the product would write them
 * quite like this (SPEC §8, "Every file the importer accepts renders on every page"): repeated
 * timestamps, text without a single space, scripts written right to left, dozens of check-ins,
 * schedules at the edge of the rules, twenty-six years of evenings, the longest settings lists.
 * Each is a valid schema-version-1 file (the importer must accept it: render-check.e2e.ts says
 * so first); dates are relative to `today` so they stay inside the plausible range (from
 * 2000-01-01 to tomorrow) whenever the test runs.
 *
 * Every schedule covers 20:00–23:00 and nothing between 08:00 and 19:00, so the e2e harness's
 * evening zone shows the evening and its day zone the day, whichever file was imported last.
 * Nothing from the product or the harness is imported (only the test settings of SPEC §8): the
 * unit tests check the same files against the importer.
 */

import { specSettings } from '../unit/spec-settings';

/** The calendar date `days` after `date` (the harness has the same; this module stands alone). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface OddFile {
  /** A short name, used in test titles and failure messages. */
  name: string;
  /** The file's contents for a browser whose local date is `today` (`YYYY-MM-DD`). */
  build(today: string): { [key: string]: Json };
  /** Names to type into the ritual, which is walked step by step for this file. */
  ritualNames?: readonly [string, string];
}

const KINDS = ['emotional', 'intellectual', 'physical', 'experiential', 'spiritual'];
const CATEGORIES = [...KINDS, 'conversation', 'listening', 'care', 'ritual'];

/** A pasted link: 200 characters (the reason field's own limit) and not one space. */
export const LONG_LINK = `https://example.org/${'a1b2c3d4e5'.repeat(20)}`.slice(0, 200);
/** The longest text a note or a reason may hold in a file, without a space. */
const LONGEST_TEXT = 'x'.repeat(1990) + 'ZZZZZZZZZZ';
/** The longest partner name (40 characters), one word. */
export const LONG_NAME = 'Maximiliana' + 'Bartholomew'.repeat(2) + 'Aleksandrovna'.slice(0, 7);

/** Right-to-left scripts, emoji sequences, combining marks and bidi controls, mixed. */
const SCRIPTS = [
  'نتحدث عن يومنا قبل النوم',
  'שיחה ארוכה על המרפסת',
  '👩🏽‍❤️‍💋‍👨🏿👨‍👩‍👧‍👦🏳️‍🌈🇧🇷🇪🇸'.repeat(6),
  'Z̷̛̗̈́a̸̢̛͓l̴̨̛̘g̵̛̣͝ǒ̶̬̕'.repeat(12),
  'e\u0301'.repeat(150),
  '\u202Eabc\u202C \u2067RTL\u2069 ‏mixed‏ עברית and English',
  '\u200B'.repeat(50) + 'zero-width' + '\uFEFF',
];

function settings(overrides: { [key: string]: Json } = {}): { [key: string]: Json } {
  return { ...specSettings(), weekStartsOn: null, ...overrides };
}

function exportFile(evenings: Json[], settingsOverrides: { [key: string]: Json } = {}) {
  return {
    app: 'closer',
    schemaVersion: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    settings: settings(settingsOverrides),
    evenings,
  };
}

function evening(date: string, extra: { [key: string]: Json } = {}): { [key: string]: Json } {
  return {
    date,
    screenMinutes: 9,
    status: 'distraction-free',
    nudges: 0,
    checkIns: [],
    ...extra,
  };
}

/** An instant on the evening of `date` (UTC is fine: any instant is accepted). */
const at = (date: string, time = '21:00:00.000') => `${date}T${time}Z`;

export const ODD_FILES: OddFile[] = [
  {
    name: 'repeated timestamps',
    build: (today) =>
      exportFile([
        evening(addDays(today, -1), {
          status: 'over',
          screenMinutes: 40,
          checkIns: [0, 1, 2].map(() => ({ kinds: ['emotional'], at: at(today), note: 'same' })),
          reasons: [0, 1, 2].map(() => ({
            at: at(addDays(today, -1)),
            source: 'need-it',
            text: 'the same reason',
          })),
        }),
        evening(today, {
          status: 'in-progress',
          // Two reasons at the same moment (history's list used to key on `at`), one repeated.
          reasons: [
            { at: at(today), source: 'need-it', text: 'a bus ticket' },
            { at: at(today), source: 'snooze', text: 'a bus ticket' },
            { at: at(today), source: 'snooze', text: 'something else' },
          ],
        }),
      ]),
  },
  {
    name: 'text without spaces',
    build: (today) =>
      exportFile([
        evening(today, {
          status: 'in-progress',
          reasons: [
            { at: at(today, '20:10:00.000'), source: 'need-it', text: LONG_LINK },
            { at: at(today, '20:20:00.000'), source: 'snooze', text: LONGEST_TEXT },
          ],
          checkIns: [{ kinds: KINDS, at: at(today), note: LONGEST_TEXT }],
        }),
        evening(addDays(today, -1), {
          checkIns: [{ kinds: ['physical'], at: at(addDays(today, -1)), note: LONG_LINK }],
          reasons: [{ at: at(addDays(today, -1)), source: 'need-it', text: LONG_LINK }],
        }),
      ]),
  },
  {
    name: 'scripts, emoji and combining marks',
    build: (today) =>
      exportFile(
        [
          evening(today, {
            status: 'in-progress',
            reasons: SCRIPTS.map((text, i) => ({
              at: at(today, `20:0${i}:00.000`),
              source: i % 2 ? 'snooze' : 'need-it',
              text,
            })),
            checkIns: SCRIPTS.map((note, i) => ({
              kinds: [KINDS[i % 5]!],
              at: at(today, `21:0${i}:00.000`),
              note,
            })),
          }),
        ],
        { partnerName: 'نور‏🌙' },
      ),
  },
  {
    name: 'dozens of check-ins and reasons in one evening',
    build: (today) =>
      exportFile([
        evening(today, {
          status: 'in-progress',
          checkIns: Array.from({ length: 60 }, (_, i) => ({
            kinds: KINDS.slice(0, 1 + (i % 5)),
            at: at(today, `21:${String(i % 60).padStart(2, '0')}:00.000`),
            note: `check-in ${i}`,
            source: (['popup', 'ritual', 'newtab'] as const)[i % 3]!,
          })),
          reasons: Array.from({ length: 48 }, (_, i) => ({
            at: at(today, `20:${String(i).padStart(2, '0')}:00.000`),
            source: i % 2 ? 'snooze' : 'need-it',
            text: `reason number ${i}`,
          })),
        }),
      ]),
  },
  {
    name: 'a 40-character partner name without spaces',
    ritualNames: [LONG_NAME, 'نور‏🌙'],
    build: (today) =>
      exportFile([evening(addDays(today, -1))], {
        partnerName: LONG_NAME,
        pairCode: null,
      }),
  },
  {
    name: 'schedules at the edges',
    build: (today) =>
      exportFile([evening(addDays(today, -1), { zone: 'Pacific/Chatham' })], {
        // Every evening crosses midnight; Wednesday's is twelve hours long, the most allowed.
        schedule: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
          weekday,
          enabled: true,
          start: weekday === 3 ? '20:00' : '19:30',
          end: weekday === 3 ? '08:00' : '01:30',
        })),
        limitMinutes: 0,
        weeklyGoal: 7,
        weekStartsOn: 6,
        nudges: {
          enabled: false,
          kinds: { 'heads-up': false, 'evening-start': true, 'five-left': false },
          quietMinutes: 240,
          maxPerEvening: 10,
        },
      }),
  },
  {
    name: 'the longest settings lists',
    build: (today) =>
      exportFile([evening(today, { status: 'in-progress' })], {
        limitMinutes: 120,
        weeklyGoal: 1,
        weekStartsOn: 0,
        prompts: {
          favour: CATEGORIES.slice(0, 4),
          hide: CATEGORIES.slice(4),
          keepLight: true,
          choice: 'saved',
          // 500 ids (the most allowed), most of them not in the library, one repeated.
          saved: [
            'emotional_01',
            ...CATEGORIES.flatMap((category) =>
              Array.from({ length: 56 }, (_, i) => `${category}_${String(i + 1).padStart(2, '0')}`),
            ).slice(0, 499),
          ],
        },
        challenge: { mode: 'fixed', kind: 'spiritual' },
        partnerName: '',
      }),
  },
  {
    name: 'every evening since 2000-01-01',
    build: (today) => {
      const evenings: Json[] = [];
      const first = '2000-01-01';
      const tomorrow = addDays(today, 1);
      for (let date = first, i = 0; date <= tomorrow; date = addDays(date, 1), i += 1) {
        const lastWeek = date >= addDays(today, -7) && date < today;
        const status =
          date === today
            ? 'in-progress'
            : lastWeek
              ? 'unobserved'
              : (['distraction-free', 'over', 'unobserved', 'in-progress'] as const)[i % 4]!;
        evenings.push(
          evening(date, {
            status,
            screenMinutes: status === 'unobserved' ? 0 : (i * 37) % 721,
            nudges: i % 11,
            checkIns: i % 5 ? [] : [{ kinds: [KINDS[i % 5]!], at: at(date), note: '' }],
            ...(date === today ? { promptOffset: Number.MAX_SAFE_INTEGER } : {}),
          }),
        );
      }
      return exportFile(evenings, { weeklyGoal: 2 });
    },
  },
];
