// The real desktop shell. Needs Electron's binary, which cannot be downloaded on offline machines:
// there these tests skip with the reason, and the same renderer and handlers are covered in browser mode.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

const require = createRequire(import.meta.url);
/** The installed Electron executable, found without `require('electron')`, which would try to download it. */
function electronBinary(): string | null {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const full = path.join(dir, 'dist', rel);
    return fs.existsSync(full) ? full : null;
  } catch {
    return null;
  }
}
const binary = electronBinary();
const nativeBuilt = fs.existsSync(path.join('.native', 'electron', 'better_sqlite3.node'));

test.describe('Electron shell', () => {
  test.skip(!binary, 'Electron binary not installed (offline machine): run `npm start` once online; browser-mode e2e covers the app.');
  test.skip(!nativeBuilt, 'better-sqlite3 for Electron not built: run `npm run native:electron`.');

  test('opens on Today with a sandboxed preload exposing only the contract, and denies navigation', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: ['.'], env: { ...process.env, COURTESY_DATA_DIR: userData } });
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { name: 'Today' })).toBeVisible();
    const exposed = await win.evaluate(() => Object.keys((window as unknown as { courtesy: object }).courtesy).sort());
    expect(exposed).toContain('applications.create');
    // Besides the API, only a listener for the menu's commands (ids from the shared shortcut table).
    expect(await win.evaluate(() => Object.keys((window as unknown as { courtesyMenu: object }).courtesyMenu))).toEqual(['onCommand']);
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await win.evaluate(() => (window.location.href = 'https://example.com/'));
    await expect(win).toHaveURL(/^app:\/\/courtesy\//);
    await app.close();
  });
});
