// Duplicates and merging: a new or edited contact that looks like a saved one is refused with the
// matches (open, merge or save anyway); merging folds one contact's details and links into another.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../db/context';
import { insertRow, pick, stmt, updateRow } from '../../db/sql';
import { contacts } from '../../db/schema';
import type { ContactFieldsT, DuplicateMatch } from '../../api/contract/contacts';
import { conflict, type AppError } from '../../shared/errors';
import { listAnd } from '../../shared/words';
import { companyIdByName, companyIdFor } from '../companies/companies';
import { contactRow } from './queries';
import { nameColumns } from '../../shared/names';
import { listsOf, readChannels, TABLES, writeChannels, writeKind, type ChannelInputs, type Channels, type Kind, type Shorthand } from './channels';

type Duplicate = z.output<typeof DuplicateMatch>;

/** Contact fields stored as plain columns, by their schema names (name parts, company and channels are resolved separately). */
export const CONTACT_FIELDS = ['title', 'url', 'metHow', 'notes'] as const;
type ColumnKey = (typeof CONTACT_FIELDS)[number];
type AddressKey = 'lines' | 'city' | 'region' | 'postalCode' | 'country';

/**
 * Saved contacts with any of these emails (case-insensitive, against every email of every contact)
 * or the same name at the same company. Raw SQL: the email match reads lower(address) to use the
 * contact_emails_address expression index.
 */
