// Everything out of one browser-mode data folder and into a new one through Settings → Data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshots, seedTwoPersonInterview, startServer, test } from './fixtures';

test('exports everything from one data folder and imports it into a new one', async ({ app, server }) => {
  await seedTwoPersonInterview(server, { talkedAbout: 'their data platform migration' });
  await server.api('settings.update', { profile: { name: 'Jordan Avery' } });
  const { now } = await server.api<{ now: number }>('system.info');

  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const panel = app.getByRole('region', { name: 'Data' });
  // This folder holds data: import is offered only to an empty Courtesy, and says why.
  await expect(panel.getByText(/Import goes only into a new, empty Courtesy/)).toBeVisible();
  await expect(panel.getByLabel('Export file to import')).toBeDisabled();
  await panel.scrollIntoViewIfNeeded();
  await screenshots(app, 'data-panel-with-data');
  const [download] = await Promise.all([app.waitForEvent('download'), panel.getByRole('button', { name: 'Export everything' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^courtesy-export-2026-11-24T\d\d-\d\d-\d\d\.json$/);
  const exported = fs.readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ format: 'courtesy-export', formatVersion: 1 });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-e2e-import-'));
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-e2e-files-'));
  const { proc, url } = await startServer(dir);
  try {
    const page = await app.context().newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const fresh = page.getByRole('region', { name: 'Data' });
    await fresh.scrollIntoViewIfNeeded();
    await expect(fresh.getByLabel('Export file to import')).toBeEnabled();

    // A cut-off file is refused beside the control, and nothing is written.
    const cut = path.join(files, 'cut.json');
    fs.writeFileSync(cut, exported.slice(0, Math.floor(exported.length / 2)));
    await fresh.getByLabel('Export file to import').setInputFiles(cut);
    await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
    await expect(fresh.getByRole('alert')).toContainText('The file is not valid JSON');
    await expect(fresh.getByRole('alert')).toContainText('Nothing was imported.');
    await screenshots(page, 'data-import-refused');

    const whole = path.join(files, 'courtesy-export.json');
    fs.writeFileSync(whole, exported);
    await fresh.getByLabel('Export file to import').setInputFiles(whole);
    const dialog = page.getByRole('dialog', { name: 'Import this file?' });
    await expect(dialog).toContainText('courtesy-export.json');
    await screenshots(page, 'data-import-confirm');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(fresh.getByRole('status').filter({ hasText: /^Imported \d+ rows into \d+ tables\.$/ })).toBeVisible();
    await expect(fresh.getByRole('alert')).toHaveCount(0);
    await screenshots(page, 'data-import-done');

    // The data is there, on the screens and byte for byte.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await expect(page.getByRole('link', { name: 'Dana Lee' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Priya Raman' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
    await expect(page.getByText('Northwind Health').first()).toBeVisible();
    const token = new URL(url).searchParams.get('token')!;
    const api = async (method: string, input: unknown) => {
      const res = await fetch(`${new URL(url).origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return ((await res.json()) as { data: { content: string } }).data;
    };
    await api('system.setNow', { now });
    expect((await api('data.export', {})).content).toBe(exported);
    await page.close();
  } finally {
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(files, { recursive: true, force: true });
  }
});

test('a large import shows how far it has got', async ({ app, server }) => {
  // The file comes from another Courtesy: this one stays empty. About 6 MB of stage events make it two
  // parts of UPLOAD_PART_CHARS (4 MB), however wide a stage event's row grows.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-e2e-source-'));
  const { proc, url } = await startServer(dir);
  let file: Record<string, any>;
  try {
    const call = async (method: string, input: unknown) => {
      const res = await fetch(`${new URL(url).origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${new URL(url).searchParams.get('token')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return ((await res.json()) as { data: any }).data;
    };
    await call('applications.create', { company: 'Northwind Health', role: 'Data Engineer' });
    file = JSON.parse((await call('data.export', {})).content as string);
  } finally {
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const events = file.tables.stage_events as Array<Record<string, unknown>>;
  const first = events[0];
  const note = (i: number) => `Event ${i} of a long and winding search, written to make the file large`;
  const perEvent = JSON.stringify({ ...first, id: 1_000_000, note: note(99_999) }).length + 1;
  const count = Math.ceil(6_000_000 / perEvent);
  for (let i = 0; i < count; i++) events.push({ ...first, id: (first.id as number) + 1 + i, note: note(i) });
  file.counts.stage_events = events.length;
  file.sequences.stage_events = events.length;
  const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-e2e-big-')), 'big-export.json');
  fs.writeFileSync(big, JSON.stringify(file));
  expect(fs.statSync(big).size).toBeGreaterThan(4_000_000);
  expect(fs.statSync(big).size).toBeLessThan(8_000_000);

  // Each step is held back a moment so that the page can be seen mid-way.
  const hold: Array<() => void> = [];
  await app.route(/\/api\/data\.(upload|import)$/, async (route) => {
    await new Promise<void>((resolve) => hold.push(resolve));
    await route.continue();
  });
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const panel = app.getByRole('region', { name: 'Data' });
  await panel.scrollIntoViewIfNeeded();
  await panel.getByLabel('Export file to import').setInputFiles(big);
  await app.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  const progress = panel.getByRole('status');
  await expect(progress).toContainText('Sending the file… part 1 of 2');
  await expect(panel.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('max', '2');
  await screenshots(app, 'data-import-progress');
  await expect.poll(() => hold.length).toBe(1);
  hold.shift()!();
  await expect(progress).toContainText('Sending the file… part 2 of 2');
  await expect.poll(() => hold.length).toBe(1);
  hold.shift()!();
  await expect(progress).toContainText('Checking and writing everything in one go');
  await screenshots(app, 'data-import-writing');
  await expect.poll(() => hold.length).toBe(1);
  hold.shift()!();
  const rows = Object.values(file.counts as Record<string, number>).reduce((a, b) => a + b, 0);
  await expect(panel.getByRole('status').filter({ hasText: new RegExp(`^Imported ${rows} rows into \\d+ tables\\.$`) })).toBeVisible();
  expect(await server.api<{ rows: number }>('data.export')).toMatchObject({ rows });
});
