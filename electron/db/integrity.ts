// File-level safety shared by open, backups and restore: integrity checks that never write, backups
// written under a temporary name and renamed only once complete, and the classification of disk-full
// and read-only failures (so people are told which one it is, not "something went wrong").
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkFileInWorker } from './background-check';

export type FileProblem = 'disk_full' | 'read_only' | 'damaged';

const READ_ONLY_ERRNO = new Set(['EACCES', 'EPERM', 'EROFS']);

/** What kind of file-level failure an error from SQLite or fs is, if it is one. */
export function classifyFileError(err: unknown): FileProblem | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || READ_ONLY_ERRNO.has(code) || code === 'SQLITE_PERM') return 'read_only';
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') return 'damaged';
  return null;
}

/**
 * PRAGMA quick_check: every page, b-tree and record format checked, but not index contents against
 * their tables (integrity_check's slow part). Returns null when the file is sound, else the first problem.
 */
export function quickCheck(sqlite: Database.Database): string | null {
  try {
    const rows = sqlite.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
    const first = rows[0]?.quick_check;
    return first === 'ok' ? null : (first ?? 'the check returned nothing');
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * The checks that cost the same at any size, run at every open (the full quick_check runs afterwards in
 * the background, see background-check.ts): the header is SQLite's, the file is as long as its header
 * says (a truncated copy is not), and the schema reads. Returns null when these pass, else the problem.
 */
export function cheapCheck(sqlite: Database.Database, file: string): string | null {
  try {
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(100);
    let size: number;
    try {
      fs.readSync(fd, head, 0, 100, 0);
      size = fs.fstatSync(fd).size;
    } finally {
      fs.closeSync(fd);
    }
    if (head.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') return 'the file does not start with an SQLite header';
    const raw = head.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return `the header names an impossible page size (${raw})`;
    // The header's page count is valid only when its change counter matches "version valid for".
    const pages = head.readUInt32BE(28);
    if (pages > 0 && head.readUInt32BE(24) === head.readUInt32BE(92) && size < pages * pageSize) {
      return `the file is ${size} bytes but its header says ${pages * pageSize}: it was cut short`;
    }
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export function fsyncFile(file: string) {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable: the directory entry itself must reach the disk. Not possible on Windows. */
export function fsyncDir(dir: string) {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** True for a regular file (never a symlink, whatever it points to). */
export function isRegularFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** Creates `dir` if needed and refuses a symlink or a non-folder in its place (never followed). */
export function ensureRealDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const st = fs.lstatSync(dir);
  if (!st.isDirectory()) {
    throw Object.assign(new Error(`${dir} is not a plain folder (it is a link or a file); Courtesy does not follow links there. Move it away.`), {
      code: 'ENOTDIR_LINK',
    });
  }
}

export const PARTIAL_SUFFIX = '.partial';

/** Removes unreadable suffix files that a kill during a backup leaves behind. */
function removeSidecars(file: string) {
  for (const s of ['-journal', '-wal', '-shm']) if (isRegularFile(file + s) || isLink(file + s)) fs.rmSync(file + s, { force: true });
}

function isLink(file: string) {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Writes a consistent copy of the live database to `target` so that `target` either does not exist or
 * is complete: copy under a temporary name (the backup API), fsync, quick_check the copy, rename into
 * place, fsync the folder. A kill at any point leaves only a `.partial` file, removed at the next start.
 */
export async function writeBackupFile(sqlite: Database.Database, target: string, nativeBinding?: string): Promise<void> {
  await completeOrAbsent(target, async (tmp) => {
    await sqlite.backup(tmp);
    // In a worker: at 100,000 applications the check takes tens of seconds, and the daily backup runs
    // right after start-up; on the main thread it would stall every call meanwhile.
    return (await checkFileInWorker(tmp, nativeBinding).result).problem;
  });
}

/**
 * `target` complete or absent: `write` fills a temporary name beside it and returns the copy's check
 * (null when sound); then fsync, rename into place, fsync the folder. On any failure the temporary file
 * and its journals are removed and the error rethrown; a kill leaves only a `.partial`, removed at the
 * next start.
 */
export async function completeOrAbsent(target: string, write: (tmp: string) => Promise<string | null> | string | null): Promise<void> {
  const dir = path.dirname(target);
  ensureRealDir(dir);
  const tmp = target + PARTIAL_SUFFIX;
  // A planted link under the temporary name must not redirect the copy: remove the link itself.
  fs.rmSync(tmp, { force: true });
  removeSidecars(tmp);
  try {
    const problem = await write(tmp);
    if (problem) throw new Error(`The new backup failed its check (${problem}); it was not kept.`);
    removeSidecars(tmp);
    fsyncFile(tmp);
    fs.renameSync(tmp, target);
    fsyncDir(dir);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    removeSidecars(tmp);
    throw err;
  }
}

/** The size of a file, 0 when it does not exist. */
export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The names in `dir` when it is a real folder (not a link, not missing), else none. */
export function namesInRealDir(dir: string): string[] {
  try {
    return fs.lstatSync(dir).isDirectory() ? fs.readdirSync(dir) : [];
  } catch {
    return [];
  }
}

/** Removes what an interrupted backup left in `dir`: `.partial` copies and their journals. Links are only unlinked. */
export function cleanPartialBackups(dir: string): string[] {
  const names = namesInRealDir(dir);
  const removed: string[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    // Older versions wrote backups in place: a `.sqlite` beside its `-journal` was interrupted mid-copy.
    const interruptedInPlace = name.endsWith('.sqlite') && fs.existsSync(full + '-journal');
    const partial = /\.partial(-journal|-wal|-shm)?$/.test(name);
    if ((partial || interruptedInPlace) && (isRegularFile(full) || isLink(full))) {
      fs.rmSync(full, { force: true });
      if (interruptedInPlace) fs.rmSync(full + '-journal', { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * Opens `file` read-only and reads what `inspect` wants; never writes to it. A read-only connection to
 * a WAL-mode file creates empty `-wal`/`-shm` files; those it created are removed again.
 */
export function inspectReadOnly<T>(file: string, inspect: (db: Database.Database) => T, nativeBinding?: string): T {
  const created = ['-wal', '-shm'].filter((s) => !fs.existsSync(file + s));
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return inspect(db);
  } finally {
    db.close();
    for (const s of created) {
      try {
        if (fs.lstatSync(file + s).size === 0 || s === '-shm') fs.rmSync(file + s, { force: true });
      } catch {
        // not created after all
      }
    }
  }
}