export function findDuplicates(ctx: Ctx, c: { name: string; emails?: readonly string[]; company?: string | null }, excludeId: number | null = null): Duplicate[] {
  const out = new Map<number, Duplicate>();
  const emails = (c.emails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (emails.length) {
    const rows = stmt<Omit<Duplicate, 'reason'>>(
      ctx.sqlite,
      `SELECT c.id, c.name, co.name AS company, min(e.address) AS email FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
       LEFT JOIN companies co ON co.id = c.company_id
       WHERE lower(e.address) IN (SELECT value FROM json_each(?)) GROUP BY c.id ORDER BY c.id LIMIT 10`,
    ).all(JSON.stringify(emails));
    for (const r of rows) if (r.id !== excludeId) out.set(r.id, { ...r, reason: 'email' });
  }
  const companyId = c.company ? companyIdByName(ctx, c.company) : null;
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

/**
 * The conflict for duplicates. `emailKeys` maps a lowercased email of the input to the field that
 * holds it (`emails.1.address`, or `email` for the shorthand), so the message sits beside that row.
 */
export function duplicateConflict(dups: Duplicate[], editing = false, emailKeys: Map<string, string> = new Map()): AppError {
  const fields: Record<string, string> = {};
  const byName = dups.find((d) => d.reason === 'name_company');
  for (const d of dups) {
    if (d.reason !== 'email' || !d.email) continue;
    const key = emailKeys.get(d.email.toLowerCase()) ?? 'email';
    fields[key] ??= `${who(d)} already has this email.`;
  }
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

/** The emails of a write, each with the field that holds it (for messages beside the right row). */
export function emailKeysOf(input: { email?: string | null; emails?: { address: string }[] }): Map<string, string> {
  const out = new Map<string, string>();
  if (input.emails) input.emails.forEach((e, i) => out.set(e.address.toLowerCase(), `emails.${i}.address`));
  else if (input.email) out.set(input.email.toLowerCase(), 'email');
  return out;
}

/** Inserts a contact with its name parts, channels and company (found or created by name). Call inside a transaction. */
export function insertContact(ctx: Ctx, c: ContactFieldsT): number {
  const names = nameColumns(c, null)!;
  const id = insertRow(ctx, contacts, {
    ...pick(c, CONTACT_FIELDS),
    ...names,
    companyId: c.company ? companyIdFor(ctx, c.company) : null,
  });
  writeChannels(ctx, id, listsOf(c, null));
  return id;
}

export type Incoming = Partial<Record<ColumnKey, string | null>> & { name: string; company?: string | null } & ChannelInputs & Shorthand;

export function formatAddress(a: Partial<Record<AddressKey, string | null>>): string {
  const cityLine = [a.city, [a.region, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.lines?.replace(/\n/g, ', '), cityLine, a.country].filter(Boolean).join(', ');
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

const phoneKey = (n: string) => n.replace(/[^\d+]/g, '');
const addressKey = (a: Partial<Record<AddressKey, string | null>>) => formatAddress(a).trim().toLowerCase();

/**
 * Adds another record's emails, phones and addresses to a saved contact's, skipping ones it already
 * has (same email ignoring case, same phone digits, same address text). The kept contact's primary
 * stays primary; a kind it had none of takes the incoming primary. Call inside a transaction.
 */
function foldChannels(ctx: Ctx, keepId: number, incoming: ChannelInputs): void {
  const have = readChannels(ctx, keepId);
  const add = <T extends { id?: number; isPrimary?: boolean }, S extends { id: number }>(kind: Kind, saved: S[], rows: T[] | undefined, key: (r: T | S) => string) => {
    if (!rows?.length) return;
    const known = new Set(saved.map(key));
    const fresh = rows.filter((r) => !known.has(key(r)) && (known.add(key(r)), true)).map((r, i) => ({ ...r, id: undefined, isPrimary: saved.length === 0 && (r.isPrimary ?? i === 0) }));
    if (fresh.length) writeKind(ctx, keepId, kind, [...saved, ...fresh] as never);
  };
  add('emails', have.emails, incoming.emails, (r) => r.address.trim().toLowerCase());
  add('phones', have.phones, incoming.phones, (r) => phoneKey(r.number));
  add('addresses', have.addresses, incoming.addresses, addressKey);
}

/**
 * Folds another record's details into a saved contact: its channels are added (see foldChannels); its
 * empty fields are filled; values that differ are not overwritten but written into its notes, so
 * nothing is lost. Call inside a transaction.
 */
export function foldInto(ctx: Ctx, keepId: number, incoming: Incoming, source: string): void {
  const keep = contactRow(ctx, keepId);
  foldChannels(ctx, keepId, listsOf(incoming, null));
  const sets: Partial<typeof contacts.$inferInsert> = {};
  const kept: string[] = [];
  if (!same(keep.name, incoming.name)) kept.push(`Name: ${incoming.name}`);
  for (const [key, label] of [
    ['title', 'Title'],
    ['url', 'Link'],
  ] as const) {
    const v = incoming[key];
    if (!v) continue;
    if (keep[key] == null) sets[key] = v;
    else if (!same(keep[key], v)) kept.push(`${label}: ${v}`);
  }
  if (incoming.company) {
    if (keep.companyId == null) sets.companyId = companyIdFor(ctx, incoming.company);
    else if (!same(keep.company ?? '', incoming.company)) kept.push(`Company: ${incoming.company}`);
  }
  if (incoming.metHow) {
    if (keep.metHow == null) sets.metHow = incoming.metHow;
    else if (!keep.metHow.includes(incoming.metHow)) sets.metHow = `${keep.metHow}\n${incoming.metHow}`;
  }
  const notes = [keep.notes];
  if (incoming.notes && !(keep.notes ?? '').includes(incoming.notes)) notes.push(incoming.notes);
  if (kept.length) notes.push(`Also from ${source}:\n${kept.join('\n')}`);
  const joined = notes.filter(Boolean).join('\n\n');
  if (joined !== (keep.notes ?? '')) sets.notes = joined;
  updateRow(ctx, contacts, keepId, sets);
}

/** Moves everything of mergeId to keepId, fills keepId's gaps, deletes mergeId. Call inside a transaction. */
export function mergeContacts(ctx: Ctx, keepId: number, mergeId: number): void {
  contactRow(ctx, keepId);
  const m = contactRow(ctx, mergeId);
  // Raw SQL: bulk moves (INSERT … SELECT, correlated updates) across the tables that point at a contact.
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
  // The merged contact's emails, phones and addresses join the kept one's as rows (ids kept, so the
  // notes that chose one of them keep their choice). One the kept contact already has is dropped, and
  // a note that chose it points at the kept contact's equal row instead.
  run(
    `UPDATE notes SET recipient_email_id = (SELECT k.id FROM contact_emails k JOIN contact_emails m ON lower(m.address) = lower(k.address)
       WHERE k.contact_id = @keep AND m.id = notes.recipient_email_id)
     WHERE contact_id = @keep AND recipient_email_id IN (SELECT m.id FROM contact_emails m JOIN contact_emails k ON lower(m.address) = lower(k.address)
       WHERE m.contact_id = @merge AND k.contact_id = @keep)`,
  );
  const have = readChannels(ctx, keepId);
  const theirs = readChannels(ctx, mergeId);
  const moveKind = <K extends Kind>(kind: K, key: (r: Channels[K][number]) => string) => {
    const known = new Set((have[kind] as Channels[K][number][]).map(key));
    const moved = (theirs[kind] as Channels[K][number][]).filter((r) => !known.has(key(r)) && (known.add(key(r)), true));
    const table = TABLES[kind] as typeof TABLES.emails;
    // Rows join after the kept ones; the kept contact's primary stays, or theirs becomes it.
    moved.forEach((r, i) => {
      const isPrimary = have[kind].length === 0 && r.isPrimary;
      ctx.db.update(table).set({ contactId: keepId, position: have[kind].length + i, isPrimary }).where(eq(table.id, r.id)).run();
    });
  };
  moveKind('emails', (r) => (r as Channels['emails'][number]).address.trim().toLowerCase());
  moveKind('phones', (r) => phoneKey((r as Channels['phones'][number]).number));
  moveKind('addresses', (r) => addressKey(r as Channels['addresses'][number]));
  const { name, company, title, url, metHow, notes } = m;
  foldInto(ctx, keepId, { name, company, title, url, metHow, notes }, `the merged contact “${m.name}”`);
  run('DELETE FROM contacts WHERE id = @merge');
}

