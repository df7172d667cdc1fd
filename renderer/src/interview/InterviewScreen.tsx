import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { INTERVIEW_KIND_LABELS } from '../../../electron/shared/domain';
import { linkIn } from '../../../electron/shared/url';
import { formatInZone } from '../../../electron/shared/time';
import { ApiError } from '../lib/api';
import { ParticipantPicker } from './ParticipantPicker';
import { Field } from '../ui/Field';
import { InterviewForm } from './InterviewForm';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { downloadFile } from '../lib/download';
import { relative } from '../lib/format';
import { useApi, useCall, useNow } from '../lib/hooks';
import { useServerForm } from '../lib/forms';
import { href, navigate } from '../lib/router';
import { ErrorBanner } from '../ui/ErrorBanner';
import { NoticeOffer } from '../notify/NoticeOffer';

type Interview = MethodOutput<'interviews.get'>;
type Participant = Interview['participants'][number];

// The hints say what fits best where a template puts the value ("the challenge ahead is …", "hearing about
// …"): short phrases in your own words, as the merge-field descriptions in shared/merge.ts ask.
const DEBRIEF: Array<[keyof Pick<Interview, 'topics' | 'challenge' | 'lookingFor' | 'questions' | 'promises' | 'impression'>, string, string]> = [
  ['challenge', 'The challenge they named', 'A short phrase, in your words: “moving 40 services off the monolith”. Your note says how you would meet it.'],
  ['topics', 'Topics discussed', 'Short phrases, one a line. Notes list them in a sentence.'],
  ['lookingFor', 'What they are looking for', 'A short phrase: “someone who has led a migration end to end”.'],
  ['questions', 'Questions they asked', ''],
  ['promises', 'What you promised to send', 'Short phrases: a portfolio link, a code sample, references…'],
  ['impression', 'Your impression', 'For you only.'],
];

/** The hint under each person's field: their part of the conversation goes into the note to them. */
const TALKED_ABOUT_HINT = 'Short phrases: what they said, in your words. Your note to them thanks them for it.';

