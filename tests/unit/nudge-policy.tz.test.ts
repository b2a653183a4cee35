import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newEveningRecord, type EveningRecord } from '@/utils/evening/record';
import {
  minutesUntil,
  NUDGE_BUTTON_KEYS,
  NUDGE_MESSAGE_KEYS,
  nudgeContextKey,
  nudgeTitleKey,
} from '@/utils/views/nudge-copy';
import {
  decideNudge,
  isSnoozed,
  recordNudge,
  type NudgeDecision,
  type NudgeInput,
  type NudgeState,
} from '@/utils/evening/nudge-policy';
import type { Evening } from '@/utils/time/schedule';
import { defaultSettings, NUDGE_KINDS, type NudgeKind } from '@/utils/settings/settings';
import { ZONES } from './zones';

const MIN = 60_000;

/** An evening from local wall-clock times in `zone`; an end at or before the start is the next day. */
function eveningIn(zone: string, date: string, start: string, end: string): Evening {
  const day = Temporal.PlainDate.from(date);
  const from = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(start) });
  let to = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(end) });
  if (Temporal.ZonedDateTime.compare(to, from) <= 0) {
    to = day
      .add({ days: 1 })
      .toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(end) });
  }
  return { date, start: from.epochMilliseconds, end: to.epochMilliseconds };
}

