// The notes domain: the composer (write, check, send or mail a note) and the notes log.
import { z } from 'zod';
import { CONTACT_ROLES, DELIVERIES, NOTE_KINDS, NOTE_STATUSES } from '../../shared/domain';
import { dateTime, id, method, okUndo, UndoOffer } from '../define';
import { NoteSummary } from './shapes';
import { ContactAddress, ContactEmail } from './contacts';

export const CARD_STATUSES = ['written', 'addressed', 'stamped', 'mailed'] as const;

const kind = z.enum(NOTE_KINDS, { error: 'Choose a kind of note: thank-you, after rejection, follow-up or other.' });
const delivery = z.enum(DELIVERIES, { error: 'Choose email or handwritten.' });
const subject = z.string({ error: 'Subject must be text.' }).max(300, 'Subject can be at most 300 characters.').nullish();
const body = z.string({ error: 'Text must be text.' }).max(20000, 'Text can be at most 20,000 characters.');

export const NoteEvent = z.object({ id: z.number(), status: z.enum(NOTE_STATUSES), at: z.number(), detail: z.string().nullable() });

/** Debrief and application facts the personal check looks for (shape of checks.ts CheckInput['context']). */
export const CheckContext = z.object({
  topics: z.string().nullable(),
  challenge: z.string().nullable(),
  lookingFor: z.string().nullable(),
  talkedAbout: z.string().nullable(),
  company: z.string().nullable(),
  role: z.string().nullable(),
});

const mv = z.string().nullish();
/** Merge values (shape of merge.ts MergeData), so the composer can insert a field's value. */
export const MergeDataShape = z.object({
  contact: z.object({ name: mv, firstName: mv, title: mv }).optional(),
  company: z.object({ name: mv }).optional(),
  application: z.object({ role: mv }).optional(),
  interview: z.object({ date: mv, topics: mv, challenge: mv, lookingFor: mv, promises: mv }).optional(),
  participant: z.object({ talkedAbout: mv }).optional(),
  profile: z.object({ name: mv, signature: mv }).optional(),
  /** The other people in the interview, so a value that starts with one of their names keeps its capital. */
  names: z.array(mv).optional(),
});

export const OtherNote = z.object({ id: z.number(), label: z.string(), body: z.string() });

export const Note = NoteSummary.extend({
  body: z.string(),
  templateId: z.number().nullable(),
  /** Bumped on every change of the note (text, status, template); notes.update must name the one it edits. */
  revision: z.number().int().positive(),
  /** Sent or mailed, and not reopened: the composer shows it read-only and notes.update refuses it. */
  readOnly: z.boolean(),
  /** Reopened for editing after it was sent or mailed (until locked again). */
  reopened: z.boolean(),
  events: z.array(NoteEvent),
  recipient: z
    .object({
      name: z.string().nullable(),
      /** The email the note goes to: the one chosen for it (notes.update recipientEmailId), else the primary. */
      email: z.string().nullable(),
      /** The postal address it goes to (chosen, else primary) has a street and a city. */
      hasPostalAddress: z.boolean(),
      /** The contact's emails and postal addresses, primary first, to choose from. */
      emails: z.array(ContactEmail),
      addresses: z.array(ContactAddress),
      /** The rows in use (null when the contact has none). */
      emailId: z.number().nullable(),
      addressId: z.number().nullable(),
      /** The email / address chosen for this note was removed from the contact: the primary is used instead. */
      emailChoiceGone: z.boolean(),
      addressChoiceGone: z.boolean(),
    })
    .nullable(),
  context: CheckContext,
  merge: MergeDataShape,
  interviewEndAt: z.number().nullable(),
  /** The other notes of the same interview to other people, for the distinct check (never the email a card follows). */
  others: z.array(OtherNote),
  /** Notes that follow this one (a card after an email). */
  followedBy: z.array(z.object({ id: z.number(), delivery: z.enum(DELIVERIES), status: z.enum(NOTE_STATUSES) })),
});
export type NoteT = z.output<typeof Note>;

export const NoteLogItem = NoteSummary.extend({ excerpt: z.string() });

const Passage = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string(),
  kind: z.enum(['name', 'reference', 'shared', 'field']).optional(),
  where: z.enum(['body', 'subject']).optional(),
  otherId: z.union([z.number(), z.string()]).optional(),
  otherStart: z.number().optional(),
  otherEnd: z.number().optional(),
});
export const CheckResultShape = z.object({
  checks: z.array(
    z.object({
      id: z.enum(['personal', 'distinct', 'timely', 'deliverable', 'merge']),
      verdict: z.enum(['pass', 'warn', 'fail', 'info']),
      score: z.number(),
      title: z.string(),
      message: z.string(),
      passages: z.array(Passage),
    }),
  ),
  ok: z.boolean(),
});

const Participant = z.object({
  contactId: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  hasAddress: z.boolean(),
  talkedAbout: z.string().nullable(),
});

