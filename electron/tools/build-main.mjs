// Bundles the main-process entry points to CommonJS in dist-electron/ (the Electron main and preload,
// and the browser-mode server). Native and Electron modules stay external.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'warning',
  // Code shared with ESM runs (tests, the bench) reads import.meta.url only where __filename is missing;
  // in this CommonJS bundle it is never reached, so it is defined away rather than warned about.
  define: { 'import.meta.url': 'undefined' },
};

await Promise.all([
  build({ ...common, entryPoints: { main: 'electron/shell/main.ts', browser: 'electron/server/browser.ts' }, outdir: 'dist-electron', outExtension: { '.js': '.cjs' } }),
  // The preload runs sandboxed: one self-contained CJS file that requires only 'electron'.
  build({ ...common, entryPoints: { preload: 'electron/shell/preload.ts' }, outdir: 'dist-electron', outExtension: { '.js': '.cjs' }, platform: 'browser', target: 'chrome130' }),
]);
