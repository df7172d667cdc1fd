// Email over the person's own account: the account (settings only, never the password) and the outbox.
import { z } from 'zod';
import { MAIL_SECURITIES, OUTBOX_STATES } from '../../shared/mail';
import { MailAccountFields, MailPassword } from '../../shared/inputs/mail';
import { id, method, ok, timestamp } from '../define';

export { MailAccountFields };

const security = z.enum(MAIL_SECURITIES);
export const MailAccountShape = z.object({
  address: z.string(),
  displayName: z.string().nullable(),
  username: z.string(),
  smtpHost: z.string(),
  smtpPort: z.number(),
  smtpSecurity: security,
  imapHost: z.string(),
  imapPort: z.number(),
  imapSecurity: security,
  saveSentCopy: z.boolean(),
  updatedAt: z.number(),
});

/** What Settings shows: the account, whether a password is kept (never the password) and where. */
export const MailAccountView = z.object({
  account: MailAccountShape.nullable(),
  hasPassword: z.boolean(),
  passwordKeptIn: z.string(),
});

const Check = z.object({
  ok: z.boolean(),
  problem: z.enum(['dns', 'refused', 'timeout', 'tls', 'login', 'permission', 'rejected', 'network', 'other']).nullable(),
  message: z.string(),
});

export const OutboxEntry = z.object({
  id: z.number(),
  noteId: z.number(),
  state: z.enum(OUTBOX_STATES),
  scheduledFor: z.number().nullable(),
  attempts: z.number(),
  nextAttemptAt: z.number().nullable(),
  lastError: z.string().nullable(),
  messageId: z.string(),
  sentAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** For lists (Today): who the note goes to and its subject. */
  recipientName: z.string().nullable(),
  subject: z.string().nullable(),
  /** The note's due time, so a schedule after it can be pointed out. */
  dueAt: z.number().nullable(),
  /** A queued note scheduled after its due time says so (the timely check's rule at the time it goes). */
  warning: z.string().nullable(),
});
export type OutboxEntryT = z.output<typeof OutboxEntry>;

const scheduledFor = timestamp.nullish();

export const mailContract = {
  'mail.account': method('The connected email account (settings only) and whether a password is kept.', z.object({}), MailAccountView),
  'mail.saveAccount': method(
    'Connect or change the email account. The password is kept by the secret store, never in the database; leave it out to keep the one already kept.',
    MailAccountFields.and(z.object({ password: MailPassword.optional() })),
    MailAccountView,
  ),
  'mail.removeAccount': method('Disconnect the email account and forget its password. Queued notes stay queued until an account is connected.', z.object({}), MailAccountView),
  'mail.testConnection': method(
    'Sign in to the SMTP and IMAP servers with these settings (nothing is sent or read) and say what failed, in words.',
    MailAccountFields.and(z.object({ password: MailPassword.optional() })),
    z.object({ smtp: Check, imap: Check }),
  ),
  'outbox.queue': method(
    'Put an email note in the outbox: it is sent over the connected account as soon as possible, or not before scheduledFor.',
    z.object({ noteId: id, scheduledFor }),
    OutboxEntry,
  ),
  'outbox.reschedule': method('Change when a queued note goes (null: as soon as possible).', z.object({ noteId: id, scheduledFor }), OutboxEntry),
  'outbox.cancel': method('Take a queued, failed or uncertain note out of the outbox; it stays a draft.', z.object({ noteId: id }), ok),
  'outbox.retry': method('Try a failed note again now (same Message-ID).', z.object({ noteId: id }), OutboxEntry),
  'outbox.resolve': method(
    'After Courtesy stopped while sending: say whether the note went (it is marked sent) or not (it is queued again with the same Message-ID).',
    z.object({ noteId: id, went: z.boolean({ error: 'Say whether the email went (true or false).' }) }),
    OutboxEntry,
  ),
  'outbox.get': method("A note's latest outbox entry, or null if it was never queued.", z.object({ noteId: id }), OutboxEntry.nullable()),
  'outbox.list': method('Notes in the outbox that need a look or are on their way: queued, sending, uncertain and failed.', z.object({}), z.array(OutboxEntry)),
  'outbox.runNow': method('Send every note that is due now, and wait for the result (the worker also runs on its own).', z.object({}), z.object({ attempted: z.number() })),
};
