import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// ── The layer rule ────────────────────────────────────────────────────────────────────────────────
// Each layer imports only the layers below it. import-x/no-restricted-paths compares the RESOLVED
// file of every import, export-from and import() with the zones below, so the spelling of the path
// does not matter (`../../../electron/shared/../domains/x` is a domains file). A folder is named once
// here; electron/tools/lint-boundaries.test.ts fails when electron/ grows a folder that is in no layer.
// Paths are relative to electron/; `allowed` always includes the layer itself.
const BELOW_API = ['shared', 'formats', 'db', 'domains', 'api'];
const LAYERS = {
  shared: { allowed: ['shared'], why: 'electron/shared is pure and runs in both processes: it imports only electron/shared.' },
  formats: { allowed: ['shared', 'formats'], why: 'electron/formats are pure codecs: they import only electron/shared and other formats.' },
  db: { allowed: ['shared', 'db', 'api/contract'], why: 'electron/db imports only electron/shared (and types from the API contract).' },
  domains: {
    allowed: ['shared', 'formats', 'db', 'domains', 'api/contract'],
    why: 'A domain imports electron/shared, formats, db and other domains (and types from the API contract), never api/, host/ or the shells.',
  },
  api: { allowed: BELOW_API, why: 'electron/api imports the layers below it, never host/, shell/ or server/.' },
  host: { allowed: [...BELOW_API, 'host'], why: 'electron/host starts the core; only the shells import it.' },
  shell: { allowed: [...BELOW_API, 'host', 'shell'], why: 'The Electron shell builds on host/ and api/; nothing but tests imports it.' },
  server: { allowed: [...BELOW_API, 'host', 'server'], why: 'The browser-mode server builds on host/ and api/; nothing but tests imports it.' },
  testing: { allowed: [...BELOW_API, 'host', 'testing'], why: 'Test helpers drive a real core; only tests import them.' },
  tools: { allowed: ['tools'], why: 'Build scripts stand alone.' },
};
// The contract reaches the renderer (as types) and the preload (names): it stays pure, like shared.
const CONTRACT = ['api/contract', 'api/define.ts', 'api/method-names.ts'];
const PURE_PACKAGES = ['node_modules/electron', 'node_modules/better-sqlite3', 'node_modules/drizzle-orm'];

/** Zones for one layer: nothing of ours outside `allowed`, never the renderer or e2e, and no `packages`. */
function zones(target, allowed, message, packages = []) {
  return [
    { target, from: 'electron', except: allowed, message },
    { target, from: ['renderer', 'e2e', ...packages].filter((f) => f !== target), message },
  ];
}

const layerZones = [
  ...Object.entries(LAYERS).flatMap(([name, { allowed, why }]) =>
    zones(
      `electron/${name}`,
      allowed,
      why,
      name === 'shared' || name === 'formats' ? PURE_PACKAGES : name === 'shell' || name === 'tools' ? [] : ['node_modules/electron'],
    ),
  ),
  ...zones(CONTRACT.map((p) => `electron/${p}`), ['shared', ...CONTRACT], 'The API contract imports only electron/shared and itself: the renderer and the preload load it.', PURE_PACKAGES),
  ...zones(
    'renderer',
    ['shared', 'api/contract'],
    'The renderer is a web page: from electron/ it imports runtime code only from electron/shared and types from the API contract.',
    PURE_PACKAGES,
  ),
];

// Tests exercise the whole stack below their process (a domain test starts a real core from
// electron/testing), so they keep only the process boundary.
const testZones = [
  { target: 'electron', from: 'renderer', message: 'Main-process code never imports the renderer.' },
  ...zones('renderer', ['shared', 'api/contract'], 'Renderer tests import only electron/shared and contract types.', PURE_PACKAGES),
];

// "Types only" is the one thing a resolved path cannot tell, so a second rule forbids value imports
// whose path names the contract folder. It is safe on resolved paths too: any spelling that reaches a
// file in electron/api/contract/ must contain the segment `contract` (the zones above already stop
// every other route into api/).
const contractTypesOnly = (message) => [
  'error',
  { patterns: [{ regex: '(^|/)contract(/|$)', allowTypeImports: true, message }] },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-electron/', 'release/', 'node_modules/', '.native/', 'test-results/', 'playwright-report/', 'drizzle/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones }],
    },
  },
  {
    // Code that runs in the renderer too: no Node built-ins, however they are spelled (fs or node:fs).
    files: ['electron/shared/**', ...CONTRACT.map((p) => `electron/${p}${p.endsWith('.ts') ? '' : '/**'}`), 'renderer/**'],
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    files: ['electron/db/**/*.ts', 'electron/domains/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': contractTypesOnly('Import only types from the API contract: it sits above db/ and the domains.') },
  },
  {
    // The renderer is a web page: no Node, no Electron, no database.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      // TanStack Virtual is fine without the React Compiler's memoisation.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-restricted-imports': contractTypesOnly('The renderer imports only types from the API contract (it talks to main through the API client).'),
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: testZones }] },
  },
  {
    files: ['electron/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },
);
