import { describe, expect, it } from 'vitest';
import {
  kindsMask,
  mergeElsewhere,
  type Elsewhere,
  type EveningSummary,
} from '@/utils/evening/merge';
import type { EveningRecord } from '@/utils/evening/record';
import { defaultSettings } from '@/utils/settings/settings';
import { buildHistoryView, kindBalance, maskKinds } from '@/utils/views/history-view';
import { buildTonightView } from '@/utils/views/tonight-view';

// Tuesday 24 November 2026, 21:30 in UTC: tonight's evening (20:00–23:00) is under way.
const NOW = Date.parse('2026-11-24T21:30:00Z');
const zone = 'UTC';

const rec = (date: string, status: EveningRecord['status'], extra: Partial<EveningRecord> = {}) =>
  ({ date, screenMinutes: 5, status, nudges: 0, checkIns: [], ...extra }) as EveningRecord;
const other = (
  summary: Partial<EveningSummary> & Pick<EveningSummary, 'status'>,
): EveningSummary => ({
  seconds: 0,
  kinds: [],
  reasons: 0,
  ...summary,
});

/** The pages' read, as `readEveningsMerged` does it, for the dates `first`–`last`. */
function merged(
  records: EveningRecord[],
  elsewhere: Elsewhere,
  first = '2026-05-01',
  last = '2026-11-30',
) {
  return mergeElsewhere(records, elsewhere, first, last, 15);
}

describe('the popup and new tab, merged', () => {
  const elsewhere: Elsewhere = {
    computers: 1,
    evenings: {
      '2026-11-23': [other({ status: 'distraction-free', seconds: 11 * 60, limit: 15 })],
      '2026-11-24': [other({ status: 'in-progress', seconds: 9 * 60 })],
      '2026-11-22': [other({ status: 'unobserved' })],
    },
  };
  const records = [
    rec('2026-11-22', 'unobserved'),
    rec('2026-11-23', 'distraction-free', {
      screenMinutes: 10,
      screenSeconds: 600,
      limitMinutes: 15,
    }),
    rec('2026-11-24', 'in-progress', { screenMinutes: 4, screenSeconds: 240, promptOffset: 1 }),
  ];

  it('shows tonight’s minutes and the week count across computers', () => {
    const view = buildTonightView(defaultSettings(), merged(records, elsewhere), NOW, zone, 1);
    expect(view.screenMinutes).toBe(13);
    expect(view.record?.promptOffset).toBe(1);
    // 10 + 11 minutes on Monday: over the limit together, though each computer was within it.
    expect(view.week.count).toBe(0);
    expect(view.week.days.find((d) => d.date === '2026-11-23')?.state).toBe('over');
    // Nobody saw Sunday: still this computer's to mark.
    expect(view.markable.map((e) => e.date)).toEqual(['2026-11-22']);
    // Without the other computer the same records count Monday.
    expect(buildTonightView(defaultSettings(), records, NOW, zone, 1).week.count).toBe(1);
  });

  it('does not offer to mark an evening only the other computers have', () => {
    const onlyThere: Elsewhere = {
      computers: 1,
      evenings: { '2026-11-20': [other({ status: 'unobserved' })] },
    };
    const view = buildTonightView(defaultSettings(), merged([], onlyThere), NOW, zone, 1);
    expect(view.markable).toEqual([]);
  });
});

describe('the history, merged', () => {
  it('adds up the kinds from every computer and counts the reasons noted elsewhere this week', () => {
    const elsewhere: Elsewhere = {
      computers: 2,
      evenings: {
        '2026-11-23': [
          other({
            status: 'over',
            seconds: 1800,
            kinds: [kindsMask(['emotional', 'spiritual'])],
            reasons: 2,
          }),
          other({ status: 'distraction-free', kinds: [kindsMask(['physical'])], reasons: 1 }),
        ],
        '2026-11-10': [other({ status: 'over', seconds: 1800, reasons: 4 })],
      },
    };
    const records = [
      rec('2026-11-23', 'distraction-free', {
        checkIns: [{ kinds: ['emotional'], at: '2026-11-23T21:00:00Z', note: 'ours' }],
        reasons: [{ at: '2026-11-23T20:10:00Z', source: 'snooze', text: 'mail' }],
      }),
    ];
    const evenings = merged(records, elsewhere);
    expect(kindBalance(evenings, '2026-11-24')).toEqual({
      emotional: 2,
      intellectual: 0,
      physical: 1,
      experiential: 0,
      spiritual: 1,
    });
    const view = buildHistoryView(evenings, '2026-11-24', 1, 3, NOW, zone);
    expect(view.reasons.map((r) => r.text)).toEqual(['mail']);
    expect(view.reasonsElsewhere).toBe(3);
    expect(view.thisWeek.days.find((d) => d.date === '2026-11-23')?.state).toBe('over');
    expect(view.weeks.find((w) => w.start === '2026-11-09')?.days[1]?.state).toBe('over');
  });

  it('reads kinds back from their masks', () => {
    expect(maskKinds(kindsMask(['intellectual', 'experiential']))).toEqual([
      'intellectual',
      'experiential',
    ]);
    expect(maskKinds(31)).toHaveLength(5);
  });
});
