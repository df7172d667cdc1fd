// Domain vocabulary shared by main (schema, validation) and the renderer (labels, ordering).
export const STAGES = ['wishlist', 'applied', 'screening', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];
export const CLOSED_STAGES: readonly Stage[] = ['accepted', 'rejected', 'withdrawn'];
export const STAGE_LABELS: Record<Stage, string> = {
  wishlist: 'Wishlist',
  applied: 'Applied',
  screening: 'Screening',
  interviewing: 'Interviewing',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
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
