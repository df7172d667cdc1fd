// Editing a contact's emails, phones and postal addresses: one row each, add and remove, a label, and
// "primary" as one radio group per kind. Row paths are the server's (`emails.1.address`), so a field
// error from the API lands beside its row.
import { useFieldArray, type Control, type UseFormRegister, type UseFormSetValue, type UseFormWatch } from 'react-hook-form';
import { ADDRESS_LABELS, CHANNEL_LABEL_NAMES, EMAIL_LABELS, PHONE_LABELS } from '../../../electron/shared/domain';
import { Field } from '../ui/Field';

export interface EmailRow {
  rowId?: number;
  address: string;
  label: string;
  isPrimary: boolean;
}
export interface PhoneRow {
  rowId?: number;
  number: string;
  label: string;
  isPrimary: boolean;
}
export interface AddressRow {
  rowId?: number;
  lines: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  label: string;
  isPrimary: boolean;
}
export interface ChannelValues {
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
}

type Kind = keyof ChannelValues;
const LABELS = { emails: EMAIL_LABELS, phones: PHONE_LABELS, addresses: ADDRESS_LABELS } as const;
const WORD = { emails: 'email', phones: 'phone', addresses: 'address' } as const;
const ADD = { emails: 'Add an email', phones: 'Add a phone', addresses: 'Add an address' } as const;
const BLANK: { [K in Kind]: ChannelValues[K][number] } = {
  // A job search's contacts are mostly reached at work: a new row starts as "work".
  emails: { address: '', label: 'work', isPrimary: false },
  phones: { number: '', label: 'mobile', isPrimary: false },
  addresses: { lines: '', city: '', region: '', postalCode: '', country: '', label: 'work', isPrimary: false },
};

interface Props<T extends ChannelValues> {
  kind: Kind;
  legend: string;
  control: Control<T>;
  register: UseFormRegister<T>;
  watch: UseFormWatch<T>;
  setValue: UseFormSetValue<T>;
  errorOf: (path: string) => string | undefined;
  hint?: string;
  missing?: boolean;
}

