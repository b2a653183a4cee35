/**
 * Strict validation of `Settings` (SPEC §3, §5, §6), shared by import (a whole file from
 * disk) and the options page (one edit at a time). Problems carry a stable `code` for the UI
 * to translate, a `path` into the data, and a precise English `message`.
 *
 * Pure string and number math on wall-clock `HH:MM`: no dates, no zones, no storage.
 */
import { checkSettings } from './schema';
import {
  parseHHMM,
  windowMinutes,
  MAX_WINDOW_MINUTES,
  WEEKDAYS,
  type EveningWindow,
  type Weekday,
} from '@/utils/time/schedule';
import type {
  ChallengeSetting,
  NudgeSettings,
  PromptSettings,
  Settings,
} from '@/utils/settings/schema';
import {
  defaultSettings,
  GOAL_RANGE,
  INTIMACY_KINDS,
  LIMIT_RANGE,
  NUDGE_KINDS,
  PROMPT_CATEGORIES,
  type IntimacyKind,
  type NudgeKind,
  type PromptCategory,
} from '@/utils/settings/settings';

/** Machine codes for settings problems; the UI may translate them, the message is English. */
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
  | 'unknown-kind';

/** One thing wrong with the data: where, which rule (machine code), and an English sentence. */
export interface Problem<Code extends string = string> {
  path: string;
  code: Code;
  message: string;
}

export type SettingsValidation =
  { ok: true; settings: Settings } | { ok: false; problems: Problem<SettingsProblemCode>[] };

export const QUIET_MINUTES_RANGE = { min: 5, max: 240 } as const;
export const MAX_PER_EVENING_RANGE = { min: 0, max: 10 } as const;

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** Where validators put what they find; narrower code sets accept a wider list. */
export interface ProblemSink<Code extends string> {
  add(path: string, code: Code, message: string): void;
  push(problem: Problem<Code> | null): boolean;
  readonly total: number;
}

/**
 * Collects problems, keeping the first `limit` and counting the rest, so a huge broken file
 * yields a readable message without building a million objects.
 */
export class ProblemList<Code extends string = string> implements ProblemSink<Code> {
  readonly problems: Problem<Code>[] = [];
  omitted = 0;

  constructor(readonly limit = Number.POSITIVE_INFINITY) {}

  /** Records a problem (or just counts it once the list is full). */
  add(path: string, code: Code, message: string): void {
    if (this.problems.length < this.limit) this.problems.push({ path, code, message });
    else this.omitted += 1;
  }

  /** Records a problem found by one of the `check*` helpers. */
  push(problem: Problem<Code> | null): boolean {
    if (problem) this.add(problem.path, problem.code, problem.message);
    return problem === null;
  }

  /** How many problems were found, reported or not. */
  get total(): number {
    return this.problems.length + this.omitted;
  }
}

