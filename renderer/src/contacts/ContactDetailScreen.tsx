import { useDeferredValue, useState } from 'react';
import { CHANNEL_LABEL_NAMES, CONTACT_ROLES, CONTACT_ROLE_LABELS, INTERVIEW_KIND_LABELS, type ContactRole } from '../../../electron/shared/domain';
import { formatInZone } from '../../../electron/shared/time';
import { ContactForm, ContactMissing, MISSING_HINT, type Contact } from './ContactForm';
import { ContactMerge } from './ContactMerge';
import { Field } from '../ui/Field';
import { ConfirmDialog } from '../ui/Modal';
import { NotesLog } from '../notes/NotesLog';
import { useToast } from '../ui/Toast';
import { downloadFile } from '../lib/download';
import { formatDate, plural, relative, word } from '../lib/format';
import { useApi, useCall, useNow } from '../lib/hooks';
import { useServerForm } from '../lib/forms';
import { href, navigate } from '../lib/router';
import { ErrorBanner } from '../ui/ErrorBanner';
import { addressText } from './ChannelFields';
import { RepliesPanel } from '../replies/Replies';
import { useStages } from '../lib/stages';

export function ContactDetailScreen({ id }: { id: number }) {
  const contact = useApi('contacts.get', { id });
  const now = useNow();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [merging, setMerging] = useState(false);
  const remove = useCall('contacts.delete');
  const exportCall = useCall('contacts.exportVcf');

  if (contact.isLoading) return <div className="page muted">Loading…</div>;
  if (contact.error || !contact.data)
    return (
      <div className="page">
        <ErrorBanner>
          {contact.error?.message ?? 'Not found.'}
        </ErrorBanner>
        <a href={href({ name: 'contacts' })}>Back to contacts</a>
      </div>
    );
  const c = contact.data;
  const noteCount = c.noteLog.length;

  async function exportVcf() {
    try {
      const res = await exportCall.mutateAsync({ ids: [c.id] });
      downloadFile(res.filename, res.content, 'text/vcard');
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
  }

  async function doDelete() {
    setConfirmDelete(false);
    try {
      const r = await remove.mutateAsync({ id: c.id, confirm: true, noteCount });
      toast(r.notesKept ? `${c.name} deleted; ${plural(r.notesKept, 'note')} kept in your log.` : `${c.name} deleted.`, 'info', { undo: r.undo });
      navigate({ name: 'contacts' });
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
  }

  return (
    <div className="page">
      <div className="page-header">
        <a href={href({ name: 'contacts' })} className="button ghost">
          ← Contacts
        </a>
        <h1>
          {c.name}{' '}
          {c.title || c.company ? <span className="muted contact-sub">{[c.title, c.company ? `at ${c.company}` : null].filter(Boolean).join(' ')}</span> : null}
        </h1>
        <a className="button primary" href={href({ name: 'compose', target: 'contact', id: c.id })}>
          Write a note
        </a>
        <button type="button" onClick={() => void exportVcf()}>
          Export vCard
        </button>
        <button type="button" onClick={() => setMerging(true)}>
          Merge…
        </button>
        <button type="button" onClick={() => setEditing((v) => !v)}>
          {editing ? 'Close editor' : 'Edit'}
        </button>
        <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
          Delete
        </button>
      </div>
      {editing ? null : <ContactMissing key={`${c.id}-${c.missingEmail}-${c.missingAddress}`} contact={c} />}
      <div className="detail-grid">
        <div className="panel">
          {editing ? (
            <ContactForm existing={c} onCancel={() => setEditing(false)} onDone={() => (setEditing(false), toast('Saved.'))} />
          ) : (
            <>
              <h2>Details</h2>
              <dl className="facts" aria-label="Contact details">
                {c.givenName || c.familyName ? (
                  <>
                    <dt>Name</dt>
                    <dd>
                      {c.nameOrder === 'family_first'
                        ? `Family name ${c.familyName ?? '—'} · given name ${c.givenName ?? '—'}`
                        : `Given name ${c.givenName ?? '—'} · family name ${c.familyName ?? '—'}`}
                    </dd>
                  </>
                ) : null}
                <dt>{c.emails.length > 1 ? 'Emails' : 'Email'}</dt>
                <dd>
                  {c.emails.length ? (
                    <ul className="channel-list" aria-label="Emails">
                      {c.emails.map((e) => (
                        <li key={e.id}>
                          <span className="channel-label">{CHANNEL_LABEL_NAMES[e.label]}</span>
                          <a href={`mailto:${e.address}`}>{e.address}</a>
                          {e.isPrimary && c.emails.length > 1 ? <span className="badge">primary</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="badge due">{MISSING_HINT.email}</span>
                  )}
                </dd>
                <dt>{c.phones.length > 1 ? 'Phones' : 'Phone'}</dt>
                <dd>
                  {c.phones.length ? (
                    <ul className="channel-list" aria-label="Phones">
                      {c.phones.map((p) => (
                        <li key={p.id}>
                          <span className="channel-label">{CHANNEL_LABEL_NAMES[p.label]}</span>
                          {p.number}
                          {p.isPrimary && c.phones.length > 1 ? <span className="badge">primary</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </dd>
                <dt>{c.addresses.length > 1 ? 'Postal addresses' : 'Postal address'}</dt>
                <dd>
                  {c.addresses.length ? (
                    <ul className="channel-list" aria-label="Postal addresses">
                      {c.addresses.map((a) => (
                        <li key={a.id}>
                          <span className="channel-label">{CHANNEL_LABEL_NAMES[a.label]}</span>
                          <address>{addressText(a)}</address>
                          {a.isPrimary && c.addresses.length > 1 ? <span className="badge">primary</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {c.missingAddress ? <span className="badge">{MISSING_HINT.address}</span> : null}
                </dd>
                <dt>Company</dt>
                <dd>{c.company ?? '—'}</dd>
                <dt>Title</dt>
                <dd>{c.title ?? '—'}</dd>
                <dt>Link</dt>
                <dd>
                  {c.url ? (
                    <a href={c.url} target="_blank" rel="noreferrer noopener">
                      {c.url}
                    </a>
                  ) : (
                    '—'
                  )}
                </dd>
                <dt>How you met</dt>
                <dd>{c.metHow ?? '—'}</dd>
                <dt>Notes</dt>
                <dd>{c.notes ?? '—'}</dd>
                <dt>Last contact</dt>
                <dd>{c.lastInteractionAt ? `${formatDate(c.lastInteractionAt)} (${relative(c.lastInteractionAt, now)})` : '—'}</dd>
              </dl>
            </>
          )}
        </div>
        <div className="today-col">
          <RepliesPanel filter={{ contactId: c.id }} title={`Replies from ${c.name}`} />
          <Roles contact={c} />
          <div className="panel">
            <h2>
              Interviews<span className="count">{c.interviews.length || ''}</span>
            </h2>
            {c.interviews.length ? (
              <ul className="item-list" aria-label="Interviews">
                {c.interviews.map((i) => (
                  <li key={i.id}>
                    <div className="item-main">
                      <a href={href({ name: 'interview', id: i.id })}>
                        <strong>
                          {i.company} · {i.round ?? `${INTERVIEW_KIND_LABELS[i.kind]} interview`}
                        </strong>
                      </a>
                      <span className="sub">
                        {i.role} · {formatInZone(i.startAt, i.timeZone)}
                      </span>
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="section-empty">No interviews with {c.name} yet.</p>
            )}
          </div>
        </div>
      </div>
      <div className="panel">
        <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
          <h2 style={{ margin: 0 }}>Notes to {c.name}</h2>
          <a className="button" href={href({ name: 'compose', target: 'contact', id: c.id })}>
            Write a note
          </a>
        </div>
        <NotesLog contactId={c.id} title={`Notes to ${c.name}`} emptyText={`Nothing written to ${c.name} yet.`} />
      </div>
      {merging ? <ContactMerge keep={c} onClose={() => setMerging(false)} /> : null}
      {confirmDelete ? (
        <ConfirmDialog
          title={`Delete ${c.name}?`}
          message={
            <>
              <p>
                {c.name} will be removed from your contacts
                {c.interviews.length || c.roles.length ? ', along with their place in interviews and their roles on applications' : ''}.
              </p>
              {noteCount ? (
                <p>
                  <strong>{plural(noteCount, 'note')}</strong> to {c.name} {word(noteCount, 'is', 'are')} kept in your notes log, still addressed to {c.name}.
                </p>
              ) : null}
            </>
          }
          confirmLabel={noteCount ? `Delete contact, keep ${plural(noteCount, 'note')}` : 'Delete contact'}
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => void doDelete()}
        />
      ) : null}
    </div>
  );
}

function Roles({ contact: c }: { contact: Contact }) {
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const removeRole = useCall('contacts.removeRole');
  const stages = useStages();
  return (
    <div className="panel">
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
        <h2 style={{ margin: 0 }}>Applications</h2>
        {adding ? null : (
          <button type="button" onClick={() => setAdding(true)}>
            Add a role
          </button>
        )}
      </div>
      {c.roles.length ? (
        <ul className="item-list" aria-label="Roles on applications">
          {c.roles.map((r) => (
            <li key={`${r.applicationId}-${r.role}`}>
              <div className="item-main">
                <a href={href({ name: 'application', id: r.applicationId })}>
                  <strong>{CONTACT_ROLE_LABELS[r.role]}</strong> · {r.company}
                </a>
                <span className="sub">
                  {r.applicationRole} · {stages.name(r.stage)}
                </span>
              </div>
              <button
                type="button"
                className="ghost"
                aria-label={`Remove ${CONTACT_ROLE_LABELS[r.role]} at ${r.company}`}
                onClick={() => removeRole.mutateAsync({ applicationId: r.applicationId, contactId: c.id, role: r.role }).catch((err: Error) => toast(err.message, 'error'))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : adding ? null : (
        <p className="section-empty">Not linked to an application yet. Say who recruited, interviewed or referred you.</p>
      )}
      {adding ? <AddRole contact={c} onDone={() => setAdding(false)} /> : null}
    </div>
  );
}

function AddRole({ contact: c, onDone }: { contact: Contact; onDone: () => void }) {
  const [search, setSearch] = useState(c.company ?? '');
  const deferred = useDeferredValue(search.trim());
  const apps = useApi('applications.list', { search: deferred || undefined, limit: 20 }, { placeholderData: (prev) => prev });
  // The application is '' until chosen: then the first that matches the search is meant.
  const form = useServerForm<{ applicationId: string; role: ContactRole }>({ applicationId: '', role: 'interviewer' });
  const { register, setValue, fieldError: errorOf } = form;
  const setRoleCall = useCall('contacts.setRole');
  const stages = useStages();
  const options = apps.data?.items ?? [];
  const chosen = form.watch('applicationId');
  const selected = chosen ? Number(chosen) : (options[0]?.id ?? null);

  const submit = form.onSubmit(async ({ role }) => {
    if (selected === null) {
      form.setError('applicationId', { type: 'required', message: 'Choose an application.' });
      return;
    }
    await setRoleCall.mutateAsync({ applicationId: selected, contactId: c.id, role });
    onDone();
  });

  return (
    <form id={form.formId} onSubmit={(e) => void submit(e)} className="add-role" aria-label="Add a role" noValidate>
      <ErrorBanner error={form.rootError} />
      <div className="form-grid">
        <Field label="Find the application" className="wide">
          {(p) => <input {...p} type="search" value={search} onChange={(e) => (setSearch(e.target.value), setValue('applicationId', ''))} placeholder="Company or role" autoFocus />}
        </Field>
        <Field label="Application" error={errorOf('applicationId')} className="wide">
          {(p) => (
            <select {...p} value={selected ?? ''} onChange={(e) => setValue('applicationId', e.target.value)} disabled={options.length === 0}>
              {options.length === 0 ? <option value="">No application matches</option> : null}
              {options.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.company} — {a.role} ({stages.name(a.stage)})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Their role" error={errorOf('role')}>
          {(p) => (
            <select {...p} {...register('role')}>
              {CONTACT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {CONTACT_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        {/* Until the first list of applications arrives there is nothing to add to: a quick click would
            be told to choose an application that is about to appear. */}
        <button type="submit" className="primary" disabled={setRoleCall.isPending || !apps.data}>
          Add role
        </button>
      </div>
    </form>
  );
}
