/** The IANA zone the browser runs in right now (honours `TZ`; may change between calls). */
export function currentZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
