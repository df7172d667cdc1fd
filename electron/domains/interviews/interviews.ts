import { randomUUID } from 'node:crypto';
import { undoable } from '../undo/undo';
import type { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx, Handlers } from '../../db/context';
import { deleteRow, insertOrIgnore, insertRow, param, pick, prepare, rowExists, stmt, tx, updateRow } from '../../db/sql';
import { applicationContacts, applications, contacts, interviewParticipants, interviews, notes } from '../../db/schema';
import type { MethodOutput } from '../../api/contract';
import type { ParticipantInput } from '../../api/contract/interviews';
import { MAX_INTERVIEW_MS } from '../../shared/inputs/interviews';
import type { InterviewSummaryT } from '../../api/contract/shapes';
import { AppError, conflict, invalid, notFound } from '../../shared/errors';
import { changeStage } from '../applications/applications';
import { addThankYouObligation, countOpenThankYous, rescheduleObligations } from './obligations';
import { getSettings } from '../settings/settings';
import { formatDayInZone } from '../../shared/time';
import { interviewsToIcs } from '../../formats/ics/ics';
import { firstOfKind, stageOf } from '../stages/rules';
import { listAnd } from '../../shared/words';
import { nameColumns } from '../../shared/names';
import { writeChannels } from '../contacts/channels';

type Interview = MethodOutput<'interviews.get'>;
type Participant = Interview['participants'][number];

/**
 * Scheduling an interview moves an application that is still in an earlier stage (not applied yet, or
 * open) on to the first interview stage. By kind and board position, never by key: "earlier" is a
 * planned/open stage placed before that interview stage, so a custom open stage placed after it
 * (say "References" after "Interviewing") is left alone, as are offers and closed stages.
 */
function moveOnForInterview(ctx: Ctx, applicationId: number, stage: string) {
  const from = stageOf(ctx, stage);
  if (!from || (from.kind !== 'planned' && from.kind !== 'open')) return;
  const to = firstOfKind(ctx, 'interview');
  if (from.position < to.position) changeStage(ctx, applicationId, to.key, 'Interview scheduled');
}

// Raw SQL: the summary joins company and role and folds the participants into one JSON column, for
// Today and every list of interviews in one statement.
export const INTERVIEW_SUMMARY_SELECT = `
SELECT i.id, i.application_id AS applicationId, co.name AS company, a.role, a.stage, i.round, i.kind,
       i.start_at AS startAt, i.end_at AS endAt, i.time_zone AS timeZone, i.location, i.debriefed_at AS debriefedAt,
       (SELECT json_group_array(name) FROM (SELECT c.name FROM interview_participants p JOIN contacts c ON c.id = p.contact_id WHERE p.interview_id = i.id ORDER BY p.rowid)) AS participantNames
FROM interviews i
JOIN applications a ON a.id = i.application_id
JOIN companies co ON co.id = a.company_id`;

type SummaryRow = Omit<InterviewSummaryT, 'participantNames'> & { participantNames: string };
const toSummary = (r: SummaryRow): InterviewSummaryT => ({ ...r, participantNames: JSON.parse(r.participantNames) as string[] });

export function interviewSummaries(ctx: Ctx, where: string, params: Record<string, unknown> = {}, order = 'i.start_at, i.id'): InterviewSummaryT[] {
  return stmt<SummaryRow>(ctx.sqlite, `${INTERVIEW_SUMMARY_SELECT}\nWHERE ${where}\nORDER BY ${order}`).all(params).map(toSummary);
}

