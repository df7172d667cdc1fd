import type { z } from 'zod';
import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx, updateFields } from '../../db/sql';
import type { MethodOutput } from '../../api/contract';
import { MAX_INTERVIEW_MS, type ParticipantInput } from '../../api/contract/interviews';
import type { InterviewSummaryT } from '../../api/contract/shapes';
import { AppError, conflict, notFound } from '../../shared/errors';
import { changeStage } from '../applications/applications';
import { addThankYouObligation, rescheduleObligations } from './obligations';
import { getSettings } from '../settings/settings';
import { formatDayInZone } from '../../shared/time';
import { interviewsToIcs } from '../../formats/ics/ics';
import type { Stage } from '../../shared/domain';
import { listAnd } from '../../shared/words';

type Interview = MethodOutput<'interviews.get'>;
type Participant = Interview['participants'][number];

/** Stages before interviewing: scheduling an interview moves these on. */
const EARLY_STAGES: readonly Stage[] = ['wishlist', 'applied', 'screening'];

export const INTERVIEW_SUMMARY_SELECT = `
SELECT i.id, i.application_id AS applicationId, co.name AS company, a.role, a.stage, i.round, i.kind,
       i.start_at AS startAt, i.end_at AS endAt, i.time_zone AS timeZone, i.location, i.debriefed_at AS debriefedAt,
       (SELECT json_group_array(name) FROM (SELECT c.name FROM interview_participants p JOIN contacts c ON c.id = p.contact_id WHERE p.interview_id = i.id ORDER BY p.rowid)) AS participantNames
FROM interviews i
JOIN applications a ON a.id = i.application_id
JOIN companies co ON co.id = a.company_id`;

type SummaryRow = Omit<InterviewSummaryT, 'participantNames'> & { participantNames: string };
const toSummary = (r: SummaryRow): InterviewSummaryT => ({ ...r, participantNames: JSON.parse(r.participantNames) as string[] });

export function interviewSummaries(ctx: Ctx, where: string, params: Record<string, unknown> = {}, order = 'i.start_at'): InterviewSummaryT[] {
  return stmt<SummaryRow>(ctx.sqlite, `${INTERVIEW_SUMMARY_SELECT}\nWHERE ${where}\nORDER BY ${order}`).all(params).map(toSummary);
}

