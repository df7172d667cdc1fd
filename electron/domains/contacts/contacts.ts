// Contacts: the people met in a job search, their roles on applications, and vCard import/export.
// A contact's notes outlive it (notes.contact_id is SET NULL on delete, and recipient_name keeps who
// it was to); merging two contacts moves everything to the one kept, in one transaction.
import type { z } from 'zod';
import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx, updateFields } from '../../db/sql';
import { ContactFields, type ContactFieldsT, type ContactSummaryT, type ContactT, type DuplicateMatch, type ImportContact, type ImportPreviewCard } from '../../api/contract/contacts';
import { AppError, conflict, invalid, notFound } from '../../shared/errors';
import { isHttpUrl } from '../../shared/url';
import { isEmail } from '../../shared/email';
import { count, listAnd } from '../../shared/words';
import { companyIdFor } from '../companies/companies';
import { interviewSummaries } from '../interviews/interviews';
import { noteSummaries } from '../notes/records';
import { ftsQuery } from '../../db/fts';
import { parseVCards, toVCard, type VCardAddress, type VCardContact } from '../../formats/vcard';

type Duplicate = z.output<typeof DuplicateMatch>;
type PreviewCard = z.output<typeof ImportPreviewCard>;
type ImportContactT = z.output<typeof ImportContact>;

/** Contact fields stored as plain columns (company is resolved separately). */
const COLUMN = {
  name: 'name',
  title: 'title',
  email: 'email',
  phone: 'phone',
  addressLines: 'address_lines',
  city: 'city',
  region: 'region',
  postalCode: 'postal_code',
  country: 'country',
  url: 'url',
  metHow: 'met_how',
  notes: 'notes',
} as const;
type ColumnKey = keyof typeof COLUMN;
const ADDRESS_KEYS = ['addressLines', 'city', 'region', 'postalCode', 'country'] as const;

/** Same definition as notes and interviews use for "can receive a card". */
const MISSING_ADDRESS = '(c.address_lines IS NULL OR c.city IS NULL)';
const MISSING_SQL = { email: 'c.email IS NULL', address: MISSING_ADDRESS, any: `(c.email IS NULL OR ${MISSING_ADDRESS})` } as const;

const SUMMARY_SELECT = `
SELECT c.id, c.name, c.title, c.company_id AS companyId, co.name AS company, c.email, c.phone, c.city, c.country,
       c.email IS NULL AS missingEmail, ${MISSING_ADDRESS} AS missingAddress, c.created_at AS createdAt, c.updated_at AS updatedAt
FROM contacts c
LEFT JOIN companies co ON co.id = c.company_id`;

type SummaryRow = Omit<ContactSummaryT, 'missingEmail' | 'missingAddress' | 'lastInteractionAt'> & { missingEmail: number; missingAddress: number };

interface ContactRow {
  id: number;
  name: string;
  title: string | null;
  companyId: number | null;
  company: string | null;
  email: string | null;
  phone: string | null;
  addressLines: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  url: string | null;
  metHow: string | null;
  notes: string | null;
}

const ROW_SELECT = `
SELECT c.id, c.name, c.title, c.company_id AS companyId, co.name AS company, c.email, c.phone, c.address_lines AS addressLines,
       c.city, c.region, c.postal_code AS postalCode, c.country, c.url, c.met_how AS metHow, c.notes
FROM contacts c LEFT JOIN companies co ON co.id = c.company_id`;

function contactRow(ctx: Ctx, id: number): ContactRow {
  const row = stmt<ContactRow>(ctx.sqlite, `${ROW_SELECT} WHERE c.id = ?`).get(id);
  if (!row) throw notFound('Contact', id);
  return row;
}

/**
 * Latest interaction per contact: an interview that has started, or a note sent or mailed to them.
 * One grouped, indexed query per kind over just the given ids (never over every note).
 */
