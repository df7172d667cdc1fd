// Desktop notices: main decides what is worth a notice, the renderer shows it (the web Notification API
// works in the Electron window and in browser mode alike). Each notice has a stable key (kind, row id,
// the time it is about); `notifications.ack` records keys before they are shown, with INSERT OR IGNORE,
// so of two windows (or a window and the same one after a reload) only the first to claim a key shows it.
// A note due again at a new time, a reminder snoozed, a send that fails again: a new time, a new key.
//
// Every query here is a bounded index range over a few days around "now" (never Today's lists), so the
// renderer can poll it every minute and on focus at no cost worth measuring.
import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx } from '../../db/sql';
import { NOTE_KIND_LABELS } from '../../shared/domain';
import type { NotificationItemT } from '../../api/contract/notifications';
import { noteSummaries } from '../notes/records';
import { COUNTS_AS_DUE } from '../interviews/obligations';
import { getSettings } from '../settings/settings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A note is "due soon" this long before its due time. */
export const DUE_SOON_NOTICE = 3 * HOUR;
/**
 * How late a notice still goes out: an overdue note, a reminder, a failure or a reply older than this is
 * left to Today (opening the app after a fortnight away should not ring for every old item).
 */
export const STALE_AFTER = 2 * DAY;
/** At most this many notices per poll, oldest first; the rest come with the next poll. */
export const NOTICE_CAP = 10;
/** Shown keys are kept this long: well past STALE_AFTER, so a forgotten key can never ring again. */
const KEEP_KEYS = 30 * DAY;

const key = (kind: NotificationItemT['kind'], id: number, at: number) => `${kind}:${id}:${at}`;
/** SQL: the row's notice was not shown yet (the key built in SQL the way key() builds it), so LIMIT counts only new ones. */
const notShown = (kindSql: string, id: string, time: string) => `NOT EXISTS (SELECT 1 FROM notifications_sent WHERE key = ${kindSql} || ':' || ${id} || ':' || ${time})`;

/** "45 minutes", "3 hours", "2 days": how far a time is from now, in the largest whole unit. */
export function span(ms: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const a = Math.abs(ms);
  if (a < HOUR) return unit(Math.max(1, Math.round(a / MINUTE)), 'minute');
  if (a < DAY) return unit(Math.round(a / HOUR), 'hour');
  return unit(Math.round(a / DAY), 'day');
}

const at = (company: string | null, role: string | null) => (company ? ` at ${company}${role ? ` (${role})` : ''}` : '');

function noteNotices(ctx: Ctx, now: number): NotificationItemT[] {
  // COUNTS_AS_DUE keeps Today's rule (a draft with a due time whose interview has ended and that is not
  // released by a rejection); the due_at range is what keeps this an index range on notes_due.
  const rows = noteSummaries(
    ctx,
    `${COUNTS_AS_DUE} AND n.due_at >= @from AND n.due_at < @soon
     AND ${notShown("CASE WHEN n.due_at <= @now THEN 'note_overdue' ELSE 'note_due_soon' END", 'n.id', 'n.due_at')}`, { now, from: now - STALE_AFTER, soon: now + DUE_SOON_NOTICE }, `n.due_at, n.id LIMIT ${NOTICE_CAP}`);
  return rows.map((n) => {
    const due = n.dueAt!;
    const what = NOTE_KIND_LABELS[n.kind] + (n.kind === 'thank_you' ? '' : ' note');
    const to = `To ${n.recipientName ?? 'someone'}${at(n.company, n.role)}`;
    const overdue = due <= now;
    return {
      key: key(overdue ? 'note_overdue' : 'note_due_soon', n.id, due),
      kind: overdue ? 'note_overdue' : 'note_due_soon',
      title: overdue ? `${what} overdue` : `${what} due in ${span(due - now)}`,
      body: overdue ? `${to}: it was due ${span(now - due)} ago. A late note still beats no note.` : `${to}. Write it now, while the conversation is fresh.`,
      open: { screen: 'note', id: n.id },
      at: due,
    };
  });
}

function reminderNotices(ctx: Ctx, now: number): NotificationItemT[] {
  const rows = stmt<{ id: number; title: string; dueAt: number; company: string | null; role: string | null; contactName: string | null }>(
    ctx.sqlite,
    `SELECT r.id, r.title, r.due_at AS dueAt, co.name AS company, a.role, ct.name AS contactName
     FROM reminders r
     LEFT JOIN applications a ON a.id = r.application_id
     LEFT JOIN companies co ON co.id = a.company_id
     LEFT JOIN contacts ct ON ct.id = r.contact_id
     WHERE r.done_at IS NULL AND r.due_at > @from AND r.due_at <= @now AND ${notShown("'reminder_due'", 'r.id', 'r.due_at')}
     ORDER BY r.due_at, r.id LIMIT ${NOTICE_CAP}`,
  ).all({ now, from: now - STALE_AFTER });
  return rows.map((r) => ({
    key: key('reminder_due', r.id, r.dueAt),
    kind: 'reminder_due',
    title: `Reminder: ${r.title}`,
    body: [r.contactName, r.company ? `${r.company}${r.role ? ` (${r.role})` : ''}` : null].filter(Boolean).join(' · ') || 'Due now.',
    open: { screen: 'reminder', id: r.id },
    at: r.dueAt,
  }));
}

