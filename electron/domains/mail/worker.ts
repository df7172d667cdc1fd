// The outbox worker: sends due notes one at a time over the account's SMTP server. Each send is
// three steps, each committed before the next: build the message and write "sending" (with the
// attempt counted); the SMTP transaction; write the result. See outbox.ts for what a stop between the
// last two means and why such a row is never resent on its own.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../db/context';
import { prepare, tx, updateRow } from '../../db/sql';
import { notes, outbox } from '../../db/schema';
import { backoffMs, MAX_ATTEMPTS, type MailAccount } from '../../shared/mail';
import { events, isReopened, noteRow } from '../notes/detail';
import { recordNoteEvent } from '../notes/records';
import { getMailAccount } from './account';
import { describeMailError, smtpTransport } from './connect';
import { buildOutgoing } from './message';
import { appendSentCopy } from './sent-copy';

const due = prepare((db) =>
  db
    .select({ id: outbox.id, noteId: outbox.noteId, messageId: outbox.messageId, attempts: outbox.attempts })
    .from(outbox)
    .where(and(eq(outbox.state, 'queued'), lte(outbox.nextAttemptAt, sql.placeholder('now'))))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(1)
    .prepare(),
);
const stateOf = prepare((db) => db.select({ state: outbox.state }).from(outbox).where(eq(outbox.id, sql.placeholder('id'))).prepare());

export const NEED_PASSWORD_AGAIN = 'Courtesy needs the email password again (browser mode keeps it only until Courtesy quits): enter it in Settings → Email.';
export const NO_ACCOUNT = 'No email account is connected: connect one in Settings → Email, or cancel and send it from your mail app.';

/** Marks the note sent by the outbox, with the real time and Message-ID. Call inside a transaction. */
export function recordSent(ctx: Ctx, outboxId: number, noteId: number, messageId: string, at: number, detail: string) {
  updateRow(ctx, outbox, outboxId, { state: 'sent', sentAt: at, nextAttemptAt: null, lastError: null, updatedAt: at });
  const row = noteRow(ctx, noteId);
  updateRow(ctx, notes, noteId, { status: 'sent', sentAt: at, messageId });
  recordNoteEvent(ctx, noteId, 'sent', row.status === 'sent' ? `${detail} (again, after editing)` : detail, at);
}

/** A reason that holds every queued row back (no account, no password), written once, not an attempt. */
function holdAll(ctx: Ctx, reason: string) {
  tx(ctx, () => {
    ctx.db
      .update(outbox)
      .set({ lastError: reason, updatedAt: ctx.clock.now() })
      .where(and(eq(outbox.state, 'queued'), sql`${outbox.lastError} IS NOT ${reason}`))
      .run();
  });
}

function fail(ctx: Ctx, id: number, attempts: number, message: string, transient: boolean) {
  const now = ctx.clock.now();
  tx(ctx, () => {
    if (transient && attempts < MAX_ATTEMPTS) {
      updateRow(ctx, outbox, id, { state: 'queued', lastError: message, nextAttemptAt: now + backoffMs(attempts), updatedAt: now });
    } else {
      updateRow(ctx, outbox, id, { state: 'failed', lastError: message, nextAttemptAt: null, updatedAt: now });
    }
  });
}

/** One due row: true when one was attempted. */
async function sendOne(ctx: Ctx, account: MailAccount, password: string): Promise<boolean> {
  const now = ctx.clock.now();
  const row = due(ctx).get({ now });
  if (!row) return false;
  const note = noteRow(ctx, row.noteId);
  if (note.status === 'sent' && !isReopened(events(ctx, row.noteId))) {
    // Marked sent by hand (sent from the mail app) while it waited here.
    tx(ctx, () => updateRow(ctx, outbox, row.id, { state: 'cancelled', lastError: 'Marked as sent by hand before Courtesy sent it.', nextAttemptAt: null, updatedAt: now }));
    return true;
  }
  const out = await buildOutgoing(ctx, row.noteId, account, row.messageId, new Date(now));
  if ('problem' in out) {
    fail(ctx, row.id, row.attempts + 1, out.problem, false);
    return true;
  }
  const attempts = row.attempts + 1;
  // Step 1: "sending", committed before any byte goes out. Only if nothing changed meanwhile: the
  // note was not edited (the message holds its text) and the row was not cancelled.
  const started = tx(ctx, () => {
    if (stateOf(ctx).get({ id: row.id })?.state !== 'queued' || noteRow(ctx, row.noteId).revision !== out.revision) return false;
    updateRow(ctx, outbox, row.id, { state: 'sending', attempts, updatedAt: now });
    return true;
  });
  if (!started) return true;
  // Step 2: the SMTP transaction, with the very bytes built above.
  const transport = smtpTransport(account, password);
  try {
    await transport.sendMail({ envelope: { from: account.address, to: [out.to] }, raw: out.raw });
  } catch (err) {
    const f = describeMailError(err, { kind: 'SMTP', host: account.smtpHost, port: account.smtpPort });
    fail(ctx, row.id, attempts, f.message, f.transient);
    return true;
  } finally {
    transport.close();
  }
  // Step 3: the result.
  tx(ctx, () => recordSent(ctx, row.id, row.noteId, row.messageId, ctx.clock.now(), `Sent by Courtesy to ${out.to}`));
  // Then, where the provider does not do it, a copy in Sent. Best effort and after the result is safe:
  // a failure is told on the note's outbox entry; the message itself went.
  if (account.saveSentCopy) {
    const problem = await appendSentCopy(account, password, out.raw, row.messageId, new Date(now));
    if (problem) tx(ctx, () => updateRow(ctx, outbox, row.id, { lastError: `Sent, but the copy for your Sent folder could not be saved: ${problem}` }));
  }
  return true;
}

const running = new WeakMap<object, Promise<number>>();

/**
 * Sends every row that is due now, one after another; returns how many were attempted. A call while a
 * run is going waits for that run (one connection's worth of sending at a time, never two workers on
 * one row).
 */
export function runOutbox(ctx: Ctx): Promise<number> {
  const current = running.get(ctx);
  if (current) return current.then(() => runOutbox(ctx));
  const run = (async () => {
    const account = getMailAccount(ctx);
    const password = account ? await ctx.secrets.getPassword() : null;
    if (!account || password === null) {
      const anyDue = due(ctx).get({ now: ctx.clock.now() });
      if (anyDue) holdAll(ctx, account ? NEED_PASSWORD_AGAIN : NO_ACCOUNT);
      return 0;
    }
    let attempted = 0;
    // Bounded, so a run always ends even if rows keep becoming due.
    while (attempted < 100 && (await sendOne(ctx, account, password))) attempted++;
    return attempted;
  })();
  running.set(ctx, run);
  return run.finally(() => running.delete(ctx));
}