function lastInteractions(ctx: Ctx, ids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (ids.length === 0) return out;
  const params = { ids: JSON.stringify(ids), now: ctx.clock.now() };
  const rows = [
    ...stmt<{ id: number; at: number | null }>(
      ctx.sqlite,
      `SELECT p.contact_id AS id, max(i.start_at) AS at FROM interview_participants p JOIN interviews i ON i.id = p.interview_id
       WHERE p.contact_id IN (SELECT value FROM json_each(@ids)) AND i.start_at <= @now GROUP BY p.contact_id`,
    ).all(params),
    ...stmt<{ id: number; at: number | null }>(
      ctx.sqlite,
      `SELECT contact_id AS id, max(coalesce(mailed_at, sent_at)) AS at FROM notes
       WHERE contact_id IN (SELECT value FROM json_each(@ids)) GROUP BY contact_id`,
    ).all(params),
  ];
  for (const r of rows) if (r.at != null && r.at > (out.get(r.id) ?? -1)) out.set(r.id, r.at);
  return out;
}

function toSummaries(ctx: Ctx, rows: SummaryRow[]): ContactSummaryT[] {
  const last = lastInteractions(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, missingEmail: !!r.missingEmail, missingAddress: !!r.missingAddress, lastInteractionAt: last.get(r.id) ?? null }));
}

export function getContact(ctx: Ctx, id: number): ContactT {
  const row = stmt<SummaryRow>(ctx.sqlite, `${SUMMARY_SELECT} WHERE c.id = ?`).get(id);
  if (!row) throw notFound('Contact', id);
  const [summary] = toSummaries(ctx, [row]);
  const extra = stmt<Pick<ContactT, 'addressLines' | 'region' | 'postalCode' | 'url' | 'metHow' | 'notes'>>(
    ctx.sqlite,
    'SELECT address_lines AS addressLines, region, postal_code AS postalCode, url, met_how AS metHow, notes FROM contacts WHERE id = ?',
  ).get(id)!;
  const roles = stmt<ContactT['roles'][number]>(
    ctx.sqlite,
    `SELECT ac.application_id AS applicationId, co.name AS company, a.role AS applicationRole, a.stage, ac.role, ac.created_at AS createdAt
     FROM application_contacts ac JOIN applications a ON a.id = ac.application_id JOIN companies co ON co.id = a.company_id
     WHERE ac.contact_id = ? ORDER BY a.stage_changed_at DESC, a.id, ac.role`,
  ).all(id);
  const interviews = interviewSummaries(ctx, 'i.id IN (SELECT interview_id FROM interview_participants WHERE contact_id = @id)', { id }, 'i.start_at DESC');
  const noteLog = noteSummaries(ctx, 'n.contact_id = @id', { id }, 'coalesce(n.mailed_at, n.sent_at, n.created_at) DESC, n.id DESC');
  return { ...summary, ...extra, roles, interviews, noteLog };
}

// ---------------------------------------------------------------------------------------------
// Duplicates

function existingCompanyId(ctx: Ctx, name: string | null | undefined): number | null {
  if (!name) return null;
  return stmt<{ id: number }>(ctx.sqlite, 'SELECT id FROM companies WHERE name = ? COLLATE NOCASE').get(name.trim())?.id ?? null;
}

/** Saved contacts with the same email (case-insensitive) or the same name at the same company. */
export function findDuplicates(ctx: Ctx, c: { name: string; email?: string | null; company?: string | null }, excludeId: number | null = null): Duplicate[] {
  const out = new Map<number, Duplicate>();
  if (c.email) {
    const rows = stmt<Omit<Duplicate, 'reason'>>(
      ctx.sqlite,
      `SELECT c.id, c.name, co.name AS company, c.email FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
       WHERE lower(c.email) = lower(?) ORDER BY c.id LIMIT 10`,
    ).all(c.email);
    for (const r of rows) if (r.id !== excludeId) out.set(r.id, { ...r, reason: 'email' });
  }
  const companyId = existingCompanyId(ctx, c.company);
  // A company name that is not saved yet cannot match anyone at that company.
  if (!c.company || companyId !== null) {
    const rows = stmt<Omit<Duplicate, 'reason'>>(
      ctx.sqlite,
      `SELECT c.id, c.name, co.name AS company, c.email FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
       WHERE c.name = ? COLLATE NOCASE AND c.company_id IS ? ORDER BY c.id LIMIT 10`,
    ).all(c.name.trim(), companyId);
    for (const r of rows) if (r.id !== excludeId && !out.has(r.id)) out.set(r.id, { ...r, reason: 'name_company' });
  }
  return [...out.values()];
}

