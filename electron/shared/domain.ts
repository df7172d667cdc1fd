// Domain vocabulary shared by main (schema, validation) and the renderer (labels, ordering).
/**
 * The eight stages every database starts with (the `stages` table is seeded with them; see
 * electron/domains/stages). A person may rename, reorder, archive and add stages, so a stage is a key
 * into that table (`StageKey`): these built-in keys stay as the keys of the seeded rows, and CSV words
 * and fixtures still name them. Rules never test these keys: they test the stage's kind.
 */
export const STAGES = ['wishlist', 'applied', 'screening', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn'] as const;
export type BuiltinStage = (typeof STAGES)[number];
/** A stage's key: a built-in key or one generated when the stage was added. */
export type Stage = string;
/** The built-in stages' names, as seeded (and as recorded in stage history before names could change). */
export const STAGE_LABELS: Record<BuiltinStage, string> = {
  wishlist: 'Wishlist',
  applied: 'Applied',
  screening: 'Screening',
  interviewing: 'Interviewing',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/**
 * What a stage means; every rule follows the kind, never the key or the name.
 *  - planned: not applied yet (new applications start here; moving out of it dates the application).
 *  - open: applied and waiting or in early talks.
 *  - interview: interviewing. The issue names only open/offer/closed kinds, but one rule needs to know
 *    where interviews happen: scheduling an interview moves an application that sits in an earlier
 *    planned/open stage to the first interview stage. A kind (not a marked stage) keeps that rule
 *    meaningful after renames and reorders, and lets a person split interviewing into several stages.
 *  - offer: an offer is on the table (the Offers view and Insights' offer rate follow it).
 *  - accepted, rejected, withdrawn: closed. Thank-yous stop counting for rejected and withdrawn; moving
 *    into a rejected stage opens the rejection dialog; closed columns fold on the board.
 * Every kind keeps at least one active stage, so each rule always has a stage to act on.
 */
export const STAGE_KINDS = ['planned', 'open', 'interview', 'offer', 'accepted', 'rejected', 'withdrawn'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
export const STAGE_KIND_LABELS: Record<StageKind, string> = {
  planned: 'Not applied yet',
  open: 'Open',
  interview: 'Interviewing',
  offer: 'Offer',
  accepted: 'Closed: accepted',
  rejected: 'Closed: rejected',
  withdrawn: 'Closed: withdrawn',
};
export const CLOSED_KINDS: readonly StageKind[] = ['accepted', 'rejected', 'withdrawn'];
/** Kinds that end the obligation to thank: the process is over and not in the person's favour or by choice. */
export const ENDED_KINDS: readonly StageKind[] = ['rejected', 'withdrawn'];
/** The built-in stages' kinds, as seeded. */
export const BUILTIN_STAGE_KINDS: Record<BuiltinStage, StageKind> = {
  wishlist: 'planned',
  applied: 'open',
  screening: 'open',
  interviewing: 'interview',
  offer: 'offer',
  accepted: 'accepted',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

export const PRIORITIES = ['low', 'medium', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** One spelling of each priority for every screen (board, table, detail, form). */
export const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', medium: 'Medium', high: 'High' };

export const CONTACT_ROLES = ['recruiter', 'hiring_manager', 'interviewer', 'referrer', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  recruiter: 'Recruiter',
  hiring_manager: 'Hiring manager',
  interviewer: 'Interviewer',
  referrer: 'Referrer',
  other: 'Other',
};

/** Labels of a contact's emails, phones and postal addresses (contact_emails, contact_phones, contact_addresses). */
export const EMAIL_LABELS = ['work', 'home', 'other'] as const;
export type EmailLabel = (typeof EMAIL_LABELS)[number];
export const PHONE_LABELS = ['work', 'home', 'mobile', 'other'] as const;
export type PhoneLabel = (typeof PHONE_LABELS)[number];
export const ADDRESS_LABELS = EMAIL_LABELS;
export type AddressLabel = EmailLabel;
export const CHANNEL_LABEL_NAMES: Record<PhoneLabel, string> = { work: 'Work', home: 'Home', mobile: 'Mobile', other: 'Other' };

/** How a structured name is written: "Dana Lee" (given first) or "山田 太郎" (family first). */
export const NAME_ORDERS = ['given_first', 'family_first'] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];

export const INTERVIEW_KINDS = ['phone', 'video', 'onsite'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];
export const INTERVIEW_KIND_LABELS: Record<InterviewKind, string> = { phone: 'Phone', video: 'Video', onsite: 'On-site' };

export const NOTE_KINDS = ['thank_you', 'after_rejection', 'follow_up', 'other'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  thank_you: 'Thank-you',
  after_rejection: 'After rejection',
  follow_up: 'Follow-up',
  other: 'Other',
};

export const DELIVERIES = ['email', 'handwritten'] as const;
/** Paper sizes the print sheets know: the cards written on and the envelopes they go in. */
export const CARD_SIZES = ['a2', 'a7'] as const;
export const ENVELOPE_SIZES = ['no10', 'a2', 'a7'] as const;
export type CardSize = (typeof CARD_SIZES)[number];
export type EnvelopeSize = (typeof ENVELOPE_SIZES)[number];
export type Delivery = (typeof DELIVERIES)[number];

export const NOTE_STATUSES = ['draft', 'sent', 'written', 'addressed', 'stamped', 'mailed'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];
/** The steps a handwritten card goes through, in order. */
export const CARD_STEPS: readonly NoteStatus[] = ['draft', 'written', 'addressed', 'stamped', 'mailed'];

export const STATIONERY_KINDS = ['card', 'envelope', 'stamp'] as const;
export type StationeryKind = (typeof STATIONERY_KINDS)[number];
/** Where a stamp's postage is good: mail within the sender's country, or to another country. */
export const STAMP_SCOPES = ['domestic', 'international'] as const;
export type StampScope = (typeof STAMP_SCOPES)[number];
export const LEDGER_REASONS = ['purchase', 'use', 'correction'] as const;
export const REMINDER_KINDS = ['reconnect', 'follow_up', 'custom'] as const;
/** Where an offer's work happens. */
export const WORK_MODES = ['onsite', 'hybrid', 'remote'] as const;
export type WorkMode = (typeof WORK_MODES)[number];
