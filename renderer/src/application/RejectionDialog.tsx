// Shown after an application moves to Rejected: a gracious note to each person keeps the door open,
// and a reminder to reconnect later. Everything here is optional ("Not now").
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { CONTACT_ROLE_LABELS, type Delivery } from '../../../electron/shared/domain';
import { formatDate, plural } from '../lib/format';
import { useApi, useCall } from '../lib/hooks';
import { useServerForm } from '../lib/forms';
import { href, navigate } from '../lib/router';
import { Field } from '../ui/Field';
import { Modal } from '../ui/Modal';
import { ErrorBanner } from '../ui/ErrorBanner';

type Prepared = MethodOutput<'rejections.prepare'>;
type Contact = Prepared['contacts'][number];
type Applied = MethodOutput<'rejections.apply'>;

function describe(c: Contact): string {
  const parts = c.roles.filter((r) => r !== 'interviewer').map((r) => CONTACT_ROLE_LABELS[r]);
  if (c.interviews > 0) parts.push(c.interviews === 1 ? 'Interviewed you' : `Interviewed you ${plural(c.interviews, 'time')}`);
  else if (c.roles.includes('interviewer')) parts.push('Interviewer');
  return parts.join(' · ');
}

function missing(c: Contact, delivery: Delivery): string | null {
  if (delivery === 'email' && !c.hasEmail) return 'No email address yet: add it before sending.';
  if (delivery === 'handwritten' && !c.hasAddress) return 'No postal address yet: add it before mailing.';
  return null;
}

export function RejectionDialog({ applicationId, onClose }: { applicationId: number; onClose: () => void }) {
  const prepared = useApi('rejections.prepare', { applicationId }, { staleTime: 0 });
  const p = prepared.data;
  const [result, setResult] = useState<Applied | null>(null);

  const title = p ? `Rejected by ${p.application.company}` : 'After a rejection';

  if (result) {
    const first = result.noteIds[0] ?? result.skipped[0]?.noteId;
    return (
      <Modal title={title} onClose={onClose}>
        <div className="rejection-done" role="status">
          <p>
            {result.noteIds.length > 0 ? `${plural(result.noteIds.length, 'gracious note')} drafted` : 'No new notes drafted'}
            {result.skipped.length > 0 ? ` (${plural(result.skipped.length, 'person', 'people')} already had one)` : ''}.
            {result.noteIds.length > 0 ? ' Each is due in two days; make each one your own.' : ''}
          </p>
          {result.reminder ? <p>A reminder to reconnect is set for {formatDate(result.reminder.dueAt)}.</p> : null}
        </div>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          {first ? (
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => {
                onClose();
                navigate({ name: 'compose', target: 'note', id: first });
              }}
            >
              Open the first note
            </button>
          ) : null}
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={title} onClose={onClose}>
      <p className="rejection-why">A gracious note keeps the door open: no is not forever.</p>
      <ErrorBanner error={prepared.error} />
      {!p ? (prepared.isLoading ? <p className="muted">Loading…</p> : null) : <RejectionForm p={p} applicationId={applicationId} onClose={onClose} onApplied={setResult} />}
    </Modal>
  );
}

// The days as typed, so the rule below can explain a bad entry.
type Values = { contactIds: number[]; delivery: Delivery; remind: boolean; reconnectInDays: string };

