import { useEffect, useRef, useState } from 'react';
import { PRIORITY_LABELS } from '../../../electron/shared/domain';
import { useStages } from '../lib/stages';
import { ApplicationForm } from './ApplicationForm';
import { InterviewForm } from '../interview/InterviewForm';
import { Modal } from '../ui/Modal';
import { INTERVIEW_KIND_LABELS, NOTE_KIND_LABELS } from '../../../electron/shared/domain';
import { formatInZone } from '../../../electron/shared/time';
import { ConfirmDialog } from '../ui/Modal';
import { RejectionDialog } from './RejectionDialog';
import { NotesLog } from '../notes/NotesLog';
import { useToast } from '../ui/Toast';
import { formatDate, formatDateTime, money, relative } from '../lib/format';
import { useApi, useCall, useNow } from '../lib/hooks';
import { href, navigate } from '../lib/router';
import { ErrorBanner } from '../ui/ErrorBanner';
import { OfferPanel } from '../offers/OfferPanel';
import { DocumentsOnDelete, DocumentsPanel } from '../documents/DocumentsPanel';
import { ReplyText, replyHeadline, type Reply } from '../replies/Replies';

type TimelineEntry = { key: string; at: number; text: string; note: string | null; link: string | null; reply?: Reply };

export function ApplicationDetailScreen({ id }: { id: number }) {
  const app = useApi('applications.get', { id });
  const now = useNow();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const [afterRejection, setAfterRejection] = useState(false);
  const interviews = useApi('interviews.list', { applicationId: id });
  const notes = useApi('notes.list', { applicationId: id });
  const move = useCall('applications.moveStage');
  const stages = useStages();
  const archive = useCall('applications.archive');
  const remove = useCall('applications.delete');
  const replies = useApi('replies.list', { applicationId: id, limit: 50 });
  const stageSelect = useRef<HTMLSelectElement>(null);
  // Today's "Move stage…" opens this page with ?move-stage: the stage select takes focus, once.
  const loaded = !!app.data;
  useEffect(() => {
    if (!loaded || !window.location.hash.endsWith('?move-stage')) return;
    stageSelect.current?.focus();
    history.replaceState(null, '', href({ name: 'application', id }));
  }, [loaded, id]);

  if (app.isLoading) return <div className="page muted">Loading…</div>;
  if (app.error || !app.data)
    return (
      <div className="page">
        <ErrorBanner>{app.error?.message ?? 'Not found.'}</ErrorBanner>
        <a href={href({ name: 'pipeline' })}>Back to the pipeline</a>
      </div>
    );
  const a = app.data;

  const onMove = async (stage: string) => {
    try {
      const moved = await move.mutateAsync({ id: a.id, stage });
      toast(`Moved to ${stages.name(stage)}.`, 'info', { undo: moved.undo });
      if (stages.kind(stage) === 'rejected') setAfterRejection(true);
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <a href={href({ name: 'pipeline' })} className="button ghost">
          ← Pipeline
        </a>
        <h1>
          {a.role} <span className="muted">at {a.company}</span>
        </h1>
        <label className="row">
          <span className="muted">Stage</span>
          <select ref={stageSelect} aria-label="Stage" value={a.stage} onChange={(e) => void onMove(e.target.value)}>
            {stages.active.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setEditing((v) => !v)}>
          {editing ? 'Close editor' : 'Edit'}
        </button>
        <button
          type="button"
          onClick={() =>
            archive.mutateAsync({ id: a.id, archived: a.archivedAt == null }).then(
              (r) => toast(`${r.archivedAt == null ? 'Restored' : 'Archived'}.`, 'info', { undo: r.undo }),
              (err: Error) => toast(err.message, 'error'),
            )
          }
        >
          {a.archivedAt == null ? 'Archive' : 'Restore'}
        </button>
        <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
          Delete
        </button>
      </div>
      {a.archivedAt != null ? <div className="banner info">Archived on {formatDate(a.archivedAt)}. It is hidden from the pipeline.</div> : null}
      <div className="detail-grid">
        <div className="today-col">
        <div className="panel">
          {editing ? (
            <ApplicationForm existing={a} onCancel={() => setEditing(false)} onDone={() => (setEditing(false), toast('Saved.'))} />
          ) : (
            <>
              <h2>Details</h2>
              <dl className="facts">
                <dt>Company</dt>
                <dd>{a.company}</dd>
                <dt>Role</dt>
                <dd>{a.role}</dd>
                <dt>Stage</dt>
                <dd>
                  {stages.name(a.stage)} <span className="muted">since {formatDate(a.stageChangedAt)}</span>
                </dd>
                <dt>Priority</dt>
                <dd>{PRIORITY_LABELS[a.priority]}</dd>
                <dt>Location</dt>
                <dd>{a.location ?? '—'}</dd>
                <dt>Source</dt>
                <dd>{a.source ?? '—'}</dd>
                <dt>Posting</dt>
                <dd>
                  {a.postingUrl ? (
                    <a href={a.postingUrl} target="_blank" rel="noreferrer noopener">
                      {a.postingUrl}
                    </a>
                  ) : (
                    '—'
                  )}
                </dd>
                <dt>Salary</dt>
                <dd>{a.salaryMin != null || a.salaryMax != null ? `${money(a.salaryMin, a.salaryCurrency)} – ${money(a.salaryMax, a.salaryCurrency)}` : '—'}</dd>
                <dt>Applied</dt>
                <dd>{a.appliedAt ? formatDate(a.appliedAt) : '—'}</dd>
                <dt>Deadline</dt>
                <dd>{a.deadlineAt ? `${formatDate(a.deadlineAt)} (${relative(a.deadlineAt, now)})` : '—'}</dd>
                <dt>Notes</dt>
                <dd>{a.notes ?? '—'}</dd>
              </dl>
            </>
          )}
        </div>
        <OfferPanel application={a} />
        <DocumentsPanel application={a} />
        </div>
        <div className="today-col">
        <div className="panel">
          <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
            <h2 style={{ margin: 0 }}>Interviews</h2>
            <button type="button" className="primary" onClick={() => setScheduling(true)}>
              Schedule interview
            </button>
          </div>
          {interviews.data?.items.length ? (
            <ul className="item-list" aria-label="Interviews">
              {interviews.data.items.map((i) => (
                <li key={i.id}>
                  <div className="item-main">
                    <a href={href({ name: 'interview', id: i.id })}>
                      <strong>{i.round ?? `${INTERVIEW_KIND_LABELS[i.kind]} interview`}</strong>
                    </a>
                    <span className="sub">
                      {formatInZone(i.startAt, i.timeZone)}
                      {i.participantNames.length ? ` · with ${i.participantNames.join(', ')}` : ''}
                    </span>
                  </div>
                  {i.endAt <= now && !i.debriefedAt ? <span className="badge due">debrief</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="section-empty">No interviews yet. Schedule one to get a thank-you to write for each person you meet.</p>
          )}
        </div>
        <div className="panel">
          <h2>Timeline</h2>
          <ol className="timeline" aria-label="Timeline">
            {([
              ...a.events.map((e) => ({
                key: `e${e.id}`,
                at: e.at,
                // The names the stages had at the time: a rename later never rewrites history.
                text: e.fromStage ? `${e.fromName ?? stages.name(e.fromStage)} → ${e.toName || stages.name(e.toStage)}` : `Added as ${e.toName || stages.name(e.toStage)}`,
                note: e.note,
                link: null as string | null,
              })),
              ...(interviews.data?.items ?? []).map((i) => ({
                key: `i${i.id}`,
                at: i.startAt,
                text: `${i.round ?? INTERVIEW_KIND_LABELS[i.kind] + ' interview'}${i.participantNames.length ? ` with ${i.participantNames.join(', ')}` : ''}`,
                note: null,
                link: href({ name: 'interview', id: i.id }),
              })),
              // Notes that went out: what was sent, how, and when.
              ...(notes.data?.items ?? [])
                .filter((n) => (n.status === 'sent' && n.sentAt) || (n.status === 'mailed' && n.mailedAt))
                .map((n) => ({
                  key: `n${n.id}`,
                  at: (n.status === 'sent' ? n.sentAt : n.mailedAt)!,
                  text: `${NOTE_KIND_LABELS[n.kind]} ${n.status === 'sent' ? 'emailed' : 'card mailed'} to ${n.recipientName ?? 'someone'}`,
                  note: null,
                  link: href({ name: 'compose', target: 'note', id: n.id }),
                })),
              // Replies matched to those notes: who answered and the start of what they wrote.
              ...(replies.data?.items ?? []).map((r) => ({
                key: `r${r.id}`,
                at: r.date,
                text: replyHeadline(r, now),
                note: null,
                reply: r,
                link: r.noteId ? href({ name: 'compose', target: 'note', id: r.noteId }) : null,
              })),
            ] as TimelineEntry[])
              .sort((x, y) => y.at - x.at)
              .map((e) => (
                <li key={e.key}>
                  <span className="dot" />
                  <div>
                    <div>{e.link ? <a href={e.link}>{e.text}</a> : e.text}</div>
                    <div className="when">
                      {formatDateTime(e.at)} · {relative(e.at, now)}
                    </div>
                    {e.note ? <div className="muted">{e.note}</div> : null}
                    {e.reply ? <ReplyText r={e.reply} /> : null}
                  </div>
                </li>
              ))}
          </ol>
        </div>
        </div>
      </div>
      <div className="panel">
        <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
          <h2 style={{ margin: 0 }}>Notes</h2>
          <a className="button" href={href({ name: 'compose', target: 'application', id: a.id })}>
            Write a note
          </a>
        </div>
        <NotesLog applicationId={a.id} title="Notes log" emptyText="No notes yet. Each person you meet at an interview gets a thank-you to write." />
      </div>
      {scheduling ? (
        <Modal title="Schedule interview" onClose={() => setScheduling(false)}>
          <InterviewForm applicationId={a.id} onCancel={() => setScheduling(false)} onDone={(iv) => (setScheduling(false), navigate({ name: 'interview', id: iv.id }))} />
        </Modal>
      ) : null}
      {afterRejection ? <RejectionDialog applicationId={a.id} onClose={() => setAfterRejection(false)} /> : null}
      {confirmDelete ? (
        <ConfirmDialog
          title="Delete this application?"
          message={
            <>
              <p>
                {a.role} at {a.company} and its stage timeline will be deleted. Notes you wrote are kept in your notes log. Archive it instead
                to hide it but keep everything.
              </p>
              <DocumentsOnDelete applicationId={a.id} />
            </>
          }
          confirmLabel="Delete application"
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={async () => {
            setConfirmDelete(false);
            try {
              const r = await remove.mutateAsync({ id: a.id, confirm: true });
              toast('Application deleted.', 'info', { undo: r.undo });
              navigate({ name: 'pipeline' });
            } catch (err) {
              toast(err instanceof Error ? err.message : String(err), 'error');
            }
          }}
        />
      ) : null}
    </div>
  );
}
