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
