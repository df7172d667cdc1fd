// The composer's merge-field picker: arrow keys browse and show the sentence as it will read, only Enter or
// a click inserts, Esc closes and gives the cursor back to the text.
import { expect, screenshots, seedTwoPersonInterview, test } from './fixtures';

test('merge fields: browse with a preview of the sentence, Enter inserts, Esc leaves the text alone', async ({ app, server }) => {
  // Dana's part starts with Priya's name: it keeps its capital mid-sentence.
  const { danaNote: note } = await seedTwoPersonInterview(server, { talkedAbout: 'Priya rebuilt the billing pipeline last spring.' });

  await app.goto(`${server.origin}/#/compose/note/${note.id}`);
  const body = app.getByRole('textbox', { name: 'Message' });
  const text = 'Dear Dana,\n\nI enjoyed hearing how \n\nBest regards,\nJordan';
  await body.fill(text);
  const at = text.indexOf('how ') + 4;
  await body.evaluate((el: HTMLTextAreaElement, i: number) => el.setSelectionRange(i, i), at);

  const button = app.getByRole('button', { name: 'Insert a merge field' });
  await button.click();
  const list = app.getByRole('listbox', { name: 'Insert a merge field' });
  await expect(list).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  // Browsing never inserts: the preview shows the sentence, the text stays as it was.
  const talked = list.getByRole('option', { name: /What they talked about/ });
  for (let i = 0; i < 20 && (await talked.getAttribute('aria-selected')) !== 'true'; i++) await list.press('ArrowDown');
  await expect(talked).toHaveAttribute('aria-selected', 'true');
  await expect(app.locator('.merge-picker-preview')).toContainText('Will read: I enjoyed hearing how Priya rebuilt the billing pipeline last spring');
  await expect(body).toHaveValue(text);
  await screenshots(app, 'composer-merge-picker');

  // Esc: closed, the cursor back where it was, nothing inserted.
  await list.press('Escape');
  await expect(list).toBeHidden();
  await expect(body).toBeFocused();
  await expect(body).toHaveValue(text);
  expect(await body.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(at);

  // Enter inserts the fitted value at the cursor.
  await button.click();
  await list.press('End');
  await list.press('ArrowUp');
  await list.press('ArrowUp');
  await expect(talked).toHaveAttribute('aria-selected', 'true');
  await list.press('Enter');
  await expect(list).toBeHidden();
  await expect(body).toHaveValue('Dear Dana,\n\nI enjoyed hearing how Priya rebuilt the billing pipeline last spring\n\nBest regards,\nJordan');
  await expect(body).toBeFocused();

  // A field with no value yet says so, and a click inserts it as a field to fill in.
  await body.press('Control+End');
  await button.click();
  const title = list.getByRole('option', { name: /Job title/ });
  await title.hover();
  await expect(app.locator('.merge-picker-preview')).toContainText('Not known yet: inserts {{contact.title}} for you to fill in.');
  await title.click();
  await expect(body).toHaveValue(/Jordan\{\{contact\.title\}\}$/);
  await expect(app.getByLabel('Unfilled fields')).toContainText('{{contact.title}}');
});
