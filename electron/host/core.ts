// Start-up shared by the Electron app and the browser-mode server: lock the data folder, open and
// migrate the database, then build the handler context. Nothing else may run before this succeeds.
import fs from 'node:fs';
import path from 'node:path';
import { OpenRefusedError, openDatabase, type OpenedDb } from '../db/open';
import type { UpgradeBackupHooks, UpgradeBackupOutcome } from '../db/upgrade-backup';
import { createClock, type Ctx } from '../db/context';
import { classifyFileError } from '../db/integrity';
import { lockDataFolder, type DataFolderLock } from '../db/lock';
import { copyInto, linkAside, moveAside, newRecoveryFolder } from '../db/recovery';
import { fsyncDir } from '../db/integrity';
import { NOT_CHECKED, startIntegrityCheck, type IntegrityReport } from '../db/background-check';
import { dispatch, type DispatchOptions } from '../api/dispatch';
import { AppError, type Envelope } from '../shared/errors';
import { DB_FILE_NAME } from './paths';
import { seedBuiltIns } from '../domains/templates/seed';
import { releaseUnusedDocuments } from '../domains/documents/documents';
import { dailyBackupDue, runDailyBackup } from '../domains/backups/backups';
import { memorySecretStore, type SecretStore } from '../domains/mail/secrets';
import { recoverOutbox } from '../domains/mail/outbox';
import { runOutbox } from '../domains/mail/worker';
import { accountAddresses, accountConnection, startReplyWatcher, type ReplyWatcherOptions } from '../domains/replies/watcher';

export interface CoreOptions {
  dataDir: string;
  migrationsFolder: string;
  /** resources/fonts; by default beside drizzle/ in the app root (dev, browser mode, and inside the asar). */
  fontsFolder?: string;
  version: string;
  nativeBinding?: string;
  allowTestClock?: boolean;
  /** Use this file instead of dataDir/courtesy.sqlite (':memory:' in tests). */
  dbFile?: string;
  dispatch?: DispatchOptions;
  /** Take an automatic backup once a day while the app is used (the apps turn this on; tests do not). */
  dailyBackup?: boolean;
  /** Where the email password is kept; memory for the session unless the shell gives its keychain store. */
  secrets?: SecretStore;
  /** Send the outbox on its own (the apps turn this on; tests call outbox.runNow). */
  outboxWorker?: boolean;
  /** The desktop app opens documents with the system viewer through this. */
  openFile?: (file: string) => Promise<void>;
  /** Look for replies in the inbox while the core runs (the apps turn this on; tests pass their own). */
  replies?: Partial<ReplyWatcherOptions>;
  /** Tests only: hold the background pre-upgrade copy mid-way. */
  upgradeBackupHooks?: UpgradeBackupHooks;
}

/** How often the outbox worker looks for due notes (scheduled ones and retries). */
const OUTBOX_TICK_MS = 5_000;

export interface Core {
  ctx: Ctx;
  opened: OpenedDb;
  /** The background full check of the open file (after start-up, and again after a restore). */
  integrityChecked: Promise<IntegrityReport>;
  /** The pre-upgrade backup, copied after start-up (db/upgrade-backup.ts); 'none' when none was owed. */
  upgradeBackupDone: Promise<UpgradeBackupOutcome>;
  call(method: string, input: unknown): Promise<Envelope>;
  /** Stops at once. A pre-upgrade backup still being copied is left owed: the next start makes it. */
  close(): void;
  /** How the apps quit: waits (at most `boundMs`) for the pre-upgrade backup, then closes. */
  closeAfterBackup(boundMs?: number): Promise<void>;
}

/** How long quitting waits for the pre-upgrade backup; past it the next start copies it again. */
const QUIT_BACKUP_WAIT_MS = 60_000;
/** The latest the pre-upgrade copy starts when no call comes (browser mode with no page open yet). */
const COPY_START_MAX_MS = 1_000;

/** How long a call that arrives during a restore waits before it is told to try again. */
const RESTORE_WAIT_MS = 30_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function takeLock(dataDir: string): Promise<DataFolderLock> {
  try {
    return await lockDataFolder(dataDir);
  } catch (err) {
    if (classifyFileError(err) === 'read_only') {
      throw new OpenRefusedError('read_only', dataDir, `Courtesy cannot write to its data folder ${dataDir} (${(err as Error).message}). Fix the folder's permissions and start again.`);
    }
    if (classifyFileError(err) === 'disk_full') {
      throw new OpenRefusedError('disk_full', dataDir, `The disk holding ${dataDir} is full. Free some disk space and start Courtesy again.`);
    }
    throw err;
  }
}

