// The core of the Courtesy domain: applications, contacts, interviews, notes, templates, reminders and
// settings. schema.ts gathers this module with the mail and records modules.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
  STAGE_KINDS,
  STATIONERY_KINDS,
} from '../shared/domain';
import { created, now, updated } from './columns';

export { ADDRESS_LABELS, CONTACT_ROLES, EMAIL_LABELS, NAME_ORDERS, PHONE_LABELS, DELIVERIES, INTERVIEW_KINDS, LEDGER_REASONS, NOTE_KINDS, NOTE_STATUSES, PRIORITIES, REMINDER_KINDS, STAGES, STATIONERY_KINDS };

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

/**
 * The person's stages (electron/domains/stages): seeded with the eight built-ins by migration
 * 0019_stages. applications.stage and stage_events.to_stage hold a stage's `key`, which never changes;
 * the name may. Stages are archived, never deleted, so every key ever recorded still resolves.
 * applications.stage has no SQL foreign key to this table (adding one means rebuilding applications
 * with its triggers and FTS): main checks a key against this table before writing it (stages/rules.ts).
 */
export const stages = sqliteTable(
  'stages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: STAGE_KINDS }).notNull(),
    /** Order on the board and in lists, ascending; rewritten whole by stages.reorder. */
    position: integer('position').notNull(),
    archivedAt: integer('archived_at'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('stages_key').on(t.key),
    // Two active stages may not share a name (the board would show two equal columns); an archived
    // stage's name is free again.
    uniqueIndex('stages_active_name').on(sql`${t.name} COLLATE NOCASE`).where(sql`${t.archivedAt} IS NULL`),
  ],
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
    stage: text('stage').notNull().default('wishlist'),
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
    // The table's other orders, as domains/applications/list.ts SORT_VALUE writes them (an expression
    // index serves only the same expression): a page reads its rows from here, not a sort of every row.
    // By company walks companies_name_nocase; by stage follows the person's stage order, not a column:
    // list.ts walks the stages in that order and each stage's applications by id from here.
    index('applications_stage_id').on(t.archivedAt, t.stage),
    index('applications_role').on(t.archivedAt, sql`${t.role} COLLATE NOCASE`),
    index('applications_location').on(t.archivedAt, sql`coalesce(${t.location}, '') COLLATE NOCASE`),
    index('applications_priority').on(t.archivedAt, sql.raw(`CASE "priority" ${PRIORITIES.map((p, i) => `WHEN '${p}' THEN ${i}`).join(' ')} END`)),
  ],
);

export const stageEvents = sqliteTable(
  'stage_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    /** The stages' names when the move happened: renaming a stage later never rewrites history. */
    fromName: text('from_name'),
    toName: text('to_name').notNull().default(''),
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
  (t) => [
    index('contacts_company').on(t.companyId),
    index('contacts_email').on(sql`lower(${t.email})`),
    index('contacts_name').on(t.name),
    // The list's order (name without regard to case, then id): a broad search walks it and stops at the page.
    index('contacts_name_nocase').on(sql`${t.name} COLLATE NOCASE`),
  ],
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
    // With end_at, Today's "interviews today" (started since yesterday, not ended before today) filters
    // the index entries it walks rather than each interview's row.
    index('interviews_start_end').on(t.startAt, t.endAt),
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
  (t) => [primaryKey({ columns: [t.interviewId, t.contactId] }), index('interview_participants_contact').on(t.contactId, t.interviewId)],
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
    // Copies that triggers keep on open drafts only (status draft with a due time; migration 0022): the
    // end of the note's interview and whether its application's stage has ended (1, 0, or null like the
    // lookup they copy). Today's due counts then read notes_open_drafts_due alone, instead of looking
    // up an interview, an application and a stage for each of thousands of old drafts.
    interviewEndAt: integer('interview_end_at'),
    applicationEnded: integer('application_ended'),
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
    // The same drafts by due time: Today's overdue and due-soon counts read this index range alone
    // (not the notes' rows, whose bodies make them the largest in the file), the interview's end and
    // the application's ended stage included (copies, see interviewEndAt).
    index('notes_open_drafts_due')
      .on(t.dueAt, t.interviewId, t.interviewEndAt, t.applicationId, t.applicationEnded, t.kind)
      .where(sql`${t.status} = 'draft' AND ${t.dueAt} IS NOT NULL`),
    // With the last time each note reached them: the contact list's "last interaction" reads this
    // index alone (contacts/queries.ts lastInteractions), not a note row (a page read each) per note.
    index('notes_contact').on(t.contactId, sql`coalesce(${t.mailedAt}, ${t.sentAt})`),
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

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: updated(),
});
