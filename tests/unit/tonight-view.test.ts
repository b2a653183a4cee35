import { describe, expect, it } from 'vitest';
import type { EveningRecord } from '@/utils/evening/record';
import { defaultSettings } from '@/utils/settings/settings';
import { buildTonightView, checkInDate, viewDateRange } from '@/utils/views/tonight-view';

const zone = 'Europe/Berlin';
const at = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const evening = (
  date: string,
  status: EveningRecord['status'],
  extra: Partial<EveningRecord> = {},
) => ({ date, screenMinutes: 5, status, nudges: 0, checkIns: [], ...extra }) as EveningRecord;

describe('viewDateRange', () => {
  it('covers this week, the evening before it, the last seven days and the next seven', () => {
    // Tuesday 2026-11-24, weeks starting Monday: the week is 11-23…11-29.
    expect(viewDateRange(at('2026-11-24T12:00:00Z'), zone, 1)).toEqual([
      '2026-11-17',
      '2026-12-01',
    ]);
    // Sunday 2026-11-29: the week's own start minus one day reaches further back, and the next
    // evening (whose record steers the prompt shown before it) may be next week's.
    expect(viewDateRange(at('2026-11-29T12:00:00Z'), zone, 1)).toEqual([
      '2026-11-22',
      '2026-12-06',
    ]);
  });
});

describe('buildTonightView', () => {
  const settings = defaultSettings();
  const stored = [
    evening('2026-11-16', 'unobserved'),
    evening('2026-11-18', 'unobserved'),
    evening('2026-11-22', 'unobserved', { markedScreenFree: true }),
    evening('2026-11-23', 'unobserved'),
    evening('2026-11-24', 'in-progress', { screenMinutes: 12, promptOffset: 2 }),
  ];

  it('knows the evening, tonight’s minutes and the markable evenings, newest first', () => {
    const view = buildTonightView(settings, stored, at('2026-11-24T20:30:00Z'), zone, 1);
    expect(view.evening?.date).toBe('2026-11-24');
    expect(view.screenMinutes).toBe(12);
    expect(view.record?.promptOffset).toBe(2);
    expect(view.markable.map((e) => e.date)).toEqual(['2026-11-23', '2026-11-18']);
    expect(view.week.start).toBe('2026-11-23');
  });

  it('in the day, points the prompt at tonight and shows no minutes', () => {
    const view = buildTonightView(settings, stored, at('2026-11-24T09:00:00Z'), zone, 1);
    expect(view.evening).toBeNull();
    expect(view.promptDate).toBe('2026-11-24');
    expect(view.screenMinutes).toBe(0);
    // Before the evening, its record (say, "Ask this tonight") still steers the prompt.
    expect(view.record).toBeNull();
    expect(view.promptRecord?.promptOffset).toBe(2);
  });

  it('points the prompt at the next evening, on a later day, and at its record', () => {
    const settings = defaultSettings();
    settings.schedule = settings.schedule.map((w) => ({ ...w, enabled: w.weekday === 1 }));
    const next = evening('2026-11-30', 'in-progress', { promptAsked: 'care_19' });
    const view = buildTonightView(settings, [...stored, next], at('2026-11-25T09:00:00Z'), zone, 1);
    expect(view.promptDate).toBe('2026-11-30');
    expect(view.promptRecord?.promptAsked).toBe('care_19');
    const [, last] = viewDateRange(at('2026-11-25T09:00:00Z'), zone, 1);
    expect(last >= view.promptDate).toBe(true);
  });
});

describe('checkInDate', () => {
  const settings = defaultSettings();
  it.each([
    ['during the evening', '2026-11-24T21:00:00Z', '2026-11-24'],
    ['the morning after', '2026-11-25T07:00:00Z', '2026-11-24'],
    ['the next afternoon, long after', '2026-11-25T15:00:00Z', '2026-11-25'],
  ])('%s it goes to %s', (_label, iso, date) => {
    const view = buildTonightView(settings, [], at(iso), zone, 1);
    expect(checkInDate(view, settings)).toBe(date);
  });
});
