import { expect, screenshots, test } from './fixtures';

const HOUR = 3_600_000;

test('insights show thank-yous sent, on time, and outcomes side by side', async ({ app, server }) => {
  const t0 = Date.UTC(2026, 10, 2, 15);
  await server.api('system.setNow', { now: t0 });
  const a = await server.api<{ id: number }>('applications.create', { company: 'Acme', role: 'Engineer', stage: 'applied' });
  const iv = await server.api<{ participants: Array<{ thankYouNoteId: number }> }>('interviews.create', {
    applicationId: a.id,
    kind: 'video',
    startAt: t0,
    endAt: t0 + HOUR,
    participants: [{ name: 'Ana Gomez', email: 'ana@acme.example' }],
  });
  await server.api('system.setNow', { now: t0 + 3 * HOUR });
  const noteId = iv.participants[0].thankYouNoteId;
  await server.api('notes.update', { id: noteId, revision: (await server.api<{ revision: number }>('notes.get', { id: noteId })).revision, subject: 'Thank you', body: 'Dear Ana, thank you for walking me through the billing migration. Best, Jo' });
  await server.api('notes.markSent', { id: noteId });
  await server.api('applications.moveStage', { id: a.id, stage: 'offer' });

  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  const thanked = app.getByRole('region', { name: 'Thank-yous' });
  await expect(thanked.getByText('100%')).toBeVisible();
  await expect(thanked.getByText('1 of 1 ended interviews.')).toBeVisible();
  await expect(app.getByRole('region', { name: 'On time' }).getByText('1 of 1 went out by their due time.')).toBeVisible();
  await expect(app.getByRole('region', { name: 'Delivery' }).getByText('1 by email · 0 handwritten')).toBeVisible();
  const outcomes = app.getByRole('region', { name: 'Outcomes' });
  await expect(outcomes.getByRole('row', { name: /Everyone met got a thank-you 1 1/ })).toBeVisible();
  await screenshots(app, 'insights');
});
