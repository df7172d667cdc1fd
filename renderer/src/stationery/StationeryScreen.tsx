// Stationery (#/stationery): what is in the drawer, what is running low, the cost per note mailed, and the
// ledger of every purchase, correction and card used.
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { formatDate, list as listOf, plural } from '../lib/format';
import { useApi, useCall } from '../lib/hooks';
import { href } from '../lib/router';
import { Modal } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { ItemForm, RecordForm } from './StationeryForms';
import { KIND_LABELS, cents } from './stationery-format';
import { ErrorBanner } from '../ui/ErrorBanner';

type Item = MethodOutput<'stationery.list'>['items'][number];
type LedgerRow = MethodOutput<'stationery.ledger'>['items'][number];
type Summary = MethodOutput<'stationery.summary'>;

const REASON_LABELS: Record<LedgerRow['reason'], string> = { purchase: 'Purchase', use: 'Used for a note', correction: 'Correction' };

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
      {items.error ? <ErrorBanner>{items.error.message}</ErrorBanner> : null}
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
              Running low: {listOf(low.map((i) => `${i.name} (${i.onHand} left)`))}. Record a purchase when you restock.
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
                      <td>
                        {KIND_LABELS[i.kind]}
                        {i.kind === 'stamp' ? <span className="muted"> · {i.scope === 'international' ? 'international' : 'domestic'}</span> : null}
                      </td>
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
                      <td>
                        {KIND_LABELS[i.kind]}
                        {i.kind === 'stamp' ? <span className="muted"> · {i.scope === 'international' ? 'international' : 'domestic'}</span> : null}
                      </td>
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
        <p className="muted stat-note">No cost recorded yet for {listOf(summary.missingCosts)}: record a purchase with its total cost to include it.</p>
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
