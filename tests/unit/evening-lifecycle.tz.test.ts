import { describe, expect, it } from 'vitest';
import { newEveningRecord, type EveningRecord } from '@/utils/evening/record';
import {
  datesToSettle,
  decide,
  freshMeta,
  MAX_SETTLE_DAYS,
  settle,
} from '@/utils/evening/lifecycle';
import { defaultSettings } from '@/utils/settings/settings';
import { ZONES } from './zones';

function at(date: string, time: string, zone: string): number {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone).epochMilliseconds;
}

function inProgress(date: string, minutes: number): EveningRecord {
  return { ...newEveningRecord(date, 'UTC'), screenMinutes: minutes, screenSeconds: minutes * 60 };
}

describe('decide', () => {
  it.each([
    [0, 15, 'distraction-free'],
    [15, 15, 'distraction-free'],
    [16, 15, 'over'],
    [0, 0, 'distraction-free'],
    [1, 0, 'over'],
  ] as const)('%i minutes against a %i-minute limit is %s', (minutes, limit, status) => {
    expect(decide(inProgress('2026-11-24', minutes), limit).status).toBe(status);
  });
});

describe.each(ZONES)('settling evenings in %s', (zone) => {
  const { schedule } = defaultSettings();

  it('starts a fresh install with nothing before today to judge', () => {
    const meta = freshMeta(at('2026-11-24', '10:00', zone), zone);
    expect(meta).toEqual({ installedOn: '2026-11-24', settledThrough: '2026-11-23' });
  });

  it('decides tonight only once the evening has ended', () => {
    const meta = { installedOn: '2026-11-24', settledThrough: '2026-11-23' };
    const records = new Map([['2026-11-24', inProgress('2026-11-24', 20)]]);
    const during = settle(meta, records, at('2026-11-24', '22:59', zone), zone, schedule, 15);
    expect(during.records.size).toBe(0);
    expect(during.meta.settledThrough).toBe('2026-11-23');
    const after = settle(meta, records, at('2026-11-24', '23:00', zone), zone, schedule, 15);
    expect(after.records.get('2026-11-24')?.status).toBe('over');
    expect(after.meta.settledThrough).toBe('2026-11-24');
  });

  it('marks evenings the browser never saw as unobserved, after days away', () => {
    const meta = { installedOn: '2026-11-01', settledThrough: '2026-11-20' };
    const records = new Map([['2026-11-22', inProgress('2026-11-22', 5)]]);
    const result = settle(meta, records, at('2026-11-25', '09:00', zone), zone, schedule, 15);
    expect([...result.records.entries()].map(([d, r]) => [d, r.status])).toEqual([
      ['2026-11-21', 'unobserved'],
      ['2026-11-22', 'distraction-free'],
      ['2026-11-23', 'unobserved'],
      ['2026-11-24', 'unobserved'],
    ]);
    expect(result.meta.settledThrough).toBe('2026-11-24');
  });

  it('leaves switched-off weekdays without a record', () => {
    const offTuesdays = schedule.map((w) => (w.weekday === 2 ? { ...w, enabled: false } : w));
    const meta = { installedOn: '2026-11-01', settledThrough: '2026-11-23' };
    // 2026-11-24 is a Tuesday.
    const result = settle(meta, new Map(), at('2026-11-25', '09:00', zone), zone, offTuesdays, 15);
    expect(result.records.size).toBe(0);
    expect(result.meta.settledThrough).toBe('2026-11-24');
  });

  it('does not touch records that are already decided', () => {
    const meta = { installedOn: '2026-11-01', settledThrough: '2026-11-22' };
    const decided: EveningRecord = { ...inProgress('2026-11-23', 40), status: 'over' };
    const result = settle(
      meta,
      new Map([['2026-11-23', decided]]),
      at('2026-11-24', '12:00', zone),
      zone,
      schedule,
      15,
    );
    expect(result.records.size).toBe(0);
    expect(result.meta.settledThrough).toBe('2026-11-23');
  });

  it('settles an evening past midnight only after its end on the next date', () => {
    const late = schedule.map((w) => ({ ...w, start: '21:30', end: '01:00' }));
    const meta = { installedOn: '2026-11-01', settledThrough: '2026-11-23' };
    const records = new Map([['2026-11-24', inProgress('2026-11-24', 3)]]);
    expect(
      settle(meta, records, at('2026-11-25', '00:59', zone), zone, late, 15).records.size,
    ).toBe(0);
    expect(
      settle(meta, records, at('2026-11-25', '01:00', zone), zone, late, 15).records.get(
        '2026-11-24',
      )?.status,
    ).toBe('distraction-free');
  });

  it('never looks back further than the history shows', () => {
    const meta = { installedOn: '2020-01-01', settledThrough: '2020-01-01' };
    const dates = datesToSettle(meta, at('2026-11-24', '12:00', zone), zone);
    expect(dates.length).toBe(MAX_SETTLE_DAYS + 1);
    expect(dates.at(-1)).toBe('2026-11-24');
  });
});
