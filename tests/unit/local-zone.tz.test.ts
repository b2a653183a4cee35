import { expect, it } from 'vitest';

it('runs with the process in the zone the project asked for', () => {
  // ICU may report an alias (Asia/Calcutta for Asia/Kolkata), so compare offsets.
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const iso of ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z']) {
    const instant = Temporal.Instant.from(iso);
    expect(instant.toZonedDateTimeISO(local).offset).toBe(
      instant.toZonedDateTimeISO(process.env.TZ ?? 'UTC').offset,
    );
  }
});
