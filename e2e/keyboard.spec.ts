// A new user with the keyboard only: the first-run checklist, the shortcuts, the palette, dialogs that
// give focus back and ask before throwing typed input away, and the merge-field picker.
import { test, expect, screenshots } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** Presses Tab until `target` has focus (the way a keyboard user gets there), failing after `max` stops. */
async function tabTo(page: Page, target: Locator, max = 60, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`never reached ${target.toString()} with Tab`);
}

const focused = (page: Page) => page.locator(':focus');

test('first run to first interview, by keyboard only', async ({ app, server }) => {
  await server.api('system.setNow', { now: Date.UTC(2026, 10, 24, 15) });
  await app.reload();
  const today = app.getByRole('main');
  const checklist = today.getByRole('region', { name: 'Getting started' });
  await expect(checklist).toBeVisible();
  await expect(today.getByText('All caught up')).toHaveCount(0);
  await expect(checklist.getByRole('listitem')).toHaveCount(3);
  await expect(checklist.getByText('Still missing: your name, a return address, a signature.')).toBeVisible();
  await screenshots(app, 'first-run-checklist');

  // The first Tab stop skips the navigation.
  await app.keyboard.press('Tab');
  await expect(focused(app)).toHaveText('Skip to content');
  await expect(focused(app)).toBeInViewport();
  await app.keyboard.press('Enter');
  await expect(focused(app)).toHaveAttribute('id', 'content');

  // Step 1: the profile.
  await tabTo(app, checklist.getByRole('link', { name: 'Open your profile' }));
  await app.keyboard.press('Enter');
  await expect(app).toHaveURL(/#\/settings$/);
  await tabTo(app, app.getByLabel('Your name'));
  await app.keyboard.type('Maya Chen');
  await tabTo(app, app.getByLabel('Street address (return address)'));
  await app.keyboard.type('12 Rue Oberkampf');
  await tabTo(app, app.getByLabel('City'));
  await app.keyboard.type('Paris');
  await tabTo(app, app.getByLabel('Signature'));
  await app.keyboard.type('Warmly, Maya');
  await tabTo(app, app.getByRole('button', { name: 'Save settings' }));
  await app.keyboard.press('Enter');
  await expect(app.getByText('Settings saved.')).toBeVisible();

  // G then T: back to Today, where step 1 is ticked.
  await app.keyboard.press('Escape');
  await app.locator('body').focus();
  await app.keyboard.press('g');
  await app.keyboard.press('t');
  await expect(app).toHaveURL(/#\/today$/);
  await expect(checklist.getByRole('listitem').first()).toContainText('Set up your profile (done)');

  // Step 2 with N: the new-application dialog opens with focus in its first field.
  await app.keyboard.press('n');
  await expect(app).toHaveURL(/#\/pipeline$/);
  const dialog = app.getByRole('dialog', { name: 'New application' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Company')).toBeFocused();
  // A failed submit puts focus on the first field in error.
  await tabTo(app, dialog.getByRole('button', { name: /Add application|Save|Create/ }));
  await app.keyboard.press('Enter');
  await expect(dialog.getByLabel('Company')).toBeFocused();
  await app.keyboard.type('Globex');
  await app.keyboard.press('Tab');
  await app.keyboard.type('Platform Engineer');
  await app.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(app.getByRole('main').getByText('Globex')).toBeVisible();
});

test('palette, G shortcuts, the ? overlay, dialog focus and the discard question, merge fields', async ({ app, server }) => {
  test.setTimeout(150_000);
  await server.api('system.setNow', { now: Date.UTC(2026, 10, 24, 15) });
  const globex = await server.api<{ id: number }>('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
  await server.api('applications.create', { company: 'Initech', role: 'Data Engineer' });
  const dana = await server.api<{ id: number }>('contacts.create', { name: 'Dana Lee', email: 'dana.lee@globex.example' });
  await app.reload();
  await app.locator('body').focus();

  // Ctrl+K: an application by name.
  // Typed straight after the shortcut, without waiting for the field: no letter may be lost on the way.
  await app.keyboard.press('Control+k');
  await app.keyboard.type('glob');
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  const input = palette.getByRole('combobox');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('glob');
  const option = palette.getByRole('option', { name: /Globex — Platform Engineer/ });
  await expect(option).toBeVisible();
  // The first option is active; arrows move aria-activedescendant without leaving the field.
  await expect(palette.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await screenshots(app, 'command-palette');
  await app.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(app).toHaveURL(new RegExp(`#/applications/${globex.id}$`));

  // A contact, then a screen, with the arrow keys.
  await app.keyboard.press('Control+k');
  await app.keyboard.type('dana');
  await expect(palette.getByRole('option', { name: /Dana Lee/ })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app).toHaveURL(new RegExp(`#/contacts/${dana.id}$`));
  await app.keyboard.press('Control+k');
  await app.keyboard.type('s');
  const options = palette.getByRole('option');
  const stationery = palette.getByRole('option', { name: 'Stationery' });
  for (let i = 0; i < 20 && (await stationery.getAttribute('aria-selected')) !== 'true'; i++) await app.keyboard.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', (await stationery.getAttribute('id'))!);
  await expect(input).toBeFocused();
  expect(await options.count()).toBeGreaterThan(1);
  await app.keyboard.press('Enter');
  await expect(app).toHaveURL(/#\/stationery$/);
  // Esc closes it and gives focus back.
  await app.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  // The shortcut and the letters in one task, before the palette can even render: the worst case of a quick
  // typist. The letters land in the field; none is taken as a shortcut (G then O would go to Offers).
  const urlBefore = app.url();
  await app.evaluate(() => {
    const key = (k: string, ctrlKey = false) => (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: k, ctrlKey, bubbles: true, cancelable: true }));
    key('k', true);
    for (const k of 'glob') key(k);
  });
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('glob');
  expect(app.url()).toBe(urlBefore);
  await app.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);

  // G then a letter; a G that waits too long or meets another key does nothing.
  await app.keyboard.press('g');
  await app.keyboard.press('c');
  await expect(app).toHaveURL(/#\/contacts$/);
  await app.keyboard.press('g');
  await app.keyboard.press('p');
  await expect(app).toHaveURL(/#\/pipeline$/);
  // `/` searches the current screen; typing there is never a shortcut.
  await app.keyboard.press('/');
  const search = app.getByRole('searchbox', { name: 'Search applications' });
  await expect(search).toBeFocused();
  await app.keyboard.type('gn');
  await expect(search).toHaveValue('gn');
  await expect(app).toHaveURL(/#\/pipeline$/);
  await expect(app.getByRole('dialog')).toHaveCount(0);
  await app.keyboard.press('Control+a');
  await app.keyboard.press('Delete');

  // Focus rings are not clipped: the Board/Table toggle and a card's top edge (screenshots to look at).
  await tabTo(app, app.getByRole('button', { name: 'Table', exact: true }));
  await screenshots(app, 'focus-ring-toggle');
  await tabTo(app, app.getByRole('button', { name: /Globex/ }).first());
  await screenshots(app, 'focus-ring-card');

  // ?: the overlay lists the shortcuts from the shared table.
  await app.locator('body').focus();
  await app.keyboard.press('?');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Command palette/ })).toContainText('Ctrl+K');
  await expect(help.getByRole('row', { name: /Pipeline/ })).toContainText(/G\s*then\s*P/);
  await screenshots(app, 'shortcuts-overlay');
  await app.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  // Dialogs: focus in the first field, back on the opener when closed; typed input is not thrown away unasked.
  await app.keyboard.press('Control+k');
  await app.keyboard.type('globex');
  await expect(palette.getByRole('combobox')).toHaveValue('globex');
  await expect(palette.getByRole('option', { name: /Globex — Platform Engineer/ })).toBeVisible();
  await palette.getByRole('option', { name: /Globex — Platform Engineer/ }).press('Enter').catch(() => app.keyboard.press('Enter'));
  await expect(app).toHaveURL(new RegExp(`#/applications/${globex.id}$`));
  const schedule = app.getByRole('button', { name: 'Schedule interview' });
  await tabTo(app, schedule);
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Schedule interview' });
  await expect(dialog.locator('input, select, textarea').first()).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(schedule).toBeFocused();

  await app.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await app.keyboard.type('Final round');
  await app.keyboard.press('Escape');
  const ask = app.getByRole('dialog', { name: 'Discard what you typed?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await screenshots(app, 'dialog-discard-question');
  await app.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('input, select, textarea').first()).toHaveValue('Final round');
  await tabTo(app, dialog.getByRole('button', { name: 'Close' }));
  await app.keyboard.press('Enter');
  await expect(ask).toBeVisible();
  await tabTo(app, ask.getByRole('button', { name: 'Discard' }));
  await app.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(schedule).toBeFocused();

  // The merge-field picker: arrows browse, Enter inserts, Esc closes without inserting.
  const start = Date.UTC(2026, 10, 24, 12);
  await server.api('interviews.create', { applicationId: globex.id, kind: 'video', startAt: start, endAt: start + 3_600_000, timeZone: 'UTC', participants: [{ contactId: dana.id }] });
  const note = (await server.api<{ items: { id: number }[] }>('notes.list', { contactId: dana.id })).items[0];
  await app.goto(`${server.origin}/#/compose/note/${note.id}`);
  const body = app.getByRole('textbox', { name: 'Message' });
  await expect(body).toBeVisible();
  await body.focus();
  await app.keyboard.press('Control+End');
  const before = await body.inputValue();
  // The picker sits above the text: Shift+Tab back to it.
  const pick = app.getByRole('button', { name: 'Insert a merge field…' });
  await tabTo(app, pick, 20, 'Shift+Tab');
  await app.keyboard.press('Enter');
  const list = app.getByRole('listbox', { name: 'Insert a merge field' });
  await expect(list).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowUp');
  // Letters in the list are the list's: N is no new application here.
  await app.keyboard.press('n');
  await expect(app).toHaveURL(/#\/compose\//);
  await expect(body).toHaveValue(before);
  await app.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(body).toBeFocused();
  await expect(body).toHaveValue(before);
  await tabTo(app, pick, 20, 'Shift+Tab');
  await app.keyboard.press('Enter');
  await expect(list).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(body).toBeFocused();
  expect((await body.inputValue()).length).toBeGreaterThan(before.length);
});
