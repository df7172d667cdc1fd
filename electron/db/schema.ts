// The whole Courtesy domain (see shared design brief). Times are stored as epoch milliseconds (UTC);
// the user's time zone lives in settings and on each interview, so DST is handled at the edges.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

import {
  ADDRESS_LABELS,
  CONTACT_ROLES,
  DELIVERIES,
  EMAIL_LABELS,
  INTERVIEW_KINDS,
  LEDGER_REASONS,
  NAME_ORDERS,
  NOTE_KINDS,
  NOTE_STATUSES,
  PHONE_LABELS,
  PRIORITIES,
  REMINDER_KINDS,
  STAGES,
  STAMP_SCOPES,
  STATIONERY_KINDS,
  WORK_MODES,
} from '../shared/domain';
import { MAIL_SECURITIES, OUTBOX_STATES } from '../shared/mail';
import { DOCUMENT_KINDS } from '../shared/documents';
import { REPLY_MATCH_METHODS } from '../shared/replies';

export { ADDRESS_LABELS, CONTACT_ROLES, EMAIL_LABELS, NAME_ORDERS, PHONE_LABELS, DELIVERIES, INTERVIEW_KINDS, LEDGER_REASONS, NOTE_KINDS, NOTE_STATUSES, PRIORITIES, REMINDER_KINDS, STAGES, STATIONERY_KINDS };

const now = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;
const created = () => integer('created_at').notNull().default(now);
const updated = () => integer('updated_at').notNull().default(now);

export const companies = sqliteTable(
  'companies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    website: text('website'),
    address: text('address'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex('companies_name_nocase').on(sql`${t.name} COLLATE NOCASE`)],
);

export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id').notNull().references(() => companies.id, { onDelete: 'restrict' }),
    role: text('role').notNull(),
    postingUrl: text('posting_url'),
    source: text('source'),
    location: text('location'),
    salaryMin: integer('salary_min'),
    salaryMax: integer('salary_max'),
    salaryCurrency: text('salary_currency'),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('medium'),
    stage: text('stage', { enum: STAGES }).notNull().default('wishlist'),
    stageChangedAt: integer('stage_changed_at').notNull().default(now),
    appliedAt: integer('applied_at'),
    deadlineAt: integer('deadline_at'),
    notes: text('notes'),
    archivedAt: integer('archived_at'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('applications_stage').on(t.archivedAt, t.stage, t.stageChangedAt),
    index('applications_company').on(t.companyId),
    // The pipeline table pages by keyset in these orders (id, the rowid, ends every index): its first
    // page reads 100 index entries, not every application.
    index('applications_moved').on(t.archivedAt, t.stageChangedAt),
    index('applications_updated').on(t.archivedAt, t.updatedAt),
  ],
);

export const stageEvents = sqliteTable(
  'stage_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: STAGES }),
    toStage: text('to_stage', { enum: STAGES }).notNull(),
    at: integer('at').notNull(),
    note: text('note'),
  },
  (t) => [index('stage_events_application').on(t.applicationId, t.at)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The display name: derived from the parts when they are set (shared/names.ts displayName), else as typed. */
    name: text('name').notNull(),
    /** Structured name, exactly as entered; null when not given (names are never split by guesswork). */
    givenName: text('given_name'),
    familyName: text('family_name'),
    nameOrder: text('name_order', { enum: NAME_ORDERS }).notNull().default('given_first'),
    title: text('title'),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    // email, phone and the five address columns mirror the PRIMARY row of contact_emails, contact_phones
    // and contact_addresses. They are written only by triggers (drizzle/0007_contact_channels.sql),
    // never by the app: the child tables are the one source of truth; the mirror keeps the FTS index, the
    // lists and the "missing email/address" checks reading one row.
    email: text('email'),
    phone: text('phone'),
    addressLines: text('address_lines'),
    city: text('city'),
    region: text('region'),
    postalCode: text('postal_code'),
    country: text('country'),
    url: text('url'),
    metHow: text('met_how'),
    notes: text('notes'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('contacts_company').on(t.companyId), index('contacts_email').on(sql`lower(${t.email})`), index('contacts_name').on(t.name)],
);

