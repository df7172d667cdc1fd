// Damage the start-up checks let through (the full check runs after the first screen, in a worker) must
// still reach the person: a banner on every screen naming the file and the newest sound backup, with the
// way to Settings → Backups. The file is damaged on disk between two runs of the real server.
import path from 'node:path';
import { damageLeafPages, fillApplications } from '../electron/testing/damage';
import { axeOn, expect, test, usePage } from './fixtures';

test('damage found after start-up shows a banner on every screen, naming the backup to restore', async ({ page, server }) => {
  const file = path.join(server.dataDir, 'courtesy.sqlite');
  await server.stop();
  fillApplications(file);
  await server.restart();
  const backup = await server.api<{ name: string }>('backups.create');
  await server.stop();
  damageLeafPages(file);
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
