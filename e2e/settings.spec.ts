import { expect, screenshots, test } from './fixtures';

test('profile and preferences save with errors beside fields; back up and restore', async ({ app, server }) => {
  await server.api('applications.create', { company: 'Acme', role: 'Before the backup' });
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const form = app.getByRole('form', { name: 'Settings' });
  await form.getByLabel('Your name').fill('Jordan Avery');
  await form.getByLabel('Thank-you due after (hours)').fill('0');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Thank-you due after must be at least 1 hour.')).toBeVisible();
  // The field in error has focus, and the message is the server's words beside it, not a list of keys.
  await expect(form.getByLabel('Thank-you due after (hours)')).toBeFocused();
  await expect(app.getByText(/Please correct/)).toHaveCount(0);
  const zone = await form.getByLabel('Time zone').inputValue();
  await form.getByLabel('Time zone').fill('Mars/Olympus');
  await form.getByLabel('Card word limit').fill('5');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Time zone is not one Courtesy knows; use a name like Europe/Paris.')).toBeVisible();
  await expect(form.getByText('Card word limit must be at least 10 words.')).toBeVisible();
  await expect(form.getByLabel('Time zone')).toBeFocused();
  await expect(app.getByText(/Please correct/)).toHaveCount(0);
  // A word instead of a number is explained before anything is sent.
  await form.getByLabel('Card word limit').fill('many');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Card word limit must be a whole number of words.')).toBeVisible();
  await form.getByLabel('Time zone').fill(zone);
  await form.getByLabel('Card word limit').fill('80');
  await form.getByLabel('Thank-you due after (hours)').fill('12');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(app.getByText('Settings saved.')).toBeVisible();

  const backups = app.getByRole('region', { name: 'Backups' });
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByRole('list', { name: 'Backup files' }).getByText(/courtesy-manual-/)).toBeVisible();
  await screenshots(app, 'settings');

  await server.api('applications.create', { company: 'Globex', role: 'After the backup' });
  await backups.getByRole('button', { name: 'Restore…' }).click();
  await app.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(app.getByText(/Restored courtesy-manual-/)).toBeVisible();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(app.getByText('Before the backup')).toBeVisible();
  await expect(app.getByText('After the backup')).toBeHidden();
  // Settings saved before the backup come back with it.
  expect((await server.api<{ profile: { name: string | null } }>('settings.get')).profile.name).toBe('Jordan Avery');
});

test('the number of automatic backups kept is set beside the backups, and saving preferences leaves it alone', async ({ app, server }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const keep = app.getByRole('region', { name: 'Backups' }).getByRole('form', { name: 'Automatic backups' });
  const field = keep.getByLabel('Automatic backups to keep');
  await expect(field).toHaveValue('10');
  await field.fill('0');
  await keep.getByRole('button', { name: 'Save' }).click();
  await expect(keep.getByText('Keep at least 1 automatic backup.')).toBeVisible();
  await expect(field).toBeFocused();
  await field.fill('3');
  await keep.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByText('Backup setting saved.')).toBeVisible();
  expect((await server.api<{ keepAutomaticBackups: number }>('settings.get')).keepAutomaticBackups).toBe(3);
  // The preferences form above was loaded with 10: saving it must not put that back.
  const form = app.getByRole('form', { name: 'Settings' });
  await form.getByLabel('Your name').fill('Jordan Avery');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(app.getByText('Settings saved.')).toBeVisible();
  expect((await server.api<{ keepAutomaticBackups: number }>('settings.get')).keepAutomaticBackups).toBe(3);
});

test('a new due-hours setting asks whether open thank-yous move, with their count', async ({ app, server }) => {
  const { now } = await server.api<{ now: number }>('system.info');
  const application = await server.api<{ id: number }>('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
  const end = now + 3_600_000;
  await server.api('interviews.create', { applicationId: application.id, kind: 'video', startAt: now, endAt: end, participants: [{ name: 'Ana' }, { name: 'Bo' }] });
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const form = app.getByRole('form', { name: 'Settings' });
  await form.getByLabel('Thank-you due after (hours)').fill('6');
  await form.getByRole('button', { name: 'Save settings' }).click();
  const ask = app.getByRole('dialog', { name: 'Move open thank-yous?' });
  await expect(ask.getByText('2 open thank-yous have a due time from the old setting. Make them due 6 hours after their interview?')).toBeVisible();
  await ask.getByRole('button', { name: 'Move them' }).click();
  await expect(app.getByText('Settings saved.')).toBeVisible();
  const notes = await server.api<{ items: Array<{ dueAt: number }> }>('notes.list', { applicationId: application.id });
  expect(notes.items.map((n) => n.dueAt)).toEqual([end + 6 * 3_600_000, end + 6 * 3_600_000]);
});
