import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { STATIONERY_KINDS, type StationeryKind } from '../../../electron/shared/domain';
import { ApiError, call } from '../lib/api';
import { Field } from '../ui/Field';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { formatDate, plural } from '../lib/format';
import { useApi, useCall } from '../lib/hooks';
import { href } from '../lib/router';

type Item = MethodOutput<'stationery.list'>['items'][number];
type LedgerRow = MethodOutput<'stationery.ledger'>['items'][number];
type Summary = MethodOutput<'stationery.summary'>;

const KIND_LABELS: Record<StationeryKind, string> = { card: 'Card', envelope: 'Envelope', stamp: 'Stamp' };
const KIND_PLURAL: Record<StationeryKind, string> = { card: 'cards', envelope: 'envelopes', stamp: 'stamps' };
const REASON_LABELS: Record<LedgerRow['reason'], string> = { purchase: 'Purchase', use: 'Used for a note', correction: 'Correction' };

/** Minor units to a currency string: 78, "USD" → "$0.78". */
export function cents(value: number | null, currency: string): string {
  if (value == null) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value / 100);
  } catch {
    return `${(value / 100).toFixed(2)} ${currency}`;
  }
}

/** "12.50" → 1250; "" → null; anything else → undefined (invalid). */
function parseMoney(v: string): number | null | undefined {
  const s = v.trim().replace(',', '.');
  if (s === '') return null;
  if (!/^\d+(\.\d{0,2})?$/.test(s)) return undefined;
  return Math.round(Number(s) * 100);
}

const centsToInput = (c: number | null) => (c == null ? '' : (c / 100).toFixed(2));

