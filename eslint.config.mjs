// Lint: typescript-eslint's recommended rules, React's hook rules for the web app,
// Prettier for layout (eslint-config-prettier turns off what it decides), and the
// house rules of tools/lint/slussen-plugin.mjs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import slussen from './tools/lint/slussen-plugin.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'apps/web/dist/**',
      'node_modules/**',
      'coverage/**',
      'apps/web/src/api/schema.d.ts',
      'test-results/**',
      'playwright-report/**',
      // The web app's build and Playwright's output, which `npm run build:web` and `test:web` leave in the tree.
      'apps/web/dist/**',
      'apps/web/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { slussen },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'slussen/context-boundaries': 'error',
    },
  },
  {
    files: ['libs/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      // Infrastructure, not a context: creating databases, running migrations, waiting for services.
      'libs/core/src/database/**',
      'libs/core/src/runtime/**',
      'libs/testing/**',
    ],
    rules: { 'slussen/sql-in-repositories': 'error' },
  },
  {
    // Test support assembles fixtures from a context's parts, as the context's own tests do.
    files: ['libs/testing/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts', 'apps/web/src/**/*.spec.ts'],
    rules: { 'slussen/context-boundaries': 'off' },
  },
  {
    // Control characters are what these files look for.
    files: ['libs/core/src/http/control-characters.ts', 'test/e2e/security/**/*.ts'],
    rules: { 'no-control-regex': 'off', '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Playwright's fixtures call their argument `use`; the rules of hooks do not apply.
    files: ['apps/web/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-empty-pattern': 'off' },
  },
  prettier,
);
