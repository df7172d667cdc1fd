// The composer's domain: notes to a person, written from a template, checked, then sent by email or
// mailed as a handwritten card, each status step recorded with its time. Builds on notes-core.ts.
import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx, updateFields } from '../../db/sql';
import type { MethodOutput } from '../../api/contract';
import type { NoteT } from '../../api/contract/notes';
import { AppError, conflict, invalid, notFound } from '../../shared/errors';
import { checkNote, type CheckInput } from '../../shared/checks';
import { CARD_STEPS, NOTE_KIND_LABELS, type ContactRole, type Delivery, type NoteKind, type NoteStatus, type Stage } from '../../shared/domain';
import { addBusinessDays } from '../../shared/time';
import { buildEml } from '../../formats/eml/eml';
import { buildMailto } from '../../formats/mailto/mailto';
import { createNote, NOTE_SUMMARY_SELECT, noteSummaries } from './records';
import { addThankYouObligation } from '../interviews/obligations';
import { getSettings } from '../settings/settings';
import { useForMailedCard } from '../stationery/stationery';
import { applyTemplateToNote, builtInTemplateId, mergeData } from '../templates/templates';
import { ftsQuery } from '../../db/fts';

const HOUR = 3_600_000;
/** A little slack for clocks: "sent now" from a renderer a second ahead is not "in the future". */
const FUTURE_SLACK = 5 * 60_000;

// Event details that open and close a sent or mailed note for editing (the status stays as it was).
export const REOPENED = 'Reopened for editing';
export const LOCKED = 'Closed after editing';

type NoteEventRow = { id: number; status: NoteStatus; at: number; detail: string | null };
type CheckContextT = NoteT['context'];
type Ids = { contactId: number | null; applicationId: number | null; interviewId: number | null };

function events(ctx: Ctx, noteId: number): NoteEventRow[] {
  // Insertion order is step order, even when a mailed date lies before the click.
  return stmt<NoteEventRow>(ctx.sqlite, 'SELECT id, status, at, detail FROM note_events WHERE note_id = ? ORDER BY id').all(noteId);
}

/** Reopened when the latest of (reopen, lock, sent, mailed) events is a reopen. */
function isReopened(evs: NoteEventRow[]): boolean {
  let open = false;
  for (const e of evs) {
    if (e.detail === REOPENED) open = true;
    else if (e.detail === LOCKED || e.status === 'sent' || e.status === 'mailed') open = false;
  }
  return open;
}

/** What the personal check looks for: the interview debrief, what this person talked about, company and role. */
function checkContext(ctx: Ctx, ids: Ids): CheckContextT {
  const out: CheckContextT = { topics: null, challenge: null, lookingFor: null, talkedAbout: null, company: null, role: null };
  let applicationId = ids.applicationId;
  if (ids.interviewId) {
    const i = stmt<{ applicationId: number; topics: string | null; challenge: string | null; lookingFor: string | null }>(
      ctx.sqlite,
      'SELECT application_id AS applicationId, topics, challenge, looking_for AS lookingFor FROM interviews WHERE id = ?',
    ).get(ids.interviewId);
    if (i) {
      applicationId ??= i.applicationId;
      Object.assign(out, { topics: i.topics, challenge: i.challenge, lookingFor: i.lookingFor });
      if (ids.contactId) {
        const p = stmt<{ talkedAbout: string | null }>(ctx.sqlite, 'SELECT talked_about AS talkedAbout FROM interview_participants WHERE interview_id = ? AND contact_id = ?').get(
          ids.interviewId,
          ids.contactId,
        );
        out.talkedAbout = p?.talkedAbout ?? null;
      }
    }
  }
  if (applicationId) {
    const a = stmt<{ role: string; company: string }>(ctx.sqlite, 'SELECT a.role, co.name AS company FROM applications a JOIN companies co ON co.id = a.company_id WHERE a.id = ?').get(
      applicationId,
    );
    if (a) Object.assign(out, a);
  }
  return out;
}