const who = (d: { name: string; company: string | null }) => (d.company ? `${d.name} (${d.company})` : d.name);

function duplicateConflict(dups: Duplicate[], editing = false): AppError {
  const fields: Record<string, string> = {};
  const byEmail = dups.find((d) => d.reason === 'email');
  const byName = dups.find((d) => d.reason === 'name_company');
  if (byEmail) fields.email = `${who(byEmail)} already has this email.`;
  if (byName) fields.name = `${who(byName)} is already saved${byName.company ? ' at this company' : ''}.`;
  // One key per match, so the UI can offer "open" and "merge into" for each.
  for (const d of dups) fields[`duplicate.${d.id}`] = [who(d), d.email].filter(Boolean).join(' · ');
  const names = listAnd(dups.map(who));
  return conflict(
    editing
      ? `With these details this contact looks like ${names}. Open the existing contact, merge the two (Merge… on the contact page), or save anyway.`
      : `This looks like someone you already have: ${names}. Open the existing contact, merge into it, or create anyway.`,
    fields,
  );
}

// ---------------------------------------------------------------------------------------------
// Writes

function insertContact(ctx: Ctx, c: ContactFieldsT): number {
  const now = ctx.clock.now();
  const companyId = c.company ? companyIdFor(ctx, c.company) : null;
  const res = stmt(
    ctx.sqlite,
    `INSERT INTO contacts (name, title, company_id, email, phone, address_lines, city, region, postal_code, country, url, met_how, notes, created_at, updated_at)
     VALUES (@name, @title, @companyId, @email, @phone, @addressLines, @city, @region, @postalCode, @country, @url, @metHow, @notes, @now, @now)`,
  ).run({
    name: c.name,
    title: c.title ?? null,
    companyId,
    email: c.email ?? null,
    phone: c.phone ?? null,
    addressLines: c.addressLines ?? null,
    city: c.city ?? null,
    region: c.region ?? null,
    postalCode: c.postalCode ?? null,
    country: c.country ?? null,
    url: c.url ?? null,
    metHow: c.metHow ?? null,
    notes: c.notes ?? null,
    now,
  });
  return Number(res.lastInsertRowid);
}

type Incoming = Partial<Record<ColumnKey, string | null>> & { name: string; company?: string | null };

