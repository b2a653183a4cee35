export const FIREFOX_PATH: string;
export const FIREFOX_MISSING: string;
export function hasFirefox(): boolean;
