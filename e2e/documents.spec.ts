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
