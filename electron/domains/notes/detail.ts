// One note as the composer sees it: its row, status history, recipient, the context the checks read,
// and the rules every write checks first (editable? reopened?). The handlers in notes.ts, compose.ts,
// status.ts and email.ts build on this.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../db/context';
import { prepare, rowExists, stmt } from '../../db/sql';
import { applications, companies, contacts, interviewParticipants, interviews, noteEvents, notes, templates } from '../../db/schema';
import type { NoteT } from '../../api/contract/notes';
import { conflict, notFound } from '../../shared/errors';
import type { NoteStatus } from '../../shared/domain';
import { noteSummaries } from './records';
import { readKind } from '../contacts/channels';
import { applyTemplateToNote, builtInTemplateId, mergeData } from '../templates/templates';

// Event details that open and close a sent or mailed note for editing (the status stays as it was).
export const REOPENED = 'Reopened for editing';
export const LOCKED = 'Closed after editing';

type NoteEventRow = { id: number; status: NoteStatus; at: number; detail: string | null };
type CheckContextT = NoteT['context'];
export type Ids = { contactId: number | null; applicationId: number | null; interviewId: number | null };

const ID = sql.placeholder('id');
const eventsOf = prepare((db) =>
  db
    .select({ id: noteEvents.id, status: noteEvents.status, at: noteEvents.at, detail: noteEvents.detail })
    .from(noteEvents)
    .where(eq(noteEvents.noteId, ID))
    .orderBy(asc(noteEvents.id))
    .prepare(),
);
const debriefOf = prepare((db) =>
  db
    .select({ applicationId: interviews.applicationId, topics: interviews.topics, challenge: interviews.challenge, lookingFor: interviews.lookingFor, endAt: interviews.endAt })
    .from(interviews)
    .where(eq(interviews.id, ID))
    .prepare(),
);
const talkedAboutOf = prepare((db) =>
  db
    .select({ talkedAbout: interviewParticipants.talkedAbout })
    .from(interviewParticipants)
    .where(and(eq(interviewParticipants.interviewId, sql.placeholder('interviewId')), eq(interviewParticipants.contactId, sql.placeholder('contactId'))))
    .prepare(),
);
const roleAt = prepare((db) =>
  db
    .select({ role: applications.role, company: companies.name })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(eq(applications.id, ID))
    .prepare(),
);
const recipientById = prepare((db) =>
  db.select({ name: contacts.name }).from(contacts).where(eq(contacts.id, ID)).prepare(),
);
const noteById = prepare((db) =>
  db
    .select({
      id: notes.id,
      kind: notes.kind,
      contactId: notes.contactId,
      recipientName: notes.recipientName,
      applicationId: notes.applicationId,
      interviewId: notes.interviewId,
      delivery: notes.delivery,
      subject: notes.subject,
      body: notes.body,
      status: notes.status,
      templateId: notes.templateId,
      revision: notes.revision,
      recipientEmailId: notes.recipientEmailId,
      addressId: notes.addressId,
    })
    .from(notes)
    .where(eq(notes.id, ID))
    .prepare(),
);
const followersOf = prepare((db) =>
  db.select({ id: notes.id, delivery: notes.delivery, status: notes.status }).from(notes).where(eq(notes.followsNoteId, ID)).orderBy(asc(notes.id)).prepare(),
);

export function events(ctx: Ctx, noteId: number): NoteEventRow[] {
  // Insertion order is step order, even when a mailed date lies before the click.
  return eventsOf(ctx).all({ id: noteId });
}

/** Reopened when the latest of (reopen, lock, sent, mailed) events is a reopen. */
export function isReopened(evs: NoteEventRow[]): boolean {
  let open = false;
  for (const e of evs) {
    if (e.detail === REOPENED) open = true;
    else if (e.detail === LOCKED || e.status === 'sent' || e.status === 'mailed') open = false;
  }
  return open;
}

/** What the personal check looks for: the interview debrief, what this person talked about, company and role. */
export function checkContext(ctx: Ctx, ids: Ids): CheckContextT {
  const out: CheckContextT = { topics: null, challenge: null, lookingFor: null, talkedAbout: null, company: null, role: null };
  let applicationId = ids.applicationId;
  if (ids.interviewId) {
    const i = debriefOf(ctx).get({ id: ids.interviewId });
    if (i) {
      applicationId ??= i.applicationId;
      Object.assign(out, { topics: i.topics, challenge: i.challenge, lookingFor: i.lookingFor });
      if (ids.contactId) out.talkedAbout = talkedAboutOf(ctx).get({ interviewId: ids.interviewId, contactId: ids.contactId })?.talkedAbout ?? null;
    }
  }
  if (applicationId) {
    const a = roleAt(ctx).get({ id: applicationId });
    if (a) Object.assign(out, a);
  }
  return out;
}

/**
 * Who a note goes to and by which email and postal address: the ones chosen for the note when they are
 * still the contact's, else the primary ones (saying so when a chosen one was removed).
 */
