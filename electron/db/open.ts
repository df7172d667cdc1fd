// Opening the database: pragmas, a backup when migrations are pending, migrations in one transaction,
// and a refusal to touch a database written by a newer Courtesy. Nothing registers handlers or opens a
// window before this has succeeded.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema';
import { count } from '../shared/words';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

export interface OpenOptions {
  /** Path of the SQLite file, or ':memory:'. */
  file: string;
  /** The drizzle/ folder holding generated migrations. */
  migrationsFolder: string;
  /** Folder for pre-migration backups; defaults to a `backups` folder beside the file. */
  backupDir?: string;
  /** better-sqlite3 native binding to load (the Electron build); Node uses the default build. */
  nativeBinding?: string;
  /** Clock used to name backups. */
  now?: () => number;
}

export interface OpenedDb {
  sqlite: Sqlite;
  db: Db;
  /** Path of the backup taken before migrating, if migrations were pending on an existing file. */
  backupPath: string | null;
  appliedMigrations: number;
  close(): void;
}

export class DatabaseTooNewError extends Error {
  constructor(file: string) {
    super(
      `The database at ${file} was written by a newer version of Courtesy. ` +
        'Update Courtesy to open it; it was left untouched.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

function lastAppliedMillis(sqlite: Sqlite): number | null {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
  if (!exists) return null;
  const row = sqlite.prepare(`SELECT created_at AS at FROM ${MIGRATIONS_TABLE} ORDER BY created_at DESC LIMIT 1`).get() as
    | { at: number | string }
    | undefined;
  return row ? Number(row.at) : null;
}

export function pendingMigrations(sqlite: Sqlite, migrationsFolder: string) {
  const migrations = readMigrationFiles({ migrationsFolder });
  const last = lastAppliedMillis(sqlite);
  const newestKnown = migrations.reduce((max, m) => Math.max(max, m.folderMillis), 0);
  return {
    pending: migrations.filter((m) => last === null || m.folderMillis > last).length,
    tooNew: last !== null && last > newestKnown,
  };
}

export function applyPragmas(sqlite: Sqlite, file: string) {
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
}

export async function openDatabase(opts: OpenOptions): Promise<OpenedDb> {
  if (!fs.existsSync(path.join(opts.migrationsFolder, 'meta', '_journal.json'))) {
    throw new Error(`Migrations folder not found or incomplete: ${opts.migrationsFolder}`);
  }
  const isFile = opts.file !== ':memory:';
  if (isFile) fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  const existed = isFile && fs.existsSync(opts.file) && fs.statSync(opts.file).size > 0;
  const sqlite = new Database(opts.file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    applyPragmas(sqlite, opts.file);
    const { pending, tooNew } = pendingMigrations(sqlite, opts.migrationsFolder);
    if (tooNew) throw new DatabaseTooNewError(opts.file);

    let backupPath: string | null = null;
    if (pending > 0 && existed) backupPath = await backupBeforeMigrating(sqlite, opts);

    if (pending > 0) {
      // Important: a table rebuild in a generated migration runs DROP TABLE inside the migrator's
      // transaction, where PRAGMA foreign_keys cannot be changed; with foreign keys on, ON DELETE
      // CASCADE would silently delete child rows. So foreign keys go off around the migration
      // (outside its transaction) and integrity is checked before they come back on.
      sqlite.pragma('foreign_keys = OFF');
      try {
        migrate(drizzle(sqlite), { migrationsFolder: opts.migrationsFolder });
        const violations = sqlite.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new Error(`Migration left ${count(violations.length, { one: 'foreign key violation', other: 'foreign key violations' })}; restore from ${backupPath ?? 'a backup'}.`);
        }
      } finally {
        sqlite.pragma('foreign_keys = ON');
      }
    }
    const db = drizzle(sqlite, { schema });
    return { sqlite, db, backupPath, appliedMigrations: pending, close: () => closeQuietly(sqlite) };
  } catch (err) {
    closeQuietly(sqlite);
    throw err;
  }
}

async function backupBeforeMigrating(sqlite: Sqlite, opts: OpenOptions): Promise<string> {
  const dir = opts.backupDir ?? path.join(path.dirname(opts.file), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date((opts.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(opts.file, path.extname(opts.file))}-pre-migration-${stamp}.sqlite`);
  await sqlite.backup(target);
  return target;
}

function closeQuietly(sqlite: Sqlite) {
  if (!sqlite.open) return;
  try {
    // SQLite's advice: let it refresh planner statistics where they matter, at close.
    sqlite.pragma('optimize');
    if (sqlite.pragma('journal_mode', { simple: true }) === 'wal') sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // closing anyway
  }
  sqlite.close();
}

/** A consistent online copy of the live database (better-sqlite3 backup API), for the user's backups. */
export async function backupTo(sqlite: Sqlite, target: string): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await sqlite.backup(target);
}
