// Test helpers: a real core (real migrations, real SQLite) on a temp folder or in memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore, type Core, type CoreOptions } from '../host/core';
import type { MethodInput, MethodName, MethodOutput } from '../api/contract';
import type { ApiErrorBody } from '../shared/errors';

export const MIGRATIONS = path.resolve(__dirname, '..', '..', 'drizzle');

export interface TestCore extends Core {
  dir: string;
  /** Calls a method and returns its data, throwing on an error envelope. */
  api<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

export async function testCore(opts: { memory?: boolean; dir?: string; now?: number; replies?: CoreOptions['replies'] } = {}): Promise<TestCore> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-test-'));
  const core = await startCore({
    dataDir: dir,
    migrationsFolder: MIGRATIONS,
    version: '0.0.0-test',
    allowTestClock: true,
    dbFile: opts.memory === false || opts.dir ? undefined : ':memory:',
    dispatch: { validateOutput: true, log: () => {} },
    replies: opts.replies,
  });
  if (opts.now !== undefined) core.ctx.clock.set(opts.now);
  return {
    ...core,
    dir,
    async api(method, input) {
      const env = await core.call(method, input);
      if (!env.ok) throw Object.assign(new Error(`${method}: ${env.error.message}`), { body: env.error });
      return env.data as never;
    },
  };
}

/** The error envelope a call was refused with; fails the test when the call succeeds. */
export async function errorOf(p: Promise<unknown>): Promise<ApiErrorBody> {
  try {
    await p;
  } catch (e) {
    return (e as { body: ApiErrorBody }).body;
  }
  throw new Error('expected an error');
}