function sendNotices(ctx: Ctx, now: number): NotificationItemT[] {
  // Failed sends are few (each is cancelled or retried), and outbox_due's state prefix finds them.
  const rows = stmt<{ id: number; noteId: number; state: 'failed' | 'uncertain'; lastError: string | null; updatedAt: number; name: string | null }>(
    ctx.sqlite,
    `SELECT o.id, o.note_id AS noteId, o.state, o.last_error AS lastError, o.updated_at AS updatedAt, coalesce(ct.name, n.recipient_name) AS name
     FROM outbox o JOIN notes n ON n.id = o.note_id LEFT JOIN contacts ct ON ct.id = n.contact_id
     WHERE o.state IN ('failed', 'uncertain') AND o.updated_at > @from AND ${notShown("'send_failed'", 'o.id', 'o.updated_at')}
     ORDER BY o.updated_at, o.id LIMIT ${NOTICE_CAP}`,
  ).all({ from: now - STALE_AFTER });
  // The update time is the key's time: a retry that fails again is a new failure and a new notice.
  return rows.map((o) => ({
    key: key('send_failed', o.id, o.updatedAt),
    kind: 'send_failed',
    title: o.state === 'failed' ? `Email to ${o.name ?? 'your contact'} not sent` : `Did the email to ${o.name ?? 'your contact'} go?`,
    body: o.state === 'failed' ? (o.lastError ?? 'The mail server refused it.') : 'Courtesy stopped while sending it. Check your Sent folder and say whether it went.',
    open: { screen: 'note', id: o.noteId },
    at: o.updatedAt,
  }));
}

function replyNotices(ctx: Ctx, now: number): NotificationItemT[] {
  // replies_unseen is a partial index on date for exactly these rows.
  const rows = stmt<{ id: number; noteId: number | null; applicationId: number | null; date: number; who: string; subject: string | null; firstLines: string }>(
    ctx.sqlite,
    `SELECT r.id, r.note_id AS noteId, r.application_id AS applicationId, r.date, coalesce(ct.name, r.from_name, r.from_address) AS who,
            r.subject, r.first_lines AS firstLines
     FROM replies r LEFT JOIN contacts ct ON ct.id = r.contact_id
     WHERE r.seen_at IS NULL AND r.unmatched_at IS NULL AND r.date > @from AND ${notShown("'reply'", 'r.id', 'r.date')}
     ORDER BY r.date, r.id LIMIT ${NOTICE_CAP}`,
  ).all({ from: now - STALE_AFTER });
  return rows.flatMap((r) => {
    const open = r.noteId ? { screen: 'note' as const, id: r.noteId } : r.applicationId ? { screen: 'application' as const, id: r.applicationId } : null;
    if (!open) return [];
    const first = r.firstLines.split('\n').find((l) => l.trim())?.trim();
    return [{ key: key('reply', r.id, r.date), kind: 'reply' as const, title: `Reply from ${r.who}`, body: (first ?? r.subject ?? '').slice(0, 160), open, at: r.date }];
  });
}

export const notificationsHandlers: Handlers<'notifications.pending' | 'notifications.ack'> = {
  'notifications.pending': (_input, ctx) => {
    if (!getSettings(ctx).notifications) return { enabled: false, items: [] };
    const now = ctx.clock.now();
    const items = [...noteNotices(ctx, now), ...reminderNotices(ctx, now), ...sendNotices(ctx, now), ...replyNotices(ctx, now)]
      .sort((a, b) => a.at - b.at || a.key.localeCompare(b.key))
      .slice(0, NOTICE_CAP);
    return { enabled: true, items };
  },
  'notifications.ack': ({ keys }, ctx) => {
    const now = ctx.clock.now();
    const claim = stmt(ctx.sqlite, 'INSERT OR IGNORE INTO notifications_sent (key, delivered_at) VALUES (?, ?)');
    return tx(ctx, () => {
      const claimed = [...new Set(keys)].filter((k) => claim.run(k, now).changes === 1);
      // Old keys can never match again (STALE_AFTER): dropping them keeps the table a few days long.
      stmt(ctx.sqlite, 'DELETE FROM notifications_sent WHERE delivered_at < ?').run(now - KEEP_KEYS);
      return { claimed };
    });
  },
};
