/**
 * The settings schema (SPEC §3, §5, §6, §7, §13): one Valibot schema from which the `Settings`
 * type is inferred, used wherever settings come from outside the code (an import, an options
 * edit, a synced change). Every rule's message is its problem code; `problemsOf` turns
 * Valibot's issues into `{ code, path }` and `utils/data/problems.ts` words them.
 *
 * The window rule and the real-date rule are not written here: they call the time wing.
 */
import * as v from 'valibot';
import { parseHHMM, windowProblem, WEEKDAYS, type EveningWindow } from '@/utils/time/schedule';
import {
  GOAL_RANGE,
  INTIMACY_KINDS,
  LIMIT_RANGE,
  MAX_PER_EVENING_RANGE,
  MAX_SAVED_PROMPTS,
  NUDGE_KINDS,
  PARTNER_NAME_MAX,
  PROMPT_CATEGORIES,
  PROMPT_CHOICES,
  PROMPT_ID,
  QUIET_MINUTES_RANGE,
  type NudgeKind,
  type PromptCategory,
} from './settings';
import { isPairCode } from './pair-code';

/** A problem with some data: which rule (a stable code) and where (keys and indexes). */
export interface Problem<Code extends string = string> {
  code: Code;
  path: (string | number)[];
}

/** Codes of the settings rules; the same codes name import problems in settings. */
export type SettingsProblemCode =
  | 'missing'
  | 'wrong-type'
  | 'schedule-length'
  | 'bad-weekday'
  | 'duplicate-weekday'
  | 'bad-time'
  | 'same-start-end'
  | 'window-too-long'
  | 'limit-range'
  | 'goal-range'
  | 'week-start-range'
  | 'quiet-range'
  | 'max-nudges-range'
  | 'unknown-category'
  | 'duplicate-category'
  | 'category-conflict'
  | 'bad-challenge-mode'
  | 'unknown-kind'
  | 'bad-prompt-choice'
  | 'bad-prompt-id'
  | 'too-many-saved'
  | 'name-too-long'
  | 'bad-pair-code';

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with `entries`, each checked by its schema (Valibot's `object` takes arrays too). */
export /* @__NO_SIDE_EFFECTS__ */ function objectOf<const E extends v.ObjectEntries>(
  entries: E,
  code: string,
) {
  return v.pipe(v.custom<Record<string, unknown>>(isObject, code), v.object(entries, code));
}

/**
 * A whole number in `[min, max]`: JSON numbers only, so `"15"` and `1e309` are refused, each
 * once (for the first rule it breaks).
 */
export /* @__NO_SIDE_EFFECTS__ */ function wholeIn(
  range: { min: number; max: number },
  code: string,
) {
  return v.config(
    v.pipe(
      v.number(code),
      v.safeInteger(code),
      v.minValue(range.min, code),
      v.maxValue(range.max, code),
    ),
    { abortPipeEarly: true },
  );
}

/**
 * Items that must not repeat: each repeat is reported at its own index with `code`. `keyOf`
 * gives an item's identity, or undefined for an item that is not valid (it has its own problem
 * and is not compared). Runs even when other items are broken, so one pass reports everything.
 */
export /* @__NO_SIDE_EFFECTS__ */ function unique<T>(
  code: string,
  keyOf: (item: unknown) => unknown,
) {
  return v.rawCheck<T[]>(({ dataset, addIssue }) => {
    const items: unknown = dataset.value;
    if (!Array.isArray(items)) return;
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      const key = keyOf(item);
      if (key === undefined) return;
      if (seen.has(key)) addIssue({ message: code, path: [arrayItem(items, index)] });
      seen.add(key);
    });
  });
}

/** `keyOf` for `unique`: the value itself when it is one of `values`. */
export /* @__NO_SIDE_EFFECTS__ */ function among(values: readonly unknown[]) {
  return (item: unknown) => (values.includes(item) ? item : undefined);
}