export const notesContract = {
  'notes.get': method(
    'One note with its status events and what the composer checks need (debrief, recipient details, the other notes of the interview). With compose: true, an empty draft first gets the template for its kind and delivery.',
    z.object({ id, compose: z.boolean().optional() }),
    Note,
  ),
  'notes.list': method(
    'The notes log: notes of a contact, application or interview, optionally searched (every word as a prefix) and filtered; newest first, up to limit (hasMore says whether more match).',
    z.object({
      contactId: id.optional(),
      applicationId: id.optional(),
      interviewId: id.optional(),
      search: z.string().trim().max(200).optional(),
      status: z.enum(NOTE_STATUSES).optional(),
      kind: kind.optional(),
      delivery: delivery.optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    z.object({ items: z.array(NoteLogItem), hasMore: z.boolean() }),
  ),
  'notes.forInterview': method(
    'Write thank-yous: one entry per participant with their thank-you (created if missing, empty drafts filled from the template) and any card following it.',
    z.object({ interviewId: id }),
    z.object({
      interview: z.object({
        id: z.number(),
        applicationId: z.number(),
        company: z.string(),
        role: z.string(),
        round: z.string().nullable(),
        startAt: z.number(),
        endAt: z.number(),
        timeZone: z.string(),
      }),
      entries: z.array(Participant.extend({ notes: z.array(Note) })),
    }),
  ),
  'notes.composeOptions': method(
    'For a new note from an application or a contact: the possible recipients, applications and interviews.',
    z.object({ applicationId: id.optional(), contactId: id.optional() }),
    z.object({
      contacts: z.array(
        z.object({
          id: z.number(),
          name: z.string(),
          title: z.string().nullable(),
          email: z.string().nullable(),
          hasAddress: z.boolean(),
          roles: z.array(z.enum(CONTACT_ROLES)),
        }),
      ),
      applications: z.array(z.object({ id: z.number(), company: z.string(), role: z.string(), stage: z.string() })),
      interviews: z.array(z.object({ id: z.number(), applicationId: z.number(), round: z.string().nullable(), startAt: z.number(), contactIds: z.array(z.number()) })),
    }),
  ),
  'notes.create': method(
    'Start a note to a contact; the template (given, or the built-in one for its kind and delivery) is filled in.',
    z.object({
      kind,
      contactId: id,
      applicationId: id.nullish(),
      interviewId: id.nullish(),
      delivery: delivery.optional(),
      templateId: id.nullish(),
      followsNoteId: id.nullish(),
      dueAt: dateTime.nullish(),
    }),
    Note,
  ),
  'notes.update': method(
    'Edit a draft (or a reopened note). templateId re-applies that template (replacing the subject and text). Sent or mailed notes are refused unless reopened.',
    z.object({
      id,
      /** The revision this edit is based on (Note.revision): a stale one is refused with 409 conflict and the current text. */
      revision: z.number({ error: 'Expected the revision of the note being edited.' }).int().positive(),
      subject,
      body: body.optional(),
      delivery: delivery.optional(),
      kind: kind.optional(),
      templateId: id.optional(),
      dueAt: dateTime.nullish(),
      /** Which of the contact's emails this note goes to (a contact_emails id); null = their primary. */
      recipientEmailId: id.nullable().optional(),
      /** Which of the contact's postal addresses the card goes to (a contact_addresses id); null = their primary. */
      addressId: id.nullable().optional(),
    }),
    Note,
  ),
  'notes.check': method(
    'The composer checks (personal, distinct, timely, deliverable, merge) on a draft text. Give noteId, or a recipient and interview; others replaces the notes compared against.',
    z.object({
      body,
      subject,
      delivery,
      noteId: id.optional(),
      contactId: id.optional(),
      interviewId: id.optional(),
      applicationId: id.optional(),
      dueAt: dateTime.nullish(),
      others: z.array(z.object({ id: z.union([z.number(), z.string().max(100)]), label: z.string().max(200), body })).max(100).optional(),
    }),
    CheckResultShape,
  ),
  'notes.markSent': method(
    'An email note was sent (now, or at sentAt): records the time; the note becomes read-only.',
    z.object({ id, sentAt: dateTime.optional() }),
    Note,
  ),
  'notes.reopen': method('Reopen a sent or mailed note for editing (recorded as an event).', z.object({ id }), Note),
  'notes.lock': method('Done editing a reopened note: it becomes read-only again (recorded as an event).', z.object({ id }), Note),
  'notes.followWithCard': method(
    'After an email, start a handwritten card to the same person, linked to the email (returns the existing card if there is one).',
    z.object({ id }),
    Note,
  ),
  'notes.advance': method(
    'Move a handwritten card on: written, addressed, stamped, mailed (skipped steps are recorded too). Mailed sets the expected arrival and uses one card and one stamp; going below zero stock needs allowNegativeStock.',
    z.object({
      id,
      status: z.enum(CARD_STATUSES, { error: 'Choose written, addressed, stamped or mailed.' }),
      mailedOn: dateTime.optional(),
      allowNegativeStock: z.boolean().optional(),
    }),
    z.object({
      note: Note,
      stationery: z.array(z.object({ itemId: z.number(), kind: z.enum(['card', 'stamp', 'envelope']), onHandAfter: z.number(), count: z.number() })),
      warnings: z.array(z.string()),
      undo: UndoOffer,
    }),
  ),
  'notes.emailDraft': method(
    'The email for the mail app: a mailto: link (null when too long for a link) and an .eml draft.',
    z.object({ id }),
    z.object({
      mailto: z.string().nullable(),
      mailtoLength: z.number(),
      eml: z.object({ filename: z.string(), base64: z.string() }),
    }),
  ),
  'notes.delete': method(
    'Delete a note and its history (stationery uses stay in the ledger).',
    z.object({ id, confirm: z.literal(true, { error: 'Deleting needs confirmation.' }) }),
    okUndo,
  ),
};
