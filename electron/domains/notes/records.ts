// The smallest shared piece of the notes domain: creating a note with its first status event, and
// the summary shape used by Today, the pipeline and logs. The composer (notes.ts) builds on this.
import type { Ctx } from '../../db/context';
import { insertRow, stmt } from '../../db/sql';
import { noteEvents, notes } from '../../db/schema';
import type { Delivery, NoteKind, NoteStatus } from '../../shared/domain';
import type { NoteSummaryT } from '../../api/contract/shapes';
import { endedStage } from '../stages/rules';

export interface NewNote {
  kind: NoteKind;
  contactId: number | null;
  recipientName?: string | null;
  applicationId: number | null;
  interviewId: number | null;
  delivery: Delivery;
  subject?: string | null;
  body?: string;
  dueAt: number | null;
  followsNoteId?: number | null;
  templateId?: number | null;
}

/** Inserts a draft note and its 'draft' status event. Call inside a transaction. */
export function createNote(ctx: Ctx, n: NewNote): number {
  const id = insertRow(ctx, notes, {
    kind: n.kind,
    contactId: n.contactId,
    recipientName: n.recipientName ?? null,
    applicationId: n.applicationId,
    interviewId: n.interviewId,
    delivery: n.delivery,
    subject: n.subject ?? null,
    body: n.body ?? '',
    status: 'draft',
    dueAt: n.dueAt,
    followsNoteId: n.followsNoteId ?? null,
    templateId: n.templateId ?? null,
  });
  recordNoteEvent(ctx, id, 'draft');
  return id;
}

/** Records a status step of a note, at `at` (now by default). */
export function recordNoteEvent(ctx: Ctx, noteId: number, status: NoteStatus, detail: string | null = null, at = ctx.clock.now()) {
  insertRow(ctx, noteEvents, { noteId, status, at, detail });
}

/**
 * SQL condition (raw, over notes n): a thank-you released by the application's rejection or withdrawal;
 * the after-rejection note takes over. By the stage's kind (shared/domain.ts ENDED_KINDS), so a renamed
 * or custom rejected/withdrawn stage releases them too. Nested lookups, not a join: each is one index
 * search (applications by id, stages by key), where a join let the planner scan applications
 * (electron/testing/plans.test.ts).
 */
export const ENDED_APPLICATION = (applicationId: string) =>
  endedStage(`(SELECT stage FROM applications WHERE id = ${applicationId})`);
export const RELEASED_THANK_YOU = `n.kind = 'thank_you' AND ${ENDED_APPLICATION('n.application_id')}`;

/**
 * Columns of a note summary (recipient, company and role resolved). Callers add WHERE/ORDER.
 * Raw SQL: Today, the pipeline and the notes log splice their own conditions and orders into it.
 * Aliases match the NoteSummary zod shape in contract/notes.ts.
 */
export const NOTE_SUMMARY_SELECT = `
SELECT n.id, n.kind, n.contact_id AS contactId, coalesce(ct.name, n.recipient_name) AS recipientName,
       n.application_id AS applicationId, n.interview_id AS interviewId, co.name AS company, a.role AS role,
       n.delivery, n.subject, n.status, n.due_at AS dueAt, n.sent_at AS sentAt, n.mailed_at AS mailedAt,
       n.expected_arrival_at AS expectedArrivalAt, n.follows_note_id AS followsNoteId,
       n.created_at AS createdAt, n.updated_at AS updatedAt,
       ct.email AS recipientEmail,
       (ct.address_lines IS NOT NULL AND ct.city IS NOT NULL) AS recipientHasAddress,
       (n.status = 'draft' AND n.due_at IS NOT NULL AND NOT (${RELEASED_THANK_YOU})) AS stillDue
FROM notes n
LEFT JOIN contacts ct ON ct.id = n.contact_id
LEFT JOIN applications a ON a.id = n.application_id
LEFT JOIN companies co ON co.id = a.company_id`;

type NoteRow = Omit<NoteSummaryT, 'recipientHasAddress' | 'stillDue'> & { recipientHasAddress: number | null; stillDue: number | null };
const toSummary = (r: NoteRow): NoteSummaryT => ({ ...r, recipientHasAddress: !!r.recipientHasAddress, stillDue: !!r.stillDue });

/** Note summaries matching a WHERE clause (with named parameters), ordered by due time then id. */
export function noteSummaries(ctx: Ctx, where: string, params: Record<string, unknown> = {}, order = 'n.due_at IS NULL, n.due_at, n.id'): NoteSummaryT[] {
  return stmt<NoteRow>(ctx.sqlite, `${NOTE_SUMMARY_SELECT}\nWHERE ${where}\nORDER BY ${order}`).all(params).map(toSummary);
}
