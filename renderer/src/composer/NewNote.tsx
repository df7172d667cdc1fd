// Starting a note from an application or a contact: who it is for, what kind, how it goes out.
import { useState, type FormEvent } from 'react';
import { CONTACT_ROLE_LABELS, NOTE_KINDS, NOTE_KIND_LABELS, STAGE_LABELS, type Delivery, type NoteKind } from '../../../electron/shared/domain';
import { formatDate } from '../lib/format';
import { ApiError } from '../lib/api';
import { useApi, useCall } from '../lib/hooks';
import { href, navigate } from '../lib/router';
import { Field } from '../ui/Field';
import { NotesLog } from '../notes/NotesLog';
import { ErrorBanner } from '../ui/ErrorBanner';

export function NewNote({ target, id }: { target: 'application' | 'contact'; id: number }) {
  const input = target === 'application' ? { applicationId: id } : { contactId: id };
  const opts = useApi('notes.composeOptions', input);
  const settings = useApi('settings.get', {});
  const create = useCall('notes.create');
  const [contactId, setContactId] = useState<number | null>(target === 'contact' ? id : null);
  const [applicationId, setApplicationId] = useState<number | null>(target === 'application' ? id : null);
  const [interviewChoice, setInterviewChoice] = useState<number | 'none' | null>(null);
  const [kind, setKind] = useState<NoteKind | null>(null);
  const [delivery, setDelivery] = useState<Delivery | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  if (opts.error)
    return (
      <div className="page">
        <ErrorBanner>
          {opts.error.message}
        </ErrorBanner>
        <a href={href({ name: 'today' })}>Back to Today</a>
      </div>
    );
  if (!opts.data || !settings.data) return <div className="page muted">Loading…</div>;
  const o = opts.data;
  const app = o.applications.find((a) => a.id === applicationId) ?? null;
  const contact = o.contacts.find((c) => c.id === contactId) ?? null;
  const interviews = o.interviews.filter((i) => i.applicationId === applicationId);
  // Unless chosen, the latest interview where the user met this person (its debrief feeds the note).
  const interviewId = interviewChoice === 'none' ? null : (interviewChoice ?? interviews.find((i) => contactId !== null && i.contactIds.includes(contactId))?.id ?? null);
  // Thank-yous are already owed per interview; a note started by hand is most often a follow-up, or the
  // gracious note after a rejection.
  const effectiveKind: NoteKind = kind ?? (app?.stage === 'rejected' ? 'after_rejection' : 'follow_up');
  const effectiveDelivery: Delivery = delivery ?? settings.data.defaultDelivery;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    if (!contactId) return setErrors({ contactId: 'Choose who the note is for.' });
    try {
      const note = await create.mutateAsync({ kind: effectiveKind, contactId, applicationId, interviewId, delivery: effectiveDelivery });
      navigate({ name: 'compose', target: 'note', id: note.id });
    } catch (err) {
      setErrors(err instanceof ApiError ? { ...err.fields, _: err.message } : { _: String(err) });
    }
  }

  const back = target === 'application' ? { name: 'application' as const, id } : { name: 'contact' as const, id };
  const title = target === 'application' && app ? `${app.role} at ${app.company}` : (contact?.name ?? '');
  return (
    <div className="page composer">
      <div className="page-header">
        <a href={href(back)} className="button ghost">
          ← Back
        </a>
        <h1>
          New note <span className="muted">· {title}</span>
        </h1>
      </div>
      <form className="panel new-note" onSubmit={submit} noValidate aria-label="New note">
        {errors._ ? (
          <ErrorBanner>
            {errors._}
          </ErrorBanner>
        ) : null}
        <div className="form-grid">
          <Field label="To" error={errors.contactId} hint={o.contacts.length === 0 ? 'No contacts on this application yet: add the people you met on an interview.' : undefined}>
            {(p) => (
              <select {...p} value={contactId ?? ''} onChange={(e) => setContactId(e.target.value ? Number(e.target.value) : null)} disabled={target === 'contact'}>
                <option value="">Choose a person…</option>
                {o.contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                    {c.roles.length ? ` (${c.roles.map((r) => CONTACT_ROLE_LABELS[r]).join(', ')})` : ''}
                    {!c.email ? ' · no email' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Application" error={errors.applicationId}>
            {(p) => (
              <select
                {...p}
                value={applicationId ?? ''}
                disabled={target === 'application'}
                onChange={(e) => {
                  setApplicationId(e.target.value ? Number(e.target.value) : null);
                  setInterviewChoice(null);
                }}
              >
                <option value="">None</option>
                {o.applications.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.role} at {a.company} ({STAGE_LABELS[a.stage]})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="About the interview" error={errors.interviewId} hint="Its debrief feeds the merge fields and the checks.">
            {(p) => (
              <select {...p} value={interviewId ?? ''} disabled={interviews.length === 0} onChange={(e) => setInterviewChoice(e.target.value ? Number(e.target.value) : 'none')}>
                <option value="">{interviews.length ? 'None' : 'No interviews'}</option>
                {interviews.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.round ?? 'Interview'} on {formatDate(i.startAt)}
                    {contactId && i.contactIds.includes(contactId) ? ' (met them)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Kind" error={errors.kind}>
            {(p) => (
              <select {...p} value={effectiveKind} onChange={(e) => setKind(e.target.value as NoteKind)}>
                {NOTE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {NOTE_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field">
            <span className="field-label" id="new-delivery">
              Delivery
            </span>
            <div className="segmented" role="group" aria-labelledby="new-delivery">
              {(['email', 'handwritten'] as const).map((d) => (
                <button key={d} type="button" aria-pressed={effectiveDelivery === d} onClick={() => setDelivery(d)}>
                  {d === 'email' ? 'Email' : 'Handwritten card'}
                </button>
              ))}
            </div>
            {contact && effectiveDelivery === 'email' && !contact.email ? <div className="field-hint">No email address for {contact.name} yet.</div> : null}
            {contact && effectiveDelivery === 'handwritten' && !contact.hasAddress ? <div className="field-hint">No postal address for {contact.name} yet.</div> : null}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            Start the note
          </button>
        </div>
      </form>
      <div className="panel">
        <h2>Notes so far</h2>
        <NotesLog {...input} title="Notes so far" emptyText="Nothing written yet." />
      </div>
    </div>
  );
}
