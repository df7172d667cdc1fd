// .eml drafts: an RFC 5322 message the user opens in their own mail client to review and send.
import MailComposer from 'nodemailer/lib/mail-composer';

export interface EmlMessage {
  from?: { name: string | null; email: string | null } | null;
  to: { name: string | null; email: string };
  subject: string;
  body: string;
  date: Date;
  messageId?: string;
  /** Marks the file as a draft to open and send (X-Unsent: 1); false for a message that is being sent. */
  unsent?: boolean;
}

// Display names and the subject are single header lines; nodemailer encodes non-ASCII as encoded-words.
function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').trim();
}

function mailbox(name: string | null, email: string): { name: string; address: string } {
  return { name: oneLine(name ?? ''), address: oneLine(email) };
}

/**
 * Builds a UTF-8 text/plain draft. `X-Unsent: 1` makes Outlook, Apple Mail and Thunderbird open it as an
 * editable draft (left out, with `unsent: false`, when the outbox sends the very same message). No Bcc is ever written. Without a sender address there is no From header (the client
 * uses its default account). Line breaks are written as CRLF, as RFC 5322 requires, so a parser returns
 * the body with CRLF line breaks; nodemailer picks 7bit, quoted-printable or base64 per content, and
 * quoted-printable soft-wraps lines over 998 octets, so the decoded text is unchanged.
 */
export async function buildEml(msg: EmlMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: msg.from?.email ? mailbox(msg.from.name, msg.from.email) : undefined,
    to: mailbox(msg.to.name, msg.to.email),
    subject: oneLine(msg.subject),
    text: msg.body.replace(/\r\n|\r/g, '\n'),
    date: msg.date,
    messageId: msg.messageId ? `<${msg.messageId.replace(/[<>\s]/g, '')}>` : undefined,
    headers: msg.unsent === false ? {} : { 'X-Unsent': '1' },
    newline: 'win',
    // The body is our own text; never let a content object reach the disk or the network.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