function formatAddress(a: Partial<Record<(typeof ADDRESS_KEYS)[number], string | null>>): string {
  const cityLine = [a.city, [a.region, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.addressLines?.replace(/\n/g, ', '), cityLine, a.country].filter(Boolean).join(', ');
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Folds another record's details into a saved contact: its empty fields are filled; values that
 * differ are not overwritten but written into its notes, so nothing is lost. Call inside a transaction.
 */
function foldInto(ctx: Ctx, keepId: number, incoming: Incoming, source: string): void {
  const keep = contactRow(ctx, keepId);
  const sets: Record<string, unknown> = {};
  const kept: string[] = [];
  if (!same(keep.name, incoming.name)) kept.push(`Name: ${incoming.name}`);
  for (const [key, label] of [
    ['title', 'Title'],
    ['email', 'Email'],
    ['phone', 'Phone'],
    ['url', 'Link'],
  ] as const) {
    const v = incoming[key];
    if (!v) continue;
    if (keep[key] == null) sets[COLUMN[key]] = v;
    else if (!same(keep[key], v)) kept.push(`${label}: ${v}`);
  }
  if (incoming.company) {
    if (keep.companyId == null) sets.company_id = companyIdFor(ctx, incoming.company);
    else if (!same(keep.company ?? '', incoming.company)) kept.push(`Company: ${incoming.company}`);
  }
  // The address moves as a whole: mixing the street of one with the city of another helps no one.
  const theirs = formatAddress(incoming);
  if (theirs) {
    if (ADDRESS_KEYS.every((k) => keep[k] == null)) for (const k of ADDRESS_KEYS) sets[COLUMN[k]] = incoming[k] ?? null;
    else if (!same(formatAddress(keep), theirs)) kept.push(`Address: ${theirs}`);
  }
  if (incoming.metHow) {
    if (keep.metHow == null) sets.met_how = incoming.metHow;
    else if (!keep.metHow.includes(incoming.metHow)) sets.met_how = `${keep.metHow}\n${incoming.metHow}`;
  }
  const notes = [keep.notes];
  if (incoming.notes && !(keep.notes ?? '').includes(incoming.notes)) notes.push(incoming.notes);
  if (kept.length) notes.push(`Also from ${source}:\n${kept.join('\n')}`);
  const joined = notes.filter(Boolean).join('\n\n');
  if (joined !== (keep.notes ?? '')) sets.notes = joined;
  if (Object.keys(sets).length === 0) return;
  sets.updated_at = ctx.clock.now();
  const cols = Object.keys(sets);
  ctx.sqlite.prepare(`UPDATE contacts SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...sets, id: keepId });
}

/** Moves everything of mergeId to keepId, fills keepId's gaps, deletes mergeId. Call inside a transaction. */
function mergeContacts(ctx: Ctx, keepId: number, mergeId: number): void {
  contactRow(ctx, keepId);
  const m = contactRow(ctx, mergeId);
  const p = { keep: keepId, merge: mergeId, now: ctx.clock.now() };
  const run = (sql: string) => stmt(ctx.sqlite, sql).run(p);
  run(
    `INSERT OR IGNORE INTO application_contacts (application_id, contact_id, role, created_at)
     SELECT application_id, @keep, role, created_at FROM application_contacts WHERE contact_id = @merge`,
  );
  // Both were at the same interview: keep what the merged one talked about if the kept one has nothing.
  run(
    `UPDATE interview_participants SET talked_about = (
       SELECT m.talked_about FROM interview_participants m WHERE m.contact_id = @merge AND m.interview_id = interview_participants.interview_id)
     WHERE contact_id = @keep AND talked_about IS NULL
       AND interview_id IN (SELECT interview_id FROM interview_participants WHERE contact_id = @merge AND talked_about IS NOT NULL)`,
  );
  run(
    `INSERT OR IGNORE INTO interview_participants (interview_id, contact_id, talked_about, created_at)
     SELECT interview_id, @keep, talked_about, created_at FROM interview_participants WHERE contact_id = @merge`,
  );
  // An untouched, generated thank-you for an interview the kept person already owes one for is a
  // second obligation for the same person: drop it. Anything written is kept.
  run(
    `DELETE FROM notes WHERE contact_id = @merge AND kind = 'thank_you' AND status = 'draft' AND trim(body) = '' AND subject IS NULL
       AND interview_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM notes k WHERE k.contact_id = @keep AND k.interview_id = notes.interview_id AND k.kind = 'thank_you')`,
  );
  run('UPDATE notes SET contact_id = @keep, updated_at = @now WHERE contact_id = @merge');
  run('UPDATE reminders SET contact_id = @keep WHERE contact_id = @merge');
  foldInto(ctx, keepId, m, `the merged contact “${m.name}”`);
  run('DELETE FROM contacts WHERE id = @merge');
}

// ---------------------------------------------------------------------------------------------
// Listing

interface ListFilters {
  search?: string;
  companyId?: number;
  missing?: keyof typeof MISSING_SQL;
}

interface Filter {
  /** FROM clause over contacts `c` (joined to contacts_fts `f` when searching). */
  from: string;
  where: string;
  params: Record<string, unknown>;
  searchOnly: boolean;
}

/** FROM/WHERE and parameters for the list filters; null when the search has nothing searchable. */
function filterSql(f: ListFilters): Filter | null {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  let from = 'contacts c';
  if (f.search) {
    const match = ftsQuery(f.search);
    if (!match) return null;
    // Driven by the FTS index: only the matching rows are read.
    from = 'contacts_fts f JOIN contacts c ON c.id = f.rowid';
    where.push('contacts_fts MATCH @match');
    params.match = match;
  }
  if (f.companyId !== undefined) {
    where.push('c.company_id = @companyId');
    params.companyId = f.companyId;
  }
  if (f.missing) where.push(MISSING_SQL[f.missing]);
  return { from, where: where.length ? `WHERE ${where.join(' AND ')}` : '', params, searchOnly: !!f.search && where.length === 1 };
}

/**
 * One page of the list: the matching ids are sorted and cut first (only name and id go through the
 * sorter), then just that page is joined to its company.
 */
function listPageSql(f: Filter): string {
  return `${SUMMARY_SELECT}
JOIN (SELECT c.id FROM ${f.from} ${f.where} ORDER BY c.name COLLATE NOCASE, c.id LIMIT @limit) page ON page.id = c.id
ORDER BY c.name COLLATE NOCASE, c.id`;
}

const DEFAULT_LIMIT = 200;
const NOTE = { one: 'note', other: 'notes' };

// ---------------------------------------------------------------------------------------------
// vCard import

const BARE_DOMAIN = /^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}(?:[/?#]\S*)?$/u;

function addressText(a: VCardAddress): string {
  const text = formatAddress({ addressLines: a.lines, city: a.city, region: a.region, postalCode: a.postalCode, country: a.country });
  return a.type ? `${text} (${a.type})` : text;
}

/** Maps a parsed card to our fields: the first valid email/phone/address; everything else into notes. */
export function fromVCard(v: VCardContact): { contact: ImportContactT; warnings: string[] } {
  const warnings: string[] = [];
  const validEmails = v.emails.filter(isEmail);
  const badEmails = v.emails.filter((e) => !isEmail(e));
  const [email = null, ...moreEmails] = validEmails;
  const [phone = null, ...morePhones] = v.phones;
  const [address, ...moreAddresses] = v.addresses;
  let url = v.url;
  const extra: string[] = [];
  if (url && !isHttpUrl(url)) {
    if (BARE_DOMAIN.test(url) && isHttpUrl(`https://${url}`)) {
      warnings.push(`Link “${url}” had no http(s)://; saved as https://${url}`);
      url = `https://${url}`;
    } else {
      warnings.push(`Link “${url}” is not a web address; it goes into notes`);
      extra.push(`Link: ${url}`);
      url = null;
    }
  }
  if (moreEmails.length || badEmails.length) extra.push(`Other emails: ${[...moreEmails, ...badEmails].join(', ')}`);
  if (badEmails.length) warnings.push(`${count(badEmails.length, { one: 'email', other: 'emails' })} not valid (${listAnd(badEmails)}); kept in notes`);
  if (morePhones.length) extra.push(`Other phones: ${morePhones.join(', ')}`);
  if (moreAddresses.length) extra.push(`Other addresses:\n${moreAddresses.map((a) => `- ${addressText(a)}`).join('\n')}`);
  const moved = [
    moreEmails.length ? count(moreEmails.length, { one: 'more email', other: 'more emails' }) : '',
    morePhones.length ? count(morePhones.length, { one: 'more phone', other: 'more phones' }) : '',
    moreAddresses.length ? count(moreAddresses.length, { one: 'more address', other: 'more addresses' }) : '',
  ].filter(Boolean);
  if (moved.length) warnings.push(`Kept in notes: ${listAnd(moved)}`);
  const notes = [v.note, extra.join('\n')].filter(Boolean).join('\n\n') || null;
  return {
    contact: {
      name: v.name,
      title: v.title,
      company: v.company,
      email,
      phone,
      addressLines: address?.lines ?? null,
      city: address?.city ?? null,
      region: address?.region ?? null,
      postalCode: address?.postalCode ?? null,
      country: address?.country ?? null,
      url,
      metHow: null,
      notes,
    },
    warnings,
  };
}

