// The outbox: email notes queued to go over the connected account. A row is the whole truth about one
// send (state, schedule, attempts, the Message-ID chosen when queued); the worker (worker.ts) moves it.
//
// No loss, no double send: the row is written when the note is queued, "sending" is written (and
// committed) before the SMTP transaction starts, and the result after it. A row found in "sending" when
// Courtesy starts means it stopped in between: the server may have taken the message or not, and nothing
// on this side can tell. Such a row becomes "uncertain" and is never sent again on its own: the person
// looks in their Sent folder (or asks the recipient) and says whether it went (outbox.resolve). Resending
// blindly could send twice; dropping it could lose it. If it did not go, it is queued again with the
// same Message-ID, so even a mistaken resend is recognisable as the same message to mail programs.
// (Looking for the Message-ID in the Sent folder over IMAP would answer this for providers that file
// SMTP mail in Sent; it is left to the person until reply tracking's IMAP work is in place.)
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx, Handlers } from '../../db/context';
import type { OutboxEntryT } from '../../api/contract/mail';
import { insertRow, prepare, tx, updateRow } from '../../db/sql';
import { notes, outbox } from '../../db/schema';
import { conflict, invalid, notFound } from '../../shared/errors';
import { formatSpan } from '../../shared/checks';
import { OUTBOX_OPEN_STATES, scheduleWarning, type OutboxState } from '../../shared/mail';
import { events, isReopened, noteRow } from '../notes/detail';
import { getMailAccount } from './account';
import { newMessageId, recipientEmail } from './message';
import { recordSent, runOutbox } from './worker';

/** A schedule this far in the past is a mistake, not "now" (clocks and slow forms get some slack). */
const PAST_SLACK = 5 * 60_000;
export const UNCERTAIN_MESSAGE =
  'Courtesy stopped while this email was being sent, so it may or may not have gone. Look in your Sent folder, then say whether it went; it is not sent again until you do.';

const entryCols = {
  id: outbox.id,
  noteId: outbox.noteId,
  state: outbox.state,
  scheduledFor: outbox.scheduledFor,
  attempts: outbox.attempts,
  nextAttemptAt: outbox.nextAttemptAt,
  lastError: outbox.lastError,
  messageId: outbox.messageId,
  sentAt: outbox.sentAt,
  createdAt: outbox.createdAt,
  updatedAt: outbox.updatedAt,
  recipientName: notes.recipientName,
  subject: notes.subject,
  dueAt: notes.dueAt,
};
const latestFor = prepare((db) =>
  db.select(entryCols).from(outbox).innerJoin(notes, eq(notes.id, outbox.noteId)).where(eq(outbox.noteId, sql.placeholder('noteId'))).orderBy(desc(outbox.id)).limit(1).prepare(),
);
const listed = prepare((db) =>
  db
    .select(entryCols)
    .from(outbox)
    .innerJoin(notes, eq(notes.id, outbox.noteId))
    .where(inArray(outbox.state, ['queued', 'sending', 'uncertain', 'failed']))
    .orderBy(outbox.id)
    .limit(200)
    .prepare(),
);
const openFor = prepare((db) =>
  db
    .select({ id: outbox.id, state: outbox.state, messageId: outbox.messageId, updatedAt: outbox.updatedAt })
    .from(outbox)
    .where(and(eq(outbox.noteId, sql.placeholder('noteId')), inArray(outbox.state, ['queued', 'sending', 'uncertain', 'failed'])))
    .orderBy(desc(outbox.id))
    .limit(1)
    .prepare(),
);

type Row = Omit<OutboxEntryT, 'warning'> & { recipientName: string | null };

function withWarning(r: Row): OutboxEntryT {
  // A contact's name is shown rather than the note's fallback name when there is a contact.
  return { ...r, warning: r.state === 'queued' ? scheduleWarning(r.dueAt, r.scheduledFor, formatSpan) : null };
}

export function outboxEntry(ctx: Ctx, noteId: number): OutboxEntryT | null {
  const r = latestFor(ctx).get({ noteId });
  return r ? withWarning(r) : null;
}

function mustEntry(ctx: Ctx, noteId: number): OutboxEntryT {
  const e = outboxEntry(ctx, noteId);
  if (!e) throw notFound('Outbox entry for note', noteId);
  return e;
}

/** The open (or failed) row of a note, refusing when it is not in one of `states`. */
function openRow(ctx: Ctx, noteId: number, states: OutboxState[], what: string) {
  const r = openFor(ctx).get({ noteId });
  if (!r || !states.includes(r.state)) {
    throw conflict(r ? `This email is ${r.state === 'sending' ? 'being sent right now' : r.state}; it cannot be ${what}.` : `This note is not in the outbox; it cannot be ${what}.`);
  }
  return r;
}

function checkSchedule(ctx: Ctx, scheduledFor: number | null | undefined): number | null {
  if (scheduledFor == null) return null;
  if (scheduledFor < ctx.clock.now() - PAST_SLACK) throw invalid({ scheduledFor: 'Choose a time that has not passed yet (or send now).' });
  return scheduledFor;
}

