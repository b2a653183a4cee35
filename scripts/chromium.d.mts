export const CHROMIUM_PATH: string;
export const CHROMIUM_MISSING: string;
export function hasChromium(): boolean;
