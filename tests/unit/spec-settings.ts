/** The settings of SPEC §8's example, with all seven weekdays (the example shows one). */
export const specSettings = () => ({
  schedule: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
    weekday,
    enabled: true,
    start: '20:00',
    end: '23:00',
  })),
  limitMinutes: 15,
  weeklyGoal: 3,
  weekStartsOn: 1,
  nudges: { enabled: true },
});

/** Evening windows SPEC §3 allows, by name: up to 12 hours, crossing midnight or not. */
export const VALID_WINDOWS = Object.entries<[start: string, end: string]>({
  'an ordinary evening': ['20:00', '23:00'],
  'crossing midnight': ['21:30', '01:00'],
  'exactly 12 hours, crossing midnight': ['20:00', '08:00'],
  'exactly 12 hours, the same day': ['08:00', '20:00'],
  'exactly 12 hours from midnight': ['00:00', '12:00'],
  'one minute, to midnight': ['23:59', '00:00'],
  'one minute, from midnight': ['00:00', '00:01'],
  'ending at midnight': ['18:00', '00:00'],
}).map(([name, [start, end]]) => ({ name, start, end }));
