// Obligations: every person met at an interview is owed a thank-you, due a set number of hours
// (settings.thankYouDueHours, 24 by default) after the interview ends. The obligation IS a draft
// note, so writing it and tracking it are the same thing. It counts as due once the interview ended,
// and stops nagging when the application is rejected or withdrawn (the after-rejection note takes over).
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../db/context';
import { param, prepare, stmt, updateRow } from '../../db/sql';
import { interviews, notes } from '../../db/schema';
import { createNote, ENDED_APPLICATION, RELEASED_THANK_YOU } from '../notes/records';
import { getSettings } from '../settings/settings';

const HOUR = 3_600_000;

const existingThankYou = prepare((db) =>
  db
    .select({ id: notes.id, status: notes.status, dueAt: notes.dueAt })
    .from(notes)
    .where(and(eq(notes.interviewId, sql.placeholder('interviewId')), eq(notes.contactId, sql.placeholder('contactId')), eq(notes.kind, 'thank_you')))
    .prepare(),
);
const interviewById = prepare((db) =>
  db.select({ endAt: interviews.endAt, applicationId: interviews.applicationId }).from(interviews).where(eq(interviews.id, sql.placeholder('id'))).prepare(),
);
// Shifting by the interview's move keeps each note's offset from the end, i.e. the due hours in force
// when the obligation was made (or the ones the person chose to move it to), not today's setting.
const shiftOpenThankYous = prepare((db) =>
  db
    .update(notes)
    .set({ dueAt: sql`${notes.dueAt} + ${sql.placeholder('shift')}`, updatedAt: param<number>('now') })
    .where(and(eq(notes.interviewId, sql.placeholder('interviewId')), eq(notes.kind, 'thank_you'), eq(notes.status, 'draft'), isNotNull(notes.dueAt)))
    .prepare(),
);

/** SQL condition (raw: it is spliced into the pipeline and Today queries) for "this draft is due now or later and counts": its interview (if any) has ended. */
export const COUNTS_AS_DUE = `n.status = 'draft' AND n.due_at IS NOT NULL
  AND (n.interview_id IS NULL OR (SELECT end_at FROM interviews WHERE id = n.interview_id) <= @now)
  AND NOT (${RELEASED_THANK_YOU})`;

/**
 * COUNTS_AS_DUE over the copies an open draft carries (notes.interview_end_at, notes.application_ended,
 * kept by the triggers of drizzle/0023_today_due_copies.sql), for counts that read the drafts' index
 * notes_open_drafts_due alone rather than three lookups per draft. The same rule with the same nulls:
 * a missing interview or stage leaves the draft uncounted, as the lookups do.
 */
export const COUNTS_AS_DUE_FROM_COPIES = `n.status = 'draft' AND n.due_at IS NOT NULL
  AND (n.interview_id IS NULL OR n.interview_end_at <= @now)
  AND NOT (n.kind = 'thank_you' AND n.application_ended)`;

// Raw SQL: open thank-yous of live applications, the ones a change of the due-hours setting may move.
const OPEN_THANK_YOUS = `n.kind = 'thank_you' AND n.status = 'draft' AND n.due_at IS NOT NULL AND n.interview_id IS NOT NULL
  AND NOT ${ENDED_APPLICATION('n.application_id')}`;

/** How many open thank-yous a change of the due hours would move (the Settings screen asks about them). */
export function countOpenThankYous(ctx: Ctx): number {
  return stmt<{ n: number }>(ctx.sqlite, `SELECT count(*) AS n FROM notes n WHERE ${OPEN_THANK_YOUS}`).get()!.n;
}

/** The due hours changed and the person chose to move open thank-yous: each becomes due `hours` after its interview. Call inside a transaction. */
export function moveOpenThankYousTo(ctx: Ctx, hours: number): number {
  return stmt(
    ctx.sqlite,
    `UPDATE notes AS n SET due_at = (SELECT end_at FROM interviews WHERE id = n.interview_id) + @shift, updated_at = @now WHERE ${OPEN_THANK_YOUS}`,
  ).run({ shift: hours * HOUR, now: ctx.clock.now() }).changes;
}

/** Adds a draft thank-you for a participant unless one exists. Call inside a transaction. */
export function addThankYouObligation(ctx: Ctx, interviewId: number, contactId: number): number | null {
  const existing = existingThankYou(ctx).get({ interviewId, contactId });
  const iv = interviewById(ctx).get({ id: interviewId })!;
  const settings = getSettings(ctx);
  if (existing) {
    // Removed with the draft kept (due time cleared), then added back: the draft is owed again.
    if (existing.status === 'draft' && existing.dueAt === null) {
      updateRow(ctx, notes, existing.id, { dueAt: dueAfter(ctx, interviewId, iv.endAt, settings.thankYouDueHours) });
    }
    return null;
  }
  return createNote(ctx, {
    kind: 'thank_you',
    contactId,
    applicationId: iv.applicationId,
    interviewId,
    delivery: settings.defaultDelivery,
    dueAt: dueAfter(ctx, interviewId, iv.endAt, settings.thankYouDueHours),
  });
}

const openOffset = prepare((db) =>
  db
    .select({ offset: sql<number>`${notes.dueAt} - ${interviews.endAt}` })
    .from(notes)
    .innerJoin(interviews, eq(interviews.id, notes.interviewId))
    .where(and(eq(notes.interviewId, sql.placeholder('interviewId')), eq(notes.kind, 'thank_you'), eq(notes.status, 'draft'), isNotNull(notes.dueAt)))
    .orderBy(notes.id)
    .limit(1)
    .prepare(),
);

/** A new obligation on an interview follows the hours its other open thank-yous were given, so one interview keeps one rule; else today's setting. */
function dueAfter(ctx: Ctx, interviewId: number, endAt: number, hours: number): number {
  const other = openOffset(ctx).get({ interviewId });
  return endAt + (other ? other.offset : hours * HOUR);
}

/** An interview moved: its open thank-yous move with it. */
export function rescheduleObligations(ctx: Ctx, interviewId: number, oldEndAt: number, endAt: number) {
  shiftOpenThankYous(ctx).run({ shift: endAt - oldEndAt, now: ctx.clock.now(), interviewId });
}
