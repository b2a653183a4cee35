import { describe, expect, it } from 'vitest';
import type { EveningRecord } from '@/utils/evening/record';
import { buildHistoryView, chartBars, historyRange, kindBalance } from '@/utils/views/history-view';

const rec = (date: string, status: EveningRecord['status'], extra: Partial<EveningRecord> = {}) =>
  ({ date, screenMinutes: 5, status, nudges: 0, checkIns: [], ...extra }) as EveningRecord;
const checkIn = (...kinds: EveningRecord['checkIns'][number]['kinds']) => ({
  kinds,
  at: '2026-11-20T21:00:00.000Z',
  note: '',
});
const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('historyRange', () => {
  it('spans exactly 26 whole weeks ending with this one', () => {
    const [first, last] = historyRange('2026-11-25', 1);
    expect(last).toBe('2026-11-29');
    const days = Temporal.PlainDate.from(first).until(Temporal.PlainDate.from(last)).days + 1;
    expect(days).toBe(26 * 7);
  });
});

describe('kindBalance', () => {
  it('counts every kind named in check-ins of the last 28 days only', () => {
    const evenings = [
      rec('2026-10-28', 'over', { checkIns: [checkIn('spiritual')] }),
      rec('2026-10-29', 'over', { checkIns: [checkIn('physical')] }),
      rec('2026-11-20', 'distraction-free', {
        checkIns: [checkIn('emotional', 'physical'), checkIn('emotional')],
      }),
    ];
    expect(kindBalance(evenings, '2026-11-25')).toEqual({
      emotional: 2,
      intellectual: 0,
      physical: 2,
      experiential: 0,
      spiritual: 0,
    });
  });
});

describe('buildHistoryView', () => {
  it('is empty for a new user', () => {
    const view = buildHistoryView([], '2026-11-25', 1, 3, NOW, 'UTC');
    expect(view.empty).toBe(true);
    expect(view.weeks).toHaveLength(26);
    expect(view.streak).toBe(0);
    expect(view.quietestKind).toBeNull();
    expect(view.reasons).toEqual([]);
  });

  it('is still empty when only tonight is under way, and not once an evening is settled', () => {
    const tonight = rec('2026-11-25', 'in-progress');
    expect(buildHistoryView([tonight], '2026-11-25', 1, 3, NOW, 'UTC').empty).toBe(true);
    const settled = [rec('2026-11-24', 'over'), tonight];
    expect(buildHistoryView(settled, '2026-11-25', 1, 3, NOW, 'UTC').empty).toBe(false);
  });

  it('counts this week, the streak, this week’s reasons and markable evenings', () => {
    const evenings = [
      // Two full weeks before this one met a goal of 2.
      rec('2026-11-10', 'distraction-free'),
      rec('2026-11-12', 'distraction-free'),
      rec('2026-11-17', 'distraction-free'),
      rec('2026-11-18', 'unobserved', { markedScreenFree: true }),
      rec('2026-11-19', 'unobserved'),
      // This week (Mon 2026-11-23).
      rec('2026-11-23', 'distraction-free', {
        reasons: [{ at: '2026-11-23T20:30:00.000Z', source: 'snooze', text: 'a call' }],
        checkIns: [checkIn('intellectual')],
      }),
      rec('2026-11-24', 'over', {
        reasons: [{ at: '2026-11-24T20:10:00.000Z', source: 'need-it', text: 'tickets' }],
      }),
    ];
    const view = buildHistoryView(evenings, '2026-11-25', 1, 2, NOW, 'UTC');
    expect(view.thisWeek.count).toBe(1);
    expect(view.streak).toBe(2);
    expect(view.reasons.map((r) => [r.date, r.text])).toEqual([
      ['2026-11-23', 'a call'],
      ['2026-11-24', 'tickets'],
    ]);
    expect(view.markable.map((e) => e.date)).toEqual(['2026-11-19']);
    expect(view.quietestKind).toBe('emotional');
  });
});

describe('chartBars', () => {
  it('scales bars on a 0–7 scale inside the box', () => {
    const weeks = [0, 7, 3].map((count, i) => ({
      start: `2026-11-0${i + 1}`,
      count,
      goal: 3,
      met: count >= 3,
      days: [],
    }));
    const bars = chartBars(weeks, 300, 140);
    expect(bars.map((b) => b.height)).toEqual([0, 140, 60]);
    expect(bars.map((b) => b.y)).toEqual([140, 0, 80]);
    expect(bars[1]!.x).toBeGreaterThan(bars[0]!.x);
  });
});
