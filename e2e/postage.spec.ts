import { expect, screenshots, test } from './fixtures';

test('a card abroad asks for international postage: the stamp picker shows what it uses, refuses too little, and the ledger counts each stamp', async ({ app, server }) => {
  await server.api('settings.update', { profile: { name: 'Alex Kim', addressLines: '9 Elm Street', city: 'Portland', region: 'OR', postalCode: '97201', country: 'United States' } });
  const jana = await server.api<{ id: number }>('contacts.create', {
    name: 'Jana Müller',
    addressLines: 'Unter den Linden 5',
    city: 'Berlin',
    postalCode: '10117',
    country: 'Deutschland',
  });
  const intl = await server.api<{ id: number }>('stationery.createItem', { kind: 'stamp', name: 'Global Forever', postageCents: 170 });
  const forever = await server.api<{ id: number }>('stationery.createItem', { kind: 'stamp', name: 'Forever', postageCents: 78, scope: 'domestic' });
  await server.api('stationery.record', { itemId: forever.id, reason: 'purchase', quantity: 2 });
  const note = await server.api<{ id: number; revision: number }>('notes.create', { kind: 'thank_you', contactId: jana.id, delivery: 'handwritten' });
  await server.api('notes.update', { id: note.id, revision: note.revision, body: 'Dear Jana,\n\nDanke schön für das Gespräch!\n\nAlex' });

  // The Global Forever stamp was added as domestic: edit its scope on the Stationery screen.
  await app.goto(`${server.origin}/#/stationery`);
  await app.getByRole('button', { name: 'Edit Global Forever' }).click();
  const form = app.getByRole('form', { name: 'Edit item' });
  await expect(form.getByLabel('Postage value')).toHaveValue('1.70');
  await form.getByLabel('Good for').selectOption('international');
  await screenshots(app, 'stationery-stamp-scope');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(app.locator(`tr[data-item-id="${intl.id}"]`)).toContainText('international');
  await expect(app.locator(`tr[data-item-id="${forever.id}"]`)).toContainText('domestic');

  // None international on hand and two domestic (1.56) do not cover 1.70: said before mailing, and refused.
  await app.goto(`${server.origin}/#/compose/note/${note.id}`);
  const postage = app.getByRole('status', { name: 'Postage' });
  await expect(postage).toHaveText(
    'Not enough postage for Germany: it takes $1.70 (Global Forever). No international stamps are on hand and your domestic stamps add up to $1.56.',
  );
  await postage.scrollIntoViewIfNeeded();
  await screenshots(app, 'composer-postage-short');
  await app.getByRole('button', { name: 'Mark mailed' }).click();
  const ask = app.getByRole('dialog', { name: 'Not enough postage' });
  await expect(ask).toContainText('it takes $1.70');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(app.getByRole('list', { name: 'Card steps' }).locator('[data-step="mailed"]')).not.toHaveClass(/done/);

  // One more domestic stamp: three of them stand in for the international one.
  await server.api('stationery.record', { itemId: forever.id, reason: 'purchase', quantity: 1 });
  await app.reload();
  await expect(postage).toHaveText('Abroad (Germany): uses 3 × Forever ($0.78).');
  await postage.scrollIntoViewIfNeeded();
  await screenshots(app, 'composer-postage-abroad');
  await app.getByRole('button', { name: 'Mark mailed' }).click();
  await expect(app.getByRole('list', { name: 'Card steps' }).locator('[data-step="mailed"]')).toHaveClass(/done/);
  await expect(app.locator('.toast').first()).toContainText('Used 3 stamps for the postage');

  const ledger = await server.api<{ items: Array<{ itemName: string; delta: number; reason: string; noteId: number | null }> }>('stationery.ledger', {});
  expect(ledger.items.filter((r) => r.reason === 'use').map((r) => [r.itemName, r.delta, r.noteId])).toEqual([['Forever', -3, note.id]]);
});
