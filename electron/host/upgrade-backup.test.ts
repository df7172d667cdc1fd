// The pre-upgrade backup copied after the first screen (db/upgrade-backup.ts), on real files with the
// real migrations plus one more (what an upgrade brings). A gate holds the copy between writing it and
// checking it, so each test decides what happens meanwhile: calls, a quit, a close, a stray checkpoint.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startCore, type Core } from './core';
import { DB_FILE_NAME } from './paths';
import { MIGRATIONS } from '../testing/core';
import { withExtraMigration } from '../testing/extra-migration';
import { WAL_AUTOCHECKPOINT, type UpgradeBackupHooks } from '../db/upgrade-backup';
import { inspectReadOnly } from '../db/integrity';
import { checkFileInWorker } from '../db/background-check';

const EXTRA = 'CREATE INDEX `extra_role` ON `applications` (`role`);';

/** Everything a backup must hold as it was before the upgrade. */
function snapshot(file: string) {
  // Read-only, removing the empty -wal/-shm such a connection leaves beside a WAL-mode file.
  return inspectReadOnly(file, (db) => ({
      applications: db.prepare('SELECT id, role, stage FROM applications ORDER BY id').all(),
      userVersion: db.pragma('user_version', { simple: true }),
      migrations: db.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at').all(),
      schema: db.prepare('SELECT name FROM sqlite_master ORDER BY name').pluck().all(),
    check: db.pragma('quick_check', { simple: true }),
  }));
}

const stat = (file: string) => {
  const s = fs.statSync(file, { bigint: true });
  return `${s.size}@${s.mtimeNs}`;
};

function gate() {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let reach!: () => void;
  const reached = new Promise<void>((r) => (reach = r));
  const hooks: UpgradeBackupHooks = {
    afterCopy: async () => {
      reach();
      await released;
    },
  };
  return { hooks, reached, release };
}

const start = (dataDir: string, migrationsFolder: string, hooks?: UpgradeBackupHooks) =>
  startCore({ dataDir, migrationsFolder, version: 'test', allowTestClock: true, dispatch: { log: () => {} }, upgradeBackupHooks: hooks });

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const env = await core.call(method, input);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.data as T;
}

/** A book of the current version with three applications, closed; and the folder of the upgrade. */
async function bookBeforeUpgrade() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-upgrade-'));
  const dataDir = path.join(dir, 'data');
  const core = await start(dataDir, MIGRATIONS);
  for (const role of ['One', 'Two', 'Three']) await call(core, 'applications.create', { company: 'Acme', role });
  core.close();
  const file = path.join(dataDir, DB_FILE_NAME);
  return { dataDir, file, backups: path.join(dataDir, 'backups'), upgrade: withExtraMigration(MIGRATIONS, dir, EXTRA), before: snapshot(file) };
}

const roles = (file: string) => snapshot(file).applications.map((a) => (a as { role: string }).role);