/** How a bad value reads inside a message: strings quoted (and shortened), containers by kind. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const chars = [...value];
    return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : value);
  }
  return String(value);
}

/** `"a", "b" or "c"`, for messages that list the allowed values. */
export function listOf(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length < 2
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is a whole number in `[min, max]` (JSON numbers only, no strings). */
export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

function formatSpan(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [];
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (rest > 0) parts.push(`${rest} ${rest === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ');
}

/** Checks one `HH:MM` field. */
export function checkTime(value: unknown, path: string): Problem<'bad-time'> | null {
  if (typeof value === 'string' && parseHHMM(value)) return null;
  return {
    path,
    code: 'bad-time',
    message: `${path} must be a time written HH:MM from 00:00 to 23:59 (got ${describeValue(value)})`,
  };
}

/** Checks a whole window (times, start ≠ end, at most 12 hours), for the options page's inline edits. */
export function checkWindow(
  window: Pick<EveningWindow, 'start' | 'end'> & Partial<EveningWindow>,
  path = `settings.schedule[${window.weekday ?? '?'}]`,
): Problem<'bad-time' | 'same-start-end' | 'window-too-long'> | null {
  const bad = checkTime(window.start, `${path}.start`) ?? checkTime(window.end, `${path}.end`);
  if (bad) return bad;
  return checkSpan(window.start, window.end, path);
}

/** The window rules once both times are known to be valid `HH:MM`. */
function checkSpan(
  start: string,
  end: string,
  path: string,
): Problem<'same-start-end' | 'window-too-long'> | null {
  const minutes = windowMinutes({ start, end });
  if (minutes === 0) {
    return {
      path,
      code: 'same-start-end',
      message: `${path} must end at a different time than it starts (both are ${start})`,
    };
  }
  if (minutes > MAX_WINDOW_MINUTES) {
    return {
      path,
      code: 'window-too-long',
      message: `${path} must be at most ${formatSpan(MAX_WINDOW_MINUTES)} long (${start}–${end} is ${formatSpan(minutes)})`,
    };
  }
  return null;
}

/** Checks the nightly screen-time limit (whole minutes, 0–120). */
export function checkLimit(
  value: unknown,
  path = 'settings.limitMinutes',
): Problem<'limit-range'> | null {
  if (isIntegerIn(value, LIMIT_RANGE.min, LIMIT_RANGE.max)) return null;
  return {
    path,
    code: 'limit-range',
    message: `${path} must be a whole number of minutes from ${LIMIT_RANGE.min} to ${LIMIT_RANGE.max} (got ${describeValue(value)})`,
  };
}

/** Checks the weekly goal (whole evenings, 1–7). */
export function checkGoal(
  value: unknown,
  path = 'settings.weeklyGoal',
): Problem<'goal-range'> | null {
  if (isIntegerIn(value, GOAL_RANGE.min, GOAL_RANGE.max)) return null;
  return {
    path,
    code: 'goal-range',
    message: `${path} must be a whole number from ${GOAL_RANGE.min} to ${GOAL_RANGE.max} (got ${describeValue(value)})`,
  };
}

/** Checks the week-start override: a weekday 0–6, or null for the locale's. */
export function checkWeekStart(
  value: unknown,
  path = 'settings.weekStartsOn',
): Problem<'week-start-range'> | null {
  if (value === null || isIntegerIn(value, 0, 6)) return null;
  return {
    path,
    code: 'week-start-range',
    message: `${path} must be a whole number from 0 (Sunday) to 6 (Saturday), or null for the locale's first day (got ${describeValue(value)})`,
  };
}

/** Checks the minutes between over-limit nudges (5–240). */
export function checkQuietMinutes(
  value: unknown,
  path = 'settings.nudges.quietMinutes',
): Problem<'quiet-range'> | null {
  const { min, max } = QUIET_MINUTES_RANGE;
  if (isIntegerIn(value, min, max)) return null;
  return {
    path,
    code: 'quiet-range',
    message: `${path} must be a whole number of minutes from ${min} to ${max} (got ${describeValue(value)})`,
  };
}

/** Checks the most nudges in one evening (0–10). */
export function checkMaxPerEvening(
  value: unknown,
  path = 'settings.nudges.maxPerEvening',
): Problem<'max-nudges-range'> | null {
  const { min, max } = MAX_PER_EVENING_RANGE;
  if (isIntegerIn(value, min, max)) return null;
  return {
    path,
    code: 'max-nudges-range',
    message: `${path} must be a whole number from ${min} to ${max} (got ${describeValue(value)})`,
  };
}

type CategoryProblemCode = 'unknown-category' | 'duplicate-category' | 'category-conflict';

/** Checks the favoured and hidden prompt categories: known, no repeats, none in both. */
export function checkPromptCategories(
  prompts: { favour: readonly unknown[]; hide: readonly unknown[] },
  path = 'settings.prompts',
): Problem<CategoryProblemCode> | null {
  return promptCategoryProblems(prompts, path)[0] ?? null;
}

/** Every category problem, in list order (favour first). */
function promptCategoryProblems(
  prompts: { favour: readonly unknown[]; hide: readonly unknown[] },
  path: string,
): Problem<CategoryProblemCode>[] {
  const list = new ProblemList<CategoryProblemCode>();
  const favoured = new Map<unknown, number>();
  const lists = [
    ['favour', favoured],
    ['hide', new Map<unknown, number>()],
  ] as const;
  for (const [name, seen] of lists) {
    prompts[name].forEach((category, index) => {
      const at = `${path}.${name}[${index}]`;
      if (!(PROMPT_CATEGORIES as readonly unknown[]).includes(category)) {
        list.add(
          at,
          'unknown-category',
          `${at} must be one of ${listOf(PROMPT_CATEGORIES)} (got ${describeValue(category)})`,
        );
      } else if (seen.has(category)) {
        list.add(
          at,
          'duplicate-category',
          `${at} ${describeValue(category)} repeats ${path}.${name}[${seen.get(category)}]`,
        );
      } else {
        seen.set(category, index);
        if (name === 'hide' && favoured.has(category)) {
          list.add(
            at,
            'category-conflict',
            `${at} ${describeValue(category)} is also in ${path}.favour[${favoured.get(category)}]; a category cannot be both favoured and hidden`,
          );
        }
      }
    });
  }
  return list.problems;
}

/** Settings rebuilt in the one key order export uses, schedule in weekday order, nothing shared. */
export function canonicalSettings(
  settings: Omit<Settings, 'partnerName' | 'pairCode' | 'prompts'> &
    Partial<Pick<Settings, 'partnerName' | 'pairCode'>> & {
      prompts: Pick<Settings['prompts'], 'favour' | 'hide'> & Partial<Settings['prompts']>;
    },
): Settings {
  const { nudges, prompts, challenge } = settings;
  return {
    schedule: [...settings.schedule]
      .sort((a, b) => a.weekday - b.weekday)
      .map(({ weekday, enabled, start, end }) => ({ weekday, enabled, start, end })),
    limitMinutes: settings.limitMinutes,
    weeklyGoal: settings.weeklyGoal,
    weekStartsOn: settings.weekStartsOn,
    nudges: {
      enabled: nudges.enabled,
      kinds: Object.fromEntries(NUDGE_KINDS.map((kind) => [kind, nudges.kinds[kind]])) as Record<
        NudgeKind,
        boolean
      >,
      quietMinutes: nudges.quietMinutes,
      maxPerEvening: nudges.maxPerEvening,
    },
    prompts: {
      favour: [...prompts.favour],
      hide: [...prompts.hide],
      keepLight: prompts.keepLight ?? false,
      choice: prompts.choice ?? 'cycle',
      saved: [...(prompts.saved ?? [])],
    },
    challenge:
      challenge.mode === 'fixed' ? { mode: 'fixed', kind: challenge.kind } : { mode: 'rotate' },
    partnerName: settings.partnerName ?? '',
    pairCode: settings.pairCode ?? null,
  };
}

/** Validates settings as `validateSettings` does, adding problems to a shared list (import uses this). */
export function readSettings(
  value: unknown,
  problems: ProblemSink<SettingsProblemCode>,
  path = 'settings',
): Settings | null {
  const before = problems.total;
  if (!isRecord(value)) {
    problems.add(path, 'wrong-type', `${path} must be an object (got ${describeValue(value)})`);
    return null;
  }
  const defaults = defaultSettings();
  // The legacy checks word problems in English until import speaks the schema's codes.
  readSchedule(value.schedule, problems, `${path}.schedule`);
  readRequired(value, 'limitMinutes', path, problems, checkLimit);
  readRequired(value, 'weeklyGoal', path, problems, checkGoal);
  readRequired(value, 'weekStartsOn', path, problems, checkWeekStart);
  readNudges(value.nudges, defaults.nudges, problems, `${path}.nudges`);
  readPrompts(value.prompts, defaults.prompts, problems, `${path}.prompts`);
  readChallenge(value.challenge, defaults.challenge, problems, `${path}.challenge`);
  if (problems.total > before) return null;
  // The fields added for couple mode and the second library are checked by the schema alone.
  const checked = checkSettings(value);
  if (!checked.ok) {
    for (const problem of checked.problems) {
      const at = [path, ...problem.path].join('.');
      problems.add(at, problem.code as SettingsProblemCode, `${at}: ${problem.code}`);
    }
    return null;
  }
  return checked.settings;
}

/** Validates a whole settings object: every rule, every problem, or normalised `Settings`. */
export function validateSettings(value: unknown): SettingsValidation {
  const problems = new ProblemList<SettingsProblemCode>();
  const settings = readSettings(value, problems);
  return settings ? { ok: true, settings } : { ok: false, problems: problems.problems };
}

/** Reads a required field with one of the `check*` helpers; undefined when missing or bad. */
function readRequired(
  parent: Record<string, unknown>,
  key: string,
  parentPath: string,
  problems: ProblemSink<SettingsProblemCode>,
  check: (value: unknown, path: string) => Problem<SettingsProblemCode> | null,
): unknown {
  const path = `${parentPath}.${key}`;
  if (parent[key] === undefined) {
    problems.add(path, 'missing', `${path} is missing`);
    return undefined;
  }
  return problems.push(check(parent[key], path)) ? parent[key] : undefined;
}

/** Checks a value that must be `true` or `false`. */
function readBoolean(
  value: unknown,
  path: string,
  problems: ProblemSink<SettingsProblemCode>,
): boolean | undefined {
  if (value === undefined) {
    problems.add(path, 'missing', `${path} is missing`);
    return undefined;
  }
  if (typeof value === 'boolean') return value;
  problems.add(path, 'wrong-type', `${path} must be true or false (got ${describeValue(value)})`);
  return undefined;
}

function readSchedule(
  value: unknown,
  problems: ProblemSink<SettingsProblemCode>,
  path: string,
): EveningWindow[] | null {
  if (value === undefined) {
    problems.add(path, 'missing', `${path} is missing`);
    return null;
  }
  if (!Array.isArray(value)) {
    problems.add(path, 'wrong-type', `${path} must be an array (got ${describeValue(value)})`);
    return null;
  }
  const before = problems.total;
  if (value.length !== WEEKDAYS.length) {
    problems.add(
      path,
      'schedule-length',
      `${path} must have exactly 7 entries, one per weekday from 0 (Sunday) to 6 (Saturday) (got ${value.length})`,
    );
  }
  const seen = new Map<number, number>();
  const windows: EveningWindow[] = [];
  value.forEach((entry: unknown, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(entry)) {
      problems.add(at, 'wrong-type', `${at} must be an object (got ${describeValue(entry)})`);
      return;
    }
    const { weekday, enabled, start, end } = entry;
    let entryOk = true;
    if (weekday === undefined) {
      problems.add(`${at}.weekday`, 'missing', `${at}.weekday is missing`);
      entryOk = false;
    } else if (!isIntegerIn(weekday, 0, 6)) {
      problems.add(
        `${at}.weekday`,
        'bad-weekday',
        `${at}.weekday must be a whole number from 0 (Sunday) to 6 (Saturday) (got ${describeValue(weekday)})`,
      );
      entryOk = false;
    } else if (seen.has(weekday)) {
      problems.add(
        `${at}.weekday`,
        'duplicate-weekday',
        `${at} is a second entry for weekday ${weekday} (${WEEKDAY_NAMES[weekday]}), already given by ${path}[${seen.get(weekday)}]`,
      );
      entryOk = false;
    } else {
      seen.set(weekday, index);
    }
    if (readBoolean(enabled, `${at}.enabled`, problems) === undefined) entryOk = false;
    let timesOk = true;
    for (const key of ['start', 'end'] as const) {
      const time = entry[key];
      const timePath = `${at}.${key}`;
      if (time === undefined) problems.add(timePath, 'missing', `${timePath} is missing`);
      if (time === undefined || !problems.push(checkTime(time, timePath))) timesOk = false;
    }
    if (timesOk && !problems.push(checkSpan(start as string, end as string, at))) entryOk = false;
    if (timesOk && entryOk) {
      windows.push({
        weekday: weekday as Weekday,
        enabled: enabled as boolean,
        start: start as string,
        end: end as string,
      });
    }
  });
  return problems.total > before ? null : windows;
}