function RejectionForm({ p, applicationId, onClose, onApplied }: { p: Prepared; applicationId: number; onClose: () => void; onApplied: (r: Applied) => void }) {
  const apply = useCall('rejections.apply');
  // Everyone who has no note yet, the usual delivery, the usual wait.
  const form = useServerForm<Values>({
    contactIds: p.contacts.filter((c) => !c.existingNote).map((c) => c.contactId),
    delivery: p.defaultDelivery,
    remind: true,
    reconnectInDays: String(p.reconnectDays),
  });
  const { register, setValue, fieldError: errorOf } = form;
  const { contactIds, delivery, remind } = form.watch();
  const chosen = new Set(contactIds);
  // Controlled rather than registered: react-hook-form gives one checkbox's value as a string, several as a list.
  const toggle = (id: number) => setValue('contactIds', chosen.has(id) ? contactIds.filter((x) => x !== id) : [...contactIds, id], { shouldDirty: true });

  const submit = form.onSubmit(async (v) => {
    const res = await apply.mutateAsync({
      applicationId,
      contactIds: p.contacts.filter((c) => chosen.has(c.contactId)).map((c) => c.contactId),
      delivery: v.delivery,
      reconnectInDays: v.remind ? Number(v.reconnectInDays) : null,
    });
    onApplied(res);
  });
  const daysRule = (v: string, values: Values) => {
    const n = Number(v);
    return !values.remind || (v.trim() !== '' && Number.isInteger(n) && n >= 1) || 'Enter a whole number of days, 1 or more.';
  };
  const count = p.contacts.filter((c) => !c.existingNote && chosen.has(c.contactId)).length;

  return (
    <form id={form.formId} className="rejection-form" aria-label="After the rejection" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="rejection-section">
        <legend>Write a gracious note to</legend>
        {p.contacts.length === 0 ? (
          <p className="section-empty">
            No one is on this application yet. Add the people you met on the <a href={href({ name: 'application', id: applicationId })}>application page</a>,
            then write to them.
          </p>
        ) : (
          <ul className="rejection-people">
            {p.contacts.map((c) => {
              const warn = missing(c, delivery);
              const id = `rej-contact-${c.contactId}`;
              return (
                <li key={c.contactId}>
                  <input
                    id={id}
                    type="checkbox"
                    checked={c.existingNote ? false : chosen.has(c.contactId)}
                    onChange={() => toggle(c.contactId)}
                    disabled={!!c.existingNote}
                    aria-invalid={!!errorOf('contactIds')}
                  />
                  <label htmlFor={id} className="item-main">
                    <span>
                      {c.name}
                      {c.title ? <span className="muted">, {c.title}</span> : null}
                    </span>
                    <span className="sub">{describe(c)}</span>
                    {c.existingNote ? (
                      <span className="sub">
                        Already has a note ({c.existingNote.status}).{' '}
                        <a href={href({ name: 'compose', target: 'note', id: c.existingNote.id })} onClick={onClose}>
                          Open it
                        </a>
                      </span>
                    ) : warn ? (
                      <span className="sub warn-text">{warn}</span>
                    ) : null}
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        {errorOf('contactIds') ? <div className="field-error" role="alert">{errorOf('contactIds')}</div> : null}
      </fieldset>
      <div className="rejection-options">
        <div className="field">
          <span className="field-label" id="rej-delivery">
            Delivery
          </span>
          <div className="segmented" role="group" aria-labelledby="rej-delivery">
            <button type="button" aria-pressed={delivery === 'email'} onClick={() => setValue('delivery', 'email')}>
              Email
            </button>
            <button type="button" aria-pressed={delivery === 'handwritten'} onClick={() => setValue('delivery', 'handwritten')}>
              Handwritten card
            </button>
          </div>
          {errorOf('delivery') ? <div className="field-error" role="alert">{errorOf('delivery')}</div> : null}
        </div>
        <div className="reconnect">
          <label className="row">
            <input type="checkbox" {...register('remind', { onChange: () => form.clearErrors('reconnectInDays') })} />
            Remind me to reconnect
          </label>
          <Field label="In how many days" error={errorOf('reconnectInDays')}>
            {(fp) => <input {...fp} type="number" min={1} step={1} disabled={!remind} {...register('reconnectInDays', { validate: daysRule })} />}
          </Field>
        </div>
      </div>
      <ErrorBanner error={form.rootError} />
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Not now
        </button>
        <button type="submit" className="primary" disabled={form.formState.isSubmitting || (count === 0 && !remind)}>
          {count > 0 ? `Prepare ${plural(count, 'note')}` : 'Set the reminder'}
        </button>
      </div>
    </form>
  );
}
