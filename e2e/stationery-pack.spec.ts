import { expect, screenshots, test } from './fixtures';

test('adding a pack asks for its count and cost in the same dialog', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stationery' }).click();
  await app.getByRole('button', { name: 'Add your first item' }).click();
  const form = app.getByRole('form', { name: 'New item' });
  await form.getByLabel('Kind').selectOption('stamp');
  await form.getByLabel('Name').fill('Forever stamps');
  await form.getByLabel('Postage value').fill('0.78');
  await form.getByLabel('How many you have').fill('20');
  await form.getByLabel('What the pack cost').fill('15.60');
  await screenshots(app, 'stationery-pack-form');
  await form.getByRole('button', { name: 'Add item' }).click();
  await expect(form).toBeHidden();
  const stamps = app.locator('tr[data-item-id]', { hasText: 'Forever stamps' });
  await expect(stamps.locator('td').nth(2)).toHaveText('20');
  await expect(stamps.locator('td').nth(5)).toHaveText('$0.78');
  await expect(app.getByText('Running low')).toBeHidden();
});
