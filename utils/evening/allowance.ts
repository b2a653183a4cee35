/**
 * "I need it for a moment" (SPEC §2): after saying what for, the user may browse for five
 * minutes before new tabs show the evening's invitation again. Pure.
 */

/** New tabs stay plain until `until` (epoch ms). */
export interface Allowance {
  until: number;
  grantedAt: number;
}

/** How long "I need it for a moment" lets new tabs through. */
export const ALLOWANCE_MS = 5 * 60_000;

/** The allowance granted at `now`. */
export function grantAllowance(now: number): Allowance {
  return { grantedAt: now, until: now + ALLOWANCE_MS };
}
