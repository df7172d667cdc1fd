// A new user with the keyboard only: the first-run checklist, the shortcuts, the palette, dialogs that
// give focus back and ask before throwing typed input away, and the merge-field picker.
import { test, expect, screenshots } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** Presses Tab until `target` has focus (the way a keyboard user gets there), failing after `max` stops. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
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
