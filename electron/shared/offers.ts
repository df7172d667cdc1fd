// What an offer adds up to, as plain arithmetic on what the letter says: no score, no advice, no
// currency conversion. Amounts are yearly and in whole units of the offer's currency.

export interface OfferAmounts {
  baseSalary: number | null;
  bonus: number | null;
  signOnBonus: number | null;
  equityTotal: number | null;
  vestingYears: number | null;
  cliffMonths: number | null;
}

export interface OfferTotals {
  /** Equity value vesting in a full year (total ÷ vesting years), when both are given. */
  equityPerYear: number | null;
  /** Base + bonus + sign-on + the equity that vests in the first twelve months. */
  firstYear: number;
  /** A later year while equity still vests: base + bonus + a year of equity. */
  perYear: number;
  /** Parts the letter did not state, counted as nothing in the totals (so the totals say so). */
  notStated: Array<'base salary' | 'bonus' | 'equity vesting'>;
}

export function offerTotals(o: OfferAmounts): OfferTotals {
  const base = o.baseSalary ?? 0;
  const bonus = o.bonus ?? 0;
  const equityPerYear = o.equityTotal != null && o.vestingYears ? Math.round(o.equityTotal / o.vestingYears) : null;
  // With a cliff longer than a year nothing vests in the first year; with a cliff of up to twelve months
  // the whole first year's share has vested by its end.
  const firstYearEquity = equityPerYear != null && (o.cliffMonths ?? 0) <= 12 ? equityPerYear : 0;
  const notStated: OfferTotals['notStated'] = [];
  if (o.baseSalary == null) notStated.push('base salary');
  if (o.bonus == null) notStated.push('bonus');
  if (o.equityTotal != null && !o.vestingYears) notStated.push('equity vesting');
  return {
    equityPerYear,
    firstYear: base + bonus + (o.signOnBonus ?? 0) + firstYearEquity,
    perYear: base + bonus + (equityPerYear ?? 0),
    notStated,
  };
}
