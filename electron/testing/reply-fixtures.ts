// Test data for reply tracking: a small search (two applications, four contacts, sent notes with
// Message-IDs, a mailed card, a draft) and the raw mails a Dovecot inbox is seeded with.
import type { Sqlite } from '../db/open';

export const at = (iso: string) => Date.parse(iso);

export interface World {
  northwind: number;
  contoso: number;
  dana: number;
  priya: number;
  sam: number;
  lee: number;
  /** Email to Dana, sent Dec 1 with <n1@courtesy.test>. */
  n1: number;
  /** Email to Priya, sent Dec 2 with <n2@courtesy.test>. */
  n2: number;
  /** Card to Sam (Contoso), mailed Dec 1. */
  card: number;
  /** A draft to Lee, never sent. */
  draft: number;
}

export function seedWorld(sql: Sqlite): World {
  const id = (text: string, ...args: unknown[]) => Number(sql.prepare(text).run(...args).lastInsertRowid);
  const nwCo = id("INSERT INTO companies (name) VALUES ('Northwind')");
  const coCo = id("INSERT INTO companies (name) VALUES ('Contoso')");
  const northwind = id("INSERT INTO applications (company_id, role, stage) VALUES (?, 'Engineer', 'interviewing')", nwCo);
  const contoso = id("INSERT INTO applications (company_id, role, stage) VALUES (?, 'Designer', 'applied')", coCo);
  const contact = (name: string, company: number, ...emails: string[]) => {
    const c = id('INSERT INTO contacts (name, company_id) VALUES (?, ?)', name, company);
    emails.forEach((e, i) => sql.prepare('INSERT INTO contact_emails (contact_id, address, is_primary, position) VALUES (?, ?, ?, ?)').run(c, e, i === 0 ? 1 : 0, i));
    return c;
  };
  const dana = contact('Dana Whitaker', nwCo, 'dana@northwind.test', 'Dana.W@home.test');
  const priya = contact('Priya Raman', nwCo, 'priya@northwind.test');
  const sam = contact('Sam Ortiz', coCo, 'sam@contoso.test');
  const lee = contact('Lee Chen', coCo, 'lee@contoso.test');
  const note = (contactId: number, app: number, delivery: string, status: string, sentAt: number | null, mailedAt: number | null, messageId: string | null) =>
    id(
      `INSERT INTO notes (kind, contact_id, application_id, delivery, subject, body, status, sent_at, mailed_at, message_id)
       VALUES ('thank_you', ?, ?, ?, 'Thank you', 'Thanks for your time.', ?, ?, ?, ?)`,
      contactId, app, delivery, status, sentAt, mailedAt, messageId,
    );
  return {
    northwind, contoso, dana, priya, sam, lee,
    n1: note(dana, northwind, 'email', 'sent', at('2026-12-01T10:00:00Z'), null, '<n1@courtesy.test>'),
    n2: note(priya, northwind, 'email', 'sent', at('2026-12-02T10:00:00Z'), null, '<n2@courtesy.test>'),
    card: note(sam, contoso, 'handwritten', 'mailed', null, at('2026-12-01T09:00:00Z'), null),
    draft: note(lee, contoso, 'email', 'draft', null, null, null),
  };
}

export interface Mail {
  from: string;
  subject: string;
  date: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  /** A whole body with its own Content-Type (multipart and so on), or plain text. */
  body: string;
  contentType?: string;
  extraHeaders?: string[];
}

export function raw(mail: Mail): string {
  const headers = [
    `From: ${mail.from}`,
    'To: Jordan Avery <jordan@example.net>',
    `Subject: ${mail.subject}`,
    `Date: ${new Date(mail.date).toUTCString().replace('GMT', '+0000')}`,
    ...(mail.messageId ? [`Message-ID: ${mail.messageId}`] : []),
    ...(mail.inReplyTo ? [`In-Reply-To: ${mail.inReplyTo}`] : []),
    ...(mail.references ? [`References: ${mail.references}`] : []),
    'MIME-Version: 1.0',
    `Content-Type: ${mail.contentType ?? 'text/plain; charset=utf-8'}`,
    ...(mail.extraHeaders ?? []),
  ];
  return headers.join('\r\n') + '\r\n\r\n' + mail.body.replace(/\r?\n/g, '\r\n');
}

