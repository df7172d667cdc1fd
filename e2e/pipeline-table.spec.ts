import { expect, test } from './fixtures';

// The table asks the server for 100 rows at a time: scrolling to the end loads the rest, in the
// server's order, and a new sort starts again from the first page of that order.
test('the table pages from the server as it scrolls, in the order chosen', async ({ app, server }) => {
  test.slow();
  for (let i = 0; i < 230; i++) {
    const n = String(i).padStart(3, '0');
    await server.api('applications.create', { company: `Company ${n}`, role: `Role ${n}`, stage: 'applied' });
  }
  await app.evaluate(() => localStorage.setItem('courtesy.pipeline.view', 'table'));
  await app.goto(server.url + '#/pipeline');
  const table = app.getByRole('table', { name: 'Applications' });
  await expect(app.getByText('230 applications')).toBeVisible();
  await table.getByRole('button', { name: /Company/ }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Company 000');
  // Scroll to the end, page after page, until the last company is on screen.
  const wrap = app.locator('.table-wrap');
  await expect(async () => {
    await wrap.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(table.getByRole('link', { name: 'Company 229' })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await table.getByRole('button', { name: /Company/ }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Company 229');
  await expect(table).toHaveAttribute('aria-rowcount', '231');
});

// A broad search is counted no further than 1,000 matches (the server stops there): the count says
// "1,000+" rather than a figure it does not have, and the rows still come page by page.
test('a broad table search says "1,000+ applications"', async ({ app, server }) => {
  const rows = Array.from({ length: 1050 }, (_, i) => `Company ${String(i).padStart(4, '0')},Broad role ${i}`);
  await server.api('csv.importApplications', { text: `Company,Role\n${rows.join('\n')}\n`, mapping: ['company', 'role'] });
  await app.evaluate(() => localStorage.setItem('courtesy.pipeline.view', 'table'));
  await app.goto(server.url + '#/pipeline');
  await expect(app.getByText('1050 applications')).toBeVisible();
  await app.getByLabel('Search applications').fill('broad');
  await expect(app.getByText('1,000+ applications')).toBeVisible();
  const table = app.getByRole('table', { name: 'Applications' });
  await expect(table).toHaveAttribute('aria-rowcount', '-1');
  await expect(table.getByRole('row')).not.toHaveCount(1);
  await app.getByLabel('Search applications').fill('broad role 1049');
  await expect(app.getByText('1 application', { exact: true })).toBeVisible();
  await expect(table).toHaveAttribute('aria-rowcount', '2');
});
