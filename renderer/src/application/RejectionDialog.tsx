// Shown after an application moves to Rejected: a gracious note to each person keeps the door open,
// and a reminder to reconnect later. Everything here is optional ("Not now").
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { CONTACT_ROLE_LABELS, type Delivery } from '../../../electron/shared/domain';
import { ApiError } from '../lib/api';
import { formatDate, plural } from '../lib/format';
import { useApi, useCall } from '../lib/hooks';
import { href, navigate } from '../lib/router';
import { Field } from '../ui/Field';
import { Modal } from '../ui/Modal';
import { ErrorBanner } from '../ui/ErrorBanner';

type Prepared = MethodOutput<'rejections.prepare'>;
type Contact = Prepared['contacts'][number];
type Applied = MethodOutput<'rejections.apply'>;

function describe(c: Contact): string {
  const parts = c.roles.filter((r) => r !== 'interviewer').map((r) => CONTACT_ROLE_LABELS[r]);
  if (c.interviews > 0) parts.push(c.interviews === 1 ? 'Interviewed you' : `Interviewed you ${c.interviews} times`);
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
  const [chosen, setChosen] = useState<Set<number> | null>(null);
  const [delivery, setDelivery] = useState<Delivery | null>(null);
  const [remind, setRemind] = useState(true);
  const [days, setDays] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Applied | null>(null);
  const apply = useCall('rejections.apply');

  // Defaults arrive with the data: everyone who has no note yet, the usual delivery, the usual wait.
  useEffect(() => {
    if (!p) return;
    setChosen((cur) => cur ?? new Set(p.contacts.filter((c) => !c.existingNote).map((c) => c.contactId)));
    setDelivery((cur) => cur ?? p.defaultDelivery);
    setDays((cur) => cur ?? String(p.reconnectDays));
  }, [p]);

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

  const submit = async () => {
    if (!p || !chosen || !delivery) return;
    const n = Number(days);
    if (remind && (!Number.isInteger(n) || n < 1)) return setErrors({ reconnectInDays: 'Enter a whole number of days, 1 or more.' });
    setBusy(true);
    setErrors({});
    try {
      const res = await apply.mutateAsync({
        applicationId,
        contactIds: p.contacts.filter((c) => chosen.has(c.contactId)).map((c) => c.contactId),
        delivery,
        reconnectInDays: remind ? n : null,
      });
      setResult(res);
    } catch (err) {
      if (err instanceof ApiError) setErrors(Object.keys(err.fields).length ? err.fields : { _: err.message });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: number) =>
    setChosen((cur) => {
      const next = new Set(cur);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const writable = p?.contacts.filter((c) => !c.existingNote) ?? [];
  const count = writable.filter((c) => chosen?.has(c.contactId)).length;

  return (
    <Modal title={title} onClose={onClose}>
      <p className="rejection-why">A gracious note keeps the door open: no is not forever.</p>
      {prepared.error ? <ErrorBanner>{prepared.error.message}</ErrorBanner> : null}
      {!p ? (
        prepared.isLoading ? <p className="muted">Loading…</p> : null
      ) : (
        <form className="rejection-form" aria-label="After the rejection" onSubmit={(e) => (e.preventDefault(), void submit())} noValidate>
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
                  const warn = missing(c, delivery ?? p.defaultDelivery);
                  const id = `rej-contact-${c.contactId}`;
                  return (
                    <li key={c.contactId}>
                      <input
                        id={id}
                        type="checkbox"
                        checked={c.existingNote ? false : (chosen?.has(c.contactId) ?? false)}
                        disabled={!!c.existingNote}
                        onChange={() => toggle(c.contactId)}
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
            {errors.contactIds ? <div className="field-error" role="alert">{errors.contactIds}</div> : null}
          </fieldset>
          <div className="rejection-options">
            <div className="field">
              <span className="field-label" id="rej-delivery">
                Delivery
              </span>
              <div className="segmented" role="group" aria-labelledby="rej-delivery">
                <button type="button" aria-pressed={delivery === 'email'} onClick={() => setDelivery('email')}>
                  Email
                </button>
                <button type="button" aria-pressed={delivery === 'handwritten'} onClick={() => setDelivery('handwritten')}>
                  Handwritten card
                </button>
              </div>
            </div>
            <div className="reconnect">
              <label className="row">
                <input type="checkbox" checked={remind} onChange={(e) => setRemind(e.target.checked)} />
                Remind me to reconnect
              </label>
              <Field label="In how many days" error={errors.reconnectInDays}>
                {(fp) => <input {...fp} type="number" min={1} step={1} disabled={!remind} value={days ?? ''} onChange={(e) => setDays(e.target.value)} />}
              </Field>
            </div>
          </div>
          {errors._ ? <ErrorBanner>{errors._}</ErrorBanner> : null}
          <div className="form-actions">
            <button type="button" onClick={onClose}>
              Not now
            </button>
            <button type="submit" className="primary" disabled={busy || (count === 0 && !remind)}>
              {count > 0 ? `Prepare ${plural(count, 'note')}` : 'Set the reminder'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