const ID = sql.placeholder('id');
const debriefById = prepare((db) =>
  db
    .select({
      topics: interviews.topics,
      challenge: interviews.challenge,
      lookingFor: interviews.lookingFor,
      questions: interviews.questions,
      promises: interviews.promises,
      impression: interviews.impression,
      createdAt: interviews.createdAt,
      updatedAt: interviews.updatedAt,
    })
    .from(interviews)
    .where(eq(interviews.id, ID))
    .prepare(),
);
const timesById = prepare((db) =>
  db
    .select({
      startAt: interviews.startAt,
      endAt: interviews.endAt,
      timeZone: interviews.timeZone,
      location: interviews.location,
      icsSequence: interviews.icsSequence,
      debriefedAt: interviews.debriefedAt,
    })
    .from(interviews)
    .where(eq(interviews.id, ID))
    .prepare(),
);
const stageOfApplication = prepare((db) => db.select({ stage: applications.stage }).from(applications).where(eq(applications.id, ID)).prepare());
const setTalkedAbout = prepare((db) =>
  db
    .update(interviewParticipants)
    .set({ talkedAbout: param<string>('text') })
    .where(and(eq(interviewParticipants.interviewId, sql.placeholder('interviewId')), eq(interviewParticipants.contactId, sql.placeholder('contactId'))))
    .prepare(),
);
const deleteParticipant = prepare((db) =>
  db
    .delete(interviewParticipants)
    .where(and(eq(interviewParticipants.interviewId, sql.placeholder('interviewId')), eq(interviewParticipants.contactId, sql.placeholder('contactId'))))
    .prepare(),
);
const whereOf = prepare((db) =>
  db
    .select({ applicationId: interviews.applicationId, companyId: applications.companyId, startAt: interviews.startAt, timeZone: interviews.timeZone, round: interviews.round })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(eq(interviews.id, ID))
    .prepare(),
);
const sameContactAt = prepare((db) =>
  db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(sql`${contacts.name} COLLATE NOCASE`, sql.placeholder('name')), eq(contacts.companyId, sql.placeholder('companyId'))))
    .prepare(),
);
const draftThankYous = prepare((db) =>
  db
    .select({ id: notes.id })
    .from(notes)
    .where(
      and(
        eq(notes.interviewId, sql.placeholder('interviewId')),
        eq(notes.contactId, sql.placeholder('contactId')),
        eq(notes.kind, 'thank_you'),
        eq(notes.status, 'draft'),
      ),
    )
    .prepare(),
);

// The interviewer role goes with the last interview of the application the person was in; any other
// role (recruiter, referrer, ...) is theirs apart from interviews and stays.
const dropInterviewerRole = prepare((db) =>
  db
    .delete(applicationContacts)
    .where(
      and(
        eq(applicationContacts.applicationId, sql.placeholder('applicationId')),
        eq(applicationContacts.contactId, sql.placeholder('contactId')),
        eq(applicationContacts.role, 'interviewer'),
        sql`NOT EXISTS (SELECT 1 FROM ${interviewParticipants} p JOIN ${interviews} i ON i.id = p.interview_id
                        WHERE i.application_id = ${sql.placeholder('applicationId')} AND p.contact_id = ${sql.placeholder('contactId')})`,
      ),
    )
    .prepare(),
);

/** The fields interviews.update may change, by their schema names. */
const EDITABLE = ['round', 'kind', 'startAt', 'endAt', 'timeZone', 'location', 'topics', 'challenge', 'lookingFor', 'questions', 'promises', 'impression'] as const;

export function getInterview(ctx: Ctx, id: number): Interview {
  const [summary] = interviewSummaries(ctx, 'i.id = @id', { id });
  if (!summary) throw notFound('Interview', id);
  const extra = debriefById(ctx).get({ id })!;
  // Raw SQL: each participant with their first thank-you note, picked by a correlated subquery.
  const participants = stmt<Omit<Participant, 'hasAddress'> & { hasAddress: number }>(
    ctx.sqlite,
    `SELECT c.id AS contactId, c.name, c.title, c.email, (c.address_lines IS NOT NULL AND c.city IS NOT NULL) AS hasAddress,
            p.talked_about AS talkedAbout,
            n.id AS thankYouNoteId, n.status AS thankYouStatus
     FROM interview_participants p
     JOIN contacts c ON c.id = p.contact_id
     LEFT JOIN notes n ON n.id = (SELECT id FROM notes WHERE interview_id = p.interview_id AND contact_id = p.contact_id AND kind = 'thank_you' ORDER BY id LIMIT 1)
     WHERE p.interview_id = ?
     ORDER BY p.rowid`,
  )
    .all(id)
    .map((p) => ({ ...p, hasAddress: !!p.hasAddress }));
  return { ...summary, ...extra, participants };
}

