// The message a note goes out as: the .eml draft's builder (formats/eml), so headers and encoding are
// the same as the draft a person would open; only From is the connected account, the Message-ID is the
// one chosen when the note was queued, and there is no X-Unsent (that marks a file as a draft).
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../db/context';
import { buildEml } from '../../formats/eml/eml';
import { isEmail } from '../../shared/email';
import type { MailAccount } from '../../shared/mail';
import { getNote } from '../notes/detail';

/** A new Message-ID, angle brackets included, on the account's domain (RFC 5322 3.6.4). */
export function newMessageId(account: Pick<MailAccount, 'address'>): string {
  const domain = account.address.split('@').pop()?.replace(/[^A-Za-z0-9.-]/g, '') || 'courtesy.invalid';
  return `<${randomUUID()}@${domain}>`;
}

/** The recipient's address, or why the note cannot go (in words, for the person). */
export function recipientEmail(ctx: Ctx, noteId: number): { email: string } | { problem: string } {
  const n = getNote(ctx, noteId);
  const email = n.recipient?.email ?? null;
  if (!email) return { problem: n.recipient ? `${n.recipient.name ?? 'The recipient'} has no email address; add one on the contact.` : 'This note has no recipient.' };
  if (!isEmail(email)) return { problem: `The recipient's email address "${email}" cannot be used; correct it on the contact.` };
  return { email };
}

export interface Outgoing {
  raw: Buffer;
  to: string;
  /** The note's revision the message was built from (an edit after it means building again). */
  revision: number;
}

export async function buildOutgoing(ctx: Ctx, noteId: number, account: MailAccount, messageId: string, date: Date): Promise<Outgoing | { problem: string }> {
  const n = getNote(ctx, noteId);
  const to = recipientEmail(ctx, noteId);
  if ('problem' in to) return to;
  const raw = await buildEml({
    from: { name: account.displayName, email: account.address },
    to: { name: n.recipient?.name ?? null, email: to.email },
    subject: n.subject ?? '',
    body: n.body,
    date,
    messageId,
    unsent: false,
  });
  return { raw, to: to.email, revision: n.revision };
}