function recipientOf(ctx: Ctx, contactId: number | null, fallbackName: string | null = null): NoteT['recipient'] {
  if (contactId) {
    const c = stmt<{ name: string; email: string | null; hasPostalAddress: number }>(
      ctx.sqlite,
      'SELECT name, email, (address_lines IS NOT NULL AND city IS NOT NULL) AS hasPostalAddress FROM contacts WHERE id = ?',
    ).get(contactId);
    if (c) return { name: c.name, email: c.email, hasPostalAddress: !!c.hasPostalAddress };
  }
  return fallbackName ? { name: fallbackName, email: null, hasPostalAddress: false } : null;
}

/**
 * The other notes of an interview that the distinct check compares against: notes to other people.
 * A card following an email (or the email a card follows) goes to the same person and is meant to echo it.
 */
function othersFor(ctx: Ctx, interviewId: number | null, self: { id: number | null; contactId: number | null; followsNoteId: number | null }) {
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
  const extra = stmt<{ body: string; templateId: number | null }>(ctx.sqlite, 'SELECT body, template_id AS templateId FROM notes WHERE id = ?').get(id)!;
  const evs = events(ctx, id);
  const reopened = (summary.status === 'sent' || summary.status === 'mailed') && isReopened(evs);
  const ids: Ids = { contactId: summary.contactId, applicationId: summary.applicationId, interviewId: summary.interviewId };
  const interviewEndAt = summary.interviewId
    ? (stmt<{ endAt: number }>(ctx.sqlite, 'SELECT end_at AS endAt FROM interviews WHERE id = ?').get(summary.interviewId)?.endAt ?? null)
    : null;
  return {
    ...summary,
    body: extra.body,
    templateId: extra.templateId,
    readOnly: (summary.status === 'sent' || summary.status === 'mailed') && !reopened,
    reopened,
    events: evs,
    recipient: recipientOf(ctx, summary.contactId, summary.recipientName),
    context: checkContext(ctx, ids),
    merge: mergeData(ctx, ids),
    interviewEndAt,
    others: othersFor(ctx, summary.interviewId, { id, contactId: summary.contactId, followsNoteId: summary.followsNoteId }),
    followedBy: stmt<NoteT['followedBy'][number]>(ctx.sqlite, 'SELECT id, delivery, status FROM notes WHERE follows_note_id = ? ORDER BY id').all(id),
  };
}

type NoteRow = { id: number; kind: NoteKind; contactId: number | null; recipientName: string | null; applicationId: number | null; interviewId: number | null; delivery: Delivery; subject: string | null; body: string; status: NoteStatus; templateId: number | null };

function noteRow(ctx: Ctx, id: number): NoteRow {
  const row = stmt<NoteRow>(
    ctx.sqlite,
    `SELECT id, kind, contact_id AS contactId, recipient_name AS recipientName, application_id AS applicationId, interview_id AS interviewId,
            delivery, subject, body, status, template_id AS templateId
     FROM notes WHERE id = ?`,
  ).get(id);
  if (!row) throw notFound('Note', id);
  return row;
}

function recordEvent(ctx: Ctx, noteId: number, status: NoteStatus, at: number, detail: string | null = null) {
  stmt(ctx.sqlite, 'INSERT INTO note_events (note_id, status, at, detail) VALUES (?, ?, ?, ?)').run(noteId, status, at, detail);
}

function touch(ctx: Ctx, id: number) {
  stmt(ctx.sqlite, 'UPDATE notes SET updated_at = ? WHERE id = ?').run(ctx.clock.now(), id);
}

const STATUS_WORD: Record<NoteStatus, string> = { draft: 'a draft', sent: 'sent', written: 'written', addressed: 'addressed', stamped: 'stamped', mailed: 'mailed' };