/** Resolves a participant to a contact id, creating a quick-captured contact when given a name. */
function participantContact(ctx: Ctx, interviewId: number, input: z.output<typeof ParticipantInput>): number {
  const app = whereOf(ctx).get({ id: interviewId })!;
  let contactId: number;
  if ('contactId' in input) {
    if (!rowExists(ctx, contacts, input.contactId)) {
      throw new AppError('validation', 'That contact no longer exists.', { contactId: `Contact ${input.contactId} was not found.` });
    }
    contactId = input.contactId;
  } else {
    // A quick capture reuses the same person at the same company rather than making a twin.
    const same = sameContactAt(ctx).get({ name: input.name, companyId: app.companyId });
    if (same) contactId = same.id;
    else {
      const metHow = `Interview${app.round ? ` (${app.round})` : ''} on ${formatDayInZone(app.startAt, app.timeZone)}`;
      // The name is split into given and family name only when it has one reading (shared/names.ts).
      contactId = insertRow(ctx, contacts, { ...nameColumns({ name: input.name }, null)!, title: input.title ?? null, companyId: app.companyId, metHow });
      // Met at an interview at their company: the address they gave is a work one.
      if (input.email) writeChannels(ctx, contactId, { emails: [{ address: input.email, label: 'work', isPrimary: true }] });
    }
  }
  insertOrIgnore(ctx, applicationContacts, { applicationId: app.applicationId, contactId, role: 'interviewer' });
  return contactId;
}

function addParticipant(ctx: Ctx, interviewId: number, input: z.output<typeof ParticipantInput>): void {
  const contactId = participantContact(ctx, interviewId, input);
  if (insertOrIgnore(ctx, interviewParticipants, { interviewId, contactId })) addThankYouObligation(ctx, interviewId, contactId);
}

export const interviewsHandlers: Handlers<
  | 'interviews.create'
  | 'interviews.get'
  | 'interviews.update'
  | 'interviews.list'
  | 'interviews.delete'
  | 'interviews.addParticipant'
  | 'interviews.removeParticipant'
  | 'interviews.exportIcs'
  | 'interviews.openThankYous'
