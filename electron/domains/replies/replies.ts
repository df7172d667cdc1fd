// Reading and correcting the replies a scan stored: lists for a note, a contact, an application and
// Today, "seen", and "not a reply to this" (unmatch). A reply never changes an application's stage;
// Today offers the stage move next to it and the person decides.
import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx } from '../../db/sql';
import type { ReplyT } from '../../api/contract/replies';
import { notFound } from '../../shared/errors';
import { midUrl } from '../../shared/replies';
import { undoable } from '../undo/undo';
import { watcherFor } from './watcher';

const SELECT = `
SELECT r.id, r.note_id AS noteId, r.contact_id AS contactId, r.application_id AS applicationId,
       r.from_address AS fromAddress, r.from_name AS fromName, r.subject, r.date, r.message_id AS messageId,
       r.first_lines AS firstLines, r.method, r.seen_at AS seenAt, r.unmatched_at AS unmatchedAt,
       ct.name AS contactName, co.name AS company, a.role, a.stage,
       n.kind AS noteKind, n.delivery AS noteDelivery, n.subject AS noteSubject
FROM replies r
LEFT JOIN contacts ct ON ct.id = r.contact_id
LEFT JOIN applications a ON a.id = r.application_id
LEFT JOIN companies co ON co.id = a.company_id
LEFT JOIN notes n ON n.id = r.note_id`;

type Row = Omit<ReplyT, 'mailUrl'>;
const withUrl = (row: Row): ReplyT => ({ ...row, mailUrl: row.messageId ? midUrl(row.messageId) : null });

export function getReply(ctx: Ctx, replyId: number): ReplyT {
  const row = stmt<Row>(ctx.sqlite, `${SELECT} WHERE r.id = ?`).get(replyId);
  if (!row) throw notFound('Reply', replyId);
  return withUrl(row);
}

export interface ReplyFilter {
  noteId?: number;
  noteIds?: number[];
  /** Only the newest (shown) reply per note: a log's "replied" line needs one each, however many there are. */
  latestPerNote?: boolean;
  contactId?: number;
  applicationId?: number;
  unseenOnly?: boolean;
  includeUnmatched?: boolean;
  limit?: number;
}

export function listReplies(ctx: Ctx, f: ReplyFilter): ReplyT[] {
  const where: string[] = [];
  const args: unknown[] = [];
  const by = (column: string, value: number | undefined) => {
    if (value === undefined) return;
    where.push(`r.${column} = ?`);
    args.push(value);
  };
  by('note_id', f.noteId);
  by('contact_id', f.contactId);
  by('application_id', f.applicationId);
  if (f.noteIds) {
    where.push('r.note_id IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(f.noteIds));
  }
  if (f.unseenOnly) where.push('r.seen_at IS NULL');
  if (!f.includeUnmatched) where.push('r.unmatched_at IS NULL');
  if (f.latestPerNote) {
    // No newer reply of the same kind (shown or not, as asked) to the same note; the order matches the list's.
    where.push(`r.note_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM replies r2 WHERE r2.note_id = r.note_id${f.includeUnmatched ? '' : ' AND r2.unmatched_at IS NULL'}
      AND (r2.date > r.date OR (r2.date = r.date AND r2.id > r.id)))`);
  }
  const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY r.date DESC, r.id DESC LIMIT ?`;
  return stmt<Row>(ctx.sqlite, sql).all(...args, f.limit ?? 200).map(withUrl);
}

function setColumn(ctx: Ctx, replyId: number, column: 'seen_at' | 'unmatched_at', on: boolean): ReplyT {
  return tx(ctx, () => {
    getReply(ctx, replyId);
    // Keeps the first time it was set when set again (a second "seen" is not a new event).
    stmt(ctx.sqlite, `UPDATE replies SET ${column} = CASE WHEN ? THEN coalesce(${column}, ?) ELSE NULL END WHERE id = ?`).run(on ? 1 : 0, ctx.clock.now(), replyId);
    return getReply(ctx, replyId);
  });
}

export const repliesHandlers: Handlers<'replies.list' | 'replies.markSeen' | 'replies.unmatch' | 'replies.check' | 'replies.status'> = {
  'replies.list': (input, ctx) => ({ items: listReplies(ctx, input) }),
  'replies.markSeen': ({ id, seen }, ctx) => setColumn(ctx, id, 'seen_at', seen),
  'replies.unmatch': ({ id, matched }, ctx) => {
    const { result, undo } = undoable(ctx, matched ? 'Shown as a reply again' : 'No longer shown as a reply', () => setColumn(ctx, id, 'unmatched_at', !matched));
    return { ...result, undo };
  },
  'replies.check': async (_input, ctx) => {
    const watcher = watcherFor(ctx);
    if (!watcher) return offStatus();
    return watcher.checkNow();
  },
  'replies.status': (_input, ctx) => watcherFor(ctx)?.status() ?? offStatus(),
};

function offStatus() {
  return { state: 'off' as const, watching: null, lastCheckedAt: null, nextCheckAt: null, lastError: null, lastAdded: 0 };
}