/** Throws unless the note may be edited: drafts, cards on their way, and sent/mailed notes reopened on purpose. */
function assertEditable(ctx: Ctx, row: NoteRow) {
  if ((row.status === 'sent' || row.status === 'mailed') && !isReopened(events(ctx, row.id))) {
    throw conflict(`This note was ${row.status}, so it is kept as it went out. Reopen it to edit it.`);
  }
}

/** A draft whose text was never started gets the template for its kind and delivery. Call inside a transaction. */
function fillEmptyDraft(ctx: Ctx, id: number) {
  const row = noteRow(ctx, id);
  if (row.status !== 'draft' || row.body !== '' || row.templateId !== null) return;
  const templateId = builtInTemplateId(ctx, row.kind, row.delivery);
  if (templateId) applyTemplateToNote(ctx, id, templateId);
}

function templateExists(ctx: Ctx, id: number): boolean {
  return !!stmt(ctx.sqlite, 'SELECT 1 FROM templates WHERE id = ?').get(id);
}

// Log rows carry the start of the text so a search hit can be recognised at a glance.
const LOG_SELECT = NOTE_SUMMARY_SELECT.replace(/\nFROM notes n\n/, ",\n       substr(n.body, 1, 280) AS excerpt\nFROM notes n\n");
if (LOG_SELECT === NOTE_SUMMARY_SELECT) throw new Error('notes.ts: NOTE_SUMMARY_SELECT changed shape; update LOG_SELECT.');

