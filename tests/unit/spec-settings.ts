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