export const RESTORED_MESSAGE =
  'This email was waiting in the outbox when the backup you restored was made; it may have gone since. Look in your Sent folder, then say whether it went; it is not sent until you do.';

/**
 * Marks rows left in "sending" by a stop mid-send as uncertain. Runs at start, before the worker. After a
 * restore, rows still queued in the backup are uncertain too: the note may have gone after the backup
 * was made (the live database knew, the backup cannot), so sending it again could send it twice.
 */
export function recoverOutbox(ctx: Ctx, after: 'start' | 'restore' = 'start'): number {
  return tx(ctx, () => {
    // updated_at is left as it was: the time "sending" was written, which outbox.resolve records as the
    // sent time if the person says it went.
    let changed = ctx.db.update(outbox).set({ state: 'uncertain', lastError: UNCERTAIN_MESSAGE, nextAttemptAt: null }).where(eq(outbox.state, 'sending')).run().changes;
    if (after === 'restore') {
      changed += ctx.db.update(outbox).set({ state: 'uncertain', lastError: RESTORED_MESSAGE, nextAttemptAt: null }).where(eq(outbox.state, 'queued')).run().changes;
    }
    return changed;
  });
}

export const outboxHandlers: Handlers<
  'outbox.queue' | 'outbox.reschedule' | 'outbox.cancel' | 'outbox.retry' | 'outbox.resolve' | 'outbox.get' | 'outbox.list' | 'outbox.runNow'
> = {
  'outbox.queue': ({ noteId, scheduledFor }, ctx) => {
    tx(ctx, () => {
      const account = getMailAccount(ctx);
      if (!account) throw conflict('Connect an email account in Settings → Email first, or send the note from your mail app.');
      const row = noteRow(ctx, noteId);
      if (row.delivery !== 'email') throw conflict('A handwritten card is mailed, not emailed.');
      if (row.status === 'sent' && !isReopened(events(ctx, noteId))) throw conflict('This email was already sent.');
      const open = openFor(ctx).get({ noteId });
      if (open && OUTBOX_OPEN_STATES.includes(open.state)) throw conflict('This note is already in the outbox.');
      const to = recipientEmail(ctx, noteId);
      if ('problem' in to) throw invalid({ email: to.problem }, to.problem);
      const when = checkSchedule(ctx, scheduledFor);
      const now = ctx.clock.now();
      // A failed attempt is closed here, so the new one starts afresh (with a new Message-ID: the
      // failed one never went).
      if (open?.state === 'failed') updateRow(ctx, outbox, open.id, { state: 'cancelled', updatedAt: now });
      insertRow(ctx, outbox, { noteId, state: 'queued', scheduledFor: when, nextAttemptAt: when ?? now, messageId: newMessageId(account), createdAt: now, updatedAt: now });
    });
    return mustEntry(ctx, noteId);
  },

  'outbox.reschedule': ({ noteId, scheduledFor }, ctx) => {
    tx(ctx, () => {
      const r = openRow(ctx, noteId, ['queued'], 'rescheduled');
      const when = checkSchedule(ctx, scheduledFor);
      updateRow(ctx, outbox, r.id, { scheduledFor: when, nextAttemptAt: when ?? ctx.clock.now(), updatedAt: ctx.clock.now() });
    });
    return mustEntry(ctx, noteId);
  },

  'outbox.cancel': ({ noteId }, ctx) => {
    tx(ctx, () => {
      const r = openRow(ctx, noteId, ['queued', 'failed', 'uncertain'], 'cancelled');
      updateRow(ctx, outbox, r.id, { state: 'cancelled', nextAttemptAt: null, updatedAt: ctx.clock.now() });
    });
    return { ok: true as const };
  },

  'outbox.retry': ({ noteId }, ctx) => {
    tx(ctx, () => {
      const r = openRow(ctx, noteId, ['failed'], 'tried again');
      // Same row, same Message-ID: it never went, and the attempts start over.
      updateRow(ctx, outbox, r.id, { state: 'queued', attempts: 0, nextAttemptAt: ctx.clock.now(), updatedAt: ctx.clock.now() });
    });
    return mustEntry(ctx, noteId);
  },

  'outbox.resolve': ({ noteId, went }, ctx) => {
    tx(ctx, () => {
      const r = openRow(ctx, noteId, ['uncertain'], 'settled this way');
      // It went: at the time sending started (the last write before the stop), with its Message-ID.
      if (went) recordSent(ctx, r.id, noteId, r.messageId, r.updatedAt, 'Sent by Courtesy (confirmed after a stop mid-send)');
      else updateRow(ctx, outbox, r.id, { state: 'queued', nextAttemptAt: ctx.clock.now(), lastError: null, updatedAt: ctx.clock.now() });
    });
    return mustEntry(ctx, noteId);
  },

  'outbox.get': ({ noteId }, ctx) => {
    noteRow(ctx, noteId);
    return outboxEntry(ctx, noteId);
  },

  'outbox.list': (_input, ctx) => listed(ctx).all().map(withWarning),

  'outbox.runNow': async (_input, ctx) => ({ attempted: await runOutbox(ctx) }),
};
