import { expect, screenshots, test } from './fixtures';

test('add stamps and cards, record purchases, see on hand and low stock, and a correction below zero asks first', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stationery' }).click();
  await expect(app.getByRole('heading', { name: 'Add your thank-you cards and stamps' })).toBeVisible();
  await screenshots(app, 'stationery-empty');

  // Stamps, with their postage value.
  await app.getByRole('button', { name: 'Add your first item' }).click();
  let form = app.getByRole('form', { name: 'New item' });
  await form.getByLabel('Kind').selectOption('stamp');
  await form.getByLabel('Name').fill('Forever stamps');
  await form.getByLabel('Postage value').fill('0.78');
  await form.getByLabel('Warn when at or below').fill('5');
  await screenshots(app, 'stationery-item-form');
  await form.getByRole('button', { name: 'Add item' }).click();
  await expect(form).toBeHidden();

  // Cards; a bad currency is shown beside the field.
  await app.getByRole('button', { name: '+ Add item' }).click();
  form = app.getByRole('form', { name: 'New item' });
  await form.getByLabel('Name').fill('Letterpress thank-you cards');
  await form.getByLabel('Currency').fill('US');
  await form.getByLabel('Warn when at or below').fill('3');
  await form.getByRole('button', { name: 'Add item' }).click();
  await expect(form.getByText('Use a three-letter currency code such as USD or EUR.')).toBeVisible();
  await form.getByLabel('Currency').fill('USD');
  await form.getByRole('button', { name: 'Add item' }).click();
  await expect(form).toBeHidden();

  const stamps = app.locator('tr[data-item-id]', { hasText: 'Forever stamps' });
  const cards = app.locator('tr[data-item-id]', { hasText: 'Letterpress thank-you cards' });
  await expect(stamps.locator('td').nth(2)).toContainText('0');
  await expect(stamps.getByText('None left')).toBeVisible();
  await expect(stamps.locator('td').nth(4)).toHaveText('$0.78');

  // Purchases.
  await app.getByRole('button', { name: 'Record a purchase of Forever stamps' }).click();
  let rec = app.getByRole('form', { name: 'Record a purchase' });
  await rec.getByLabel('Quantity').fill('20');
  await rec.getByLabel('Total cost (USD)').fill('15.60');
  await rec.getByLabel('Memo').fill('Post office');
  await rec.getByRole('button', { name: 'Record purchase' }).click();
  await expect(rec).toBeHidden();
  await expect(stamps.locator('td').nth(2)).toHaveText('20');
  await expect(stamps.locator('td').nth(5)).toHaveText('$0.78');

  await app.getByRole('button', { name: 'Record a purchase of Letterpress thank-you cards' }).click();
  rec = app.getByRole('form', { name: 'Record a purchase' });
  await rec.getByLabel('Quantity').fill('3');
  await rec.getByLabel('Total cost (USD)').fill('12');
  await rec.getByRole('button', { name: 'Record purchase' }).click();
  await expect(rec).toBeHidden();
  await expect(cards.locator('td').nth(2)).toContainText('3');
  await expect(cards.getByText('Low stock')).toBeVisible();
  await expect(stamps.getByText('Low stock')).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: 'Running low' })).toContainText('Letterpress thank-you cards (3 left)');
  await expect(app.getByLabel('Costs')).toContainText('Next card will cost');
  await expect(app.getByLabel('Costs')).toContainText('$4.78'); // card $4.00 + stamp $0.78

  // A correction that would go below zero asks first; cancelling records nothing.
  await app.getByRole('button', { name: 'Correct the count of Forever stamps' }).click();
  rec = app.getByRole('form', { name: 'Record a correction' });
  await rec.getByLabel('Change (+ or −)').fill('-25');
  await rec.getByRole('button', { name: 'Record correction' }).click();
  const ask = app.getByRole('dialog', { name: 'Go below zero?' });
  await expect(ask).toContainText('Forever stamps: this would leave -5 on hand (20 now). Record it anyway?');
  await screenshots(app, 'stationery-below-zero');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await rec.getByLabel('Change (+ or −)').fill('-2');
  await rec.getByLabel('Memo').fill('Two were torn');
  await rec.getByRole('button', { name: 'Record correction' }).click();
  await expect(rec).toBeHidden();
  await expect(stamps.locator('td').nth(2)).toHaveText('18');

  // The ledger, newest first, and filtered by item.
  const ledger = app.getByRole('table', { name: 'Ledger' });
  await expect(ledger.locator('tbody tr')).toHaveCount(3);
  await expect(ledger.locator('tbody tr').first()).toContainText('−2');
  await expect(ledger.locator('tbody tr').first()).toContainText('Two were torn');
  await app.getByLabel('Ledger item').selectOption({ label: 'Letterpress thank-you cards' });
  await expect(ledger.locator('tbody tr')).toHaveCount(1);
  await expect(ledger.locator('tbody tr').first()).toContainText('+3');
  await app.getByLabel('Ledger item').selectOption({ label: 'All items' });
  await screenshots(app, 'stationery');

  // Archiving hides an item but keeps it; it can be restored.
  await app.getByRole('button', { name: 'Archive Forever stamps' }).click();
  await expect(stamps).toBeHidden();
  await app.getByLabel('Show archived').check();
  await app.getByRole('button', { name: 'Restore Forever stamps' }).click();
  await app.getByLabel('Show archived').uncheck();
  await expect(stamps.locator('td').nth(2)).toHaveText('18');

  // Today warns about the low cards too.
  await app.reload();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  // Today's code loads on first use: the stationery screen stays up until it arrives.
  await expect(app.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expect(app.getByText('Letterpress thank-you cards')).toBeVisible();
});
