#!/usr/bin/env node
// `npm run setup`: everything a fresh Debian/Ubuntu machine with Node needs to build Closer
// and run its tests: Chromium (for the end-to-end tests), dependencies, a build.
import { spawnSync } from 'node:child_process';
import { CHROMIUM_MISSING, CHROMIUM_PATH, hasChromium } from './chromium.mjs';

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

if (hasChromium()) {
  console.log(`Chromium found at ${CHROMIUM_PATH}.`);
} else if (process.getuid?.() === 0) {
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
} else {
  console.warn(`${CHROMIUM_MISSING}\n(Building anyway; only the end-to-end tests need it.)`);
}
run('npm', ['ci']);
run('npm', ['run', 'build']);
console.log(`
Closer is built in .output/chrome-mv3.
Load it in Chrome or Chromium: open chrome://extensions, switch on "Developer mode",
choose "Load unpacked" and pick the .output/chrome-mv3 folder.`);
