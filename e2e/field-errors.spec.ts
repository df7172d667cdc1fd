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

test('a meeting link in the interview’s location is a link, opened outside the app', async ({ app, server }) => {
  await server.api('system.setNow', { now: Date.UTC(2026, 10, 20, 12) });
  const a = await server.api<{ id: number }>('applications.create', { company: 'Northwind Health', role: 'Data Engineer', stage: 'applied' });
  const iv = await server.api<{ id: number }>('interviews.create', {
    applicationId: a.id,
    kind: 'video',
    startAt: Date.UTC(2026, 10, 24, 15),
    endAt: Date.UTC(2026, 10, 24, 16),
    timeZone: 'America/New_York',
    location: 'Zoom: zoom.us/j/123456 (passcode 4.2)',
  });
  await app.goto(`${server.url.split('?')[0]}#/interviews/${iv.id}`);
  const link = app.getByRole('link', { name: 'zoom.us/j/123456' });
  await expect(link).toHaveAttribute('href', 'https://zoom.us/j/123456');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noreferrer noopener');
  await expect(app.getByText('(passcode 4.2)')).toBeVisible();
  await screenshots(app, 'interview-meeting-link');
});
