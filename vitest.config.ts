import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { ZONES } from './tests/unit/zones';

/**
 * Every unit test runs with the process in UTC. Files named `*.tz.test.ts` also run once
 * per zone in ZONES with `TZ` set, so code that leaks the machine's local time (instead of
 * taking the zone as an argument) fails somewhere.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    projects: [
      {
        extends: true as const,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], env: { TZ: 'UTC' } },
      },
      ...ZONES.filter((zone) => zone !== 'UTC').map((zone) => ({
        extends: true as const,
        test: { name: `TZ=${zone}`, include: ['tests/unit/**/*.tz.test.ts'], env: { TZ: zone } },
      })),
    ],
  },
});
