// The pre-upgrade backup, written after the first screen instead of before it. At 100,000 applications
// the file is 2 GB and copying it kept an upgraded app blank for five seconds. The database runs in WAL
// mode, where SQLite writes the main file only when it checkpoints. So: fold the WAL in (the main file
// then holds exactly the data before the upgrade), turn automatic checkpoints off on our connection,
// record that the copy is owed (a marker file), migrate (the migration's writes go to the WAL only),
// show the first screen, and copy the main file meanwhile, off the main thread. Only when the copy is
// complete on disk, checked and renamed into place are checkpoints turned back on.
//
// Until then nothing may checkpoint: the connection is closed without one (closeKeepingWal) while the
// copy is owed, read-only connections (the background check) cannot checkpoint, and the copy is kept
// only if the main file is the same bytes after the copy as before it. A kill or a failed copy leaves
// the marker and an un-checkpointed WAL, so the main file still holds the old data and the next start
// copies it again. The backup is never lost to a crash; it is at most late.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cheapCheck, completeOrAbsent, fsyncDir, fsyncFile, inspectReadOnly } from './integrity';

/**
 * WAL pages that start an automatic checkpoint (SQLite's default is 1,000; a page is 4 KB, so the WAL
 * stays under about 16 MB). The checkpoint runs inside the commit that crosses the mark and syncs the
 * main file: 10-200 ms on a large book. A stage move writes ~30 pages (the search index moves the row
 * to its new key, migration 0030), so at 1,000 every ~30th move paid for one, and 5% of moves took
 * over 10 ms at 100,000 applications; at 4,000, one move in ~130, and four times fewer syncs of the file.
 */
export const WAL_AUTOCHECKPOINT = 4000;

/** Written beside the backup it promises: `<backup>.sqlite.pending` (never listed: not `.sqlite`). */
export const PENDING_SUFFIX = '.pending';

/** The main file as it was when the copy became owed; the copy is kept only if it is still so. */
interface FileState {
  size: number;
  mtimeNs: string;
  /** The first 100 bytes (SQLite's header), hex. */
  header: string;
}

interface Marker extends FileState {
  /** The backup's file name, in the marker's folder. */
  backup: string;
}

export type UpgradeBackupOutcome =
  | { state: 'none' }
  | { state: 'done'; path: string; ms: number }
  /** The copy was not made; `kept` says whether the old data is still in the main file for the next start to copy. */
  | { state: 'failed'; path: string; problem: string; kept: boolean }
  | { state: 'abandoned'; path: string };

export interface UpgradeBackup {
  path: string;
  done: Promise<UpgradeBackupOutcome>;
  /** True while the main file must not be checkpointed: the copy is owed and not yet made. */
  holdsWal(): boolean;
  /** The connection is closing before the copy ends: stop, keep no partial copy, keep the marker. */
  abandon(): void;
  /** Begin the copy now, without waiting for the first screen (quitting, or start-up failed). */
  start(): void;
}

/** Test hooks: run between the copy and its check (a kill or a close lands mid-backup). */
export interface UpgradeBackupHooks {
  afterCopy?: (tmp: string) => Promise<void>;
}

function fileState(file: string): FileState {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(100);
    fs.readSync(fd, head, 0, 100, 0);
    const st = fs.fstatSync(fd, { bigint: true });
    return { size: Number(st.size), mtimeNs: String(st.mtimeNs), header: head.toString('hex') };
  } finally {
    fs.closeSync(fd);
  }
}

const sameState = (a: FileState, b: FileState) => a.size === b.size && a.mtimeNs === b.mtimeNs && a.header === b.header;

function writeMarker(target: string, state: FileState) {
  const marker = target + PENDING_SUFFIX;
  const body: Marker = { backup: path.basename(target), ...state };
  fs.writeFileSync(marker + '.tmp', JSON.stringify(body));
  fsyncFile(marker + '.tmp');
  fs.renameSync(marker + '.tmp', marker);
  fsyncDir(path.dirname(target));
}

function removeMarker(target: string) {
  fs.rmSync(target + PENDING_SUFFIX, { force: true });
  fsyncDir(path.dirname(target));
}

/**
 * Owes a backup of `file` at `target`, copied in the background once `startAfter` settles. Folds the WAL in first; returns null,
 * having changed nothing, when it cannot (another connection reading), and the caller backs up at once.
 */
export function beginUpgradeBackup(sqlite: Database.Database, file: string, target: string, startAfter: Promise<void>, hooks?: UpgradeBackupHooks): UpgradeBackup | null {
  const [cp] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (cp?.busy || fs.statSync(file + '-wal', { throwIfNoEntry: false })?.size) return null;
  sqlite.pragma('wal_autocheckpoint = 0');
  const state = fileState(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    writeMarker(target, state);
  } catch (err) {
    sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
    throw err;
  }
  return copyInBackground(sqlite, file, target, state, startAfter, hooks);
}

