import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { handlers } from './registry';
import { build } from 'esbuild';
import { describeApi } from './dispatch';

describe('the API contract', () => {
  it('the sandboxed preload bundles the contract names and requires nothing but electron', async () => {
    const out = await build({
      entryPoints: ['electron/shell/preload.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = out.outputFiles[0].text;
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
    for (const name of Object.keys(contract)) expect(code).toContain(`"${name}"`);
  });
  it('every method has a handler and names follow domain.verb', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
  });
  it('describes every method with JSON Schemas', () => {
    const api = describeApi();
    expect(api.methods.map((m) => m.name).sort()).toEqual(Object.keys(contract).sort());
    const create = api.methods.find((m) => m.name === 'applications.create')!;
    expect(create.input).toMatchObject({ type: 'object', required: expect.arrayContaining(['company', 'role']) });
  });
});
