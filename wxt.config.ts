import { defineConfig } from 'wxt';
import { localeLanguages, mergeLocale } from './scripts/locales';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  // A separate output folder lets two builds (say, two engineers' e2e runs) coexist.
  outDir: process.env.CLOSER_OUT_DIR ?? '.output',
  // Explicit imports everywhere: a reader sees where `browser` comes from.
  imports: false,
  // Every supported browser preloads modules natively; the polyfill would cost each page ~0.5 KB.
  vite: () => ({
    build: {
      modulePreload: { polyfill: false },
      rollupOptions: { output: { experimentalMinChunkSize: 4096 } },
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
    permissions: ['alarms', 'idle', 'notifications'],
    action: { default_title: '__MSG_extName__' },
  }),
  hooks: {
    // Pages get the browser's own `browser` (Firefox) or `chrome` (Chrome), whose MV3 APIs all
    // return promises; only the worker needs the polyfill (its message handlers answer by
    // returning a promise, which Chrome's own onMessage does not support). The polyfill was 2.7 KB
    // of the new tab's 30 KB (SPEC §11). Every import still reads `from 'wxt/browser'`.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      const alias = { ...(config.resolve!.alias as Record<string, string>) };
      delete alias['wxt/browser'];
      config.resolve!.alias = alias;
    },
    'build:publicAssets': (_wxt, files) => {
      for (const lang of localeLanguages()) {
        files.push({
          relativeDest: `_locales/${lang}/messages.json`,
          contents: JSON.stringify(mergeLocale(lang), null, 2),
        });
      }
    },
  },
});