export function StationeryScreen() {
  const [showArchived, setShowArchived] = useState(false);
  const items = useApi('stationery.list', { includeArchived: showArchived });
  const summary = useApi('stationery.summary', {});
  const [itemFilter, setItemFilter] = useState<number | null>(null);
  const ledger = useApi('stationery.ledger', itemFilter ? { itemId: itemFilter } : {});
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const [recording, setRecording] = useState<{ item: Item; reason: 'purchase' | 'correction' } | null>(null);
  const archive = useCall('stationery.archiveItem');
  const toast = useToast();

  const all = items.data?.items ?? [];
  const list = all.filter((i) => i.archivedAt === null);
  const archived = all.filter((i) => i.archivedAt !== null);
  const low = list.filter((i) => i.low);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Stationery</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          + Add item
        </button>
      </div>
      {items.error ? <div className="banner error" role="alert">{items.error.message}</div> : null}
      {items.data && all.length === 0 ? (
        <div className="empty-state stationery-empty">
          <h2>Add your thank-you cards and stamps</h2>
          <p>
            Courtesy keeps count of what is in your drawer. Each card you mark as mailed uses one card and one stamp (and an envelope, if you track them), so
            you know when to buy more.
          </p>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            Add your first item
          </button>
        </div>
      ) : null}
      {all.length > 0 ? (
        <>
          {low.length > 0 ? (
            <div className="banner warn" role="status">
              Running low: {low.map((i) => `${i.name} (${i.onHand} left)`).join(', ')}. Record a purchase when you restock.
            </div>
          ) : null}
          {summary.data ? <CostStrip summary={summary.data} /> : null}
          <div className="panel">
            <div className="row panel-title-row">
              <h2>
                On hand <span className="count">{plural(list.length, 'item')}</span>
              </h2>
              <label className="row muted">
                <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
                Show archived
              </label>
            </div>
            <div className="stationery-items">
              <table className="data stationery-table" aria-label="Stationery items">
                <thead>
                  <tr>
                    <th>Item</th>
                    <th>Kind</th>
                    <th className="num">On hand</th>
                    <th className="num">Warn at</th>
                    <th className="num">Postage</th>
                    <th className="num">Avg. unit cost</th>
                    <th>
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((i) => (
                    <tr key={i.id} data-item-id={i.id}>
                      <td className="item-name">{i.name}</td>
                      <td>{KIND_LABELS[i.kind]}</td>
                      <td className="num">
                        <strong className={i.onHand < 0 ? 'negative' : undefined}>{i.onHand}</strong>{' '}
                        {i.onHand <= 0 ? (
                          <span className="badge overdue">{i.onHand < 0 ? 'Below zero' : 'None left'}</span>
                        ) : i.low ? (
                          <span className="badge due">Low stock</span>
                        ) : null}
                      </td>
                      <td className="num">{i.lowStockThreshold}</td>
                      <td className="num">{i.kind === 'stamp' ? cents(i.postageCents, i.currency) : ''}</td>
                      <td className="num">{cents(i.averageUnitCostCents, i.currency)}</td>
                      <td className="actions">
                        <div className="row-actions">
                          <button type="button" onClick={() => setRecording({ item: i, reason: 'purchase' })} aria-label={`Record a purchase of ${i.name}`}>
                            Purchase
                          </button>
                          <button type="button" onClick={() => setRecording({ item: i, reason: 'correction' })} aria-label={`Correct the count of ${i.name}`}>
                            Correct
                          </button>
                          <button type="button" onClick={() => setEditing(i)} aria-label={`Edit ${i.name}`}>
                            Edit
                          </button>
                          <button
                            type="button"
                            className="ghost"
                            aria-label={`Archive ${i.name}`}
                            onClick={() =>
                              archive.mutate(
                                { id: i.id, archived: true },
                                { onSuccess: () => toast(`${i.name} archived; its history is kept.`), onError: (e) => toast(e.message, 'error') },
                              )
                            }
                          >
                            Archive
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                  {archived.map((i) => (
                    <tr key={i.id} data-item-id={i.id} className="archived">
                      <td className="item-name">{i.name}</td>
                      <td>{KIND_LABELS[i.kind]}</td>
                      <td className="num">{i.onHand}</td>
                      <td colSpan={3} className="muted">
                        Archived {formatDate(i.archivedAt)}
                      </td>
                      <td className="actions">
                        <div className="row-actions">
                          <button
                            type="button"
                            aria-label={`Restore ${i.name}`}
                            onClick={() => archive.mutate({ id: i.id, archived: false }, { onError: (e) => toast(e.message, 'error') })}
                          >
                            Restore
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div className="panel">
            <div className="row panel-title-row">
              <h2>Ledger</h2>
              <label className="row">
                <span className="muted">Show</span>
                <select aria-label="Ledger item" value={itemFilter ?? ''} onChange={(e) => setItemFilter(e.target.value ? Number(e.target.value) : null)}>
                  <option value="">All items</option>
                  {all.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <Ledger rows={ledger.data?.items ?? []} />
          </div>
        </>
      ) : null}
      {editing ? (
        <Modal title={editing === 'new' ? 'New stationery item' : `Edit ${editing.name}`} onClose={() => setEditing(null)}>
          <ItemForm existing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        </Modal>
      ) : null}
      {recording ? (
        <Modal title={recording.reason === 'purchase' ? `Purchase: ${recording.item.name}` : `Correct the count: ${recording.item.name}`} onClose={() => setRecording(null)}>
          <RecordForm item={recording.item} reason={recording.reason} onDone={() => setRecording(null)} />
        </Modal>
      ) : null}
    </div>
  );
}

/** "postage $0.78 + card $4.00", leaving out what is not tracked or has no cost. */
function parts(c: { currency: string; postageCents: number; cardCents: number; envelopeCents: number }): string {
  const out = (
    [
      ['postage', c.postageCents],
      ['card', c.cardCents],
      ['envelope', c.envelopeCents],
    ] as const
  )
    .filter(([, v]) => v > 0)
    .map(([label, v]) => `${label} ${cents(v, c.currency)}`);
  return out.length ? out.join(' + ') : 'no costs recorded yet';
}

function CostStrip({ summary }: { summary: Summary }) {
  return (
    <div className="stat-strip" aria-label="Costs">
      <div className="stat">
        <span className="muted">Cards mailed</span>
        <strong>{summary.cardsMailed}</strong>
      </div>
      {summary.perNote.map((c) => (
        <div className="stat" key={`avg-${c.currency}`}>
          <span className="muted">Cost per note mailed{summary.perNote.length > 1 ? ` (${c.currency})` : ''}</span>
          <strong>{cents(c.totalCents, c.currency)}</strong>
          <span className="stat-sub">
            {parts(c)} · over {plural(c.notes, 'note')}
          </span>
        </div>
      ))}
      {summary.nextNote.map((c) => (
        <div className="stat" key={`next-${c.currency}`}>
          <span className="muted">Next card will cost{summary.nextNote.length > 1 ? ` (${c.currency})` : ''}</span>
          <strong>{cents(c.totalCents, c.currency)}</strong>
          <span className="stat-sub">{parts(c)}</span>
        </div>
      ))}
      {summary.missingCosts.length > 0 ? (
        <p className="muted stat-note">No cost recorded yet for {summary.missingCosts.join(', ')}: record a purchase with its total cost to include it.</p>
      ) : null}
    </div>
  );
}

function Ledger({ rows }: { rows: LedgerRow[] }) {
  if (rows.length === 0) return <p className="section-empty">Nothing recorded yet. Purchases, corrections and cards you mail appear here.</p>;
  return (
    <div className="table-wrap ledger-wrap">
      <table className="data" aria-label="Ledger">
        <thead>
          <tr>
            <th>Date</th>
            <th>Item</th>
            <th className="num">Change</th>
            <th>Reason</th>
            <th>Note</th>
            <th className="num">Cost</th>
            <th>Memo</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDate(r.at)}</td>
              <td>{r.itemName}</td>
              <td className={`num ${r.delta < 0 ? 'negative' : 'positive'}`}>{r.delta > 0 ? `+${r.delta}` : `−${Math.abs(r.delta)}`}</td>
              <td>{REASON_LABELS[r.reason]}</td>
              <td>{r.noteId ? <a href={href({ name: 'compose', target: 'note', id: r.noteId })}>{r.recipientName ?? 'Note'}</a> : ''}</td>
              <td className="num">{r.costCents != null ? cents(r.costCents, r.currency) : ''}</td>
              <td className="memo">{r.memo ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ItemForm({ existing, onDone }: { existing: Item | null; onDone: () => void }) {
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

function RecordForm({ item, reason, onDone }: { item: Item; reason: 'purchase' | 'correction'; onDone: () => void }) {
  const qc = useQueryClient();
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
      const res = await call('stationery.record', { itemId: item.id, reason, quantity: q, costCents: costCents ?? null, memo: memo || null, allowNegative });
      await qc.invalidateQueries();
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
