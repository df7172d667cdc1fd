// Prints the checks' precision and recall on the labelled set (electron/shared/eval) and their
// per-keystroke cost. `npm run bench` prints this; `npx tsx e2e/bench/checks-eval.ts` prints it alone.
import { checkNote } from '../../electron/shared/checks';
import { PERSONAL_NOTES } from '../../electron/shared/eval/notes';
import { PAIRS } from '../../electron/shared/eval/pairs';
import { inputFor, scoreDistinct, scorePersonal, type Scores } from '../../electron/shared/eval/score';

/** Per-keystroke cost on real notes: one note typed against 10 others of ~300 words each. */
export function keystrokeP95(): number {
  const bodies = PERSONAL_NOTES.map((n) => n.body);
  const others = Array.from({ length: 10 }, (_, i) => {
    let b = '';
    for (let j = i; b.split(/\s+/).length < 300; j += 7) b += bodies[j % bodies.length] + '\n\n';
    return { id: i, label: `Person ${i}`, body: b };
  });
  const text = PAIRS[0].a.body + '\n\n' + PAIRS[3].b.body + '\n\n' + PAIRS[6].a.body;
  const base = inputFor('', 'kestrel', 'tomas', others);
  for (let i = 0; i < 200; i++) checkNote({ ...base, body: text.slice(0, i + 1) }); // warm up the JIT and caches
  const samples: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const t = performance.now();
    checkNote({ ...base, body: text.slice(0, i + 1) });
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(0.95 * samples.length)];
}

export function checksEvalReport(): string {
  const f = (x: number) => x.toFixed(2);
  const row = (name: string, s: Scores) =>
    [`  ${name.padEnd(9)}`, ...(['tuning', 'heldOut', 'all'] as const).map((k) => `${k} P ${f(s[k].precision)} R ${f(s[k].recall)} (${s[k].tp + s[k].fp + s[k].fn + s[k].tn} cases)`)].join('  ');
  const personal = scorePersonal();
  const distinct = scoreDistinct();
  const lines = [
    `Checks on the labelled set (${PERSONAL_NOTES.length} notes, ${PAIRS.length} pairs; held out = every third case; target P and R ≥ 0.90):`,
    row('personal', personal),
    row('distinct', distinct),
    `  per keystroke with 10 notes of ~300 words: p95 ${keystrokeP95().toFixed(2)} ms (target < 16 ms)`,
  ];
  const misses = [...personal.all.misses.map((m) => `personal ${m}`), ...distinct.all.misses.map((m) => `distinct ${m}`)];
  if (misses.length) lines.push('  disagreements:', ...misses.map((m) => `    ${m}`));
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(checksEvalReport());

