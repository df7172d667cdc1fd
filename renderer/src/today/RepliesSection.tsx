// Today's replies: each one found in the inbox stays here until marked seen. The person decides what a
// reply means: "Move stage…" opens the application with its stage select ready; nothing moves by itself.
import { href } from '../lib/router';
import { useApi, useCall, useNow } from '../lib/hooks';
import { useToast } from '../ui/Toast';
import { ReplyActions, ReplyText, replyHeadline, type Reply } from '../replies/Replies';

function Item({ r }: { r: Reply }) {
  const seen = useCall('replies.markSeen');
  const now = useNow();
  const toast = useToast();
  return (
    <li className="reply" data-reply={r.id}>
      <div className="item-main">
        <strong>{replyHeadline(r, now)}</strong>
        <span className="sub">
          {r.noteId ? <a href={href({ name: 'compose', target: 'note', id: r.noteId })}>{r.noteSubject ? `re “${r.noteSubject}”` : 'your note'}</a> : null}
          {r.company ? ` · ${r.company} — ${r.role ?? ''}` : ''}
        </span>
        <ReplyText r={r} />
      </div>
      <div className="row reply-actions">
        <button type="button" onClick={() => seen.mutateAsync({ id: r.id, seen: true }).catch((err: Error) => toast(err.message, 'error'))}>
          Mark seen
        </button>
        {r.applicationId ? (
          <a className="button" href={`${href({ name: 'application', id: r.applicationId })}?move-stage`} title="Opens the application with its stage ready to change">
            Move stage…
          </a>
        ) : null}
        <ReplyActions r={r} />
      </div>
    </li>
  );
}

export function RepliesSection() {
  // The watcher finds replies on its own: look again every minute, as Today does.
  const q = useApi('replies.list', { unseenOnly: true, limit: 20 }, { refetchInterval: 60_000 });
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="panel replies" aria-label="Replies">
      <h2>
        Replies<span className="count">{items.length}</span>
      </h2>
      <ul className="item-list">
        {items.map((r) => (
          <Item key={r.id} r={r} />
        ))}
      </ul>
    </section>
  );
}