function localDateAt(epochMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** The evenings every row is built from, in one zone. */
function scene(zone: string) {
  const tonight = eveningIn(zone, '2026-03-09', '20:00', '23:00');
  const tomorrow = eveningIn(zone, '2026-03-10', '20:00', '23:00');
  // Crosses midnight: the minutes after 00:00 belong to 2026-03-09.
  const late = eveningIn(zone, '2026-03-09', '21:30', '01:00');
  const record = (evening: Evening, patch: Partial<EveningRecord> = {}): EveningRecord => ({
    ...newEveningRecord(evening.date, zone),
    ...patch,
  });
  /** Tonight's record after the given kinds went out, the last one `ago` ms before `now`. */
  const sent = (
    evening: Evening,
    now: number,
    kinds: NudgeKind[],
    ago: number,
    patch: Partial<EveningRecord> = {},
  ) =>
    record(evening, {
      nudges: kinds.length,
      nudgeKindsSent: kinds,
      lastNudgeAt: iso(now - ago),
      ...patch,
    });
  return { zone, tonight, tomorrow, late, record, sent };
}
type Scene = ReturnType<typeof scene>;

/** Mid-evening, active, evening-start sent at the start, nothing else going on. */
function baseInput(s: Scene): NudgeInput {
  const now = s.tonight.start + 30 * MIN;
  return {
    now,
    idleState: 'active',
    evening: s.tonight,
    upcoming: s.tomorrow,
    record: s.sent(s.tonight, now, ['evening-start'], 30 * MIN),
    limitMinutes: 15,
    settings: defaultSettings().nudges,
    snooze: null,
    headsUpSentFor: null,
  };
}

/** The shell's view shortly before tonight: no evening in progress, no record yet. */
function beforeTonight(s: Scene, minutesBefore: number): Partial<NudgeInput> {
  return {
    now: s.tonight.start - minutesBefore * MIN,
    evening: null,
    upcoming: s.tonight,
    record: null,
  };
}

/** Tonight at `minutesIn`, with `screenSeconds` counted and `kinds` sent, the last `agoMin` ago. */
function during(
  s: Scene,
  minutesIn: number,
  screenSeconds: number,
  kinds: NudgeKind[] = ['evening-start'],
  agoMin = minutesIn,
): Partial<NudgeInput> {
  const now = s.tonight.start + minutesIn * MIN;
  return { now, record: s.sent(s.tonight, now, kinds, agoMin * MIN, { screenSeconds }) };
}

interface Row {
  name: string;
  make: (s: Scene, base: NudgeInput) => Partial<NudgeInput>;
  expected: NudgeDecision;
}
const due = (kind: NudgeKind): NudgeDecision => ({ kind, reason: 'due' });
const none = (reason: Exclude<NudgeDecision['reason'], 'due'>): NudgeDecision => ({
  kind: null,
  reason,
});
const withSettings = (base: NudgeInput, patch: Partial<NudgeInput['settings']>) => ({
  settings: { ...base.settings, ...patch },
});
const withKindOff = (base: NudgeInput, kind: NudgeKind) =>
  withSettings(base, { kinds: { ...base.settings.kinds, [kind]: false } });

const rows: Row[] = [
  // 0. heads-up
  {
    name: 'heads-up at start − 15 min exactly',
    make: (s) => beforeTonight(s, 15),
    expected: due('heads-up'),
  },
  {
    name: 'no heads-up at start − 16 min',
    make: (s) => beforeTonight(s, 16),
    expected: none('nothing-due'),
  },
  {
    name: 'heads-up at start − 2 min',
    make: (s) => beforeTonight(s, 2),
    expected: due('heads-up'),
  },
  {
    name: 'no heads-up in the last 2 minutes: evening-start is about to say it',
    make: (s) => beforeTonight(s, 2 - 1 / 60),
    expected: none('nothing-due'),
  },
  {
    name: 'no heads-up at start (not yet seen as in progress)',
    make: (s) => beforeTonight(s, 0),
    expected: none('nothing-due'),
  },
  {
    name: 'heads-up not twice for the same evening',
    make: (s) => ({ ...beforeTonight(s, 10), headsUpSentFor: s.tonight.date }),
    expected: none('already-sent'),
  },
  {
    name: "yesterday's heads-up does not block tonight's",
    make: (s) => ({ ...beforeTonight(s, 10), headsUpSentFor: '2026-03-08' }),
    expected: due('heads-up'),
  },
  {
    name: 'no heads-up while idle',
    make: (s) => ({ ...beforeTonight(s, 10), idleState: 'idle' }),
    expected: none('away'),
  },
  {
    name: 'no heads-up while locked',
    make: (s) => ({ ...beforeTonight(s, 10), idleState: 'locked' }),
    expected: none('away'),
  },
  {
    name: 'no heads-up while snoozed',
    make: (s) => ({ ...beforeTonight(s, 10), snooze: { until: s.tonight.start - 10 * MIN + 1 } }),
    expected: none('snoozed'),
  },
  {
    name: 'heads-up once the snooze has run out (until = now)',
    make: (s) => ({ ...beforeTonight(s, 10), snooze: { until: s.tonight.start - 10 * MIN } }),
    expected: due('heads-up'),
  },
  {
    name: 'no heads-up when tonight is snoozed "not tonight"',
    make: (s) => ({ ...beforeTonight(s, 10), snooze: { notTonight: s.tonight.date } }),
    expected: none('snoozed'),
  },
  {
    name: 'yesterday\'s "not tonight" does not silence the heads-up',
    make: (s) => ({ ...beforeTonight(s, 10), snooze: { notTonight: '2026-03-08' } }),
    expected: due('heads-up'),
  },
  {
    name: 'heads-up switched off',
    make: (s, b) => ({ ...beforeTonight(s, 15), ...withKindOff(b, 'heads-up') }),
    expected: none('kind-off'),
  },
  {
    name: 'heads-up with every nudge switched off',
    make: (s, b) => ({ ...beforeTonight(s, 15), ...withSettings(b, { enabled: false }) }),
    expected: none('disabled'),
  },
  {
    name: 'heads-up is not counted against maxPerEvening',
    make: (s, b) => ({ ...beforeTonight(s, 15), ...withSettings(b, { maxPerEvening: 0 }) }),
    expected: due('heads-up'),
  },
  {
    name: 'no heads-up while another evening is still in progress',
    make: (s) => {
      const next = eveningIn(s.zone, '2026-03-10', '00:10', '02:00');
      const now = next.start - 15 * MIN;
      return {
        now,
        evening: s.late,
        upcoming: next,
        record: s.sent(s.late, now, ['evening-start'], 60 * MIN),
      };
    },
    expected: none('nothing-due'),
  },

  // 1. evening-start
  {
    name: 'evening-start at the start, before the record exists',
    make: (s) => ({ now: s.tonight.start, record: null }),
    expected: due('evening-start'),
  },
  {
    name: 'evening-start at the start with a fresh record',
    make: (s) => ({ now: s.tonight.start, record: s.record(s.tonight) }),
    expected: due('evening-start'),
  },
  {
    name: 'browser started mid-evening and active: evening-start then',
    make: (s) => ({ now: s.tonight.start + 100 * MIN, record: null }),
    expected: due('evening-start'),
  },
  { name: 'evening-start only once', make: (s) => during(s, 40, 0), expected: none('nothing-due') },
  {
    name: 'no evening-start while idle at the start',
    make: (s) => ({ now: s.tonight.start, record: null, idleState: 'idle' }),
    expected: none('away'),
  },
  {
    name: 'no evening-start once the evening has ended',
    make: (s) => ({ now: s.tonight.end, record: s.record(s.tonight) }),
    expected: none('nothing-due'),
  },
  {
    name: 'evening-start switched off',
    make: (s, b) => ({ now: s.tonight.start, record: null, ...withKindOff(b, 'evening-start') }),
    expected: none('kind-off'),
  },
  {
    name: "last night's record does not count as tonight's",
    make: (s) => {
      const yesterday = eveningIn(s.zone, '2026-03-08', '20:00', '23:00');
      return {
        now: s.tonight.start,
        record: s.sent(yesterday, s.tonight.start, ['evening-start'], 22 * 60 * MIN),
      };
    },
    expected: due('evening-start'),
  },
  {
    name: 'no evening-start after a later kind already went out',
    make: (s) => during(s, 40, 12 * 60, ['five-left'], 10),
    expected: none('nothing-due'),
  },

  // 2. five-left (limit 15: at 10 minutes of screen time)
  {
    name: 'no five-left at limit − 5 min − 1 s',
    make: (s) => during(s, 30, 10 * 60 - 1),
    expected: none('nothing-due'),
  },
  {
    name: 'five-left at limit − 5 min exactly',
    make: (s) => during(s, 30, 10 * 60),
    expected: due('five-left'),
  },
  {
    name: 'five-left just under the limit',
    make: (s) => during(s, 30, 15 * 60 - 1),
    expected: due('five-left'),
  },
  {
    name: 'no five-left at the limit exactly (not over either)',
    make: (s) => during(s, 30, 15 * 60),
    expected: none('nothing-due'),
  },
  {
    name: 'five-left only once',
    make: (s) => during(s, 30, 12 * 60, ['evening-start', 'five-left'], 5),
    expected: none('nothing-due'),
  },
  {
    name: 'five-left wins over a pending evening-start (snoozed through the start)',
    make: (s) => ({
      now: s.tonight.start + 40 * MIN,
      record: s.record(s.tonight, { screenSeconds: 11 * 60 }),
    }),
    expected: due('five-left'),
  },
  {
    name: 'limit 5: five-left at the start instead of evening-start',
    make: (s) => ({ now: s.tonight.start, record: null, limitMinutes: 5 }),
    expected: due('five-left'),
  },
  {
    name: 'limit 4: evening-start at the start',
    make: (s) => ({ now: s.tonight.start, record: null, limitMinutes: 4 }),
    expected: due('evening-start'),
  },
  {
    name: 'limit 4: no five-left ("5 minutes left" would not be true)',
    make: (s) => ({ ...during(s, 10, 2 * 60, ['evening-start'], 10), limitMinutes: 4 }),
    expected: none('nothing-due'),
  },
  {
    name: 'limit 0: evening-start at the start',
    make: (s) => ({ now: s.tonight.start, record: null, limitMinutes: 0 }),
    expected: due('evening-start'),
  },
  {
    name: 'five-left switched off: the pending evening-start goes instead',
    make: (s, b) => ({
      now: s.tonight.start + 40 * MIN,
      record: s.record(s.tonight, { screenSeconds: 11 * 60 }),
      ...withKindOff(b, 'five-left'),
    }),
    expected: due('evening-start'),
  },
  {
    name: 'five-left 1 min after evening-start waits (no double buzz)',
    make: (s) => ({ ...during(s, 1, 60, ['evening-start'], 1), limitMinutes: 6 }),
    expected: none('too-soon'),
  },
  {
    name: 'five-left 2 min after evening-start',
    make: (s) => ({ ...during(s, 2, 120, ['evening-start'], 2), limitMinutes: 6 }),
    expected: due('five-left'),
  },

  // 3. over-limit
  {
    name: 'first over-limit as soon as the limit is passed',
    make: (s) => during(s, 30, 15 * 60 + 1, ['evening-start', 'five-left'], 5),
    expected: due('over-limit'),
  },
  {
    name: 'first over-limit waits 2 min after the last nudge',
    make: (s) => during(s, 30, 15 * 60 + 1, ['evening-start', 'five-left'], 1),
    expected: none('too-soon'),
  },
  {
    name: 'next over-limit not at quiet − 1 min',
    make: (s) => during(s, 90, 40 * 60, ['evening-start', 'five-left', 'over-limit'], 29),
    expected: none('quiet-period'),
  },
  {
    name: 'next over-limit at quiet minutes',
    make: (s) => during(s, 90, 40 * 60, ['evening-start', 'five-left', 'over-limit'], 30),
    expected: due('over-limit'),
  },
  {
    name: 'quietMinutes 45: not at 44',
    make: (s, b) => ({
      ...during(s, 90, 40 * 60, ['evening-start', 'over-limit'], 44),
      ...withSettings(b, { quietMinutes: 45 }),
    }),
    expected: none('quiet-period'),
  },
  {
    name: 'quietMinutes 45: at 45',
    make: (s, b) => ({
      ...during(s, 90, 40 * 60, ['evening-start', 'over-limit'], 45),
      ...withSettings(b, { quietMinutes: 45 }),
    }),
    expected: due('over-limit'),
  },
  {
    name: 'over-limit wins over a pending evening-start',
    make: (s) => ({
      now: s.tonight.start + 45 * MIN,
      record: s.record(s.tonight, { screenSeconds: 40 * 60 }),
    }),
    expected: due('over-limit'),
  },
  {
    name: 'over-limit switched off: the pending evening-start goes instead',
    make: (s, b) => ({
      now: s.tonight.start + 45 * MIN,
      record: s.record(s.tonight, { screenSeconds: 40 * 60 }),
      ...withKindOff(b, 'over-limit'),
    }),
    expected: due('evening-start'),
  },
  {
    name: 'over-limit switched off',
    make: (s, b) => ({
      ...during(s, 60, 40 * 60, ['evening-start'], 40),
      ...withKindOff(b, 'over-limit'),
    }),
    expected: none('kind-off'),
  },
  {
    name: 'limit 0: over-limit after the first second on screen',
    make: (s) => ({ ...during(s, 3, 1, ['evening-start'], 3), limitMinutes: 0 }),
    expected: due('over-limit'),
  },

  // 4. at most maxPerEvening
  {
    name: 'a fourth nudge is still allowed (default max 4)',
    make: (s) => during(s, 120, 60 * 60, ['evening-start', 'five-left', 'over-limit'], 40),
    expected: due('over-limit'),
  },
  {
    name: 'max 4 reached',
    make: (s) => {
      const now = s.tonight.start + 120 * MIN;
      return {
        now,
        record: s.sent(s.tonight, now, ['evening-start', 'five-left', 'over-limit'], 40 * MIN, {
          nudges: 4,
          screenSeconds: 60 * 60,
        }),
      };
    },
    expected: none('max-per-evening'),
  },
  {
    name: 'maxPerEvening 1 reached after evening-start',
    make: (s, b) => ({
      ...during(s, 60, 40 * 60, ['evening-start'], 60),
      ...withSettings(b, { maxPerEvening: 1 }),
    }),
    expected: none('max-per-evening'),
  },

  // 4. idle and locked
  {
    name: 'none while idle',
    make: (s) => ({ ...during(s, 60, 40 * 60, ['evening-start'], 40), idleState: 'idle' }),
    expected: none('away'),
  },
  {
    name: 'none while locked',
    make: (s) => ({ ...during(s, 60, 40 * 60, ['evening-start'], 40), idleState: 'locked' }),
    expected: none('away'),
  },

  // 4. snooze
  {
    name: 'none while snoozed',
    make: (s) => ({
      ...during(s, 60, 40 * 60, ['evening-start'], 40),
      snooze: { until: s.tonight.start + 60 * MIN + 1 },
    }),
    expected: none('snoozed'),
  },
  {
    name: 'nudges again when the snooze runs out',
    make: (s) => ({
      ...during(s, 60, 40 * 60, ['evening-start'], 40),
      snooze: { until: s.tonight.start + 60 * MIN },
    }),
    expected: due('over-limit'),
  },
  {
    name: '"not tonight" silences tonight',
    make: (s) => ({
      ...during(s, 60, 40 * 60, ['evening-start'], 40),
      snooze: { notTonight: s.tonight.date },
    }),
    expected: none('snoozed'),
  },
  {
    name: '"not tonight" does not leak into tomorrow\'s evening',
    make: (s) => ({
      now: s.tomorrow.start,
      evening: s.tomorrow,
      record: null,
      snooze: { notTonight: s.tonight.date },
    }),
    expected: due('evening-start'),
  },
  {
    name: '"not tonight" does not silence tomorrow\'s heads-up',
    make: (s) => ({
      now: s.tomorrow.start - 15 * MIN,
      evening: null,
      upcoming: s.tomorrow,
      record: null,
      snooze: { notTonight: s.tonight.date },
    }),
    expected: due('heads-up'),
  },
  {
    name: 'evening across midnight: 30-min snooze from 23:50 still on at 00:19',
    make: (s) => midnightSnooze(s, 29),
    expected: none('snoozed'),
  },
  {
    name: 'evening across midnight: 30-min snooze from 23:50 over at 00:20',
    make: (s) => midnightSnooze(s, 30),
    expected: due('over-limit'),
  },
  {
    name: 'evening across midnight: "not tonight" holds after 00:00',
    make: (s) => ({ ...midnightSnooze(s, 40), snooze: { notTonight: s.late.date } }),
    expected: none('snoozed'),
  },

  // 4. after "Putting it down"
  {
    name: 'put down: quiet at 5 active minutes − 1 s',
    make: (s) => putDownAt(s, 5 * 60 - 1),
    expected: none('put-down'),
  },
  {
    name: 'put down: nudges again after 5 active minutes',
    make: (s) => putDownAt(s, 5 * 60),
    expected: due('over-limit'),
  },
  {
    name: 'put down without the count at that moment stays quiet',
    make: (s) => {
      const input = putDownAt(s, 60 * 60);
      return { ...input, record: { ...input.record!, putDownScreenSeconds: undefined } };
    },
    expected: none('put-down'),
  },
  {
    name: "last night's put-down does not silence tonight",
    make: (s) => ({ now: s.tomorrow.start, evening: s.tomorrow, record: null }),
    expected: due('evening-start'),
  },

  // master switch
  {
    name: 'nothing with every nudge switched off',
    make: (s, b) => ({
      now: s.tonight.start,
      record: null,
      ...withSettings(b, { enabled: false }),
    }),
    expected: none('disabled'),
  },
  {
    name: 'nothing outside evenings with none upcoming',
    make: (s) => ({ now: s.tonight.end + 60 * MIN, evening: null, upcoming: null, record: null }),
    expected: none('nothing-due'),
  },
];

/** The late evening (21:30–01:00) over the limit, snoozed at 23:50 for 30 minutes, seen at 23:50 + `after`. */
function midnightSnooze(s: Scene, after: number): Partial<NudgeInput> {
  const snoozedAt = eveningIn(s.zone, '2026-03-09', '23:50', '23:51').start;
  const now = snoozedAt + after * MIN;
  return {
    now,
    evening: s.late,
    upcoming: s.tomorrow,
    snooze: { until: snoozedAt + 30 * MIN },
    record: s.sent(s.late, now, ['evening-start', 'five-left', 'over-limit'], (after + 5) * MIN, {
      screenSeconds: 50 * 60,
    }),
  };
}

/** Over the limit, put down at 20 minutes, with `since` screen seconds counted after that. */
function putDownAt(s: Scene, since: number): Partial<NudgeInput> & { record: EveningRecord } {
  const now = s.tonight.start + 90 * MIN;
  return {
    now,
    record: s.sent(s.tonight, now, ['evening-start', 'five-left', 'over-limit'], 60 * MIN, {
      putDownAt: iso(s.tonight.start + 30 * MIN),
      putDownScreenSeconds: 20 * 60,
      screenSeconds: 20 * 60 + since,
    }),
  };
}

describe.each(ZONES)('decideNudge, evenings in %s', (zone) => {
  const s = scene(zone);

  it.each(rows)('$name', ({ make, expected }) => {
    const base = baseInput(s);
    expect(decideNudge({ ...base, ...make(s, base) })).toEqual(expected);
  });

  it.each(['2026-01-13', '2026-07-14'])(
    'heads-up at 23:55 the day before an evening that starts at 00:10 on %s',
    (date) => {
      const evening = eveningIn(zone, date, '00:10', '02:00');
      const now = evening.start - 15 * MIN;
      const dayBefore = Temporal.PlainDate.from(date).subtract({ days: 1 }).toString();
      // The premise: the local date at the heads-up is not the evening's date.
      expect(localDateAt(now, zone)).toBe(dayBefore);
      expect(
        Temporal.Instant.fromEpochMilliseconds(now)
          .toZonedDateTimeISO(zone)
          .toPlainTime()
          .toString(),
      ).toBe('23:55:00');
      const input: NudgeInput = {
        ...baseInput(s),
        now,
        evening: null,
        upcoming: evening,
        record: null,
        headsUpSentFor: dayBefore,
      };
      expect(decideNudge(input)).toEqual(due('heads-up'));
      expect(decideNudge({ ...input, headsUpSentFor: date })).toEqual(none('already-sent'));
      expect(decideNudge({ ...input, now: now - MIN })).toEqual(none('nothing-due'));
    },
  );

  /** Runs the policy once a minute like the worker, sending and recording what it decides. */
  function simulate(from: number, to: number, firstActive: number, base: NudgeInput) {
    const log: { kind: NudgeKind; at: string }[] = [];
    let record: EveningRecord | null = null;
    let headsUpSentFor: string | null = null;
    const evening = base.upcoming!;
    for (let now = from; now < to; now += MIN) {
      const inEvening = now >= evening.start;
      if (inEvening && now >= firstActive) {
        // Active the whole time, so every minute in the evening counts.
        const screenSeconds = Math.floor((now - Math.max(evening.start, firstActive)) / 1000);
        record = { ...(record ?? newEveningRecord(evening.date, zone)), screenSeconds };
      }
      const decision = decideNudge({
        ...base,
        now,
        idleState: now >= firstActive ? 'active' : 'idle',
        evening: inEvening ? evening : null,
        upcoming: inEvening ? s.tomorrow : evening,
        record,
        headsUpSentFor,
      });
      if (!decision.kind) continue;
      const at = Temporal.Instant.fromEpochMilliseconds(now)
        .toZonedDateTimeISO(zone)
        .toPlainTime()
        .toString();
      log.push({ kind: decision.kind, at });
      if (decision.kind === 'heads-up') headsUpSentFor = evening.date;
      else record = recordNudge(record ?? newEveningRecord(evening.date, zone), decision.kind, now);
    }
    return { log, record };
  }

  it('a whole evening at the screen: heads-up, start, five-left, then over-limit until the max', () => {
    const base = { ...baseInput(s), upcoming: s.tonight };
    const { log, record } = simulate(s.tonight.start - 30 * MIN, s.tonight.end, 0, base);
    expect(log).toEqual([
      { kind: 'heads-up', at: '19:45:00' },
      { kind: 'evening-start', at: '20:00:00' },
      { kind: 'five-left', at: '20:10:00' },
      { kind: 'over-limit', at: '20:16:00' },
      { kind: 'over-limit', at: '20:46:00' },
    ]);
    expect(record?.nudges).toBe(4);
  });

  it('a browser started mid-evening gets evening-start once, then the others', () => {
    const firstActive = s.tonight.start + 100 * MIN;
    const base = { ...baseInput(s), upcoming: s.tonight };
    const { log } = simulate(s.tonight.start - 30 * MIN, s.tonight.end, firstActive, base);
    expect(log).toEqual([
      { kind: 'evening-start', at: '21:40:00' },
      { kind: 'five-left', at: '21:50:00' },
      { kind: 'over-limit', at: '21:56:00' },
      { kind: 'over-limit', at: '22:26:00' },
    ]);
  });
});

describe('stored nudge state', () => {
  it('goes into the policy as stored', () => {
    // Type-checked by tsc: storage's nudge state fits the policy's input.
    const state: NudgeState = {
      snooze: { notTonight: '2026-03-09' },
      headsUpSentFor: null,
    };
    const input: Pick<NudgeInput, 'snooze' | 'headsUpSentFor'> = state;
    expect(isSnoozed(input.snooze, 0, '2026-03-09')).toBe(true);
    expect(isSnoozed(input.snooze, 0, '2026-03-10')).toBe(false);
  });
});

describe('recordNudge', () => {
  const now = Date.UTC(2026, 2, 9, 20, 0, 0);

  it('counts the nudge, notes its kind and time, and keeps the rest', () => {
    const before = { ...newEveningRecord('2026-03-09', 'UTC'), screenSeconds: 42, promptOffset: 2 };
    const after = recordNudge(before, 'evening-start', now);
    expect(after).toEqual({
      ...before,
      nudges: 1,
      nudgeKindsSent: ['evening-start'],
      lastNudgeAt: '2026-03-09T20:00:00.000Z',
    });
    expect(before.nudges).toBe(0);
    expect(before).not.toHaveProperty('nudgeKindsSent');
  });

  it('lists each kind once while counting every nudge', () => {
    let record = newEveningRecord('2026-03-09', 'UTC');
    record = recordNudge(record, 'evening-start', now);
    record = recordNudge(record, 'over-limit', now + 20 * MIN);
    const kindsBefore = record.nudgeKindsSent;
    record = recordNudge(record, 'over-limit', now + 50 * MIN);
    expect(record.nudges).toBe(3);
    expect(record.nudgeKindsSent).toEqual(['evening-start', 'over-limit']);
    expect(record.nudgeKindsSent).not.toBe(kindsBefore);
    expect(record.lastNudgeAt).toBe('2026-03-09T20:50:00.000Z');
  });
});

type Fragment = Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;
const LANGUAGES = ['en', 'es'] as const;
const fragments = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    JSON.parse(
      readFileSync(join(process.cwd(), 'locales', lang, 'nudges.json'), 'utf8'),
    ) as Fragment,
  ]),
) as Record<(typeof LANGUAGES)[number], Fragment>;

