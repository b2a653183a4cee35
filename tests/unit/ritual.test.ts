import { describe, expect, it } from 'vitest';
import { ritualSteps, speakerName, timerProgress } from '../../utils/ritual';

describe('ritualSteps', () => {
  it('takes turns on highs, lows and one appreciation, first speaker first, then checks in and ends', () => {
    const steps = ritualSteps(1);
    expect(steps[0]).toEqual({ kind: 'welcome' });
    expect(steps.slice(1, 7)).toEqual([
      { kind: 'turn', topic: 'high', speaker: 1 },
      { kind: 'turn', topic: 'high', speaker: 0 },
      { kind: 'turn', topic: 'low', speaker: 1 },
      { kind: 'turn', topic: 'low', speaker: 0 },
      { kind: 'turn', topic: 'appreciation', speaker: 1 },
      { kind: 'turn', topic: 'appreciation', speaker: 0 },
    ]);
    expect(steps.slice(7)).toEqual([{ kind: 'checkin' }, { kind: 'end' }]);
  });

  it('gives each partner exactly one turn per topic', () => {
    for (const first of [0, 1] as const) {
      const turns = ritualSteps(first).filter((s) => s.kind === 'turn');
      expect(turns).toHaveLength(6);
      expect(turns.filter((s) => s.kind === 'turn' && s.speaker === 0)).toHaveLength(3);
    }
  });
});

describe('speakerName', () => {
  it.each([
    ['  Sam ', 'You', 'Sam'],
    ['', 'You', 'You'],
    ['   ', 'Your partner', 'Your partner'],
    ['x'.repeat(60), 'You', 'x'.repeat(40)],
  ])('%j → %j', (typed, fallback, expected) => {
    expect(speakerName(typed, fallback)).toBe(expected);
  });
});

describe('timerProgress', () => {
  it.each([
    [0, 2, 0],
    [60_000, 2, 0.5],
    [120_000, 2, 1],
    [500_000, 2, 1],
    [-5, 2, 0],
    [60_000, 0, 0],
  ])('%i ms of %i min → %f', (elapsed, minutes, expected) => {
    expect(timerProgress(elapsed, minutes)).toBe(expected);
  });
});
