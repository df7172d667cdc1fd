import { z } from 'zod';
import { ADDRESS_LABELS, CONTACT_ROLES, EMAIL_LABELS, NAME_ORDERS, PHONE_LABELS } from '../../shared/domain';
import { checkContact, ContactFields, contactFields, type ContactFieldsT } from '../../shared/inputs/contacts';
import { id, method, UndoOffer } from '../define';
import { InterviewSummary, NoteSummary } from './shapes';

// The field schemas live below the domains (the vCard import validates cards with them).
export { ContactFields, contactFields, type ContactFieldsT };

export const ContactRole = z.enum(CONTACT_ROLES, { error: 'Choose recruiter, hiring manager, interviewer, referrer or other.' });

export const ContactCreate = z
  .object({
    ...contactFields,
    /** Create even when an email or name + company matches someone already saved. */
    force: z.boolean().optional(),
    /** Instead of creating, fold these details into this existing contact (its empty fields are filled). */
    mergeIntoId: id.optional(),
  })
  .superRefine((c, ctx) => checkContact(c, ctx, true));

export const ContactUpdate = z
  .object({ id, ...contactFields, force: z.boolean().optional() })
  .partial()
  .required({ id: true })
  .superRefine((c, ctx) => checkContact(c, ctx, false));

const MissingFilter = z.enum(['email', 'address', 'any'], { error: 'Choose email, address or any.' });