function previewCards(ctx: Ctx, text: string): { cards: PreviewCard[]; fileErrors: string[] } {
  const parsed = parseVCards(text);
  const cards: PreviewCard[] = [];
  const fileErrors: string[] = [];
  for (const e of parsed.errors) {
    if (e.index < 0) fileErrors.push(e.message);
    else cards.push({ index: e.index, contact: null, error: e.message, excerpt: e.excerpt, fieldErrors: {}, warnings: [], duplicate: null, suggested: 'skip' });
  }
  const seen = new Map<string, number>(); // email or name+company -> first card index in this file
  for (const card of parsed.cards) {
    const { contact, warnings } = fromVCard(card.contact);
    warnings.unshift(...card.warnings);
    const check = ContactFields.safeParse(contact);
    const fieldErrors: Record<string, string> = {};
    if (!check.success) for (const issue of check.error.issues) fieldErrors[issue.path.map(String).join('.') || '_'] ??= issue.message;
    const [duplicate = null] = findDuplicates(ctx, contact);
    const keys = [contact.email ? `e:${contact.email.toLowerCase()}` : null, `n:${contact.name.toLowerCase()}|${(contact.company ?? '').toLowerCase()}`].filter(
      (k): k is string => k !== null,
    );
    const twin = keys.map((k) => seen.get(k)).find((i) => i !== undefined);
    if (twin !== undefined) warnings.push(`Same person as card ${twin + 1} in this file`);
    for (const k of keys) if (!seen.has(k)) seen.set(k, card.index);
    const suggested = Object.keys(fieldErrors).length || twin !== undefined ? 'skip' : duplicate ? 'merge' : 'create';
    cards.push({ index: card.index, contact, error: null, excerpt: null, fieldErrors, warnings, duplicate, suggested });
  }
  cards.sort((a, b) => a.index - b.index);
  return { cards, fileErrors };
}

