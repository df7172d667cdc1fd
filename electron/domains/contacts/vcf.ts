// vCard import (preview each card: fields checked, duplicates found, a suggested action; then commit
// the chosen actions in one transaction) and export of chosen or filtered contacts.
import type { z } from 'zod';
import type { Ctx, Handlers } from '../../db/context';
import { rowExists, stmt, tx } from '../../db/sql';
import { contacts } from '../../db/schema';
import type { ImportContact, ImportPreviewCard } from '../../api/contract/contacts';
import { ContactFields } from '../../shared/inputs/contacts';
import { invalid, notFound } from '../../shared/errors';
import { isHttpUrl } from '../../shared/url';
import { isEmail } from '../../shared/email';
import { count, listAnd } from '../../shared/words';
import { parseVCards, toVCard, type VCardAddress, type VCardContact } from '../../formats/vcard';
import { findDuplicates, foldInto, formatAddress, insertContact } from './merge';
import { filterSql, ROW_SELECT, type ContactRow } from './queries';
import { nameColumns } from '../../shared/names';

type PreviewCard = z.output<typeof ImportPreviewCard>;
type ImportContactT = z.output<typeof ImportContact>;

const BARE_DOMAIN = /^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}(?:[/?#]\S*)?$/u;

function addressText(a: VCardAddress): string {
  const text = formatAddress(a);
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
      // Structured names and every channel are the vCard mapping's to fill (N, all EMAIL/TEL/ADR);
      // until then the first of each kind is the primary row and the rest go into notes as before.
      givenName: null,
      familyName: null,
      title: v.title,
      company: v.company,
      emails: email ? [{ address: email, label: 'other', isPrimary: true }] : [],
      phones: phone ? [{ number: phone, label: 'other', isPrimary: true }] : [],
      addresses: address
        ? [{ lines: address.lines, city: address.city, region: address.region, postalCode: address.postalCode, country: address.country, label: 'other', isPrimary: true }]
        : [],
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
    const [duplicate = null] = findDuplicates(ctx, { ...contact, emails: contact.emails.map((e) => e.address) });
    const keys = [...contact.emails.map((e) => `e:${e.address.toLowerCase()}`), `n:${contact.name.toLowerCase()}|${(contact.company ?? '').toLowerCase()}`].filter(
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

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'contact';

export const vcardHandlers: Handlers<'contacts.importPreview' | 'contacts.importCommit' | 'contacts.exportVcf'> = {
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
          if (!rowExists(ctx, contacts, target)) {
            throw invalid({ [`cards.${i}.targetId`]: `Contact ${target} was not found.` }, `Card ${i + 1}: the contact to merge into was not found.`);
          }
          foldInto(ctx, target, { ...card.contact, name: nameColumns(card.contact, null)?.name ?? '' }, 'the vCard import');
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
