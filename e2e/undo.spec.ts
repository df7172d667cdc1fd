import { expect, screenshots, test } from './fixtures';

test('delete an application from the keyboard, then Undo (Ctrl+Z): it is back with its history', async ({ app, server }) => {
  const t0 = Date.UTC(2026, 10, 2, 14);
  await server.api('system.setNow', { now: t0 });
  const a = await server.api<{ id: number }>('applications.create', { company: 'Northwind Traders', role: 'Data Engineer', stage: 'applied' });
  await server.api('system.setNow', { now: t0 + 86_400_000 });
  await server.api('applications.moveStage', { id: a.id, stage: 'screening', note: 'Recruiter call booked' });
  const before = await server.api('applications.get', { id: a.id });

  await app.goto(`${server.url.split('?')[0]}#/applications/${a.id}`);
  const timeline = app.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByText('Applied → Screening')).toBeVisible();

  // Keyboard: Enter on Delete, then Enter on the confirmation's button (where the dialog puts focus is
  // another part of this work, so the test focuses it itself).
  await app.getByRole('button', { name: 'Delete', exact: true }).focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Delete this application?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete application' }).focus();
  await app.keyboard.press('Enter');

  // The toast in the app's live region (the pipeline has its own status region for moves).
  const toast = app.locator('.toast');
  await expect(toast.getByText('Application deleted.')).toBeVisible();
  await expect(toast.getByRole('button', { name: /Undo/ })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Pipeline' })).toBeVisible();
  await screenshots(app, 'undo-toast');
  await app.keyboard.press('Control+z');
  await expect(toast).toContainText('Undone: deleted Data Engineer at Northwind Traders.');
  await expect(app.getByRole('button', { name: /Northwind Traders.*Data Engineer/ })).toBeVisible();
  expect(await server.api('applications.get', { id: a.id })).toEqual(before);

  // The Undo button itself takes focus and Enter.
  await app.getByRole('button', { name: /Northwind Traders.*Data Engineer/ }).click();
  await app.getByRole('button', { name: 'Archive' }).click();
  await expect(toast.getByText('Archived.')).toBeVisible();
  const undo = toast.getByRole('button', { name: /Undo/ });
  await undo.focus();
  await app.keyboard.press('Enter');
  await expect(toast).toContainText('Undone: archived Data Engineer at Northwind Traders.');
  await expect(app.getByRole('button', { name: 'Archive' })).toBeVisible();
  expect(await server.api('applications.get', { id: a.id })).toEqual(before);
});

test('delete a note and a reminder, then Undo: each is back as it was', async ({ app, server }) => {
  const t0 = Date.UTC(2026, 10, 2, 14);
  await server.api('system.setNow', { now: t0 });
  const a = await server.api<{ id: number }>('applications.create', { company: 'Northwind Traders', role: 'Data Engineer', stage: 'applied' });
  const dana = await server.api<{ id: number }>('contacts.create', { name: 'Dana Lee', company: 'Northwind Traders', email: 'dana.lee@northwind.example' });
  const draft = await server.api<{ id: number }>('notes.create', { kind: 'follow_up', contactId: dana.id, applicationId: a.id, delivery: 'handwritten' });
  const sent = await server.api<{ id: number }>('notes.create', { kind: 'follow_up', contactId: dana.id, applicationId: a.id, delivery: 'email' });
  await server.api('notes.markSent', { id: sent.id });
  const sentBefore = await server.api('notes.get', { id: sent.id });
  const reminder = await server.api<{ id: number }>('reminders.create', { title: 'Call Dana about the team', dueAt: t0 + 3_600_000, applicationId: a.id, contactId: dana.id });

  await app.goto(`${server.url.split('?')[0]}#/contacts/${dana.id}`);
  const log = app.getByRole('table', { name: 'Notes to Dana Lee' });
  await expect(log.getByRole('row')).toHaveCount(3);
  await screenshots(app, 'notes-log-delete');
  const toast = app.locator('.toast');

  // A draft goes at once, with Undo.
  await log.getByRole('button', { name: 'Delete the card to Dana Lee' }).click();
  await expect(toast.getByText('Deleted the card to Dana Lee.')).toBeVisible();
  await expect(log.getByRole('row')).toHaveCount(2);
  await toast.getByRole('button', { name: /Undo/ }).click();
  await expect(toast).toContainText('Undone');
  await expect(log.getByRole('row')).toHaveCount(3);
  expect((await server.api<{ id: number }>('notes.get', { id: draft.id })).id).toBe(draft.id);

  // A sent email is part of the record: it asks first (Cancel is the safe answer), then Ctrl+Z puts it back.
  await log.getByRole('button', { name: 'Delete the email to Dana Lee' }).click();
  const dialog = app.getByRole('dialog', { name: 'Delete this email?' });
  await expect(dialog).toContainText('was sent');
  await screenshots(app, 'note-delete-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(log.getByRole('row')).toHaveCount(3);
  await log.getByRole('button', { name: 'Delete the email to Dana Lee' }).click();
  await dialog.getByRole('button', { name: 'Delete note' }).click();
  await expect(toast.getByText('Deleted the email to Dana Lee.')).toBeVisible();
  await expect(log.getByRole('row')).toHaveCount(2);
  await app.keyboard.press('Control+z');
  await expect(toast).toContainText('Undone');
  await expect(log.getByRole('row')).toHaveCount(3);
  expect(await server.api('notes.get', { id: sent.id })).toEqual(sentBefore);

  // A reminder on Today.
  const reminderBefore = (await server.api<{ items: unknown[] }>('reminders.list', {})).items;
  await app.goto(`${server.url.split('?')[0]}#/`);
  const reminders = app.getByRole('region', { name: 'Reminders', exact: true });
  await expect(reminders.getByText('Call Dana about the team')).toBeVisible();
  await reminders.getByRole('button', { name: 'Delete reminder: Call Dana about the team' }).click();
  await expect(toast.getByText('Reminder deleted.')).toBeVisible();
  await expect(reminders.getByText('Call Dana about the team')).toHaveCount(0);
  await toast.getByRole('button', { name: /Undo/ }).click();
  await expect(app.getByRole('region', { name: 'Reminders', exact: true }).getByText('Call Dana about the team')).toBeVisible();
  expect((await server.api<{ items: { id: number }[] }>('reminders.list', {})).items).toEqual(reminderBefore);
  expect(reminderBefore.map((r) => (r as { id: number }).id)).toEqual([reminder.id]);
});
