import { describe, expect, it } from 'vitest';
import { count, listAnd, listOr, plural } from './words';

describe('counts and lists', () => {
  const note = { one: 'note', other: 'notes' };
  it('picks the form by count, zero and fractions included', () => {
    expect([0, 1, 2, 1.5, 1200].map((n) => count(n, note))).toEqual(['0 notes', '1 note', '2 notes', '1.5 notes', '1,200 notes']);
    expect(plural(1, { one: 'line does', other: 'lines do' })).toBe('line does');
    expect(plural(3, { one: 'line does', other: 'lines do' })).toBe('lines do');
  });
  it('joins lists as a sentence would', () => {
    expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(listAnd)).toEqual(['', 'a', 'a and b', 'a, b, and c']);
    expect(listOr(['Wishlist', 'Applied', 'Offer'])).toBe('Wishlist, Applied, or Offer');
  });
});
