// Sending an email note from Courtesy over the connected account: send now or at a chosen time; while
// it waits it can be edited, moved or cancelled; a failure shows the server's reason and can be tried
// again; after a stop mid-send the person says whether it went. Shown only when an account is connected
// (the mail app, .eml and copy stay for everyone).
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { NoteT } from '../../../electron/api/contract/notes';
import { instantToLocal, localToInstant } from '../../../electron/shared/time';
import { formatDateTime } from '../lib/format';
import { href } from '../lib/router';
import { invalidateAfter, useApi, useCall, useNow } from '../lib/hooks';
import type { NoteActions } from './useNoteActions';

const HOUR = 3_600_000;

/** "Tomorrow at 8:00" in the person's time zone, as a datetime-local value. */
function tomorrowAtEight(now: number, zone: string): string {
  return instantToLocal(now + 24 * HOUR, zone).slice(0, 10) + 'T08:00';
}

export function OutboxPanel({ note, actions: a }: { note: NoteT; actions: NoteActions }) {
  const qc = useQueryClient();
  const now = useNow();
  const account = useApi('mail.account', {});
  const settings = useApi('settings.get', {});
  const entryQuery = useApi('outbox.get', { noteId: note.id }, {
    // The worker moves the entry on its own: look again while it waits or goes.
    refetchInterval: (q) => (q.state.data && ['queued', 'sending'].includes(q.state.data.state) ? 2000 : false),
  });
  const entry = entryQuery.data ?? null;
  const queue = useCall('outbox.queue');
  const reschedule = useCall('outbox.reschedule');
  const cancel = useCall('outbox.cancel');
  const retry = useCall('outbox.retry');
  const resolve = useCall('outbox.resolve');
  const zone = settings.data?.timeZone ?? 'UTC';
  const [when, setWhen] = useState<string | null>(null);

  // When the worker finishes, the note itself changed (sent): fetch it and everything that shows it.
  const lastState = useRef(entry?.state);
  useEffect(() => {
    if (lastState.current && entry && lastState.current !== entry.state) void invalidateAfter(qc, 'outbox.runNow');
    lastState.current = entry?.state;
  }, [entry, qc]);

  if (!account.data?.account) {
    return note.status === 'draft' ? (
      <p className="muted outbox-hint">
        To send from Courtesy itself, <a href={href({ name: 'settings' })}>connect your email account</a> in Settings.
      </p>
    ) : null;
  }
  const editable = note.status === 'draft' || note.reopened;
  const open = entry && ['queued', 'sending', 'uncertain', 'failed'].includes(entry.state);
  const scheduledAt = when ? localToInstant(when, zone) : null;
  const lateBy = scheduledAt && note.dueAt && scheduledAt > note.dueAt ? scheduledAt - note.dueAt : 0;

  const send = (scheduledFor: number | null) =>
    a.guarded(scheduledFor ? 'Schedule anyway' : 'Send anyway', async () => {
      await a.flush();
      await queue.mutateAsync({ noteId: note.id, scheduledFor });
      setWhen(null);
    });

  if (!open) {
    if (!editable) return entry?.state === 'sent' && entry.lastError ? <p className="muted">{entry.lastError}</p> : null;
    return (
      <div className="outbox" aria-label="Send from Courtesy" role="group">
        <div className="row">
          <button type="button" className="primary" disabled={a.busy || queue.isPending} onClick={() => send(null)}>
            Send
          </button>
          {when === null ? (
            <button type="button" disabled={a.busy} onClick={() => setWhen(tomorrowAtEight(now, zone))}>
              Send later…
            </button>
          ) : (
            <>
              <label>
                Send at{' '}
                <input type="datetime-local" aria-label="Send at" value={when} onChange={(e) => setWhen(e.target.value)} />
              </label>
              <button type="button" disabled={a.busy || !scheduledAt} onClick={() => send(scheduledAt)}>
                Schedule
              </button>
              <button type="button" onClick={() => setWhen(null)}>
                Never mind
              </button>
            </>
          )}
        </div>
        {lateBy > 0 ? <p className="field-error">That is after this note is due ({formatDateTime(note.dueAt)}).</p> : null}
        <p className="muted">
          From {account.data.account.displayName ? `${account.data.account.displayName} <${account.data.account.address}>` : account.data.account.address}
          {account.data.hasPassword ? '' : ' — the password must be entered again in Settings before it can go'}.
        </p>
        {entry?.state === 'cancelled' && entry.lastError ? <p className="muted">{entry.lastError}</p> : null}
      </div>
    );
  }

  const busy = a.busy || cancel.isPending || retry.isPending || resolve.isPending || reschedule.isPending;
  return (
    <div className="outbox" aria-label="Outbox" role="group">
      {entry.state === 'queued' ? (
        <>
          <p role="status">
            <span className="badge">In the outbox</span>{' '}
            {entry.scheduledFor && entry.scheduledFor > now ? `Goes ${formatDateTime(entry.scheduledFor)}.` : entry.attempts > 0 ? `Tries again ${formatDateTime(entry.nextAttemptAt)}.` : 'Going now…'}{' '}
            You can still edit it.
          </p>
          {entry.warning ? <p className="field-error">{entry.warning}</p> : null}
          {entry.lastError ? <p className="muted">Last try: {entry.lastError}</p> : null}
          <div className="row">
            {entry.scheduledFor && entry.scheduledFor > now ? (
              <button type="button" disabled={busy} onClick={() => void a.run(async () => void (await reschedule.mutateAsync({ noteId: note.id, scheduledFor: null })))}>
                Send now instead
              </button>
            ) : null}
            <button type="button" disabled={busy} onClick={() => void a.run(async () => void (await cancel.mutateAsync({ noteId: note.id })))}>
              Cancel sending
            </button>
          </div>
        </>
      ) : entry.state === 'sending' ? (
        <p role="status">
          <span className="badge">Sending…</span>
        </p>
      ) : entry.state === 'failed' ? (
        <>
          <p role="alert" className="outbox-failed">
            <strong>Not sent.</strong> {entry.lastError}
          </p>
          <div className="row">
            <button type="button" className="primary" disabled={busy} onClick={() => void a.run(async () => (await a.flush(), void (await retry.mutateAsync({ noteId: note.id }))))}>
              Try again
            </button>
            <button type="button" disabled={busy} onClick={() => void a.run(async () => void (await cancel.mutateAsync({ noteId: note.id })))}>
              Take it out of the outbox
            </button>
          </div>
        </>
      ) : (
        <>
          <p role="alert" className="outbox-failed">
            <strong>Did it go?</strong> {entry.lastError}
          </p>
          <div className="row">
            <button type="button" disabled={busy} onClick={() => void a.run(async () => void (await resolve.mutateAsync({ noteId: note.id, went: true })))}>
              It went (it is in Sent)
            </button>
            <button type="button" disabled={busy} onClick={() => void a.run(async () => void (await resolve.mutateAsync({ noteId: note.id, went: false })))}>
              It did not go: send it
            </button>
          </div>
        </>
      )}
    </div>
  );
}
