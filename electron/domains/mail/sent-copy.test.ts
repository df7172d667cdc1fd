// The copy in Sent, against real servers on loopback: the test SMTP server takes the message and
// Debian's Dovecot (electron/testing/dovecot.ts) holds the account's mailboxes. The copy is the very
// bytes that were sent, \Seen, filed once; with saveSentCopy off (Gmail-like providers) none is made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingDovecot, startDovecot, withClient, type DovecotServer } from '../../testing/dovecot';
import { startTestSmtp, type TestSmtp } from '../../testing/smtp';
import { testCore } from '../../testing/core';
import { appendSentCopy } from './sent-copy';
import { getMailAccount } from './account';

const skip = missingDovecot();
const T0 = Date.UTC(2026, 10, 24, 15, 0);

describe.skipIf(skip !== null)(`a copy in Sent over IMAP${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let imap: DovecotServer;
  let smtp: TestSmtp;
  beforeAll(async () => {
    imap = await startDovecot({ user: 'jordan', pass: 'app-pass-9' });
    smtp = await startTestSmtp({ user: 'jordan', password: 'app-pass-9' });
  }, 30_000);
  afterAll(async () => {
    await smtp?.stop();
    await imap?.stop();
  });

  async function sendOne(saveSentCopy: boolean, imapPort = imap.connection.port) {
    const core = await testCore({ now: T0 });
    await core.api('mail.saveAccount', {
      address: 'jordan@courtesy.test',
      username: 'jordan',
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      smtpSecurity: 'none',
      imapHost: '127.0.0.1',
      imapPort,
      imapSecurity: 'none',
      saveSentCopy,
      password: 'app-pass-9',
    });
    const contact = await core.api('contacts.create', { name: 'Dana', emails: [{ address: 'dana@northwind.example' }] });
    const note = await core.api('notes.create', { kind: 'thank_you', contactId: contact.id, delivery: 'email' });
    const entry = await core.api('outbox.queue', { noteId: note.id });
    await core.api('outbox.runNow', {});
    return { core, entry: (await core.api('outbox.get', { noteId: note.id }))!, messageId: entry.messageId };
  }

  const sentFolder = () =>
    withClient(imap.connection, async (client) => {
      const boxes = await client.list();
      const sent = boxes.find((b) => b.name === 'Sent');
      if (!sent) return [];
      await client.mailboxOpen(sent.path, { readOnly: true });
      const out: Array<{ source: Buffer; seen: boolean; messageId: string | undefined }> = [];
      for await (const m of client.fetch('1:*', { source: true, flags: true, envelope: true })) {
        out.push({ source: m.source!, seen: m.flags?.has('\\Seen') ?? false, messageId: m.envelope?.messageId });
      }
      return out;
    });

  it('makes none when the provider files sent mail itself', async () => {
    const { core, entry } = await sendOne(false);
    expect(entry.state).toBe('sent');
    expect(await sentFolder()).toEqual([]);
    core.close();
  });

  it('files the sent bytes in Sent, \\Seen, once', async () => {
    const { core, entry, messageId } = await sendOne(true);
    expect(entry).toMatchObject({ state: 'sent', lastError: null });
    const copies = await sentFolder();
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ seen: true, messageId });
    expect(copies[0].source.equals(smtp.received.at(-1)!.raw)).toBe(true);
    // A second attempt (say, after a stop) finds it there and files nothing more.
    expect(await appendSentCopy(getMailAccount(core.ctx)!, 'app-pass-9', copies[0].source, messageId, new Date(T0))).toBeNull();
    expect(await sentFolder()).toHaveLength(1);
    core.close();
  });

  it('says so on the entry when the copy cannot be filed, and the note stays sent', async () => {
    // A port where an IMAP server was and is no more: refused.
    const gone = await startDovecot({ user: 'jordan', pass: 'app-pass-9' });
    await gone.stop();
    const { core, entry } = await sendOne(true, gone.connection.port);
    expect(entry.state).toBe('sent');
    expect(entry.lastError).toMatch(/^Sent, but the copy for your Sent folder could not be saved: .*refused the connection/);
    expect((await core.api('notes.get', { id: entry.noteId })).status).toBe('sent');
    core.close();
  });
});
