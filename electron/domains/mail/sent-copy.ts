// A copy of each sent message in the account's Sent folder, over IMAP, for providers that do not file
// mail sent through their SMTP server there themselves (the account's saveSentCopy; the presets set it:
// off for Gmail, Fastmail and Outlook.com, on for iCloud and Yahoo). The copy is the very bytes that
// were sent, flagged \Seen. Looking for the Message-ID first makes a second attempt harmless, so a copy
// is never filed twice.
import type { MailAccount } from '../../shared/mail';
import { describeMailError, imapClient } from './connect';

/** The Sent folder: the one the server marks \Sent (RFC 6154), else a folder named like it, else null. */
async function findSent(client: ReturnType<typeof imapClient>): Promise<string | null> {
  const boxes = await client.list();
  const marked = boxes.find((b) => b.specialUse === '\\Sent');
  if (marked) return marked.path;
  const named = boxes.find((b) => /^(sent|sent items|sent messages|sent mail)$/i.test(b.name));
  return named?.path ?? null;
}

/** Files `raw` in Sent unless a message with this Message-ID is already there; null, or why it failed. */
export async function appendSentCopy(account: MailAccount, password: string, raw: Buffer, messageId: string, date: Date): Promise<string | null> {
  const client = imapClient(account, password);
  client.on('error', () => {});
  try {
    await client.connect();
    let sent = await findSent(client);
    if (!sent) {
      await client.mailboxCreate('Sent');
      sent = 'Sent';
    }
    const lock = await client.getMailboxLock(sent, { readOnly: true });
    try {
      const there = await client.search({ header: { 'message-id': messageId } }, { uid: true });
      if (there && there.length > 0) return null;
    } finally {
      lock.release();
    }
    await client.append(sent, raw, ['\\Seen'], date);
    return null;
  } catch (err) {
    return describeMailError(err, { kind: 'IMAP', host: account.imapHost, port: account.imapPort }).message;
  } finally {
    await client.logout().catch(() => client.close());
  }
}
