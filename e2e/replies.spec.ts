// Replies on screen, end to end: a real Dovecot on loopback holds Dana's answer to a sent thank-you;
// "Check now" in Settings → Email finds it; it shows on Today (until seen), on the note, on Dana's page
// and on the application's timeline; "Move stage…" only opens the stage select; "Not a reply to this"
// takes it off everywhere. Skips only where Dovecot cannot start (under CI it must).
import type { Page } from '@playwright/test';
import { axeOn, expect, screenshots, seedTwoPersonInterview, test } from './fixtures';
import { missingDovecot, startDovecot, type DovecotServer } from '../electron/testing/dovecot';

const skip = missingDovecot();
test.skip(skip !== null, `Dovecot is needed: ${skip}`);

let imap: DovecotServer;
test.beforeEach(async () => {
  imap = await startDovecot();
});
test.afterEach(async () => {
  await imap?.stop();
});

const HOUR = 3_600_000;

/** axe-core on one part of the page (the new reply UI), light and dark: no serious or critical violation. */
async function axe(page: Page, selector: string) {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await axeOn(page).include(selector).analyze();
    for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
      for (const n of v.nodes) found.push(`${scheme}: ${v.id} — ${n.target.join(' ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(found, found.join('\n')).toEqual([]);
}

function danaReply(date: Date): string {
  return [
    'From: Dana Lee <dana.lee@northwind.example>',
    'To: Jo Avery <jo@example.net>',
    'Subject: Re: Thank you, Dana',
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    'Message-ID: <reply-1@northwind.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hi Jo, thank you for the kind note.',
    'We would like you to meet the team next week.',
    '',
    '> Dear Dana,',
    '',
  ].join('\r\n');
}

test('a reply found over IMAP shows on Today, the note, the contact and the timeline; seen and unmatch', async ({ app, server }) => {
  test.setTimeout(90_000);
  const { iv, danaNote } = await seedTwoPersonInterview(server);
  const { applicationId, participants } = await server.api<{ applicationId: number; participants: { contactId: number; name: string }[] }>('interviews.get', { id: iv.id });
  const danaId = participants.find((p) => p.name === 'Dana Lee')!.contactId;
  const { stage } = await server.api<{ stage: string }>('applications.get', { id: applicationId });
  const now = Date.UTC(2026, 10, 24, 18);
  // Sent from the mail app half an hour ago and marked sent; Dana answered a quarter of an hour later.
  await server.api('notes.update', { id: danaNote.id, revision: danaNote.revision, subject: 'Thank you, Dana', body: 'Dear Dana,\n\nThank you.\n\nJo' });
  await server.api('notes.markSent', { id: danaNote.id, sentAt: now - HOUR / 2 });
  await imap.append(danaReply(new Date(now - HOUR / 4)), { date: new Date(now - HOUR / 4) });
  await server.api('mail.saveAccount', {
    address: 'jo@example.net',
    displayName: 'Jo Avery',
    username: imap.connection.user,
    smtpHost: '127.0.0.1',
    smtpPort: 1,
    smtpSecurity: 'none',
    imapHost: imap.connection.host,
    imapPort: imap.connection.port,
    imapSecurity: 'none',
    saveSentCopy: false,
    password: imap.connection.pass,
  });

  // Settings → Email: the interval field, "Check now" and how the check went.
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const panel = app.getByRole('region', { name: 'Email account' });
  const minutes = panel.getByLabel('Check for replies every (minutes)');
  await expect(minutes).toHaveValue('15');
  const status = panel.getByRole('status', { name: 'Reply check status' });
  await minutes.fill('2000');
  await panel.getByRole('form', { name: 'How often to check for replies' }).getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByText(/at least once a day, or enter 0/)).toBeVisible();
  // 0: only "Check now" looks.
  await minutes.fill('0');
  await panel.getByRole('form', { name: 'How often to check for replies' }).getByRole('button', { name: 'Save' }).click();
  await expect(status).toContainText('Automatic checks are off');
  await minutes.fill('5');
  await panel.getByRole('form', { name: 'How often to check for replies' }).getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await server.api<{ replyCheckMinutes: number }>('settings.get')).replyCheckMinutes).toBe(5);
  await panel.getByRole('button', { name: 'Check now' }).click();
  await expect(status).toContainText('1 new reply');
  await panel.getByRole('button', { name: 'Check now' }).scrollIntoViewIfNeeded();
  await screenshots(app, 'replies-settings');
  await axe(app, '.reply-check');

  // Today: the reply waits there until seen, with what can be done about it.
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const today = app.getByRole('region', { name: 'Replies' });
  const item = today.getByRole('listitem').filter({ hasText: 'Dana Lee replied today' });
  await expect(item).toBeVisible();
  await expect(item.getByText('Re: Thank you, Dana')).toBeVisible();
  await expect(item.getByText(/We would like you to meet the team next week\./)).toBeVisible();
  await expect(item.getByRole('link', { name: 'Open in mail app' })).toHaveAttribute('href', 'mid:reply-1%40northwind.example');
  await screenshots(app, 'replies-today');
  await axe(app, 'section.replies');

  // "Move stage…" opens the application with its stage select focused; the stage has not moved.
  await item.getByRole('link', { name: 'Move stage…' }).click();
  await expect(app).toHaveURL(new RegExp(`#/applications/${applicationId}$`));
  await expect(app.getByLabel('Stage', { exact: true })).toBeFocused();
  await expect(app.getByLabel('Stage', { exact: true })).toHaveValue(stage);
  // The application's timeline: who replied, when, the subject and first lines.
  const timeline = app.getByRole('list', { name: 'Timeline' });
  const entry = timeline.getByRole('listitem').filter({ hasText: 'Dana Lee replied today' });
  await expect(entry.getByText(/We would like you to meet the team/)).toBeVisible();
  await expect(app.locator(`tr[data-note="${danaNote.id}"]`).getByText('Dana Lee replied today')).toBeVisible();
  await entry.scrollIntoViewIfNeeded();
  await screenshots(app, 'replies-application');
  await axe(app, '.timeline');

  // The note itself and Dana's page.
  await app.goto(`${server.url.split('?')[0]}#/compose/note/${danaNote.id}`);
  const onNote = app.getByRole('region', { name: 'Replies to this note' });
  await expect(onNote.getByText('Dana Lee replied today')).toBeVisible();
  await expect(onNote.getByText('Re: Thank you, Dana')).toBeVisible();
  await app.goto(`${server.url.split('?')[0]}#/contacts/${danaId}`);
  const onContact = app.getByRole('region', { name: 'Replies from Dana Lee' });
  await expect(onContact.getByText('Dana Lee replied today')).toBeVisible();

  // Seen: off Today, still on the contact's page.
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await app.getByRole('region', { name: 'Replies' }).getByRole('button', { name: 'Mark seen' }).click();
  await expect(app.getByRole('region', { name: 'Replies' })).toHaveCount(0);
  await app.goto(`${server.url.split('?')[0]}#/contacts/${danaId}`);
  await expect(onContact.getByText('Dana Lee replied today')).toBeVisible();

  // Insights counts it by delivery.
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  const rates = app.getByRole('region', { name: 'Replies' });
  await expect(rates.getByText('1 of 1 sent')).toBeVisible();
  await screenshots(app, 'replies-insights');

  // Not a reply to this: gone from the contact, the note and the timeline; a new check does not bring it back.
  await app.goto(`${server.url.split('?')[0]}#/contacts/${danaId}`);
  await onContact.getByRole('button', { name: 'Not a reply to this' }).click();
  await expect(app.getByRole('region', { name: /^Replies from/ })).toHaveCount(0);
  // Undo brings it back; unmatching again sticks.
  await app.locator('.toast').getByRole('button', { name: /Undo/ }).click();
  await expect(app.locator('.toast')).toContainText('Undone: no longer shown as a reply');
  await expect(onContact.getByRole('button', { name: 'Not a reply to this' })).toBeVisible();
  await onContact.getByRole('button', { name: 'Not a reply to this' }).click();
  await expect(app.getByRole('region', { name: /^Replies from/ })).toHaveCount(0);
  await server.api('replies.check');
  await app.goto(`${server.url.split('?')[0]}#/applications/${applicationId}`);
  await expect(app.getByRole('list', { name: 'Timeline' })).toBeVisible();
  await expect(app.getByText('Dana Lee replied today')).toHaveCount(0);
  const stored = await server.api<{ items: { unmatchedAt: number | null }[] }>('replies.list', { includeUnmatched: true });
  expect(stored.items).toHaveLength(1);
  expect(stored.items[0].unmatchedAt).not.toBeNull();
});
