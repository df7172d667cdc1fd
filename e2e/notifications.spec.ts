// Desktop notices in the real browser with the notification permission granted. window.Notification is
// wrapped (calling through to the real one) so the spec can read what was shown and click it.
import { expect, screenshots, seedTwoPersonInterview, test, type Server } from './fixtures';
import type { Page } from '@playwright/test';

const HOUR = 3_600_000;
/** seedTwoPersonInterview: the interview ends at 16:00 UTC on Nov 24; thank-yous are due a day later. */
const DUE = Date.UTC(2026, 10, 25, 16);

declare global {
  interface Window {
    __notices: Array<{ title: string; body: string; n: Notification }>;
  }
}

function recordNotices() {
  const Real = window.Notification;
  window.__notices = [];
  class Recorded extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      window.__notices.push({ title, body: options?.body ?? '', n: this });
    }
  }
  window.Notification = Recorded as typeof Notification;
}

const notices = (page: Page) => page.evaluate(() => window.__notices.map(({ title, body }) => ({ title, body })));

/** Loads a screen and waits for the first poll's answer (and, when it had items, the claim). */
async function open(page: Page, server: Server, hash: string) {
  const polled = page.waitForResponse((r) => r.url().endsWith('/api/notifications.pending'));
  await page.goto(server.url + hash);
  return (await (await polled).json()) as { data: { items: unknown[] } };
}

test.describe('with notices allowed', () => {
  test.use({ permissions: ['notifications'] });

  test('a thank-you due soon rings once, and a click opens its composer', async ({ app, server }) => {
    await app.addInitScript(recordNotices);
    const { danaNote } = await seedTwoPersonInterview(server);
    await server.api('system.setNow', { now: DUE - HOUR });
    // Off until the person says yes: Today offers them while notes are due.
    await app.goto(server.url + '#/today');
    const offer = app.getByRole('region', { name: 'Get a desktop notice when a thank-you is due?' });
    await offer.getByRole('button', { name: 'Turn on' }).click();
    await expect(app.getByText('Desktop notices are on. You can turn them off in Settings.')).toBeVisible();
    await expect(offer).toHaveCount(0);
    await expect.poll(() => notices(app)).toHaveLength(2);
    expect(await notices(app)).toContainEqual({
      title: 'Thank-you due in 1 hour',
      body: 'To Dana Lee at Northwind Health (Data Engineer). Write it now, while the conversation is fresh.',
    });

    await app.evaluate(() => window.__notices.find((x) => x.body.startsWith('To Dana Lee'))!.n.dispatchEvent(new Event('click')));
    await expect(app).toHaveURL(new RegExp(`#/compose/note/${danaNote.id}$`));
    await expect(app.getByRole('textbox', { name: 'Message' })).toBeVisible();

    // A reload (and a restart of the app) finds nothing new to show.
    const again = await open(app, server, '#/today');
    expect(again.data.items).toEqual([]);
    await server.restart();
    expect((await open(app, server, '#/today')).data.items).toEqual([]);
    expect(await notices(app)).toEqual([]);

    // Overdue is a new event: one notice each, once.
    await server.api('system.setNow', { now: DUE + 2 * HOUR });
    await open(app, server, '#/today');
    await expect.poll(() => notices(app)).toHaveLength(2);
    expect((await notices(app)).map((x) => x.title)).toEqual(['Thank-you overdue', 'Thank-you overdue']);
  });

  test('a reminder come due opens on Today; the Settings switch turns notices off and on', async ({ app, server }) => {
    await app.addInitScript(recordNotices);
    const T = Date.UTC(2026, 10, 24, 15);
    await server.api('system.setNow', { now: T });
    const r = await server.api<{ id: number }>('reminders.create', { title: 'Ask Sam about the offsite', dueAt: T + HOUR });

    // Off (as they start): nothing is shown, even once the reminder is due.
    await server.api('system.setNow', { now: T + HOUR });
    await app.goto(server.url + '#/settings');
    const panel = app.getByRole('region', { name: 'Desktop notices' });
    const box = panel.getByRole('checkbox', { name: 'Show desktop notices' });
    await expect(box).not.toBeChecked();
    expect(await server.api('notifications.pending')).toEqual({ enabled: false, items: [] });
    expect(await notices(app)).toEqual([]);

    // Turned on in Settings: the reminder rings at once.
    await box.check();
    await expect(app.getByText('Desktop notices turned on.')).toBeVisible();
    await expect.poll(() => notices(app)).toEqual([{ title: 'Reminder: Ask Sam about the offsite', body: 'Due now.' }]);
    await screenshots(app, 'settings-notices');
    await app.evaluate(() => window.__notices[0].n.dispatchEvent(new Event('click')));
    await expect(app).toHaveURL(new RegExp(`#/today\\?reminder=${r.id}$`));
    const item = app.locator(`[data-reminder="${r.id}"]`);
    await expect(item).toBeFocused();
    await expect(item).toHaveClass(/notice-target/);

    // And off again: the next reminder due stays quiet.
    await app.goto(server.url + '#/settings');
    await box.uncheck();
    await expect(app.getByText('Desktop notices turned off.')).toBeVisible();
    await server.api('reminders.create', { title: 'Send the portfolio', dueAt: T + HOUR + 1000 });
    await server.api('system.setNow', { now: T + 2 * HOUR });
    expect(await server.api('notifications.pending')).toEqual({ enabled: false, items: [] });
    await app.goto(server.url + '#/today');
    await expect(app.getByText('Send the portfolio')).toBeVisible();
    expect(await notices(app)).toEqual([]);
  });
});

test('the interview just scheduled and Today offer notices, and "Not now" is remembered', async ({ app, server }) => {
  const { iv } = await seedTwoPersonInterview(server);
  const permission = await app.evaluate(() => Notification.permission);
  test.skip(permission !== 'default', `this browser answers ${permission} before asking`);
  const offer = app.getByRole('region', { name: 'Get a desktop notice when a thank-you is due?' });
  await app.goto(server.url + `#/interviews/${iv.id}`);
  await expect(offer.getByText(/Everyone you meet here is owed a thank-you within a day/)).toBeVisible();
  await screenshots(app, 'interview-notice-offer');
  await app.goto(server.url + '#/today');
  await expect(offer).toBeVisible();
  await expect(offer.getByRole('button', { name: 'Turn on' })).toBeVisible();
  await screenshots(app, 'notice-offer');
  await offer.getByRole('button', { name: 'Not now' }).click();
  await expect(offer).toHaveCount(0);
  await app.reload();
  await expect(app.getByRole('region', { name: 'Due soon' })).toBeVisible();
  await expect(offer).toHaveCount(0);
  expect((await server.api<{ notificationsOfferDismissed: boolean }>('settings.get')).notificationsOfferDismissed).toBe(true);

  // Settings can still turn them on.
  await app.goto(server.url + '#/settings');
  await expect(app.getByRole('region', { name: 'Desktop notices' }).getByRole('checkbox', { name: 'Show desktop notices' })).not.toBeChecked();
});
