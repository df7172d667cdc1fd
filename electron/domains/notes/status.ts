// A note's status steps: an email is marked sent; a card goes written, addressed, stamped, mailed
// (using stationery); a sent note can be reopened for editing and closed again; an email can be
// followed by a card. Each step is recorded as a note event with its time.
import { undoable } from '../undo/undo';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx, Handlers } from '../../db/context';
import { prepare, tx, updateRow } from '../../db/sql';
import { notes } from '../../db/schema';
import { conflict, invalid } from '../../shared/errors';
import { CARD_STEPS } from '../../shared/domain';
import { addBusinessDays } from '../../shared/time';
import { createNote, recordNoteEvent } from './records';
import { events, getNote, isReopened, LOCKED, noteRow, noteTitle, REOPENED, STATUS_WORD } from './detail';
import { getSettings } from '../settings/settings';
import { useForMailedCard } from '../stationery/stationery';
import { applyTemplateToNote, builtInTemplateId } from '../templates/templates';

const HOUR = 3_600_000;
/** A little slack for clocks: "sent now" from a renderer a second ahead is not "in the future". */
const FUTURE_SLACK = 5 * 60_000;

const followingCard = prepare((db) =>
  db
    .select({ id: notes.id })
    .from(notes)
    .where(and(eq(notes.followsNoteId, sql.placeholder('id')), eq(notes.delivery, 'handwritten')))
    .orderBy(asc(notes.id))
    .limit(1)
    .prepare(),
);

function touch(ctx: Ctx, id: number) {
  updateRow(ctx, notes, id, { updatedAt: ctx.clock.now() });
}

export const noteStatusHandlers: Handlers<'notes.markSent' | 'notes.reopen' | 'notes.lock' | 'notes.followWithCard' | 'notes.advance'> = {
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
      updateRow(ctx, notes, id, { status: 'sent', sentAt: at });
      recordNoteEvent(ctx, id, 'sent', detail, at);
    });
    return getNote(ctx, id);
  },

  'notes.reopen': ({ id }, ctx) => {
    tx(ctx, () => {
      const row = noteRow(ctx, id);
      if (row.status !== 'sent' && row.status !== 'mailed') throw conflict(`This note is ${STATUS_WORD[row.status]}; it can already be edited.`);
      if (isReopened(events(ctx, id))) return;
      recordNoteEvent(ctx, id, row.status, REOPENED);
      touch(ctx, id);
    });
    return getNote(ctx, id);
  },

  'notes.lock': ({ id }, ctx) => {
    tx(ctx, () => {
      const row = noteRow(ctx, id);
      if ((row.status !== 'sent' && row.status !== 'mailed') || !isReopened(events(ctx, id))) throw conflict('Only a reopened note can be closed again.');
      recordNoteEvent(ctx, id, row.status, LOCKED);
      touch(ctx, id);
    });
    return getNote(ctx, id);
  },

  'notes.followWithCard': ({ id }, ctx) => {
    const cardId = tx(ctx, () => {
      const row = noteRow(ctx, id);
      if (row.delivery !== 'email') throw conflict('Only an email can be followed by a card.');
      const existing = followingCard(ctx).get({ id });
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
    const { result: out, undo } = undoable(ctx, `Marked ${noteTitle(ctx, id).replace(/^the note/, 'the card')} ${status}`, () => {
      const row = noteRow(ctx, id);
      if (row.delivery !== 'handwritten') throw conflict('Only a handwritten card goes through written, addressed, stamped and mailed; mark an email as sent.');
      const from = CARD_STEPS.indexOf(row.status);
      const to = CARD_STEPS.indexOf(status);
      if (to <= from) throw conflict(`This card is already ${STATUS_WORD[row.status]}.`, { status: `Already ${row.status}.` });
      const now = ctx.clock.now();
      if (mailedOn !== undefined && status !== 'mailed') throw invalid({ mailedOn: 'A date is given only when marking the card mailed.' });
      if (mailedOn !== undefined && mailedOn > now + FUTURE_SLACK) throw invalid({ mailedOn: 'The mailing date cannot be in the future.' });
      const at = status === 'mailed' ? (mailedOn ?? now) : now;
      for (let i = from + 1; i < to; i++) recordNoteEvent(ctx, id, CARD_STEPS[i], `Recorded with ${status}`, at);
      let used: ReturnType<typeof useForMailedCard> = { used: [], warnings: [] };
      if (status === 'mailed') {
        const settings = getSettings(ctx);
        const arrival = addBusinessDays(at, settings.mailBusinessDays, settings.timeZone);
        // Throws a conflict (with a `stock` field) and writes nothing when stock would go below zero.
        used = useForMailedCard(ctx, id, { allowNegative: allowNegativeStock ?? false });
        updateRow(ctx, notes, id, { status: 'mailed', mailedAt: at, expectedArrivalAt: arrival });
        recordNoteEvent(ctx, id, 'mailed', null, at);
      } else {
        updateRow(ctx, notes, id, { status });
        recordNoteEvent(ctx, id, status, null, at);
      }
      return used;
    });
    return { note: getNote(ctx, id), stationery: out.used, warnings: out.warnings, undo };
  },

};
