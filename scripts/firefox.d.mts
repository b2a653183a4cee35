export const FIREFOX_PATH: string;
export const FIREFOX_LANGUAGE_PACK: { lang: string; apt: string; file: string };
export const FIREFOX_MISSING: string;
export function hasFirefox(): boolean;
