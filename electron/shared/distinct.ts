// The distinct check: is this note more than a copy of another note for the same interview? It measures
// how much of each note is covered by runs of the other's words: the writer's words with function words
// set aside and stemmed, so "the migration plan" meets "a migrating plan", and in any order of sentences,
// so moving paragraphs around does not hide a copy. Pure TypeScript; runs on every keystroke.
import { firstNameOf } from './merge';
import { FUNCTION, round, stem, tokenize, type Tok } from './text';
import type { Check, CheckInput, Passage } from './checks';

export const DISTINCT_WARN = 0.5;
export const DISTINCT_FAIL = 0.8;
/** Words in a matching run: three content words in a row are rarely shared by chance. */
const RUN = 3;

// Shingles are 30-bit hashes of interned stem ids: small integers hash far cheaper than strings.
// A rare collision can only add one spurious shared shingle; passages re-check the stems themselves.
type Prepared = { toks: Tok[]; content: number[]; ids: number[]; shingles: number[]; set: Set<number>; firstPos: Map<number, number> | null };
const vocab = new Map<string, number>();
function idOf(k: string): number {
  let id = vocab.get(k);
  if (id === undefined) vocab.set(k, (id = vocab.size));
  return id;
}
/** Bounds the vocabulary; cached shingles use its ids, so they go too. Only call between comparisons. */
function trimVocab(): void {
  if (vocab.size > 100_000) {
    vocab.clear();
    cache.clear();
  }
}

// Others rarely change while the user types in this note, so their shingles are cached by text.
const CACHE_MAX = 256;
const cache = new Map<string, Prepared>();

const SHORT_LINE_WORDS = 6;

/** Tokens of the body without a short greeting line and the short lines of a sign-off. */
function coreTokens(text: string, toks: Tok[]): Tok[] {
  if (toks.length === 0) return toks;
  let from = 0;
  let to = toks.length; // exclusive
  const lineStart = (i: number): number => text.lastIndexOf('\n', toks[i].s - 1) + 1;
  const nl = text.indexOf('\n', toks[0].s);
  const firstEnd = nl < 0 ? text.length : nl;
  let n = 0;
  while (n < toks.length && toks[n].s < firstEnd) n++;
  if (n <= SHORT_LINE_WORDS && n < toks.length) from = n;
  // Sign-off: up to four trailing short lines ("Best regards," / "Sam Rivera" / phone).
  for (let lines = 0; lines < 4 && to > from; lines++) {
    const start = lineStart(to - 1);
    let m = to;
    while (m > from && toks[m - 1].s >= start) m--;
    if (to - m > SHORT_LINE_WORDS) break;
    to = m;
  }
  // A card typed as many short lines would vanish entirely; compare all of it instead.
  return to - from >= 6 ? toks.slice(from, to) : toks;
}

function hash3(a: number, b: number, c: number): number {
  const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

function build(text: string): Prepared {
  const toks = coreTokens(text, tokenize(text));
  const content: number[] = [];
  const ids: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const st = stem(toks[i].k);
    if (FUNCTION.has(st) || FUNCTION.has(toks[i].k)) continue;
    content.push(i);
    ids.push(idOf(st));
  }
  const shingles: number[] = [];
  for (let i = 0; i + RUN - 1 < ids.length; i++) shingles.push(hash3(ids[i], ids[i + 1], ids[i + 2]));
  return { toks, content, ids, shingles, set: new Set(shingles), firstPos: null };
}

function firstPositions(p: Prepared): Map<number, number> {
  if (!p.firstPos) {
    p.firstPos = new Map();
    for (let i = p.shingles.length - 1; i >= 0; i--) p.firstPos.set(p.shingles[i], i);
  }
  return p.firstPos;
}

function prepare(text: string): Prepared {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const p = build(text);
  cache.set(text, p);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
  return p;
}

/** Warm the cache with the other notes' texts (optional; checkNote prepares them on demand). */
export function prepareOthers(bodies: Iterable<string>): void {
  trimVocab();
  for (const b of bodies) prepare(b);
}

