// Today's view of the outbox: notes that did not go (with the server's reason), notes that may or may
// not have gone after a stop mid-send, and notes waiting to go. A failure that appears while the app is
// open is also announced in a toast, the app's own notification.
import { useEffect, useRef } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/hooks';
import { href } from '../lib/router';
import { useToast } from '../ui/Toast';

type Entry = MethodOutput<'outbox.list'>[number];

const WORDS: Record<string, string> = { failed: 'Not sent', uncertain: 'Did it go?', queued: 'Waiting to go', sending: 'Sending' };

function Item({ e }: { e: Entry }) {
  const trouble = e.state === 'failed' || e.state === 'uncertain';
  return (
    <li>
      <div className="item-main">
        <span>
          <span className={`badge ${trouble ? 'overdue' : ''}`}>{WORDS[e.state]}</span> <strong>{e.subject || 'Email'}</strong>
          <span className="muted"> to {e.recipientName ?? 'someone'}</span>
        </span>
        <span className="sub">
          {trouble ? e.lastError : e.scheduledFor && e.nextAttemptAt === e.scheduledFor ? `goes ${formatDateTime(e.scheduledFor)}` : e.lastError ? `tries again ${formatDateTime(e.nextAttemptAt)}: ${e.lastError}` : 'goes now'}
        </span>
      </div>
      <a className="button" href={href({ name: 'compose', target: 'note', id: e.noteId })}>
        Open
      </a>
    </li>
  );
}

export function OutboxSection() {
  const list = useApi('outbox.list', {}, { refetchInterval: 10_000 });
  const toast = useToast();
  const seen = useRef<Set<number> | null>(null);
  const entries = list.data ?? [];
  useEffect(() => {
    if (!list.data) return;
    const failing = list.data.filter((e) => e.state === 'failed' || e.state === 'uncertain');
    // The first answer is what was already there; later ones announce what is new.
    if (seen.current) for (const e of failing) if (!seen.current.has(e.id)) toast(`Email to ${e.recipientName ?? 'someone'} not sent: ${e.lastError ?? ''}`, 'error');
    seen.current = new Set(failing.map((e) => e.id));
  }, [list.data, toast]);
  if (entries.length === 0) return null;
  return (
    <section className="panel" aria-label="Outbox">
      <h2>
        Outbox<span className="count">{entries.length}</span>
      </h2>
      <ul className="item-list">
        {entries.map((e) => (
          <Item key={e.id} e={e} />
        ))}
      </ul>
    </section>
  );
}
