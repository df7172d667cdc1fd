import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-electron/', 'release/', 'node_modules/', '.native/', 'test-results/', 'playwright-report/', 'drizzle/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The renderer is a web page: no Node, no Electron, no database. From electron/ it may import
    // only the contract's types and the pure modules in electron/shared/.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      // TanStack Virtual is fine without the React Compiler's memoisation.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'The renderer cannot use Node modules.' },
            { regex: '^(electron|better-sqlite3|drizzle-orm)(/|$)', message: 'The renderer talks to main only through the API client.' },
            {
              regex: '^(\\.\\./)+electron/(?!shared/)',
              allowTypeImports: true,
              message: 'Import only types from electron/ (and runtime code only from electron/shared/).',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure modules shared with the renderer: no Node, no Electron.
    files: ['electron/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^node:', message: 'electron/shared runs in the renderer too.' }, { regex: '^(electron|better-sqlite3|drizzle-orm)(/|$)', message: 'electron/shared must stay pure.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },
);