function readNudges(
  value: unknown,
  defaults: NudgeSettings,
  problems: ProblemSink<SettingsProblemCode>,
  path: string,
): NudgeSettings | null {
  if (value === undefined) {
    problems.add(path, 'missing', `${path} is missing`);
    return null;
  }
  if (!isRecord(value)) {
    problems.add(path, 'wrong-type', `${path} must be an object (got ${describeValue(value)})`);
    return null;
  }
  const before = problems.total;
  const enabled = readBoolean(value.enabled, `${path}.enabled`, problems);
  const kinds = { ...defaults.kinds };
  if (value.kinds !== undefined) {
    if (!isRecord(value.kinds)) {
      problems.add(
        `${path}.kinds`,
        'wrong-type',
        `${path}.kinds must be an object (got ${describeValue(value.kinds)})`,
      );
    } else {
      // A kind left out keeps its default, like any other optional setting.
      for (const kind of NUDGE_KINDS) {
        const on = value.kinds[kind];
        if (on === undefined) continue;
        const read = readBoolean(on, `${path}.kinds.${kind}`, problems);
        if (read !== undefined) kinds[kind] = read;
      }
    }
  }
  const quietMinutes =
    value.quietMinutes === undefined ? defaults.quietMinutes : value.quietMinutes;
  problems.push(checkQuietMinutes(quietMinutes, `${path}.quietMinutes`));
  const maxPerEvening =
    value.maxPerEvening === undefined ? defaults.maxPerEvening : value.maxPerEvening;
  problems.push(checkMaxPerEvening(maxPerEvening, `${path}.maxPerEvening`));
  if (problems.total > before || enabled === undefined) return null;
  return {
    enabled,
    kinds,
    quietMinutes: quietMinutes as number,
    maxPerEvening: maxPerEvening as number,
  };
}

