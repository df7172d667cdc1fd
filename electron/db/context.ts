import type { Db, Sqlite } from './open';
import type { MethodName, MethodOutput, ParsedInput } from '../api/contract';

export interface Clock {
  now(): number;
  /** Test clock: fix "now" at a time (it then advances with real time), or null for real time. */
  set(ms: number | null): void;
  overridden(): boolean;
}

export function createClock(): Clock {
  let offset: number | null = null;
  return {
    now: () => Date.now() + (offset ?? 0),
    set: (ms) => {
      offset = ms === null ? null : ms - Date.now();
    },
    overridden: () => offset !== null,
  };
}

export interface Ctx {
  db: Db;
  sqlite: Sqlite;
  clock: Clock;
  dataDir: string;
  dbFile: string;
  migrationsFolder: string;
  version: string;
  /** Allows system.setNow; only the test/browser server started with --test-clock sets it. */
  allowTestClock: boolean;
  /** Swaps the open database for a copy of `source` (restore); null for in-memory databases. */
  replaceDatabase: ((source: string) => Promise<void>) | null;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: Ctx) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };
