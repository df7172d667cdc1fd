// The rows an offer is compared on, shared by the application's panel and the side-by-side view, so both
// say the same thing in the same words. Facts only: amounts, dates and what the letter left out.
import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { formatDate, money, relative } from '../lib/format';
import { WORK_MODE_LABELS } from './OfferForm';

export type Offer = NonNullable<MethodOutput<'offers.get'>>;

const amount = (n: number | null, currency: string) => (n == null ? '—' : money(n, currency));

/** A calendar day (YYYY-MM-DD) as a date, without moving it through a time zone. */
function day(v: string | null): string {
  if (!v) return '—';
  const [y, m, d] = v.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

export const OFFER_ROWS: Array<{ label: string; value: (o: Offer, now: number) => ReactNode; total?: boolean }> = [
  { label: 'Base salary', value: (o) => amount(o.baseSalary, o.currency) },
  { label: 'Bonus (target)', value: (o) => amount(o.bonus, o.currency) },
  { label: 'Sign-on bonus', value: (o) => amount(o.signOnBonus, o.currency) },
  {
    label: 'Equity',
    value: (o) =>
      o.equityTotal == null
        ? '—'
        : `${money(o.equityTotal, o.currency)} over ${o.vestingYears ?? '?'} years${o.cliffMonths ? `, ${o.cliffMonths}-month cliff` : ''}${
            o.totals.equityPerYear != null ? ` (${money(o.totals.equityPerYear, o.currency)} a year)` : ''
          }`,
  },
  { label: 'First year', total: true, value: (o) => money(o.totals.firstYear, o.currency) },
  { label: 'A later year', total: true, value: (o) => money(o.totals.perYear, o.currency) },
  { label: 'Not stated', value: (o) => (o.totals.notStated.length ? o.totals.notStated.join(', ') : '—') },
  { label: 'Start date', value: (o) => day(o.startDate) },
  { label: 'Answer by', value: (o, now) => (o.deadlineAt == null ? '—' : `${formatDate(o.deadlineAt)} (${relative(o.deadlineAt, now)})`) },
  { label: 'Location', value: (o) => [o.location, o.workMode ? WORK_MODE_LABELS[o.workMode] : null].filter(Boolean).join(' · ') || '—' },
  { label: 'Equity notes', value: (o) => o.equityNotes ?? '—' },
  { label: 'Benefits', value: (o) => o.benefits ?? '—' },
  { label: 'Notes', value: (o) => o.notes ?? '—' },
];
