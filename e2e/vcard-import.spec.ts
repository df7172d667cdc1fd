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
  await expect(card).toContainText('John Doe');
  await expect(card).toContainText('Money Counter · IBM');
  await expect(card).toContainText('john.doe@ibm.com · 905-555-1234 · New York');
  await expect(card).toContainText('and 3 more phones, 1 more address');
  const warnings = card.getByRole('list', { name: 'Warnings for John Doe' }).getByRole('listitem');
  await expect(warnings).toHaveText([
    'PHOTO not imported',
    'Name saved as “John Doe” from its parts; the card’s full name “Mr. John Richter James Doe Sr.” is kept in notes',
    'Label “AssistantPhone” of 905-222-1234 saved as other',
    'Kept in notes: the department, the birthday, 3 fax or pager numbers, and nickname',
  ]);
  await expect(card.getByLabel('Import John Doe')).toHaveValue('create');

  await dialog.getByRole('button', { name: 'Import 1 contact' }).click();
  await expect(app.getByText('Imported: 1 new contact, 0 merged, 0 skipped.')).toBeVisible();
  const saved = await server.api<{ items: Array<{ id: number }> }>('contacts.list', { search: 'john' });
  const john = await server.api<{ givenName: string | null; notes: string | null; url: string | null; phones: Array<{ number: string; label: string; isPrimary: boolean }> }>(
    'contacts.get',
    { id: saved.items[0].id },
  );
  expect(john.givenName).toBe('John');
  expect(john.url).toBe('http://www.ibm.com');
  expect(john.phones.map((p) => `${p.number} ${p.label}${p.isPrimary ? ' primary' : ''}`)).toEqual([
    '905-555-1234 mobile primary',
    '905-666-1234 home',
    '905-777-1234 work',
    '905-222-1234 other',
  ]);
  expect(john.notes).toContain('Department: Accounting');
  expect(john.notes).toContain('Birthday: 2012-06-06');
});
