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
