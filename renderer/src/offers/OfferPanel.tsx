// An application's offer: its facts, or a button to record one once an offer is in sight.
import { useState } from 'react';
import type { StageKind } from '../../../electron/shared/domain';
import { useStages } from '../lib/stages';
import { useApi, useCall, useNow } from '../lib/hooks';
import { href } from '../lib/router';
import { ConfirmDialog } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { OFFER_ROWS } from './OfferFacts';
import { OfferForm } from './OfferForm';
import './offers.css';

/** Kinds of stage where an offer may be on the table (by kind, so a renamed or custom offer stage counts). */
const OFFER_IN_SIGHT: readonly StageKind[] = ['interview', 'offer', 'accepted'];

export function OfferPanel({ application }: { application: { id: number; stage: string; salaryCurrency: string | null; location: string | null } }) {
  const offer = useApi('offers.get', { applicationId: application.id });
  const stages = useStages();
  const remove = useCall('offers.delete');
  const toast = useToast();
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  if (offer.isPending) return null;
  const o = offer.data ?? null;
  if (!o && !editing && !OFFER_IN_SIGHT.includes(stages.kind(application.stage) ?? 'open')) return null;

  return (
    <section className="panel" aria-labelledby={`offer-${application.id}`}>
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
        <h2 id={`offer-${application.id}`} style={{ margin: 0 }}>
          Offer
        </h2>
        {!editing ? (
          <div className="row">
            {o ? (
              <a className="button ghost" href={href({ name: 'offers' })}>
                Compare offers
              </a>
            ) : null}
            <button type="button" className={o ? undefined : 'primary'} onClick={() => setEditing(true)}>
              {o ? 'Edit offer' : 'Record an offer'}
            </button>
            {o ? (
              <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>
                Remove
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {editing ? (
        <OfferForm
          applicationId={application.id}
          existing={o}
          defaults={{ currency: application.salaryCurrency, location: application.location }}
          onCancel={() => setEditing(false)}
          onDone={() => (setEditing(false), toast('Offer saved.'))}
        />
      ) : o ? (
        <dl className="facts">
          {OFFER_ROWS.map((r) => (
            <div key={r.label} className="facts-row">
              <dt>{r.label}</dt>
              <dd className={r.total ? 'offer-total' : undefined}>{r.value(o, now)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="section-empty">No offer recorded. When the letter comes, write down its terms here to compare them side by side.</p>
      )}
      {confirmRemove ? (
        <ConfirmDialog
          title="Remove this offer?"
          message={<p>The offer's terms and its open deadline reminder will be removed. The application stays.</p>}
          confirmLabel="Remove offer"
          danger
          onCancel={() => setConfirmRemove(false)}
          onConfirm={async () => {
            setConfirmRemove(false);
            await remove.mutateAsync({ applicationId: application.id });
            toast('Offer removed.');
          }}
        />
      ) : null}
    </section>
  );
}