/** The value of `key` when `value` is an object, for rules that look into items of any shape. */
export /* @__NO_SIDE_EFFECTS__ */ function propertyOf(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

/**
 * A rule across fields of an object that passed every other rule: `problem` gives the code of
 * what is wrong, or null. It is reported at `key` (at the object itself when `key` is null). An
 * object already wrong is not judged on it, so each fault has one message.
 */
export /* @__NO_SIDE_EFFECTS__ */ function across<T extends Record<string, unknown>>(
  key: (keyof T & string) | null,
  problem: (value: T) => string | null,
) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed || dataset.issues) return;
    const value = dataset.value;
    const code = problem(value);
    if (code === null) return;
    if (key === null) return addIssue({ message: code });
    addIssue({
      message: code,
      path: [{ type: 'object', origin: 'value', input: value, key, value: value[key] }],
    });
  });
}

function arrayItem(array: unknown[], key: number): v.ArrayPathItem {
  return { type: 'array', origin: 'value', input: array, key, value: array[key] };
}

/** A wall-clock time, `HH:MM` as the time wing reads it. */
const Time = v.pipe(
  v.string('bad-time'),
  v.check((time) => parseHHMM(time) !== null, 'bad-time'),
);

const WindowObject = objectOf(
  {
    weekday: v.picklist(WEEKDAYS, 'bad-weekday'),
    enabled: v.boolean('wrong-type'),
    start: Time,
    end: Time,
  },
  'wrong-type',
);

/** One weekday's window; once both times are valid, its span follows the time wing's rule. */
const WindowSchema = v.pipe(
  WindowObject,
  across<v.InferOutput<typeof WindowObject>>(null, (window) => {
    const problem = windowProblem(window);
    return problem && (problem.code === 'too-long' ? 'window-too-long' : problem.code);
  }),
);

const ScheduleSchema = v.pipe(
  v.array(WindowSchema, 'wrong-type'),
  // A literal, not WEEKDAYS.length, for the same reason as the challenge modes below.
  v.length(7, 'schedule-length'),
  unique<EveningWindow>('duplicate-weekday', (window) =>
    among(WEEKDAYS)(propertyOf(window, 'weekday')),
  ),
  v.transform((windows): EveningWindow[] => [...windows].sort((a, b) => a.weekday - b.weekday)),
);

const NudgeKindsSchema = objectOf(
  /* @__PURE__ */ Object.fromEntries(
    /* @__PURE__ */ NUDGE_KINDS.map((kind) => [kind, v.optional(v.boolean('wrong-type'), true)]),
  ) as {
    [K in NudgeKind]: v.OptionalSchema<v.BooleanSchema<string>, true>;
  },
  'wrong-type',
);

const NudgesSchema = objectOf(
  {
    enabled: v.boolean('wrong-type'),
    // A kind left out keeps its default, like any other optional setting.
    kinds: v.optional(NudgeKindsSchema, {}),
    quietMinutes: v.optional(wholeIn(QUIET_MINUTES_RANGE, 'quiet-range'), 30),
    maxPerEvening: v.optional(wholeIn(MAX_PER_EVENING_RANGE, 'max-nudges-range'), 4),
  },
  'wrong-type',
);

const Categories = v.optional(
  v.pipe(
    v.array(v.picklist(PROMPT_CATEGORIES, 'unknown-category'), 'wrong-type'),
    unique<PromptCategory>('duplicate-category', among(PROMPT_CATEGORIES)),
  ),
  [],
);

