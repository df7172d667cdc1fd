// The stationery forms: add or edit an item, and record a purchase or a correction of the count.
import { useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { STATIONERY_KINDS, type StationeryKind } from '../../../electron/shared/domain';
import { ApiError } from '../lib/api';
import { useCall } from '../lib/hooks';
import { Field } from '../ui/Field';
import { ConfirmDialog } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { KIND_LABELS, KIND_PLURAL, centsToInput, parseMoney } from './stationery-format';

type Item = MethodOutput<'stationery.list'>['items'][number];

export function ItemForm({ existing, onDone }: { existing: Item | null; onDone: () => void }) {
  const create = useCall('stationery.createItem');
  const update = useCall('stationery.updateItem');
  const toast = useToast();
  const [kind, setKind] = useState<StationeryKind>(existing?.kind ?? 'card');
  const [name, setName] = useState(existing?.name ?? '');
  const [postage, setPostage] = useState(centsToInput(existing?.postageCents ?? null));
  const [currency, setCurrency] = useState(existing?.currency ?? 'USD');
  const [threshold, setThreshold] = useState(String(existing?.lowStockThreshold ?? (existing ? 0 : 5)));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const postageCents = kind === 'stamp' ? parseMoney(postage) : null;
    const local: Record<string, string> = {};
    if (postageCents === undefined) local.postageCents = 'Enter an amount like 0.78.';
    const t = threshold.trim() === '' ? 0 : Number(threshold);
    if (!Number.isInteger(t) || t < 0) local.lowStockThreshold = 'Enter a whole number, 0 or more.';
    if (Object.keys(local).length) return setErrors(local);
    const input = { kind, name, postageCents: postageCents ?? null, currency, lowStockThreshold: t };
    try {
      if (existing) await update.mutateAsync({ id: existing.id, ...input });
      else await create.mutateAsync(input);
      toast(existing ? 'Saved.' : `${name.trim()} added. Record a purchase to count what you have.`);
      onDone();
    } catch (err) {
      if (err instanceof ApiError) setErrors(Object.keys(err.fields).length ? err.fields : { _: err.message });
    }
  };

  return (
    <form aria-label={existing ? 'Edit item' : 'New item'} onSubmit={(e) => void submit(e)} noValidate>
      <div className="form-grid">
        <Field label="Kind" error={errors.kind}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as StationeryKind)}>
              {STATIONERY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" error={errors.name} hint={kind === 'stamp' ? 'e.g. Forever stamps' : kind === 'card' ? 'e.g. Letterpress thank-you cards' : 'e.g. A2 envelopes'}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
        </Field>
        {kind === 'stamp' ? (
          <Field label="Postage value" error={errors.postageCents} hint="The value printed on one stamp.">
            {(p) => <input {...p} inputMode="decimal" placeholder="0.78" value={postage} onChange={(e) => setPostage(e.target.value)} />}
          </Field>
        ) : null}
        <Field label="Currency" error={errors.currency} hint="Three letters, e.g. USD, EUR, GBP.">
          {(p) => <input {...p} value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />}
        </Field>
        <Field label="Warn when at or below" error={errors.lowStockThreshold} hint={`Today warns you when this many ${KIND_PLURAL[kind]} or fewer are left.`}>
          {(p) => <input {...p} type="number" min={0} step={1} value={threshold} onChange={(e) => setThreshold(e.target.value)} />}
        </Field>
      </div>
      {errors._ ? <div className="banner error" role="alert">{errors._}</div> : null}
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending || update.isPending}>
          {existing ? 'Save' : 'Add item'}
        </button>
      </div>
    </form>
  );
}

export function RecordForm({ item, reason, onDone }: { item: Item; reason: 'purchase' | 'correction'; onDone: () => void }) {
  const record = useCall('stationery.record');
  const toast = useToast();
  const [quantity, setQuantity] = useState('');
  const [cost, setCost] = useState('');
  const [memo, setMemo] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirm, setConfirm] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (allowNegative: boolean) => {
    const q = Number(quantity);
    const costCents = reason === 'purchase' ? parseMoney(cost) : null;
    const local: Record<string, string> = {};
    if (quantity.trim() === '' || !Number.isInteger(q) || q === 0) local.quantity = reason === 'purchase' ? 'Enter how many you bought.' : 'Enter a change like -2 or 3.';
    if (costCents === undefined) local.costCents = 'Enter an amount like 12.50.';
    if (Object.keys(local).length) return setErrors(local);
    setBusy(true);
    try {
      const res = await record.mutateAsync({ itemId: item.id, reason, quantity: q, costCents: costCents ?? null, memo: memo || null, allowNegative });
      toast(`${res.item.name}: ${res.item.onHand} on hand.`);
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict' && err.fields.quantity) setConfirm(err.message);
      else if (err instanceof ApiError) setErrors(Object.keys(err.fields).length ? err.fields : { _: err.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form aria-label={reason === 'purchase' ? 'Record a purchase' : 'Record a correction'} onSubmit={(e) => (e.preventDefault(), void save(false))} noValidate>
      <p className="muted">
        {item.onHand} on hand now.{' '}
        {reason === 'correction' ? 'Use a negative number for ones lost, spoiled or used outside Courtesy, a positive one for ones found.' : ''}
      </p>
      <div className="form-grid">
        <Field label={reason === 'purchase' ? 'Quantity' : 'Change (+ or −)'} error={errors.quantity}>
          {(p) => <input {...p} type="number" step={1} min={reason === 'purchase' ? 1 : undefined} value={quantity} onChange={(e) => setQuantity(e.target.value)} autoFocus />}
        </Field>
        {reason === 'purchase' ? (
          <Field label={`Total cost (${item.currency})`} error={errors.costCents} hint="Optional; gives the cost per note mailed.">
            {(p) => <input {...p} inputMode="decimal" placeholder="12.50" value={cost} onChange={(e) => setCost(e.target.value)} />}
          </Field>
        ) : null}
        <Field label="Memo" error={errors.memo} className="wide">
          {(p) => <input {...p} value={memo} placeholder={reason === 'purchase' ? 'Where you bought them' : 'Why the count changed'} onChange={(e) => setMemo(e.target.value)} />}
        </Field>
      </div>
      {errors._ ? <div className="banner error" role="alert">{errors._}</div> : null}
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {reason === 'purchase' ? 'Record purchase' : 'Record correction'}
        </button>
      </div>
      {confirm ? (
        <ConfirmDialog
          title="Go below zero?"
          message={<p>{confirm}</p>}
          confirmLabel="Record anyway"
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void save(true);
          }}
        />
      ) : null}
    </form>
  );
}