function readPrompts(
  value: unknown,
  defaults: PromptSettings,
  problems: ProblemSink<SettingsProblemCode>,
  path: string,
): PromptSettings | null {
  if (value === undefined) return defaults;
  if (!isRecord(value)) {
    problems.add(path, 'wrong-type', `${path} must be an object (got ${describeValue(value)})`);
    return null;
  }
  const before = problems.total;
  const lists = { favour: defaults.favour as unknown[], hide: defaults.hide as unknown[] };
  for (const name of ['favour', 'hide'] as const) {
    const list = value[name];
    if (list === undefined) continue;
    if (Array.isArray(list)) lists[name] = list;
    else {
      problems.add(
        `${path}.${name}`,
        'wrong-type',
        `${path}.${name} must be an array (got ${describeValue(list)})`,
      );
    }
  }
  if (problems.total > before) return null;
  const categoryProblems = promptCategoryProblems(lists, path);
  for (const problem of categoryProblems) problems.push(problem);
  if (categoryProblems.length > 0) return null;
  return {
    ...defaults,
    favour: lists.favour as PromptCategory[],
    hide: lists.hide as PromptCategory[],
  };
}

function readChallenge(
  value: unknown,
  defaults: ChallengeSetting,
  problems: ProblemSink<SettingsProblemCode>,
  path: string,
): ChallengeSetting | null {
  if (value === undefined) return defaults;
  if (!isRecord(value)) {
    problems.add(path, 'wrong-type', `${path} must be an object (got ${describeValue(value)})`);
    return null;
  }
  const { mode, kind } = value;
  if (mode === 'rotate') return { mode };
  if (mode !== 'fixed') {
    if (mode === undefined) problems.add(`${path}.mode`, 'missing', `${path}.mode is missing`);
    else {
      problems.add(
        `${path}.mode`,
        'bad-challenge-mode',
        `${path}.mode must be "rotate" or "fixed" (got ${describeValue(mode)})`,
      );
    }
    return null;
  }
  if (kind === undefined) {
    problems.add(`${path}.kind`, 'missing', `${path}.kind is missing; a fixed challenge needs one`);
    return null;
  }
  if (!(INTIMACY_KINDS as readonly unknown[]).includes(kind)) {
    problems.add(
      `${path}.kind`,
      'unknown-kind',
      `${path}.kind must be one of ${listOf(INTIMACY_KINDS)} (got ${describeValue(kind)})`,
    );
    return null;
  }
  return { mode, kind: kind as IntimacyKind };
}
