import fs from 'node:fs';
import Papa from 'papaparse';
import { expect, screenshots, test } from './fixtures';

const NOW = Date.UTC(2026, 10, 20, 15, 0);
const FIXTURES = 'electron/formats/csv/fixtures';

test('import a Notion export: fix the mapping, see errors and duplicates, import into the right stages', async ({ app, server }) => {
  await server.api('system.setNow', { now: NOW });
  await server.api('settings.update', { timeZone: 'America/New_York' });
  await server.api('applications.create', { company: 'Pied Piper', role: 'Senior Frontend Engineer', stage: 'applied' });
  await app.goto(server.url + '#/settings');

  const panel = app.getByRole('region', { name: 'Import and export' });
  await panel.getByLabel('CSV file to import').setInputFiles(`${FIXTURES}/notion-export.csv`);
  const dialog = app.getByRole('dialog', { name: 'Import applications from CSV' });
  await expect(dialog.getByText('notion-export.csv')).toBeVisible();
  // Notion calls the role "Name": nothing maps to the role yet, so nothing can be imported.
  await expect(dialog.getByRole('alert').filter({ hasText: 'Choose the column that holds the role.' })).toBeVisible();
  await expect(dialog.getByLabel('Import column “Company 🏢” as')).toHaveValue('company');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  await dialog.getByLabel('Import column “Name” as').selectOption('role');
  await dialog.getByLabel('Import column “Tags” as').selectOption('appendToNotes');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  const summary = dialog.getByRole('status', { name: 'Import summary' });
  await expect(summary).toContainText('3 to import');
  await expect(summary).toContainText('2 rows with errors');
  await expect(summary).toContainText('2 duplicates');

  const row = (n: number) => dialog.locator(`tr[data-row="${n}"]`);
  await expect(row(6)).toContainText('Stage: “Maybe later?” is not a stage we know');
  await expect(row(7)).toContainText('Posting URL must be a web address, like linkedin.com/in/name or https://example.com.');
  await expect(row(6).getByRole('checkbox')).toHaveCount(0); // rows with errors are never imported
  await expect(row(2)).toContainText('already saved');
  await expect(row(8)).toContainText('already saved');
  await expect(dialog.getByLabel('Skip row 2')).toBeChecked();
  await expect(row(3)).toContainText('Product Engineer');
  await expect(row(3)).toContainText('Screening');
  await expect(row(3)).toContainText('150k+ USD');
  await expect(row(3)).toContainText('Tags: Hybrid');
  await screenshots(app, 'csv-import-preview');

  // Choosing to import a duplicate after all counts it in; skipping it again takes it out.
  await dialog.getByLabel('Skip row 8').uncheck();
  await expect(summary).toContainText('4 to import');
  await dialog.getByLabel('Skip row 8').check();
  await expect(summary).toContainText('3 to import');

  await dialog.getByLabel('Only rows that need a look').check();
  await expect(row(3)).toBeHidden();
  await expect(row(6)).toBeVisible();
  await screenshots(app, 'csv-import-issues');
  await dialog.getByLabel('Only rows that need a look').uncheck();

  await dialog.getByRole('button', { name: 'Import 3 applications' }).click();
  await expect(app.getByRole('status').getByText('Imported 3 applications.')).toBeVisible();
  const done = app.getByRole('dialog', { name: 'Import finished' });
  await expect(done).toContainText('3 applications imported, 2 skipped; 2 rows with errors not imported (rows 6, 7).');
  await screenshots(app, 'csv-import-done');
  await done.getByRole('link', { name: 'Open the pipeline' }).click();

  await expect(app.getByRole('heading', { name: 'Pipeline' })).toBeVisible();
  await expect(app.locator('[data-stage="screening"]').getByText('Hooli')).toBeVisible();
  await expect(app.locator('[data-stage="wishlist"]').getByText('Raviga Capital')).toBeVisible();
  // Closed stages are folded on the board: open Rejected to see the card in it.
  await app.locator('[data-stage="rejected"]').getByRole('button', { name: /Rejected/ }).click();
  await expect(app.locator('[data-stage="rejected"]').getByText('Aviato')).toBeVisible();
  // The duplicates were skipped: Pied Piper is still the one saved before, in Applied.
  await expect(app.locator('[data-stage="interviewing"]').getByText('Pied Piper')).toHaveCount(0);
  await expect(app.locator('[data-stage="applied"]').getByText('Pied Piper')).toHaveCount(1);
  const hooli = await server.api<{ items: Array<{ id: number }> }>('applications.list', { search: 'Hooli' });
  const detail = await server.api<{ appliedAt: number; notes: string; salaryMin: number; salaryCurrency: string }>('applications.get', { id: hooli.items[0].id });
  expect(detail).toMatchObject({ appliedAt: Date.UTC(2026, 9, 28, 4), notes: 'Tags: Hybrid', salaryMin: 150000, salaryCurrency: 'USD' });
});