// A contact's emails, phones and postal addresses. Each kind has at most one primary row per contact
// (partial unique index); reads order by is_primary DESC, position. AUTOINCREMENT so an id is never
// reused: notes keep the id of a chosen email or address, and a removed one must stay recognisably gone.
const channel = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  contactId: integer('contact_id')
    .notNull()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
  position: integer('position').notNull().default(0),
});

export const contactEmails = sqliteTable(
  'contact_emails',
  { ...channel(), address: text('address').notNull(), label: text('label', { enum: EMAIL_LABELS }).notNull().default('other') },
  (t) => [
    index('contact_emails_contact').on(t.contactId, t.position),
    uniqueIndex('contact_emails_one_primary').on(t.contactId).where(sql`${t.isPrimary} = 1`),
    // Duplicate detection and search by any email, case-insensitive.
    index('contact_emails_address').on(sql`lower(${t.address})`),
  ],
);

export const contactPhones = sqliteTable(
  'contact_phones',
  { ...channel(), number: text('number').notNull(), label: text('label', { enum: PHONE_LABELS }).notNull().default('other') },
  (t) => [index('contact_phones_contact').on(t.contactId, t.position), uniqueIndex('contact_phones_one_primary').on(t.contactId).where(sql`${t.isPrimary} = 1`)],
);

export const contactAddresses = sqliteTable(
  'contact_addresses',
  {
    ...channel(),
    lines: text('lines'),
    city: text('city'),
    region: text('region'),
    postalCode: text('postal_code'),
    country: text('country'),
    label: text('label', { enum: ADDRESS_LABELS }).notNull().default('other'),
  },
  (t) => [
    index('contact_addresses_contact').on(t.contactId, t.position),
    uniqueIndex('contact_addresses_one_primary').on(t.contactId).where(sql`${t.isPrimary} = 1`),
  ],
);

export const applicationContacts = sqliteTable(
  'application_contacts',
  {
    applicationId: integer('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: CONTACT_ROLES }).notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.contactId, t.role] }), index('application_contacts_contact').on(t.contactId)],
);

export const interviews = sqliteTable(
  'interviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    round: text('round'),
    kind: text('kind', { enum: INTERVIEW_KINDS }).notNull().default('video'),
    startAt: integer('start_at').notNull(),
    endAt: integer('end_at').notNull(),
    timeZone: text('time_zone').notNull().default('UTC'),
    location: text('location'),
    topics: text('topics'),
    challenge: text('challenge'),
    lookingFor: text('looking_for'),
    questions: text('questions'),
    promises: text('promises'),
    impression: text('impression'),
    debriefedAt: integer('debriefed_at'),
    /**
     * The calendar's name for this interview (iCalendar UID): random, so two databases never share
     * one, and never changed, so exporting again updates the event instead of adding another. The
     * app writes a UUID; a trigger (migration 0008) fills one in for any row written without it.
     */
    uid: text('uid').notNull().default(''),
    /** iCalendar SEQUENCE: bumped when the time or place changes, so calendars take the new version. */
    icsSequence: integer('ics_sequence').notNull().default(0),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('interviews_uid').on(t.uid),
    index('interviews_application').on(t.applicationId),
    index('interviews_start').on(t.startAt),
    index('interviews_end').on(t.endAt),
    // Today's "write down what was said": only interviews still waiting for a debrief.
    index('interviews_undebriefed').on(t.endAt).where(sql`${t.debriefedAt} IS NULL`),
  ],
);

export const interviewParticipants = sqliteTable(
  'interview_participants',
  {
    interviewId: integer('interview_id').notNull().references(() => interviews.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    talkedAbout: text('talked_about'),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.contactId] }), index('interview_participants_contact').on(t.contactId)],
);

