import { useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/api/contract';
import { ApiError } from '../lib/api';
import { useApi, useCall } from '../lib/hooks';
import { useServerForm } from '../lib/forms';
import { href } from '../lib/router';
import { Field } from '../ui/Field';
import { ErrorBanner } from '../ui/ErrorBanner';
import { NAME_ORDERS, type NameOrder } from '../../../electron/shared/domain';
import { displayName, guessNameOrder } from '../../../electron/shared/names';
import { ChannelFields, channelBody, channelRows, type ChannelValues } from './ChannelFields';

export type Contact = MethodOutput<'contacts.get'>;
type Fields = Omit<MethodInput<'contacts.update'>, 'id' | 'force'>;

const KEYS = ['name', 'givenName', 'familyName', 'title', 'company', 'url', 'metHow', 'notes'] as const;
type Key = (typeof KEYS)[number];

export const MISSING_HINT = { email: 'Needed for email notes', address: 'Needed for handwritten cards' } as const;
const ORDER_WORDS: Record<NameOrder, string> = { given_first: 'Given name first', family_first: 'Family name first' };

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

type Values = Record<Key, string> & ChannelValues & { nameOrder: NameOrder };

export function ContactForm({ existing, onDone, onCancel }: { existing?: Contact; onDone: (c: Contact, how: 'created' | 'merged' | 'saved') => void; onCancel: () => void }) {
  const form = useServerForm<Values>({
    ...(Object.fromEntries(KEYS.map((k) => [k, (existing?.[k] as string | null | undefined) ?? ''])) as Record<Key, string>),
    nameOrder: existing?.nameOrder ?? 'given_first',
    ...channelRows(existing),
  });
  const { register, fieldError: errorOf } = form;
  const f = form.watch();
  const [duplicates, setDuplicates] = useState<{ message: string; items: Duplicate[] } | null>(null);
  // The order follows the script typed (CJK: family name first) until the person picks one.
  const [orderChosen, setOrderChosen] = useState(!!existing && (existing.givenName !== null || existing.familyName !== null || existing.nameOrder === 'family_first'));
  const companies = useApi('companies.list', {});
  const create = useCall('contacts.create');
  const update = useCall('contacts.update');
  const nameOrder: NameOrder = orderChosen ? f.nameOrder : guessNameOrder(f.givenName, f.familyName, f.name);
  // With either part filled the display name is derived (the server does the same).
  const derived = displayName({ givenName: f.givenName, familyName: f.familyName, nameOrder });

  const body = (v: Values): Fields => ({
    ...(Object.fromEntries(KEYS.map((k) => [k, v[k].trim() === '' ? null : v[k]])) as Record<Key, string | null>),
    name: derived ?? v.name,
    nameOrder,
    ...channelBody(v),
  });

  const save = (extra: { force?: boolean; mergeIntoId?: number } = {}) =>
    form.handleSubmit(async (v) => {
      try {
        if (existing) onDone(await update.mutateAsync({ id: existing.id, ...body(v), force: extra.force }), 'saved');
        else {
          const { name, ...rest } = body(v);
          const c = await create.mutateAsync({ ...rest, name: name ?? undefined, ...extra });
          onDone(c, extra.mergeIntoId ? 'merged' : 'created');
        }
        setDuplicates(null);
      } catch (err) {
        // A possible duplicate is a question for the person (the warning below), not a field error.
        if (err instanceof ApiError && err.code === 'conflict' && duplicatesOf(err).length) {
          setDuplicates({ message: err.message, items: duplicatesOf(err) });
          const rest = Object.fromEntries(Object.entries(err.fields).filter(([k]) => !k.startsWith('duplicate.')));
          if (Object.keys(rest).length > 0) form.fail(new ApiError({ code: err.code, message: err.message, fields: rest }));
        } else form.fail(err);
      }
    });

  const missingEmail = !!existing && !f.emails.some((e) => e.address.trim());
  const missingAddress = !!existing && !f.addresses.some((a) => a.lines.trim() && a.city.trim());
  const busy = create.isPending || update.isPending;
  const channelProps = { control: form.control, register, watch: form.watch, setValue: form.setValue, errorOf };
  const input = (k: Key, label: string, opts: { wide?: boolean; placeholder?: string; type?: string; rows?: number; list?: string; hint?: string } = {}) => (
    <Field key={k} label={label} error={errorOf(k)} hint={opts.hint} className={opts.wide ? 'wide' : ''}>
      {(p) =>
        opts.rows ? (
          <textarea {...p} {...register(k)} rows={opts.rows} placeholder={opts.placeholder} />
        ) : (
          <input {...p} {...register(k)} type={opts.type ?? 'text'} placeholder={opts.placeholder} list={opts.list} autoComplete="off" autoFocus={k === 'givenName' && !existing} />
        )
      }
    </Field>
  );

  return (
    <form id={form.formId} onSubmit={(e) => void save()(e)} noValidate aria-label={existing ? 'Edit contact' : 'New contact'} className="contact-form">
      <ErrorBanner error={form.rootError} />
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
                    <button type="button" className="primary" disabled={busy} onClick={() => void save({ mergeIntoId: d.id })()}>
                      Merge into it
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
          <div className="row dup-other">
            <span className="muted">Someone else with the same details?</span>
            <button type="button" disabled={busy} onClick={() => void save({ force: true })()}>
              {existing ? 'Save anyway' : 'Create anyway'}
            </button>
          </div>
        </div>
      ) : null}
      <div className="form-grid">
        <div className="wide name-fields">
          {input('givenName', 'Given name')}
          {input('familyName', 'Family name')}
          <Field label="Name order" error={errorOf('nameOrder')}>
            {(p) => (
              <select
                {...p}
                value={nameOrder}
                onChange={(e) => {
                  setOrderChosen(true);
                  form.setValue('nameOrder', e.target.value as NameOrder, { shouldDirty: true });
                }}
              >
                {NAME_ORDERS.map((o) => (
                  <option key={o} value={o}>
                    {ORDER_WORDS[o]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {derived !== null ? (
          <Field label="Name" hint="Shown in lists and search; made from the given and family name" className="derived-name">
            {(p) => <input {...p} value={derived} readOnly />}
          </Field>
        ) : (
          input('name', 'Name', { placeholder: 'As you would write it', hint: 'Or fill in the given and family name above' })
        )}
        {input('title', 'Title', { placeholder: 'Engineering Manager' })}
        {input('company', 'Company', { list: 'contact-company-options' })}
        {input('metHow', 'How and where you met', { placeholder: 'Onsite interview, career fair, referral…' })}
        <ChannelFields kind="emails" legend="Emails" {...channelProps} hint={missingEmail ? MISSING_HINT.email : undefined} missing={missingEmail} />
        <ChannelFields kind="phones" legend="Phones" {...channelProps} />
        <ChannelFields kind="addresses" legend="Postal addresses" {...channelProps} hint={missingAddress ? MISSING_HINT.address : undefined} missing={missingAddress} />
        {input('url', 'LinkedIn or web page', { wide: true, placeholder: 'https://www.linkedin.com/in/…' })}
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
  const form = useServerForm({
    email: contact.email ?? '',
    addressLines: contact.addressLines ?? '',
    city: contact.city ?? '',
    region: contact.region ?? '',
    postalCode: contact.postalCode ?? '',
    country: contact.country ?? '',
  });
  const { register, fieldError: errorOf } = form;
  const t = (v: string) => (v.trim() === '' ? null : v);

  const submit = form.onSubmit(async (f) => {
    await update.mutateAsync({
      id: contact.id,
      ...(contact.missingEmail ? { email: t(f.email) } : {}),
      ...(contact.missingAddress ? { addressLines: t(f.addressLines), city: t(f.city), region: t(f.region), postalCode: t(f.postalCode), country: t(f.country) } : {}),
    });
  });

  if (!contact.missingEmail && !contact.missingAddress) return null;
  return (
    <form id={form.formId} className="panel missing-panel" onSubmit={(e) => void submit(e)} noValidate aria-label="Missing details">
      <div className="row missing-head">
        <div>
          <h2>Missing details</h2>
          <p className="muted">Fill these in so your notes to {contact.name} can go out.</p>
        </div>
        <button type="submit" className="primary" disabled={update.isPending}>
          Save details
        </button>
      </div>
      <ErrorBanner error={form.rootError} />
      <div className={`missing-grid ${contact.missingEmail ? 'with-email' : ''}`}>
        {contact.missingEmail ? (
          <Field label="Email" error={errorOf('email')} hint={MISSING_HINT.email} className="missing missing-email">
            {(p) => <input {...p} {...register('email')} type="email" placeholder="name@example.com" autoFocus />}
          </Field>
        ) : null}
        {contact.missingAddress ? (
          <>
            <Field label="Street address" error={errorOf('addressLines')} hint={MISSING_HINT.address} className="missing missing-street">
              {(p) => <input {...p} {...register('addressLines')} autoFocus={!contact.missingEmail} />}
            </Field>
            <Field label="City" error={errorOf('city')} className="missing">
              {(p) => <input {...p} {...register('city')} />}
            </Field>
            <Field label="State or region" error={errorOf('region')}>
              {(p) => <input {...p} {...register('region')} />}
            </Field>
            <Field label="Postal code" error={errorOf('postalCode')}>
              {(p) => <input {...p} {...register('postalCode')} />}
            </Field>
            <Field label="Country" error={errorOf('country')}>
              {(p) => <input {...p} {...register('country')} />}
            </Field>
          </>
        ) : null}
      </div>
    </form>
  );
}
