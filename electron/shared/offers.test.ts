import { describe, expect, it } from 'vitest';
import { offerTotals } from './offers';

const none = { baseSalary: null, bonus: null, signOnBonus: null, equityTotal: null, vestingYears: null, cliffMonths: null };

describe('offer totals', () => {
  it('adds base, bonus, sign-on and a year of equity for the first year; later years drop the sign-on', () => {
    const t = offerTotals({ baseSalary: 180_000, bonus: 18_000, signOnBonus: 20_000, equityTotal: 200_000, vestingYears: 4, cliffMonths: 12 });
    expect(t).toEqual({ equityPerYear: 50_000, firstYear: 268_000, perYear: 248_000, notStated: [] });
  });

  it('counts no equity in the first year when the cliff is longer than a year', () => {
    const t = offerTotals({ ...none, baseSalary: 100_000, bonus: 0, equityTotal: 90_000, vestingYears: 3, cliffMonths: 18 });
    expect(t).toMatchObject({ equityPerYear: 30_000, firstYear: 100_000, perYear: 130_000 });
  });

  it('says which parts the letter did not state instead of guessing them', () => {
    expect(offerTotals(none)).toEqual({ equityPerYear: null, firstYear: 0, perYear: 0, notStated: ['base salary', 'bonus'] });
    expect(offerTotals({ ...none, baseSalary: 1, bonus: 0, equityTotal: 10 }).notStated).toEqual(['equity vesting']);
  });

  it('rounds a year of equity to whole units', () => {
    expect(offerTotals({ ...none, baseSalary: 0, bonus: 0, equityTotal: 100, vestingYears: 3 }).equityPerYear).toBe(33);
  });
});
