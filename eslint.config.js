import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: [
      '.output/',
      '.output-*/',
      '.wxt/',
      'node_modules/',
      'test-results/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The product makes no network requests (SPEC §9); keep it that way.
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Closer makes no network requests.' },
        { name: 'XMLHttpRequest', message: 'Closer makes no network requests.' },
      ],
      'no-restricted-imports': [
        'error',
        { name: 'webextension-polyfill', message: "Import `browser` from 'wxt/browser'." },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    // Test and build tooling runs in Node and may talk to a local browser.
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
);
