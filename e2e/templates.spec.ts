import { expect, screenshots, test } from './fixtures';

const HOUR = 3_600_000;
const ZONE = 'America/New_York';

test('templates: add one from Settings, preview it, use it in the composer, save a note as one, delete your own', async ({ app, server }) => {
  const start = Date.UTC(2026, 10, 24, 15);
  await server.api('system.setNow', { now: start + 3 * HOUR });
  await server.api('settings.update', { timeZone: ZONE, profile: { name: 'Jordan Avery', signature: 'Jordan Avery' } });
  const application = await server.api<{ id: number }>('applications.create', { company: 'Northwind Health', role: 'Senior Data Engineer', stage: 'interviewing' });
  const dana = await server.api<{ id: number }>('contacts.create', { name: 'Dana Lee', company: 'Northwind Health', email: 'dana.lee@northwind.example' });
  const iv = await server.api<{ id: number }>('interviews.create', {
    applicationId: application.id,
    kind: 'video',
    startAt: start,
    endAt: start + HOUR,
    timeZone: ZONE,
    participants: [{ contactId: dana.id }],
  });
  await server.api('interviews.update', { id: iv.id, challenge: 'Migrating 400 Airflow DAGs to dbt', talkedAbout: [{ contactId: dana.id, text: 'on-call burnout' }] });
  const note = await server.api<{ id: number }>('notes.create', { kind: 'follow_up', contactId: dana.id, applicationId: application.id, interviewId: iv.id, delivery: 'email' });

  // Settings → Templates.
  await app.reload();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('region', { name: 'Templates' }).getByRole('link', { name: 'Manage templates' }).click();
  await expect(app.getByRole('heading', { name: 'Templates', level: 1 })).toBeVisible();
  const list = app.getByRole('navigation', { name: 'Templates' });
  await expect(list.getByRole('button', { name: /Thank-you email after an interview/ })).toContainText('Built-in');

  // A new template: an empty text is refused, with the error beside the text.
  await app.getByRole('button', { name: 'New template' }).click();
  const form = app.getByRole('form', { name: 'Template' });
  await expect(form.getByRole('heading', { name: 'New template' })).toBeVisible();
  await form.getByLabel('Kind').selectOption('follow_up');
  await form.getByLabel('Delivery').selectOption('email');
  await form.getByLabel('Name').fill('Follow-up on the migration');
  await form.getByLabel('Subject', { exact: true }).fill('One more thought on {{interview.challenge}}');
  await form.getByRole('button', { name: 'Add template' }).click();
  const body = form.getByRole('textbox', { name: 'Message' });
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await expect(body).toHaveAccessibleDescription('Write the template text.');

  // Merge fields go in at the cursor; the preview fills them from a sample interview and marks what stays unfilled.
  await body.fill('Dear ,\n\nSince we spoke about {{interview.chalenge}}, I have a question: {{your question}}\n\nBest regards,\n');
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 5));
  await form.getByLabel('Insert a merge field').selectOption('contact.firstName');
  await expect(body).toHaveValue(/^Dear \{\{contact\.firstName\}\},/);
  await body.press('End');
  await body.press('Control+End');
  await form.getByLabel('Insert a merge field').selectOption('profile.signature');
  await expect(body).toHaveValue(/Best regards,\n\{\{profile\.signature\}\}$/);
  const preview = form.getByRole('region', { name: 'Preview' });
  await expect(preview.getByLabel('Text preview')).toContainText('Dear Dana,');
  await expect(preview.getByLabel('Text preview')).toContainText('Jordan Avery');
  await expect(preview.getByLabel('Subject preview')).toContainText('One more thought on moving 400 legacy Airflow jobs');
  await expect(preview.locator('.preview-body mark.hl-field')).toHaveText(['{{interview.chalenge}}', '{{your question}}']);
  await expect(preview.getByText(/Not a merge field, so never filled in: \{\{interview\.chalenge\}\}/)).toBeVisible();
  await body.fill((await body.inputValue()).replace('{{interview.chalenge}}', '{{interview.challenge}}'));
  await expect(preview.locator('.preview-body mark.hl-field')).toHaveText(['{{your question}}']);
  await expect(preview.getByText(/Not a merge field/)).toBeHidden();
  await expect(preview.getByLabel('Unfilled in the preview')).toContainText('Left for you to write in each note: {{your question}}');
  await form.getByRole('button', { name: 'Add template' }).click();
  await expect(app.getByText('Added “Follow-up on the migration”.')).toBeVisible();
  await expect(list.getByRole('button', { name: 'Follow-up on the migration' })).toHaveAttribute('aria-current', 'true');
  await expect(form.getByRole('button', { name: 'Delete…' })).toBeVisible();
  await screenshots(app, 'templates');

  // In the composer: pick it for a note; the fields are filled from this interview.
  await app.goto(`${server.origin}/#/compose/note/${note.id}`);
  const message = app.getByRole('textbox', { name: 'Message' });
  await expect(message).toHaveValue(/^Dear Dana,/);
  await app.getByLabel('Template', { exact: true }).selectOption({ label: 'Follow-up on the migration' });
  await expect(message).toHaveValue(/^Dear Dana,\n\nSince we spoke about migrating 400 Airflow DAGs to dbt, I have a question: \{\{your question\}\}/);
  await expect(app.getByRole('textbox', { name: 'Subject' })).toHaveValue('One more thought on migrating 400 Airflow DAGs to dbt');
  await expect(app.locator('.hl-backdrop mark.hl-field')).toHaveText(['{{your question}}']);
  await screenshots(app, 'composer-template-links');

  // Save the written note as a template: the greeting name becomes a field, the rest stays as written.
  await message.fill('Dear Dana,\n\nThank you again, Dana. Could we talk about the cutover plan?\n\nBest regards,\nJordan Avery');
  await app.getByRole('button', { name: 'Save as template…' }).click();
  const save = app.getByRole('dialog', { name: 'Save as template' });
  await expect(save.getByRole('list', { name: 'Replaced' })).toContainText('In the greeting, “Dana” becomes {{contact.firstName}}');
  await expect(save).toContainText('“Dana” appears once more in the subject or text');
  await expect(save.getByLabel('Template text')).toContainText('Dear {{contact.firstName}},');
  await expect(save.locator('mark.hl-field')).toHaveText(['{{contact.firstName}}']);
  await save.getByRole('button', { name: 'Save template' }).click();
  await expect(save.getByRole('textbox', { name: 'Template name' })).toHaveAccessibleDescription('Name is required.');
  await screenshots(app, 'composer-save-template');
  await save.getByLabel('Template name').fill('Cutover follow-up');
  await save.getByRole('button', { name: 'Save template' }).click();
  const done = app.getByRole('dialog', { name: 'Saved as a template' });
  await expect(done).toContainText('“Cutover follow-up” is in the template picker under Follow-up · email.');
  await done.getByRole('link', { name: 'Edit it in Templates' }).click();
  await expect(list.getByRole('button', { name: 'Cutover follow-up' })).toHaveAttribute('aria-current', 'true');
  await expect(form.getByLabel('Kind')).toHaveValue('follow_up');
  await expect(form.getByRole('textbox', { name: 'Message' })).toHaveValue('Dear {{contact.firstName}},\n\nThank you again, Dana. Could we talk about the cutover plan?\n\nBest regards,\nJordan Avery');
  await expect(form.getByLabel('Subject', { exact: true })).toHaveValue('One more thought on migrating 400 Airflow DAGs to dbt');

  // Unsaved edits are not dropped silently when another template is opened.
  await form.getByLabel('Name').fill('Cutover follow-up, shorter');
  await list.getByRole('button', { name: 'Follow-up on the migration' }).click();
  const discard = app.getByRole('dialog', { name: 'Discard your changes?' });
  await discard.getByRole('button', { name: 'Cancel' }).click();
  await expect(form.getByLabel('Name')).toHaveValue('Cutover follow-up, shorter');
  await form.getByRole('button', { name: 'Undo changes' }).click();

  // Delete your own, after confirming.
  await form.getByRole('button', { name: 'Delete…' }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete this template?' });
  await expect(confirm).toContainText('Notes you already wrote from it keep their text.');
  await confirm.getByRole('button', { name: 'Delete template' }).click();
  await expect(app.getByText('Deleted “Cutover follow-up”.')).toBeVisible();
  await expect(list.getByRole('button', { name: 'Cutover follow-up' })).toHaveCount(0);

  // A built-in can be edited and duplicated, but not deleted.
  await list.getByRole('button', { name: /Short handwritten card/ }).click();
  await expect(form.getByRole('heading', { name: 'Short handwritten card' })).toBeVisible();
  await expect(form.getByRole('button', { name: /Delete/ })).toHaveCount(0);
  await expect(form.getByText('Built-in templates can be edited but not deleted.')).toBeVisible();
  await expect(form.getByLabel('Kind')).toBeDisabled();
  await expect(form.getByLabel('Name')).toBeDisabled();
  await expect(form.getByLabel('Subject', { exact: true })).toHaveCount(0);
  const builtIn = (await server.api<{ items: Array<{ id: number; name: string }> }>('templates.list', {})).items.find((t) => t.name === 'Short handwritten card')!;
  await expect(server.api('templates.delete', { id: builtIn.id })).rejects.toThrow('Built-in templates can be edited but not deleted.');
  await screenshots(app, 'templates-built-in');
  const cardText = form.getByRole('textbox', { name: 'Card text' });
  await cardText.fill((await cardText.inputValue()).replace('I hope to continue the conversation soon.', 'I look forward to hearing from you.'));
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.getByText('Saved “Short handwritten card”.')).toBeVisible();

  await form.getByRole('button', { name: 'Duplicate' }).click();
  await expect(form.getByRole('heading', { name: 'Copy of “Short handwritten card”' })).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue('Short handwritten card (copy)');
  await expect(form.getByLabel('Kind')).toBeEnabled();
  await form.getByLabel('Name').fill('Card for a recruiter');
  await form.getByRole('button', { name: 'Add template' }).click();
  await expect(list.getByRole('button', { name: 'Card for a recruiter' })).toHaveAttribute('aria-current', 'true');
  await expect(list.getByRole('button', { name: 'Card for a recruiter' })).not.toContainText('Built-in');
  const items = (await server.api<{ items: Array<{ name: string; delivery: string; builtIn: boolean; body: string }> }>('templates.list', {})).items;
  expect(items.find((t) => t.name === 'Card for a recruiter')).toMatchObject({ delivery: 'handwritten', builtIn: false, body: items.find((t) => t.name === 'Short handwritten card')!.body });

  // The reworded built-in goes back to its original words.
  await list.getByRole('button', { name: /Short handwritten card/ }).click();
  await form.getByRole('button', { name: 'Reset to original' }).click();
  await expect(app.getByText('“Short handwritten card” is back to its original words.')).toBeVisible();
  await expect(form.getByLabel('Card text')).toHaveValue(/Thank you for our conversation about \{\{participant\.talkedAbout\}\}/);
});
