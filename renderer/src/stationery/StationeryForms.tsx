// The stationery forms: add or edit an item, and record a purchase or a correction of the count.
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { STATIONERY_KINDS, type StampScope, type StationeryKind } from '../../../electron/shared/domain';
import { ApiError } from '../lib/api';
import { useCall } from '../lib/hooks';
import { Field } from '../ui/Field';
import { ConfirmDialog } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { useServerForm } from '../lib/forms';
import { KIND_LABELS, KIND_PLURAL, centsToInput, parseMoney } from './stationery-format';
import { ErrorBanner } from '../ui/ErrorBanner';

type Item = MethodOutput<'stationery.list'>['items'][number];

type ItemValues = { kind: StationeryKind; name: string; postageCents: string; scope: StampScope; currency: string; lowStockThreshold: string; quantity: string; costCents: string };

const wholeNumber = (v: string) => v.trim() === '' || (Number.isInteger(Number(v)) && Number(v) >= 0) || 'Enter a whole number, 0 or more.';

export function ItemForm({ existing, onDone }: { existing: Item | null; onDone: () => void }) {
  const create = useCall('stationery.createItem');
  const update = useCall('stationery.updateItem');
  const toast = useToast();
  const form = useServerForm<ItemValues>({
    kind: existing?.kind ?? 'card',
    name: existing?.name ?? '',
    postageCents: centsToInput(existing?.postageCents ?? null),
    scope: existing?.scope ?? 'domestic',
    currency: existing?.currency ?? 'USD',
    lowStockThreshold: String(existing?.lowStockThreshold ?? (existing ? 0 : 5)),
    quantity: '',
    costCents: '',
  });
  const { register, fieldError: errorOf } = form;
  const kind = form.watch('kind');

  const submit = form.onSubmit(async (v) => {
    const input = {
      kind: v.kind,
      name: v.name,
      postageCents: v.kind === 'stamp' ? (parseMoney(v.postageCents) ?? null) : null,
      ...(v.kind === 'stamp' ? { scope: v.scope } : {}),
      currency: v.currency,
      lowStockThreshold: v.lowStockThreshold.trim() === '' ? 0 : Number(v.lowStockThreshold),
    };
    if (existing) await update.mutateAsync({ id: existing.id, ...input });
    else {
      // The pack's count and cost go with the item (one transaction on the server).
      const quantity = v.quantity.trim() === '' ? undefined : Number(v.quantity);
      await create.mutateAsync({ ...input, ...(quantity !== undefined ? { quantity, costCents: parseMoney(v.costCents) ?? null } : {}) });
    }
    toast(existing ? 'Saved.' : v.quantity.trim() ? `${v.name.trim()} added with ${v.quantity.trim()} on hand.` : `${v.name.trim()} added. Record a purchase to count what you have.`);
    onDone();
  });

  return (
    <form id={form.formId} aria-label={existing ? 'Edit item' : 'New item'} onSubmit={(e) => void submit(e)} noValidate>
      <div className="form-grid">
        <Field label="Kind" error={errorOf('kind')}>
          {(p) => (
            <select {...p} {...register('kind')}>
              {STATIONERY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" error={errorOf('name')} hint={kind === 'stamp' ? 'e.g. Forever stamps' : kind === 'card' ? 'e.g. Letterpress thank-you cards' : 'e.g. A2 envelopes'}>
          {(p) => <input {...p} {...register('name')} autoFocus />}
        </Field>
        {kind === 'stamp' ? (
          <Field label="Postage value" error={errorOf('postageCents')} hint="The value printed on one stamp.">
            {(p) => (
              <input
                {...p}
                {...register('postageCents', { shouldUnregister: true, validate: (v) => parseMoney(v) !== undefined || 'Enter an amount like 0.78.' })}
                inputMode="decimal"
                placeholder="0.78"
              />
            )}
          </Field>
        ) : null}
        {kind === 'stamp' ? (
          <Field
            label="Good for"
            error={errorOf('scope')}
            hint="A card abroad takes an international stamp; with none on hand, domestic stamps adding up to an international stamp's value stand in."
          >
            {(p) => (
              <select {...p} {...register('scope', { shouldUnregister: true })}>
                <option value="domestic">Mail at home (domestic)</option>
                <option value="international">Mail abroad (international)</option>
              </select>
            )}
          </Field>
        ) : null}
        <Field label="Currency" error={errorOf('currency')} hint="Three letters, e.g. USD, EUR, GBP.">
          {(p) => <input {...p} {...register('currency', { setValueAs: (v: string) => v.toUpperCase() })} maxLength={3} style={{ textTransform: 'uppercase' }} />}
        </Field>
        {existing ? null : (
          <Field label="How many you have" error={errorOf('quantity')} hint={`The ${KIND_PLURAL[kind]} in the pack you bought; leave empty to count later.`}>
            {(p) => <input {...p} {...register('quantity', { validate: wholeNumber })} type="number" min={1} step={1} />}
          </Field>
        )}
        {existing ? null : (
          <Field label="What the pack cost" error={errorOf('costCents')} hint="Optional: the total, so each note's cost can be worked out.">
            {(p) => <input {...p} {...register('costCents', { validate: (v) => parseMoney(v) !== undefined || 'Enter an amount like 12.00.' })} inputMode="decimal" placeholder="12.00" />}
          </Field>
        )}
        <Field label="Warn when at or below" error={errorOf('lowStockThreshold')} hint={`Today warns you when this many ${KIND_PLURAL[kind]} or fewer are left.`}>
          {(p) => <input {...p} {...register('lowStockThreshold', { validate: wholeNumber })} type="number" min={0} step={1} />}
        </Field>
      </div>
      <ErrorBanner error={form.rootError} />
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

type RecordValues = { quantity: string; costCents: string; memo: string };

export function RecordForm({ item, reason, onDone }: { item: Item; reason: 'purchase' | 'correction'; onDone: () => void }) {
  const record = useCall('stationery.record');
  const toast = useToast();
  const form = useServerForm<RecordValues>({ quantity: '', costCents: '', memo: '' });
  const { register, fieldError: errorOf } = form;
  const [confirm, setConfirm] = useState<string | null>(null);

  const save = async (v: RecordValues, allowNegative: boolean) => {
    try {
      const costCents = reason === 'purchase' ? (parseMoney(v.costCents) ?? null) : null;
      const res = await record.mutateAsync({ itemId: item.id, reason, quantity: Number(v.quantity), costCents, memo: v.memo || null, allowNegative });
      toast(`${res.item.name}: ${res.item.onHand} on hand.`);
      onDone();
    } catch (err) {
      // Going below zero is a question for the person, not an error beside the field.
      if (err instanceof ApiError && err.code === 'conflict' && err.fields.quantity) setConfirm(err.message);
      else form.fail(err);
    }
  };
  const submit = form.handleSubmit((v) => save(v, false));
  const quantityRule = (v: string) =>
    (v.trim() !== '' && Number.isInteger(Number(v)) && Number(v) !== 0) || (reason === 'purchase' ? 'Enter how many you bought.' : 'Enter a change like -2 or 3.');

  return (
    <form id={form.formId} aria-label={reason === 'purchase' ? 'Record a purchase' : 'Record a correction'} onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted">
        {item.onHand} on hand now.{' '}
        {reason === 'correction' ? 'Use a negative number for ones lost, spoiled or used outside Courtesy, a positive one for ones found.' : ''}
      </p>
      <div className="form-grid">
        <Field label={reason === 'purchase' ? 'Quantity' : 'Change (+ or −)'} error={errorOf('quantity')}>
          {(p) => <input {...p} {...register('quantity', { validate: quantityRule })} type="number" step={1} min={reason === 'purchase' ? 1 : undefined} autoFocus />}
        </Field>
        {reason === 'purchase' ? (
          <Field label={`Total cost (${item.currency})`} error={errorOf('costCents')} hint="Optional; gives the cost per note mailed.">
            {(p) => <input {...p} {...register('costCents', { validate: (v) => parseMoney(v) !== undefined || 'Enter an amount like 12.50.' })} inputMode="decimal" placeholder="12.50" />}
          </Field>
        ) : null}
        <Field label="Memo" error={errorOf('memo')} className="wide">
          {(p) => <input {...p} {...register('memo')} placeholder={reason === 'purchase' ? 'Where you bought them' : 'Why the count changed'} />}
        </Field>
      </div>
      <ErrorBanner error={form.rootError} />
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={form.formState.isSubmitting || record.isPending}>
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
            void form.handleSubmit((v) => save(v, true))();
          }}
        />
      ) : null}
    </form>
  );
}
