/**
 * Zones every time-dependent suite runs in: no DST, a DST zone in each hemisphere,
 * a half-hour zone and a half-hour-DST zone (SPEC §3, CONVENTIONS 9).
 */
export const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
] as const;

/**
 * The calendar date at an instant in a zone, on either side of midnight: behind and ahead of
 * UTC, half-hour and half-hour-DST offsets, both sides of the date line and a leap day. Both
 * the schedule's localDate and the export file's name follow it.
 */
export const LOCAL_DATES = [
  { instant: '2026-01-01T04:30Z', zone: 'UTC', date: '2026-01-01' },
  { instant: '2026-01-01T04:30Z', zone: 'America/New_York', date: '2025-12-31' },
  { instant: '2026-01-01T04:30Z', zone: 'Asia/Kolkata', date: '2026-01-01' },
  { instant: '2026-01-01T18:29:59.999Z', zone: 'Asia/Kolkata', date: '2026-01-01' },
  { instant: '2026-01-01T18:30Z', zone: 'Asia/Kolkata', date: '2026-01-02' },
  { instant: '2026-01-01T12:59:59.999Z', zone: 'Australia/Lord_Howe', date: '2026-01-01' },
  { instant: '2026-01-01T13:00Z', zone: 'Australia/Lord_Howe', date: '2026-01-02' },
  { instant: '2026-07-01T13:29:59.999Z', zone: 'Australia/Lord_Howe', date: '2026-07-01' },
  { instant: '2026-07-01T13:30Z', zone: 'Australia/Lord_Howe', date: '2026-07-02' },
  { instant: '2026-06-30T22:00Z', zone: 'Europe/Berlin', date: '2026-07-01' },
  { instant: '2026-11-24T23:30:00Z', zone: 'Pacific/Auckland', date: '2026-11-25' },
  { instant: '2026-11-24T23:30:00Z', zone: 'UTC', date: '2026-11-24' },
  { instant: '2026-11-25T05:00:00Z', zone: 'America/Los_Angeles', date: '2026-11-24' },
  { instant: '2026-11-24T18:29:00Z', zone: 'Asia/Kolkata', date: '2026-11-24' },
  { instant: '2026-11-24T18:30:00Z', zone: 'Asia/Kolkata', date: '2026-11-25' },
  { instant: '2026-12-31T10:00:00Z', zone: 'Pacific/Kiritimati', date: '2027-01-01' },
  { instant: '2028-02-29T12:00:00Z', zone: 'Europe/Berlin', date: '2028-02-29' },
];
