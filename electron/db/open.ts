// Opening the database: first, without writing a byte, the -wal beside it (recovery.ts), the cheap
// checks (header, size, schema) and the version on a read-only connection (the full quick_check runs
// after start-up, in the background: background-check.ts); then pragmas, a backup when migrations are pending, and
// migrations in one transaction. Every refusal (OpenRefusedError) names the file and the next step and
// leaves the person's files as they were, or moved aside whole. Nothing registers handlers or opens a
// window before this has succeeded.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema';
import { count } from '../shared/words';
import { cheapCheck, classifyFileError, cleanPartialBackups, fileSize, inspectReadOnly, isRegularFile, quickCheck, writeBackupFile } from './integrity';
import { WAL_AUTOCHECKPOINT, beginUpgradeBackup, closeKeepingWal, resumeUpgradeBackup, type UpgradeBackup, type UpgradeBackupHooks, type UpgradeBackupOutcome } from './upgrade-backup';
import { scopedForeignKeyCheck } from './fk-scope';
import { checkWal, ensureIdentity, moveAside, newRecoveryFolder } from './recovery';

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
  /** When the background pre-upgrade copy may begin (the core: once the first screen is answered); at once by default. */
  backupCopyAfter?: Promise<void>;
  /** Tests only: hold the background pre-upgrade copy mid-way (upgrade-backup.ts). */
  upgradeBackupHooks?: UpgradeBackupHooks;
}

export interface OpenedDb {
  sqlite: Sqlite;
  db: Db;
  /** Path of the backup taken before migrating, if migrations were pending on an existing file. */
  backupPath: string | null;
  /**
   * Settles when that backup (or one an earlier run still owed) is on disk, or could not be made: it is
   * copied after start-up, in the background (upgrade-backup.ts). 'none' when no backup was owed.
   */
  backupDone: Promise<UpgradeBackupOutcome>;
  appliedMigrations: number;
  /** Closes at once; a backup still being copied is left owed (the next start copies it) and the WAL kept. */
  close(): void;
  /** Waits up to `boundMs` for the background backup, then closes (the app's quit path). */
  closeAfterBackup(boundMs: number): Promise<void>;
}

export type OpenRefusal = 'too_new' | 'damaged' | 'orphan_wal' | 'wal_mismatch' | 'disk_full' | 'read_only';

/** Opening stopped before anything was lost; the message names the file and the next step. */
export class OpenRefusedError extends Error {
  constructor(
    readonly reason: OpenRefusal,
    readonly file: string,
    message: string,
    /** Where files were set aside, and the newest backup that passes the check (a damaged file). */
    readonly details: { setAside?: string; backup?: string | null } = {},
  ) {
    super(message);
    this.name = 'OpenRefusedError';
  }
}

export class DatabaseTooNewError extends OpenRefusedError {
  constructor(file: string) {
    super('too_new', file, `The database at ${file} was written by a newer version of Courtesy. Update Courtesy to open it; it was left untouched.`);
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
  const pending = migrations.filter((m) => last === null || m.folderMillis > last);
  return {
    pending: pending.length,
    /** The pending migrations' SQL, for the foreign key check after them (fk-scope.ts). */
    statements: pending.flatMap((m) => m.sql),
    tooNew: last !== null && last > newestKnown,
  };
}

export function applyPragmas(sqlite: Sqlite, file: string) {
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
  // FULL, not NORMAL: in WAL mode NORMAL syncs only at checkpoints, so a power cut or OS crash can roll
  // back the last acknowledged commits (a process crash cannot). FULL syncs the WAL at every commit,
  // one fsync per user action, which people do not notice at the pace they type.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // 64 MB of page cache rather than SQLite's 2 MB: a large book's hot pages (indexes, the rows Today and
  // the board read) stay in memory instead of being read from the file on every call. Grows only as used.
  sqlite.pragma('cache_size = -65536');
}

export async function openDatabase(opts: OpenOptions): Promise<OpenedDb> {
  if (!fs.existsSync(path.join(opts.migrationsFolder, 'meta', '_journal.json'))) {
    throw new Error(`Migrations folder not found or incomplete: ${opts.migrationsFolder}`);
  }
  const isFile = opts.file !== ':memory:';
  let sqlite: Sqlite | null = null;
  let upgrade: UpgradeBackup | null = null;
  try {
    let existed = false;
    if (isFile) existed = inspectBeforeOpening(opts);
    sqlite = new Database(opts.file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    applyPragmas(sqlite, opts.file);
    const { pending, statements, tooNew } = pendingMigrations(sqlite, opts.migrationsFolder);
    if (tooNew) throw new DatabaseTooNewError(opts.file); // only reachable for a file that changed since the check

    const backupDir = opts.backupDir ?? path.join(path.dirname(opts.file), 'backups');
    const copyAfter = opts.backupCopyAfter ?? Promise.resolve();
    // A backup an earlier run owed (killed or closed mid-copy): the main file still holds that data.
    if (isFile) upgrade = resumeUpgradeBackup(sqlite, opts.file, backupDir, copyAfter, opts.upgradeBackupHooks);
    let backupPath: string | null = upgrade?.holdsWal() ? upgrade.path : null;
    if (pending > 0 && existed && !backupPath) {
      backupPath = backupTarget(opts, backupDir);
      upgrade = beginUpgradeBackup(sqlite, opts.file, backupPath, copyAfter, opts.upgradeBackupHooks);
      // The WAL could not be folded in now: the backup API, before migrating, as a last resort.
      if (!upgrade) await writeBackupFile(sqlite, backupPath, opts.nativeBinding);
    }

    if (pending > 0) {
      // Important: a table rebuild in a generated migration runs DROP TABLE inside the migrator's
      // transaction, where PRAGMA foreign_keys cannot be changed; with foreign keys on, ON DELETE
      // CASCADE would silently delete child rows. So foreign keys go off around the migration
      // (outside its transaction) and integrity is checked before they come back on.
      sqlite.pragma('foreign_keys = OFF');
      try {
        migrate(drizzle(sqlite), { migrationsFolder: opts.migrationsFolder });
        const violations = scopedForeignKeyCheck(sqlite, statements);
        if (violations.length > 0) {
          throw new Error(`Migration left ${count(violations.length, { one: 'foreign key violation', other: 'foreign key violations' })}; restore from ${backupPath ?? 'a backup'}.`);
        }
      } finally {
        sqlite.pragma('foreign_keys = ON');
      }
    }
    // While a backup is owed the identity stays in the WAL; the checkpoint after the copy writes it.
    if (isFile) ensureIdentity(sqlite, { checkpoint: !upgrade?.holdsWal() });
    const db = drizzle(sqlite, { schema });
    const opened = sqlite;
    const owed = upgrade;
    const close = () => closeOpened(opened, opts, owed);
    const backupDone = owed?.done ?? Promise.resolve<UpgradeBackupOutcome>({ state: 'none' });
    const closeAfterBackup = async (boundMs: number) => {
      owed?.start();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([backupDone, new Promise<void>((r) => (timer = setTimeout(r, boundMs)))]);
      clearTimeout(timer);
      close();
    };
    return { sqlite, db, backupPath, backupDone, appliedMigrations: pending, close, closeAfterBackup };
  } catch (err) {
    // A migration that failed names the backup to restore: it must exist before the app stops.
    upgrade?.start();
    if (upgrade) await upgrade.done;
    if (sqlite) closeOpened(sqlite, opts, upgrade);
    // The cheap checks passed but a page read on the way in did not: the same refusal as a failed check.
    if (isFile && !(err instanceof OpenRefusedError) && classifyFileError(err) === 'damaged') {
      refuseDamaged(opts, opts.backupDir ?? path.join(path.dirname(opts.file), 'backups'), err instanceof Error ? err.message : String(err));
    }
    throw translateOpenError(err, opts.file);
  }
}

/** Disk full and read-only get their own refusal, naming the file and what to do. */
function translateOpenError(err: unknown, file: string): unknown {
  if (err instanceof OpenRefusedError) return err;
  const kind = classifyFileError(err);
  const detail = err instanceof Error ? err.message : String(err);
  if (kind === 'disk_full') {
    return new OpenRefusedError('disk_full', file, `The disk holding ${file} is full (${detail}). Free some disk space and start Courtesy again; your data was not changed.`);
  }
  if (kind === 'read_only') {
    return new OpenRefusedError(
      'read_only',
      file,
      `Courtesy cannot write to ${file} or its folder ${path.dirname(file)} (${detail}). Fix the permissions (or move the folder off a read-only disk) and start again; your data was not changed.`,
    );
  }
  return err;
}

/**
 * Everything that must happen before the file is opened for writing: the -wal beside it, then a
 * read-only check of the file itself (the cheap checks and the version; no pragma, so not one byte
 * changes). Returns whether the file holds data.
 */
function inspectBeforeOpening(opts: OpenOptions): boolean {
  const { file } = opts;
  const dataDir = path.dirname(file);
  const backupDir = opts.backupDir ?? path.join(dataDir, 'backups');
  fs.mkdirSync(dataDir, { recursive: true });
  cleanPartialBackups(backupDir);
  // A restore killed before its rename leaves its copy of a backup here; the database itself is intact.
  fs.rmSync(file + '.restoring', { force: true });
  const refuseTooNew = (db: Database.Database) => {
    if (pendingMigrations(db, opts.migrationsFolder).tooNew) throw new DatabaseTooNewError(file);
  };
  const verdict = checkWal({ file, dataDir, backupDir, now: opts.now, inspectMerged: refuseTooNew });
  if (verdict.kind === 'orphan') {
    const next = verdict.recovered
      ? `Courtesy rebuilt a database from it: restore the backup ${path.basename(verdict.recovered)} from Settings → Backups after starting again.`
      : 'No database could be rebuilt from it. If you moved or renamed courtesy.sqlite, put it back beside it; otherwise restore a backup.';
    throw new OpenRefusedError(
      'orphan_wal',
      file,
      `Courtesy found ${path.basename(file)}-wal (recent changes) without its database ${file}. Nothing was deleted: it was moved to ${verdict.folder}. ${next} Starting again now opens an empty database.`,
      { setAside: verdict.folder, backup: verdict.recovered },
    );
  }
  if (verdict.kind === 'mismatch') {
    throw new OpenRefusedError(
      'wal_mismatch',
      file,
      `Courtesy found ${file}-wal that does not belong to ${file} (${verdict.reason}). It was not applied: it was moved, with a copy of your database, to ${verdict.folder}. Your database was not changed; start Courtesy again to open it.`,
      { setAside: verdict.folder },
    );
  }
  const existed = fileSize(file) > 0;
  if (!existed || verdict.kind === 'match') return existed; // a matching WAL was checked on a merged copy
  // A write probe that writes nothing: a read-only file would otherwise open read-only without a word.
  fs.closeSync(fs.openSync(file, 'r+'));
  let problem: string | null = null;
  try {
    problem = inspectReadOnly(file, (db) => cheapCheck(db, file) ?? (refuseTooNew(db), null), opts.nativeBinding);
  } catch (err) {
    if (classifyFileError(err) !== 'damaged') throw err;
    problem = err instanceof Error ? err.message : String(err);
  }
  if (problem) refuseDamaged(opts, backupDir, problem);
  return existed;
}

function refuseDamaged(opts: OpenOptions, backupDir: string, problem: string): never {
  const { file } = opts;
  const folder = newRecoveryFolder(path.dirname(file), 'damaged', (opts.now ?? Date.now)());
  for (const f of [file, file + '-wal', file + '-shm']) if (fs.existsSync(f)) moveAside(f, folder);
  const backup = newestSoundBackup(backupDir, opts.migrationsFolder);
  const next = backup
    ? `Next step: restore the backup ${path.basename(backup)}, the newest one that passes the check.`
    : 'No backup passes the check. Starting Courtesy again opens an empty database; keep the damaged file for expert recovery.';
  throw new OpenRefusedError(
    'damaged',
    file,
    `Courtesy's database ${file} is damaged (${problem}). Nothing was deleted: it was moved, unchanged, to ${folder}. ${next}`,
    { setAside: folder, backup },
  );
}

/** The newest regular file in `dir` that is a sound Courtesy database this version can open. */
export function newestSoundBackup(dir: string, migrationsFolder: string): string | null {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.sqlite'));
  } catch {
    return null;
  }
  const files = names
    .map((n) => path.join(dir, n))
    .filter(isRegularFile)
    .map((f) => ({ f, at: fs.lstatSync(f).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of files) {
    try {
      const ok = inspectReadOnly(f, (db) => !quickCheck(db) && !!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'applications'").get() && !pendingMigrations(db, migrationsFolder).tooNew);
      if (ok) return f;
    } catch {
      // not a database: try the next
    }
  }
  return null;
}

function backupTarget(opts: OpenOptions, dir: string): string {
  const stamp = new Date((opts.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-');
  const base = path.join(dir, `${path.basename(opts.file, path.extname(opts.file))}-pre-migration-${stamp}`);
  // Never over an earlier backup (a restore migrated forward in the same millisecond, a clock standing still).
  let target = `${base}.sqlite`;
  for (let n = 2; fs.existsSync(target) || fs.existsSync(target + '.pending'); n++) target = `${base}-${n}.sqlite`;
  return target;
}

/** Closes; while a backup is still owed, without the checkpoint that would overwrite what it copies. */
function closeOpened(sqlite: Sqlite, opts: OpenOptions, upgrade: UpgradeBackup | null) {
  if (!sqlite.open) return;
  if (!upgrade?.holdsWal()) return closeQuietly(sqlite);
  upgrade.abandon();
  try {
    closeKeepingWal(sqlite, opts.file, opts.nativeBinding);
  } catch {
    // No second connection could be opened: closing would checkpoint, so leave the connection to the
    // process's end, which never checkpoints (SQLite replays the WAL at the next open).
  }
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

/** A consistent online copy of the live database, complete or absent (see writeBackupFile). */
export async function backupTo(sqlite: Sqlite, target: string, nativeBinding?: string): Promise<void> {
  await writeBackupFile(sqlite, target, nativeBinding);
}
