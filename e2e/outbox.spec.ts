// Email from Courtesy itself, in browser mode against a real SMTP server on loopback (started by this
// test): connect the account in Settings → Email, test the connection, send a thank-you from the
// composer, and see it marked sent with the message on the server.
import PostalMime from 'postal-mime';
import { expect, seedTwoPersonInterview, test } from './fixtures';
import { startTestSmtp, type TestSmtp } from '../electron/testing/smtp';

let smtp: TestSmtp;
test.beforeEach(async () => {
  smtp = await startTestSmtp();
});
test.afterEach(async () => {
  await smtp.stop();
});

test('connect an account, send a note over SMTP, see it sent', async ({ app, server }) => {
  const { danaNote } = await seedTwoPersonInterview(server);
  await server.api('notes.update', { id: danaNote.id, revision: danaNote.revision, subject: 'Thank you, Dana', body: 'Dear Dana,\n\nThank you for the conversation.\n\nJo' });

  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const panel = app.getByRole('region', { name: 'Email account' });
  // A preset fills the servers; plain text to a non-loopback host is refused beside the field.
  await panel.getByLabel('Provider').selectOption('gmail');
  await expect(panel.getByLabel('SMTP server (sending)')).toHaveValue('smtp.gmail.com');
  await expect(panel.getByText(/App passwords/)).toBeVisible();
  await panel.getByLabel('Email address').fill(smtp.user);
  await panel.getByLabel('Name recipients see').fill('Jo Avery');
  await panel.getByLabel('SMTP security').selectOption('none');
  await panel.getByLabel('Password').fill(smtp.password);
  await panel.getByRole('button', { name: 'Connect account' }).click();
  await expect(panel.getByText(/A connection without encryption is allowed only to this computer/)).toBeVisible();

  await panel.getByLabel('SMTP server (sending)').fill('127.0.0.1');
  await panel.getByLabel('SMTP port').fill(String(smtp.port));
  await panel.getByLabel('IMAP server (replies)').fill('127.0.0.1');
  await panel.getByLabel('IMAP security').selectOption('none');
  await panel.getByLabel('IMAP port').fill('1');
  await panel.getByRole('button', { name: 'Test connection' }).click();
  const results = panel.getByRole('list', { name: 'Connection test' });
  await expect(results.getByText('SMTP works')).toBeVisible();
  await expect(results.getByText(/IMAP failed/)).toBeVisible();
  await expect(results.getByText(/127\.0\.0\.1:1 refused the connection/)).toBeVisible();
  await panel.getByRole('button', { name: 'Connect account' }).click();
  await expect(panel.getByText(/A password is kept \(memory only/)).toBeVisible();
  await expect(panel.getByLabel('Password')).toHaveValue('');

  await app.goto(`${server.url.split('?')[0]}#/compose/note/${danaNote.id}`);
  const actions = app.getByRole('group', { name: 'Email actions' });
  await expect(actions.getByText(`From Jo Avery <${smtp.user}>`)).toBeVisible();
  await actions.getByRole('group', { name: 'Send from Courtesy' }).getByRole('button', { name: 'Send', exact: true }).click();
  await expect(actions.getByText(/^Sent /)).toBeVisible();
  expect(smtp.received).toHaveLength(1);
  const msg = await PostalMime.parse(smtp.received[0].raw);
  expect(msg.subject).toBe('Thank you, Dana');
  expect(msg.to?.[0]?.address).toBe('dana.lee@northwind.example');
  expect(msg.text).toContain('Thank you for the conversation.');
  const entry = await server.api<{ state: string; messageId: string }>('outbox.get', { noteId: danaNote.id });
  expect(entry.state).toBe('sent');
  expect(msg.messageId).toBe(entry.messageId);
});
