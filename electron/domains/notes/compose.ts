// What the composer offers and checks: the thank-yous of an interview (one tab per person), the
// people, applications and interviews a new note can be about, and the live checks on a draft.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Handlers } from '../../db/context';
import { prepare, rowExists, stmt, tx } from '../../db/sql';
// As `tables.x`: composeOptions has its own `contacts` and `applications`.
import * as tables from '../../db/schema';
import type { MethodOutput } from '../../api/contract';
import { invalid, notFound } from '../../shared/errors';
import { checkNote, type CheckInput } from '../../shared/checks';
import type { ContactRole, Stage } from '../../shared/domain';
import { addThankYouObligation } from '../interviews/obligations';
import { getSettings } from '../settings/settings';
import { checkContext, fillEmptyDraft, getNote, othersFor, recipientOf, type Ids } from './detail';

type CheckIn = MethodOutput<'notes.check'>;

const ID = sql.placeholder('id');
const interviewHeader = prepare((db) =>
  db
    .select({
      id: tables.interviews.id,
      applicationId: tables.interviews.applicationId,
      company: tables.companies.name,
      role: tables.applications.role,
      round: tables.interviews.round,
      startAt: tables.interviews.startAt,
      endAt: tables.interviews.endAt,
      timeZone: tables.interviews.timeZone,
    })
    .from(tables.interviews)
    .innerJoin(tables.applications, eq(tables.applications.id, tables.interviews.applicationId))
    .innerJoin(tables.companies, eq(tables.companies.id, tables.applications.companyId))
    .where(eq(tables.interviews.id, ID))
    .prepare(),
);
const firstThankYou = prepare((db) =>
  db
    .select({ id: tables.notes.id })
    .from(tables.notes)
    .where(and(eq(tables.notes.interviewId, sql.placeholder('interviewId')), eq(tables.notes.contactId, sql.placeholder('contactId')), eq(tables.notes.kind, 'thank_you')))
    .orderBy(asc(tables.notes.id))
    .limit(1)
    .prepare(),
);
const followerIds = prepare((db) => db.select({ id: tables.notes.id }).from(tables.notes).where(eq(tables.notes.followsNoteId, ID)).orderBy(asc(tables.notes.id)).prepare());

