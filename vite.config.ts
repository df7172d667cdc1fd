import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * lib/early.ts is its own entry, loaded by an async module script ahead of the app's: it runs as soon
 * as it and its two small imports are read (waiting neither for the stylesheet nor for the app's
 * script), and sends the first screen's requests while the browser is still parsing the app's bundle
 * (hundreds of KB). main.tsx imports the same module, so it runs once.
 */
const EARLY = 'src/lib/early.ts';
function earlyEntry(): Plugin {
  return {
    name: 'courtesy-early-entry',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [{ tag: 'script', attrs: { type: 'module', async: true, src: `./${EARLY}` }, injectTo: 'head-prepend' }];
        const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId?.endsWith(EARLY));
        if (!chunk) throw new Error(`The early entry (${EARLY}) is missing from the bundle.`);
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `./${chunk.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), earlyEntry()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    rollupOptions: { input: { index: 'renderer/index.html', early: `renderer/${EARLY}` } },
  },
});
