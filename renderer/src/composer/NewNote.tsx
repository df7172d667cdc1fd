// Starting a note from an application or a contact: who it is for, what kind, how it goes out.
import type { MethodOutput } from '../../../electron/api/contract';
import { CONTACT_ROLE_LABELS, NOTE_KINDS, NOTE_KIND_LABELS, type Delivery, type NoteKind } from '../../../electron/shared/domain';
import { formatDate, list } from '../lib/format';
import { useServerForm } from '../lib/forms';
import { useApi, useCall } from '../lib/hooks';
import { href, navigate } from '../lib/router';
import { Field } from '../ui/Field';
import { NotesLog } from '../notes/NotesLog';
import { ErrorBanner } from '../ui/ErrorBanner';
import { useStages } from '../lib/stages';

type Options = MethodOutput<'notes.composeOptions'>;

export function NewNote({ target, id }: { target: 'application' | 'contact'; id: number }) {
  const input = target === 'application' ? { applicationId: id } : { contactId: id };
  const opts = useApi('notes.composeOptions', input);
  const settings = useApi('settings.get', {});

  if (opts.error)
    return (
      <div className="page">
        <ErrorBanner error={opts.error} />
        <a href={href({ name: 'today' })}>Back to Today</a>
      </div>
    );
  if (!opts.data || !settings.data) return <div className="page muted">Loading…</div>;
  return <NewNoteForm target={target} id={id} o={opts.data} defaultDelivery={settings.data.defaultDelivery} />;
}

// The selects hold ids as strings; '' is "none". Kind, delivery and interview start as '' ("not chosen"):
// their shown value follows the application and the person until the user picks one.
type Values = { contactId: string; applicationId: string; interviewId: string | 'none'; kind: NoteKind | ''; delivery: Delivery | '' };

function NewNoteForm({ target, id, o, defaultDelivery }: { target: 'application' | 'contact'; id: number; o: Options; defaultDelivery: Delivery }) {
  const input = target === 'application' ? { applicationId: id } : { contactId: id };
  const create = useCall('notes.create');
  const stages = useStages();
  const form = useServerForm<Values>({
    contactId: target === 'contact' ? String(id) : '',
    applicationId: target === 'application' ? String(id) : '',
    interviewId: '',
    kind: '',
    delivery: '',
  });
  const { register, setValue, fieldError: errorOf } = form;
  const v = form.watch();
  const contactId = v.contactId ? Number(v.contactId) : null;
  const applicationId = v.applicationId ? Number(v.applicationId) : null;
  const app = o.applications.find((a) => a.id === applicationId) ?? null;
  const contact = o.contacts.find((c) => c.id === contactId) ?? null;
  const interviews = o.interviews.filter((i) => i.applicationId === applicationId);
  // Unless chosen, the latest interview where the user met this person (its debrief feeds the note).
  const interviewId =
    v.interviewId === 'none' ? null : v.interviewId ? Number(v.interviewId) : (interviews.find((i) => contactId !== null && i.contactIds.includes(contactId))?.id ?? null);
  // Thank-yous are already owed per interview; a note started by hand is most often a follow-up, or the
  // gracious note after a rejection.
  const effectiveKind: NoteKind = v.kind || (app && stages.kind(app.stage) === 'rejected' ? 'after_rejection' : 'follow_up');
  const effectiveDelivery: Delivery = v.delivery || defaultDelivery;

  const submit = form.onSubmit(async () => {
    const note = await create.mutateAsync({ kind: effectiveKind, contactId: contactId!, applicationId, interviewId, delivery: effectiveDelivery });
    navigate({ name: 'compose', target: 'note', id: note.id });
  });

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
      <form id={form.formId} className="panel new-note" onSubmit={(e) => void submit(e)} noValidate aria-label="New note">
        <ErrorBanner error={form.rootError} />
        <div className="form-grid">
          <Field label="To" error={errorOf('contactId')} hint={o.contacts.length === 0 ? 'No contacts on this application yet: add the people you met on an interview.' : undefined}>
            {(p) => (
              <select {...p} {...register('contactId', { validate: (c) => c !== '' || 'Choose who the note is for.' })} disabled={target === 'contact'}>
                <option value="">Choose a person…</option>
                {o.contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                    {c.roles.length ? ` (${list(c.roles.map((r) => CONTACT_ROLE_LABELS[r]))})` : ''}
                    {!c.email ? ' · no email' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Application" error={errorOf('applicationId')}>
            {(p) => (
              <select {...p} {...register('applicationId', { onChange: () => setValue('interviewId', '') })} disabled={target === 'application'}>
                <option value="">None</option>
                {o.applications.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.role} at {a.company} ({stages.name(a.stage)})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="About the interview" error={errorOf('interviewId')} hint="Its debrief feeds the merge fields and the checks.">
            {(p) => (
              <select {...p} value={interviewId ?? ''} disabled={interviews.length === 0} onChange={(e) => setValue('interviewId', e.target.value || 'none')}>
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
          <Field label="Kind" error={errorOf('kind')}>
            {(p) => (
              <select {...p} value={effectiveKind} onChange={(e) => setValue('kind', e.target.value as NoteKind)}>
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
                <button key={d} type="button" aria-pressed={effectiveDelivery === d} onClick={() => setValue('delivery', d)}>
                  {d === 'email' ? 'Email' : 'Handwritten card'}
                </button>
              ))}
            </div>
            {errorOf('delivery') ? (
              <div className="field-error" role="alert">
                {errorOf('delivery')}
              </div>
            ) : null}
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
