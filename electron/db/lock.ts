// One writer per data folder. Two processes on one folder (two windows, or the desktop app and browser
// mode) each restore, checkpoint and back up under the other's feet and lose acknowledged writes. The
// lock is a folder made with mkdir (proper-lockfile: atomic on every file system, kept fresh by mtime),
// held for the whole life of the process. Our pid is written inside it, so a lock left by a killed
// process is taken over at once instead of after the stale period.
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export const LOCK_NAME = 'courtesy.lock';
/** Long, because a long synchronous step (a migration, a large import) pauses the mtime refresh. */
const STALE_MS = 60_000;

export class DataFolderLockedError extends Error {
  readonly code = 'DATA_FOLDER_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    super(
      `Another Courtesy${pid ? ` (process ${pid})` : ''} is already using the data folder ${dataDir}. ` +
        'Close the other Courtesy window or browser-mode server and start again. If none is running, wait a minute and try again.',
    );
    this.name = 'DataFolderLockedError';
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Beside the lock folder, not in it: proper-lockfile removes its folder with rmdir, which needs it empty.
const pidFile = (lockDir: string) => `${lockDir}-pid`;

function readPid(lockDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile(lockDir), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export interface DataFolderLock {
  release(): void;
}

export async function lockDataFolder(dataDir: string, log: (msg: string) => void = console.error): Promise<DataFolderLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockDir = path.join(dataDir, LOCK_NAME);
  const options = {
    lockfilePath: lockDir,
    realpath: false,
    stale: STALE_MS,
    update: 5_000,
    onCompromised: (err: Error) => log(`Courtesy's lock on ${dataDir} was lost (${err.message}); another process may now use this folder.`),
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    const pid = readPid(lockDir);
    if (pid === null || alive(pid)) throw new DataFolderLockedError(dataDir, pid);
    // The owner was killed: its lock is ours to take.
    fs.rmSync(lockDir, { recursive: true, force: true });
    fs.rmSync(pidFile(lockDir), { force: true });
    try {
      release = await lockfile.lock(dataDir, options);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataFolderLockedError(dataDir, readPid(lockDir));
      throw again;
    }
  }
  fs.writeFileSync(pidFile(lockDir), String(process.pid));
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      // Synchronous, so it also runs from process exit paths.
      fs.rmSync(pidFile(lockDir), { force: true });
      try {
        lockfile.unlockSync(dataDir, { lockfilePath: lockDir, realpath: false });
      } catch {
        fs.rmSync(lockDir, { recursive: true, force: true });
      }
      void release;
    },
  };
}
