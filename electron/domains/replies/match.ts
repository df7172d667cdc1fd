// Tying an incoming message to a sent note. Headers first: a reply's In-Reply-To, then its References,
// naming a notes.message_id is exact. Otherwise, a message from any address of a known contact, dated
// after a note to that contact was sent, answers the latest such note (a card gets no Message-ID, so
// this is how a card's thank-you email is found). Nothing else is guessed: no subject matching.
import type { Ctx } from '../../db/context';
import { stmt } from '../../db/sql';
import type { ReplyMatchMethod } from '../../shared/replies';

export interface IncomingHeaders {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  fromAddress: string;
  /** Date header (or arrival), epoch ms. */
  date: number;
}

export interface ReplyMatch {
  noteId: number;
  contactId: number | null;
  applicationId: number | null;
  method: ReplyMatchMethod;
}

/** A contact match only looks this far back: a message a year after a note is not its reply. */
export const CONTACT_MATCH_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

interface NoteRow {
  id: number;
  contact_id: number | null;
  application_id: number | null;
}

// When a note counts as sent: an email's sent_at, a card's mailed_at.
const SENT_AT = 'coalesce(n.sent_at, n.mailed_at)';

const noteByMessageId = (ctx: Ctx, id: string) =>
  stmt<NoteRow>(ctx.sqlite, 'SELECT n.id, n.contact_id, n.application_id FROM notes n WHERE n.message_id = ? LIMIT 1').get(id);

const contactsByAddress = (ctx: Ctx, address: string) =>
  stmt<{ contact_id: number }>(ctx.sqlite, 'SELECT DISTINCT contact_id FROM contact_emails WHERE lower(address) = lower(?) ORDER BY contact_id').all(address);

const latestNoteTo = (ctx: Ctx, contactId: number, date: number) =>
  stmt<NoteRow & { sent: number }>(
    ctx.sqlite,
    `SELECT n.id, n.contact_id, n.application_id, ${SENT_AT} AS sent FROM notes n
      WHERE n.contact_id = ? AND ${SENT_AT} IS NOT NULL AND ${SENT_AT} < ? AND ${SENT_AT} >= ?
      ORDER BY sent DESC, n.id DESC LIMIT 1`,
  ).get(contactId, date, date - CONTACT_MATCH_WINDOW_MS);

/** True when the message is one of our own sent notes (a copy in the inbox is not a reply). */
export function isOwnMessage(ctx: Ctx, messageId: string | null): boolean {
  return messageId !== null && noteByMessageId(ctx, messageId) !== undefined;
}

/** The sender's contact, when their address is one of a contact's emails (the lowest id if shared). */
export function contactFor(ctx: Ctx, address: string): number | null {
  return contactsByAddress(ctx, address)[0]?.contact_id ?? null;
}

export function matchReply(ctx: Ctx, msg: IncomingHeaders): ReplyMatch | null {
  if (isOwnMessage(ctx, msg.messageId)) return null;
  const sender = contactFor(ctx, msg.fromAddress);
  const byHeader = (ids: string[], method: ReplyMatchMethod): ReplyMatch | null => {
    // References lists the thread oldest first; the nearest ancestor is the best answer.
    for (const id of [...ids].reverse()) {
      const note = noteByMessageId(ctx, id);
      if (note) return { noteId: note.id, contactId: sender ?? note.contact_id, applicationId: note.application_id, method };
    }
    return null;
  };
  const headerMatch = byHeader(msg.inReplyTo, 'in_reply_to') ?? byHeader(msg.references, 'references');
  if (headerMatch) return headerMatch;

  // By sender: the latest note sent before the message to any contact owning that address.
  let best: (NoteRow & { sent: number }) | undefined;
  for (const { contact_id } of contactsByAddress(ctx, msg.fromAddress)) {
    const note = latestNoteTo(ctx, contact_id, msg.date);
    if (note && (!best || note.sent > best.sent)) best = note;
  }
  return best ? { noteId: best.id, contactId: best.contact_id, applicationId: best.application_id, method: 'contact' } : null;
}

/** The earliest time a sent note could be answered from: where a first scan of a mailbox starts. */
export function earliestSentAt(ctx: Ctx): number | null {
  return stmt<{ t: number | null }>(ctx.sqlite, `SELECT min(${SENT_AT}) AS t FROM notes n`).get()?.t ?? null;
}
