import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/**
 * The wings of utils/, bottom to top (utils/README.md). A wing may import from the wings
 * below it, never from one above: the import graph reads top to bottom.
 */
const WINGS = ['time', 'settings', ['evening', 'prompts'], ['views', 'data'], 'engine'];
const POLYFILL = { name: 'webextension-polyfill', message: "Import `browser` from 'wxt/browser'." };

/** One lint block per wing forbidding imports from the wings above it, its sibling, and `../`. */
function layering() {
  const levels = WINGS.map((level) => [level].flat());
  return levels.flatMap((level, index) => {
    const above = levels.slice(index + 1).flat();
    return level.map((wing) => {
      const barred = [...above, ...level.filter((other) => other !== wing)];
      return {
        files: [`utils/${wing}/**`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              paths: [POLYFILL],
              patterns: [
                ...(barred.length
                  ? [
                      {
                        group: barred.map((other) => `@/utils/${other}/*`),
                        message: 'A wing imports only from the wings below it (utils/README.md).',
                      },
                    ]
                  : []),
                { group: ['../*'], message: 'Import another wing through @/utils/<wing>/…' },
              ],
            },
          ],
        },
      };
    });
  });
}

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
      // `import { type X }` keeps a side-effect import under verbatimModuleSyntax, which can pull
      // a whole module (the settings schema, say) into a bundle that only wanted its types.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // The product makes no network requests (SPEC §9); keep it that way.
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Closer makes no network requests.' },
        { name: 'XMLHttpRequest', message: 'Closer makes no network requests.' },
      ],
      'no-restricted-imports': ['error', POLYFILL],
    },
  },
  ...layering(),
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