export function ChannelFields<T extends ChannelValues>(props: Props<T>) {
  // Narrowed once here: react-hook-form cannot follow a generic form's array paths.
  const { kind, legend, errorOf, hint, missing } = props;
  const control = props.control as unknown as Control<ChannelValues>;
  const register = props.register as unknown as UseFormRegister<ChannelValues>;
  const watch = props.watch as unknown as UseFormWatch<ChannelValues>;
  const setValue = props.setValue as unknown as UseFormSetValue<ChannelValues>;
  // keyName: the rows carry their own database id (rowId); react-hook-form's key stays apart from it.
  const { fields, append, remove } = useFieldArray({ control, name: kind, keyName: 'key' });
  const rows = watch(kind);
  const primaryIndex = Math.max(
    0,
    rows.findIndex((r) => r.isPrimary),
  );
  const makePrimary = (i: number) => rows.forEach((_, j) => setValue(`${kind}.${j}.isPrimary`, j === i, { shouldDirty: true }));
  const word = WORD[kind];

  return (
    <fieldset className={`wide channel-fields channel-${kind} ${missing ? 'missing' : ''}`} aria-label={legend}>
      <legend>
        {legend} {hint ? <span className={`badge ${missing ? 'due' : ''}`}>{hint}</span> : null}
      </legend>
      {fields.length === 0 ? <p className="muted none">No {kind} yet.</p> : null}
      {fields.map((f, i) => (
        <div key={f.key} className={`channel-row ${kind === 'addresses' ? 'channel-address' : ''}`} data-row={i}>
          {kind === 'emails' ? (
            <Field label={`Email ${i + 1}`} error={errorOf(`emails.${i}.address`)} className="channel-value">
              {(p) => <input {...p} {...register(`emails.${i}.address`)} type="email" placeholder="name@example.com" autoComplete="off" />}
            </Field>
          ) : kind === 'phones' ? (
            <Field label={`Phone ${i + 1}`} error={errorOf(`phones.${i}.number`)} className="channel-value">
              {(p) => <input {...p} {...register(`phones.${i}.number`)} type="tel" autoComplete="off" />}
            </Field>
          ) : (
            <div className="form-grid channel-value">
              <Field label={`Street address ${i + 1}`} error={errorOf(`addresses.${i}.lines`)} className="wide">
                {(p) => <textarea {...p} {...register(`addresses.${i}.lines`)} rows={2} />}
              </Field>
              <Field label="City" error={errorOf(`addresses.${i}.city`)}>
                {(p) => <input {...p} {...register(`addresses.${i}.city`)} />}
              </Field>
              <Field label="State or region" error={errorOf(`addresses.${i}.region`)}>
                {(p) => <input {...p} {...register(`addresses.${i}.region`)} />}
              </Field>
              <Field label="Postal code" error={errorOf(`addresses.${i}.postalCode`)}>
                {(p) => <input {...p} {...register(`addresses.${i}.postalCode`)} />}
              </Field>
              <Field label="Country" error={errorOf(`addresses.${i}.country`)}>
                {(p) => <input {...p} {...register(`addresses.${i}.country`)} />}
              </Field>
            </div>
          )}
          <Field label="Label" error={errorOf(`${kind}.${i}.label`)} className="channel-label">
            {(p) => (
              <select {...p} {...register(`${kind}.${i}.label`)}>
                {LABELS[kind].map((l) => (
                  <option key={l} value={l}>
                    {CHANNEL_LABEL_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="channel-actions">
            <label className="primary-choice">
              <input type="radio" name={`primary-${kind}`} checked={i === primaryIndex} onChange={() => makePrimary(i)} aria-label={`Primary ${word} ${i + 1}`} />
              Primary
            </label>
            {errorOf(`${kind}.${i}.isPrimary`) ? (
              <div className="field-error" role="alert">
                {errorOf(`${kind}.${i}.isPrimary`)}
              </div>
            ) : null}
            <button type="button" className="link-button" onClick={() => remove(i)} aria-label={`Remove ${word} ${i + 1}`}>
              Remove
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="add-row" onClick={() => append({ ...BLANK[kind], isPrimary: fields.length === 0 } as never, { shouldFocus: true })}>
        {ADD[kind]}
      </button>
    </fieldset>
  );
}

/** Form rows from a saved contact's lists. */
export function channelRows(c: { emails: { id: number; address: string; label: string; isPrimary: boolean }[]; phones: { id: number; number: string; label: string; isPrimary: boolean }[]; addresses: { id: number; lines: string | null; city: string | null; region: string | null; postalCode: string | null; country: string | null; label: string; isPrimary: boolean }[] } | undefined): ChannelValues {
  return {
    emails: (c?.emails ?? []).map(({ id, ...e }) => ({ rowId: id, ...e })),
    phones: (c?.phones ?? []).map(({ id, ...p }) => ({ rowId: id, ...p })),
    addresses: (c?.addresses ?? []).map(({ id, lines, city, region, postalCode, country, label, isPrimary }) => ({
      rowId: id,
      lines: lines ?? '',
      city: city ?? '',
      region: region ?? '',
      postalCode: postalCode ?? '',
      country: country ?? '',
      label,
      isPrimary,
    })),
  };
}

const t = (v: string) => (v.trim() === '' ? null : v);

/** The API's lists from the form rows (empty address parts become null; the server checks each row). */
export function channelBody(v: ChannelValues) {
  return {
    emails: v.emails.map((e) => ({ id: e.rowId, address: e.address, label: e.label as (typeof EMAIL_LABELS)[number], isPrimary: e.isPrimary })),
    phones: v.phones.map((p) => ({ id: p.rowId, number: p.number, label: p.label as (typeof PHONE_LABELS)[number], isPrimary: p.isPrimary })),
    addresses: v.addresses.map((a) => ({
      id: a.rowId,
      lines: t(a.lines),
      city: t(a.city),
      region: t(a.region),
      postalCode: t(a.postalCode),
      country: t(a.country),
      label: a.label as (typeof ADDRESS_LABELS)[number],
      isPrimary: a.isPrimary,
    })),
  };
}

/** An address as lines for the screen ("Street\nCity, Region Postal\nCountry"); printing formats by country. */
export function addressText(a: { lines: string | null; city: string | null; region: string | null; postalCode: string | null; country: string | null }): string {
  return [a.lines, [a.city, [a.region, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', '), a.country].filter(Boolean).join('\n');
}
