// Shared by `npm run setup`, `npm test` and the Firefox smoke test.
import { existsSync } from 'node:fs';

export const FIREFOX_PATH = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';

/**
 * The smoke test's non-English run: Firefox's UI language (`intl.locale.requested`), which the
 * extension's strings follow, and Debian's language pack that Firefox ESR needs for it (without
 * the pack Firefox stays in English). `.ci/run` names the same package and file.
 */
export const FIREFOX_LANGUAGE_PACK = {
  // German: the longest words of Closer's languages, and one of the three added in issue 20
  // (Spanish is covered by the Chromium end-to-end tests).
  lang: 'de',
  apt: 'firefox-esr-l10n-de',
  file: '/usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi',
};

export const FIREFOX_MISSING = `Firefox was not found at ${FIREFOX_PATH}.
The Firefox smoke test drives Debian's Firefox ESR (140 or newer) and its ${FIREFOX_LANGUAGE_PACK.lang} language pack.
Install them with:
    sudo apt-get update && sudo apt-get install -y firefox-esr ${FIREFOX_LANGUAGE_PACK.apt}
(or run \`npm run setup\` as root), or point FIREFOX_BIN at another Firefox.`;

export const hasFirefox = () => existsSync(FIREFOX_PATH);
