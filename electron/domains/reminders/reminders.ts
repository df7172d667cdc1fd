// Reminders and tasks: "reconnect with Globex in 90 days", "call Dana with a follow-up question".
// Today lists the open ones that are due; these handlers create, complete, snooze and delete them.
import { undoable } from '../undo/undo';
import type { Ctx, Handlers } from '../../db/context';
import { deleteRow, insertRow, rowExists, stmt, updateRow } from '../../db/sql';
import { applications, contacts, reminders } from '../../db/schema';
import type { ReminderT } from '../../api/contract/reminders';
import { invalid, notFound } from '../../shared/errors';
import type { REMINDER_KINDS } from '../../shared/domain';

type ReminderKind = (typeof REMINDER_KINDS)[number];

// Raw SQL for reading: a reminder is shown with its company, role and contact, joined in one statement.
const REMINDER_SELECT = `
SELECT r.id, r.kind, r.title, r.due_at AS dueAt, r.done_at AS doneAt, r.application_id AS applicationId,
       r.contact_id AS contactId, r.note_id AS noteId, co.name AS company, a.role, ct.name AS contactName,
       r.created_at AS createdAt
FROM reminders r
LEFT JOIN applications a ON a.id = r.application_id
LEFT JOIN companies co ON co.id = a.company_id
LEFT JOIN contacts ct ON ct.id = r.contact_id`;


export function getReminder(ctx: Ctx, reminderId: number): ReminderT {
  const row = stmt<ReminderT>(ctx.sqlite, `${REMINDER_SELECT} WHERE r.id = ?`).get(reminderId);
  if (!row) throw notFound('Reminder', reminderId);
  return row;
}

/** Inserts a reminder (call inside the caller's transaction when part of a larger write). */
export function createReminder(
  ctx: Ctx,
  r: { title: string; dueAt: number; kind?: ReminderKind; applicationId?: number | null; contactId?: number | null; noteId?: number | null },
): number {
  if (r.applicationId != null && !rowExists(ctx, applications, r.applicationId)) {
    throw invalid({ applicationId: 'That application no longer exists.' });
  }
  if (r.contactId != null && !rowExists(ctx, contacts, r.contactId)) {
    throw invalid({ contactId: 'That contact no longer exists.' });
  }
  return insertRow(ctx, reminders, {
    kind: r.kind ?? 'custom',
    title: r.title,
    dueAt: r.dueAt,
    applicationId: r.applicationId ?? null,
    contactId: r.contactId ?? null,
    noteId: r.noteId ?? null,
  });
}

export const remindersHandlers: Handlers<'reminders.list' | 'reminders.create' | 'reminders.complete' | 'reminders.snooze' | 'reminders.delete'> = {
  'reminders.list': ({ includeDone, dueBefore, applicationId, contactId, kind }, ctx) => ({
    items: stmt<ReminderT>(
      ctx.sqlite,
      `${REMINDER_SELECT} WHERE (@all = 1 OR r.done_at IS NULL) AND (@before IS NULL OR r.due_at < @before)
         AND (@app IS NULL OR r.application_id = @app) AND (@contact IS NULL OR r.contact_id = @contact)
         AND (@kind IS NULL OR r.kind = @kind)
       ORDER BY r.done_at IS NOT NULL, r.due_at, r.id`,
    ).all({ all: includeDone ? 1 : 0, before: dueBefore ?? null, app: applicationId ?? null, contact: contactId ?? null, kind: kind ?? null }),
  }),
  'reminders.create': (input, ctx) => {
    // "Remind me to call" is one promise per person and application: a second click, a reload or a
    // second window must not make a second reminder while the first is still open.
    if (input.kind === 'follow_up' && input.applicationId != null && input.contactId != null) {
      const open = stmt<{ id: number }>(
        ctx.sqlite,
        `SELECT id FROM reminders WHERE kind = 'follow_up' AND done_at IS NULL AND application_id = ? AND contact_id = ?
         ORDER BY id LIMIT 1`,
      ).get(input.applicationId, input.contactId);
      if (open) return getReminder(ctx, open.id);
    }
    return getReminder(ctx, createReminder(ctx, input));
  },
  'reminders.complete': ({ id, done }, ctx) => {
    const r = getReminder(ctx, id);
    // Completing twice keeps the first time it was done.
    const doneAt = done ? (r.doneAt ?? ctx.clock.now()) : null;
    updateRow(ctx, reminders, id, { doneAt });
    return getReminder(ctx, id);
  },
  'reminders.snooze': ({ id, until }, ctx) => {
    getReminder(ctx, id);
    if (until <= ctx.clock.now()) throw invalid({ until: 'Choose a time in the future.' });
    updateRow(ctx, reminders, id, { dueAt: until, doneAt: null });
    return getReminder(ctx, id);
  },
  'reminders.delete': ({ id }, ctx) => {
    const { undo } = undoable(ctx, `Deleted the reminder “${getReminder(ctx, id).title}”`, () => deleteRow(ctx, reminders, id));
    return { ok: true as const, undo };
  },
};
