#!/usr/bin/env node
// `npm run setup`: everything a fresh Debian/Ubuntu machine with Node needs to build Closer
// and run its tests: Chromium (end-to-end tests), Firefox ESR (smoke test), dependencies, a build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_MISSING, CHROMIUM_PATH, hasChromium } from './chromium.mjs';
import { FIREFOX_LANGUAGE_PACK, FIREFOX_MISSING, FIREFOX_PATH, hasFirefox } from './firefox.mjs';

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

// The end-to-end tests in Spanish, German, French and Brazilian Portuguese need Chromium's own
// translations (chromium-l10n) too.
const translations = ['es', 'de', 'fr', 'pt-BR'].every((lang) =>
  existsSync(`/usr/lib/chromium/locales/${lang}.pak`),
);
if (hasChromium() && (translations || process.env.CHROMIUM)) {
  console.log(`Chromium found at ${CHROMIUM_PATH}.`);
} else if (process.getuid?.() === 0) {
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium', 'chromium-l10n']);
} else {
  console.warn(`${CHROMIUM_MISSING}\n(Building anyway; only the end-to-end tests need it.)`);
}
// The Firefox smoke test in `npm test` drives Debian's Firefox ESR, with the language pack its
// translated run needs.
const languagePack = existsSync(FIREFOX_LANGUAGE_PACK.file);
if (hasFirefox() && (languagePack || process.env.FIREFOX_BIN)) {
  console.log(`Firefox found at ${FIREFOX_PATH}.`);
} else if (process.getuid?.() === 0) {
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'firefox-esr', FIREFOX_LANGUAGE_PACK.apt]);
} else {
  console.warn(`${FIREFOX_MISSING}\n(Building anyway; only the Firefox smoke test needs it.)`);
}
run('npm', ['ci']);
run('npm', ['run', 'build']);
console.log(`
Closer is built in .output/chrome-mv3.
Load it in Chrome or Chromium: open chrome://extensions, switch on "Developer mode",
choose "Load unpacked" and pick the .output/chrome-mv3 folder.`);
