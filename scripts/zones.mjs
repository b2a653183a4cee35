// Time zones that put the browser "in the evening" or "in the day" right now. Shared by the e2e
// harness, `npm run bench` and the Firefox smoke test.

/** A whole-hour zone whose local hour right now is one of `hours` (UTC+12 to UTC−11). */
export function zoneWhereLocalHourIs(hours, now = Date.now()) {
  for (let offset = -11; offset <= 12; offset += 1) {
    // Etc/GMT signs are inverted: Etc/GMT-5 is UTC+5.
    const zone = offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const hour = new Date(now + offset * 3_600_000).getUTCHours();
    const minute = new Date(now).getUTCMinutes();
    // Keep clear of the window's last minutes so a slow run does not cross its end.
    if (hours.includes(hour) && !(hour === Math.max(...hours) && minute > 50)) return zone;
  }
  throw new Error(`No whole-hour zone has local hour in ${hours.join(',')}`);
}

/** 20:00–22:59 local: inside the default 20:00–23:00 evening with room to spare. */
export const eveningZone = () => zoneWhereLocalHourIs([20, 21, 22]);
/** 10:00–15:59 local: far from any default evening. */
export const dayZone = () => zoneWhereLocalHourIs([10, 11, 12, 13, 14, 15]);
