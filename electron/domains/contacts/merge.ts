// Duplicates and merging: a new or edited contact that looks like a saved one is refused with the
// matches (open, merge or save anyway); merging folds one contact's details and links into another.
import type { z } from 'zod';
import type { Ctx } from '../../db/context';
import { insertRow, pick, stmt, updateRow } from '../../db/sql';
import { contacts } from '../../db/schema';
import type { ContactFieldsT, DuplicateMatch } from '../../api/contract/contacts';
import { conflict, type AppError } from '../../shared/errors';
import { listAnd } from '../../shared/words';
import { companyIdByName, companyIdFor } from '../companies/companies';
import { contactRow } from './queries';

type Duplicate = z.output<typeof DuplicateMatch>;

/** Contact fields stored as plain columns, by their schema names (company is resolved separately). */
export const CONTACT_FIELDS = ['name', 'title', 'email', 'phone', 'addressLines', 'city', 'region', 'postalCode', 'country', 'url', 'metHow', 'notes'] as const;
type ColumnKey = (typeof CONTACT_FIELDS)[number];
const ADDRESS_KEYS = ['addressLines', 'city', 'region', 'postalCode', 'country'] as const;

/**
 * Saved contacts with the same email (case-insensitive) or the same name at the same company.
 * Raw SQL: the email match must read lower(email) to use the contacts_email expression index.
 */
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

export function duplicateConflict(dups: Duplicate[], editing = false): AppError {
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

/** Inserts a contact, its company found or created by name. Call inside a transaction. */
export function insertContact(ctx: Ctx, c: ContactFieldsT): number {
  return insertRow(ctx, contacts, {
    ...pick(c, CONTACT_FIELDS),
    companyId: c.company ? companyIdFor(ctx, c.company) : null,
  });
}

export type Incoming = Partial<Record<ColumnKey, string | null>> & { name: string; company?: string | null };

export function formatAddress(a: Partial<Record<(typeof ADDRESS_KEYS)[number], string | null>>): string {
  const cityLine = [a.city, [a.region, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.addressLines?.replace(/\n/g, ', '), cityLine, a.country].filter(Boolean).join(', ');
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Folds another record's details into a saved contact: its empty fields are filled; values that
 * differ are not overwritten but written into its notes, so nothing is lost. Call inside a transaction.
 */
export function foldInto(ctx: Ctx, keepId: number, incoming: Incoming, source: string): void {
  const keep = contactRow(ctx, keepId);
  const sets: Partial<typeof contacts.$inferInsert> = {};
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
    if (keep[key] == null) sets[key] = v;
    else if (!same(keep[key], v)) kept.push(`${label}: ${v}`);
  }
  if (incoming.company) {
    if (keep.companyId == null) sets.companyId = companyIdFor(ctx, incoming.company);
    else if (!same(keep.company ?? '', incoming.company)) kept.push(`Company: ${incoming.company}`);
  }
  // The address moves as a whole: mixing the street of one with the city of another helps no one.
  const theirs = formatAddress(incoming);
  if (theirs) {
    if (ADDRESS_KEYS.every((k) => keep[k] == null)) for (const k of ADDRESS_KEYS) sets[k] = incoming[k] ?? null;
    else if (!same(formatAddress(keep), theirs)) kept.push(`Address: ${theirs}`);
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
  foldInto(ctx, keepId, m, `the merged contact “${m.name}”`);
  run('DELETE FROM contacts WHERE id = @merge');
}

