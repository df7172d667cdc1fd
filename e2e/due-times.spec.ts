import { expect, screenshots, seedTwoPersonInterview, test } from './fixtures';

// The same due time reads the same on every screen: clock time, day and countdown from one "now".
test('due times show the clock time and the countdown, the same on Today, the composer and the application', async ({ app, server }) => {
  await server.api('settings.update', { timeZone: 'America/New_York' });
  // The interview ended at 11:00 AM; the thank-yous are due 24 hours later; it is 1:00 PM now.
  const { iv } = await seedTwoPersonInterview(server);
  const expected = /due 11:00\sAM tomorrow · in 22 h/;
  await app.goto(server.url + '#/today');
  const dueSoon = app.getByRole('region', { name: 'Due soon' });
  await expect(dueSoon.getByText(expected).first()).toBeVisible();
  await screenshots(app, 'today-due-times');

  await app.goto(server.url + `#/compose/interview/${iv.id}`);
  await expect(app.getByText(expected).first()).toBeVisible();

  const { applicationId } = await server.api<{ applicationId: number }>('interviews.get', { id: iv.id });
  await app.goto(server.url + `#/applications/${applicationId}`);
  await expect(app.getByText(/Due 11:00\sAM tomorrow · in 22 h/).first()).toBeVisible();

  // A day and a half later: overdue, said the same way.
  await server.api('system.setNow', { now: Date.UTC(2026, 10, 26, 6) });
  await app.goto(server.url + '#/today');
  await expect(app.getByRole('region', { name: 'Overdue notes' }).getByText(/overdue since 11:00\sAM yesterday · 14 h ago/).first()).toBeVisible();
});
