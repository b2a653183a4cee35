import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from '@/utils/time/schedule';
import { defaultSettings } from '@/utils/settings/settings';

describe('defaultSettings', () => {
  it('gives every weekday a 20:00–23:00 evening', () => {
    const { schedule } = defaultSettings();
    expect(schedule.map((w) => w.weekday)).toEqual([...WEEKDAYS]);
    expect(schedule.every((w) => w.enabled && w.start === '20:00' && w.end === '23:00')).toBe(true);
  });

  it('returns a fresh object each time', () => {
    const a = defaultSettings();
    a.schedule[0]!.enabled = false;
    expect(defaultSettings().schedule[0]!.enabled).toBe(true);
  });

  it('has Temporal available in tests', () => {
    expect(Temporal.PlainDate.from('2026-02-28').add({ days: 1 }).toString()).toBe('2026-03-01');
  });
});
