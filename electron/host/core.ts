// Start-up shared by the Electron app and the browser-mode server: open and migrate the database,
// then build the handler context. Nothing else may run before this succeeds.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type OpenedDb } from '../db/open';
import { createClock, type Ctx } from '../db/context';
import { dispatch, type DispatchOptions } from '../api/dispatch';
import { DB_FILE_NAME } from './paths';
import { seedBuiltIns } from '../domains/templates/seed';

export interface CoreOptions {
  dataDir: string;
  migrationsFolder: string;
  version: string;
  nativeBinding?: string;
  allowTestClock?: boolean;
  /** Use this file instead of dataDir/courtesy.sqlite (':memory:' in tests). */
  dbFile?: string;
  dispatch?: DispatchOptions;
}

export interface Core {
  ctx: Ctx;
  opened: OpenedDb;
  call(method: string, input: unknown): ReturnType<typeof dispatch>;
  close(): void;
}

export async function startCore(opts: CoreOptions): Promise<Core> {
  const dbFile = opts.dbFile ?? path.join(opts.dataDir, DB_FILE_NAME);
  const open = () => openDatabase({ file: dbFile, migrationsFolder: opts.migrationsFolder, nativeBinding: opts.nativeBinding });
  let opened = await open();
  const ctx: Ctx = {
    db: opened.db,
    sqlite: opened.sqlite,
    clock: createClock(),
    dataDir: opts.dataDir,
    dbFile,
    migrationsFolder: opts.migrationsFolder,
    version: opts.version,
    allowTestClock: !!opts.allowTestClock,
    replaceDatabase: null,
  };
  if (dbFile !== ':memory:') {
    ctx.replaceDatabase = async (source) => {
      opened.close();
      for (const suffix of ['-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
      fs.copyFileSync(source, dbFile);
      // An older backup is migrated forward on open, like any older database.
      opened = await open();
      ctx.db = opened.db;
      ctx.sqlite = opened.sqlite;
      seedBuiltIns(ctx);
    };
  }
  seedBuiltIns(ctx);
  let closed = false;
  return {
    ctx,
    get opened() {
      return opened;
    },
    call: (method, input) => dispatch(ctx, method, input, opts.dispatch),
    close: () => {
      if (closed) return;
      closed = true;
      opened.close();
    },
  };
}
