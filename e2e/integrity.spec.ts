// Damage the start-up checks let through (the full check runs after the first screen, in a worker) must
// still reach the person: a banner on every screen naming the file and the newest sound backup, with the
// way to Settings → Backups. The file is damaged on disk between two runs of the real server.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { axeOn, expect, test, usePage } from './fixtures';

/** Rows enough that the applications table spans many leaf pages, written straight into the file. */
function fill(file: string) {
  const db = new Database(file);
  db.transaction(() => {
    const company = Number(db.prepare("INSERT INTO companies (name) VALUES ('Acme')").run().lastInsertRowid);
    const ins = db.prepare('INSERT INTO applications (company_id, role, notes) VALUES (?, ?, ?)');
    for (let i = 0; i < 600; i++) ins.run(company, `Engineer ${i}`, `notes ${i} `.repeat(40));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Overwrites the body of a few leaf pages of the applications table: the header, size and schema stay sound. */
function damage(file: string) {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'applications' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
  db.close();
  expect(pages.length).toBeGreaterThan(10);
  const bytes = fs.readFileSync(file);
  for (const p of pages.slice(2, 6)) bytes.fill(0xa5, (p - 1) * pageSize + 8, p * pageSize);
  fs.writeFileSync(file, bytes);
}

test('damage found after start-up shows a banner on every screen, naming the backup to restore', async ({ page, server }) => {
  const file = path.join(server.dataDir, 'courtesy.sqlite');
  await server.stop();
  fill(file);
  await server.restart();
  const backup = await server.api<{ name: string }>('backups.create');
  await server.stop();
  damage(file);
  await server.restart();

  await usePage(page, server, async (app) => {
    // The first screen answers; the banner follows when the background check ends.
    await expect(app.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
    const banner = app.locator('.integrity-warning');
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText(file);
    await expect(banner).toContainText(backup.name);
    await expect(banner).toContainText('Settings → Backups');

    // Still there on another screen, and its link leads to the backups.
    await app.getByRole('link', { name: 'Pipeline' }).first().click();
    await expect(banner).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      const axe = await axeOn(app).include('.integrity-warning').analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), scheme).toEqual([]);
    }
    await banner.getByRole('link', { name: 'Open Settings' }).click();
    await expect(app.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(app.getByText(backup.name).first()).toBeVisible();
  });
});
