// The editable fields of a contact. Below the domains so a vCard import checks each card exactly as
// contacts.create does; the contract (api/contract/contacts.ts) re-exports them.
import { z } from 'zod';
import { ADDRESS_LABELS, EMAIL_LABELS, NAME_ORDERS, PHONE_LABELS } from '../domain';
import { Email } from '../email';
import { id, optEmail, optText, optUrl } from '../fields';

const label = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `Choose ${new Intl.ListFormat('en', { type: 'disjunction' }).format(values)}.` });

/** One email of a contact; `id` names a saved row (kept, so notes that chose it keep their choice). */
export const ContactEmailInput = z.object({
  id: id.optional(),
  address: z.string({ error: 'Enter an email address.' }).trim().min(1, 'Enter an email address, or remove this row.').max(320).pipe(Email),
  label: label(EMAIL_LABELS).default('other'),
  isPrimary: z.boolean().optional(),
});
export const ContactPhoneInput = z.object({
  id: id.optional(),
  number: z.string({ error: 'Enter a phone number.' }).trim().min(1, 'Enter a phone number, or remove this row.').max(100, 'Phone can be at most 100 characters.'),
  label: label(PHONE_LABELS).default('other'),
  isPrimary: z.boolean().optional(),
});
export const ContactAddressInput = z
  .object({
    id: id.optional(),
    lines: optText(500, 'Street address'),
    city: optText(200, 'City'),
    region: optText(200, 'State or region'),
    postalCode: optText(40, 'Postal code'),
    country: optText(200, 'Country'),
    label: label(ADDRESS_LABELS).default('other'),
    isPrimary: z.boolean().optional(),
  })
  .refine((a) => a.lines || a.city || a.region || a.postalCode || a.country, { message: 'Enter an address, or remove this row.', path: ['lines'] });

/** A list of one kind: at most one row marked primary (none marked means the first one). */
const channelList = <T extends z.ZodType<{ isPrimary?: boolean }>>(row: T, kind: string) =>
  z
    .array(row)
    .max(20, `At most 20 ${kind}.`)
    .superRefine((rows, ctx) => {
      const marked = rows.flatMap((r, i) => (r.isPrimary ? [i] : []));
      for (const i of marked.slice(1)) ctx.addIssue({ code: 'custom', path: [i, 'isPrimary'], message: `Only one of the ${kind} can be primary.` });
    });

/** Every editable field of a contact; the company is given by name (found or created). */
export const contactFields = {
  /** The display name; derived from givenName/familyName when either is given (shared/names.ts). */
  name: z.string({ error: 'Name is required.' }).trim().max(200, 'Name can be at most 200 characters.').optional(),
  givenName: optText(100, 'Given name'),
  familyName: optText(100, 'Family name'),
  nameOrder: z.enum(NAME_ORDERS, { error: 'Choose given name first or family name first.' }).optional(),
  title: optText(200, 'Title'),
  company: optText(200, 'Company'),
  emails: channelList(ContactEmailInput, 'emails').optional(),
  phones: channelList(ContactPhoneInput, 'phones').optional(),
  addresses: channelList(ContactAddressInput, 'addresses').optional(),
  // Shorthand for scripts, quick capture and older callers: one email, phone or address that becomes
  // (on create) or replaces (on update) the PRIMARY row of its kind. Not together with the list.
  // .optional() keeps an absent one undefined (the inner transform would make it null).
  email: optEmail.optional(),
  phone: optText(100, 'Phone').optional(),
  addressLines: optText(500, 'Street address').optional(),
  city: optText(200, 'City').optional(),
  region: optText(200, 'State or region').optional(),
  postalCode: optText(40, 'Postal code').optional(),
  country: optText(200, 'Country').optional(),
  url: optUrl('Link'),
  metHow: optText(2000, 'How you met'),
  notes: optText(20000, 'Notes'),
};

const SHORTHAND = { emails: ['email'], phones: ['phone'], addresses: ['addressLines', 'city', 'region', 'postalCode', 'country'] } as const;

/** Cross-field rules of a contact's fields (create, and every card of an import). */
export function checkContact(c: Partial<Record<string, unknown>> & { name?: string; givenName?: string | null; familyName?: string | null }, ctx: z.RefinementCtx, creating: boolean) {
  if (creating && !c.name && !c.givenName && !c.familyName) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Name is required.' });
  for (const [list, singles] of Object.entries(SHORTHAND)) {
    const single = singles.find((k) => c[k] !== undefined);
    if (c[list] !== undefined && single) ctx.addIssue({ code: 'custom', path: [single], message: `Give either ${single} or the list ${list}, not both.` });
  }
}

export const ContactFields = z.object(contactFields).superRefine((c, ctx) => checkContact(c, ctx, true));
export type ContactFieldsT = z.output<typeof ContactFields>;
export type ContactEmailInputT = z.output<typeof ContactEmailInput>;
export type ContactPhoneInputT = z.output<typeof ContactPhoneInput>;
export type ContactAddressInputT = z.output<typeof ContactAddressInput>;