/** Share of `a`'s content words inside a run of words `b` has too; the runs as [from, to] content indexes. */
function coverage(a: Prepared, b: Prepared): { share: number; runs: Array<[number, number]> } {
  const n = a.ids.length;
  if (n === 0) return { share: 0, runs: [] };
  const runs: Array<[number, number]> = [];
  let covered = 0;
  for (let i = 0; i < a.shingles.length; ) {
    if (!b.set.has(a.shingles[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < a.shingles.length && b.set.has(a.shingles[j + 1])) j++;
    runs.push([i, j + RUN - 1]);
    covered += j + RUN - i;
    i = j + 1;
  }
  return { share: covered / n, runs };
}

function passageOf(body: string, me: Prepared, other: Prepared, otherId: number | string, [from, to]: [number, number]): Passage {
  const a = me.toks[me.content[from]];
  const b = me.toks[me.content[to]];
  const p: Passage = { start: a.s, end: b.e, text: body.slice(a.s, b.e), kind: 'shared', otherId };
  const op = firstPositions(other).get(me.shingles[from]);
  if (op !== undefined && me.ids[from] === other.ids[op] && me.ids[from + 1] === other.ids[op + 1] && me.ids[from + 2] === other.ids[op + 2]) {
    // Extend through the other note while the stems keep matching.
    let len = RUN;
    while (from + len <= to && op + len < other.ids.length && other.ids[op + len] === me.ids[from + len]) len++;
    p.otherStart = other.toks[other.content[op]].s;
    p.otherEnd = other.toks[other.content[op + len - 1]].e;
  }
  return p;
}

export function checkDistinct(input: CheckInput): Check {
  const others = input.others.filter((o) => o.body && o.body.trim() !== '');
  const base = { id: 'distinct' as const, title: 'Distinct' };
  if (others.length === 0) {
    return { ...base, verdict: 'info', score: 1, message: 'No other notes for this interview to compare with.', passages: [] };
  }
  trimVocab();
  // Not cached: the body being typed changes on every keystroke.
  const me = build(input.body);
  if (me.shingles.length === 0) {
    return { ...base, verdict: 'info', score: 1, message: 'Too short to compare with the other notes yet.', passages: [] };
  }
  const sims = others.map((o) => {
    const p = prepare(o.body);
    const mine = coverage(me, p);
    // Symmetric: a short note copied whole into a longer one is as alike as the longer one is to it.
    const theirs = p.ids.length > 0 ? coverage(p, me).share : 0;
    return { o, p, runs: mine.runs, sim: Math.max(mine.share, theirs), both: Math.min(mine.share, theirs) };
  });
  sims.sort((a, b) => b.sim - a.sim);
  const top = sims[0];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const score = round(1 - top.sim);
  const alike = sims.filter((s) => s.sim >= DISTINCT_WARN);
  const passagesOf = (list: typeof sims, minWords: number) =>
    list
      .flatMap((s) => s.runs.filter(([f, t]) => t - f + 1 >= minWords).map((r) => passageOf(input.body, me, s.p, s.o.id, r)))
      .sort((a, b) => a.start - b.start);
  if (alike.length > 0) {
    const passages = passagesOf(alike, RUN);
    const list = alike.map((s) => `${pct(s.sim)} alike with the note to ${s.o.label}`).join('; ');
    const who = input.recipient?.name ? firstNameOf(input.recipient.name) + "'s" : 'this person’s';
    return {
      ...base,
      // Fail only for the same note twice; one note contained in a longer one is a warning.
      verdict: alike.some((s) => s.both >= DISTINCT_FAIL) ? 'fail' : 'warn',
      score,
      message: `${list[0].toUpperCase()}${list.slice(1)}: ${passages.length === 1 ? 'one passage is' : `${passages.length} passages are`} shared. Make this note reflect ${who} part of the conversation.`,
      passages,
    };
  }
  // Below the threshold, still point out long runs shared with another note.
  const passages = passagesOf(sims, 6);
  const n = others.length;
  return {
    ...base,
    verdict: 'pass',
    score,
    message:
      `Distinct from the other ${n === 1 ? 'note' : `${n} notes`} (closest: ${pct(top.sim)} alike with the note to ${top.o.label}).` +
      (passages.length > 0 ? ` ${passages.length === 1 ? 'One passage is' : `${passages.length} passages are`} the same as in another note.` : ''),
    passages,
  };
}
