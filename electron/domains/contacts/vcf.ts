// vCard import (preview each card: fields checked, duplicates found, a suggested action; then commit
// the chosen actions in one transaction) and export of chosen or filtered contacts. The mapping
// between a card and a contact is vcard-map.ts.
import type { z } from 'zod';
import type { Ctx, Handlers } from '../../db/context';
import { rowExists, stmt, tx } from '../../db/sql';
import { contacts } from '../../db/schema';
import type { ImportPreviewCard } from '../../api/contract/contacts';
import { ContactFields } from '../../shared/inputs/contacts';
import { invalid, notFound } from '../../shared/errors';
import { parseVCards, toVCard } from '../../formats/vcard';
import { nameColumns } from '../../shared/names';
import { readChannels } from './channels';
import { findDuplicates, foldInto, insertContact } from './merge';
import { filterSql, ROW_SELECT, type ContactRow } from './queries';
import { fromVCard, toVCardContact } from './vcard-map';

export { fromVCard };

type PreviewCard = z.output<typeof ImportPreviewCard>;

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
      const f = filterSql(ctx.sqlite, filters);
      rows = f
        ? stmt<ContactRow>(ctx.sqlite, `${ROW_SELECT}\nWHERE c.id IN (SELECT c.id FROM ${f.from} ${f.where})\nORDER BY c.name COLLATE NOCASE, c.id`).all(f.params)
        : [];
    }
    const content = toVCard(
      rows.map((r) => toVCardContact(r, readChannels(ctx, r.id))),
      version ?? '3.0',
    );
    const filename = rows.length === 1 ? `${slug(rows[0].name)}.vcf` : `courtesy-contacts-${rows.length}.vcf`;
    return { filename, content, count: rows.length };
  },
};
