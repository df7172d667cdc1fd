import { expect, screenshots, test } from './fixtures';

const PDF = Buffer.from('%PDF-1.7\n% Jo Doe, résumé, platform v3\n');

test('attach a résumé by choosing and by dropping, label it, see which applications got it, download it', async ({ app, server }) => {
  const globex = await server.api<{ id: number }>('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
  const initech = await server.api<{ id: number }>('applications.create', { company: 'Initech', role: 'SRE', stage: 'applied' });

  await app.goto(server.url + `#/applications/${globex.id}`);
  const panel = app.getByRole('region', { name: 'Documents' });
  await panel.getByLabel('Attach files').setInputFiles([
    { name: 'Jo Doe CV.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: 'setup.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf') },
  ]);
  // The program named like a PDF is refused with the reason; the résumé is kept, its kind guessed from the name.
  await expect(panel.getByRole('alert')).toHaveText('"setup.pdf" is a program, not a document; it was not kept.');
  const docs = panel.getByRole('list', { name: 'Documents' });
  await expect(docs.getByRole('listitem')).toHaveCount(1);
  await expect(docs.getByLabel('Kind of Jo Doe CV.pdf')).toHaveValue('resume');
  await docs.getByLabel('Version label of Jo Doe CV.pdf').fill('platform v3');
  await docs.getByLabel('Version label of Jo Doe CV.pdf').press('Enter');
  await expect(docs.getByText('Résumé — platform v3')).toBeVisible();
  await screenshots(app, 'documents');

  // Dropped on Initech's page: the same file, stored once, and now "sent with 2 applications".
  await app.goto(server.url + `#/applications/${initech.id}`);
  await expect(panel.getByText(/drop files here/)).toBeVisible();
  const dataTransfer = await app.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'CV.pdf', { type: 'application/pdf' }));
    return dt;
  }, [...PDF]);
  await app.dispatchEvent('main', 'dragover', { dataTransfer });
  await expect(app.getByText('Drop to attach to Initech')).toBeVisible();
  await app.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(docs.getByRole('button', { name: 'Sent with 2 applications' })).toBeVisible();
  await docs.getByRole('button', { name: 'Sent with 2 applications' }).click();
  const usage = app.getByRole('dialog', { name: 'Applications that got CV.pdf' });
  await expect(usage.getByRole('link')).toHaveText(['SRE at Initech', 'Platform Engineer at Globex']);
  await expect(usage.getByText('as Jo Doe CV.pdf (platform v3)', { exact: false })).toBeVisible();
  await usage.getByRole('button', { name: 'Close' }).click();

  // Browser mode cannot open the system viewer: the file downloads, byte for byte.
  const [file] = await Promise.all([app.waitForEvent('download'), docs.getByRole('button', { name: 'CV.pdf', exact: true }).click()]);
  expect(file.suggestedFilename()).toBe('CV.pdf');
  const path = await file.path();
  expect((await import('node:fs')).readFileSync(path)).toEqual(PDF);
});

test('the table names each row\'s documents and opens who got that version; deleting an application says what becomes of its files', async ({ app, server }) => {
  const globex = await server.api<{ id: number }>('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
  const initech = await server.api<{ id: number }>('applications.create', { company: 'Initech', role: 'SRE', stage: 'applied' });
  const add = (applicationId: number, name: string, bytes: Buffer, kind: string, label?: string) =>
    server.api('documents.add', { applicationId, name, base64: bytes.toString('base64'), kind, label });
  await add(globex.id, 'CV.pdf', PDF, 'resume', 'platform v3');
  await add(globex.id, 'letter.txt', Buffer.from('Dear Globex'), 'cover_letter');
  await add(initech.id, 'Jo Doe CV.pdf', PDF, 'resume', 'platform v3');

  await app.goto(server.url + '#/pipeline');
  await app.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
  const table = app.getByRole('table', { name: 'Applications' });
  const globexRow = table.getByRole('row').filter({ hasText: 'Globex' });
  await expect(globexRow.getByRole('button')).toHaveText(['Résumé — platform v3', 'Cover letter']);
  await screenshots(app, 'pipeline-table-documents');
  // One click from the label to every application that got the same file; the row itself does not open.
  await globexRow.getByRole('button', { name: 'Résumé — platform v3' }).click();
  const usage = app.getByRole('dialog', { name: 'Applications that got CV.pdf' });
  await expect(usage.getByRole('link')).toHaveText(['SRE at Initech', 'Platform Engineer at Globex']);
  await expect(app).toHaveURL(/#\/pipeline$/);
  await usage.getByRole('button', { name: 'Close' }).click();

  await app.goto(server.url + `#/applications/${globex.id}`);
  await app.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: 'Delete this application?' });
  await expect(dialog).toContainText('2 documents are attached.');
  await expect(dialog).toContainText('letter.txt was sent with this application only and will be removed with it.');
  await expect(dialog).toContainText('CV.pdf stays with the other applications that got it.');
  await screenshots(app, 'delete-application-documents');
  await dialog.getByRole('button', { name: 'Delete application' }).click();
  await expect(app.locator('.toast').getByText('Application deleted.')).toBeVisible();
  const left = await server.api<{ items: { name: string }[] }>('documents.list', { applicationId: initech.id });
  expect(left.items.map((d) => d.name)).toEqual(['Jo Doe CV.pdf']);
});