/** What `browser.i18n.getMessage` returns for a key with its substitutions, as Chrome does it. */
function render(fragment: Fragment, key: string, substitutions: string[]): string {
  const entry = fragment[key];
  if (!entry) throw new Error(`missing ${key}`);
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    if (content === undefined) throw new Error(`${key}: no placeholder ${name}`);
    return content.replace(
      /\$(\d)/g,
      (__, n: string) => substitutions[Number(n) - 1] ?? '<missing>',
    );
  });
}

describe('nudge copy', () => {
  it('has the same keys in en and es, exactly the ones the code uses', () => {
    expect(Object.keys(fragments.en).sort()).toEqual([...NUDGE_MESSAGE_KEYS].sort());
    expect(Object.keys(fragments.es).sort()).toEqual(Object.keys(fragments.en).sort());
  });

  it.each(LANGUAGES)('%s: valid names, a description, no exclamation marks', (lang) => {
    for (const [key, entry] of Object.entries(fragments[lang])) {
      expect(key).toMatch(/^nudge_[a-z0-9_]+$/);
      expect(entry.description?.length).toBeGreaterThan(0);
      expect(entry.message).not.toMatch(/[!¡]/);
    }
  });

  it('uses the same placeholders in both languages, each one declared', () => {
    for (const key of NUDGE_MESSAGE_KEYS) {
      const used = LANGUAGES.map((lang) =>
        [...fragments[lang][key]!.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)]
          .map((m) => m[1]!.toLowerCase())
          .sort(),
      );
      expect(used[1]).toEqual(used[0]);
      for (const lang of LANGUAGES) {
        expect(Object.keys(fragments[lang][key]!.placeholders ?? {}).sort()).toEqual(used[0]);
      }
    }
  });

  it.each([
    [
      'heads-up',
      15,
      'Your evening starts in 15 minutes — a good time to wrap up',
      'Tu noche empieza en 15 minutos: buen momento para ir cerrando',
    ],
    [
      'evening-start',
      0,
      'Your evening has started — the screen can wait',
      'Empieza tu noche: la pantalla puede esperar',
    ],
    [
      'five-left',
      10,
      '5 minutes left to keep tonight distraction-free',
      'Te quedan 5 minutos para que esta noche siga sin distracciones',
    ],
    [
      'over-limit',
      40,
      "You've been on for 40 minutes tonight — want to call it here?",
      'Llevas 40 minutos de pantalla esta noche. ¿Lo dejas por hoy?',
    ],
    [
      'over-limit',
      1,
      "You've been on for a minute tonight — want to call it here?",
      'Llevas un minuto de pantalla esta noche. ¿Lo dejas por hoy?',
    ],
    [
      'over-limit',
      0,
      "You've been on for a minute tonight — want to call it here?",
      'Llevas un minuto de pantalla esta noche. ¿Lo dejas por hoy?',
    ],
  ] as const)('title of %s with %i minutes', (kind, minutes, en, es) => {
    const { key, substitutions } = nudgeTitleKey(kind, minutes);
    expect(render(fragments.en, key, substitutions)).toBe(en);
    expect(render(fragments.es, key, substitutions)).toBe(es);
  });

  it('gives every kind a title that renders with nothing left over', () => {
    for (const kind of NUDGE_KINDS) {
      for (const minutes of [0, 2, 15, 90]) {
        const { key, substitutions } = nudgeTitleKey(kind, minutes);
        for (const lang of LANGUAGES) {
          expect(render(fragments[lang], key, substitutions)).not.toMatch(/\$|<missing>/);
        }
      }
    }
  });

  it('counts the heads-up minutes up, from 15 down to 2', () => {
    const start = Date.UTC(2026, 2, 9, 20);
    expect(minutesUntil(start - 15 * MIN, start)).toBe(15);
    expect(minutesUntil(start - 14.5 * MIN, start)).toBe(15);
    expect(minutesUntil(start - 2 * MIN, start)).toBe(2);
    expect(nudgeTitleKey('heads-up', 1).substitutions).toEqual(['2']);
  });

  it("adds a line with tonight's minutes to every nudge but the heads-up", () => {
    expect(nudgeContextKey('heads-up', 0, 15)).toBeNull();
    const line = nudgeContextKey('five-left', 10, 15)!;
    expect(render(fragments.en, line.key, line.substitutions)).toBe('Tonight so far: 10 of 15 min');
    expect(render(fragments.es, line.key, line.substitutions)).toBe(
      'Esta noche llevas 10 de 15 min',
    );
  });

  it('labels the buttons', () => {
    expect(render(fragments.en, NUDGE_BUTTON_KEYS.putDown, [])).toBe('Putting it down');
    expect(render(fragments.en, NUDGE_BUTTON_KEYS.snooze, [])).toBe('Snooze 30 minutes');
  });
});
