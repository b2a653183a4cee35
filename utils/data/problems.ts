/**
 * The one table from problem to `_locales` keys. The codes are the messages of the schemas'
 * rules (settings, evening record, export file) and of the import's own checks; the options
 * page words every problem from here, in both places one can appear: an import alert (with its
 * place, from the path) and the inline message beside the control that broke a rule.
 */
import { MAX_IMPORT_BYTES, type ImportProblemCode } from '@/utils/data/import-file';
import { MAX_NOTE_LENGTH } from '@/utils/evening/record';
import { MAX_SAVED_PROMPTS, PARTNER_NAME_MAX } from '@/utils/settings/settings';

export interface ProblemKeys {
  /** What is wrong: after the place in an import alert, or alone when `file` is set. */
  what: string;
  /** A problem with the file as a whole: `what` is a full sentence, with no place in front. */
  file?: true;
  /** The number `what` says as `$1`. */
  count?: number;
  /** The message beside an options control that can break this rule. */
  field?: string;
}

/** Every code's keys (type-checked: a new code cannot go unworded). */
export const PROBLEM_KEYS: Record<ImportProblemCode, ProblemKeys> = {
  'too-large': { what: 'data_too_big', file: true, count: MAX_IMPORT_BYTES / 1024 / 1024 },
  'bad-encoding': { what: 'import_problem_bad_encoding', file: true },
  'replacement-character': { what: 'import_problem_replacement_character', file: true },
  'not-json': { what: 'import_problem_not_json', file: true },
  'not-object': { what: 'import_problem_not_closer', file: true },
  'wrong-app': { what: 'import_problem_not_closer', file: true },
  'bad-version': { what: 'import_problem_bad_version', file: true },
  'newer-version': { what: 'import_problem_newer_version', file: true },
  'schedule-length': { what: 'import_problem_schedule_length', file: true },
  missing: { what: 'import_problem_missing' },
  'wrong-type': { what: 'import_problem_wrong_type' },
  'bad-weekday': { what: 'import_problem_bad_weekday' },
  'duplicate-weekday': { what: 'import_problem_duplicate_weekday' },
  'bad-time': { what: 'import_problem_bad_time', field: 'options_problem_bad_time' },
  'same-start-end': {
    what: 'import_problem_same_start_end',
    field: 'options_problem_same_start_end',
  },
  'window-too-long': {
    what: 'import_problem_window_too_long',
    field: 'options_problem_window_too_long',
  },
  'limit-range': { what: 'import_problem_limit_range', field: 'options_problem_limit_range' },
  'goal-range': { what: 'import_problem_goal_range', field: 'options_problem_goal_range' },
  'week-start-range': { what: 'import_problem_week_start_range' },
  'quiet-range': { what: 'import_problem_quiet_range', field: 'options_problem_quiet_range' },
  'max-nudges-range': {
    what: 'import_problem_max_nudges_range',
    field: 'options_problem_max_nudges_range',
  },
  'unknown-category': { what: 'import_problem_unknown_category' },
  'duplicate-category': { what: 'import_problem_duplicate_category' },
  'category-conflict': {
    what: 'import_problem_category_conflict',
    field: 'options_problem_category_conflict',
  },
  'bad-challenge-mode': { what: 'import_problem_bad_challenge_mode' },
  'unknown-kind': { what: 'import_problem_unknown_kind' },
  'bad-prompt-choice': { what: 'import_problem_bad_prompt_choice' },
  'bad-prompt-id': { what: 'import_problem_bad_prompt_id' },
  'too-many-saved': { what: 'import_problem_too_many_saved', count: MAX_SAVED_PROMPTS },
  'name-too-long': { what: 'import_problem_name_too_long', count: PARTNER_NAME_MAX },
  'bad-pair-code': { what: 'import_problem_bad_pair_code' },
  'bad-date': { what: 'import_problem_bad_date' },
  'date-out-of-range': { what: 'import_problem_date_out_of_range' },
  'duplicate-date': { what: 'import_problem_duplicate_date' },
  'bad-minutes': { what: 'import_problem_bad_minutes' },
  'too-many-minutes': { what: 'import_problem_too_many_minutes' },
  'seconds-mismatch': { what: 'import_problem_seconds_mismatch' },
  'bad-count': { what: 'import_problem_bad_count' },
  'bad-status': { what: 'import_problem_bad_status' },
  'empty-kinds': { what: 'import_problem_empty_kinds' },
  'duplicate-kind': { what: 'import_problem_duplicate_kind' },
  'bad-instant': { what: 'import_problem_bad_instant' },
  'too-long': { what: 'import_problem_too_long', count: MAX_NOTE_LENGTH },
  'bad-source': { what: 'import_problem_bad_source' },
  'bad-zone': { what: 'import_problem_bad_zone' },
  'unknown-nudge-kind': { what: 'import_problem_unknown_nudge_kind' },
};

/** Where a problem is: the settings field or evening list its path goes through. */
export const PLACE_KEYS = new Map<unknown, string>([
  ['schedule', 'import_where_schedule'],
  ['limitMinutes', 'import_where_limit'],
  ['weeklyGoal', 'import_where_goal'],
  ['weekStartsOn', 'import_where_week_start'],
  ['nudges', 'import_where_nudges'],
  ['prompts', 'import_where_prompts'],
  ['challenge', 'import_where_challenge'],
  ['partnerName', 'import_where_partner_name'],
  ['pairCode', 'import_where_pair_code'],
  ['checkIns', 'import_where_check_in'],
  ['reasons', 'import_where_reason'],
]);

/** Every code a problem can carry, for tests that must cover them all. */
export const PROBLEM_CODES = Object.keys(PROBLEM_KEYS) as ImportProblemCode[];
