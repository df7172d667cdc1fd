import { expect, screenshots, test } from './fixtures';

test('profile and preferences save with errors beside fields; back up and restore', async ({ app, server }) => {
  await server.api('applications.create', { company: 'Acme', role: 'Before the backup' });
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const form = app.getByRole('form', { name: 'Settings' });
  await form.getByLabel('Your name').fill('Jordan Avery');
  await form.getByLabel('Thank-you due after (hours)').fill('0');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('At least 1 hour.')).toBeVisible();
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
