// The TypeScript projects keep each runtime's globals out of the others' code. These tests compile a
// one-file probe with each project's real compiler options (read from its tsconfig) and check which
// globals it may use, so a config edit that lets `process` into the renderer fails here.
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function project(name: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, `tsconfig.${name}.json`), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`tsconfig.${name}.json did not parse`);
  return parsed;
}

const parsedOnce = new Map<string, ts.SourceFile | undefined>();

/** Type errors of `source` compiled as `file` (relative to the repo) under a project's options. */
function errorsOf(name: string, file: string, source: string): string[] {
  const config = project(name);
  const probe = path.join(root, file);
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => f === probe || fileExists(f);
  host.readFile = (f) => (f === probe ? source : readFile(f));
  host.getSourceFile = (f, lang, ...rest) => {
    if (f === probe) return ts.createSourceFile(f, source, lang);
    // Library files (lib.dom.d.ts, @types/node) are parsed once for all probes.
    const key = `${f}\0${typeof lang === 'object' ? lang.languageVersion : lang}`;
    if (!parsedOnce.has(key)) parsedOnce.set(key, getSourceFile(f, lang, ...rest));
    return parsedOnce.get(key);
  };
  // The project's own .d.ts files (the portable globals of the pure project) come along, as in tsc.
  const declarations = config.fileNames.filter((f) => f.endsWith('.d.ts'));
  const program = ts.createProgram({ rootNames: [probe, ...declarations], options: config.options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const NODE = 'export const a = process.env.HOME;\nexport const b = Buffer.from("x");\n';
const DOM = 'export const c = document.title;\nexport const d = window.innerWidth;\n';
const BOTH = 'export const u = new URL("https://example.com").protocol;\n';

describe('one TypeScript project per runtime', { timeout: 60_000 }, () => {
  it('renderer: process and Buffer are errors, the DOM is there', () => {
    const errors = errorsOf('renderer', 'renderer/src/probe.ts', NODE);
    expect(errors).toEqual([expect.stringMatching(/Cannot find name 'process'/), expect.stringMatching(/Cannot find name 'Buffer'/)]);
    expect(errorsOf('renderer', 'renderer/src/probe.ts', DOM + BOTH)).toEqual([]);
  });

  it('main process: Node is there, the DOM is an error', () => {
    expect(errorsOf('main', 'electron/host/probe.ts', NODE + BOTH)).toEqual([]);
    const errors = errorsOf('main', 'electron/host/probe.ts', DOM);
    expect(errors).toEqual([expect.stringMatching(/Cannot find name 'document'/), expect.stringMatching(/Cannot find name 'window'/)]);
  });

  it('shared and the contract: neither Node nor the DOM, only what both runtimes have', () => {
    expect(errorsOf('shared', 'electron/shared/probe.ts', NODE + DOM)).toHaveLength(4);
    expect(errorsOf('shared', 'electron/shared/probe.ts', BOTH)).toEqual([]);
  });

  it('each project holds the files of its runtime and no others', () => {
    const rel = (name: string) => project(name).fileNames.map((f) => path.relative(root, f));
    expect(rel('renderer')).toContain('renderer/src/App.tsx');
    expect(rel('renderer').filter((f) => !f.startsWith('renderer/src/') || f.endsWith('.test.ts'))).toEqual([]);
    expect(rel('shared')).toEqual(expect.arrayContaining(['electron/shared/time.ts', 'electron/api/contract/index.ts', 'electron/api/method-names.ts']));
    expect(rel('shared').filter((f) => f.endsWith('.test.ts'))).toEqual([]);
    expect(rel('main')).toEqual(expect.arrayContaining(['electron/shell/main.ts', 'electron/shell/preload.ts', 'electron/db/open.test.ts']));
    expect(rel('main').filter((f) => !f.startsWith('electron/'))).toEqual([]);
    expect(rel('tools')).toEqual(expect.arrayContaining(['e2e/pipeline.spec.ts', 'vite.config.ts', 'renderer/src/lib/format.test.ts']));
  });
});
