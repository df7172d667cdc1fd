// The notes log: what was written to whom, how, when, and where it stands. Used on application and
// contact detail; each row opens the note in the composer.
import { useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/api/contract';
import { NOTE_KIND_LABELS } from '../../../electron/shared/domain';
import { dueText } from '../lib/dates';
import { formatDate, formatDateTime } from '../lib/format';
import { useApi, useCall, useNow } from '../lib/hooks';
import { href, navigate } from '../lib/router';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ConfirmDialog } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { replyHeadline, type Reply } from '../replies/Replies';

type Item = MethodOutput<'notes.list'>['items'][number];

const STATUS_LABEL: Record<Item['status'], string> = { draft: 'Draft', sent: 'Sent', written: 'Written', addressed: 'Addressed', stamped: 'Stamped', mailed: 'Mailed' };

function when(n: Item, now: number): { text: string; cls: string } {
  if (n.status === 'sent') return { text: `Sent ${formatDateTime(n.sentAt)}`, cls: '' };
  if (n.status === 'mailed') {
    const arrives = n.expectedArrivalAt ? (n.expectedArrivalAt > now ? ` · arrives ~${formatDate(n.expectedArrivalAt)}` : ` · arrived ~${formatDate(n.expectedArrivalAt)}`) : '';
    return { text: `Mailed ${formatDate(n.mailedAt)}${arrives}`, cls: '' };
  }
  if (n.dueAt == null) return { text: n.status === 'draft' ? 'No due date' : `Updated ${formatDateTime(n.updatedAt)}`, cls: '' };
  // The server's rule, so this page and Today agree: a thank-you released by a rejection is not overdue.
  if (n.status === 'draft' && !n.stillDue) return { text: 'No longer due', cls: '' };
  const overdue = n.dueAt < now;
  const due = dueText(n.dueAt, now);
  return { text: due[0].toUpperCase() + due.slice(1), cls: overdue ? 'overdue' : n.dueAt - now < 86_400_000 ? 'due' : '' };
}

type Filters = Pick<MethodInput<'notes.list'>, 'status' | 'kind' | 'delivery'>;

export function NotesLog(props: {
  applicationId?: number;
  contactId?: number;
  interviewId?: number;
  title?: string;
  searchable?: boolean;
  emptyText?: string;
  filters?: Filters;
  /** Show the start of each note under its line (the Notes screen, where search hits need context). */
  showExcerpt?: boolean;
}) {
  const [search, setSearch] = useState('');
  const now = useNow();
  const q = useApi('notes.list', {
    applicationId: props.applicationId,
    contactId: props.contactId,
    interviewId: props.interviewId,
    ...props.filters,
    search: search.trim() || undefined,
  });
  const items = q.data?.items ?? [];
  // Which of the listed notes got a reply (the latest one per note), for a line under its status.
  const noteIds = items.map((n) => n.id);
  const replies = useApi('replies.list', { noteIds, latestPerNote: true, limit: 1000 }, { enabled: noteIds.length > 0 });
  const replyTo = new Map<number, Reply>();
  for (const r of replies.data?.items ?? []) if (r.noteId !== null && !replyTo.has(r.noteId)) replyTo.set(r.noteId, r);
  const title = props.title ?? 'Notes';
  const remove = useCall('notes.delete');
  const toast = useToast();
  // A note that went out (sent, or written on a card) is part of the record with the person: deleting it
  // asks first. A draft goes at once; the Undo toast is the way back either way.
  const [asking, setAsking] = useState<Item | null>(null);
  const doDelete = (n: Item) =>
    remove.mutateAsync({ id: n.id, confirm: true }).then(
      (r) => toast(`Deleted the ${n.delivery === 'email' ? 'email' : 'card'} to ${n.recipientName ?? 'someone'}.`, 'info', { undo: r.undo }),
      (err: Error) => toast(err.message, 'error'),
    );
  return (
    <section className="notes-log" aria-label={title}>
      {props.searchable ? (
        <input className="search" type="search" aria-label={`Search ${title.toLowerCase()}`} placeholder="Search notes…" value={search} onChange={(e) => setSearch(e.target.value)} />
      ) : null}
      {q.error ? <ErrorBanner>{q.error.message}</ErrorBanner> : null}
      {q.isLoading ? <p className="muted">Loading…</p> : null}
      {!q.isLoading && items.length === 0 ? <p className="muted">{search ? 'No notes match.' : (props.emptyText ?? 'No notes yet.')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap notes-table">
          <table className="data" aria-label={title}>
            <thead>
              <tr>
                <th>To</th>
                <th>Note</th>
                <th>Status</th>
                <th>When</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((n) => {
                const w = when(n, now);
                return (
                  <tr key={n.id} data-note={n.id} onClick={() => navigate({ name: 'compose', target: 'note', id: n.id })}>
                    <td>
                      <a href={href({ name: 'compose', target: 'note', id: n.id })} onClick={(e) => e.stopPropagation()}>
                        {n.recipientName ?? 'Unknown'}
                      </a>
                    </td>
                    <td title={n.excerpt}>
                      {NOTE_KIND_LABELS[n.kind]} · {n.delivery === 'email' ? 'email' : 'card'}
                      {n.followsNoteId ? ' (follows email)' : ''}
                      {!props.applicationId && n.company ? <span className="muted"> · {n.company}</span> : null}
                      {props.showExcerpt && n.excerpt ? <div className="note-excerpt">{n.excerpt}</div> : null}
                    </td>
                    <td>
                      <span className={`badge ${n.status === 'draft' ? '' : n.status === 'sent' || n.status === 'mailed' ? 'ok' : 'due'}`}>{STATUS_LABEL[n.status]}</span>
                    </td>
                    <td>
                      <span className={w.cls ? `badge ${w.cls}` : ''}>{w.text}</span>
                      {replyTo.has(n.id) ? <div className="note-replied">{replyHeadline(replyTo.get(n.id)!, now)}</div> : null}
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        className="ghost note-delete"
                        aria-label={`Delete the ${n.delivery === 'email' ? 'email' : 'card'} to ${n.recipientName ?? 'someone'}`}
                        disabled={remove.isPending}
                        onClick={(e) => {
                          e.stopPropagation();
                          if (n.status === 'draft') void doDelete(n);
                          else setAsking(n);
                        }}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={`Delete this ${asking.delivery === 'email' ? 'email' : 'card'}?`}
          message={
            <p>
              The {NOTE_KIND_LABELS[asking.kind].toLowerCase()} to {asking.recipientName ?? 'someone'} was {STATUS_LABEL[asking.status].toLowerCase()}; deleting it
              removes it and its history from your log.
              {asking.delivery === 'email' ? '' : ' Stationery it used stays counted.'}
            </p>
          }
          confirmLabel="Delete note"
          danger
          focusCancel
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const n = asking;
            setAsking(null);
            void doDelete(n);
          }}
        />
      ) : null}
      {q.data?.hasMore ? <p className="muted">Showing the latest {items.length}; search to find older notes.</p> : null}
    </section>
  );
}