test('the preview reads the separator from the file’s shape, and reads the file again with the one the person picks', async ({ app, server }) => {
  await server.api('system.setNow', { now: NOW });
  await app.goto(server.url + '#/settings');
  // Notes full of semicolons and a line break once made the preview take ";" for the separator.
  const notes = 'Call back; ask about;\r\nsalary; team; on-call';
  const text = `Company,Role,Notes\r\nAcme,Engineer,"${notes}"\r\nGlobex,PM,"a;b;c;d"\r\n`;
  const panel = app.getByRole('region', { name: 'Import and export' });
  await panel.getByLabel('CSV file to import').setInputFiles({ name: 'tracker.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  const dialog = app.getByRole('dialog', { name: 'Import applications from CSV' });
  const separator = dialog.getByLabel('Column separator');
  await expect(separator).toHaveValue(',');
  await expect(dialog.getByText('read from the file')).toBeVisible();
  await expect(dialog.getByLabel('Import column “Notes” as')).toHaveValue('notes');
  const summary = dialog.getByRole('status', { name: 'Import summary' });
  await expect(summary).toContainText('2 to import');

  await separator.selectOption(';');
  await expect(dialog.getByLabel('Import column “Company,Role,Notes” as')).toBeVisible();
  await expect(dialog.getByText('read from the file')).toBeHidden();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Choose the column that holds the role.' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await screenshots(app, 'csv-import-separator');

  await separator.selectOption(',');
  await expect(dialog.getByLabel('Import column “Role” as')).toHaveValue('role');
  await expect(summary).toContainText('2 to import');
  await dialog.getByRole('button', { name: 'Import 2 applications' }).click();
  await expect(app.getByRole('dialog', { name: 'Import finished' })).toContainText('2 applications imported');
  const acme = await server.api<{ items: Array<{ id: number }> }>('applications.list', { search: 'Acme' });
  const detail = await server.api<{ notes: string }>('applications.get', { id: acme.items[0].id });
  expect(detail.notes).toBe(notes);
});

test('export all applications from Settings and the filtered ones from the pipeline; the CSV parses back', async ({ app, server }) => {
  await server.api('system.setNow', { now: NOW });
  await server.api('settings.update', { timeZone: 'Europe/Paris' });
  await server.api('applications.create', {
    company: 'Société Générale',
    role: 'Développeur Full-Stack',
    stage: 'applied',
    appliedAt: Date.UTC(2026, 10, 2, 23, 30), // Nov 3 in Paris
    salaryMin: 55000,
    salaryMax: 65000,
    salaryCurrency: 'EUR',
    notes: '=HYPERLINK("http://evil.example")\nsecond line',
  });
  await server.api('applications.create', { company: 'Acme', role: 'Platform Engineer', stage: 'screening' });
  await server.api('applications.create', { company: 'Acme', role: 'Designer' });
  await app.goto(server.url + '#/settings');

  const panel = app.getByRole('region', { name: 'Import and export' });
  const [download] = await Promise.all([app.waitForEvent('download'), panel.getByRole('button', { name: 'Export applications (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('courtesy-applications-2026-11-20.csv');
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.map((r) => [r.Company, r.Role, r.Stage])).toEqual([
    ['Société Générale', 'Développeur Full-Stack', 'Applied'],
    ['Acme', 'Platform Engineer', 'Screening'],
    ['Acme', 'Designer', 'Wishlist'],
  ]);
  expect(parsed.data[0]).toMatchObject({ Applied: '2026-11-03 00:30', 'Salary min': '55000', 'Salary currency': 'EUR', Notes: '\'=HYPERLINK("http://evil.example")\nsecond line' });
  await expect(app.getByText('Exported 3 applications as courtesy-applications-2026-11-20.csv.')).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await screenshots(app, 'csv-settings-panel');

  // The pipeline's button exports what the search and stage filter show.
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await app.getByRole('searchbox', { name: 'Search applications' }).fill('Acme');
  await app.getByRole('group', { name: 'Filter by stage' }).getByRole('button', { name: 'Screening' }).click();
  await expect(app.getByText('1 application', { exact: true })).toBeVisible();
  const [filtered] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Export CSV' }).click()]);
  const rows = Papa.parse<Record<string, string>>(fs.readFileSync(await filtered.path(), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  expect(rows.map((r) => `${r.Company}/${r.Role}`)).toEqual(['Acme/Platform Engineer']);
  await expect(app.getByText('Exported 1 application as courtesy-applications-2026-11-20.csv.')).toBeVisible();
  await screenshots(app, 'pipeline-export');
});
