#!/usr/bin/env node
// `npm test`: type-check, lint and format check, unit tests, build, end-to-end tests — in that
// order, stopping at the first failure — then one closing line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_MISSING, hasChromium } from './chromium.mjs';

if (!hasChromium()) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}

const UNIT_JSON = 'test-results/unit.json';
const E2E_JSON = 'test-results/e2e.json';
rmSync(UNIT_JSON, { force: true });
rmSync(E2E_JSON, { force: true });

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
  return { passed, failed };
}

let failedStep = null;
for (const [title, command, args] of steps) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    failedStep = title;
    break;
  }
}

const { passed, failed } = counts();
if (failedStep) console.error(`\n✖ ${failedStep} failed.`);
// A failing step that is not a test (type-check, build) still counts as one failure.
console.log(`${passed} passed, ${failedStep && failed === 0 ? 1 : failed} failed`);
process.exit(failedStep ? 1 : 0);
