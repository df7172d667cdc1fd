import type { Db, Sqlite } from './open';
import type { IntegrityReport } from './background-check';
import type { MethodName, MethodOutput, ParsedInput } from '../api/contract';
import type { SecretStore } from '../shared/mail';

export interface Clock {
  now(): number;
  /**
   * Test clock: fix "now" at a time, or null for real time. A set clock stands still until it is set or
   * advanced again, so a test's exact times never depend on how fast the machine is.
   */
  set(ms: number | null): void;
  /** Test clock: moves a set clock forward by `ms` (tests that need time to pass say so). */
  advance(ms: number): void;
  overridden(): boolean;
}

export function createClock(): Clock {
  let fixed: number | null = null;
  return {
    now: () => fixed ?? Date.now(),
    set: (ms) => {
      fixed = ms;
    },
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`The clock only moves forward by a finite number of ms (got ${ms}).`);
      // Advancing the real clock would silently do nothing; a test that does it has forgotten set().
      if (fixed === null) throw new Error('advance() needs a set clock: call set(ms) first.');
      fixed += ms;
    },
    overridden: () => fixed !== null,
  };
}

export interface Ctx {
  db: Db;
  sqlite: Sqlite;
  clock: Clock;
  dataDir: string;
  dbFile: string;
  migrationsFolder: string;
  /** resources/fonts: the fonts printed PDFs embed. */
  fontsFolder: string;
  version: string;
  /** better-sqlite3's native build in use (Electron's), for scratch databases such as an import's staging copy. */
  nativeBinding?: string;
  /** Allows system.setNow; only the test/browser server started with --test-clock sets it. */
  allowTestClock: boolean;
  /**
   * Swaps the open database for a copy of `source` (restore); null for in-memory databases. Runs alone:
   * other calls finish first and new ones wait. `prepare` (the safety backup) runs in that same quiet
   * moment, just before the connection closes, and its result is returned.
   */
  /** Keeps the email account's password (never SQLite); see domains/mail/secrets.ts. */
  secrets: SecretStore;
  /** Opens a file with the system's viewer (the desktop app's shell.openPath); absent in browser mode and tests. */
  openFile?: (file: string) => Promise<void>;
  /** The background full check's verdict on the open file (system.info shows it; background-check.ts). */
  integrity: () => IntegrityReport;
  replaceDatabase: (<T>(source: string, prepare: () => Promise<T>) => Promise<T>) | null;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: Ctx) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };
