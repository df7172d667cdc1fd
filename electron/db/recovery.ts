// What is beside the database file before anything opens it. SQLite trusts any `-wal` next to a
// database: it replays a `-wal` from another database over yours, and it deletes a `-wal` whose main
// file is missing or empty. So before opening, every `-wal` is either proven to belong to the file
// or moved, with the main file's copy, into recovery/<time>-<reason>/ in the data folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensureRealDir, fsyncDir, fsyncFile, isRegularFile, quickCheck } from './integrity';

export const RECOVERY_DIR = 'recovery';
const WAL_MAGIC = new Set([0x377f0682, 0x377f0683]);

/** Offset of PRAGMA user_version in the database header: Courtesy stores a random identity there. */
const IDENTITY_OFFSET = 60;

export type WalVerdict =
  | { kind: 'none' }
  | { kind: 'match' }
  | { kind: 'orphan'; folder: string; recovered: string | null }
  | { kind: 'mismatch'; folder: string; reason: string };

function size(file: string): number {
  try {
    const st = fs.lstatSync(file);
    return st.isFile() ? st.size : 0;
  } catch {
    return 0;
  }
}

function stamp(now: number) {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/** A new folder under recovery/ (never reused, so nothing set aside is ever overwritten). */
export function newRecoveryFolder(dataDir: string, reason: string, now = Date.now()): string {
  const root = path.join(dataDir, RECOVERY_DIR);
  ensureRealDir(root);
  const dir = path.join(root, `${stamp(now)}-${reason}-${crypto.randomBytes(3).toString('hex')}`);
  fs.mkdirSync(dir);
  return dir;
}

/** Copies `file` into `dir` durably (copy, fsync, fsync the folder). */
export function copyAside(file: string, dir: string): string {
  const target = path.join(dir, path.basename(file));
  fs.copyFileSync(file, target, fs.constants.COPYFILE_EXCL);
  fsyncFile(target);
  fsyncDir(dir);
  return target;
}

/** Moves `file` into `dir`: a rename within the data folder, so it is atomic and copies nothing. */
export function moveAside(file: string, dir: string): string {
  const target = path.join(dir, path.basename(file));
  fs.renameSync(file, target);
  fsyncDir(dir);
  fsyncDir(path.dirname(file));
  return target;
}

function readHeader(file: string, bytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    fs.readSync(fd, buf, 0, bytes, 0);
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}

function walPageSize(wal: string): number | null {
  const h = readHeader(wal, 32);
  if (!WAL_MAGIC.has(h.readUInt32BE(0))) return null;
  const pageSize = h.readUInt32BE(8);
  return pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0 ? pageSize : null;
}

function dbPageSize(header: Buffer): number {
  const raw = header.readUInt16BE(16);
  return raw === 1 ? 65536 : raw;
}

/**
 * Replays `wal` onto `main` in a scratch folder (copies only) and returns the merged database, open
 * read-write on the copies, or throws. SQLite ignores frames whose checksums fail, as it would live.
 */
function openMerged(main: string | null, wal: string, scratch: string, pageSize: number): Database.Database {
  const file = path.join(scratch, 'merged.sqlite');
  if (main) fs.copyFileSync(main, file);
  else {
    // SQLite deletes a WAL whose database has no pages, so give it a one-page empty database of the
    // WAL's page size to replay onto; the WAL's own page 1 then replaces it.
    const seed = new Database(file);
    seed.pragma(`page_size = ${pageSize}`);
    seed.pragma('journal_mode = WAL');
    seed.exec('VACUUM');
    seed.close();
    fs.rmSync(file + '-wal', { force: true });
    fs.rmSync(file + '-shm', { force: true });
  }
  fs.copyFileSync(wal, file + '-wal');
  return new Database(file, { fileMustExist: true });
}

export interface WalCheckOptions {
  file: string;
  dataDir: string;
  backupDir: string;
  now?: () => number;
  /** Called on the merged copy when the WAL matches, e.g. to refuse a newer version before touching the real file. */
  inspectMerged?: (db: Database.Database) => void;
}

/**
 * Decides what to do with a `-wal` beside `file`, before `file` is opened:
 * - none: no WAL or an empty one; nothing to do.
 * - match: the WAL belongs to the file (same identity in page 1, and the merged copy passes quick_check).
 * - orphan: a WAL without its main file. WAL and main moved to recovery/; if the WAL alone rebuilds a
 *   sound database, that is written to backups/ as courtesy-recovered-<time>.sqlite, ready to restore.
 * - mismatch: a WAL that cannot be proven to belong to the file. Main copied and WAL moved to recovery/.
 */
export function checkWal(opts: WalCheckOptions): WalVerdict {
  const { file } = opts;
  const wal = file + '-wal';
  const shm = file + '-shm';
  if (size(wal) === 0) return { kind: 'none' };
  const now = (opts.now ?? Date.now)();
  const mainSize = size(file);
  const pageSize = walPageSize(wal);
  const scratch = newRecoveryFolder(opts.dataDir, 'checking', now);
  const moveAll = (reason: string) => {
    const folder = path.join(path.dirname(scratch), path.basename(scratch).replace('-checking-', `-${reason}-`));
    fs.renameSync(scratch, folder);
    for (const f of [file, wal, shm]) if (isRegularFile(f)) (f === file && mainSize > 0 ? copyAside : moveAside)(f, folder);
    if (mainSize === 0 && isRegularFile(file)) fs.rmSync(file); // an empty main holds nothing; the WAL is what counts
    return folder;
  };
  let merged: Database.Database | null = null;
  try {
    if (mainSize === 0) {
      let recovered: string | null = null;
      if (pageSize) {
        try {
          merged = openMerged(null, wal, scratch, pageSize);
          if (!quickCheck(merged) && merged.prepare("SELECT 1 FROM sqlite_master WHERE name = 'applications'").get()) {
            ensureRealDir(opts.backupDir);
            recovered = path.join(opts.backupDir, `courtesy-recovered-${stamp(now)}.sqlite`);
            merged.prepare('VACUUM INTO ?').run(recovered + '.partial');
            fsyncFile(recovered + '.partial');
            fs.renameSync(recovered + '.partial', recovered);
            fsyncDir(opts.backupDir);
          }
        } catch {
          recovered = null;
        }
      }
      merged?.close();
      merged = null;
      clearScratch(scratch);
      return { kind: 'orphan', folder: moveAll('orphan-wal'), recovered };
    }
    const header = readHeader(file, 100);
    if (!pageSize || pageSize !== dbPageSize(header)) {
      clearScratch(scratch);
      return { kind: 'mismatch', folder: moveAll('wal-mismatch'), reason: 'its page size or header does not fit the database' };
    }
    merged = openMerged(file, wal, scratch, pageSize);
    const problem = quickCheck(merged);
    const mainId = header.readInt32BE(IDENTITY_OFFSET);
    const mergedId = merged.pragma('user_version', { simple: true }) as number;
    let reason: string | null = null;
    if (problem) reason = `replaying it gives a damaged database (${problem})`;
    else if (mainId !== 0 && mergedId !== mainId) reason = 'it was written by a different database';
    if (!reason) opts.inspectMerged?.(merged);
    merged.close();
    merged = null;
    clearScratch(scratch);
    if (reason) return { kind: 'mismatch', folder: moveAll('wal-mismatch'), reason };
    if (mainId === 0) {
      // A file from before identities cannot be proven either way; it is opened as before, but only
      // after a copy of both files is kept, so a foreign WAL could still be undone.
      const kept = path.join(path.dirname(scratch), path.basename(scratch).replace('-checking-', '-unverified-wal-'));
      fs.renameSync(scratch, kept);
      copyAside(file, kept);
      copyAside(wal, kept);
    } else fs.rmdirSync(scratch);
    return { kind: 'match' };
  } catch (err) {
    merged?.close();
    merged = null;
    if (fs.existsSync(scratch)) {
      clearScratch(scratch);
      fs.rmdirSync(scratch);
    }
    throw err;
  } finally {
    merged?.close();
  }
}

function clearScratch(scratch: string) {
  for (const name of fs.readdirSync(scratch)) fs.rmSync(path.join(scratch, name), { force: true });
}

/** Gives a database without an identity (older versions, new files) a random one, so a foreign WAL can be told apart. */
export function ensureIdentity(sqlite: Database.Database, opts: { checkpoint: boolean } = { checkpoint: true }) {
  if ((sqlite.pragma('user_version', { simple: true }) as number) !== 0) return;
  sqlite.pragma(`user_version = ${crypto.randomInt(1, 2 ** 31 - 1)}`);
  // Written to the main file at once, so a crash right after cannot leave an identity only in the WAL
  // (checkWal then keeps copies of both before opening). Not while a backup of the main file is owed.
  if (opts.checkpoint) sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Puts a copy of `backup` (a regular file) where the database was, after the database was set aside:
 * copy under a temporary name, fsync, rename. Refuses if a database is already there.
 */
export function restoreBackupFile(file: string, backup: string) {
  if (fs.existsSync(file)) throw new Error(`${file} exists; restore from Settings → Backups instead, which keeps a safety copy.`);
  if (!isRegularFile(backup)) throw new Error(`${backup} is not a backup file Courtesy can restore (missing, or a link).`);
  copyInto(backup, file);
}

/**
 * Copies `source` to `target` so that `target` is complete or absent: temporary name, fsync, rename.
 * With keepName the copy is written straight to `target` (itself a temporary name) and fsynced.
 */
export function copyInto(source: string, target: string, opts: { keepName?: boolean } = {}) {
  const tmp = opts.keepName ? target : target + '.restoring';
  fs.rmSync(tmp, { force: true });
  fs.copyFileSync(source, tmp, fs.constants.COPYFILE_EXCL);
  fsyncFile(tmp);
  if (!opts.keepName) fs.renameSync(tmp, target);
  fsyncDir(path.dirname(target));
}

/** Keeps `file` in `dir` under the same name without copying (a hard link), or copies where links are impossible. */
export function linkAside(file: string, dir: string) {
  if (!fs.existsSync(file)) return;
  const target = path.join(dir, path.basename(file));
  try {
    fs.linkSync(file, target);
    fsyncDir(dir);
  } catch {
    copyAside(file, dir);
  }
}