export function getInterview(ctx: Ctx, id: number): Interview {
  const [summary] = interviewSummaries(ctx, 'i.id = @id', { id });
  if (!summary) throw notFound('Interview', id);
  const extra = stmt<Omit<Interview, keyof InterviewSummaryT | 'participants'>>(
    ctx.sqlite,
    `SELECT topics, challenge, looking_for AS lookingFor, questions, promises, impression, created_at AS createdAt, updated_at AS updatedAt
     FROM interviews WHERE id = ?`,
  ).get(id)!;
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
  const app = stmt<{ applicationId: number; companyId: number; startAt: number; timeZone: string; round: string | null }>(
    ctx.sqlite,
    `SELECT i.application_id AS applicationId, a.company_id AS companyId, i.start_at AS startAt, i.time_zone AS timeZone, i.round
     FROM interviews i JOIN applications a ON a.id = i.application_id WHERE i.id = ?`,
  ).get(interviewId)!;
  let contactId: number;
  if ('contactId' in input) {
    if (!stmt(ctx.sqlite, 'SELECT 1 FROM contacts WHERE id = ?').get(input.contactId)) {
      throw new AppError('validation', 'That contact no longer exists.', { contactId: `Contact ${input.contactId} was not found.` });
    }
    contactId = input.contactId;
  } else {
    // A quick capture reuses the same person at the same company rather than making a twin.
    const same = stmt<{ id: number }>(ctx.sqlite, 'SELECT id FROM contacts WHERE name = ? COLLATE NOCASE AND company_id = ?').get(input.name, app.companyId);
    if (same) contactId = same.id;
    else {
      const now = ctx.clock.now();
      const met = `Interview${app.round ? ` (${app.round})` : ''} on ${formatDayInZone(app.startAt, app.timeZone)}`;
      contactId = Number(
        stmt(
          ctx.sqlite,
          'INSERT INTO contacts (name, title, email, company_id, met_how, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(input.name, input.title ?? null, input.email ?? null, app.companyId, met, now, now).lastInsertRowid,
      );
    }
  }
  stmt(ctx.sqlite, "INSERT OR IGNORE INTO application_contacts (application_id, contact_id, role, created_at) VALUES (?, ?, 'interviewer', ?)").run(
    app.applicationId,
    contactId,
    ctx.clock.now(),
  );
  return contactId;
}

function addParticipant(ctx: Ctx, interviewId: number, input: z.output<typeof ParticipantInput>): void {
  const contactId = participantContact(ctx, interviewId, input);
  const res = stmt(ctx.sqlite, 'INSERT OR IGNORE INTO interview_participants (interview_id, contact_id, created_at) VALUES (?, ?, ?)').run(
    interviewId,
    contactId,
    ctx.clock.now(),
  );
  if (res.changes > 0) addThankYouObligation(ctx, interviewId, contactId);
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
> = {
  'interviews.create': (input, ctx) => {
    const id = tx(ctx, () => {
      const app = stmt<{ stage: Stage }>(ctx.sqlite, 'SELECT stage FROM applications WHERE id = ?').get(input.applicationId);
      if (!app) throw new AppError('validation', 'Choose an application.', { applicationId: 'That application was not found.' });
      const now = ctx.clock.now();
      const timeZone = input.timeZone ?? getSettings(ctx).timeZone;
      const id = Number(
        stmt(
          ctx.sqlite,
          `INSERT INTO interviews (application_id, round, kind, start_at, end_at, time_zone, location, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(input.applicationId, input.round ?? null, input.kind, input.startAt, input.endAt, timeZone, input.location ?? null, now, now).lastInsertRowid,
      );
      if (EARLY_STAGES.includes(app.stage)) changeStage(ctx, input.applicationId, 'interviewing', 'Interview scheduled');
      for (const p of input.participants ?? []) addParticipant(ctx, id, p);
      return id;
    });
    return getInterview(ctx, id);
  },

  'interviews.get': ({ id }, ctx) => getInterview(ctx, id),

  'interviews.update': (input, ctx) => {
    tx(ctx, () => {
      const cur = stmt<{ startAt: number; endAt: number; debriefedAt: number | null }>(
        ctx.sqlite,
        'SELECT start_at AS startAt, end_at AS endAt, debriefed_at AS debriefedAt FROM interviews WHERE id = ?',
      ).get(input.id);
      if (!cur) throw notFound('Interview', input.id);
      const startAt = input.startAt ?? cur.startAt;
      const endAt = input.endAt ?? cur.endAt;
      if (endAt <= startAt) throw new AppError('validation', 'Please correct: endAt.', { endAt: 'The end must be after the start.' });
      if (endAt - startAt > MAX_INTERVIEW_MS) throw new AppError('validation', 'Please correct: endAt.', { endAt: 'An interview lasts at most a day; schedule each day separately.' });
      const columns: Record<string, string> = {
        round: 'round',
        kind: 'kind',
        startAt: 'start_at',
        endAt: 'end_at',
        timeZone: 'time_zone',
        location: 'location',
        topics: 'topics',
        challenge: 'challenge',
        lookingFor: 'looking_for',
        questions: 'questions',
        promises: 'promises',
        impression: 'impression',
      };
      const debriefKeys = ['topics', 'challenge', 'lookingFor', 'questions', 'promises', 'impression', 'talkedAbout'];
      const debriefing = debriefKeys.some((k) => (input as Record<string, unknown>)[k] !== undefined);
      // The first debrief is the moment it was debriefed; later edits keep that time.
      updateFields(ctx, 'interviews', input.id, input, columns, debriefing && cur.debriefedAt === null ? { debriefed_at: ctx.clock.now() } : {});
      for (const t of input.talkedAbout ?? []) {
        const res = stmt(ctx.sqlite, 'UPDATE interview_participants SET talked_about = ? WHERE interview_id = ? AND contact_id = ?').run(t.text, input.id, t.contactId);
        if (res.changes === 0) throw new AppError('validation', 'That person is not a participant.', { talkedAbout: `Contact ${t.contactId} is not in this interview.` });
      }
      if (input.endAt !== undefined && input.endAt !== cur.endAt) rescheduleObligations(ctx, input.id, endAt);
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

  'interviews.delete': ({ id }, ctx) => {
    const res = stmt(ctx.sqlite, 'DELETE FROM interviews WHERE id = ?').run(id);
    if (res.changes === 0) throw notFound('Interview', id);
    return { ok: true as const };
  },

  'interviews.addParticipant': ({ interviewId, participant }, ctx) => {
    tx(ctx, () => {
      if (!stmt(ctx.sqlite, 'SELECT 1 FROM interviews WHERE id = ?').get(interviewId)) throw notFound('Interview', interviewId);
      addParticipant(ctx, interviewId, participant);
    });
    return getInterview(ctx, interviewId);
  },

  'interviews.removeParticipant': ({ interviewId, contactId, draft }, ctx) => {
    tx(ctx, () => {
      const drafts = stmt<{ id: number; body: string }>(
        ctx.sqlite,
        "SELECT id, body FROM notes WHERE interview_id = ? AND contact_id = ? AND kind = 'thank_you' AND status = 'draft'",
      ).all(interviewId, contactId);
      if (drafts.length > 0 && !draft) {
        throw conflict('This person has a draft thank-you. Keep it or delete it?', { draft: 'Choose whether to keep or delete the draft thank-you.' });
      }
      const res = stmt(ctx.sqlite, 'DELETE FROM interview_participants WHERE interview_id = ? AND contact_id = ?').run(interviewId, contactId);
      if (res.changes === 0) throw notFound('Participant', contactId);
      if (draft === 'delete') for (const d of drafts) stmt(ctx.sqlite, 'DELETE FROM notes WHERE id = ?').run(d.id);
      // A kept draft stays linked to the interview but is no longer an obligation with a due time.
      if (draft === 'keep') for (const d of drafts) stmt(ctx.sqlite, 'UPDATE notes SET due_at = NULL, updated_at = ? WHERE id = ?').run(ctx.clock.now(), d.id);
    });
    return getInterview(ctx, interviewId);
  },

  'interviews.exportIcs': ({ id, alarmMinutes }, ctx) => {
    const now = ctx.clock.now();
    const list = id !== undefined ? [getInterview(ctx, id)] : interviewSummaries(ctx, 'i.end_at >= @now', { now }).map((s) => getInterview(ctx, s.id));
    const content = interviewsToIcs(
      list.map((i) => ({
        id: i.id,
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
