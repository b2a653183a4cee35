#!/usr/bin/env node
// Fails when the JavaScript a page loads when it opens (gzip) is over its SPEC §11 budget; what it
// loads later on demand is shown beside it. Deterministic, so it runs in `npm test`; the timing
// figures live in `npm run bench`.
import { measureSizes } from './sizes.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = measureSizes();
for (const r of rows) {
  console.log(
    `${r.ok ? '✓' : '✖'} ${r.entry.padEnd(14)} ${kb(r.gzip).padStart(9)} gzip of ${r.files} file(s)  (budget ${kb(r.budget)})` +
      (r.onDemand.files
        ? `, + ${kb(r.onDemand.gzip)} in ${r.onDemand.files} file(s) on demand`
        : ''),
  );
}
if (rows.some((r) => !r.ok)) {
  console.error('A bundle is over its size budget (or missing from the build).');
  process.exit(1);
}
