// Start-up after an upgrade: the same book, with one migration pending (an index, as most are). It pays
// for the pre-migration backup (a file copy, open.ts), the migration and the foreign key check of what
// it wrote (fk-scope.ts), then the first screen. Once per scale: each run copies the whole file twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore } from '../../electron/host/core';
import { DB_FILE_NAME } from '../../electron/host/paths';
import { withExtraMigration } from '../../electron/testing/extra-migration';
import { MIGRATIONS, NOW } from './seed';
import { stats, type Row } from './stats';

export async function upgradeStart(dataDir: string): Promise<Row> {
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
      const env = await core.call('today.get', {});
      if (!env.ok) throw new Error(env.error.message);
      const ms = performance.now() - t;
      await core.integrityChecked;
      return { op: 'start-up after an upgrade (1 migration)', s: stats([ms]), target: '< 1.5 s', note: 'backup copy + migration + its key check + Today; one run' };
    } finally {
      core.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
