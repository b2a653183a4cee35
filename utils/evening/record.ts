/**
 * An evening's record (SPEC §4, §5, §7, §8): its schema, from which the `EveningRecord` type is
 * inferred, and the two small rules the pages use. The schema is what an imported evening must
 * pass; every rule's message is its problem code (see `utils/settings/schema.ts`). Pages that
 * only need the type or `newEveningRecord` pay nothing for it: Valibot tree-shakes.
 */
import * as v from 'valibot';
import {
  addDays,
  isInstant,
  isPlainDate,
  localDate,
  MAX_WINDOW_MINUTES,
} from '@/utils/time/schedule';
import { across, among, objectOf, propertyOf, unique, wholeIn } from '@/utils/settings/schema';
import { INTIMACY_KINDS, LIMIT_RANGE, NUDGE_KINDS } from '@/utils/settings/settings';

export const EVENING_STATUSES = ['distraction-free', 'over', 'unobserved', 'in-progress'] as const;
export type EveningStatus = (typeof EVENING_STATUSES)[number];
export const CHECK_IN_SOURCES = ['popup', 'ritual', 'newtab'] as const;
export const REASON_SOURCES = ['need-it', 'snooze'] as const;
/** Longest check-in note or reason text, in UTF-16 code units (what `maxlength` counts). */
export const MAX_NOTE_LENGTH = 2000;

/** Codes of the evening rules (the date range is checked with the file, which knows `now`). */
export type EveningProblemCode =
  | 'bad-date'
  | 'date-out-of-range'
  | 'duplicate-date'
  | 'bad-minutes'
  | 'too-many-minutes'
  | 'seconds-mismatch'
  | 'bad-count'
  | 'bad-status'
  | 'empty-kinds'
  | 'duplicate-kind'
  | 'bad-instant'
  | 'too-long'
  | 'bad-source'
  | 'bad-zone'
  | 'unknown-nudge-kind';

const count = /* @__NO_SIDE_EFFECTS__ */ (code = 'bad-count') =>
  wholeIn({ min: 0, max: Number.MAX_SAFE_INTEGER }, code);
/** An ISO instant with an offset, such as `2026-11-23T21:40:00.000Z`. */
export const InstantSchema = v.pipe(v.string('bad-instant'), v.check(isInstant, 'bad-instant'));
const Text = v.pipe(v.string('wrong-type'), v.maxLength(MAX_NOTE_LENGTH, 'too-long'));

/** A calendar date written `YYYY-MM-DD` that exists (2026-02-30 does not). */
const PlainDateSchema = v.pipe(v.string('bad-date'), v.check(isPlainDate, 'bad-date'));

/** A "We connected" check-in: which kinds of intimacy, when (ISO instant), a private note. */
const CheckInSchema = objectOf(
  {
    kinds: v.pipe(
      v.array(v.picklist(INTIMACY_KINDS, 'unknown-kind'), 'wrong-type'),
      v.minLength(1, 'empty-kinds'),
      unique<(typeof INTIMACY_KINDS)[number]>('duplicate-kind', among(INTIMACY_KINDS)),
    ),
    at: InstantSchema,
    note: Text,
    source: v.optional(v.picklist(CHECK_IN_SOURCES, 'bad-source')),
  },
  'wrong-type',
);
export type CheckIn = v.InferOutput<typeof CheckInSchema>;

/** Why the user went through the invitation or snoozed (SPEC §7), to reflect back weekly. */
const ReasonSchema = objectOf(
  { at: InstantSchema, source: v.picklist(REASON_SOURCES, 'bad-source'), text: Text },
  'wrong-type',
);
export type Reason = v.InferOutput<typeof ReasonSchema>;