/** Dana answers the thank-you: multipart/alternative, quoted-printable UTF-8, with the original quoted. */
export const danaReply: Mail = {
  from: 'Dana Whitaker <dana@northwind.test>',
  subject: 'Re: Thank you',
  date: '2026-12-03T15:30:00Z',
  messageId: '<reply-dana@northwind.test>',
  inReplyTo: '<n1@courtesy.test>',
  references: '<n1@courtesy.test>',
  contentType: 'multipart/alternative; boundary="b1"',
  body: [
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Hi Jordan, thanks =E2=80=94 it was great meeting you.',
    '',
    "We'll be in touch about next steps by Friday.",
    '',
    'On Tue, Dec 1, 2026 at 10:00 AM Jordan Avery wrote:',
    '> Thank you for your time.',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Hi Jordan, thanks &mdash; it was great meeting you.</p>',
    '--b1--',
    '',
  ].join('\n'),
};

/** Priya's reply carries only References (some clients drop In-Reply-To), oldest first. */
export const priyaReply: Mail = {
  from: 'priya@northwind.test',
  subject: 'Re: Thank you',
  date: '2026-12-03T09:00:00Z',
  messageId: '<reply-priya@northwind.test>',
  references: '<older@northwind.test>\r\n <n2@courtesy.test>',
  body: 'Glad you could come in.\n\n-- \nPriya',
};

/** Sam thanks for the card by email: no thread headers, HTML only, base64. */
export const samEmail: Mail = {
  from: 'Sam Ortiz <SAM@contoso.test>',
  subject: 'Your card',
  date: '2026-12-05T12:00:00Z',
  messageId: '<sam-1@contoso.test>',
  contentType: 'text/html; charset=utf-8',
  extraHeaders: ['Content-Transfer-Encoding: base64'],
  body: Buffer.from('<html><body><div>Your card made my day!</div><div>See you soon.</div></body></html>').toString('base64'),
};

/** Dana again, from her second address, no thread headers: matched by contact. */
export const danaHome: Mail = {
  from: 'Dana <dana.w@home.test>',
  subject: 'One more thing',
  date: '2026-12-04T08:00:00Z',
  messageId: '<dana-home@home.test>',
  body: 'Forgot to mention: the team loved your portfolio.',
};

/** Look-alikes and noise that must not match. */
export const strangers: Mail[] = [
  { from: 'Someone <someone@elsewhere.test>', subject: 'Re: Thank you', date: '2026-12-03T10:00:00Z', messageId: '<x1@elsewhere.test>', body: 'Wrong person.' },
  // Dana, but before the note went out.
  { from: 'dana@northwind.test', subject: 'Interview on Tuesday', date: '2026-11-30T12:00:00Z', messageId: '<early@northwind.test>', body: 'See you soon.' },
  { from: 'news@letters.test', subject: 'Weekly digest', date: '2026-12-04T06:00:00Z', messageId: '<digest@letters.test>', body: 'Unrelated.' },
  // Lee has only a draft.
  { from: 'lee@contoso.test', subject: 'Hello', date: '2026-12-04T06:00:00Z', messageId: '<lee@contoso.test>', body: 'Hi.' },
  // Our own sent note, copied into the inbox by a provider.
  { from: 'Jordan Avery <jordan@example.net>', subject: 'Thank you', date: '2026-12-01T10:00:00Z', messageId: '<n1@courtesy.test>', body: 'Thanks for your time.' },
  // A reply to someone else's thread that mentions a foreign id.
  { from: 'someone@elsewhere.test', subject: 'Re: other', date: '2026-12-04T06:00:00Z', messageId: '<x2@elsewhere.test>', inReplyTo: '<not-ours@elsewhere.test>', body: 'x' },
];
