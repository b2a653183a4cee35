/**
 * The couple's pair code (SPEC §13). Its format is decided with couple mode; until then a
 * stored code is four lowercase words joined by hyphens.
 */

/** Whether `code` is a pair code in its stored (normalised) form. */
export function isPairCode(code: string): boolean {
  return /^[a-z]+(-[a-z]+){3}$/.test(code);
}
