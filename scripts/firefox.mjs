// Shared by `npm run setup`, `npm test` and the Firefox smoke test.
import { existsSync } from 'node:fs';

export const FIREFOX_PATH = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';

export const FIREFOX_MISSING = `Firefox was not found at ${FIREFOX_PATH}.
The Firefox smoke test drives Debian's Firefox ESR (140 or newer). Install it with:
    sudo apt-get update && sudo apt-get install -y firefox-esr
(or run \`npm run setup\` as root), or point FIREFOX_BIN at another Firefox.`;

export const hasFirefox = () => existsSync(FIREFOX_PATH);
