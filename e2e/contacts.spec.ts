import fs from 'node:fs';
import { parseVCards } from '../electron/formats/vcard';
import { expect, screenshots, test } from './fixtures';
import { pdfToText } from '../electron/testing/external';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 23, 18, 0);
const FIXTURES = 'electron/formats/vcard/fixtures';

test('create a contact (fixing a bad email), fill in missing details, and merge a duplicate', async ({ app, server }) => {
  await server.api('system.setNow', { now: NOW });
  await app.goto(server.url + '#/contacts');
  await expect(app.getByRole('heading', { name: 'The people you meet' })).toBeVisible();

  await app.getByRole('button', { name: '+ New contact' }).click();
  let form = app.getByRole('form', { name: 'New contact' });
  await form.getByLabel('Given name').fill('Dana');
  await form.getByLabel('Family name').fill('Lee');
  // The display name is made from the parts.
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Dana Lee');
  await form.getByLabel('Company').fill('Globex');
  await form.getByRole('button', { name: 'Add an email' }).click();
  await expect(form.getByLabel('Email 1', { exact: true })).toBeFocused();
  await form.getByLabel('Email 1', { exact: true }).fill('dana(at)globex');
  await form.getByRole('button', { name: 'Add contact' }).click();
  const emailError = form.locator('.field', { has: app.getByLabel('Email 1', { exact: true }) }).locator('.field-error');
  await expect(emailError).toHaveText('Enter an email address like name@example.com.');
  await expect(form.getByLabel('Email 1', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Email 1', { exact: true }).fill('dana@globex.example');
  await form.getByRole('button', { name: 'Add contact' }).click();

  // The new contact opens; what a card still needs is asked for at the top, focused.
  await expect(app.getByRole('heading', { level: 1, name: /Dana Lee/ })).toBeVisible();
  const missing = app.getByRole('form', { name: 'Missing details' });
  await expect(missing.getByLabel('Street address')).toBeFocused();
  await expect(missing.getByText('Needed for handwritten cards')).toBeVisible();
  await missing.getByLabel('Street address').fill('1 Main St');
  await missing.getByLabel('City').fill('Springfield');
  await missing.getByRole('button', { name: 'Save details' }).click();
  await expect(missing).toBeHidden();
  await expect(app.getByRole('definition').filter({ hasText: 'Springfield' })).toBeVisible();

  // A second "D. Lee" with the same email (other case) is flagged; merge it into the existing one.
  await app.getByRole('link', { name: 'Contacts', exact: true }).click();
  await app.getByRole('button', { name: '+ New contact' }).click();
  form = app.getByRole('form', { name: 'New contact' });
  await form.getByLabel('Name', { exact: true }).fill('D. Lee');
  await form.getByRole('button', { name: 'Add an email' }).click();
  await form.getByLabel('Email 1', { exact: true }).fill('d.lee@personal.example');
  await form.getByRole('button', { name: 'Add an email' }).click();
  await form.getByLabel('Email 2', { exact: true }).fill('DANA@globex.example');
  await form.getByRole('button', { name: 'Add a phone' }).click();
  await form.getByLabel('Phone 1', { exact: true }).fill('+1 555 0100');
  await form.getByRole('button', { name: 'Add contact' }).click();
  const warning = form.getByRole('alert', { name: 'Possible duplicate' });
  await expect(warning).toContainText('Dana Lee (Globex)');
  // The second email matched: the message sits beside that row.
  await expect(form.locator('.field', { has: app.getByLabel('Email 2', { exact: true }) }).locator('.field-error')).toHaveText('Dana Lee (Globex) already has this email.');
  await screenshots(app, 'contact-duplicate');
  await warning.getByRole('button', { name: 'Merge into it' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Dana Lee/ })).toBeVisible();
  await expect(app.getByRole('definition').filter({ hasText: '+1 555 0100' })).toBeVisible();
  // Merging kept both emails; the saved one stays primary.
  await expect(app.getByRole('list', { name: 'Emails' }).getByRole('listitem')).toHaveText(['Workdana@globex.exampleprimary', 'Workd.lee@personal.example']);
  const list = await server.api<{ total: number }>('contacts.list', {});
  expect(list.total).toBe(1);

  // A quick capture made a twin ("Dana" at Globex): fold it into Dana Lee from her page.
  const twin = await server.api<{ id: number }>('contacts.create', { name: 'Dana', company: 'Globex', title: 'Engineering Manager' });
  await app.getByRole('button', { name: 'Merge…' }).click();
  const mergeDialog = app.getByRole('dialog', { name: 'Merge a duplicate into Dana Lee' });
  await mergeDialog.getByRole('button', { name: 'Choose Dana', exact: true }).click();
  await mergeDialog.getByRole('button', { name: 'Merge into Dana Lee' }).click();
  await expect(app.getByRole('definition').filter({ hasText: 'Engineering Manager' })).toBeVisible();
  expect((await server.api<{ items: Array<{ id: number }> }>('contacts.list', {})).items.map((c) => c.id)).not.toContain(twin.id);
});

test('a second email made primary; a note picks the other email, and the envelope goes to the chosen address', async ({ app, server }) => {
  await server.api('system.setNow', { now: NOW });
  const application = await server.api<{ id: number }>('applications.create', { company: 'Northwind Health', role: 'Staff Engineer', stage: 'interviewing' });
  const dana = await server.api<{ id: number }>('contacts.create', {
    givenName: 'Dana',
    familyName: 'Lee',
    company: 'Northwind Health',
    emails: [{ address: 'dana.lee@northwind.example', label: 'work' }],
    addresses: [
      { lines: '200 Clarendon St, Floor 9', city: 'Boston', region: 'MA', postalCode: '02116', label: 'work' },
      { lines: '9 Elm St', city: 'Cambridge', region: 'MA', postalCode: '02139', label: 'home' },
    ],
  });
  await app.goto(`${server.origin}/#/contacts/${dana.id}`);
  await app.getByRole('button', { name: 'Edit' }).click();
  const form = app.getByRole('form', { name: 'Edit contact' });
  await form.getByRole('button', { name: 'Add an email' }).click();
  await form.getByLabel('Email 2', { exact: true }).fill('dana@home.example');
  await form.locator('.channel-emails [data-row="1"]').getByLabel('Label').selectOption('home');
  // Keyboard: the primary radio of the new row, chosen with the space bar.
  await form.getByRole('radio', { name: 'Primary email 2' }).focus();
  await app.keyboard.press('Space');
  await expect(form.getByRole('radio', { name: 'Primary email 2' })).toBeChecked();
  await screenshots(app, 'contact-form-channels');
  await form.getByRole('button', { name: 'Save changes' }).click();
  const emails = app.getByRole('list', { name: 'Emails' }).getByRole('listitem');
  await expect(emails).toHaveText(['Homedana@home.exampleprimary', 'Workdana.lee@northwind.example']);
  await expect(app.getByRole('list', { name: 'Postal addresses' }).getByRole('listitem')).toHaveCount(2);
  await expect(app.locator('.toast')).toBeHidden();
  await screenshots(app, 'contact-detail-channels');

  // The email note: the primary is preselected; pick the work address for this one.
  const note = await server.api<{ id: number }>('notes.create', { kind: 'follow_up', contactId: dana.id, applicationId: application.id, delivery: 'email' });
  await app.goto(`${server.origin}/#/compose/note/${note.id}`);
  const to = app.getByLabel('Email address');
  await expect(to.locator('option:checked')).toHaveText('dana@home.example (home, primary)');
  await to.selectOption({ label: 'dana.lee@northwind.example (work)' });
  const checks = app.getByRole('region', { name: 'Checks' });
  await expect(checks.locator('[data-check="deliverable"]')).toContainText('Goes to dana.lee@northwind.example');
  await screenshots(app, 'composer-pick-email');
  const draft = await server.api<{ mailto: string | null }>('notes.emailDraft', { id: note.id });
  expect(draft.mailto).toMatch(/^mailto:dana\.lee@northwind\.example\?/);

  // The card: the envelope goes to the home address chosen for it.
  const card = await server.api<{ id: number }>('notes.create', { kind: 'follow_up', contactId: dana.id, applicationId: application.id, delivery: 'handwritten' });
  await app.goto(`${server.origin}/#/compose/note/${card.id}`);
  await app.getByLabel('Postal address').selectOption({ label: '9 Elm St, Cambridge, MA 02139 (home)' });
  await expect(app.getByLabel('Postal address').locator('option:checked')).toHaveText('9 Elm St, Cambridge, MA 02139 (home)');
  const [pdf] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Print envelope' }).click()]);
  const text = await pdfToText(fs.readFileSync(await pdf.path()));
  expect(text).toContain('9 Elm St');
  expect(text).not.toContain('Clarendon');
});

test('import a vCard file with a broken card, search, filter, export', async ({ app, server }) => {
  await server.api('system.setNow', { now: NOW });
  await server.api('contacts.create', { name: 'Priya Raman', company: 'Acme Corp', title: 'Staff Engineer', email: 'priya.raman@acme.example', addressLines: '9 Elm St', city: 'Oakland', region: 'CA', postalCode: '94607' });
  await app.goto(server.url + '#/contacts');
  await expect(app.getByRole('list', { name: 'Contacts' }).getByText('Priya Raman')).toBeVisible();

  await app.getByRole('button', { name: 'Import vCard…' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Import contacts from a vCard file' });
  await dialog.getByLabel('vCard file').setInputFiles(`${FIXTURES}/broken-among-good.vcf`);
  const cards = dialog.getByRole('table', { name: 'Cards in the file' });
  await expect(cards.locator('tbody tr')).toHaveCount(7);
  await expect(cards.locator('tr[data-card="1"]')).toContainText('Could not be read: BEGIN:VCARD without END:VCARD');
  await expect(cards.locator('tr[data-card="3"]')).toContainText('not a vCard property');
  await cards.locator('tr[data-card="3"]').getByText('Show the card').click();
  await expect(cards.locator('tr[data-card="3"] pre')).toHaveText('this line was pasted from somewhere else');
  await expect(dialog.getByText('4 cards cannot be imported')).toBeVisible();
  await screenshots(app, 'contacts-import-preview');
  await dialog.getByRole('button', { name: 'Import 3 contacts' }).click();
  await expect(app.getByText('Imported: 3 new contacts, 0 merged, 0 skipped.')).toBeVisible();

  const rows = app.getByRole('list', { name: 'Contacts' });
  await expect(rows.getByRole('link')).toHaveCount(4);

  // A Google export holds Priya again: she is recognised and merged rather than duplicated.
  await app.getByRole('button', { name: 'Import vCard…' }).first().click();
  await dialog.getByLabel('vCard file').setInputFiles(`${FIXTURES}/google-contacts-3.0.vcf`);
  const priyaCard = cards.locator('tr[data-card="0"]');
  await expect(priyaCard).toContainText('already saved Priya Raman (Acme Corp) same email');
  await expect(priyaCard).toContainText('and 1 more email');
  await expect(priyaCard.getByLabel('Import Priya Raman')).toHaveValue('merge');
  await expect(cards.locator('tr[data-card="2"]')).toContainText('used "Sam Lee" from the e-mail address');
  await screenshots(app, 'contacts-import-duplicates');
  await dialog.getByRole('button', { name: 'Import 3 contacts' }).click();
  await expect(app.getByText('Imported: 2 new contacts, 1 merged, 0 skipped.')).toBeVisible();
  await expect(rows.getByRole('link')).toHaveCount(6);
  await expect(rows.getByRole('link', { name: /Chloé Martin/ })).toContainText('No email · needed for email notes');
  const priya = await server.api<{ items: Array<{ phone: string | null }> }>('contacts.list', { search: 'priya' });
  expect(priya.items.map((c) => c.phone)).toEqual(['+1 415-555-0142']);
  await expect(app.locator('.toast')).toBeHidden();
  await screenshots(app, 'contacts-list');

  // Search ignores accents and matches prefixes.
  await app.getByLabel('Search contacts').fill('chloe mart');
  await expect(rows.getByRole('link')).toHaveCount(1);
  await expect(rows.getByRole('link')).toContainText('Chloé Martin');
  await app.getByLabel('Search contacts').fill('');
  await expect(rows.getByRole('link')).toHaveCount(6);

  // Missing postal address: everyone but Priya.
  await app.getByRole('button', { name: 'Missing postal address' }).click();
  await expect(rows.getByRole('link')).toHaveCount(5);
  await expect(rows.getByText('Priya Raman')).toBeHidden();

  // Export the filtered ones; the file parses back to the same people.
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Export these (5) as vCard' }).click()]);
  expect(download.suggestedFilename()).toBe('courtesy-contacts-5.vcf');
  const parsed = parseVCards(fs.readFileSync(await download.path(), 'utf8'));
  expect(parsed.errors).toEqual([]);
  expect(parsed.cards.map((c) => c.contact.name)).toEqual(['Ana Silva', 'Ben Okafor', 'Chloé Martin', "Marcus O'Neil", 'Sam Lee']);
  expect(parsed.cards[1].contact).toMatchObject({ title: 'CTO', emails: [{ value: 'ben@okafor.example' }] });
});

test('pick an existing contact as a person met at an interview; the contact page shows it all; delete keeps notes', async ({ app, server }) => {
  await server.api('system.setNow', { now: NOW });
  await server.api('settings.update', { timeZone: 'America/New_York' });
  const application = await server.api<{ id: number }>('applications.create', { company: 'Acme Corp', role: 'Platform Engineer', stage: 'applied' });
  const priya = await server.api<{ id: number }>('contacts.create', { name: 'Priya Raman', company: 'Acme Corp', title: 'Staff Engineer', metHow: 'KubeCon hallway track' });
  await server.api('contacts.create', { name: 'Priyanka Shah', company: 'Initech', email: 'priyanka@initech.example' });
  const interview = await server.api<{ id: number }>('interviews.create', {
    applicationId: application.id,
    round: 'Onsite',
    kind: 'onsite',
    startAt: NOW - 4 * HOUR,
    endAt: NOW - 2 * HOUR,
    participants: [{ name: 'Sam Ortiz' }],
  });
  await app.goto(server.url + `#/interviews/${interview.id}`);
  const picker = app.getByRole('group', { name: 'Pick an existing contact' });
  await picker.getByLabel('Search your contacts').fill('priya');
  await expect(picker.getByRole('list', { name: 'Matching contacts' }).getByRole('listitem')).toHaveCount(2);
  await picker.scrollIntoViewIfNeeded();
  await screenshots(app, 'interview-pick-contact');
  await picker.getByRole('button', { name: 'Add Priya Raman' }).click();
  const people = app.getByRole('list', { name: 'Participants' });
  await expect(people.getByText('Priya Raman')).toBeVisible();
  await expect(people.getByText('Sam Ortiz')).toBeVisible();
  // Someone already in the interview is not offered again.
  await picker.getByLabel('Search your contacts').fill('priya');
  await expect(picker.getByRole('list', { name: 'Matching contacts' }).getByRole('listitem')).toHaveCount(1);
  await expect(picker.getByText('Priyanka Shah')).toBeVisible();

  // The contact page: missing details flagged, role, interview and the thank-you owed.
  await people.getByRole('link', { name: 'Priya Raman' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Priya Raman/ })).toBeVisible();
  await expect(app.getByRole('form', { name: 'Missing details' }).getByLabel('Email')).toBeFocused();
  await expect(app.getByRole('list', { name: 'Roles on applications' })).toContainText('Interviewer · Acme Corp');
  await expect(app.getByRole('list', { name: 'Interviews' })).toContainText('Acme Corp · Onsite');
  await expect(app.getByRole('table', { name: 'Notes to Priya Raman' })).toContainText('Thank-you');
  await expect(app.getByRole('link', { name: 'Write a note' }).first()).toHaveAttribute('href', `#/compose/contact/${priya.id}`);
  await expect(app.locator('.toast')).toBeHidden();
  await screenshots(app, 'contact-detail');

  // The full editor marks what is missing, too.
  await app.getByRole('button', { name: 'Edit' }).click();
  const edit = app.getByRole('form', { name: 'Edit contact' });
  await expect(edit.getByText('Needed for email notes')).toBeVisible();
  await expect(edit.getByRole('group', { name: /Postal address/ })).toContainText('Needed for handwritten cards');
  await screenshots(app, 'contact-edit');
  await edit.getByRole('button', { name: 'Add a phone' }).click();
  await edit.getByLabel('Phone 1', { exact: true }).fill('+1 510 555 0199');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.getByRole('definition').filter({ hasText: '+1 510 555 0199' })).toBeVisible();

  // Add a role, then remove it.
  await app.getByRole('button', { name: 'Add a role' }).click();
  const addRole = app.getByRole('form', { name: 'Add a role' });
  await addRole.getByLabel('Their role').selectOption('hiring_manager');
  await addRole.getByRole('button', { name: 'Add role' }).click();
  const roles = app.getByRole('list', { name: 'Roles on applications' });
  await expect(roles.getByRole('listitem')).toHaveCount(2);
  await roles.getByRole('button', { name: 'Remove Hiring manager at Acme Corp' }).click();
  await expect(roles.getByRole('listitem')).toHaveCount(1);

  // The vCard of this one person.
  const [vcf] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Export vCard' }).click()]);
  expect(vcf.suggestedFilename()).toBe('priya-raman.vcf');
  expect(parseVCards(fs.readFileSync(await vcf.path(), 'utf8')).cards[0].contact).toMatchObject({
    name: 'Priya Raman',
    org: { name: 'Acme Corp' },
    notes: [],
    app: { metHow: 'KubeCon hallway track' }, // X-COURTESY-MET-HOW, not inside NOTE
  });

  // Deleting says the note is kept, and it is, still addressed to her.
  await app.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete Priya Raman?' });
  await expect(confirm).toContainText('1 note to Priya Raman is kept in your notes log');
  await confirm.getByRole('button', { name: 'Delete contact, keep 1 note' }).click();
  await expect(app.getByRole('heading', { name: 'Contacts' })).toBeVisible();
  await expect(app.getByText('Priya Raman deleted; 1 note kept in your log.')).toBeVisible();
  const notes = await server.api<{ items: Array<{ recipientName: string | null; contactId: number | null }> }>('notes.list', { interviewId: interview.id });
  expect(notes.items.map((n) => [n.recipientName, n.contactId !== null]).sort()).toEqual([
    ['Priya Raman', false],
    ['Sam Ortiz', true],
  ]);
});

test('a long list stays light: only the visible rows are rendered', async ({ app, server }) => {
  const cards = Array.from({ length: 2500 }, (_, i) => ({ contact: { name: `Person ${String(i).padStart(4, '0')}`, email: `p${i}@example.com` }, action: 'create' }));
  await server.api('contacts.importCommit', { cards });
  await app.goto(server.url + '#/contacts');
  const rows = app.getByRole('list', { name: 'Contacts' });
  await expect(app.getByText('Showing 2,000 of 2,500; search to narrow down')).toBeVisible();
  await expect(rows.getByText('Person 0000')).toBeVisible();
  expect(await rows.getByRole('listitem').count()).toBeLessThan(40);
  await app.locator('.contact-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(rows.getByText('Person 1999')).toBeVisible();
  await app.getByLabel('Search contacts').fill('2499');
  await expect(rows.getByRole('link')).toHaveCount(1);
  // A search matching more than 2,000 is counted no further, and says so.
  await app.getByLabel('Search contacts').fill('person');
  await expect(app.getByText('Showing 2,000 of 2,000+; search to narrow down')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Export these (2,000+) as vCard' })).toBeVisible();
});