/** An evening's fields; `EveningRecordSchema` adds the rule across two of them. */
const EveningObject = objectOf(
  {
    date: PlainDateSchema,
    // An evening lasts at most 12 hours, so more screen time than that is not a real one.
    screenMinutes: v.config(
      v.pipe(count('bad-minutes'), v.maxValue(MAX_WINDOW_MINUTES, 'too-many-minutes')),
      { abortPipeEarly: true },
    ),
    status: v.picklist(EVENING_STATUSES, 'bad-status'),
    nudges: count(),
    checkIns: v.array(CheckInSchema, 'wrong-type'),
    /** Exact active time, so minutes are not lost to rounding between ticks. */
    screenSeconds: v.optional(count()),
    /** IANA zone the evening started in. */
    zone: v.optional(
      v.pipe(
        v.string('bad-zone'),
        v.check((zone) => zone.trim() !== '', 'bad-zone'),
      ),
    ),
    /** Limit in force when the evening was decided. */
    limitMinutes: v.optional(wholeIn(LIMIT_RANGE, 'limit-range')),
    /** The user marked an unobserved evening as screen-free (SPEC §5). */
    markedScreenFree: v.optional(v.boolean('wrong-type')),
    reasons: v.optional(v.array(ReasonSchema, 'wrong-type')),
    /** How many times "another one" was pressed tonight. */
    promptOffset: v.optional(count()),
    /** "Something lighter" was pressed after this many presses of "another one" (SPEC §7). */
    promptLighterAt: v.optional(count()),
    /**
     * "Ask this tonight": the id of the saved question chosen for this evening. Any text: an id
     * this version does not know (retired, or newer) is ignored, not refused.
     */
    promptAsked: v.optional(v.string('wrong-type')),
    nudgeKindsSent: v.optional(
      v.array(v.picklist(NUDGE_KINDS, 'unknown-nudge-kind'), 'wrong-type'),
    ),
    lastNudgeAt: v.optional(InstantSchema),
    /** "Putting it down" was pressed at this instant, with this many screen seconds counted. */
    putDownAt: v.optional(InstantSchema),
    putDownScreenSeconds: v.optional(count()),
  },
  'wrong-type',
);

/**
 * One evening, keyed by the calendar date it starts on. The first five fields are the export
 * format (SPEC §8); the rest are optional extras. Keys come out in this order, unknown ones
 * dropped, which makes the schema's output the canonical record export writes.
 */
export const EveningRecordSchema = v.pipe(
  EveningObject,
  // Minutes are the seconds rounded down (`addScreenTime`); anything else was not counted here.
  across<v.InferOutput<typeof EveningObject>>(
    'screenSeconds',
    ({ screenSeconds, screenMinutes }) =>
      screenSeconds === undefined || Math.floor(screenSeconds / 60) === screenMinutes
        ? null
        : 'seconds-mismatch',
  ),
);
export type EveningRecord = v.InferOutput<typeof EveningRecordSchema>;

/** Dates that repeat in a list of evenings, each reported at its own index. */
export /* @__NO_SIDE_EFFECTS__ */ function uniqueDates() {
  return unique<EveningRecord>('duplicate-date', (evening) => {
    const date = propertyOf(evening, 'date');
    return typeof date === 'string' && isPlainDate(date) ? date : undefined;
  });
}

/** A new, empty record for an evening that has just begun. */
export function newEveningRecord(date: string, zone: string): EveningRecord {
  return {
    date,
    screenMinutes: 0,
    status: 'in-progress',
    nudges: 0,
    checkIns: [],
    screenSeconds: 0,
    zone,
  };
}

/** How far back an unobserved evening may be marked screen-free (SPEC §5). */
export const MARK_WITHIN_DAYS = 7;

/** True when an unobserved evening on `date` may still be marked screen-free at `now`. */
export function canMarkScreenFree(
  record: EveningRecord | undefined,
  now: number,
  zone: string,
): boolean {
  if (record?.status !== 'unobserved' || record.markedScreenFree) return false;
  const today = localDate(now, zone);
  return record.date >= addDays(today, -MARK_WITHIN_DAYS) && record.date < today;
}
