// Shared by `npm run setup`, `npm test` and the e2e harness (tests/e2e/chromium.ts mirrors it).
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_MISSING = `Chromium was not found at ${CHROMIUM_PATH}.
The end-to-end tests drive Debian's Chromium. Install it with:
    sudo apt-get update && sudo apt-get install -y chromium chromium-l10n
(or run \`npm run setup\` as root), or point CHROMIUM at another Chromium binary.`;

export const hasChromium = () => existsSync(CHROMIUM_PATH);

/** Flags for a quiet, offline headless run with Closer's build in `dir` loaded. */
export const chromiumArgs = (dir) => [
  `--disable-extensions-except=${dir}`,
  `--load-extension=${dir}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
