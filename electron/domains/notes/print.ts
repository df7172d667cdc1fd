// Printable PDFs for a handwritten note (built in main by pdf.ts, so browser mode gets them too).
import type { Ctx, Handlers } from '../../db/context';
import { stmt } from '../../db/sql';
import { invalid, notFound } from '../../shared/errors';
import { NOTE_KIND_LABELS, type NoteKind } from '../../shared/domain';
import { cardTextPdf, envelopePdf, type PostalAddress } from '../../formats/pdf/pdf';
import { fontLibrary } from '../../formats/pdf/font-files';
import { getSettings } from '../settings/settings';

interface NoteForPrint {
  id: number;
  kind: NoteKind;
  body: string;
  recipientName: string | null;
  contactId: number | null;
  company: string | null;
  role: string | null;
  addressLines: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  addressLabel: string | null;
  /** Where the recipient works: their contact's company, else the application's. */
  workCompany: string | null;
}

function noteForPrint(ctx: Ctx, noteId: number): NoteForPrint {
  const n = stmt<NoteForPrint>(
    ctx.sqlite,
    `SELECT n.id, n.kind, n.body, coalesce(ct.name, n.recipient_name) AS recipientName, n.contact_id AS contactId,
            co.name AS company, a.role, ca.lines AS addressLines, ca.city, ca.region, ca.postal_code AS postalCode, ca.country,
            ca.label AS addressLabel, coalesce(cc.name, co.name) AS workCompany
     FROM notes n
     LEFT JOIN contacts ct ON ct.id = n.contact_id
     -- The postal address chosen for this note while it is still the contact's, else their primary one.
     LEFT JOIN contact_addresses ca ON ca.id = coalesce(
       (SELECT id FROM contact_addresses WHERE id = n.address_id AND contact_id = n.contact_id),
       (SELECT id FROM contact_addresses WHERE contact_id = n.contact_id AND is_primary = 1))
     LEFT JOIN applications a ON a.id = n.application_id
     LEFT JOIN companies co ON co.id = a.company_id
     LEFT JOIN companies cc ON cc.id = ct.company_id
     WHERE n.id = ?`,
  ).get(noteId);
  if (!n) throw notFound('Note', noteId);
  return n;
}

// Letters that do not decompose to ASCII under NFKD.
const ASCII_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ı: 'i', ħ: 'h' };

/** "dana-lee" for file names; ASCII only so every file system and mail client is happy. */
export function slug(s: string | null): string {
  const out = (s ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœþðıħ]/g, (c) => ASCII_LETTERS[c])
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return out || 'note';
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export const printHandlers: Handlers<'print.cardText' | 'print.envelope'> = {
  'print.cardText': async ({ noteId, cardSize }, ctx) => {
    const n = noteForPrint(ctx, noteId);
    if (n.body.trim() === '') throw invalid({ body: 'Write the note first; there is nothing to print yet.' }, 'The note is empty.');
    const about = [n.company, n.role].filter(Boolean).join(', ');
    const title = `${NOTE_KIND_LABELS[n.kind]} note${about ? ` · ${about}` : ''}`;
    const res = await cardTextPdf({ recipientName: n.recipientName ?? 'Recipient', body: n.body, title, cardSize: cardSize ?? getSettings(ctx).cardSize, fonts: fontLibrary(ctx.fontsFolder) });
    return { filename: `card-${slug(n.recipientName)}.pdf`, base64: base64(res.pdf), replacedCharacters: res.replacedCharacters };
  },
  'print.envelope': async ({ noteId, size }, ctx) => {
    const n = noteForPrint(ctx, noteId);
    const name = n.recipientName ?? 'The recipient';
    if (n.contactId === null || !n.addressLines || !n.city) {
      throw invalid(
        { recipient: `${name} has no postal address yet. Add their street and city on their contact page, then print the envelope.` },
        `${name} has no postal address yet.`,
      );
    }
    const to: PostalAddress = { name, lines: n.addressLines, city: n.city, region: n.region, postalCode: n.postalCode, country: n.country,
      // A business address carries the company line (the formatter adds it for label 'work' only).
      label: n.addressLabel, company: n.workCompany };
    const p = getSettings(ctx).profile;
    const hasReturn = !!(p.addressLines || p.city);
    const from: PostalAddress | null = hasReturn
      ? { name: p.name ?? '', lines: p.addressLines, city: p.city, region: p.region, postalCode: p.postalCode, country: p.country }
      : null;
    const res = await envelopePdf({ from, to, size, fonts: fontLibrary(ctx.fontsFolder), senderCountry: p.country });
    return { filename: `envelope-${size}-${slug(n.recipientName)}.pdf`, base64: base64(res.pdf), replacedCharacters: res.replacedCharacters };
  },
};
