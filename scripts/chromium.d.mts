export const CHROMIUM_PATH: string;
export const CHROMIUM_MISSING: string;
export function hasChromium(): boolean;
export function chromiumArgs(dir: string): string[];