export function recipientOf(
  ctx: Ctx,
  contactId: number | null,
  fallbackName: string | null = null,
  choice: { emailId: number | null; addressId: number | null } = { emailId: null, addressId: null },
): NoteT['recipient'] {
  if (contactId) {
    const c = recipientById(ctx).get({ id: contactId });
    if (c) {
      const emails = readKind(ctx, contactId, 'emails');
      const addresses = readKind(ctx, contactId, 'addresses');
      // Lists are primary first, so [0] is the primary.
      const email = emails.find((e) => e.id === choice.emailId) ?? emails[0] ?? null;
      const address = addresses.find((a) => a.id === choice.addressId) ?? addresses[0] ?? null;
      return {
        name: c.name,
        email: email?.address ?? null,
        hasPostalAddress: !!(address?.lines && address.city),
        emails,
        addresses,
        emailId: email?.id ?? null,
        addressId: address?.id ?? null,
        emailChoiceGone: choice.emailId !== null && email?.id !== choice.emailId,
        addressChoiceGone: choice.addressId !== null && address?.id !== choice.addressId,
      };
    }
  }
  if (!fallbackName) return null;
  const none = { emails: [], addresses: [], emailId: null, addressId: null, emailChoiceGone: false, addressChoiceGone: false };
  return { name: fallbackName, email: null, hasPostalAddress: false, ...none };
}

/**
 * The other notes of an interview that the distinct check compares against: notes to other people.
 * A card following an email (or the email a card follows) goes to the same person and is meant to echo it.
 * Raw SQL: the "someone else" rule is four NULL-aware conditions, plainer in SQL.
 */
export function othersFor(ctx: Ctx, interviewId: number | null, self: { id: number | null; contactId: number | null; followsNoteId: number | null }) {
  if (!interviewId) return [];
  return stmt<{ id: number; label: string | null; body: string }>(
    ctx.sqlite,
    `SELECT n.id, coalesce(ct.name, n.recipient_name) AS label, n.body
     FROM notes n LEFT JOIN contacts ct ON ct.id = n.contact_id
     WHERE n.interview_id = @interviewId AND n.id IS NOT @id AND n.body <> ''
       AND (@contactId IS NULL OR n.contact_id IS NULL OR n.contact_id <> @contactId)
       AND n.id IS NOT @follows AND (@id IS NULL OR n.follows_note_id IS NOT @id)
     ORDER BY n.id`,
  )
    .all({ interviewId, id: self.id, contactId: self.contactId, follows: self.followsNoteId })
    .map((o) => ({ id: o.id, label: o.label ?? 'someone else', body: o.body }));
}

export function getNote(ctx: Ctx, id: number): NoteT {
  const [summary] = noteSummaries(ctx, 'n.id = @id', { id });
  if (!summary) throw notFound('Note', id);
  const row = noteById(ctx).get({ id })!;
  const evs = events(ctx, id);
  const reopened = (summary.status === 'sent' || summary.status === 'mailed') && isReopened(evs);
  const ids: Ids = { contactId: summary.contactId, applicationId: summary.applicationId, interviewId: summary.interviewId };
  return {
    ...summary,
    body: row.body,
    templateId: row.templateId,
    revision: row.revision,
    readOnly: (summary.status === 'sent' || summary.status === 'mailed') && !reopened,
    reopened,
    events: evs,
    recipient: recipientOf(ctx, summary.contactId, summary.recipientName, { emailId: row.recipientEmailId, addressId: row.addressId }),
    context: checkContext(ctx, ids),
    merge: mergeData(ctx, ids),
    interviewEndAt: summary.interviewId ? (debriefOf(ctx).get({ id: summary.interviewId })?.endAt ?? null) : null,
    others: othersFor(ctx, summary.interviewId, { id, contactId: summary.contactId, followsNoteId: summary.followsNoteId }),
    followedBy: followersOf(ctx).all({ id }),
  };
}

export type NoteRow = NonNullable<ReturnType<ReturnType<typeof noteById>['get']>>;

export function noteRow(ctx: Ctx, id: number): NoteRow {
  const row = noteById(ctx).get({ id });
  if (!row) throw notFound('Note', id);
  return row;
}

export const STATUS_WORD: Record<NoteStatus, string> = { draft: 'a draft', sent: 'sent', written: 'written', addressed: 'addressed', stamped: 'stamped', mailed: 'mailed' };

/** Throws unless the note may be edited: drafts, cards on their way, and sent/mailed notes reopened on purpose. */
export function assertEditable(ctx: Ctx, row: NoteRow) {
  if ((row.status === 'sent' || row.status === 'mailed') && !isReopened(events(ctx, row.id))) {
    throw conflict(`This note was ${row.status}, so it is kept as it went out. Reopen it to edit it.`);
  }
}

/** A draft whose text was never started gets the template for its kind and delivery. Call inside a transaction. */
export function fillEmptyDraft(ctx: Ctx, id: number) {
  const row = noteRow(ctx, id);
  if (row.status !== 'draft' || row.body !== '' || row.templateId !== null) return;
  const templateId = builtInTemplateId(ctx, row.kind, row.delivery);
  if (templateId) applyTemplateToNote(ctx, id, templateId);
}

export function templateExists(ctx: Ctx, id: number): boolean {
  return rowExists(ctx, templates, id);
}

/** "the note to Priya Shah" (or "the note" without a recipient), for undo labels. Throws when there is no such note. */
export function noteTitle(ctx: Ctx, id: number): string {
  const row = stmt<{ name: string | null }>(
    ctx.sqlite,
    'SELECT coalesce(c.name, n.recipient_name) AS name FROM notes n LEFT JOIN contacts c ON c.id = n.contact_id WHERE n.id = ?',
  ).get(id);
  if (!row) throw notFound('Note', id);
  return row.name ? `the note to ${row.name}` : 'the note';
}
