/**
 * fast-check generators for valid settings and evening records, shared by the
 * settings-validation, export-file and import-file tests.
 */
import fc from 'fast-check';
import { EVENING_STATUSES, type EveningRecord } from '@/utils/evening/record';
import { WEEKDAYS, type EveningWindow } from '@/utils/time/schedule';
import type { Settings } from '@/utils/settings/schema';
import {
  INTIMACY_KINDS,
  NUDGE_KINDS,
  PROMPT_CATEGORIES,
  PROMPT_CHOICES,
} from '@/utils/settings/settings';
import { checkIndex, PAIR_WORDS } from '@/utils/settings/pair-code';

/** A valid pair code in its stored form: three words and their check word. */
export const pairCodeArb = fc
  .tuple(...[0, 1, 2].map(() => fc.nat(PAIR_WORDS.length - 1)))
  .map((first) => [...first, checkIndex(first)].map((i) => PAIR_WORDS[i]!).join('-'));

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** A valid window for `weekday`: any start, 1 minute to 12 hours long, may cross midnight. */
export const windowFor = (weekday: EveningWindow['weekday']) =>
  fc
    .record({
      enabled: fc.boolean(),
      start: fc.integer({ min: 0, max: 1439 }),
      length: fc.integer({ min: 1, max: 720 }),
    })
    .map(({ enabled, start, length }): EveningWindow => ({
      weekday,
      enabled,
      start: clock(start),
      end: clock((start + length) % 1440),
    }));

const categories = fc
  .shuffledSubarray([...PROMPT_CATEGORIES])
  .chain((favour) =>
    fc
      .shuffledSubarray(PROMPT_CATEGORIES.filter((c) => !favour.includes(c)))
      .map((hide) => ({ favour, hide })),
  )
  .chain((lists) =>
    fc.record({
      favour: fc.constant(lists.favour),
      hide: fc.constant(lists.hide),
      keepLight: fc.boolean(),
      choice: fc.constantFrom(...PROMPT_CHOICES),
      saved: fc.uniqueArray(fc.stringMatching(/^[a-z]{4,12}_\d{2}$/), { maxLength: 5 }),
    }),
  );

/** Any valid Settings, schedule in weekday order. */
export const settingsArb: fc.Arbitrary<Settings> = fc.record({
  schedule: fc.tuple(...WEEKDAYS.map(windowFor)),
  limitMinutes: fc.integer({ min: 0, max: 120 }),
  weeklyGoal: fc.integer({ min: 1, max: 7 }),
  weekStartsOn: fc.constantFrom(null, ...WEEKDAYS),
  nudges: fc.record({
    enabled: fc.boolean(),
    kinds: fc.record(
      Object.fromEntries(NUDGE_KINDS.map((kind) => [kind, fc.boolean()])) as Record<
        (typeof NUDGE_KINDS)[number],
        fc.Arbitrary<boolean>
      >,
    ),
    quietMinutes: fc.integer({ min: 5, max: 240 }),
    maxPerEvening: fc.integer({ min: 0, max: 10 }),
  }),
  prompts: categories,
  challenge: fc.oneof(
    fc.constant({ mode: 'rotate' as const }),
    fc.constantFrom(...INTIMACY_KINDS).map((kind) => ({ mode: 'fixed' as const, kind })),
  ),
  partnerName: fc.string({ maxLength: 40 }).map((name) => name.trim()),
  pairCode: fc.option(pairCodeArb),
});

const dayMs = 86_400_000;
const from = Date.UTC(2000, 0, 1);
const to = Date.UTC(2099, 11, 31);
const lastDate = Date.UTC(2030, 11, 31);

/** A moment after every date `dateArb` gives: import takes evenings up to tomorrow only. */
export const ARBITRARY_CLOCK = { now: lastDate + dayMs / 2, zone: 'UTC' };

/** A `YYYY-MM-DD` date between 2000 and 2030. */
export const dateArb = fc
  .integer({ min: 0, max: Math.floor((lastDate - from) / dayMs) })
  .map((days) => new Date(from + days * dayMs).toISOString().slice(0, 10));

/** `YYYY-MM-DD` dates from `first` to `count` days (or weeks) after it. */
export const datesFrom = (first: string, count: number, unit: 'days' | 'weeks' = 'days') =>
  fc.integer({ min: 0, max: count }).map((n) =>
    Temporal.PlainDate.from(first)
      .add({ [unit]: n })
      .toString(),
  );

/** An ISO instant as `Date#toISOString` writes it. */
export const instantArb = fc
  .integer({ min: from, max: to })
  .map((ms) => new Date(ms).toISOString());

const count = fc.nat({ max: 100_000 });
/** Screen seconds of one evening: at most 12 hours' worth of minutes. */
const seconds = fc.nat({ max: 720 * 60 + 59 });
const text = fc.string({ maxLength: 40, unit: 'binary' });

/** A valid evening record (every optional extra sometimes present) for `date`. */
export const eveningFor = (date: string): fc.Arbitrary<EveningRecord> =>
  fc
    .record(
      {
        date: fc.constant(date),
        screenMinutes: fc.nat({ max: 720 }),
        status: fc.constantFrom(...EVENING_STATUSES),
        nudges: fc.nat({ max: 10 }),
        checkIns: fc.array(
          fc.record(
            {
              kinds: fc.shuffledSubarray([...INTIMACY_KINDS], { minLength: 1 }),
              at: instantArb,
              note: text,
              source: fc.constantFrom('popup' as const, 'ritual' as const, 'newtab' as const),
            },
            { requiredKeys: ['kinds', 'at', 'note'] },
          ),
          { maxLength: 3 },
        ),
        screenSeconds: seconds,
        zone: fc.constantFrom('Europe/Berlin', 'Pacific/Auckland', 'America/New_York'),
        limitMinutes: fc.integer({ min: 0, max: 120 }),
        markedScreenFree: fc.boolean(),
        reasons: fc.array(
          fc.record({
            at: instantArb,
            source: fc.constantFrom('need-it' as const, 'snooze' as const),
            text,
          }),
          { maxLength: 3 },
        ),
        promptOffset: fc.nat({ max: 50 }),
        promptLighterAt: fc.nat({ max: 50 }),
        promptAsked: fc.constantFrom('care_19', 'ritual_07', 'care_07'),
        nudgeKindsSent: fc.subarray([...NUDGE_KINDS]),
        lastNudgeAt: instantArb,
        putDownAt: instantArb,
        putDownScreenSeconds: count,
      },
      { requiredKeys: ['date', 'screenMinutes', 'status', 'nudges', 'checkIns'] },
    )
    // Minutes are the seconds rounded down, whenever the seconds are there.
    .map((record) =>
      record.screenSeconds === undefined
        ? record
        : { ...record, screenMinutes: Math.floor(record.screenSeconds / 60) },
    );

/** Valid evenings with distinct dates, in random order. */
export const eveningsArb: fc.Arbitrary<EveningRecord[]> = fc
  .uniqueArray(dateArb, { maxLength: 12 })
  .chain((dates) => fc.tuple(...dates.map(eveningFor)))
  .map((evenings) => [...evenings]);

/** The same object with its own keys (not nested ones) in a random order. */
export const shuffledKeys = <T extends object>(value: T): fc.Arbitrary<T> =>
  fc
    .shuffledSubarray(Object.entries(value), { minLength: Object.keys(value).length })
    .map((entries) => Object.fromEntries(entries) as T);