export const ContactSummary = z.object({
  id: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  companyId: z.number().nullable(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  /** No email: an email note cannot be sent. */
  missingEmail: z.boolean(),
  /** No street address and city: a handwritten card cannot be mailed. */
  missingAddress: z.boolean(),
  /** Latest interview (already started) or note sent/mailed to them. */
  lastInteractionAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const ContactRoleOnApplication = z.object({
  applicationId: z.number(),
  company: z.string(),
  applicationRole: z.string(),
  stage: z.string(),
  role: ContactRole,
  createdAt: z.number(),
});

const channel = { id: z.number(), isPrimary: z.boolean() };
export const ContactEmail = z.object({ ...channel, address: z.string(), label: z.enum(EMAIL_LABELS) });
export const ContactPhone = z.object({ ...channel, number: z.string(), label: z.enum(PHONE_LABELS) });
export const ContactAddress = z.object({
  ...channel,
  lines: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  label: z.enum(ADDRESS_LABELS),
});
const nameParts = { givenName: z.string().nullable(), familyName: z.string().nullable(), nameOrder: z.enum(NAME_ORDERS) };

export const Contact = ContactSummary.extend({
  ...nameParts,
  /** Primary first, then in the order the person put them; email, phone and the address fields above repeat the primary. */
  emails: z.array(ContactEmail),
  phones: z.array(ContactPhone),
  addresses: z.array(ContactAddress),
  addressLines: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  url: z.string().nullable(),
  metHow: z.string().nullable(),
  notes: z.string().nullable(),
  roles: z.array(ContactRoleOnApplication),
  interviews: z.array(InterviewSummary),
  /** Notes written to this person, newest first. */
  noteLog: z.array(NoteSummary),
});

export const DuplicateMatch = z.object({
  id: z.number(),
  name: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  /** What matched: the email (case-insensitive) or the name at the same company. */
  reason: z.enum(['email', 'name_company']),
});

const importRow = { label: z.string(), isPrimary: z.boolean().optional() };
/** A parsed vCard contact in our fields (what ContactFields accepts, so a card can be committed as shown). */
export const ImportContact = z.object({
  name: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  nameOrder: z.enum(NAME_ORDERS).optional(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  emails: z.array(z.object({ address: z.string(), ...importRow, label: z.enum(EMAIL_LABELS) })),
  phones: z.array(z.object({ number: z.string(), ...importRow, label: z.enum(PHONE_LABELS) })),
  addresses: z.array(
    z.object({
      lines: z.string().nullable(),
      city: z.string().nullable(),
      region: z.string().nullable(),
      postalCode: z.string().nullable(),
      country: z.string().nullable(),
      ...importRow,
      label: z.enum(ADDRESS_LABELS),
    }),
  ),
  url: z.string().nullable(),
  metHow: z.string().nullable(),
  notes: z.string().nullable(),
});

export const ImportPreviewCard = z.object({
  /** 0-based position of the card in the file. */
  index: z.number(),
  /** null when the card could not be read at all (see error and excerpt). */
  contact: ImportContact.nullable(),
  error: z.string().nullable(),
  excerpt: z.string().nullable(),
  /** Read, but a field fails validation (field name to message); such a card cannot be imported as is. */
  fieldErrors: z.record(z.string(), z.string()),
  warnings: z.array(z.string()),
  duplicate: DuplicateMatch.nullable(),
  suggested: z.enum(['create', 'skip', 'merge']),
});

export const ImportCommitCard = z
  .object({
    contact: ContactFields,
    action: z.enum(['create', 'skip', 'merge'], { error: 'Choose create, skip or merge.' }),
    targetId: id.optional(),
  })
  .refine((c) => c.action !== 'merge' || c.targetId !== undefined, { message: 'Choose the contact to merge into.', path: ['targetId'] });

const listFilters = {
  search: z.string().trim().max(200).optional(),
  companyId: id.optional(),
  missing: MissingFilter.optional(),
};

export const contactsContract = {
  'contacts.create': method(
    'Create a contact (company by name). A matching email or name + company is a conflict listing the matches, unless force.',
    ContactCreate,
    Contact,
  ),
  'contacts.get': method('One contact with missing-detail flags, roles on applications, interviews and notes to them.', z.object({ id }), Contact),
  'contacts.list': method(
    'Contacts by full-text search, company and missing details (email, postal address), with the last interaction. A search is counted no further than 2,000 matches: `more` says there are more than `total`.',
    z.object({ ...listFilters, limit: z.number().int().min(1).max(5000).optional() }),
    z.object({ items: z.array(ContactSummary), total: z.number(), more: z.boolean() }),
  ),
  'contacts.update': method('Edit a contact (only the fields given change).', ContactUpdate, Contact),
  'contacts.delete': method(
    'Delete a contact. Notes to them are kept (with their name); a contact with notes needs noteCount to match.',
    z.object({
      id,
      confirm: z.literal(true, { error: 'Deleting needs confirmation.' }),
      /** How many notes the person was told are kept; required when the contact has notes. */
      noteCount: z.number().int().min(0).optional(),
    }),
    z.object({ ok: z.literal(true), notesKept: z.number(), undo: UndoOffer }),
  ),
  'contacts.setRole': method(
    'Give a contact a role on an application (recruiter, hiring manager, interviewer, referrer, other).',
    z.object({ applicationId: id, contactId: id, role: ContactRole }),
    Contact,
  ),
  'contacts.removeRole': method('Remove a contact’s role on an application.', z.object({ applicationId: id, contactId: id, role: ContactRole }), Contact),
  'contacts.merge': method(
    'Merge one contact into another: roles, interviews, notes and reminders move; empty fields are filled; the other is deleted.',
    z.object({ keepId: id, mergeId: id }).refine((v) => v.keepId !== v.mergeId, { message: 'Choose two different contacts.', path: ['mergeId'] }),
    Contact,
  ),
  'contacts.importPreview': method(
    'Read a vCard file (2.1, 3.0, 4.0): each card with its errors, warnings and any existing duplicate.',
    z.object({ text: z.string().max(20_000_000, 'The file is too large (20 MB at most).') }),
    z.object({ cards: z.array(ImportPreviewCard), fileErrors: z.array(z.string()) }),
  ),
  'contacts.importCommit': method(
    'Import the chosen cards (create, skip, or merge into an existing contact) in one transaction.',
    z.object({ cards: z.array(ImportCommitCard).max(20000) }),
    z.object({ created: z.number(), merged: z.number(), skipped: z.number() }),
  ),
  'contacts.exportVcf': method(
    'vCard (.vcf) of the given contacts, or of all matching the filters when ids are omitted.',
    z.object({ ids: z.array(id).max(50000).optional(), ...listFilters, version: z.enum(['3.0', '4.0']).optional() }),
    z.object({ filename: z.string(), content: z.string(), count: z.number() }),
  ),
};

export type ContactT = z.output<typeof Contact>;
export type ContactSummaryT = z.output<typeof ContactSummary>;
export type ContactEmailT = z.output<typeof ContactEmail>;
export type ContactPhoneT = z.output<typeof ContactPhone>;
export type ContactAddressT = z.output<typeof ContactAddress>;
