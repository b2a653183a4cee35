export function zoneWhereLocalHourIs(hours: number[], now?: number): string;
export function eveningZone(): string;
export function dayZone(): string;
