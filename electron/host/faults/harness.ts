// Shared by the fault tests: the child bundled once (plain node starts in a fraction of tsx's time),
// and a runner that kills it with SIGKILL after a number of acknowledged writes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const MIGRATIONS = path.join(ROOT, 'drizzle');
// Inside the worktree, so the bundle's require('better-sqlite3') finds node_modules. One file per child
// and test process: a fixed name is one file for every checkout whose node_modules is a hard-linked
// copy, and a run elsewhere would replace this run's child with its own code mid-test.
const OUT_DIR = path.join(ROOT, 'node_modules', '.cache', 'courtesy-faults');
const bundles = new Map<string, Promise<string>>();

/** A child script in this folder (`child.ts`, `outbox-child.ts`) bundled once per test process for plain node. */
export function bundleChild(entry = 'child.ts'): Promise<string> {
  let built = bundles.get(entry);
  if (!built) {
    const out = path.join(OUT_DIR, `${path.basename(entry, '.ts')}-${process.pid}.cjs`);
    process.once('exit', () => fs.rmSync(out, { force: true }));
    built = build({
      entryPoints: [path.join(__dirname, entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3', 'electron'],
      outfile: out,
      logLevel: 'warning',
      define: { 'import.meta.url': 'undefined' }, // as in build-main.mjs: only reached where __filename is missing
    }).then(() => out);
    bundles.set(entry, built);
  }
  return built;
}

export interface ChildRun {
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Killed because `timeoutMs` passed, not after `killAfter` acknowledged writes. */
  timedOut: boolean;
}

/**
 * Runs the child; kills it with SIGKILL once `killAfter` acknowledged writes were printed, or after
 * `timeoutMs` (60 s: a child on a busy 2-core CI machine can take 15 s to start and make its first
 * backup), which `timedOut` tells apart so a hung child is never counted as a kill mid-write.
 */
export async function runChild(dataDir: string, mode: string, opts: { killAfter?: number; timeoutMs?: number; migrationsFolder?: string } = {}): Promise<ChildRun> {
  const bundle = await bundleChild();
  const child: ChildProcess = spawn(process.execPath, [bundle, dataDir, opts.migrationsFolder ?? MIGRATIONS, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buffer = '';
  let acks = 0;
  let timedOut = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        if (line !== 'READY' && !line.startsWith('ERROR')) acks++;
        if (opts.killAfter !== undefined && acks >= opts.killAfter) child.kill('SIGKILL');
      }
    });
    child.stderr!.on('data', () => {});
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ lines, code, signal, timedOut });
    });
  });
}

/** Spawns the child in `hold` mode and resolves once it holds the lock (its READY line). */
export async function holdLock(dataDir: string): Promise<{ child: ChildProcess; firstLine: string }> {
  const bundle = await bundleChild();
  const child = spawn(process.execPath, [bundle, dataDir, MIGRATIONS, 'hold'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const firstLine = await new Promise<string>((resolve) => {
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      if (buf.includes('\n')) resolve(buf.split('\n')[0]);
    });
    child.on('exit', () => resolve(buf.split('\n')[0] ?? ''));
  });
  return { child, firstLine };
}

export const tmpDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