export function InterviewScreen({ id }: { id: number }) {
  const iv = useApi('interviews.get', { id });
  const now = useNow();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [removing, setRemoving] = useState<Participant | null>(null);
  const remove = useCall('interviews.removeParticipant');
  const del = useCall('interviews.delete');
  const exportCall = useCall('interviews.exportIcs');

  if (iv.isLoading) return <div className="page muted">Loading…</div>;
  if (iv.error || !iv.data)
    return (
      <div className="page">
        <ErrorBanner error={iv.error ?? 'Not found.'} />
        <a href={href({ name: 'today' })}>Back to Today</a>
      </div>
    );
  const i = iv.data;
  const ended = i.endAt <= now;

  async function exportIcs() {
    try {
      const res = await exportCall.mutateAsync({ id: i.id });
      downloadFile(res.filename, res.content, 'text/calendar');
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
  }

  async function removeParticipant(p: Participant, draft?: 'keep' | 'delete') {
    try {
      await remove.mutateAsync({ interviewId: i.id, contactId: p.contactId, draft });
      setRemoving(null);
      toast(`${p.name} removed from this interview.`);
    } catch (err) {
      // A draft thank-you exists: ask what to do with it.
      if (err instanceof ApiError && err.code === 'conflict') setRemoving(p);
      else toast(err instanceof Error ? err.message : String(err), 'error');
    }
  }

  return (
    <div className="page">
      <div className="page-header">
        <a href={href({ name: 'application', id: i.applicationId })} className="button ghost">
          ← {i.company}
        </a>
        <h1>
          {i.round ?? `${INTERVIEW_KIND_LABELS[i.kind]} interview`} <span className="muted">· {i.role}</span>
        </h1>
        <button type="button" onClick={() => setEditing(true)}>
          Reschedule
        </button>
        <button type="button" onClick={() => void exportIcs()}>
          Add to calendar (.ics)
        </button>
        <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
          Delete
        </button>
      </div>
      <div className="row muted">
        <span>{INTERVIEW_KIND_LABELS[i.kind]}</span>·<span>{formatInZone(i.startAt, i.timeZone)}</span>·
        <span>{Math.round((i.endAt - i.startAt) / 60000)} min</span>
        {i.location ? (
          <>
            ·<Location text={i.location} />
          </>
        ) : null}
        <span className={`badge ${ended ? '' : 'ok'}`}>{ended ? `ended ${relative(i.endAt, now)}` : `starts ${relative(i.startAt, now)}`}</span>
      </div>
      {/* Right after scheduling: the moment the thank-yous this interview owes make the reason plain. */}
      {i.participants.length ? <NoticeOffer reason="Everyone you meet here is owed a thank-you within a day. Courtesy can tell you a few hours before each is due, even while you work in another window." /> : null}
      <div className="detail-grid">
        <Debrief interview={i} />
        <div className="panel">
          <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
            <h2 style={{ margin: 0 }}>People you met</h2>
            {i.participants.length ? (
              <a className="button primary" href={href({ name: 'compose', target: 'interview', id: i.id })}>
                Write thank-yous
              </a>
            ) : null}
          </div>
          <p className="muted" style={{ marginTop: 0 }}>
            Each person gets their own note, due {ended ? '' : 'after the interview, '}within a day. Say something that builds on your conversation with them.
          </p>
          <ul className="people" aria-label="Participants">
            {i.participants.map((p) => (
              <li key={p.contactId}>
                <div className="person-head">
                  <span>
                    <a href={href({ name: 'contact', id: p.contactId })}>
                      <strong>{p.name}</strong>
                    </a>
                    {p.title ? <span className="muted"> · {p.title}</span> : null}
                  </span>
                  <button type="button" className="ghost" aria-label={`Remove ${p.name}`} onClick={() => void removeParticipant(p)}>
                    ✕
                  </button>
                </div>
                <div className="row">
                  {p.email ? null : <span className="badge due">no email</span>}
                  {p.hasAddress ? null : <span className="badge">no postal address</span>}
                  {p.thankYouStatus ? <span className={`badge ${p.thankYouStatus === 'draft' ? (ended ? 'due' : '') : 'ok'}`}>thank-you: {p.thankYouStatus}</span> : null}
                  <FollowUpReminder interview={i} participant={p} now={now} />
                </div>
              </li>
            ))}
          </ul>
          <AddParticipant interviewId={i.id} />
          <ParticipantPicker interviewId={i.id} exclude={i.participants.map((p) => p.contactId)} />
        </div>
      </div>
      {editing ? (
        <Modal title="Reschedule interview" onClose={() => setEditing(false)}>
          <InterviewForm applicationId={i.applicationId} existing={i} onCancel={() => setEditing(false)} onDone={() => (setEditing(false), toast('Interview updated.'))} />
        </Modal>
      ) : null}
      {removing ? (
        <Modal title={`Remove ${removing.name}?`} onClose={() => setRemoving(null)}>
          <p>{removing.name} has a draft thank-you for this interview. What should happen to it?</p>
          <div className="form-actions">
            <button type="button" onClick={() => setRemoving(null)}>
              Cancel
            </button>
            <button type="button" onClick={() => void removeParticipant(removing, 'keep')}>
              Keep the draft
            </button>
            <button type="button" className="danger" onClick={() => void removeParticipant(removing, 'delete')}>
              Delete the draft
            </button>
          </div>
        </Modal>
      ) : null}
      {confirmDelete ? (
        <ConfirmDialog
          title="Delete this interview?"
          message={<p>The interview and its debrief will be deleted. Notes you wrote are kept.</p>}
          confirmLabel="Delete interview"
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={async () => {
            setConfirmDelete(false);
            try {
              const r = await del.mutateAsync({ id: i.id, confirm: true });
              toast('Interview deleted.', 'info', { undo: r.undo });
              navigate({ name: 'application', id: i.applicationId });
            } catch (err) {
              toast(err instanceof Error ? err.message : String(err), 'error');
            }
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * "Location or meeting link" as written, with its web address (if any) clickable. The link opens
 * outside the app through the same rule as every external link: a new-window request that the shell
 * hands to the system browser only for http(s) and mailto (host/security.ts safeExternalUrl).
 */
function Location({ text }: { text: string }) {
  const link = linkIn(text);
  if (!link) return <span>{text}</span>;
  return (
    <span>
      {link.before}
      <a href={link.url} target="_blank" rel="noreferrer noopener">
        {link.text}
      </a>
      {link.after}
    </span>
  );
}

const FOLLOW_UP_DAYS = 3;

/** "May I call you with a follow-up question?" A yes becomes a reminder to call, on Today when due. */
function FollowUpReminder({ interview, participant, now }: { interview: Interview; participant: Participant; now: number }) {
  const create = useCall('reminders.create');
  const toast = useToast();
  // The "set" state comes from the reminders themselves, so it survives a reload and another window.
  const existing = useApi('reminders.list', {
    kind: 'follow_up',
    applicationId: interview.applicationId,
    contactId: participant.contactId,
  });
  const open = existing.data?.items[0];
  if (existing.isPending) return null;
  if (open) {
    return (
      <span className="badge ok" title={open.title}>
        call reminder set · {relative(open.dueAt, now)}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="small-button"
      title={`They agreed you may call with a follow-up question: remind me in ${FOLLOW_UP_DAYS} days`}
      disabled={create.isPending}
      onClick={() =>
        create
          .mutateAsync({
            kind: 'follow_up',
            title: `Call ${participant.name} with your follow-up question (${interview.company})`,
            dueAt: now + FOLLOW_UP_DAYS * 86_400_000,
            applicationId: interview.applicationId,
            contactId: participant.contactId,
          })
          .then(
            () => toast(`You will be reminded on Today in ${FOLLOW_UP_DAYS} days.`),
            (err: Error) => toast(err.message, 'error'),
          )
      }
    >
      Remind me to call
    </button>
  );
}

function Debrief({ interview: i }: { interview: Interview }) {
  const toast = useToast();
  const update = useCall('interviews.update');
  // One value per debrief question and one per person (`p<contactId>`); people added later start empty.
  const form = useServerForm<Record<string, string>>(
    {
      ...Object.fromEntries(DEBRIEF.map(([k]) => [k, i[k] ?? ''])),
      ...Object.fromEntries(i.participants.map((p) => [`p${p.contactId}`, p.talkedAbout ?? ''])),
    },
    // The request lists what each person talked about by position: `talkedAbout.2.text` is the third person's.
    { fieldFor: (path) => (/^talkedAbout\.(\d+)/.test(path) ? `p${i.participants[Number(path.split('.')[1])]?.contactId}` : path) },
  );
  const { register, fieldError: errorOf } = form;
  // People added later get their own field (with its starting value, so it is not an unsaved change)
  // without losing what was typed in the others.
  useEffect(() => {
    for (const p of i.participants) {
      const key = `p${p.contactId}`;
      if (form.formState.defaultValues?.[key] === undefined) form.resetField(key, { defaultValue: form.getValues(key) || (p.talkedAbout ?? '') });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i.participants.length]);

  const save = form.onSubmit(async (f) => {
    await update.mutateAsync({
      id: i.id,
      ...Object.fromEntries(DEBRIEF.map(([k]) => [k, f[k] || null])),
      talkedAbout: i.participants.map((p) => ({ contactId: p.contactId, text: f[`p${p.contactId}`] || null })),
    });
    // What was saved is the new starting point, so "Unsaved changes" goes away.
    form.reset(f);
    toast('Debrief saved.');
  });

  return (
    <form id={form.formId} className="panel" onSubmit={(e) => void save(e)} aria-label="Debrief" noValidate>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>Debrief</h2>
        {i.debriefedAt ? <span className="badge ok">debriefed</span> : <span className="badge due">not yet debriefed</span>}
      </div>
      <p className="muted">Write it down while it is fresh: your notes will build on it.</p>
      <ErrorBanner error={form.rootError} />
      <div className="form-grid">
        {DEBRIEF.map(([k, label, hint]) => (
          <Field key={k} label={label} hint={hint || undefined} error={errorOf(k)} className={k === 'challenge' ? 'wide' : ''}>
            {(p) => <textarea {...p} {...register(k)} rows={k === 'challenge' ? 3 : 2} />}
          </Field>
        ))}
        {i.participants.map((p) => (
          <Field key={p.contactId} label={`What ${p.name} talked about`} hint={TALKED_ABOUT_HINT} error={errorOf(`p${p.contactId}`)} className="wide">
            {(props) => <textarea {...props} {...register(`p${p.contactId}`)} rows={2} />}
          </Field>
        ))}
      </div>
      <div className="form-actions">
        {form.formState.isDirty ? <span className="muted">Unsaved changes</span> : null}
        <button type="submit" className="primary" disabled={update.isPending}>
          Save debrief
        </button>
      </div>
    </form>
  );
}

function AddParticipant({ interviewId }: { interviewId: number }) {
  const add = useCall('interviews.addParticipant');
  const form = useServerForm({ name: '', title: '', email: '' }, { fieldFor: (path) => path.replace(/^participant\./, '') });
  const { register, fieldError: errorOf } = form;
  const submit = form.onSubmit(async ({ name, email, title }) => {
    await add.mutateAsync({ interviewId, participant: { name, email: email || null, title: title || null } });
    form.reset();
  });
  return (
    <form id={form.formId} onSubmit={(e) => void submit(e)} aria-label="Add a person" className="quick-capture" noValidate>
      <h3>Add a person you met</h3>
      <ErrorBanner error={form.rootError} />
      <div className="form-grid">
        <Field label="Name" error={errorOf('name')}>
          {(p) => <input {...p} {...register('name')} placeholder="Only the name is needed now" />}
        </Field>
        <Field label="Title" error={errorOf('title')}>
          {(p) => <input {...p} {...register('title')} />}
        </Field>
        <Field label="Email" error={errorOf('email')} className="wide">
          {(p) => <input {...p} {...register('email')} type="email" placeholder="From their business card" />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={add.isPending}>
          Add person
        </button>
      </div>
    </form>
  );
}
