#!/usr/bin/env node
// `npm test`: type-check, lint and format check, unit tests, build, size budgets, end-to-end
// tests in Chromium, then the Firefox build, its `web-ext lint` and a smoke test in Firefox — in
// that order, stopping at the first failure — then one closing line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_MISSING, hasChromium } from './chromium.mjs';
import { FIREFOX_MISSING, hasFirefox } from './firefox.mjs';

for (const [present, message] of [
  [hasChromium(), CHROMIUM_MISSING],
  [hasFirefox(), FIREFOX_MISSING],
]) {
  if (!present) {
    console.error(message);
    process.exit(1);
  }
}

const UNIT_JSON = 'test-results/unit.json';
const E2E_JSON = 'test-results/e2e.json';
const FIREFOX_JSON = 'test-results/firefox.json';
for (const file of [UNIT_JSON, E2E_JSON, FIREFOX_JSON]) rmSync(file, { force: true });

const steps = [
  ['Type-check, lint, format', 'npm', ['run', '--silent', 'check']],
  [
    'Unit tests',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${UNIT_JSON}`],
  ],
  ['Build', 'npm', ['run', '--silent', 'build']],
  ['Size budgets', 'node', ['scripts/size-check.mjs']],
  ['End-to-end tests', 'npx', ['playwright', 'test']],
  ['Firefox build', 'npm', ['run', '--silent', 'build:firefox']],
  ['web-ext lint of the Firefox build', 'npm', ['run', '--silent', 'lint:firefox']],
  ['Firefox smoke test', 'node', ['scripts/firefox-smoke.mjs']],
];

function counts() {
  let passed = 0;
  let failed = 0;
  if (existsSync(UNIT_JSON)) {
    const unit = JSON.parse(readFileSync(UNIT_JSON, 'utf8'));
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
  }
  if (existsSync(E2E_JSON)) {
    const { stats } = JSON.parse(readFileSync(E2E_JSON, 'utf8'));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
  }
  if (existsSync(FIREFOX_JSON)) {
    const firefox = JSON.parse(readFileSync(FIREFOX_JSON, 'utf8'));
    passed += firefox.passed;
    failed += firefox.failed;
  }
  return { passed, failed };
}

let failedStep = null;
for (const [title, command, args] of steps) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, CLOSER_RESULTS_JSON: FIREFOX_JSON },
  });
  if (status !== 0) {
    failedStep = title;
    break;
  }
}

/** The titles of end-to-end tests that passed only on a retry (CI allows one). */
function flakyTests() {
  if (!existsSync(E2E_JSON)) return [];
  const titles = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      if (spec.tests.some((test) => test.status === 'flaky'))
        titles.push([...path, spec.title].join(' › '));
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of JSON.parse(readFileSync(E2E_JSON, 'utf8')).suites) walk(suite, [suite.title]);
  return titles;
}

const flaky = flakyTests();
if (flaky.length) {
  console.warn(`\n⚠ ${flaky.length} end-to-end test(s) passed only on a retry:`);
  for (const title of flaky) console.warn(`  - ${title}`);
}
const { passed, failed } = counts();
if (failedStep) console.error(`\n✖ ${failedStep} failed.`);
// A failing step that is not a test (type-check, build) still counts as one failure.
console.log(`${passed} passed, ${failedStep && failed === 0 ? 1 : failed} failed`);
process.exit(failedStep ? 1 : 0);
