// Replies found in the inbox, shown where the person looks: Today (until seen), the note, the contact
// and the application timeline. A reply is only shown, never interpreted: "Move stage…" opens the
// application's own stage select, and nothing moves by itself.
import type { MethodInput, MethodOutput } from '../../../electron/api/contract';
import { REPLY_MATCH_LABELS } from '../../../electron/shared/replies';
import { dayWord } from '../lib/dates';
import { formatDateTime } from '../lib/format';
import { useApi, useCall, useNow } from '../lib/hooks';
import { href } from '../lib/router';
import { useToast } from '../ui/Toast';

export type Reply = MethodOutput<'replies.list'>['items'][number];

/** Who answered: the contact's name, else the name or address on the mail. */
export const replier = (r: Reply) => r.contactName ?? r.fromName ?? r.fromAddress;

/** "Dana Whitaker replied, Dec 3" ("replied today", "replied yesterday"; the year once it is another). */
export function replyHeadline(r: Reply, now: number): string {
  const day = dayWord(r.date, now);
  return day === 'today' || day === 'yesterday' ? `${replier(r)} replied ${day}` : `${replier(r)} replied, ${day}`;
}

/** What the reply answers, for a line under it: "Thank-you email · Northwind — Engineer". */
function answers(r: Reply) {
  const what = r.noteSubject ? `“${r.noteSubject}”` : r.noteDelivery === 'handwritten' ? 'your card' : 'your note';
  return `to ${what}${r.company ? ` · ${r.company} — ${r.role ?? ''}` : ''}`;
}

/** The reply's subject and first lines, as sent (plain text, kept short by the scan). */
export function ReplyText({ r }: { r: Reply }) {
  return (
    <div className="reply-text">
      {r.subject ? <div className="reply-subject">{r.subject}</div> : null}
      {r.firstLines ? <blockquote className="reply-lines">{r.firstLines}</blockquote> : null}
    </div>
  );
}

/** "Open in mail app" (a mid: link the shell hands to the OS) and "Not a reply to this". */
export function ReplyActions({ r }: { r: Reply }) {
  const unmatch = useCall('replies.unmatch');
  const toast = useToast();
  return (
    <>
      {r.mailUrl ? (
        <a className="button" href={r.mailUrl} target="_blank" rel="noreferrer noopener" title="Opens this message in your mail app">
          Open in mail app
        </a>
      ) : null}
      <button
        type="button"
        className="ghost"
        onClick={() =>
          unmatch.mutateAsync({ id: r.id }).then(
            (res) => toast(`No longer shown as a reply from ${replier(r)}.`, 'info', { undo: res.undo }),
            (err: Error) => toast(err.message, 'error'),
          )
        }
      >
        Not a reply to this
      </button>
    </>
  );
}

function ReplyItem({ r, showNote }: { r: Reply; showNote: boolean }) {
  const now = useNow();
  return (
    <li className="reply" data-reply={r.id}>
      <div className="item-main">
        <strong>{replyHeadline(r, now)}</strong>
        <span className="sub" title={REPLY_MATCH_LABELS[r.method]}>
          {showNote && r.noteId ? <a href={href({ name: 'compose', target: 'note', id: r.noteId })}>{answers(r)}</a> : <>{formatDateTime(r.date)} · {REPLY_MATCH_LABELS[r.method]}</>}
        </span>
        <ReplyText r={r} />
      </div>
      <div className="row reply-actions">
        <ReplyActions r={r} />
      </div>
    </li>
  );
}

/**
 * The replies to a note, from a contact or about an application, newest first. Renders nothing when
 * there are none, so pages without replies look as before.
 */
export function RepliesPanel({ filter, title = 'Replies', showNote = true }: { filter: Pick<MethodInput<'replies.list'>, 'noteId' | 'contactId' | 'applicationId'>; title?: string; showNote?: boolean }) {
  const q = useApi('replies.list', { ...filter, limit: 50 });
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="panel replies" aria-label={title}>
      <h2>
        {title}
        <span className="count">{items.length}</span>
      </h2>
      <ul className="item-list">
        {items.map((r) => (
          <ReplyItem key={r.id} r={r} showNote={showNote} />
        ))}
      </ul>
    </section>
  );
}
