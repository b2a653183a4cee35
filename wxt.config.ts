import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { defineConfig } from 'wxt';
// For the `svelte` key's type (the module declares it).
import type {} from '@wxt-dev/module-svelte';
import { localeLanguages, mergeLocale } from './scripts/locales';
import { pageShellPlugin } from './scripts/page-shell';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // No webextension-polyfill: every MV3 API Closer calls returns a promise in Chrome and Firefox,
  // and the worker answers messages through sendResponse (`answerMessages`). The polyfill cost
  // 2.7 KB gzip of each page and 2.8 KB of the worker (SPEC §11 budgets: 30 and 15 KB).
  modules: ['@wxt-dev/module-svelte'],
  // Svelte's version stamp on `window` is for devtools; every page's script budget pays for it.
  svelte: { vite: { compilerOptions: { discloseVersion: false } } },
  // A separate output folder lets two builds (say, two engineers' e2e runs) coexist.
  outDir: process.env.CLOSER_OUT_DIR ?? '.output',
  // Explicit imports everywhere: a reader sees where `browser` comes from.
  imports: false,
  // Every supported browser preloads modules natively; the polyfill would cost each page ~0.5 KB.
  vite: () => ({
    // Each index.html says only what is its own; the shell all pages share is written once.
    plugins: [pageShellPlugin()],
    build: {
      modulePreload: { polyfill: false },
      // Small chunks are folded into bigger ones (fewer requests), but a small chunk folded into
      // the one every page loads first costs the new tab bytes it never runs. Measured with the
      // size check (new tab / popup, gzip): 0 → 30.8 / 32.0 KB, 1024 → 30.9 / 31.9,
      // 2048 → 30.5 / 31.5, 4096 → 31.0 / 31.2, 8192 → 31.6 / 31.9.
      rollupOptions: { output: { experimentalMinChunkSize: 2048 } },
    },
  }),
  // Firefox's sources zip: what a reviewer needs to rebuild, not test output or pictures.
  zip: {
    excludeSources: [
      'test-results/**',
      'bench-results/**',
      'docs/screenshots/**',
      '.output-*/**',
      'playwright-report/**',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Temporal ships natively from Chrome 144 and Firefox 139 (the schedule math uses it). Firefox
    // asks for 140, the ESR that first reads the data-consent key below; 139 would ignore it.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'closer@closer.example',
              strict_min_version: '140.0',
              // Firefox's built-in data consent: Closer collects nothing and sends nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '144' }),
    // `storage` only for `storage.sync`, the opt-in sync across the user's computers (SPEC §14).
    permissions: ['alarms', 'idle', 'notifications', 'storage'],
    action: { default_title: '__MSG_extName__' },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      // The first-paint script is copied, not bundled (a bundle would carry a loader), so it is
      // minified here: 974 → 526 bytes gzip of the new tab's 30 KB (SPEC §11).
      files.push({
        relativeDest: 'snapshot.js',
        contents: transformSync(readFileSync('components/snapshot.js', 'utf8'), { minify: true })
          .code,
      });
      for (const lang of localeLanguages()) {
        files.push({
          relativeDest: `_locales/${lang}/messages.json`,
          contents: JSON.stringify(mergeLocale(lang), null, 2),
        });
      }
    },
  },
});
