import { expect, screenshots, test } from './fixtures';

test('create, move by drag and by keyboard, search, reload and restart', async ({ app, server }) => {
  // A long journey (dozens of steps, screenshots, server round trips): on a loaded machine it outruns the
  // 60 s default even when every step passes, so it gets the slow budget (3x); each step keeps its own 10 s.
  test.slow();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(app.getByRole('heading', { name: 'Your job search starts here' })).toBeVisible();
  await screenshots(app, 'pipeline-empty');

  await app.getByRole('button', { name: '+ New application' }).click();
  const form = app.getByRole('form', { name: 'New application' });
  await form.getByLabel('Company').fill('Northwind Traders');
  await form.getByLabel('Role').fill('Senior Data Engineer');
  await form.getByLabel('Stage').selectOption('applied');
  await form.getByLabel('Location').fill('Lisbon');
  await form.getByLabel('Notes').fill('Referred by Priya; strong Kafka focus');
  await screenshots(app, 'application-new');
  await form.getByRole('button', { name: 'Add application' }).click();
  await expect(form).toBeHidden();

  const applied = app.locator('[data-stage="applied"]');
  const card = app.getByRole('button', { name: /Northwind Traders.*Senior Data Engineer/ });
  await expect(applied.getByText('Northwind Traders')).toBeVisible();

  // Drag from Applied to Screening. Its answer is held back (the server has done the move) until the
  // keyboard move below has its own: the two overlap, and the older answer must not take the toast.
  let releaseDrag!: () => void;
  const dragAnswered = new Promise<void>((resolve) => (releaseDrag = resolve));
  let held = false;
  await app.route('**/api/applications.moveStage', async (route) => {
    if (held) return route.continue();
    held = true;
    const response = await route.fetch();
    await new Promise<void>((r) => setTimeout(r, 1500));
    await route.fulfill({ response });
    releaseDrag();
  });
  const target = app.locator('[data-stage="screening"] .column-body');
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  await app.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await app.mouse.down();
  await app.mouse.move(from!.x + 30, from!.y + 20, { steps: 5 });
  await app.mouse.move(to!.x + to!.width / 2, to!.y + 40, { steps: 12 });
  await app.mouse.up();
  await expect(app.locator('[data-stage="screening"]').getByText('Northwind Traders')).toBeVisible();

  // Keyboard: Shift+ArrowRight moves one stage on.
  await app.getByRole('button', { name: /Northwind Traders.*Senior Data Engineer/ }).focus();
  await app.keyboard.press('Shift+ArrowRight');
  await expect(app.locator('[data-stage="interviewing"]').getByText('Northwind Traders')).toBeVisible();
  await expect(app.getByRole('button', { name: /Northwind Traders.*Senior Data Engineer/ })).toBeFocused();
  // The card moves at once; its Undo toast follows the server's answer, and the drag's late answer leaves it.
  const latest = app.getByText('Moved Senior Data Engineer at Northwind Traders to Interviewing.');
  await expect(latest).toBeVisible();
  await dragAnswered;
  await app.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(latest).toBeVisible();
  await expect(app.getByText(/to Screening\./)).toHaveCount(0);
  await app.unroute('**/api/applications.moveStage');
  await screenshots(app, 'pipeline-board');

  // Full-text search over notes, then a search that matches nothing.
  await server.api('applications.create', { company: 'Contoso', role: 'Platform Engineer', stage: 'wishlist' });
  await app.reload();
  await app.getByLabel('Search applications').fill('kafka');
  await expect(app.getByText('Contoso')).toBeHidden();
  await expect(app.getByText('Northwind Traders')).toBeVisible();
  await app.getByLabel('Search applications').fill('nothing-like-this');
  await expect(app.getByText('Northwind Traders')).toBeHidden();
  await app.getByLabel('Search applications').fill('');

  // Table view with sorting.
  await app.getByRole('button', { name: 'Table', exact: true }).click();
  const table = app.getByRole('table', { name: 'Applications' });
  await table.getByRole('button', { name: /Company/ }).click();
  await expect(table.locator('tbody tr').first()).toContainText('Contoso');
  await table.getByRole('button', { name: /Company/ }).click();
  await expect(table.locator('tbody tr').first()).toContainText('Northwind Traders');
  await screenshots(app, 'pipeline-table');

  // Detail shows the timeline of every move.
  await table.getByRole('link', { name: 'Northwind Traders' }).click();
  const timeline = app.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByText('Added as Applied')).toBeVisible();
  await expect(timeline.getByText('Applied → Screening')).toBeVisible();
  await expect(timeline.getByText('Screening → Interviewing')).toBeVisible();
  await screenshots(app, 'application-detail');

  // Reload: unchanged. Restart the server on the same data folder: unchanged.
  await app.reload();
  await expect(app.getByRole('list', { name: 'Timeline' }).getByText('Screening → Interviewing')).toBeVisible();
  await server.restart();
  await app.goto(server.url + '#/pipeline');
  await app.getByRole('button', { name: 'Board', exact: true }).click();
  await expect(app.locator('[data-stage="interviewing"]').getByText('Northwind Traders')).toBeVisible();
  await expect(app.locator('[data-stage="wishlist"]').getByText('Contoso')).toBeVisible();
});

test('invalid input shows the error beside the field and keeps what was typed', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await app.getByRole('button', { name: '+ New application' }).click();
  const form = app.getByRole('form', { name: 'New application' });
  await form.getByLabel('Role').fill('Analyst');
  await form.getByLabel('Posting URL').fill('javascript:alert(1)');
  await form.getByLabel('Salary from').fill('90000');
  await form.getByLabel('Salary to').fill('50000');
  await form.getByRole('button', { name: 'Add application' }).click();
  await expect(form.getByText('Company is required.')).toBeVisible();
  await expect(form.getByLabel('Company')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Posting URL must be a web address, like linkedin.com/in/name or https://example.com.')).toBeVisible();
  await expect(form.getByText('Salary to must not be below Salary from.')).toBeVisible();
  await expect(form.getByLabel('Role')).toHaveValue('Analyst');
  await screenshots(app, 'application-invalid');
  await form.getByLabel('Company').fill('Fabrikam');
  await form.getByLabel('Posting URL').fill('https://jobs.fabrikam.example/42');
  await form.getByLabel('Salary to').fill('120000');
  await form.getByRole('button', { name: 'Add application' }).click();
  await expect(form).toBeHidden();
  await expect(app.getByText('Fabrikam')).toBeVisible();
});