/**
 * A backup owed by an earlier run (killed, closed or failed mid-copy): copied now if the main file is
 * still as it was then. Returns null when none is owed. Call right after opening, before any write.
 */
export function resumeUpgradeBackup(sqlite: Database.Database, file: string, backupDir: string, startAfter: Promise<void>, hooks?: UpgradeBackupHooks): UpgradeBackup | null {
  let names: string[];
  try {
    names = fs.readdirSync(backupDir).filter((n) => n.endsWith('.sqlite' + PENDING_SUFFIX));
  } catch {
    return null;
  }
  const name = names.sort().at(-1);
  if (!name) return null;
  const markerFile = path.join(backupDir, name);
  let marker: Marker | null = null;
  try {
    marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as Marker;
  } catch {
    marker = null;
  }
  // Only a backup name in this folder, whatever the marker says.
  const named = typeof marker?.backup === 'string' && marker.backup.endsWith('.sqlite') ? marker.backup : name.slice(0, -PENDING_SUFFIX.length);
  const target = path.join(backupDir, path.basename(named));
  for (const other of names) if (other !== name) fs.rmSync(path.join(backupDir, other), { force: true });
  if (marker && fs.existsSync(target)) {
    // Killed after the rename, before the marker went: the backup is complete.
    removeMarker(target);
    return null;
  }
  let unchanged = false;
  try {
    unchanged = !!marker && sameState(fileState(file), marker);
  } catch {
    // The main file cannot be read (set aside, replaced): the old data is not there to copy.
  }
  if (!unchanged) {
    removeMarker(target);
    const problem = 'the database changed before the backup before the upgrade was copied, so that backup cannot be made any more';
    const done = Promise.resolve<UpgradeBackupOutcome>({ state: 'failed', path: target, problem, kept: false });
    return { path: target, done, holdsWal: () => false, abandon: () => {}, start: () => {} };
  }
  sqlite.pragma('wal_autocheckpoint = 0');
  return copyInBackground(sqlite, file, target, marker!, startAfter, hooks);
}

function copyInBackground(sqlite: Database.Database, file: string, target: string, state: FileState, startAfter: Promise<void>, hooks?: UpgradeBackupHooks): UpgradeBackup {
  let holds = true;
  let abandoned = false;
  let started = 0;
  let startNow!: () => void;
  const now = new Promise<void>((r) => (startNow = r));
  const run = async (): Promise<UpgradeBackupOutcome> => {
    // Not beside the migration and the first screen's calls: a copy started with them competes for the
    // disk (at 100,000 applications on two busy cores it tripled the time to the first screen).
    await Promise.race([startAfter, now]);
    started = performance.now();
    if (abandoned) return { state: 'abandoned', path: target };
    try {
      await completeOrAbsent(target, async (tmp) => {
        // libuv's thread pool: the main thread keeps answering calls. A reflink where the disk offers one.
        await fs.promises.copyFile(file, tmp, fs.constants.COPYFILE_FICLONE);
        await hooks?.afterCopy?.(tmp);
        if (abandoned) throw new AbandonedError();
        // Anything that checkpointed meanwhile changed the bytes under the copy: not a backup then.
        if (!sameState(fileState(file), state)) return 'the database file changed while it was copied';
        const copy = fileState(tmp);
        if (copy.size !== state.size || copy.header !== state.header) return 'the copy differs from the database file';
        return inspectReadOnly(tmp, (db) => cheapCheck(db, tmp));
      });
    } catch (err) {
      if (err instanceof AbandonedError) return { state: 'abandoned', path: target };
      const problem = err instanceof Error ? err.message : String(err);
      // The old data is still in the main file unless it changed: keep it (and the marker) for the next start.
      const kept = sameState(fileState(file), state);
      if (!kept) {
        removeMarker(target);
        release();
      }
      return { state: 'failed', path: target, problem, kept };
    }
    removeMarker(target);
    release();
    return { state: 'done', path: target, ms: performance.now() - started };
  };
  const release = () => {
    holds = false;
    if (!sqlite.open) return;
    sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
    // PASSIVE: never waits on a reader (the background check), so it never stalls a call.
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  };
  return {
    path: target,
    done: run(),
    holdsWal: () => holds,
    abandon: () => {
      abandoned = true;
    },
    start: startNow,
  };
}

class AbandonedError extends Error {}

/**
 * Closes the last connection to `file` without the checkpoint SQLite runs then: a read-only connection
 * is held open across the close (so ours is not the last), and a read-only connection cannot
 * checkpoint. The main file keeps its bytes; the WAL keeps every change, replayed at the next open.
 */
export function closeKeepingWal(sqlite: Database.Database, file: string, nativeBinding?: string) {
  const holder = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    // A read takes the shared lock that WAL mode keeps until the connection closes.
    holder.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.close();
  } finally {
    holder.close();
  }
}
