import { defineConfig } from '@playwright/test';

// Report the extension worker's own requests too, so the no-network check covers it.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  // Each test starts its own Chromium; two at a time suits a two-core machine.
  workers: process.env.CI ? 2 : 2,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // On CI one retry, so that a browser's bad start does not cost a whole run; a test that
  // passes only on its retry is reported as flaky, by name, before the closing line
  // (scripts/test.mjs). Locally none: a flaky test shows as the failure it is.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
});
