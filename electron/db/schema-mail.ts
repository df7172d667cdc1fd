// Email: the connected account (settings only), the outbox and the replies found in the inbox.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { MAIL_SECURITIES, OUTBOX_STATES } from '../shared/mail';
import { REPLY_MATCH_METHODS } from '../shared/replies';
import { created, updated } from './columns';
import { applications, contacts, notes } from './schema-core';

// The one connected email account (id is always 1): settings only. The password is kept by the secret
// store (Electron's safeStorage in the desktop app, memory in browser mode), never in this database, so
// it is in no backup or export either.
export const mailAccount = sqliteTable('mail_account', {
  id: integer('id').primaryKey(),
  address: text('address').notNull(),
  displayName: text('display_name'),
  username: text('username').notNull(),
  smtpHost: text('smtp_host').notNull(),
  smtpPort: integer('smtp_port').notNull(),
  smtpSecurity: text('smtp_security', { enum: MAIL_SECURITIES }).notNull(),
  imapHost: text('imap_host').notNull(),
  imapPort: integer('imap_port').notNull(),
  imapSecurity: text('imap_security', { enum: MAIL_SECURITIES }).notNull(),
  saveSentCopy: integer('save_sent_copy', { mode: 'boolean' }).notNull().default(false),
  createdAt: created(),
  updatedAt: updated(),
});

// Email notes on their way out over SMTP. A row is written in the same transaction that queues the
// note; "sending" is recorded before the SMTP transaction starts and the result after it, so a crash in
// between is visible on the next start (state 'uncertain') instead of causing a second send.
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    noteId: integer('note_id').notNull().references(() => notes.id, { onDelete: 'cascade' }),
    state: text('state', { enum: OUTBOX_STATES }).notNull().default('queued'),
    /** Not before this time (a scheduled send); null means as soon as possible. */
    scheduledFor: integer('scheduled_for'),
    attempts: integer('attempts').notNull().default(0),
    /** When the worker may try next (the schedule, or a retry after backoff); null once finished. */
    nextAttemptAt: integer('next_attempt_at'),
    /** The last failure in words (the server's reason where it gave one). */
    lastError: text('last_error'),
    /** The Message-ID generated when queued, angle brackets included; the same one goes out on every attempt. */
    messageId: text('message_id').notNull(),
    sentAt: integer('sent_at'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    // At most one open row per note: queuing twice cannot send twice.
    uniqueIndex('outbox_one_open').on(t.noteId).where(sql`${t.state} IN ('queued', 'sending', 'uncertain')`),
    index('outbox_due').on(t.state, t.nextAttemptAt),
    index('outbox_note').on(t.noteId, t.createdAt),
    uniqueIndex('outbox_message_id').on(t.messageId),
  ],
);

// Replies found in the inbox (read-only IMAP, electron/domains/replies). Only messages that matched a
// sent note are kept, with the headers and first lines needed to show them; the mail stays on the
// server. A row is never deleted by a rescan: unmatching sets unmatched_at, so the same message is not
// matched again, and the unique Message-ID / UID keys make every rescan a no-op for what it has seen.
export const replies = sqliteTable(
  'replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    noteId: integer('note_id').references(() => notes.id, { onDelete: 'set null' }),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    applicationId: integer('application_id').references(() => applications.id, { onDelete: 'set null' }),
    fromAddress: text('from_address').notNull(),
    fromName: text('from_name'),
    subject: text('subject'),
    /** The reply's Date header (or its arrival time when that is missing), epoch ms. */
    date: integer('date').notNull(),
    /** The reply's own Message-ID, angle brackets included; null when the message has none. */
    messageId: text('message_id'),
    firstLines: text('first_lines').notNull().default(''),
    method: text('method', { enum: REPLY_MATCH_METHODS }).notNull(),
    mailbox: text('mailbox').notNull(),
    uidValidity: integer('uid_validity').notNull(),
    uid: integer('uid').notNull(),
    seenAt: integer('seen_at'),
    unmatchedAt: integer('unmatched_at'),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('replies_message_id').on(t.messageId).where(sql`${t.messageId} IS NOT NULL`),
    uniqueIndex('replies_uid').on(t.mailbox, t.uidValidity, t.uid),
    index('replies_note').on(t.noteId),
    index('replies_contact').on(t.contactId),
    index('replies_application').on(t.applicationId),
    // Today's "replies not yet seen".
    index('replies_unseen').on(t.date).where(sql`${t.seenAt} IS NULL AND ${t.unmatchedAt} IS NULL`),
  ],
);

// Where the last scan of each mailbox stopped: its UIDVALIDITY and the highest UID looked at. A new
// UIDVALIDITY means the server renumbered the mailbox, so the next scan starts over from the date of
// the first sent note (the Message-ID key keeps old matches from doubling).
export const replyScans = sqliteTable('reply_scans', {
  mailbox: text('mailbox').primaryKey(),
  uidValidity: integer('uid_validity').notNull(),
  lastUid: integer('last_uid').notNull(),
  scannedAt: integer('scanned_at').notNull(),
  /**
   * The highest note_events id when that scan started. A note recorded as sent or mailed after it, with a
   * sent time before the scan (marked sent late, or back-dated), may have its reply among UIDs already
   * looked at: the next scan reads those again from that sent time.
   */
  lastEventId: integer('last_event_id').notNull().default(0),
});
