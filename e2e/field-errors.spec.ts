import { expect, screenshots, test } from './fixtures';

test('a subject too long is refused beside the Subject field, in words, with its limit', async ({ app, server }) => {
  const a = await server.api<{ id: number }>('applications.create', { company: 'Northwind Health', role: 'Data Engineer', stage: 'applied' });
  const c = await server.api<{ id: number }>('contacts.create', { name: 'Dana Lee', email: 'dana.lee@northwind.example' });
  const n = await server.api<{ id: number }>('notes.create', { kind: 'follow_up', contactId: c.id, applicationId: a.id });
  await app.goto(`${server.url.split('?')[0]}#/compose/note/${n.id}`);
  const subject = app.getByLabel('Subject');
  await subject.fill('x'.repeat(10_000));
  // The autosave is refused: the message is beside the field, the field is marked, the save state says why.
  const error = app.locator('.field-error', { hasText: 'Subject can be at most 300 characters.' });
  await expect(error).toBeVisible();
  await expect(subject).toHaveAttribute('aria-invalid', 'true');
  await expect(subject).toHaveAccessibleDescription('Subject can be at most 300 characters.');
  await expect(app.getByText(/Please correct/)).toHaveCount(0);
  await expect(app.getByLabel('Message')).not.toHaveAttribute('aria-invalid', 'true');
  await screenshots(app, 'composer-subject-error');
  // Shortening it saves, and the message goes.
  await subject.fill('Following up');
  await expect(error).toHaveCount(0);
  await expect(app.getByText('Saved', { exact: true })).toBeVisible();
});
