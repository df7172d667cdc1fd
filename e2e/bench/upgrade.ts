// Start-up after an upgrade: the same book, with one migration pending (an index, as most are). It pays
// for the migration and the foreign key check of what it wrote (fk-scope.ts), then the first screen. The
// pre-migration backup (a copy of the whole file) is made after the first screen, in the background
// (db/upgrade-backup.ts): its own row says when it was done. Once per scale: each run copies the file twice.
// `npx tsx e2e/bench/upgrade.ts 10` runs this row alone at that scale (BENCH_CACHE_DIR as for the bench).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../../electron/host/core';
import { DB_FILE_NAME } from '../../electron/host/paths';
import { withExtraMigration } from '../../electron/testing/extra-migration';
import { MIGRATIONS, NOW, seededDataDir } from './seed';
import { stats, type Row } from './stats';

export async function upgradeStart(dataDir: string): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-bench-upgrade-'));
  try {
    const folder = withExtraMigration(MIGRATIONS, dir, 'CREATE INDEX `bench_upgrade_role` ON `applications` (`role`);', '9999_bench_upgrade');
    const data = path.join(dir, 'data');
    fs.mkdirSync(data);
    fs.copyFileSync(path.join(dataDir, DB_FILE_NAME), path.join(data, DB_FILE_NAME));

    const t = performance.now();
    const core = await startCore({ dataDir: data, migrationsFolder: folder, version: 'bench', allowTestClock: true });
    try {
      core.ctx.clock.set(NOW);
      const opened = performance.now() - t;
      const env = await core.call('today.get', {});
      if (!env.ok) throw new Error(env.error.message);
      const ms = performance.now() - t;
      const backup = await core.upgradeBackupDone;
      if (backup.state !== 'done') throw new Error(`The pre-upgrade backup was not made: ${JSON.stringify(backup)}`);
      const backupMs = performance.now() - t;
      await core.integrityChecked;
      return [
        { op: 'start-up after an upgrade (1 migration): first screen', s: stats([ms]), target: '< 1.5 s', note: `open, migration and its key check ${Math.round(opened)} ms, then Today; one run` },
        { op: 'pre-upgrade backup in the background, from start', s: stats([backupMs]), note: `started once Today was answered; the copy itself ${Math.round(backup.ms)} ms; the full check runs after it` },
      ];
    } finally {
      core.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { dir } = await seededDataDir(Number(process.argv[2] ?? 1));
  try {
    for (const row of await upgradeStart(dir)) console.log(`${row.op}: ${row.s.p50.toFixed(0)} ms${row.note ? ` (${row.note})` : ''}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
