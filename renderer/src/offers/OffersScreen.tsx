// Offers side by side: one column per offer, the same rows for each, totals in the offer's own currency.
// Facts only: no score, no "best" column, no conversion between currencies.
import { useApi, useNow } from '../lib/hooks';
import { href } from '../lib/router';
import { ErrorBanner } from '../ui/ErrorBanner';
import { OFFER_ROWS } from './OfferFacts';
import './offers.css';
import { useStages } from '../lib/stages';

export function OffersScreen() {
  const offers = useApi('offers.list', {});
  const stages = useStages();
  const now = useNow();
  const items = offers.data?.items ?? [];
  const currencies = new Set(items.map((o) => o.currency));
  return (
    <div className="page">
      <div className="page-header">
        <h1>Offers</h1>
      </div>
      {offers.error ? <ErrorBanner>{offers.error.message}</ErrorBanner> : null}
      {offers.isPending ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <div className="panel">
          <p className="section-empty">
            No offers yet. When an application reaches Offer, record its terms on the application's page (<strong>Record an offer</strong>) and they
            appear here side by side.
          </p>
          <a href={href({ name: 'pipeline' })}>Go to the pipeline</a>
        </div>
      ) : (
        <>
          {currencies.size > 1 ? (
            <p className="banner info">These offers are in {[...currencies].join(' and ')}: each total is in its own currency, not converted.</p>
          ) : null}
          <div className="panel offers-scroll">
            <table className="offers-table">
              <caption className="sr-only">Offers side by side</caption>
              <thead>
                <tr>
                  <td />
                  {items.map((o) => (
                    <th key={o.id} scope="col">
                      <a href={href({ name: 'application', id: o.applicationId })}>{o.company}</a>
                      <span className="sub">
                        {o.role} · {stages.name(o.stage)}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {OFFER_ROWS.map((r) => (
                  <tr key={r.label} className={r.total ? 'total' : undefined}>
                    <th scope="row">{r.label}</th>
                    {items.map((o) => (
                      <td key={o.id}>{r.value(o, now)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small">First year: base, bonus target, sign-on and the equity that vests within twelve months. A later year: base, bonus target and a year of equity.</p>
        </>
      )}
    </div>
  );
}
