// The full integrity check (PRAGMA quick_check reads every page) off the start-up path and off the
// main thread: at 100,000 applications it takes tens of seconds, so it runs after the first screen, in a
// worker thread on its own read-only connection, while the person already works. Start-up keeps the
// cheap checks (header, size, schema, version; see open.ts) that catch a file that is not, or no longer
// whole, a database. Damage only the full check finds is reported through system.info as a warning that
// names the newest backup that passes the same check (restored from Settings → Backups).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readMigrationFiles } from 'drizzle-orm/migrator';

/** What the worker learns about one file, without writing to it. */
export interface FileCheck {
  /** The first problem quick_check reports, or the error opening or reading it; null when sound. */
  problem: string | null;
  hasApplications: boolean;
  /** created_at of the newest applied migration (drizzle's folder time), null when none. */
  lastMigration: number | null;
}

// Plain CommonJS run by the worker (eval: no file to bundle or find beside the app).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const out = { problem: null, hasApplications: false, lastMigration: null };
let db;
try {
  db = new Database(workerData.file, Object.assign({ readonly: true, fileMustExist: true }, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}));
  const first = db.pragma('quick_check(5)', { simple: false })[0];
  out.problem = first && first.quick_check === 'ok' ? null : (first ? first.quick_check : 'the check returned nothing');
  out.hasApplications = !!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'applications'").get();
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = '__drizzle_migrations'").get()) {
    const row = db.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get();
    out.lastMigration = row && row.at != null ? Number(row.at) : null;
  }
} catch (err) {
  out.problem = out.problem || (err && err.message ? err.message : String(err));
} finally {
  try { if (db) db.close(); } catch (e) { /* closing anyway */ }
}
parentPort.postMessage(out);
`;

let sqliteModule: string | null = null;
/** Where better-sqlite3 lives, for the worker's require (the bundled main is CommonJS; tests run ESM). */
function sqliteModulePath(): string {
  if (!sqliteModule) {
    const from = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
    sqliteModule = createRequire(from).resolve('better-sqlite3');
  }
  return sqliteModule;
}

export interface CheckHandle {
  result: Promise<FileCheck>;
  /** Stops the worker (closing the app); the result then reports the stop as its problem. */
  stop(): void;
}

/** quick_check of `file` on a read-only connection in a worker thread; never writes to the file. */
export function checkFileInWorker(file: string, nativeBinding?: string): CheckHandle {
  // A read-only connection to a WAL file creates empty -wal/-shm beside it when none exist: remove those again.
  const created = ['-wal', '-shm'].filter((s) => !fs.existsSync(file + s));
  const worker = new Worker(WORKER, { eval: true, workerData: { module: sqliteModulePath(), file, nativeBinding } });
  worker.unref(); // never keeps the process alive
  const result = new Promise<FileCheck>((resolve) => {
    let done = false;
    const finish = (r: FileCheck) => {
      if (done) return;
      done = true;
      for (const s of created) {
        try {
          if (s === '-shm' || fs.lstatSync(file + s).size === 0) fs.rmSync(file + s, { force: true });
        } catch {
          // not created after all
        }
      }
      resolve(r);
    };
    worker.once('message', (m: FileCheck) => finish(m));
    worker.once('error', (err) => finish({ problem: err.message, hasApplications: false, lastMigration: null }));
    worker.once('exit', () => finish({ problem: 'the check was stopped', hasApplications: false, lastMigration: null }));
  });
  return { result, stop: () => void worker.terminate() };
}

/** The newest regular .sqlite in `dir` that passes the full check and that this version can open. */
export async function newestSoundBackupInWorker(dir: string, migrationsFolder: string, nativeBinding?: string): Promise<string | null> {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.sqlite'));
  } catch {
    return null;
  }
  const newestKnown = readMigrationFiles({ migrationsFolder }).reduce((max, m) => Math.max(max, m.folderMillis), 0);
  const files = names
    .map((n) => path.join(dir, n))
    .map((f) => ({ f, st: fs.lstatSync(f, { throwIfNoEntry: false }) }))
    .filter((x) => x.st?.isFile()) // never a link, whatever it points to
    .map(({ f, st }) => ({ f, at: st!.mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of files) {
    const c = await checkFileInWorker(f, nativeBinding).result;
    if (!c.problem && c.hasApplications && (c.lastMigration === null || c.lastMigration <= newestKnown)) return f;
  }
  return null;
}

export type IntegrityReport =
  | { state: 'checking' | 'sound' | 'not_checked'; problem: null; backup: null; message: null }
  | { state: 'damaged'; problem: string; backup: string | null; message: string };

export const NOT_CHECKED: IntegrityReport = { state: 'not_checked', problem: null, backup: null, message: null };

/** What to tell the person when the full check finds damage in the open database. */
export function damagedMessage(file: string, problem: string, backup: string | null): string {
  const next = backup
    ? `Restore the backup ${path.basename(backup)} (the newest one that passes the check) from Settings → Backups; changes made since it was taken would need to be entered again.`
    : 'No backup passes the check. Export what you can now (Settings → Data) and keep the file for expert recovery.';
  return `Courtesy's database ${file} is damaged (${problem}). Some of your data may be unreadable, and new changes may be lost. ${next}`;
}

/**
 * Runs the full check of the open database file in the background and keeps its verdict. `report()` is
 * what system.info returns; `done` settles with the final report (the bench and the tests wait on it).
 */
export function startIntegrityCheck(opts: { file: string; backupDir: string; migrationsFolder: string; nativeBinding?: string; log?: (msg: string, err?: unknown) => void }) {
  let report: IntegrityReport = { state: 'checking', problem: null, backup: null, message: null };
  let stopped = false;
  const handle = checkFileInWorker(opts.file, opts.nativeBinding);
  const done = (async (): Promise<IntegrityReport> => {
    const c = await handle.result;
    if (stopped) return report;
    if (!c.problem) return (report = { state: 'sound', problem: null, backup: null, message: null });
    const backup = await newestSoundBackupInWorker(opts.backupDir, opts.migrationsFolder, opts.nativeBinding);
    report = { state: 'damaged', problem: c.problem, backup, message: damagedMessage(opts.file, c.problem, backup) };
    opts.log?.(report.message);
    return report;
  })();
  return {
    report: () => report,
    done,
    stop: () => {
      stopped = true;
      handle.stop();
    },
  };
}