export async function startCore(opts: CoreOptions): Promise<Core> {
  const dbFile = opts.dbFile ?? path.join(opts.dataDir, DB_FILE_NAME);
  const lock = dbFile === ':memory:' ? null : await takeLock(opts.dataDir);
  // A pre-upgrade backup is copied once the first screen's calls are answered (the first moment no call
  // is in flight), or after COPY_START_MAX_MS if none come: beside them it would compete for the disk.
  let firstScreenAnswered!: () => void;
  const firstScreen = new Promise<void>((r) => (firstScreenAnswered = r));
  setTimeout(firstScreenAnswered, COPY_START_MAX_MS).unref();
  const open = () =>
    openDatabase({ file: dbFile, migrationsFolder: opts.migrationsFolder, nativeBinding: opts.nativeBinding, backupCopyAfter: firstScreen, upgradeBackupHooks: opts.upgradeBackupHooks });
  let opened: OpenedDb;
  try {
    opened = await open();
  } catch (err) {
    lock?.release();
    throw err;
  }
  const ctx: Ctx = {
    db: opened.db,
    sqlite: opened.sqlite,
    clock: createClock(),
    dataDir: opts.dataDir,
    dbFile,
    migrationsFolder: opts.migrationsFolder,
    fontsFolder: opts.fontsFolder ?? path.join(path.dirname(opts.migrationsFolder), 'resources', 'fonts'),
    version: opts.version,
    nativeBinding: opts.nativeBinding,
    allowTestClock: !!opts.allowTestClock,
    secrets: opts.secrets ?? memorySecretStore(),
    openFile: opts.openFile,
    replaceDatabase: null,
    integrity: () => NOT_CHECKED,
  };

  // The full integrity check, after the first screen rather than before it (background-check.ts).
  let integrity: ReturnType<typeof startIntegrityCheck> | null = null;
  const checkIntegrity = () => {
    integrity?.stop();
    if (dbFile === ':memory:') return;
    integrity = startIntegrityCheck({
      file: dbFile,
      backupDir: path.join(path.dirname(dbFile), 'backups'),
      migrationsFolder: opts.migrationsFolder,
      nativeBinding: opts.nativeBinding,
      log: (msg) => (opts.dispatch?.log ?? console.error)(msg),
    });
    const current = integrity;
    ctx.integrity = () => current.report();
  };

  // Calls in flight, and the restore (if one runs): a restore waits for the others to finish, and
  // calls that arrive meanwhile wait for it, so no call ever meets a closed connection.
  let inflight = 0;
  let restoring: Promise<void> | null = null;
  const tracked = async <T>(fn: () => Promise<T>): Promise<T> => {
    inflight++;
    try {
      return await fn();
    } finally {
      inflight--;
    }
  };

  if (dbFile !== ':memory:') {
    ctx.replaceDatabase = async (source, prepare) => {
      if (restoring) throw new AppError('restoring', 'A restore is already running; wait for it to finish.');
      let done!: () => void;
      restoring = new Promise<void>((r) => (done = r));
      try {
        // The restore is itself a call in flight; wait for the others.
        for (let waited = 0; inflight > 1; waited += 10) {
          if (waited > RESTORE_WAIT_MS) throw new AppError('restoring', 'Courtesy is still busy; try the restore again in a moment.');
          await sleep(10);
        }
        const result = await prepare();
        // A pre-upgrade backup still being copied needs the file unchanged until it is done.
        await opened.backupDone;
        // Close first (checkpointing the WAL into the file); a -wal is never removed under a live
        // connection. The restored copy is complete on disk before it replaces the file by rename, so
        // a kill at any moment leaves either the old database or the restored one, never neither.
        opened.close();
        copyInto(source, dbFile + '.restoring', { keepName: true });
        const aside = newRecoveryFolder(opts.dataDir, 'pre-restore');
        for (const f of [dbFile + '-wal', dbFile + '-shm']) if (fs.existsSync(f)) moveAside(f, aside);
        // The current file is kept aside as a hard link (no copy), until the restored one has opened.
        linkAside(dbFile, aside);
        fs.renameSync(dbFile + '.restoring', dbFile);
        fsyncDir(opts.dataDir);
        try {
          // An older backup is migrated forward on open, like any older database.
          opened = await open();
        } catch (err) {
          for (const f of [dbFile, dbFile + '-wal', dbFile + '-shm']) fs.rmSync(f, { force: true });
          for (const name of fs.readdirSync(aside)) fs.renameSync(path.join(aside, name), path.join(path.dirname(dbFile), name));
          fs.rmSync(aside, { recursive: true, force: true });
          opened = await open();
          throw err;
        } finally {
          ctx.db = opened.db;
          ctx.sqlite = opened.sqlite;
        }
        // The safety backup taken by `prepare` holds exactly these files (nothing ran in between).
        fs.rmSync(aside, { recursive: true, force: true });
        checkIntegrity();
        seedBuiltIns(ctx);
        releaseUnusedDocuments(ctx);
        recoverOutbox(ctx, 'restore');
        return result;
      } finally {
        restoring = null;
        done();
      }
    };
  }
  const log = (msg: string, err?: unknown) => (opts.dispatch?.log ?? console.error)(msg, err);
  // Checked and logged once it settles; the daily backup waits for it rather than reading the file twice.
  let upgradeCopying = true;
  const upgradeBackupDone = opened.backupDone.then((outcome) => {
    upgradeCopying = false;
    if (outcome.state === 'failed') {
      log(
        outcome.kept
          ? `The backup before this upgrade could not be written to ${outcome.path} (${outcome.problem}). Your data is safe; Courtesy tries again at the next start.`
          : `The backup before this upgrade could not be made (${outcome.problem}).`,
      );
    }
    return outcome;
  });
  seedBuiltIns(ctx);
  releaseUnusedDocuments(ctx);
  // Before anything can send: a row left "sending" by a stop mid-send is never resent on its own.
  recoverOutbox(ctx);

  let closed = false;
  let dailyRunning = false;
  const maybeDailyBackup = () => {
    if (!opts.dailyBackup || dailyRunning || closed || restoring || upgradeCopying || !dailyBackupDue(ctx)) return;
    dailyRunning = true;
    tracked(() => runDailyBackup(ctx))
      .catch((err) => (opts.dispatch?.log ?? console.error)('Daily backup failed', err))
      .finally(() => (dailyRunning = false));
  };
  maybeDailyBackup();
  void upgradeBackupDone.then(maybeDailyBackup);
  const replyWatcher = opts.replies
    ? startReplyWatcher(ctx, { connection: accountConnection, selfAddresses: accountAddresses, log: opts.dispatch?.log, ...opts.replies })
    : null;

  let outboxRunning = false;
  const kickOutbox = () => {
    if (!opts.outboxWorker || outboxRunning || closed || restoring) return;
    outboxRunning = true;
    tracked(() => runOutbox(ctx))
      .catch((err) => (opts.dispatch?.log ?? console.error)('Outbox worker failed', err))
      .finally(() => (outboxRunning = false));
  };
  // After the pre-upgrade copy, if one runs: both read the whole file, and on two cores the copy (which
  // keeps the WAL from being checkpointed and a quit waiting) took five times as long beside the check.
  const integrityStarted = upgradeBackupDone.then(() => {
    if (!closed && !integrity) checkIntegrity();
  });

  const outboxTimer = opts.outboxWorker ? setInterval(kickOutbox, OUTBOX_TICK_MS) : null;
  outboxTimer?.unref();
  kickOutbox();

  const stopWork = () => {
    closed = true;
    if (outboxTimer) clearInterval(outboxTimer);
    void replyWatcher?.stop();
    integrity?.stop();
  };
  const close = () => {
    if (closed) return;
    stopWork();
    opened.close();
    lock?.release();
  };

  return {
    ctx,
    get opened() {
      return opened;
    },
    get integrityChecked() {
      return integrity?.done ?? integrityStarted.then(() => integrity?.done ?? NOT_CHECKED);
    },
    call: async (method, input) => {
      const started = Date.now();
      while (restoring) {
        const finished = await Promise.race([restoring.then(() => true), sleep(RESTORE_WAIT_MS - (Date.now() - started)).then(() => false)]);
        if (!finished) return { ok: false, error: new AppError('restoring', 'Courtesy is restoring a backup; try again in a moment.').toBody() };
      }
      if (closed) return { ok: false, error: new AppError('internal', 'Courtesy is shutting down; your data was saved.').toBody() };
      maybeDailyBackup();
      const result = await tracked(() => dispatch(ctx, method, input, opts.dispatch));
      if (inflight === 0) firstScreenAnswered();
      // A note just queued (or an account just connected) goes now, not at the next tick.
      if (result.ok && (method.startsWith('outbox.') || method === 'mail.saveAccount')) kickOutbox();
      return result;
    },
    get upgradeBackupDone() {
      return upgradeBackupDone;
    },
    close,
    closeAfterBackup: async (boundMs = QUIT_BACKUP_WAIT_MS) => {
      if (closed) return;
      stopWork();
      await opened.closeAfterBackup(boundMs);
      lock?.release();
    },
  };
}