// ---------------------------------------------------------------------------------------------

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'contact';

function requireApplication(ctx: Ctx, applicationId: number) {
  if (!stmt(ctx.sqlite, 'SELECT 1 FROM applications WHERE id = ?').get(applicationId)) {
    throw invalid({ applicationId: 'That application was not found.' }, 'Choose an application.');
  }
}

export const contactsHandlers: Handlers<
  | 'contacts.create'
  | 'contacts.get'
  | 'contacts.list'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.setRole'
  | 'contacts.removeRole'
  | 'contacts.merge'
  | 'contacts.importPreview'
  | 'contacts.importCommit'
  | 'contacts.exportVcf'
> = {
  'contacts.create': (input, ctx) => {
    const { force, mergeIntoId, ...fields } = input;
    const id = tx(ctx, () => {
      if (mergeIntoId !== undefined) {
        if (!stmt(ctx.sqlite, 'SELECT 1 FROM contacts WHERE id = ?').get(mergeIntoId)) {
          throw invalid({ mergeIntoId: 'That contact no longer exists.' }, 'The contact to merge into was not found.');
        }
        foldInto(ctx, mergeIntoId, fields, `the details entered for “${fields.name}”`);
        return mergeIntoId;
      }
      if (!force) {
        const dups = findDuplicates(ctx, fields);
        if (dups.length) throw duplicateConflict(dups);
      }
      return insertContact(ctx, fields);
    });
    return getContact(ctx, id);
  },

  'contacts.get': ({ id }, ctx) => getContact(ctx, id),

  'contacts.list': (input, ctx) => {
    const f = filterSql(input);
    if (!f) return { items: [], total: 0 };
    const limit = input.limit ?? DEFAULT_LIMIT;
    const rows = stmt<SummaryRow>(ctx.sqlite, listPageSql(f)).all({ ...f.params, limit });
    // Counting is only needed when the page is full; a plain search is counted in the FTS index alone.
    const countSql = f.searchOnly ? 'SELECT count(*) AS n FROM contacts_fts WHERE contacts_fts MATCH @match' : `SELECT count(*) AS n FROM ${f.from} ${f.where}`;
    const total = rows.length < limit ? rows.length : stmt<{ n: number }>(ctx.sqlite, countSql).get(f.params)!.n;
    return { items: toSummaries(ctx, rows), total };
  },

  'contacts.update': (input, ctx) => {
    tx(ctx, () => {
      const current = contactRow(ctx, input.id);
      // An edit that changes who this is (name, email, company) is checked like a new contact.
      if (!input.force && (input.name !== undefined || input.email !== undefined || input.company !== undefined)) {
        const next = {
          name: input.name ?? current.name,
          email: input.email !== undefined ? input.email : current.email,
          company: input.company !== undefined ? input.company : current.company,
        };
        const dups = findDuplicates(ctx, next, input.id);
        if (dups.length) throw duplicateConflict(dups, true);
      }
      updateFields(ctx, 'contacts', input.id, input, COLUMN, input.company !== undefined ? { company_id: input.company ? companyIdFor(ctx, input.company) : null } : {});
    });
    return getContact(ctx, input.id);
  },

  'contacts.delete': ({ id, noteCount }, ctx) =>
    tx(ctx, () => {
      const c = contactRow(ctx, id);
      const { n } = stmt<{ n: number }>(ctx.sqlite, 'SELECT count(*) AS n FROM notes WHERE contact_id = ?').get(id)!;
      if (n > 0 && noteCount !== n) {
        throw conflict(`${c.name} has ${count(n, NOTE)}. They are kept (addressed to ${c.name}); confirm to delete the contact.`, {
          noteCount: `Confirm that the ${count(n, NOTE)} to ${c.name} stay in your notes log.`,
        });
      }
      // The history keeps who each note was to once the link is gone.
      stmt(ctx.sqlite, 'UPDATE notes SET recipient_name = ? WHERE contact_id = ?').run(c.name, id);
      stmt(ctx.sqlite, 'DELETE FROM contacts WHERE id = ?').run(id);
      return { ok: true as const, notesKept: n };
    }),

  'contacts.setRole': ({ applicationId, contactId, role }, ctx) => {
    tx(ctx, () => {
      contactRow(ctx, contactId);
      requireApplication(ctx, applicationId);
      stmt(ctx.sqlite, 'INSERT OR IGNORE INTO application_contacts (application_id, contact_id, role, created_at) VALUES (?, ?, ?, ?)').run(
        applicationId,
        contactId,
        role,
        ctx.clock.now(),
      );
    });
    return getContact(ctx, contactId);
  },

  'contacts.removeRole': ({ applicationId, contactId, role }, ctx) => {
    contactRow(ctx, contactId);
    const res = stmt(ctx.sqlite, 'DELETE FROM application_contacts WHERE application_id = ? AND contact_id = ? AND role = ?').run(applicationId, contactId, role);
    if (res.changes === 0) throw notFound('Role on application', applicationId);
    return getContact(ctx, contactId);
  },

  'contacts.merge': ({ keepId, mergeId }, ctx) => {
    tx(ctx, () => mergeContacts(ctx, keepId, mergeId));
    return getContact(ctx, keepId);
  },

  'contacts.importPreview': ({ text }, ctx) => previewCards(ctx, text),

  'contacts.importCommit': ({ cards }, ctx) =>
    tx(ctx, () => {
      const counts = { created: 0, merged: 0, skipped: 0 };
      cards.forEach((card, i) => {
        if (card.action === 'skip') counts.skipped++;
        else if (card.action === 'create') {
          insertContact(ctx, card.contact);
          counts.created++;
        } else {
          const target = card.targetId!;
          if (!stmt(ctx.sqlite, 'SELECT 1 FROM contacts WHERE id = ?').get(target)) {
            throw invalid({ [`cards.${i}.targetId`]: `Contact ${target} was not found.` }, `Card ${i + 1}: the contact to merge into was not found.`);
          }
          foldInto(ctx, target, card.contact, 'the vCard import');
          counts.merged++;
        }
      });
      return counts;
    }),

  'contacts.exportVcf': ({ ids, version, ...filters }, ctx) => {
    let rows: ContactRow[];
    if (ids) {
      const found = stmt<ContactRow>(ctx.sqlite, `${ROW_SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
      const byId = new Map(found.map((r) => [r.id, r]));
      const missing = ids.find((id) => !byId.has(id));
      if (missing !== undefined) throw notFound('Contact', missing);
      rows = [...new Set(ids)].map((id) => byId.get(id)!);
    } else {
      const f = filterSql(filters);
      rows = f
        ? stmt<ContactRow>(ctx.sqlite, `${ROW_SELECT}\nWHERE c.id IN (SELECT c.id FROM ${f.from} ${f.where})\nORDER BY c.name COLLATE NOCASE, c.id`).all(f.params)
        : [];
    }
    // "How you met" has no vCard property; it travels in the note rather than being dropped.
    const content = toVCard(
      rows.map((r) => ({ ...r, notes: [r.notes, r.metHow ? `How we met: ${r.metHow}` : null].filter(Boolean).join('\n\n') || null })),
      version ?? '3.0',
    );
    const filename = rows.length === 1 ? `${slug(rows[0].name)}.vcf` : `courtesy-contacts-${rows.length}.vcf`;
    return { filename, content, count: rows.length };
  },
};