export const composeHandlers: Handlers<'notes.forInterview' | 'notes.composeOptions' | 'notes.check'> = {
  'notes.forInterview': ({ interviewId }, ctx) => {
    const interview = interviewHeader(ctx).get({ id: interviewId });
    if (!interview) throw notFound('Interview', interviewId);
    // Raw SQL: participants in the order they were added (rowid), with "has an address" computed.
    const participants = stmt<{ contactId: number; name: string; email: string | null; hasAddress: number; talkedAbout: string | null }>(
      ctx.sqlite,
      `SELECT c.id AS contactId, c.name, c.email, (c.address_lines IS NOT NULL AND c.city IS NOT NULL) AS hasAddress, p.talked_about AS talkedAbout
       FROM interview_participants p JOIN contacts c ON c.id = p.contact_id WHERE p.interview_id = ? ORDER BY p.rowid`,
    ).all(interviewId);

    const noteIds = tx(ctx, () =>
      participants.map((p) => {
        // The obligation normally exists; one deleted by hand comes back when the user sits down to write.
        const id = firstThankYou(ctx).get({ interviewId, contactId: p.contactId })?.id ?? addThankYouObligation(ctx, interviewId, p.contactId)!;
        fillEmptyDraft(ctx, id);
        const followers = followerIds(ctx)
          .all({ id })
          .map((r) => r.id);
        return [id, ...followers];
      }),
    );
    return {
      interview,
      entries: participants.map((p, i) => ({ ...p, hasAddress: !!p.hasAddress, notes: noteIds[i].map((id) => getNote(ctx, id)) })),
    };
  },

  'notes.composeOptions': ({ applicationId, contactId }, ctx) => {
    if (!applicationId && !contactId) throw invalid({ applicationId: 'Choose an application or a contact.' });
    type ContactOpt = MethodOutput<'notes.composeOptions'>['contacts'][number];
    const contactSelect = `SELECT c.id, c.name, c.title, c.email, (c.address_lines IS NOT NULL AND c.city IS NOT NULL) AS hasAddress,
            (SELECT json_group_array(DISTINCT role) FROM application_contacts ac WHERE ac.contact_id = c.id AND (@applicationId IS NULL OR ac.application_id = @applicationId)) AS roles
     FROM contacts c`;
    const toContact = (r: Omit<ContactOpt, 'hasAddress' | 'roles'> & { hasAddress: number; roles: string }): ContactOpt => ({
      ...r,
      hasAddress: !!r.hasAddress,
      roles: JSON.parse(r.roles) as ContactRole[],
    });
    // Raw SQL below: who and what a note can be about is a set of OR-ed subqueries with JSON folding.
    const params = { applicationId: applicationId ?? null, contactId: contactId ?? null };
    if (contactId && !rowExists(ctx, tables.contacts, contactId)) throw notFound('Contact', contactId);
    if (applicationId && !rowExists(ctx, tables.applications, applicationId)) throw notFound('Application', applicationId);
    const contacts = stmt<Parameters<typeof toContact>[0]>(
      ctx.sqlite,
      `${contactSelect}
       WHERE (@applicationId IS NOT NULL AND (c.id IN (SELECT contact_id FROM application_contacts WHERE application_id = @applicationId)
                OR c.id IN (SELECT p.contact_id FROM interview_participants p JOIN interviews i ON i.id = p.interview_id WHERE i.application_id = @applicationId)))
          OR c.id = @contactId
       ORDER BY c.id = @contactId DESC, c.name COLLATE NOCASE, c.id`,
    )
      .all(params)
      .map(toContact);
    const applications = stmt<MethodOutput<'notes.composeOptions'>['applications'][number] & { stage: Stage }>(
      ctx.sqlite,
      `SELECT a.id, co.name AS company, a.role, a.stage FROM applications a JOIN companies co ON co.id = a.company_id
       WHERE (@applicationId IS NOT NULL AND a.id = @applicationId)
          OR (@applicationId IS NULL AND (a.id IN (SELECT application_id FROM application_contacts WHERE contact_id = @contactId)
                OR a.id IN (SELECT i.application_id FROM interviews i JOIN interview_participants p ON p.interview_id = i.id WHERE p.contact_id = @contactId)))
       ORDER BY a.updated_at DESC, a.id DESC`,
    ).all(params);
    const interviews = stmt<{ id: number; applicationId: number; round: string | null; startAt: number; contactIds: string }>(
      ctx.sqlite,
      `SELECT i.id, i.application_id AS applicationId, i.round, i.start_at AS startAt,
              (SELECT json_group_array(contact_id) FROM interview_participants WHERE interview_id = i.id) AS contactIds
       FROM interviews i
       WHERE (@applicationId IS NOT NULL AND i.application_id = @applicationId)
          OR (@applicationId IS NULL AND i.id IN (SELECT interview_id FROM interview_participants WHERE contact_id = @contactId))
       ORDER BY i.start_at DESC, i.id DESC`,
    )
      .all(params)
      .map((i) => ({ ...i, contactIds: JSON.parse(i.contactIds) as number[] }));
    return { contacts, applications, interviews };
  },

  'notes.check': (input, ctx): CheckIn => {
    const settings = getSettings(ctx);
    let base: Pick<CheckInput, 'recipient' | 'context' | 'dueAt' | 'status' | 'others'> & { subject: string | null };
    if (input.noteId) {
      const n = getNote(ctx, input.noteId);
      base = { recipient: n.recipient, context: n.context, dueAt: n.dueAt, status: n.status, others: n.others, subject: n.subject };
    } else {
      const ids: Ids = { contactId: input.contactId ?? null, applicationId: input.applicationId ?? null, interviewId: input.interviewId ?? null };
      if (ids.contactId && !rowExists(ctx, tables.contacts, ids.contactId)) throw invalid({ contactId: 'That contact was not found.' });
      if (ids.interviewId && !rowExists(ctx, tables.interviews, ids.interviewId)) throw invalid({ interviewId: 'That interview was not found.' });
      base = {
        recipient: recipientOf(ctx, ids.contactId),
        context: checkContext(ctx, ids),
        dueAt: null,
        status: 'draft',
        others: othersFor(ctx, ids.interviewId, { id: null, contactId: ids.contactId, followsNoteId: null }),
        subject: null,
      };
    }
    return checkNote({
      body: input.body,
      subject: input.delivery === 'email' ? (input.subject !== undefined ? input.subject : base.subject) : undefined,
      delivery: input.delivery,
      recipient: base.recipient,
      context: base.context,
      dueAt: input.dueAt !== undefined ? input.dueAt : base.dueAt,
      now: ctx.clock.now(),
      status: base.status,
      others: input.others ?? base.others,
      cardWordLimit: settings.cardWordLimit,
    });
  },

};
