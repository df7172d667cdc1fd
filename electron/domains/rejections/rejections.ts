// After a rejection: a gracious note to each person on the application keeps the door open (thank
// them, restate interest, what you bring, ask to be kept in mind), and a reminder to reconnect later,
// because no is not forever.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx, Handlers } from '../../db/context';
import { prepare, stmt, tx, updateRow } from '../../db/sql';
import { applications, companies, reminders } from '../../db/schema';
import type { MethodOutput } from '../../api/contract';
import { invalid, notFound } from '../../shared/errors';
import type { ContactRole, Delivery, NoteStatus } from '../../shared/domain';
import { createNote } from '../notes/records';
import { createReminder, getReminder } from '../reminders/reminders';
import { getSettings } from '../settings/settings';
import { applyTemplateToNote, builtInTemplateId } from '../templates/templates';

const DAY = 86_400_000;
/** A gracious note is best sent soon, but it is not as urgent as a thank-you. */
const NOTE_DUE_DAYS = 2;

type Prepared = MethodOutput<'rejections.prepare'>;

const applicationById = prepare((db) =>
  db
    .select({ id: applications.id, company: companies.name, role: applications.role, stage: applications.stage })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(eq(applications.id, sql.placeholder('id')))
    .prepare(),
);

function application(ctx: Ctx, applicationId: number) {
  const a = applicationById(ctx).get({ id: applicationId });
  if (!a) throw notFound('Application', applicationId);
  return a;
}

const openReconnect = prepare((db) =>
  db
    .select({ id: reminders.id })
    .from(reminders)
    .where(and(eq(reminders.applicationId, sql.placeholder('applicationId')), eq(reminders.kind, 'reconnect'), isNull(reminders.doneAt)))
    .orderBy(asc(reminders.id))
    .limit(1)
    .prepare(),
);

interface ContactRow {
  contactId: number;
  name: string;
  title: string | null;
  roles: string | null;
  interviews: number;
  email: string | null;
  hasAddress: number;
  noteId: number | null;
  noteStatus: NoteStatus | null;
  noteDelivery: Delivery | null;
}

/**
 * Contacts with a role on the application or met at one of its interviews, each once. Raw SQL: a
 * UNION of two paths to a person, with roles, interview counts and their note folded in per row.
 */
function rejectionContacts(ctx: Ctx, applicationId: number): Prepared['contacts'] {
  const rows = stmt<ContactRow>(
    ctx.sqlite,
    `WITH people AS (
       SELECT contact_id FROM application_contacts WHERE application_id = @app
       UNION
       SELECT p.contact_id FROM interview_participants p JOIN interviews i ON i.id = p.interview_id WHERE i.application_id = @app
     )
     SELECT c.id AS contactId, c.name, c.title, c.email,
            (c.address_lines IS NOT NULL AND c.city IS NOT NULL) AS hasAddress,
            (SELECT group_concat(role) FROM application_contacts WHERE application_id = @app AND contact_id = c.id) AS roles,
            (SELECT count(*) FROM interview_participants p JOIN interviews i ON i.id = p.interview_id
              WHERE i.application_id = @app AND p.contact_id = c.id) AS interviews,
            n.id AS noteId, n.status AS noteStatus, n.delivery AS noteDelivery
     FROM people JOIN contacts c ON c.id = people.contact_id
     LEFT JOIN notes n ON n.id = (SELECT id FROM notes WHERE application_id = @app AND contact_id = c.id AND kind = 'after_rejection' ORDER BY id LIMIT 1)
     ORDER BY c.name COLLATE NOCASE, c.id`,
  ).all({ app: applicationId });
  return rows.map((r) => ({
    contactId: r.contactId,
    name: r.name,
    title: r.title,
    roles: r.roles ? (r.roles.split(',') as ContactRole[]) : [],
    interviews: r.interviews,
    email: r.email,
    hasEmail: !!r.email,
    hasAddress: !!r.hasAddress,
    existingNote: r.noteId !== null ? { id: r.noteId, status: r.noteStatus!, delivery: r.noteDelivery! } : null,
  }));
}

/**
 * The interview a note should draw on: the last ended one this person was in, else the application's
 * last ended one. Raw SQL: the preference is an ORDER BY over an EXISTS.
 */
function interviewFor(ctx: Ctx, applicationId: number, contactId: number): number | null {
  const row = stmt<{ id: number }>(
    ctx.sqlite,
    `SELECT i.id FROM interviews i
     WHERE i.application_id = @app AND i.end_at <= @now
     ORDER BY EXISTS (SELECT 1 FROM interview_participants p WHERE p.interview_id = i.id AND p.contact_id = @contact) DESC, i.end_at DESC, i.id DESC
     LIMIT 1`,
  ).get({ app: applicationId, contact: contactId, now: ctx.clock.now() });
  return row?.id ?? null;
}

export function reconnectTitle(company: string): string {
  return `Reconnect with ${company}: no is not forever`;
}

export const rejectionsHandlers: Handlers<'rejections.prepare' | 'rejections.apply'> = {
  'rejections.prepare': ({ applicationId }, ctx) => {
    const settings = getSettings(ctx);
    return {
      application: application(ctx, applicationId),
      contacts: rejectionContacts(ctx, applicationId),
      reconnectDays: settings.reconnectDays,
      defaultDelivery: settings.defaultDelivery,
    };
  },
  'rejections.apply': ({ applicationId, contactIds, delivery, reconnectInDays }, ctx) =>
    tx(ctx, () => {
      const app = application(ctx, applicationId);
      const known = new Map(rejectionContacts(ctx, applicationId).map((c) => [c.contactId, c]));
      const strangers = contactIds.filter((c) => !known.has(c));
      if (strangers.length > 0) throw invalid({ contactIds: 'Some of these people are not on this application any more; reopen the dialog.' });

      const now = ctx.clock.now();
      const templateId = builtInTemplateId(ctx, 'after_rejection', delivery);
      const noteIds: number[] = [];
      const skipped: Array<{ contactId: number; noteId: number }> = [];
      for (const contactId of new Set(contactIds)) {
        const existing = known.get(contactId)!.existingNote;
        if (existing) {
          skipped.push({ contactId, noteId: existing.id });
          continue;
        }
        const noteId = createNote(ctx, {
          kind: 'after_rejection',
          contactId,
          applicationId,
          interviewId: interviewFor(ctx, applicationId, contactId),
          delivery,
          dueAt: now + NOTE_DUE_DAYS * DAY,
        });
        if (templateId !== null) applyTemplateToNote(ctx, noteId, templateId);
        noteIds.push(noteId);
      }

      const days = reconnectInDays === undefined ? getSettings(ctx).reconnectDays : reconnectInDays;
      let reminder = null;
      if (days !== null) {
        const dueAt = now + days * DAY;
        // One open reconnect reminder per application: a second rejection prompt moves it, not doubles it.
        const open = openReconnect(ctx).get({ applicationId });
        let reminderId: number;
        if (open) {
          updateRow(ctx, reminders, open.id, { dueAt });
          reminderId = open.id;
        } else {
          reminderId = createReminder(ctx, { kind: 'reconnect', title: reconnectTitle(app.company), dueAt, applicationId });
        }
        reminder = getReminder(ctx, reminderId);
      }
      return { noteIds, skipped, reminder };
    }),
};
