import { useState, type FormEvent } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/api/contract';
import { ApiError } from '../lib/api';
import { useApi, useCall } from '../lib/hooks';
import { href } from '../lib/router';
import { Field } from '../ui/Field';
import { ErrorBanner } from '../ui/ErrorBanner';

export type Contact = MethodOutput<'contacts.get'>;
type Fields = Omit<MethodInput<'contacts.create'>, 'force' | 'mergeIntoId'>;

const KEYS = ['name', 'title', 'company', 'email', 'phone', 'url', 'metHow', 'addressLines', 'city', 'region', 'postalCode', 'country', 'notes'] as const;
type Key = (typeof KEYS)[number];

export const MISSING_HINT = { email: 'Needed for email notes', address: 'Needed for handwritten cards' } as const;

interface Duplicate {
  id: number;
  label: string;
}

/** The conflict error lists each matching contact as a `duplicate.<id>` field. */
function duplicatesOf(err: ApiError): Duplicate[] {
  return Object.entries(err.fields)
    .filter(([k]) => k.startsWith('duplicate.'))
    .map(([k, label]) => ({ id: Number(k.slice('duplicate.'.length)), label }));
}

export function ContactForm({ existing, onDone, onCancel }: { existing?: Contact; onDone: (c: Contact, how: 'created' | 'merged' | 'saved') => void; onCancel: () => void }) {
  const [f, setF] = useState<Record<Key, string>>(() => Object.fromEntries(KEYS.map((k) => [k, (existing?.[k] as string | null | undefined) ?? ''])) as Record<Key, string>);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<{ message: string; items: Duplicate[] } | null>(null);
  const companies = useApi('companies.list', {});
  const create = useCall('contacts.create');
  const update = useCall('contacts.update');
  const set = (k: Key) => (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value }));

  const body = (): Fields => Object.fromEntries(KEYS.map((k) => [k, k === 'name' ? f.name : f[k].trim() === '' ? null : f[k]])) as unknown as Fields;

  async function save(extra: { force?: boolean; mergeIntoId?: number } = {}) {
    setErrors({});
    setFormError(null);
    try {
      if (existing) onDone(await update.mutateAsync({ id: existing.id, ...body(), force: extra.force }), 'saved');
      else {
        const c = await create.mutateAsync({ ...body(), ...extra });
        onDone(c, extra.mergeIntoId ? 'merged' : 'created');
      }
      setDuplicates(null);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict' && duplicatesOf(err).length) {
        setDuplicates({ message: err.message, items: duplicatesOf(err) });
        setErrors(Object.fromEntries(Object.entries(err.fields).filter(([k]) => !k.startsWith('duplicate.'))));
      } else if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else setFormError(err instanceof Error ? err.message : String(err));
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save();
  }

  const missingEmail = !!existing && !f.email.trim();
  const missingAddress = !!existing && (!f.addressLines.trim() || !f.city.trim());
  const busy = create.isPending || update.isPending;
  const input = (k: Key, label: string, opts: { wide?: boolean; missing?: 'email' | 'address'; placeholder?: string; type?: string; rows?: number; list?: string } = {}) => (
    <Field
      key={k}
      label={label}
      error={errors[k]}
      hint={opts.missing ? MISSING_HINT[opts.missing] : undefined}
      className={[opts.wide ? 'wide' : '', opts.missing ? 'missing' : ''].join(' ')}
    >
      {(p) =>
        opts.rows ? (
          <textarea {...p} name={k} rows={opts.rows} value={f[k]} onChange={set(k)} placeholder={opts.placeholder} />
        ) : (
          <input {...p} name={k} type={opts.type ?? 'text'} value={f[k]} onChange={set(k)} placeholder={opts.placeholder} list={opts.list} autoComplete="off" autoFocus={k === 'name' && !existing} />
        )
      }
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={existing ? 'Edit contact' : 'New contact'} className="contact-form">
      {formError ? (
        <ErrorBanner>
          {formError}
        </ErrorBanner>
      ) : null}
      {duplicates ? (
        <div className="banner warn duplicate-warning" role="alert" aria-label="Possible duplicate">
          <p>{duplicates.message}</p>
          <ul>
            {duplicates.items.map((d) => (
              <li key={d.id}>
                <span className="dup-label">{d.label}</span>
                <span className="row">
                  <a className="button" href={href({ name: 'contact', id: d.id })}>
                    Open the existing one
                  </a>
                  {existing ? null : (
                    <button type="button" className="primary" disabled={busy} onClick={() => void save({ mergeIntoId: d.id })}>
                      Merge into it
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
          <div className="row dup-other">
            <span className="muted">Someone else with the same details?</span>
            <button type="button" disabled={busy} onClick={() => void save({ force: true })}>
              {existing ? 'Save anyway' : 'Create anyway'}
            </button>
          </div>
        </div>
      ) : null}
      <div className="form-grid">
        {input('name', 'Name')}
        {input('title', 'Title', { placeholder: 'Engineering Manager' })}
        {input('company', 'Company', { list: 'contact-company-options' })}
        {input('metHow', 'How and where you met', { placeholder: 'Onsite interview, career fair, referral…' })}
        {input('email', 'Email', { type: 'email', missing: missingEmail ? 'email' : undefined, placeholder: 'name@example.com' })}
        {input('phone', 'Phone', { type: 'tel' })}
        {input('url', 'LinkedIn or web page', { wide: true, placeholder: 'https://www.linkedin.com/in/…' })}
        <fieldset className={`wide address-fields ${missingAddress ? 'missing' : ''}`}>
          <legend>Postal address {missingAddress ? <span className="badge due">{MISSING_HINT.address}</span> : null}</legend>
          <div className="form-grid">
            {input('addressLines', 'Street address', { wide: true, rows: 2 })}
            {input('city', 'City')}
            {input('region', 'State or region')}
            {input('postalCode', 'Postal code')}
            {input('country', 'Country')}
          </div>
        </fieldset>
        {input('notes', 'Notes', { wide: true, rows: 3 })}
      </div>
      <datalist id="contact-company-options">
        {companies.data?.items.map((c) => <option key={c.id} value={c.name} />)}
      </datalist>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {existing ? 'Save changes' : 'Add contact'}
        </button>
      </div>
    </form>
  );
}

/**
 * The details a note still needs (email for email notes, a postal address for cards), on top of
 * the contact page and focused, so a quick capture is completed in seconds.
 */
export function ContactMissing({ contact }: { contact: Contact }) {
  const update = useCall('contacts.update');
  const [f, setF] = useState({
    email: contact.email ?? '',
    addressLines: contact.addressLines ?? '',
    city: contact.city ?? '',
    region: contact.region ?? '',
    postalCode: contact.postalCode ?? '',
    country: contact.country ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value }));
  const t = (v: string) => (v.trim() === '' ? null : v);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    try {
      await update.mutateAsync({
        id: contact.id,
        ...(contact.missingEmail ? { email: t(f.email) } : {}),
        ...(contact.missingAddress
          ? { addressLines: t(f.addressLines), city: t(f.city), region: t(f.region), postalCode: t(f.postalCode), country: t(f.country) }
          : {}),
      });
    } catch (err) {
      if (err instanceof ApiError) setErrors(Object.keys(err.fields).length ? err.fields : { _: err.message });
    }
  }

  if (!contact.missingEmail && !contact.missingAddress) return null;
  return (
    <form className="panel missing-panel" onSubmit={submit} noValidate aria-label="Missing details">
      <div className="row missing-head">
        <div>
          <h2>Missing details</h2>
          <p className="muted">Fill these in so your notes to {contact.name} can go out.</p>
        </div>
        <button type="submit" className="primary" disabled={update.isPending}>
          Save details
        </button>
      </div>
      {errors._ ? (
        <ErrorBanner>
          {errors._}
        </ErrorBanner>
      ) : null}
      <div className={`missing-grid ${contact.missingEmail ? 'with-email' : ''}`}>
        {contact.missingEmail ? (
          <Field label="Email" error={errors.email} hint={MISSING_HINT.email} className="missing missing-email">
            {(p) => <input {...p} name="missingEmail" type="email" value={f.email} onChange={set('email')} placeholder="name@example.com" autoFocus />}
          </Field>
        ) : null}
        {contact.missingAddress ? (
          <>
            <Field label="Street address" error={errors.addressLines} hint={MISSING_HINT.address} className="missing missing-street">
              {(p) => <input {...p} name="missingAddressLines" value={f.addressLines} onChange={set('addressLines')} autoFocus={!contact.missingEmail} />}
            </Field>
            <Field label="City" error={errors.city} className="missing">
              {(p) => <input {...p} name="missingCity" value={f.city} onChange={set('city')} />}
            </Field>
            <Field label="State or region" error={errors.region}>
              {(p) => <input {...p} name="missingRegion" value={f.region} onChange={set('region')} />}
            </Field>
            <Field label="Postal code" error={errors.postalCode}>
              {(p) => <input {...p} name="missingPostalCode" value={f.postalCode} onChange={set('postalCode')} />}
            </Field>
            <Field label="Country" error={errors.country}>
              {(p) => <input {...p} name="missingCountry" value={f.country} onChange={set('country')} />}
            </Field>
          </>
        ) : null}
      </div>
    </form>
  );
}
