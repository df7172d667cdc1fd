import { expect, test } from './fixtures';

const NOW = Date.UTC(2026, 10, 23, 18, 0);

test('import a real iPhone export (CR CR LF line endings): the card, its warnings, and what is kept', async ({ app, server }) => {
  await server.api('system.setNow', { now: NOW });
  await app.goto(server.url + '#/contacts');
  await app.getByRole('button', { name: 'Import vCard…' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Import contacts from a vCard file' });
  await dialog.getByLabel('vCard file').setInputFiles('electron/formats/vcard/fixtures/third-party/John_Doe_IPHONE.vcf');

  const cards = dialog.getByRole('table', { name: 'Cards in the file' });
  await expect(cards.locator('tbody tr')).toHaveCount(1);
  const card = cards.locator('tr[data-card="0"]');
  await expect(card).toContainText('Mr. John Richter James Doe Sr.');
  await expect(card).toContainText('Money Counter · IBM');
  await expect(card).toContainText('john.doe@ibm.com · 905-555-1234 · New York');
  const warnings = card.getByRole('list', { name: 'Warnings for Mr. John Richter James Doe Sr.' }).getByRole('listitem');
  await expect(warnings).toHaveText(['PHOTO not imported', 'Kept in notes: 6 more phones and 1 more address']);
  await expect(card.getByLabel('Import Mr. John Richter James Doe Sr.')).toHaveValue('create');

  await dialog.getByRole('button', { name: 'Import 1 contact' }).click();
  await expect(app.getByText('Imported: 1 new contact, 0 merged, 0 skipped.')).toBeVisible();
  const saved = await server.api<{ items: Array<{ id: number }> }>('contacts.list', { search: 'john' });
  const john = await server.api<{ notes: string | null; url: string | null }>('contacts.get', { id: saved.items[0].id });
  expect(john.url).toBe('http://www.ibm.com');
  expect(john.notes).toContain('Department: Accounting');
  expect(john.notes).toContain('Birthday: 2012-06-06');
});
