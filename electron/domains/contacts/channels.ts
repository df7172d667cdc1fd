// A contact's emails, phones and postal addresses (contact_emails, contact_phones, contact_addresses):
// reading them in order, and writing a whole list of one kind. The contacts row mirrors the primary
// of each kind through triggers (drizzle/0007_contact_channels.sql); nothing here writes it.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../db/context';
import { deleteRow, insertRow, prepare } from '../../db/sql';
import { contactAddresses, contactEmails, contactPhones } from '../../db/schema';
import type { ContactAddressT, ContactEmailT, ContactPhoneT } from '../../api/contract/contacts';
import type { ContactAddressInputT, ContactEmailInputT, ContactPhoneInputT } from '../../shared/inputs/contacts';
import { invalid } from '../../shared/errors';

export const TABLES = { emails: contactEmails, phones: contactPhones, addresses: contactAddresses } as const;
export type Kind = keyof typeof TABLES;

export interface Channels {
  emails: ContactEmailT[];
  phones: ContactPhoneT[];
  addresses: ContactAddressT[];
}
export interface ChannelInputs {
  emails?: ContactEmailInputT[];
  phones?: ContactPhoneInputT[];
  addresses?: ContactAddressInputT[];
}

const CID = sql.placeholder('contactId');
const byContact = <K extends Kind>(kind: K) =>
  prepare((db) => {
    const t = TABLES[kind];
    return db.select().from(t).where(eq(t.contactId, CID)).orderBy(desc(t.isPrimary), asc(t.position), asc(t.id)).prepare();
  });
const READ = { emails: byContact('emails'), phones: byContact('phones'), addresses: byContact('addresses') };
const unsetPrimary = {
  emails: prepare((db) => db.update(contactEmails).set({ isPrimary: false }).where(and(eq(contactEmails.contactId, CID), eq(contactEmails.isPrimary, true))).prepare()),
  phones: prepare((db) => db.update(contactPhones).set({ isPrimary: false }).where(and(eq(contactPhones.contactId, CID), eq(contactPhones.isPrimary, true))).prepare()),
  addresses: prepare((db) =>
    db.update(contactAddresses).set({ isPrimary: false }).where(and(eq(contactAddresses.contactId, CID), eq(contactAddresses.isPrimary, true))).prepare(),
  ),
};

/** One kind of a contact's channels, primary first, then in the person's order. */
export function readKind<K extends Kind>(ctx: Ctx, contactId: number, kind: K): Channels[K] {
  const rows = READ[kind](ctx).all({ contactId }) as { contactId: number; position: number }[];
  return rows.map(({ contactId: _c, position: _p, ...r }) => r) as unknown as Channels[K];
}

export function readChannels(ctx: Ctx, contactId: number): Channels {
  return { emails: readKind(ctx, contactId, 'emails'), phones: readKind(ctx, contactId, 'phones'), addresses: readKind(ctx, contactId, 'addresses') };
}

/**
 * Makes a contact's list of one kind exactly `rows`, in that order: rows with an id update that saved
 * row (kept, so a note that chose it keeps its choice), rows without one are added, saved rows not
 * listed are removed. The row marked primary (else the first) becomes the primary. Call inside a
 * transaction: a bad row throws and nothing of the write stays.
 */
export function writeKind<K extends Kind>(ctx: Ctx, contactId: number, kind: K, rows: NonNullable<ChannelInputs[K]>): void {
  // One code path for the three tables; drizzle cannot type a union of tables, so it sees one of them.
  const table = TABLES[kind] as typeof contactEmails;
  const saved = new Set(readKind(ctx, contactId, kind).map((r) => r.id));
  rows.forEach((r, i) => {
    if (r.id !== undefined && !saved.has(r.id)) {
      throw invalid({ [`${kind}.${i}.id`]: 'This row is no longer saved on this contact; reload and try again.' }, `That ${kind.replace(/s$/, '')} was not found on this contact.`);
    }
  });
  const keep = new Set(rows.map((r) => r.id).filter((id): id is number => id !== undefined));
  for (const id of saved) if (!keep.has(id)) deleteRow(ctx, table, id);
  // The one-primary index would refuse a second primary mid-write: clear it first, set it last.
  unsetPrimary[kind](ctx).run({ contactId });
  const primary = Math.max(
    0,
    rows.findIndex((r) => r.isPrimary),
  );
  rows.forEach((r, position) => {
    const { id, isPrimary: _p, ...values } = r;
    const row = { ...values, contactId, position, isPrimary: position === primary };
    if (id === undefined) insertRow(ctx, table, row as never);
    else ctx.db.update(table).set(row as never).where(eq(table.id, id)).run();
  });
}

export function writeChannels(ctx: Ctx, contactId: number, lists: ChannelInputs): void {
  for (const kind of ['emails', 'phones', 'addresses'] as const) {
    const rows = lists[kind];
    if (rows) writeKind(ctx, contactId, kind, rows);
  }
}

export type Shorthand = {
  email?: string | null;
  phone?: string | null;
  addressLines?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
};
const ADDRESS_SHORT = ['addressLines', 'city', 'region', 'postalCode', 'country'] as const;

/**
 * The lists a write means, from the lists given or the one-value shorthand (email, phone, address
 * fields): the shorthand replaces the primary row of its kind (a null email removes it, and the next
 * one becomes primary) and leaves the others alone; on a new contact it is the only row.
 */
export function listsOf(input: ChannelInputs & Shorthand, current: Channels | null): ChannelInputs {
  const out: ChannelInputs = { emails: input.emails, phones: input.phones, addresses: input.addresses };
  const [pe, ...emails] = current?.emails ?? [];
  const [pp, ...phones] = current?.phones ?? [];
  const [pa, ...addresses] = current?.addresses ?? [];
  if (input.email !== undefined && !out.emails) {
    out.emails = [...(input.email ? [{ id: pe?.id, address: input.email, label: pe?.label ?? 'other', isPrimary: true }] : []), ...emails];
  }
  if (input.phone !== undefined && !out.phones) {
    out.phones = [...(input.phone ? [{ id: pp?.id, number: input.phone, label: pp?.label ?? 'other', isPrimary: true }] : []), ...phones];
  }
  if (ADDRESS_SHORT.some((k) => input[k] !== undefined) && !out.addresses) {
    const pick = <T>(given: T | undefined, was: T | null | undefined) => (given !== undefined ? given : (was ?? null));
    const next = {
      id: pa?.id,
      lines: pick(input.addressLines, pa?.lines),
      city: pick(input.city, pa?.city),
      region: pick(input.region, pa?.region),
      postalCode: pick(input.postalCode, pa?.postalCode),
      country: pick(input.country, pa?.country),
      label: pa?.label ?? 'other',
      isPrimary: true,
    };
    const any = next.lines || next.city || next.region || next.postalCode || next.country;
    out.addresses = [...(any ? [next] : []), ...addresses];
  }
  return out;
}