const PromptsSchema = v.pipe(
  objectOf(
    {
      favour: Categories,
      hide: Categories,
      /** "Keep it light for now": tender prompts are left out everywhere. */
      keepLight: v.optional(v.boolean('wrong-type'), false),
      /** Tonight's prompt from the whole library's cycle, or from the saved questions. */
      choice: v.optional(v.picklist(PROMPT_CHOICES, 'bad-prompt-choice'), 'cycle'),
      /** Saved (starred) prompt ids, oldest first. */
      saved: v.optional(
        v.pipe(
          v.array(v.pipe(v.string('bad-prompt-id'), v.regex(PROMPT_ID, 'bad-prompt-id'))),
          v.maxLength(MAX_SAVED_PROMPTS, 'too-many-saved'),
          // Saving twice is harmless: keep the first.
          v.transform((ids) => [...new Set(ids)]),
        ),
        [],
      ),
    },
    'wrong-type',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { favour, hide } = dataset.value;
    const favoured = new Set(favour);
    hide.forEach((category, index) => {
      if (!favoured.has(category)) return;
      addIssue({
        message: 'category-conflict',
        path: [
          { type: 'object', origin: 'value', input: dataset.value, key: 'hide', value: hide },
          arrayItem(hide, index),
        ],
      });
    });
  }),
);

const ChallengeSchema = v.variant(
  'mode',
  [
    // Literals rather than CHALLENGE_MODES[i]: a property read here would keep the settings
    // schema in every page's bundle (the bundler cannot prove it harmless).
    v.object({ mode: v.literal('rotate') }),
    v.object({
      mode: v.literal('fixed'),
      kind: v.picklist(INTIMACY_KINDS, 'unknown-kind'),
    }),
  ],
  'bad-challenge-mode',
);

/** The settings as stored and exported; optional fields take their defaults. */
export const SettingsSchema = objectOf(
  {
    schedule: ScheduleSchema,
    limitMinutes: wholeIn(LIMIT_RANGE, 'limit-range'),
    weeklyGoal: wholeIn(GOAL_RANGE, 'goal-range'),
    weekStartsOn: v.nullable(v.picklist(WEEKDAYS, 'week-start-range'), null),
    nudges: NudgesSchema,
    prompts: v.optional(PromptsSchema, {}),
    challenge: v.optional(ChallengeSchema, { mode: 'rotate' }),
    /** The partner's first name, for sentences that read better with it ('' = none). */
    partnerName: v.optional(
      v.pipe(v.string('wrong-type'), v.trim(), v.maxLength(PARTNER_NAME_MAX, 'name-too-long')),
      '',
    ),
    /** The couple's pair code (SPEC §13), normalised, or null when not paired. */
    pairCode: v.optional(
      v.nullable(v.pipe(v.string('bad-pair-code'), v.check(isPairCode, 'bad-pair-code'))),
      null,
    ),
  },
  'wrong-type',
);

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type NudgeSettings = Settings['nudges'];
export type PromptSettings = Settings['prompts'];
export type ChallengeSetting = Settings['challenge'];

/**
 * Valibot's issues as problems: the code each rule carries, and the path as keys and indexes.
 * A required value that is absent is `missing`, whichever rule noticed.
 */
export function problemsOf<Code extends string>(
  issues: readonly v.BaseIssue<unknown>[],
): Problem<Code>[] {
  return issues.map((issue) => {
    const path = issue.path ?? [];
    const last = path.at(-1);
    const absent =
      last !== undefined &&
      issue.input === undefined &&
      typeof last.input === 'object' &&
      last.input !== null &&
      !(String(last.key) in (last.input as object));
    return {
      code: (absent ? 'missing' : issue.message) as Code,
      path: path.map((item) => item.key as string | number),
    };
  });
}

export type SettingsCheck =
  { ok: true; settings: Settings } | { ok: false; problems: Problem<SettingsProblemCode>[] };

/** Checks settings from outside the code: every problem, or the settings in canonical form. */
export function checkSettings(value: unknown): SettingsCheck {
  const result = v.safeParse(SettingsSchema, value);
  return result.success
    ? { ok: true, settings: result.output }
    : { ok: false, problems: problemsOf<SettingsProblemCode>(result.issues) };
}
