// Scores the personal and distinct checks on the labelled set: precision and recall of each warning,
// on the part used while tuning and on a held-out third (every third case) that guards against overfitting.
// Pure, like the checks it scores; e2e/bench/checks-eval.ts times them and prints the report.
import { checkNote, type Check, type CheckInput } from '../checks';
import { contextOf, nameOf } from './debriefs';
import { PERSONAL_NOTES } from './notes';
import { PAIRS } from './pairs';

export type Counts = { tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; misses: string[] };
export type Scores = { tuning: Counts; heldOut: Counts; all: Counts };

const NOW = Date.UTC(2026, 0, 15, 12);

export function inputFor(body: string, d: Parameters<typeof contextOf>[0], p: string, others: CheckInput['others'] = []): CheckInput {
  return {
    body,
    subject: 'Thank you',
    delivery: 'email',
    recipient: { name: nameOf(d, p), email: 'someone@example.com', hasPostalAddress: false },
    context: contextOf(d, p),
    dueAt: NOW + 3_600_000,
    now: NOW,
    others,
    cardWordLimit: 80,
  };
}

const get = (input: CheckInput, id: Check['id']) => checkNote(input).checks.find((c) => c.id === id)!;
export const heldOut = (i: number) => i % 3 === 2;

function count(cases: Array<{ id: string; positive: boolean; flagged: boolean }>): Counts {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0, misses: [] as string[] };
  for (const x of cases) {
    if (x.positive && x.flagged) c.tp++;
    else if (!x.positive && x.flagged) {
      c.fp++;
      c.misses.push(`false alarm: ${x.id}`);
    } else if (x.positive && !x.flagged) {
      c.fn++;
      c.misses.push(`missed: ${x.id}`);
    } else c.tn++;
  }
  // No warning at all on a set with nothing to find is perfect precision, not 0/0.
  return { ...c, precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp), recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn) };
}

function split(cases: Array<{ id: string; positive: boolean; flagged: boolean }>): Scores {
  return { tuning: count(cases.filter((_, i) => !heldOut(i))), heldOut: count(cases.filter((_, i) => heldOut(i))), all: count(cases) };
}

/** Personal: the positive class is "perfunctory" (the check warns). */
export function scorePersonal(): Scores {
  return split(
    PERSONAL_NOTES.map((n, i) => {
      const c = get(inputFor(n.body, n.d, n.p), 'personal');
      return { id: `#${i} ${n.d}/${n.p} ${n.label}${n.hard ? ` (${n.hard})` : ''}`, positive: n.label === 'perfunctory', flagged: c.verdict === 'warn' };
    }),
  );
}

/** Distinct: the positive class is "too alike" (warn or fail), judged from the first note of the pair. */
export function scoreDistinct(): Scores {
  return split(
    PAIRS.map((p) => {
      const c = get(inputFor(p.a.body, p.d, p.a.p, [{ id: 1, label: nameOf(p.d, p.b.p), body: p.b.body }]), 'distinct');
      return { id: `${p.id} (${c.message.slice(0, 40)})`, positive: p.label === 'alike', flagged: c.verdict === 'warn' || c.verdict === 'fail' };
    }),
  );
}
