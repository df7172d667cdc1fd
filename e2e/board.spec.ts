import { expect, screenshots, test } from './fixtures';

const DAY = 86_400_000;

test('closed stages fold to drop targets so the board fits 1280 px; searches that match nothing say so; words agree', async ({ app, server }) => {
  test.slow(); // drags, reloads and screenshots on a shared machine
  const start = Date.UTC(2026, 9, 1, 15);
  await server.api('system.setNow', { now: start });
  await server.api('applications.create', { company: 'Northwind Traders', role: 'Data Engineer', stage: 'offer', priority: 'high' });
  await server.api('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
  await server.api('applications.create', { company: 'Umbrella', role: 'SRE', stage: 'rejected', priority: 'low' });
  await server.api('system.setNow', { now: start + 70 * DAY });
  await app.goto(server.url + '#/pipeline');

  const board = app.locator('.board');
  await expect(app.locator('[data-stage="offer"]').getByText('Northwind Traders')).toBeVisible();
  // Nothing reachable only by scrolling sideways.
  expect(await board.evaluate((b) => b.scrollWidth - b.clientWidth)).toBeLessThanOrEqual(0);
  const rejected = app.locator('[data-stage="rejected"]');
  const unfoldRejected = rejected.getByRole('button', { name: /Rejected/ });
  await expect(unfoldRejected).toHaveAttribute('aria-expanded', 'false');
  await expect(unfoldRejected).toContainText('1');
  await expect(rejected.getByText('Umbrella')).toBeHidden();
  // "1m" read as a month or a minute; now it is spelled out.
  const card = app.getByRole('button', { name: /Northwind Traders.*Data Engineer/ });
  await expect(card).toContainText('2 months in stage');
  await expect(card).toContainText('High priority');
  await screenshots(app, 'board-folded');

  // A folded column is still a drop target: drag Globex onto the narrow Rejected strip.
  const from = await app.getByRole('button', { name: /Globex.*Platform Engineer/ }).boundingBox();
  const to = await rejected.boundingBox();
  await app.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await app.mouse.down();
  await app.mouse.move(from!.x + 30, from!.y + 20, { steps: 5 });
  await app.mouse.move(to!.x + to!.width / 2, to!.y + 80, { steps: 12 });
  await app.mouse.up();
  const dialog = app.getByRole('dialog', { name: 'Rejected by Globex' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(unfoldRejected).toContainText('2');

  // A keyboard move into a folded column opens it for now, keeping focus on the card.
  await card.focus();
  await app.keyboard.press('Shift+ArrowRight');
  await expect(app.locator('[data-stage="accepted"]').getByText('Northwind Traders')).toBeVisible();
  await expect(card).toBeFocused();

  // Unfolding is a setting: it survives a reload; folding again too.
  await unfoldRejected.click();
  await expect(rejected.getByText('Umbrella')).toBeVisible();
  await expect(rejected.getByText('Globex')).toBeVisible();
  await screenshots(app, 'board-rejected-open');
  await app.reload();
  await expect(rejected.getByText('Umbrella')).toBeVisible();
  expect((await server.api<{ boardExpandedStages: string[] }>('settings.get')).boardExpandedStages).toEqual(['rejected']);
  await expect(app.locator('[data-stage="accepted"]').getByRole('button', { name: /Accepted/ })).toHaveAttribute('aria-expanded', 'false');
  await rejected.getByRole('button', { name: 'Fold the Rejected column' }).click();
  await expect(rejected.getByText('Umbrella')).toBeHidden();

  // A search that matches nothing says so and offers the way back.
  await app.getByLabel('Search applications').fill('zeppelin');
  const none = app.getByRole('status').filter({ hasText: 'No applications match “zeppelin”' });
  await expect(none).toBeVisible();
  await screenshots(app, 'board-no-match');
  await none.getByRole('button', { name: 'Clear search' }).click();
  await expect(app.getByLabel('Search applications')).toHaveValue('');
  await expect(none).toBeHidden();
  await expect(board).toBeVisible();

  // The table uses the same words as the board.
  await app.getByRole('button', { name: 'Table', exact: true }).click();
  const row = app.getByRole('table', { name: 'Applications' }).locator('tbody tr', { hasText: 'Umbrella' });
  await expect(row).toContainText('Rejected');
  await expect(row).toContainText('Low');
  await expect(row).toContainText('2 months');
  await app.getByRole('button', { name: 'Board', exact: true }).click();
});

test('the first board asks for the cards that fit, then fills each column once painted', async ({ app, server }) => {
  // 25 in one stage: more than the first screen's 20 per column, fewer than the board's usual 100.
  for (let i = 1; i <= 25; i++) await server.api('applications.create', { company: `Firm ${String(i).padStart(2, '0')}`, role: 'Engineer', stage: 'applied' });
  await app.goto(server.url + '#/pipeline');
  const applied = app.locator('[data-stage="applied"]');
  // The page opened before the cards existed: let its own board requests finish before counting.
  await expect(applied.locator('.column-header .count')).toHaveText('25');
  await app.waitForLoadState('networkidle');
  const asked: unknown[] = [];
  app.on('request', (r) => {
    if (r.url().endsWith('/api/applications.board')) asked.push(r.postDataJSON());
  });
  await app.reload(); // a start of the app on the board: the early entry sends the first screen's calls
  await expect(applied.locator('.column-header .count')).toHaveText('25');
  // The column fills in after the first paint: scrolled to its end it shows the oldest card, no "Show all".
  await expect(async () => {
    await applied.locator('.column-body').evaluate((b) => b.scrollTo(0, b.scrollHeight));
    await expect(applied.getByText('Firm 01')).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(applied.getByRole('button', { name: 'Show all' })).toHaveCount(0);
  expect(asked).toEqual([{ perStage: 20 }, {}]);
});
