import { expect, screenshots, test } from './fixtures';

const DAY = 86_400_000;

test('after a rejection: gracious notes for everyone met, and a reconnect reminder on Today when its day comes', async ({ app, server }) => {
  const { now } = await server.api<{ now: number }>('system.info');
  await server.api('settings.update', { profile: { name: 'Alex Kim', signature: 'Alex' }, reconnectDays: 90 });
  const application = await server.api<{ id: number }>('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
  await server.api('interviews.create', {
    applicationId: application.id,
    kind: 'video',
    startAt: now - 3 * DAY,
    endAt: now - 3 * DAY + 3_600_000,
    participants: [{ name: 'Dana Lee' }, { name: 'Sam Ortiz' }],
  });

  // Move it from Interviewing to Rejected with the keyboard (three stages on).
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  const card = () => app.getByRole('button', { name: /Globex.*Platform Engineer/ });
  await expect(app.locator('[data-stage="interviewing"]').getByText('Globex')).toBeVisible();
  for (const stage of ['offer', 'accepted', 'rejected']) {
    await card().focus();
    await app.keyboard.press('Shift+ArrowRight');
    await expect(app.locator(`[data-stage="${stage}"]`).getByText('Globex')).toBeVisible();
  }

  const dialog = app.getByRole('dialog', { name: 'Rejected by Globex' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('A gracious note keeps the door open: no is not forever.')).toBeVisible();
  await expect(dialog.getByLabel(/Dana Lee/)).toBeChecked();
  await expect(dialog.getByLabel(/Sam Ortiz/)).toBeChecked();
  await expect(dialog.getByText('No email address yet: add it before sending.')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Handwritten card' }).click();
  await expect(dialog.getByText('No postal address yet: add it before mailing.')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Email' }).click();
  await expect(dialog.getByLabel('In how many days')).toHaveValue('90');
  await screenshots(app, 'rejection-dialog');

  await dialog.getByRole('button', { name: 'Prepare 2 notes' }).click();
  await expect(dialog.getByText('2 gracious notes drafted.')).toBeVisible();
  await expect(dialog.getByText(/A reminder to reconnect is set for/)).toBeVisible();
  await screenshots(app, 'rejection-done');

  // Both drafts exist, from the after-rejection template.
  const prepared = await server.api<{ contacts: Array<{ name: string; existingNote: { id: number; status: string; delivery: string } | null }> }>(
    'rejections.prepare',
    { applicationId: application.id },
  );
  expect(prepared.contacts.map((c) => [c.name, c.existingNote?.status, c.existingNote?.delivery])).toEqual([
    ['Dana Lee', 'draft', 'email'],
    ['Sam Ortiz', 'draft', 'email'],
  ]);
  await dialog.getByRole('button', { name: 'Open the first note' }).click();
  await expect(dialog).toBeHidden();
  expect(new URL(app.url()).hash).toBe(`#/compose/note/${prepared.contacts[0].existingNote!.id}`);

  // The stage select on the detail page offers it too; people who have a note are not written to twice.
  await app.goto(`${server.origin}/#/applications/${application.id}`);
  await app.getByLabel('Stage').selectOption('withdrawn');
  await expect(app.getByText('Moved to Withdrawn.')).toBeVisible();
  await app.getByLabel('Stage').selectOption('rejected');
  const again = app.getByRole('dialog', { name: 'Rejected by Globex' });
  await expect(again.getByText(/Already has a note/)).toHaveCount(2);
  await expect(again.getByLabel(/Dana Lee/)).toBeDisabled();
  await again.getByRole('button', { name: 'Not now' }).click();
  await expect(again).toBeHidden();

  // Not on Today yet; 90 days later it is.
  await app.goto(`${server.origin}/#/today`);
  await expect(app.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expect(app.getByText('Reconnect with Globex: no is not forever')).toBeHidden();
  await server.api('system.setNow', { now: now + 90 * DAY + 3_600_000 });
  await app.reload();
  await expect(app.getByText('Reconnect with Globex: no is not forever')).toBeVisible();
});
