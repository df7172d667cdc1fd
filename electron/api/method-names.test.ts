import { describe, expect, expectTypeOf, it } from 'vitest';
import { build } from 'esbuild';
import { contract, type MethodName } from './contract';
import { METHOD_NAMES } from './method-names';

describe('the names-only method list', () => {
  it('equals the contract’s methods exactly, in order', () => {
    expect([...METHOD_NAMES]).toEqual(Object.keys(contract));
    // Checked by `npm run typecheck`: the literal union is the contract's MethodName.
    expectTypeOf<(typeof METHOD_NAMES)[number]>().toEqualTypeOf<MethodName>();
  });

  it('keeps the sandboxed preload small: every name, no zod, no luxon, and only electron required', async () => {
    const out = await build({
      entryPoints: ['electron/shell/preload.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
      metafile: true,
    });
    const code = out.outputFiles[0].text;
    for (const name of Object.keys(contract)) expect(code).toContain(`"${name}"`);
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.filter((f) => f.includes('node_modules'))).toEqual([]);
    // The shortcut table (pure data) gives the menu bridge its allow-list of command ids.
    expect(inputs.sort()).toEqual(['electron/api/method-names.ts', 'electron/shared/shortcuts.ts', 'electron/shell/ipc-channel.ts', 'electron/shell/preload.ts']);
    // Unminified it is about 3 kB; with the contract it was about 1 MB.
    expect(code.length).toBeLessThan(10_000);
  });
});