describe('the pre-upgrade backup, after the first screen', () => {
  it('answers calls while the copy runs, and the backup holds exactly the data before the upgrade', async () => {
    const book = await bookBeforeUpgrade();
    const g = gate();
    const core = await start(book.dataDir, book.upgrade, g.hooks);
    await g.reached;
    const mainFile = stat(book.file);
    expect(core.opened.appliedMigrations).toBe(1);
    expect((await core.call('today.get', {})).ok).toBe(true);
    await call(core, 'applications.create', { company: 'Acme', role: 'During the copy' });
    // Listed only once complete: neither the copy being written nor its marker shows.
    expect((await call<{ items: unknown[] }>(core, 'backups.list', {})).items).toEqual([]);
    // The full check waits for the copy; its read-only connection could not checkpoint anyway (as after
    // a restore, when both run), and nothing wrote the main file.
    expect((await checkFileInWorker(book.file).result).problem).toBeNull();
    expect(stat(book.file)).toBe(mainFile);
    expect(core.ctx.integrity().state).toBe('not_checked');

    g.release();
    const outcome = await core.upgradeBackupDone;
    expect(outcome).toMatchObject({ state: 'done', path: core.opened.backupPath });
    const backup = snapshot(core.opened.backupPath!);
    expect(backup).toEqual(book.before);
    expect(backup.schema).not.toContain('extra_role');
    expect(roles(book.file)).toEqual(['One', 'Two', 'Three', 'During the copy']);
    const listed = await call<{ items: { name: string }[] }>(core, 'backups.list', {});
    expect(listed.items.map((i) => i.name)).toEqual([path.basename(outcome.state === 'done' ? outcome.path : '')]);
    expect(fs.readdirSync(book.backups)).toEqual(listed.items.map((i) => i.name));
    expect(core.ctx.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT);
    expect((await core.integrityChecked).state).toBe('sound');
    core.close();
  });

  it('quitting during the copy waits for it: a complete backup and a clean data file', async () => {
    const book = await bookBeforeUpgrade();
    const g = gate();
    const core = await start(book.dataDir, book.upgrade, g.hooks);
    await g.reached;
    await call(core, 'applications.create', { company: 'Acme', role: 'Late' });
    let closed = false;
    const closing = core.closeAfterBackup().then(() => (closed = true));
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(false);
    g.release();
    await closing;
    expect(snapshot(core.opened.backupPath!)).toEqual(book.before);
    expect(fs.readdirSync(book.backups)).toEqual([path.basename(core.opened.backupPath!)]);
    // Closed normally: the WAL folded in and removed, the file sound with every write.
    expect(fs.existsSync(book.file + '-wal')).toBe(false);
    expect(snapshot(book.file).check).toBe('ok');
    expect(roles(book.file)).toEqual(['One', 'Two', 'Three', 'Late']);
  });

  it('a close that cannot wait keeps the old data in the file, and the next start makes the backup', async () => {
    const book = await bookBeforeUpgrade();
    const g = gate();
    const core = await start(book.dataDir, book.upgrade, g.hooks);
    await g.reached;
    const mainFile = stat(book.file);
    await call(core, 'applications.create', { company: 'Acme', role: 'Kept' });
    await core.closeAfterBackup(5); // the bound passes while the copy is held
    g.release();
    expect(await core.upgradeBackupDone).toMatchObject({ state: 'abandoned' });
    // No partial copy, no backup that is not one; the marker says it is owed; the file is untouched.
    const owed = path.basename(core.opened.backupPath!);
    expect(fs.readdirSync(book.backups)).toEqual([`${owed}.pending`]);
    expect(stat(book.file)).toBe(mainFile);
    expect(fs.statSync(book.file + '-wal').size).toBeGreaterThan(0);

    const again = await start(book.dataDir, book.upgrade);
    expect(again.opened.appliedMigrations).toBe(0);
    expect(await again.upgradeBackupDone).toMatchObject({ state: 'done', path: path.join(book.backups, owed) });
    expect(snapshot(path.join(book.backups, owed))).toEqual(book.before);
    expect(fs.readdirSync(book.backups)).toEqual([owed]);
    expect(roles(book.file)).toEqual(['One', 'Two', 'Three', 'Kept']);
    await again.closeAfterBackup();
    expect(snapshot(book.file).schema).toContain('extra_role');
  });

  it('tells, at the next start, when another program folded the WAL in before the owed copy was made', async () => {
    const book = await bookBeforeUpgrade();
    const g = gate();
    const core = await start(book.dataDir, book.upgrade, g.hooks);
    await core.call('today.get', {});
    await g.reached;
    core.close(); // leaves the copy owed
    g.release();
    await core.upgradeBackupDone;
    const other = new Database(book.file); // say, the sqlite3 tool: after a read, its close checkpoints
    other.prepare('SELECT count(*) FROM applications').get();
    other.close();
    expect(fs.existsSync(book.file + '-wal')).toBe(false);
    const logged: string[] = [];
    const again = await startCore({ dataDir: book.dataDir, migrationsFolder: book.upgrade, version: 'test', dispatch: { log: (m) => logged.push(m) } });
    expect(await again.upgradeBackupDone).toMatchObject({ state: 'failed', kept: false });
    expect(logged.join('\n')).toMatch(/backup before this upgrade could not be made/);
    expect(fs.readdirSync(book.backups)).toEqual([]);
    expect(again.ctx.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT);
    again.close();
  });

  it('a migration refused at start-up leaves the backup its message names', async () => {
    const book = await bookBeforeUpgrade();
    const folder = withExtraMigration(MIGRATIONS, fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-upgrade-bad-')), 'DELETE FROM `companies`;');
    const err = await start(book.dataDir, folder).then(
      () => null,
      (e: Error) => e,
    );
    const named = /restore from (.*\.sqlite)\.$/.exec(err?.message ?? '')?.[1];
    expect(named).toMatch(/pre-migration/);
    expect(snapshot(named!)).toEqual(book.before);
    expect(fs.readdirSync(book.backups)).toEqual([path.basename(named!)]);
  });

  it('keeps no copy when something checkpointed the file under it', async () => {
    const book = await bookBeforeUpgrade();
    const g = gate();
    const core = await start(book.dataDir, book.upgrade, g.hooks);
    await g.reached;
    core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)'); // what no code may do meanwhile
    g.release();
    expect(await core.upgradeBackupDone).toMatchObject({ state: 'failed', kept: false, problem: expect.stringMatching(/changed while it was copied/) });
    expect(fs.readdirSync(book.backups)).toEqual([]);
    expect(core.ctx.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT);
    core.close();
  });

  it('a restore asked for during the copy waits for it', async () => {
    const book = await bookBeforeUpgrade();
    const g = gate();
    const core = await start(book.dataDir, book.upgrade, g.hooks);
    await g.reached;
    const restoring = core.ctx.replaceDatabase!(core.opened.backupPath!, async () => ({ name: 'none' }));
    await new Promise((r) => setImmediate(r));
    expect(fs.existsSync(book.file + '-wal')).toBe(true);
    g.release();
    // Waiting for the copy, the restore then puts that very backup back: the data before the upgrade.
    await restoring;
    expect(roles(book.file)).toEqual(['One', 'Two', 'Three']);
    // The restored file is older than this version: it is migrated again, after a backup of its own.
    expect((await core.opened.backupDone).state).toBe('done');
    expect(fs.readdirSync(book.backups).filter((n) => n.endsWith('.sqlite'))).toHaveLength(2);
    core.close();
  });
});