> = {
  'interviews.create': (input, ctx) => {
    const id = tx(ctx, () => {
      const app = stageOfApplication(ctx).get({ id: input.applicationId });
      if (!app) throw new AppError('validation', 'Choose an application.', { applicationId: 'That application was not found.' });
      const id = insertRow(ctx, interviews, {
        applicationId: input.applicationId,
        round: input.round ?? null,
        kind: input.kind,
        startAt: input.startAt,
        endAt: input.endAt,
        timeZone: input.timeZone ?? getSettings(ctx).timeZone,
        location: input.location ?? null,
        uid: randomUUID(),
      });
      moveOnForInterview(ctx, input.applicationId, app.stage);
      for (const p of input.participants ?? []) addParticipant(ctx, id, p);
      return id;
    });
    return getInterview(ctx, id);
  },

  'interviews.get': ({ id }, ctx) => getInterview(ctx, id),

  'interviews.update': (input, ctx) => {
    tx(ctx, () => {
      const cur = timesById(ctx).get({ id: input.id });
      if (!cur) throw notFound('Interview', input.id);
      const startAt = input.startAt ?? cur.startAt;
      const endAt = input.endAt ?? cur.endAt;
      if (endAt <= startAt) throw invalid({ endAt: 'The end must be after the start.' });
      if (endAt - startAt > MAX_INTERVIEW_MS) throw invalid({ endAt: 'An interview lasts at most a day; schedule each day separately.' });
      const debriefKeys = ['topics', 'challenge', 'lookingFor', 'questions', 'promises', 'impression', 'talkedAbout'];
      const debriefing = debriefKeys.some((k) => (input as Record<string, unknown>)[k] !== undefined);
      // The first debrief is the moment it was debriefed; later edits keep that time.
      // A calendar takes an event with the same UID as the new version only when SEQUENCE went up.
      const moved = (['startAt', 'endAt', 'timeZone', 'location'] as const).some((k) => input[k] !== undefined && input[k] !== cur[k]);
      updateRow(ctx, interviews, input.id, {
        ...pick(input, EDITABLE),
        debriefedAt: debriefing && cur.debriefedAt === null ? ctx.clock.now() : undefined,
        icsSequence: moved ? cur.icsSequence + 1 : undefined,
      });
      for (const t of input.talkedAbout ?? []) {
        const res = setTalkedAbout(ctx).run({ text: t.text, interviewId: input.id, contactId: t.contactId });
        if (res.changes === 0) throw new AppError('validation', 'That person is not a participant.', { talkedAbout: `Contact ${t.contactId} is not in this interview.` });
      }
      if (input.endAt !== undefined && input.endAt !== cur.endAt) rescheduleObligations(ctx, input.id, cur.endAt, endAt);
    });
    return getInterview(ctx, input.id);
  },

  'interviews.list': ({ applicationId, from, to }, ctx) => {
    const where: string[] = ['1 = 1'];
    if (applicationId !== undefined) where.push('i.application_id = @applicationId');
    if (from !== undefined) where.push('i.end_at >= @from');
    if (to !== undefined) where.push('i.start_at < @to');
    return { items: interviewSummaries(ctx, where.join(' AND '), { applicationId, from, to }) };
  },

  // Participants go with it; its notes stay, unlinked. Undo puts all of it back.
  'interviews.delete': ({ id }, ctx) => {
    const i = stmt<{ round: string | null; company: string }>(
      ctx.sqlite,
      'SELECT i.round, c.name AS company FROM interviews i JOIN applications a ON a.id = i.application_id JOIN companies c ON c.id = a.company_id WHERE i.id = ?',
    ).get(id);
    if (!i) throw notFound('Interview', id);
    const { undo } = undoable(ctx, `Deleted the ${i.round ? `${i.round} ` : ''}interview with ${i.company}`, () => deleteRow(ctx, interviews, id));
    return { ok: true as const, undo };
  },

  'interviews.addParticipant': ({ interviewId, participant }, ctx) => {
    tx(ctx, () => {
      if (!rowExists(ctx, interviews, interviewId)) throw notFound('Interview', interviewId);
      addParticipant(ctx, interviewId, participant);
    });
    return getInterview(ctx, interviewId);
  },

  'interviews.removeParticipant': ({ interviewId, contactId, draft }, ctx) => {
    tx(ctx, () => {
      const drafts = draftThankYous(ctx).all({ interviewId, contactId });
      if (drafts.length > 0 && !draft) {
        throw conflict('This person has a draft thank-you. Keep it or delete it?', { draft: 'Choose whether to keep or delete the draft thank-you.' });
      }
      if (deleteParticipant(ctx).run({ interviewId, contactId }).changes === 0) throw notFound('Participant', contactId);
      if (draft === 'delete') for (const d of drafts) deleteRow(ctx, notes, d.id);
      // A kept draft stays linked to the interview but is no longer an obligation with a due time.
      if (draft === 'keep') for (const d of drafts) updateRow(ctx, notes, d.id, { dueAt: null });
      dropInterviewerRole(ctx).run({ applicationId: whereOf(ctx).get({ id: interviewId })!.applicationId, contactId });
    });
    return getInterview(ctx, interviewId);
  },

  'interviews.openThankYous': (_input, ctx) => ({ count: countOpenThankYous(ctx) }),

  'interviews.exportIcs': ({ id, alarmMinutes }, ctx) => {
    const now = ctx.clock.now();
    const list = id !== undefined ? [getInterview(ctx, id)] : interviewSummaries(ctx, 'i.end_at >= @now', { now }).map((s) => getInterview(ctx, s.id));
    const cal = new Map(
      stmt<{ id: number; uid: string; sequence: number }>(ctx.sqlite, 'SELECT id, uid, ics_sequence AS sequence FROM interviews WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(list.map((i) => i.id)))
        .map((r) => [r.id, r]),
    );
    const content = interviewsToIcs(
      list.map((i) => ({
        id: i.id,
        uid: cal.get(i.id)!.uid,
        sequence: cal.get(i.id)!.sequence,
        updatedAt: i.updatedAt,
        title: `Interview: ${i.company} — ${i.role}${i.round ? ` (${i.round})` : ''}`,
        description: [
          i.participants.length ? `With ${listAnd(i.participants.map((p) => (p.title ? `${p.name} (${p.title})` : p.name)))}` : null,
          i.challenge ? `Their challenge: ${i.challenge}` : null,
          'Afterwards: a thank-you to each person within 24 hours.',
        ]
          .filter(Boolean)
          .join('\n'),
        location: i.location,
        startAt: i.startAt,
        endAt: i.endAt,
        timeZone: i.timeZone,
        participants: i.participants.map((p) => ({ name: p.name, email: p.email })),
      })),
      { now, alarmMinutesBefore: alarmMinutes ?? 30 },
    );
    const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'interview';
    const filename = id !== undefined ? `interview-${slug(list[0].company)}-${list[0].id}.ics` : 'upcoming-interviews.ics';
    return { filename, content, count: list.length };
  },
};
