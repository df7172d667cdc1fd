// SIGKILL while the pre-upgrade backup is being copied after start-up (db/upgrade-backup.ts): the
// child migrates, holds its copy once written (before the check and rename) and writes until killed.
// After the kill no backup is listed that is not whole, and the next start copies the backup again from
// the main file (still the data before the upgrade) without losing an acknowledged write.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../core';
import { DB_FILE_NAME } from '../paths';
import { inspectReadOnly } from '../../db/integrity';
import { withExtraMigration } from '../../testing/extra-migration';
import { MIGRATIONS, runChild, tmpDir } from './harness';

const snapshot = (file: string) =>
  inspectReadOnly(file, (db) => ({
    roles: db.prepare('SELECT role FROM applications ORDER BY id').pluck().all(),
    userVersion: db.pragma('user_version', { simple: true }),
    migrations: db.prepare('SELECT hash FROM __drizzle_migrations ORDER BY created_at').pluck().all(),
    check: db.pragma('quick_check', { simple: true }),
  }));

const start = (dataDir: string, migrationsFolder: string) => startCore({ dataDir, migrationsFolder, version: 'fault', dispatch: { log: () => {} } });

describe('SIGKILL during the pre-upgrade copy', { timeout: 180_000 }, () => {
  it.each([1, 6])('after %i acknowledged writes: no half backup, no lost write, and the next start makes the backup', async (killAfter) => {
    const dir = tmpDir('courtesy-kill-upgrade-');
    const data = path.join(dir, 'data');
    const file = path.join(data, DB_FILE_NAME);
    const backups = path.join(data, 'backups');
    const seed = await start(data, MIGRATIONS);
    for (const role of ['One', 'Two', 'Three']) expect((await seed.call('applications.create', { company: 'Acme', role })).ok).toBe(true);
    seed.close();
    const before = snapshot(file);
    const folder = withExtraMigration(MIGRATIONS, dir, 'CREATE INDEX `extra_role` ON `applications` (`role`);');

    const run = await runChild(data, 'upgrade', { killAfter, migrationsFolder: folder });
    expect(run.lines.find((l) => l.startsWith('ERROR'))).toBeUndefined();
    expect(run.timedOut).toBe(false);
    expect(run.signal).toBe('SIGKILL');
    const acks = run.lines.filter((l) => l !== 'READY');
    // What the kill left: the copy under its temporary name and the marker; nothing that looks like a backup.
    const left = fs.readdirSync(backups);
    expect(left.filter((n) => n.endsWith('.sqlite'))).toEqual([]);
    expect(left.filter((n) => n.endsWith('.sqlite.partial'))).toHaveLength(1);
    expect(left.filter((n) => n.endsWith('.sqlite.pending'))).toHaveLength(1);

    const core = await start(data, folder);
    expect(core.opened.appliedMigrations).toBe(0);
    const outcome = await core.upgradeBackupDone;
    expect(outcome.state).toBe('done');
    const backup = core.opened.backupPath!;
    expect(snapshot(backup)).toEqual(before);
    const listed = await core.call('backups.list', {});
    expect(listed.ok && (listed.data as { items: { name: string }[] }).items.map((i) => i.name)).toEqual([path.basename(backup)]);
    expect(fs.readdirSync(backups)).toEqual([path.basename(backup)]);
    const roles = snapshot(file).roles;
    const lost = acks.filter((l) => !roles.includes(l.split(' ').slice(2).join(' ')));
    expect(lost).toEqual([]);
    expect(acks.length).toBeGreaterThanOrEqual(killAfter);
    core.close();
  });
});
