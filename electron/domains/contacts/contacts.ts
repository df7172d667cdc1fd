// Contacts: the people met in a job search, their roles on applications, and vCard import/export.
// A contact's notes outlive it (notes.contact_id is SET NULL on delete, and recipient_name keeps who
// it was to); merging two contacts moves everything to the one kept, in one transaction.
// Reading is in queries.ts, duplicates and merging in merge.ts, vCard files in vcf.ts.
import { undoable } from '../undo/undo';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Handlers } from '../../db/context';
import { deleteRow, insertOrIgnore, param, pick, prepare, rowExists, stmt, tx, updateRow } from '../../db/sql';
import { applicationContacts, applications, contacts, notes } from '../../db/schema';
import { conflict, invalid, notFound } from '../../shared/errors';
import { companyIdFor } from '../companies/companies';
import { contactRow, DEFAULT_LIMIT, filterSql, getContact, IDS_PAGE_SQL, listPageSql, searchPageIds, type SummaryRow, toSummaries } from './queries';
import { CONTACT_FIELDS, duplicateConflict, emailKeysOf, findDuplicates, foldInto, insertContact, mergeContacts } from './merge';
import { listsOf, readChannels, writeChannels } from './channels';
import { nameColumns } from '../../shared/names';
import { count as countOf } from '../../shared/words';
import { vcardHandlers } from './vcf';

export { findDuplicates } from './merge';
export { getContact } from './queries';
export { fromVCard } from './vcf';

const NOTE = { one: 'note', other: 'notes' };
const ID = sql.placeholder('id');
const notesTo = prepare((db) => db.select({ n: count() }).from(notes).where(eq(notes.contactId, ID)).prepare());
const keepRecipientName = prepare((db) => db.update(notes).set({ recipientName: param<string>('name') }).where(eq(notes.contactId, ID)).prepare());
const removeRole = prepare((db) =>
  db
    .delete(applicationContacts)
    .where(
      and(
        eq(applicationContacts.applicationId, sql.placeholder('applicationId')),
        eq(applicationContacts.contactId, sql.placeholder('contactId')),
        eq(applicationContacts.role, sql.placeholder('role')),
      ),
    )
    .prepare(),
);

function requireApplication(ctx: Parameters<typeof rowExists>[0], applicationId: number) {
  if (!rowExists(ctx, applications, applicationId)) {
    throw invalid({ applicationId: 'That application was not found.' }, 'Choose an application.');
  }
}

const basicHandlers: Handlers<
  | 'contacts.create'
  | 'contacts.get'
  | 'contacts.list'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.setRole'
  | 'contacts.removeRole'
  | 'contacts.merge'
