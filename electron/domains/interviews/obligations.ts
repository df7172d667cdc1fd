// Obligations: every person met at an interview is owed a thank-you, due a set number of hours
// (settings.thankYouDueHours, 24 by default) after the interview ends. The obligation IS a draft
// note, so writing it and tracking it are the same thing. It counts as due once the interview ended,
// and stops nagging when the application is rejected or withdrawn (the after-rejection note takes over).
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../db/context';
import { param, prepare } from '../../db/sql';
import { interviews, notes } from '../../db/schema';
import { createNote } from '../notes/records';
import { getSettings } from '../settings/settings';

const HOUR = 3_600_000;

const existingThankYou = prepare((db) =>
  db
    .select({ id: notes.id })
    .from(notes)
    .where(and(eq(notes.interviewId, sql.placeholder('interviewId')), eq(notes.contactId, sql.placeholder('contactId')), eq(notes.kind, 'thank_you')))
    .prepare(),
);
const interviewById = prepare((db) =>
  db.select({ endAt: interviews.endAt, applicationId: interviews.applicationId }).from(interviews).where(eq(interviews.id, sql.placeholder('id'))).prepare(),
);
const moveOpenThankYous = prepare((db) =>
  db
    .update(notes)
    .set({ dueAt: param<number>('dueAt'), updatedAt: param<number>('now') })
    .where(and(eq(notes.interviewId, sql.placeholder('interviewId')), eq(notes.kind, 'thank_you'), eq(notes.status, 'draft'), isNotNull(notes.dueAt)))
    .prepare(),
);

/** SQL condition (raw: it is spliced into the pipeline and Today queries) for "this draft is due now or later and counts": its interview (if any) has ended. */
export const COUNTS_AS_DUE = `n.status = 'draft' AND n.due_at IS NOT NULL
  AND (n.interview_id IS NULL OR (SELECT end_at FROM interviews WHERE id = n.interview_id) <= @now)
  AND NOT (n.kind = 'thank_you' AND (SELECT stage FROM applications WHERE id = n.application_id) IN ('rejected', 'withdrawn'))`;

/** Adds a draft thank-you for a participant unless one exists. Call inside a transaction. */
export function addThankYouObligation(ctx: Ctx, interviewId: number, contactId: number): number | null {
  if (existingThankYou(ctx).get({ interviewId, contactId })) return null;
  const iv = interviewById(ctx).get({ id: interviewId })!;
  const settings = getSettings(ctx);
  return createNote(ctx, {
    kind: 'thank_you',
    contactId,
    applicationId: iv.applicationId,
    interviewId,
    delivery: settings.defaultDelivery,
    dueAt: iv.endAt + settings.thankYouDueHours * HOUR,
  });
}

/** An interview moved: its open thank-yous move with it. */
export function rescheduleObligations(ctx: Ctx, interviewId: number, endAt: number) {
  const hours = getSettings(ctx).thankYouDueHours;
  moveOpenThankYous(ctx).run({ dueAt: endAt + hours * HOUR, now: ctx.clock.now(), interviewId });
}
