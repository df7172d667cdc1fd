// Obligations: every person met at an interview is owed a thank-you, due a set number of hours
// (settings.thankYouDueHours, 24 by default) after the interview ends. The obligation IS a draft
// note, so writing it and tracking it are the same thing. It counts as due once the interview ended,
// and stops nagging when the application is rejected or withdrawn (the after-rejection note takes over).
import type { Ctx } from '../../db/context';
import { stmt } from '../../db/sql';
import { createNote } from '../notes/records';
import { getSettings } from '../settings/settings';

const HOUR = 3_600_000;

/** SQL condition for "this draft is due now or later and counts": its interview (if any) has ended. */
export const COUNTS_AS_DUE = `n.status = 'draft' AND n.due_at IS NOT NULL
  AND (n.interview_id IS NULL OR (SELECT end_at FROM interviews WHERE id = n.interview_id) <= @now)
  AND NOT (n.kind = 'thank_you' AND (SELECT stage FROM applications WHERE id = n.application_id) IN ('rejected', 'withdrawn'))`;

/** Adds a draft thank-you for a participant unless one exists. Call inside a transaction. */
export function addThankYouObligation(ctx: Ctx, interviewId: number, contactId: number): number | null {
  const existing = stmt(ctx.sqlite, "SELECT id FROM notes WHERE interview_id = ? AND contact_id = ? AND kind = 'thank_you'").get(interviewId, contactId);
  if (existing) return null;
  const iv = stmt<{ endAt: number; applicationId: number }>(ctx.sqlite, 'SELECT end_at AS endAt, application_id AS applicationId FROM interviews WHERE id = ?').get(
    interviewId,
  )!;
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
  stmt(ctx.sqlite, "UPDATE notes SET due_at = ?, updated_at = ? WHERE interview_id = ? AND kind = 'thank_you' AND status = 'draft' AND due_at IS NOT NULL").run(
    endAt + hours * HOUR,
    ctx.clock.now(),
    interviewId,
  );
}
