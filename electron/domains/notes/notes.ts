// The notes domain: notes to a person, written from a template, checked, then sent by email or mailed
// as a handwritten card, each status step recorded with its time. This file reads, lists, creates,
// edits and deletes notes, and gathers the handlers of compose.ts, status.ts and email.ts.
import { undoable } from '../undo/undo';
import { eq, sql } from 'drizzle-orm';
import type { Handlers } from '../../db/context';
import { deleteRow, pick, prepare, rowExists, stmt, tx, updateRow } from '../../db/sql';
import { applications, contacts, interviews, notes } from '../../db/schema';
import type { MethodOutput } from '../../api/contract';
import { AppError, conflict, invalid } from '../../shared/errors';
import { createNote, NOTE_SUMMARY_SELECT } from './records';
import { assertEditable, fillEmptyDraft, getNote, noteRow, noteTitle, STATUS_WORD, templateExists } from './detail';
import { composeHandlers } from './compose';
import { noteStatusHandlers } from './status';
import { emailHandlers } from './email';
import { getSettings } from '../settings/settings';
import { applyTemplateToNote, builtInTemplateId } from '../templates/templates';
import { ftsMatch } from '../../db/fts';
import { readKind } from '../contacts/channels';
import { isBeingSent } from '../mail/sending';

export { getNote, LOCKED, REOPENED } from './detail';

// Log rows carry the start of the text so a search hit can be recognised at a glance.
// Raw SQL: the log is an FTS5 search over 100,000 notes (see notes.list).
const LOG_SELECT = NOTE_SUMMARY_SELECT.replace(/\nFROM notes n\n/, ",\n       substr(n.body, 1, 280) AS excerpt\nFROM notes n\n");
if (LOG_SELECT === NOTE_SUMMARY_SELECT) throw new Error('notes.ts: NOTE_SUMMARY_SELECT changed shape; update LOG_SELECT.');

const ID = sql.placeholder('id');
const contactName = prepare((db) => db.select({ name: contacts.name }).from(contacts).where(eq(contacts.id, ID)).prepare());
const applicationOfInterview = prepare((db) => db.select({ applicationId: interviews.applicationId }).from(interviews).where(eq(interviews.id, ID)).prepare());
const unlinkFollowers = prepare((db) => db.update(notes).set({ followsNoteId: null }).where(eq(notes.followsNoteId, ID)).prepare());

/** The fields notes.update writes directly, by their schema names (a template is applied, not stored raw). */
const EDITABLE = ['subject', 'body', 'delivery', 'kind', 'dueAt', 'recipientEmailId', 'addressId'] as const;

const basicHandlers: Handlers<'notes.get' | 'notes.list' | 'notes.create' | 'notes.update' | 'notes.delete'> = {
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
    const match = ftsMatch(ctx.sqlite, input.search);
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
    const rows = stmt<MethodOutput<'notes.list'>['items'][number] & { recipientHasAddress: number | boolean; stillDue: number | boolean }>(
      ctx.sqlite,
      `${LOG_SELECT}\nWHERE ${where.join(' AND ')}\nORDER BY n.id DESC\nLIMIT @limit`,
    ).all({ ...params, limit: limit + 1 });
    const items = rows.slice(0, limit).map((r) => ({ ...r, recipientHasAddress: !!r.recipientHasAddress, stillDue: !!r.stillDue, excerpt: r.excerpt.replace(/\s+/g, ' ').trim() }));
    return { items, hasMore: rows.length > limit };
  },

  'notes.create': (input, ctx) => {
    const id = tx(ctx, () => {
      const contact = contactName(ctx).get({ id: input.contactId });
      if (!contact) throw invalid({ contactId: 'That contact was not found.' }, 'Choose who the note is for.');
      let applicationId = input.applicationId ?? null;
      if (applicationId && !rowExists(ctx, applications, applicationId)) {
        throw invalid({ applicationId: 'That application was not found.' });
      }
      if (input.interviewId) {
        const iv = applicationOfInterview(ctx).get({ id: input.interviewId });
        if (!iv) throw invalid({ interviewId: 'That interview was not found.' });
        if (applicationId && iv.applicationId !== applicationId) throw invalid({ interviewId: 'That interview belongs to another application.' });
        applicationId = iv.applicationId;
      }
      if (input.followsNoteId && !rowExists(ctx, notes, input.followsNoteId)) {
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
      // A write based on an older copy (another window, a tab left open, a change through the API) would
      // silently replace newer text: refuse it and hand back what is saved now, so both can be shown.
      if (input.revision !== row.revision) {
        throw new AppError('conflict', 'This note was changed elsewhere since you opened it. Compare the two versions and choose what to keep.', undefined, {
          revision: row.revision,
          subject: row.subject,
          body: row.body,
          status: row.status,
        });
      }
      assertEditable(ctx, row);
      // The outbox is sending this text right now: an edit would be recorded as sent without having gone.
      if (isBeingSent(ctx, row.id)) throw conflict('This email is being sent right now; wait a moment, then reopen it if it needs a change.');
      if (input.delivery !== undefined && input.delivery !== row.delivery && row.status !== 'draft') {
        throw conflict(`This note is already ${STATUS_WORD[row.status]} as ${row.delivery === 'email' ? 'an email' : 'a card'}; start a new note to send it another way.`, {
          delivery: 'Delivery can change only while the note is a draft.',
        });
      }
      if (input.templateId !== undefined && !templateExists(ctx, input.templateId)) throw invalid({ templateId: 'That template was not found.' });
      // A chosen email or address must be one of this note's recipient's.
      for (const [key, kind, word] of [
        ['recipientEmailId', 'emails', 'email'],
        ['addressId', 'addresses', 'postal address'],
      ] as const) {
        const chosen = input[key];
        if (chosen == null) continue;
        if (row.contactId === null || !readKind(ctx, row.contactId, kind).some((r) => r.id === chosen)) {
          throw invalid({ [key]: `That ${word} is not one of the recipient’s; choose one of theirs.` }, `That ${word} is not one of the recipient’s.`);
        }
      }
      // Saving touches updated_at even when nothing changed (autosave shows it as saved).
      if (!updateRow(ctx, notes, input.id, pick(input, EDITABLE))) updateRow(ctx, notes, input.id, { updatedAt: ctx.clock.now() });
      // After delivery/kind so the template is rendered for the note as it now is.
      if (input.templateId !== undefined) applyTemplateToNote(ctx, input.id, input.templateId);
    });
    return getNote(ctx, input.id);
  },

  // Its history goes with it; stationery uses stay in the ledger, unlinked. Undo puts it all back.
  'notes.delete': ({ id }, ctx) => {
    const { undo } = undoable(ctx, `Deleted ${noteTitle(ctx, id)}`, () => {
      noteRow(ctx, id);
      // A card that followed this email stays, unlinked.
      unlinkFollowers(ctx).run({ id });
      deleteRow(ctx, notes, id);
    });
    return { ok: true as const, undo };
  },
};

export const notesHandlers = { ...basicHandlers, ...composeHandlers, ...noteStatusHandlers, ...emailHandlers };