function safeFilename(s: string): string {
  const clean = s
    .replace(/[\p{Cc}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return clean || 'note';
}

type CheckIn = MethodOutput<'notes.check'>;

export const notesHandlers: Handlers<
  | 'notes.get'
  | 'notes.list'
  | 'notes.forInterview'
  | 'notes.composeOptions'
  | 'notes.create'
  | 'notes.update'
  | 'notes.check'
  | 'notes.markSent'
  | 'notes.reopen'
  | 'notes.lock'
  | 'notes.followWithCard'
  | 'notes.advance'
  | 'notes.emailDraft'
  | 'notes.delete'
> = {
  'notes.get': ({ id, compose }, ctx) => {
    if (compose) tx(ctx, () => fillEmptyDraft(ctx, id));
    return getNote(ctx, id);
  },

  'notes.list': (input, ctx) => {
    const where: string[] = ['1 = 1'];
    const params: Record<string, unknown> = {};
    const eq = (key: 'contactId' | 'applicationId' | 'interviewId' | 'status' | 'kind' | 'delivery', col: string) => {
      if (input[key] === undefined) return;
      where.push(`n.${col} = @${key}`);
      params[key] = input[key];
    };
    eq('contactId', 'contact_id');
    eq('applicationId', 'application_id');
    eq('interviewId', 'interview_id');
    eq('status', 'status');
    eq('kind', 'kind');
    eq('delivery', 'delivery');
    const match = ftsQuery(input.search);
    const limit = input.limit ?? 200;
    if (match) {
      params.match = match;
      if (where.length === 1) {
        // Search alone: let FTS5 walk its index newest-first and stop at the limit, instead of
        // materialising every match (a common word can match most of 100,000 notes).
        where.push('n.id IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH @match ORDER BY rowid DESC LIMIT @limit)');
      } else {
        where.push('n.id IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH @match)');
      }
    }
    // Newest first by id (the rowid): no sort over every match, so a broad search over 100,000 notes stays fast.
    // One row more than asked tells whether there are more, without counting them all.
    const rows = stmt<MethodOutput<'notes.list'>['items'][number] & { recipientHasAddress: number | boolean }>(
      ctx.sqlite,
      `${LOG_SELECT}\nWHERE ${where.join(' AND ')}\nORDER BY n.id DESC\nLIMIT @limit`,
    ).all({ ...params, limit: limit + 1 });
    const items = rows.slice(0, limit).map((r) => ({ ...r, recipientHasAddress: !!r.recipientHasAddress, excerpt: r.excerpt.replace(/\s+/g, ' ').trim() }));
    return { items, hasMore: rows.length > limit };
  },

  'notes.forInterview': ({ interviewId }, ctx) => {
    const interview = stmt<MethodOutput<'notes.forInterview'>['interview']>(
      ctx.sqlite,
      `SELECT i.id, i.application_id AS applicationId, co.name AS company, a.role, i.round, i.start_at AS startAt, i.end_at AS endAt, i.time_zone AS timeZone
       FROM interviews i JOIN applications a ON a.id = i.application_id JOIN companies co ON co.id = a.company_id WHERE i.id = ?`,
    ).get(interviewId);
    if (!interview) throw notFound('Interview', interviewId);
    const participants = stmt<{ contactId: number; name: string; email: string | null; hasAddress: number; talkedAbout: string | null }>(
      ctx.sqlite,
      `SELECT c.id AS contactId, c.name, c.email, (c.address_lines IS NOT NULL AND c.city IS NOT NULL) AS hasAddress, p.talked_about AS talkedAbout
       FROM interview_participants p JOIN contacts c ON c.id = p.contact_id WHERE p.interview_id = ? ORDER BY p.rowid`,
    ).all(interviewId);
    const firstThankYou = stmt<{ id: number }>(ctx.sqlite, "SELECT id FROM notes WHERE interview_id = ? AND contact_id = ? AND kind = 'thank_you' ORDER BY id LIMIT 1");
    const noteIds = tx(ctx, () =>
      participants.map((p) => {
        // The obligation normally exists; one deleted by hand comes back when the user sits down to write.
        const id = firstThankYou.get(interviewId, p.contactId)?.id ?? addThankYouObligation(ctx, interviewId, p.contactId)!;
        fillEmptyDraft(ctx, id);
        const followers = stmt<{ id: number }>(ctx.sqlite, 'SELECT id FROM notes WHERE follows_note_id = ? ORDER BY id').all(id).map((r) => r.id);
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
    const params = { applicationId: applicationId ?? null, contactId: contactId ?? null };
    if (contactId && !stmt(ctx.sqlite, 'SELECT 1 FROM contacts WHERE id = ?').get(contactId)) throw notFound('Contact', contactId);
    if (applicationId && !stmt(ctx.sqlite, 'SELECT 1 FROM applications WHERE id = ?').get(applicationId)) throw notFound('Application', applicationId);
    const contacts = stmt<Parameters<typeof toContact>[0]>(
      ctx.sqlite,
      `${contactSelect}
       WHERE (@applicationId IS NOT NULL AND (c.id IN (SELECT contact_id FROM application_contacts WHERE application_id = @applicationId)
                OR c.id IN (SELECT p.contact_id FROM interview_participants p JOIN interviews i ON i.id = p.interview_id WHERE i.application_id = @applicationId)))
          OR c.id = @contactId
       ORDER BY c.id = @contactId DESC, c.name COLLATE NOCASE`,
    )
      .all(params)
      .map(toContact);
    const applications = stmt<MethodOutput<'notes.composeOptions'>['applications'][number] & { stage: Stage }>(
      ctx.sqlite,
      `SELECT a.id, co.name AS company, a.role, a.stage FROM applications a JOIN companies co ON co.id = a.company_id
       WHERE (@applicationId IS NOT NULL AND a.id = @applicationId)
          OR (@applicationId IS NULL AND (a.id IN (SELECT application_id FROM application_contacts WHERE contact_id = @contactId)
                OR a.id IN (SELECT i.application_id FROM interviews i JOIN interview_participants p ON p.interview_id = i.id WHERE p.contact_id = @contactId)))
       ORDER BY a.updated_at DESC`,
    ).all(params);
    const interviews = stmt<{ id: number; applicationId: number; round: string | null; startAt: number; contactIds: string }>(
      ctx.sqlite,
      `SELECT i.id, i.application_id AS applicationId, i.round, i.start_at AS startAt,
              (SELECT json_group_array(contact_id) FROM interview_participants WHERE interview_id = i.id) AS contactIds
       FROM interviews i
       WHERE (@applicationId IS NOT NULL AND i.application_id = @applicationId)
          OR (@applicationId IS NULL AND i.id IN (SELECT interview_id FROM interview_participants WHERE contact_id = @contactId))
       ORDER BY i.start_at DESC`,
    )
      .all(params)
      .map((i) => ({ ...i, contactIds: JSON.parse(i.contactIds) as number[] }));
    return { contacts, applications, interviews };
  },

  'notes.create': (input, ctx) => {
    const id = tx(ctx, () => {
      const contact = stmt<{ name: string }>(ctx.sqlite, 'SELECT name FROM contacts WHERE id = ?').get(input.contactId);
      if (!contact) throw invalid({ contactId: 'That contact was not found.' }, 'Choose who the note is for.');
      let applicationId = input.applicationId ?? null;
      if (applicationId && !stmt(ctx.sqlite, 'SELECT 1 FROM applications WHERE id = ?').get(applicationId)) {
        throw invalid({ applicationId: 'That application was not found.' });
      }
      if (input.interviewId) {
        const iv = stmt<{ applicationId: number }>(ctx.sqlite, 'SELECT application_id AS applicationId FROM interviews WHERE id = ?').get(input.interviewId);
        if (!iv) throw invalid({ interviewId: 'That interview was not found.' });
        if (applicationId && iv.applicationId !== applicationId) throw invalid({ interviewId: 'That interview belongs to another application.' });
        applicationId = iv.applicationId;
      }
      if (input.followsNoteId && !stmt(ctx.sqlite, 'SELECT 1 FROM notes WHERE id = ?').get(input.followsNoteId)) {
        throw invalid({ followsNoteId: 'The note it follows was not found.' });
      }
      if (input.templateId && !templateExists(ctx, input.templateId)) throw invalid({ templateId: 'That template was not found.' });
      const delivery = input.delivery ?? getSettings(ctx).defaultDelivery;
      const noteId = createNote(ctx, {
        kind: input.kind,
        contactId: input.contactId,
        recipientName: contact.name,
        applicationId,
        interviewId: input.interviewId ?? null,
        delivery,
        dueAt: input.dueAt ?? null,
        followsNoteId: input.followsNoteId ?? null,
      });
      const templateId = input.templateId ?? builtInTemplateId(ctx, input.kind, delivery);
      if (templateId) applyTemplateToNote(ctx, noteId, templateId);
      return noteId;
    });
    return getNote(ctx, id);
  },

  'notes.update': (input, ctx) => {
    tx(ctx, () => {
      const row = noteRow(ctx, input.id);
      assertEditable(ctx, row);
      if (input.delivery !== undefined && input.delivery !== row.delivery && row.status !== 'draft') {
        throw conflict(`This note is already ${STATUS_WORD[row.status]} as ${row.delivery === 'email' ? 'an email' : 'a card'}; start a new note to send it another way.`, {
          delivery: 'Delivery can change only while the note is a draft.',
        });
      }
      if (input.templateId !== undefined && !templateExists(ctx, input.templateId)) throw invalid({ templateId: 'That template was not found.' });
      // Saving touches updated_at even when nothing changed (autosave shows it as saved).
      if (!updateFields(ctx, 'notes', input.id, input, { subject: 'subject', body: 'body', delivery: 'delivery', kind: 'kind', dueAt: 'due_at' })) {
        stmt(ctx.sqlite, 'UPDATE notes SET updated_at = ? WHERE id = ?').run(ctx.clock.now(), input.id);
      }
      // After delivery/kind so the template is rendered for the note as it now is.
      if (input.templateId !== undefined) applyTemplateToNote(ctx, input.id, input.templateId);
    });
    return getNote(ctx, input.id);
  },

  'notes.check': (input, ctx): CheckIn => {
    const settings = getSettings(ctx);
    let base: Pick<CheckInput, 'recipient' | 'context' | 'dueAt' | 'status' | 'others'> & { subject: string | null };
    if (input.noteId) {
      const n = getNote(ctx, input.noteId);
      base = { recipient: n.recipient, context: n.context, dueAt: n.dueAt, status: n.status, others: n.others, subject: n.subject };
    } else {
      const ids: Ids = { contactId: input.contactId ?? null, applicationId: input.applicationId ?? null, interviewId: input.interviewId ?? null };
      if (ids.contactId && !stmt(ctx.sqlite, 'SELECT 1 FROM contacts WHERE id = ?').get(ids.contactId)) throw invalid({ contactId: 'That contact was not found.' });
      if (ids.interviewId && !stmt(ctx.sqlite, 'SELECT 1 FROM interviews WHERE id = ?').get(ids.interviewId)) throw invalid({ interviewId: 'That interview was not found.' });
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

  'notes.markSent': ({ id, sentAt }, ctx) => {
    tx(ctx, () => {
      const row = noteRow(ctx, id);
      if (row.delivery !== 'email') throw conflict('A handwritten card is marked mailed, not sent.');
      const now = ctx.clock.now();
      if (sentAt !== undefined && sentAt > now + FUTURE_SLACK) throw invalid({ sentAt: 'The sent time cannot be in the future.' });
      let detail: string | null = null;
      if (row.status === 'sent') {
        if (!isReopened(events(ctx, id))) throw conflict('This email is already marked as sent.');
        detail = 'Sent again after editing';
      }
      const at = sentAt ?? now;
      stmt(ctx.sqlite, "UPDATE notes SET status = 'sent', sent_at = ?, updated_at = ? WHERE id = ?").run(at, now, id);
      recordEvent(ctx, id, 'sent', at, detail);
    });
    return getNote(ctx, id);
  },

  'notes.reopen': ({ id }, ctx) => {
    tx(ctx, () => {
      const row = noteRow(ctx, id);
      if (row.status !== 'sent' && row.status !== 'mailed') throw conflict(`This note is ${STATUS_WORD[row.status]}; it can already be edited.`);
      if (isReopened(events(ctx, id))) return;
      recordEvent(ctx, id, row.status, ctx.clock.now(), REOPENED);
      touch(ctx, id);
    });
    return getNote(ctx, id);
  },

  'notes.lock': ({ id }, ctx) => {
    tx(ctx, () => {
      const row = noteRow(ctx, id);
      if ((row.status !== 'sent' && row.status !== 'mailed') || !isReopened(events(ctx, id))) throw conflict('Only a reopened note can be closed again.');
      recordEvent(ctx, id, row.status, ctx.clock.now(), LOCKED);
      touch(ctx, id);
    });
    return getNote(ctx, id);
  },

  'notes.followWithCard': ({ id }, ctx) => {
    const cardId = tx(ctx, () => {
      const row = noteRow(ctx, id);
      if (row.delivery !== 'email') throw conflict('Only an email can be followed by a card.');
      const existing = stmt<{ id: number }>(ctx.sqlite, "SELECT id FROM notes WHERE follows_note_id = ? AND delivery = 'handwritten' ORDER BY id LIMIT 1").get(id);
      if (existing) return existing.id;
      const settings = getSettings(ctx);
      const noteId = createNote(ctx, {
        kind: row.kind,
        contactId: row.contactId,
        recipientName: row.recipientName,
        applicationId: row.applicationId,
        interviewId: row.interviewId,
        delivery: 'handwritten',
        // Cards take days in the mail: the same window as the email, counted from now.
        dueAt: ctx.clock.now() + settings.thankYouDueHours * HOUR,
        followsNoteId: id,
      });
      const templateId = builtInTemplateId(ctx, row.kind, 'handwritten');
      if (templateId) applyTemplateToNote(ctx, noteId, templateId);
      return noteId;
    });
    return getNote(ctx, cardId);
  },

  'notes.advance': ({ id, status, mailedOn, allowNegativeStock }, ctx) => {
    const out = tx(ctx, () => {
      const row = noteRow(ctx, id);
      if (row.delivery !== 'handwritten') throw conflict('Only a handwritten card goes through written, addressed, stamped and mailed; mark an email as sent.');
      const from = CARD_STEPS.indexOf(row.status);
      const to = CARD_STEPS.indexOf(status);
      if (to <= from) throw conflict(`This card is already ${STATUS_WORD[row.status]}.`, { status: `Already ${row.status}.` });
      const now = ctx.clock.now();
      if (mailedOn !== undefined && status !== 'mailed') throw invalid({ mailedOn: 'A date is given only when marking the card mailed.' });
      if (mailedOn !== undefined && mailedOn > now + FUTURE_SLACK) throw invalid({ mailedOn: 'The mailing date cannot be in the future.' });
      const at = status === 'mailed' ? (mailedOn ?? now) : now;
      for (let i = from + 1; i < to; i++) recordEvent(ctx, id, CARD_STEPS[i], at, `Recorded with ${status}`);
      let used: ReturnType<typeof useForMailedCard> = { used: [], warnings: [] };
      if (status === 'mailed') {
        const settings = getSettings(ctx);
        const arrival = addBusinessDays(at, settings.mailBusinessDays, settings.timeZone);
        // Throws a conflict (with a `stock` field) and writes nothing when stock would go below zero.
        used = useForMailedCard(ctx, id, { allowNegative: allowNegativeStock ?? false });
        stmt(ctx.sqlite, "UPDATE notes SET status = 'mailed', mailed_at = ?, expected_arrival_at = ?, updated_at = ? WHERE id = ?").run(at, arrival, now, id);
        recordEvent(ctx, id, 'mailed', at);
      } else {
        stmt(ctx.sqlite, 'UPDATE notes SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
        recordEvent(ctx, id, status, at);
      }
      return used;
    });
    return { note: getNote(ctx, id), stationery: out.used, warnings: out.warnings };
  },

  'notes.emailDraft': async ({ id }, ctx) => {
    const n = getNote(ctx, id);
    if (n.delivery !== 'email') throw conflict('This note is a handwritten card; print it instead.');
    const email = n.recipient?.email ?? '';
    const subject = n.subject ?? '';
    let mailto: string | null = null;
    let mailtoLength: number;
    try {
      const m = buildMailto({ to: email, subject, body: n.body });
      if ('url' in m) {
        mailto = m.url;
        mailtoLength = m.url.length;
      } else mailtoLength = m.length;
    } catch (err) {
      if (err instanceof AppError) throw invalid({ email: `The recipient's email address "${email}" cannot be used; correct it on the contact.` }, err.message);
      throw err;
    }
    const profile = getSettings(ctx).profile;
    const raw = await buildEml({
      from: profile.email ? { name: profile.name, email: profile.email } : null,
      to: { name: n.recipient?.name ?? null, email },
      subject,
      body: n.body,
      date: new Date(ctx.clock.now()),
    });
    const filename = `${safeFilename(`${NOTE_KIND_LABELS[n.kind]} to ${n.recipientName ?? 'recipient'}`)}.eml`;
    return { mailto, mailtoLength, eml: { filename, base64: raw.toString('base64') } };
  },

  'notes.delete': ({ id }, ctx) => {
    tx(ctx, () => {
      noteRow(ctx, id);
      // A card that followed this email stays, unlinked.
      stmt(ctx.sqlite, 'UPDATE notes SET follows_note_id = NULL WHERE follows_note_id = ?').run(id);
      stmt(ctx.sqlite, 'DELETE FROM notes WHERE id = ?').run(id);
    });
    return { ok: true as const };
  },
};
