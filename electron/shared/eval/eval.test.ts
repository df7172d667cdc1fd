// The checks' measured quality on the labelled set: a regression here means a change made the product's
// judgement worse on notes a person has labelled, on the tuning part or the held-out third.
import { describe, expect, it } from 'vitest';
import { PERSONAL_NOTES } from './notes';
import { PAIRS } from './pairs';
import { scoreDistinct, scorePersonal } from './score';

describe('checks on the labelled evaluation set', () => {
  it('is as large and varied as promised', () => {
    expect(PERSONAL_NOTES.length).toBeGreaterThanOrEqual(60);
    expect(PAIRS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PERSONAL_NOTES.map((n) => n.label))).toEqual(new Set(['substantive', 'perfunctory']));
    expect(new Set(PAIRS.map((p) => p.kind))).toEqual(new Set(['reworded', 'frame', 'frame-long', 'own', 'apart']));
  });

  for (const [name, score] of [
    ['personal', scorePersonal],
    ['distinct', scoreDistinct],
  ] as const) {
    it(`${name}: precision and recall at least 0.9, tuning and held out`, () => {
      const s = score();
      for (const part of ['tuning', 'heldOut'] as const) {
        expect(s[part].precision, `${part}: ${s[part].misses.join('; ')}`).toBeGreaterThanOrEqual(0.9);
        expect(s[part].recall, `${part}: ${s[part].misses.join('; ')}`).toBeGreaterThanOrEqual(0.9);
      }
    });
  }
});
