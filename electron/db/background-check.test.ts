// The full check moved off start-up must still find damage: a file whose header, size and schema are
// fine but whose table pages are not opens, and the background check then reports it, with the newest
// sound backup, through system.info.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../host/core';
import { MIGRATIONS } from '../testing/core';
import { checkFileInWorker } from './background-check';
import { DB_FILE_NAME } from '../host/paths';
import { damageLeafPages } from '../testing/damage';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-bgcheck-'));

async function filledDataDir() {
  const dir = tmp();
  const core = await startCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 't' });
  const db = core.ctx.sqlite;
  db.transaction(() => {
    const company = Number(db.prepare("INSERT INTO companies (name) VALUES ('Acme')").run().lastInsertRowid);
    const ins = db.prepare('INSERT INTO applications (company_id, role, notes) VALUES (?, ?, ?)');
    for (let i = 0; i < 600; i++) ins.run(company, `Engineer ${i}`, `notes ${i} `.repeat(40));
  })();
  expect((await core.integrityChecked).state).toBe('sound');
  core.close();
  return { dir, file: path.join(dir, DB_FILE_NAME) };
}

describe('the full integrity check after start-up', () => {
  it('finds nothing wrong in a sound file, in a worker, without leaving files beside it', async () => {
    const { dir, file } = await filledDataDir();
    const before = fs.readdirSync(dir).sort();
    const c = await checkFileInWorker(file).result;
    expect(c).toEqual({ problem: null, hasApplications: true, lastMigration: expect.any(Number) });
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it('reports damage start-up let through, naming the newest sound backup, in system.info', async () => {
    const { dir, file } = await filledDataDir();
    // A sound backup, and a newer damaged one that must not be offered.
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    fs.copyFileSync(file, path.join(backups, 'courtesy-manual-1.sqlite'));
    damageLeafPages(file);
    fs.copyFileSync(file, path.join(backups, 'courtesy-manual-2.sqlite'));
    fs.utimesSync(path.join(backups, 'courtesy-manual-2.sqlite'), new Date(), new Date(Date.now() + 60_000));

    const logged: string[] = [];
    const core = await startCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 't', dispatch: { log: (m) => logged.push(String(m)) } });
    try {
      // Start-up (cheap checks) let the file through, and the first screen answers.
      expect((await core.call('today.get', {})).ok).toBe(true);
      const report = await core.integrityChecked;
      expect(report.state).toBe('damaged');
      expect(report.problem).toBeTruthy();
      expect(report.backup).toBe(path.join(backups, 'courtesy-manual-1.sqlite'));
      expect(report.message).toContain(file);
      expect(report.message).toContain('courtesy-manual-1.sqlite');
      expect(report.message).toContain('Settings → Backups');
      const info = await core.call('system.info', {});
      expect(info.ok && info.data).toMatchObject({ integrity: { state: 'damaged', backup: report.backup, message: report.message } });
      expect(logged).toContain(report.message);
    } finally {
      core.close();
    }
  });
});