export const notes = sqliteTable(
  'notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: NOTE_KINDS }).notNull(),
    // A note's history must survive deleting its contact, so the recipient is nulled, not cascaded.
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    recipientName: text('recipient_name'),
    applicationId: integer('application_id').references(() => applications.id, { onDelete: 'set null' }),
    interviewId: integer('interview_id').references(() => interviews.id, { onDelete: 'set null' }),
    delivery: text('delivery', { enum: DELIVERIES }).notNull().default('email'),
    subject: text('subject'),
    body: text('body').notNull().default(''),
    status: text('status', { enum: NOTE_STATUSES }).notNull().default('draft'),
    dueAt: integer('due_at'),
    sentAt: integer('sent_at'),
    mailedAt: integer('mailed_at'),
    expectedArrivalAt: integer('expected_arrival_at'),
    followsNoteId: integer('follows_note_id'),
    templateId: integer('template_id'),
    // The contact's email and postal address this note goes to; null means their primary one. Ids of
    // contact_emails / contact_addresses without a foreign key on purpose: when the chosen one is
    // removed the id stays, so the note can say it fell back to the primary instead of silently moving.
    recipientEmailId: integer('recipient_email_id'),
    addressId: integer('address_id'),
    // Bumped by a trigger on every change of the row (see drizzle/0006_note_revision_trigger.sql):
    // notes.update takes the revision it edits and refuses a stale write.
    revision: integer('revision').notNull().default(1),
    // The Message-ID header exactly as sent, angle brackets included ("<...@host>"); set when the outbox
    // sends the note, so a reply's In-Reply-To / References finds it.
    messageId: text('message_id'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('notes_due').on(t.status, t.dueAt),
    // Today's "cards on their way": mailed notes still in transit.
    index('notes_arrival').on(t.status, t.expectedArrivalAt),
    // Open obligations (due drafts), covering what the due checks read, so Today and the pipeline
    // never touch the bulk of sent notes.
    index('notes_open_drafts').on(t.applicationId, t.dueAt, t.interviewId, t.kind).where(sql`${t.status} = 'draft' AND ${t.dueAt} IS NOT NULL`),
    index('notes_contact').on(t.contactId),
    index('notes_application').on(t.applicationId),
    index('notes_interview').on(t.interviewId),
    index('notes_message_id').on(t.messageId).where(sql`${t.messageId} IS NOT NULL`),
    // Cards written but not mailed, per application (the pipeline's "to mail" badge): a handful of rows.
    index('notes_in_flight').on(t.applicationId).where(sql`${t.status} IN ('written', 'addressed', 'stamped')`),
    // The card that follows an email (marking the email sent, deleting it) is found by this link.
    index('notes_follows').on(t.followsNoteId).where(sql`${t.followsNoteId} IS NOT NULL`),
  ],
);

export const noteEvents = sqliteTable(
  'note_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    noteId: integer('note_id').notNull().references(() => notes.id, { onDelete: 'cascade' }),
    status: text('status', { enum: NOTE_STATUSES }).notNull(),
    at: integer('at').notNull(),
    detail: text('detail'),
  },
  (t) => [index('note_events_note').on(t.noteId, t.at)],
);

export const templates = sqliteTable('templates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: NOTE_KINDS }).notNull(),
  delivery: text('delivery', { enum: DELIVERIES }).notNull().default('email'),
  name: text('name').notNull(),
  subject: text('subject'),
  body: text('body').notNull(),
  builtIn: integer('built_in', { mode: 'boolean' }).notNull().default(false),
  /** A built-in's stable identity (e.g. 'thank_you.email'), so seeding and "reset to the original words"
   * find it whatever its name reads; null for the person's own templates. */
  builtInKey: text('builtin_key'),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [uniqueIndex('templates_builtin_key').on(t.builtInKey)]);

export const stationeryItems = sqliteTable('stationery_items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: STATIONERY_KINDS }).notNull(),
  name: text('name').notNull(),
  postageCents: integer('postage_cents'),
  /** Stamps only: domestic or international postage (other kinds keep the default and ignore it). */
  scope: text('scope', { enum: STAMP_SCOPES }).notNull().default('domestic'),
  currency: text('currency').notNull().default('USD'),
  lowStockThreshold: integer('low_stock_threshold').notNull().default(0),
  archivedAt: integer('archived_at'),
  createdAt: created(),
  updatedAt: updated(),
});