> = {
  'contacts.create': (input, ctx) => {
    const { force, mergeIntoId, ...given } = input;
    const names = nameColumns(given, null)!;
    const fields = { ...given, name: names.name };
    const id = tx(ctx, () => {
      if (mergeIntoId !== undefined) {
        if (!rowExists(ctx, contacts, mergeIntoId)) {
          throw invalid({ mergeIntoId: 'That contact no longer exists.' }, 'The contact to merge into was not found.');
        }
        foldInto(ctx, mergeIntoId, fields, `the details entered for “${fields.name}”`);
        return mergeIntoId;
      }
      if (!force) {
        const keys = emailKeysOf(fields);
        const dups = findDuplicates(ctx, { ...fields, emails: [...keys.keys()] });
        if (dups.length) throw duplicateConflict(dups, false, keys);
      }
      return insertContact(ctx, fields);
    });
    return getContact(ctx, id);
  },

  'contacts.get': ({ id }, ctx) => getContact(ctx, id),

  'contacts.list': (input, ctx) => {
    const f = filterSql(ctx.sqlite, input);
    if (!f) return { items: [], total: 0, more: false };
    const limit = input.limit ?? DEFAULT_LIMIT;
    if (f.searchOnly) {
      // A plain search reads its matches in name order from the index (searchPageIds), and counts them
      // no further than SEARCH_COUNT_CAP: past it the list says "2,000+" (counting every match of a
      // common name costs a read per match, which grows with the book).
      const { ids, total, more } = searchPageIds(ctx.sqlite, f.params.match as string, limit);
      if (total === 0) return { items: [], total: 0, more: false };
      const rows = stmt<SummaryRow>(ctx.sqlite, IDS_PAGE_SQL).all({ ids: JSON.stringify(ids), limit });
      return { items: toSummaries(ctx, rows), total, more };
    }
    // Raw SQL: the page cut before the join.
    const rows = stmt<SummaryRow>(ctx.sqlite, listPageSql(f)).all({ ...f.params, limit });
    // Counting is only needed when the page is full.
    const total = rows.length < limit ? rows.length : stmt<{ n: number }>(ctx.sqlite, `SELECT count(*) AS n FROM ${f.from} ${f.where}`).get(f.params)!.n;
    return { items: toSummaries(ctx, rows), total, more: false };
  },

  'contacts.update': (input, ctx) => {
    tx(ctx, () => {
      const current = contactRow(ctx, input.id);
      const names = nameColumns(input, current);
      const lists = listsOf(input, readChannels(ctx, input.id));
      // An edit that changes who this is (name, emails, company) is checked like a new contact.
      if (!input.force && (names || lists.emails || input.company !== undefined)) {
        const keys = lists.emails ? emailKeysOf(input.emails ? { emails: lists.emails } : { email: input.email }) : new Map<string, string>();
        const next = {
          name: names?.name ?? current.name,
          emails: lists.emails ? lists.emails.map((e) => e.address) : [],
          company: input.company !== undefined ? input.company : current.company,
        };
        const dups = findDuplicates(ctx, next, input.id);
        if (dups.length) throw duplicateConflict(dups, true, keys);
      }
      const companyId = input.company === undefined ? undefined : input.company ? companyIdFor(ctx, input.company) : null;
      updateRow(ctx, contacts, input.id, { ...pick(input, CONTACT_FIELDS), ...names, companyId });
      writeChannels(ctx, input.id, lists);
    });
    return getContact(ctx, input.id);
  },

  // Their emails, phones, addresses, roles, interview places and reminders go with them; notes to
  // them stay, with their name. Undo puts all of it back, links included.
  'contacts.delete': ({ id, noteCount }, ctx) => {
    const { result, undo } = undoable(ctx, `Deleted ${contactRow(ctx, id).name}`, () => {
      const c = contactRow(ctx, id);
      const n = notesTo(ctx).get({ id })!.n;
      if (n > 0 && noteCount !== n) {
        throw conflict(`${c.name} has ${countOf(n, NOTE)}. They are kept (addressed to ${c.name}); confirm to delete the contact.`, {
          noteCount: `Confirm that the ${countOf(n, NOTE)} to ${c.name} stay in your notes log.`,
        });
      }
      // The history keeps who each note was to once the link is gone.
      keepRecipientName(ctx).run({ name: c.name, id });
      deleteRow(ctx, contacts, id);
      return { ok: true as const, notesKept: n };
    });
    return { ...result, undo };
  },

  'contacts.setRole': ({ applicationId, contactId, role }, ctx) => {
    tx(ctx, () => {
      contactRow(ctx, contactId);
      requireApplication(ctx, applicationId);
      insertOrIgnore(ctx, applicationContacts, { applicationId, contactId, role });
    });
    return getContact(ctx, contactId);
  },

  'contacts.removeRole': ({ applicationId, contactId, role }, ctx) => {
    contactRow(ctx, contactId);
    if (removeRole(ctx).run({ applicationId, contactId, role }).changes === 0) throw notFound('Role on application', applicationId);
    return getContact(ctx, contactId);
  },

  'contacts.merge': ({ keepId, mergeId }, ctx) => {
    tx(ctx, () => mergeContacts(ctx, keepId, mergeId));
    return getContact(ctx, keepId);
  },

};

export const contactsHandlers = { ...basicHandlers, ...vcardHandlers };
