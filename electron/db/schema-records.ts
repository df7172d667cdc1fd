// What a person keeps beside an application (offers, documents), their stationery (items and ledger), the
// undo journal and the desktop notices shown.
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LEDGER_REASONS, STAMP_SCOPES, STATIONERY_KINDS, WORK_MODES } from '../shared/domain';
import { DOCUMENT_KINDS } from '../shared/documents';
import { created, updated } from './columns';
import { applications, notes, reminders } from './schema-core';

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

// Desktop notices already shown (electron/domains/notifications): one row per notice key ("kind:id:when"),
// written before the notice is shown, so a restart, a reload or a second window never shows it twice.
// Exported with the data: a file imported elsewhere does not ring again for what was already seen.
export const notificationsSent = sqliteTable('notifications_sent', {
  key: text('key').primaryKey(),
  deliveredAt: integer('delivered_at').notNull(),
});

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