export const stationeryLedger = sqliteTable(
  'stationery_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id').notNull().references(() => stationeryItems.id, { onDelete: 'cascade' }),
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: LEDGER_REASONS }).notNull(),
    noteId: integer('note_id').references(() => notes.id, { onDelete: 'set null' }),
    // Total cost of a purchase, in minor units of the item's currency.
    costCents: integer('cost_cents'),
    memo: text('memo'),
    at: integer('at').notNull(),
  },
  (t) => [index('stationery_ledger_item').on(t.itemId), index('stationery_ledger_note').on(t.noteId)],
);

export const reminders = sqliteTable(
  'reminders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: REMINDER_KINDS }).notNull().default('custom'),
    title: text('title').notNull(),
    dueAt: integer('due_at').notNull(),
    doneAt: integer('done_at'),
    applicationId: integer('application_id').references(() => applications.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    noteId: integer('note_id').references(() => notes.id, { onDelete: 'set null' }),
    createdAt: created(),
  },
  (t) => [index('reminders_due').on(t.doneAt, t.dueAt)],
);

/**
 * An offer on an application, as the person records it from the letter: amounts are yearly, in whole
 * units of the offer's currency; equity is its total value over the vesting years. One per application
 * (a revised offer is an edit). The deadline's reminder is kept in step with the deadline.
 */
export const offers = sqliteTable(
  'offers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    currency: text('currency').notNull(),
    baseSalary: integer('base_salary'),
    /** Target yearly bonus. */
    bonus: integer('bonus'),
    signOnBonus: integer('sign_on_bonus'),
    equityTotal: integer('equity_total'),
    vestingYears: integer('vesting_years'),
    cliffMonths: integer('cliff_months'),
    equityNotes: text('equity_notes'),
    benefits: text('benefits'),
    /** The first day of work as the letter says it: a calendar day (YYYY-MM-DD), not an instant. */
    startDate: text('start_date'),
    /** When the answer is due. */
    deadlineAt: integer('deadline_at'),
    location: text('location'),
    workMode: text('work_mode', { enum: WORK_MODES }),
    notes: text('notes'),
    reminderId: integer('reminder_id').references(() => reminders.id, { onDelete: 'set null' }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex('offers_application').on(t.applicationId)],
);

/**
 * The bytes of every document, stored once per content (SHA-256): the same résumé sent with ten
 * applications is one row. Kept in the database rather than loose files so a document and the row that
 * names it are written in one transaction, and backups, restore and the full export carry them as they
 * are. Bytes no application refers to are released later (domains/documents: releaseUnusedDocuments),
 * not by a trigger, so undoing an application's delete finds its documents' bytes still there.
 */
export const documentBlobs = sqliteTable('document_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  createdAt: created(),
});

/** A document as attached to one application: its file name, kind and version label. */
export const applicationDocuments = sqliteTable(
  'application_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull().references(() => documentBlobs.sha256, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull().default('other'),
    /** The person's version label: "platform v3". */
    label: text('label'),
    createdAt: created(),
  },
  (t) => [index('application_documents_application').on(t.applicationId, t.createdAt), index('application_documents_sha').on(t.sha256)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: updated(),
});

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

// Undo: what an undoable action changed, captured in its own transaction (electron/domains/undo), so
// `undo.apply` can put every row back exactly: the same ids, child rows and timestamps. Short-lived:
// rows expire after minutes and are cleared as new ones are written. Not exported (data/tables.ts).
export const undoJournal = sqliteTable(
  'undo_journal',
  {
    token: text('token').primaryKey(),
    /** What was done, for the toast and the refusal message ("Deleted application Acme — Designer"). */
    label: text('label').notNull(),
    /** JSON: [{table, key, before, after}] per row changed, before/after the whole row or null. */
    changes: text('changes').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('undo_journal_expires').on(t.expiresAt)],
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
});
