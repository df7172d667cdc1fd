// The composer's live checks: advice shown beside a note, never a gate on sending.
// Shared by the renderer (runs on every keystroke) and the main process: pure TypeScript, no Node or DOM APIs.
import { findUnfilled, firstNameOf } from './merge';

export type Verdict = 'pass' | 'warn' | 'fail' | 'info';
export type CheckId = 'personal' | 'distinct' | 'timely' | 'deliverable' | 'merge';

/**
 * A highlightable span. Offsets index into the body unless `where` is 'subject'.
 * `kind` says why it is highlighted; `other*` locate the same words in another note (distinct check).
 */
export type Passage = {
  start: number;
  end: number;
  text: string;
  kind?: 'name' | 'reference' | 'shared' | 'field';
  where?: 'body' | 'subject';
  otherId?: number | string;
  otherStart?: number;
  otherEnd?: number;
};

export type Check = { id: CheckId; verdict: Verdict; score: number; title: string; message: string; passages: Passage[] };
export type CheckResult = { checks: Check[]; ok: boolean };

export type CheckInput = {
  body: string;
  /** undefined = not checked; null or '' on an email = missing subject. */
  subject?: string | null;
  delivery: 'email' | 'handwritten';
  recipient: { name: string | null; email: string | null; hasPostalAddress: boolean } | null;
  /** The interview debrief plus what this recipient talked about. Items may be separated by newlines, ';' or ','. */
  context: {
    topics?: string | null;
    challenge?: string | null;
    lookingFor?: string | null;
    talkedAbout?: string | null;
    company?: string | null;
    role?: string | null;
  };
  dueAt: number | null;
  now: number;
  status?: string;
  /** The other notes for the same interview; `label` names the recipient, as in "the note to {label}". */
  others: Array<{ id: number | string; label: string; body: string }>;
  cardWordLimit: number;
};

export const DISTINCT_WARN = 0.5;
export const DISTINCT_FAIL = 0.8;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------- text normalisation

/** A word of the original text: `k` is its matching key (lowercase, accents and apostrophes removed). */
type Tok = { k: string; s: number; e: number };

// Letters/digits with inner apostrophes ("don't", "Dana's"); hyphens split words so "design-system" matches "design system".
const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const NON_ASCII_RE = /[^ -~\t\n\r]/;
const MARKS_RE = /\p{M}+/gu;

function keyOf(raw: string): string {
  let w = raw.toLowerCase();
  if (NON_ASCII_RE.test(w)) w = w.normalize('NFD').replace(MARKS_RE, '').replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  return w.indexOf("'") >= 0 ? w.replace(/'/g, '') : w;
}

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ k: keyOf(m[0]), s: m.index, e: m.index + m[0].length });
  return out;
}

// Ordered: the first suffix whose remainder is long enough wins.
const SUFFIXES: Array<[suffix: string, replacement: string, minStem: number, undouble: boolean]> = [
  ['ations', 'at', 3, false],
  ['ation', 'at', 3, false],
  ['ies', 'y', 3, false],
  ['ness', '', 3, false],
  ['ments', '', 3, false],
  ['ment', '', 3, false],
  ['ions', '', 3, false],
  ['ion', '', 3, false],
  ['ings', '', 3, true],
  ['ing', '', 3, true],
  ['ers', '', 4, true],
  ['er', '', 4, true],
  ['ed', '', 3, true],
  ['ly', '', 4, false],
  ['s', '', 3, false],
];
const NO_UNDOUBLE = new Set(['l', 's', 'f', 'z']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

const stemMemo = new Map<string, string>();

/** Crude stemmer: enough to make "scheduling", "schedules" and "schedule" meet. Exported for tests. */
export function stem(key: string): string {
  let x = stemMemo.get(key);
  if (x !== undefined) return x;
  x = stemRaw(key);
  if (stemMemo.size > 50_000) stemMemo.clear();
  stemMemo.set(key, x);
  return x;
}

function stemRaw(key: string): string {
  let x = key;
  if (x.length <= 3 || /^\d/.test(x)) return x;
  for (const [suf, rep, min, undouble] of SUFFIXES) {
    if (!x.endsWith(suf)) continue;
    const base = x.slice(0, x.length - suf.length);
    if (base.length < min) continue;
    if (suf === 's' && /(?:ss|us|is)$/.test(x)) break;
    x = base + rep;
    // planning -> plann -> plan; but staffing -> staff keeps its double f.
    const a = x[x.length - 1];
    if (undouble && x.length > 3 && a === x[x.length - 2] && !VOWELS.has(a) && !NO_UNDOUBLE.has(a)) x = x.slice(0, -1);
    break;
  }
  if (x.length > 3 && x.endsWith('e')) x = x.slice(0, -1);
  return x;
}

// Function words plus the vocabulary every thank-you note shares: none of it shows the writer listened.
const STOP_WORDS = `a about above across after again against all almost along also although always am among an and another any
anyone anything are around as at away back be because been before being below between both but by can cannot could
did do does doing done down during each either else enough even ever every few for from further get gets getting got
had has have having he her here hers herself him himself his how however i if in into is it its itself just least less
let lets like made make makes many may me might mine more most much must my myself near need needs neither never next no
nor not now of off often on once one only onto or other others our ours ourselves out over own per perhaps put quite
rather really said same say says see seem seems several shall she should since so some something still such sure than
that the their theirs them themselves then there these they thing things this those though through thus to together too
toward towards under until up upon us very via was way ways we well were what whatever when where whether which while
who whom whose why will with within without would yet you your yours yourself yourselves im ive id ill youre youve
dont doesnt didnt isnt wasnt cant couldnt wouldnt shouldnt wont thats theres lets
interview interviews interviewer interviewers interviewing role roles position positions team teams opportunity
opportunities thank thanks thanked thanking thankful grateful gratitude time times meeting meetings meet met company
companies conversation conversations chat chatted talk talked talking discuss discussed discussing discussion
discussions today yesterday tomorrow week weeks morning afternoon evening day days great good nice wonderful fantastic
amazing enjoy enjoyed enjoying excited exciting excitement learn learned learning learnt appreciate appreciated
appreciation speak spoke speaking spoken job jobs work worked working forward hear heard hearing hope hoping look looked
looking best regards sincerely cheers dear hi hello hey again warm warmly kind kindly please pleasure glad happy delighted
insight insights insightful interesting fit candidate candidacy application apply applied hiring hire manager process
steps step help helpful share shared sharing love loved want wanted know knowing think thought feel felt lot lots
someone somebody anyone end last first touch today's opportunity's mr mrs ms mx dr prof professor sir madam team's company's role's taking take took taken
given give giving provide provided chance new further continue continued potential possible part`
  .split(/\s+/)
  .filter(Boolean);
const STOP = new Set<string>();
for (const w of STOP_WORDS) {
  const k = keyOf(w);
  STOP.add(k);
  STOP.add(stem(k));
}

function isContent(k: string, st: string, extraStop: Set<string>): boolean {
  if (k.length < 2 || STOP.has(k) || STOP.has(st) || extraStop.has(st)) return false;
  if (/^\d$/.test(k)) return false;
  return true;
}

// ---------------------------------------------------------------- personal

type Field = 'challenge' | 'lookingFor' | 'talkedAbout' | 'topics';
const FIELD_ORDER: Field[] = ['challenge', 'lookingFor', 'talkedAbout', 'topics'];
const SUGGEST_ORDER: Field[] = ['talkedAbout', 'challenge', 'lookingFor', 'topics'];
type Item = { field: Field; text: string; terms: string[] };

const STOCK_PHRASES = [
  'thank you for your time',
  'thanks for your time',
  'thank you for taking the time',
  'thanks for taking the time',
  'thank you for the opportunity',
  'thanks for the opportunity',
  'thank you for meeting with me',
  'thank you for considering me',
  'appreciate your time',
  'look forward to hearing from you',
  'great to meet you',
  'nice to meet you',
  'pleasure to meet you',
  'enjoyed learning about',
  'excited about the opportunity',
  'excited about the position',
  'excited about the role',
  'very interested in the position',
  'very interested in the role',
  'let me know if you need anything',
].map((p) => p.split(' '));
const STOCK_BY_FIRST = new Map<string, string[][]>();
for (const p of STOCK_PHRASES) {
  const list = STOCK_BY_FIRST.get(p[0]) ?? [];
  list.push(p);
  STOCK_BY_FIRST.set(p[0], list);
}
const HONORIFIC_KEYS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'professor', 'sir', 'dame']);

function splitItems(text: string): string[] {
  return text
    .split(/[\n;•·|]+|,\s+|\s+-\s+/)
    .map((s) => s.replace(/^[\s*\-–—\d.)]+/, '').trim())
    .filter((s) => s.length > 0);
}

function clip(s: string, n = 60): string {
  return s.length <= n ? s : s.slice(0, n - 1).trimEnd() + '…';
}

function seqAt(toks: Tok[], i: number, seq: string[]): boolean {
  if (seq.length === 0 || i + seq.length > toks.length) return false;
  for (let j = 0; j < seq.length; j++) if (toks[i + j].k !== seq[j]) return false;
  return true;
}

function nameMatches(body: string, toks: Tok[], name: string | null): { passages: Passage[]; first: string | null } {
  if (!name || !name.trim()) return { passages: [], first: null };
  const first = firstNameOf(name);
  let full = tokenize(name).map((t) => t.k);
  while (full.length > 1 && HONORIFIC_KEYS.has(full[0])) full = full.slice(1);
  const firstSeq = first ? tokenize(first).map((t) => t.k) : [];
  const last = full.length > 1 ? full[full.length - 1] : null;
  const passages: Passage[] = [];
  const push = (i: number, n: number) =>
    passages.push({ start: toks[i].s, end: toks[i + n - 1].e, text: body.slice(toks[i].s, toks[i + n - 1].e), kind: 'name' });
  for (let i = 0; i < toks.length; i++) {
    // Longest form first so "Dana Lee" is one passage, not "Dana" plus nothing.
    if (full.length > 1 && seqAt(toks, i, full)) {
      push(i, full.length);
      i += full.length - 1;
    } else if (seqAt(toks, i, firstSeq)) {
      push(i, firstSeq.length);
      i += firstSeq.length - 1;
    } else if (last && HONORIFIC_KEYS.has(toks[i].k) && i + 1 < toks.length && toks[i + 1].k === last) {
      // "Dear Dr. Okafor" names the recipient as surely as a first name does.
      push(i, 2);
      i += 1;
    }
  }
  return { passages, first };
}

function checkPersonal(input: CheckInput, body: string, toks: Tok[]): Check {
  const ctx = input.context;
  const name = input.recipient?.name ?? null;
  const names = nameMatches(body, toks, name);
  const who = names.first ?? 'the recipient';

  // Words of the company, role and name say nothing about the conversation.
  const extraStop = new Set<string>();
  for (const s of [ctx.company, ctx.role, name]) if (s) for (const t of tokenize(s)) extraStop.add(stem(t.k));

  const items: Item[] = [];
  for (const field of FIELD_ORDER) {
    const raw = ctx[field];
    if (!raw) continue;
    for (const text of splitItems(raw)) {
      const terms = new Set<string>();
      for (const t of tokenize(text)) {
        const st = stem(t.k);
        if (isContent(t.k, st, extraStop)) terms.add(st);
      }
      if (terms.size > 0) items.push({ field, text, terms: [...terms] });
    }
  }

  const stems: string[] = new Array(toks.length);
  const where = new Map<string, number[]>();
  for (let i = 0; i < toks.length; i++) {
    const st = stem(toks[i].k);
    stems[i] = st;
    if (!isContent(toks[i].k, st, extraStop)) continue;
    const list = where.get(st);
    if (list) list.push(i);
    else where.set(st, [i]);
  }

  // An item counts as referenced when two of its terms appear (its only term, for a one-word item).
  const referenced: Item[] = [];
  const hitTokens = new Set<number>();
  for (const item of items) {
    const matched = item.terms.filter((t) => where.has(t));
    if (matched.length >= Math.min(2, item.terms.length)) {
      referenced.push(item);
      for (const t of matched) for (const i of where.get(t)!) hitTokens.add(i);
    }
  }

  let stock: string | null = null;
  for (let i = 0; i < toks.length && !stock; i++) {
    for (const p of STOCK_BY_FIRST.get(toks[i].k) ?? []) {
      if (seqAt(toks, i, p)) {
        stock = p.join(' ');
        break;
      }
    }
  }

  // Group referenced words into phrases: tokens a few words apart within one sentence.
  const passages: Passage[] = [...names.passages];
  const sorted = [...hitTokens].sort((a, b) => a - b);
  for (let j = 0; j < sorted.length; ) {
    const a = sorted[j];
    let b = a;
    j++;
    while (j < sorted.length && sorted[j] - b <= 3 && !/[.!?\n]/.test(body.slice(toks[b].e, toks[sorted[j]].s))) b = sorted[j++];
    passages.push({ start: toks[a].s, end: toks[b].e, text: body.slice(toks[a].s, toks[b].e), kind: 'reference' });
  }
  passages.sort((x, y) => x.start - y.start);

  const named = names.passages.length > 0;
  const refFields = [...new Set(referenced.map((r) => r.field))];
  const refScore = items.length === 0 ? 0 : Math.min(1, referenced.length / Math.min(2, items.length));
  const score = round((named ? 0.5 : 0) + 0.5 * refScore);
  const fieldLabel = (f: Field): string =>
    f === 'challenge' ? 'the challenge they named' : f === 'lookingFor' ? 'what they look for' : f === 'talkedAbout' ? `what ${who} talked about` : 'the topics';
  // This person's part of the conversation first: the advice is to make each note reflect it.
  const suggest = (): string => {
    const seen = new Set<Field>();
    const parts: string[] = [];
    const byPriority = [...items].sort((x, y) => SUGGEST_ORDER.indexOf(x.field) - SUGGEST_ORDER.indexOf(y.field));
    for (const it of byPriority) {
      if (parts.length === 3) break;
      if (seen.has(it.field) || referenced.includes(it)) continue;
      seen.add(it.field);
      parts.push(`${fieldLabel(it.field)} ("${clip(it.text)}")`);
    }
    return parts.join(', ');
  };
  const nameHint = name ? `It doesn't name ${names.first ?? name}.` : 'No recipient name to address.';

  if (items.length === 0) {
    return {
      id: 'personal',
      verdict: named ? 'info' : 'warn',
      score: named ? 0.5 : 0,
      title: 'Personal',
      message: (named ? '' : nameHint + ' ') + 'Add debrief notes (topics, the challenge they named, what they look for) to check that the note builds on the conversation.',
      passages,
    };
  }
  if (named && referenced.length > 0) {
    const missingTalk = ctx.talkedAbout && items.some((i) => i.field === 'talkedAbout') && !refFields.includes('talkedAbout');
    return {
      id: 'personal',
      verdict: 'pass',
      score,
      title: 'Personal',
      message:
        `Names ${names.passages[0].text} and builds on ${refFields.map(fieldLabel).join(', ')}.` +
        (missingTalk ? ` You could also mention what ${who} talked about.` : ''),
      passages,
    };
  }
  const parts: string[] = [];
  if (!named) parts.push(nameHint);
  if (referenced.length === 0) {
    parts.push(
      (stock ? `Reads as perfunctory: stock phrases like "${stock}" and nothing specific from the conversation.` : 'Reads as perfunctory: nothing specific from the conversation.') +
        ` You could mention ${suggest()}.`,
    );
  }
  return { id: 'personal', verdict: 'warn', score, title: 'Personal', message: parts.join(' '), passages };
}

// ---------------------------------------------------------------- distinct

// Shingles are 31-bit hashes of interned word ids: small integers hash far cheaper than strings or doubles.
// A rare collision can only add one spurious shared shingle; passages re-check the words themselves.
type Prepared = { toks: Tok[]; shingles: number[]; set: Set<number>; firstPos: Map<number, number> | null };
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
  const lineEnd = (i: number): number => {
    const nl = text.indexOf('\n', toks[i].s);
    return nl < 0 ? text.length : nl;
  };
  const lineStart = (i: number): number => text.lastIndexOf('\n', toks[i].s - 1) + 1;
  // Greeting: the first line, if short ("Dear Dana,").
  const firstEnd = lineEnd(0);
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

function build(text: string): Prepared {
  const toks = coreTokens(text, tokenize(text));
  const ids = toks.map((t) => idOf(t.k));
  const shingles: number[] = [];
  for (let i = 0; i + 2 < ids.length; i++) {
    const h = Math.imul(ids[i], 0x9e3779b1) ^ Math.imul(ids[i + 1], 0x85ebca77) ^ Math.imul(ids[i + 2], 0xc2b2ae3d);
    shingles.push((h ^ (h >>> 15)) & 0x3fffffff);
  }
  return { toks, shingles, set: new Set(shingles), firstPos: null };
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

function sameWords(a: Tok[], i: number, b: Tok[], j: number, n: number): boolean {
  for (let x = 0; x < n; x++) if (a[i + x].k !== b[j + x].k) return false;
  return true;
}

function sharedPassages(body: string, me: Prepared, other: Prepared, otherId: number | string, minWords: number): Passage[] {
  const out: Passage[] = [];
  const n = me.shingles.length;
  for (let i = 0; i < n; ) {
    if (!other.set.has(me.shingles[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && other.set.has(me.shingles[j + 1])) j++;
    // Shingles i..j cover tokens i..j+2.
    const words = j - i + 3;
    if (words >= minWords) {
      const a = me.toks[i];
      const b = me.toks[j + 2];
      const p: Passage = { start: a.s, end: b.e, text: body.slice(a.s, b.e), kind: 'shared', otherId };
      const op = firstPositions(other).get(me.shingles[i])!;
      if (sameWords(me.toks, i, other.toks, op, 3)) {
        let len = 0;
        while (i + len + 1 <= j && op + len + 1 < other.shingles.length && other.shingles[op + len + 1] === me.shingles[i + len + 1]) len++;
        while (len > 0 && !sameWords(me.toks, i, other.toks, op, len + 3)) len--;
        p.otherStart = other.toks[op].s;
        p.otherEnd = other.toks[op + len + 2].e;
      }
      out.push(p);
    }
    i = j + 1;
  }
  return out;
}

function checkDistinct(input: CheckInput): Check {
  const others = input.others.filter((o) => o.body && o.body.trim() !== '');
  const base = { id: 'distinct' as const, title: 'Distinct' };
  if (others.length === 0) {
    return { ...base, verdict: 'info', score: 1, message: 'No other notes for this interview to compare with.', passages: [] };
  }
  trimVocab();
  // Not cached: the body being typed changes on every keystroke.
  const me = build(input.body);
  if (me.set.size === 0) {
    return { ...base, verdict: 'info', score: 1, message: 'Too short to compare with the other notes yet.', passages: [] };
  }
  const sims = others.map((o) => {
    const p = prepare(o.body);
    let inter = 0;
    const [small, large] = me.set.size <= p.set.size ? [me.set, p.set] : [p.set, me.set];
    for (const s of small) if (large.has(s)) inter++;
    const denom = me.set.size + p.set.size;
    return { o, p, sim: denom === 0 ? 0 : (2 * inter) / denom };
  });
  sims.sort((a, b) => b.sim - a.sim);
  const top = sims[0];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const score = round(1 - top.sim);
  const alike = sims.filter((s) => s.sim >= DISTINCT_WARN);
  if (alike.length > 0) {
    const passages = alike.flatMap((s) => sharedPassages(input.body, me, s.p, s.o.id, 4)).sort((a, b) => a.start - b.start);
    const list = alike.map((s) => `${pct(s.sim)} alike with the note to ${s.o.label}`).join('; ');
    return {
      ...base,
      verdict: top.sim >= DISTINCT_FAIL ? 'fail' : 'warn',
      score,
      message: `${list[0].toUpperCase()}${list.slice(1)}. Make this note reflect ${input.recipient?.name ? firstNameOf(input.recipient.name) + "'s" : 'this person’s'} part of the conversation.`,
      passages,
    };
  }
  // Below the threshold, still point out whole sentences copied word for word.
  const passages = sims.flatMap((s) => sharedPassages(input.body, me, s.p, s.o.id, 8)).sort((a, b) => a.start - b.start);
  const n = others.length;
  return {
    ...base,
    verdict: 'pass',
    score,
    message:
      `Distinct from the other ${n === 1 ? 'note' : `${n} notes`} (closest: ${pct(top.sim)} alike with the note to ${top.o.label}).` +
      (passages.length > 0 ? ` ${passages.length === 1 ? 'One passage is' : `${passages.length} passages are`} word for word the same as another note.` : ''),
    passages,
  };
}

// ---------------------------------------------------------------- timely

/** "45 min", "5 h", "2 days"; rounded down. */
export function formatSpan(ms: number): string {
  const min = Math.floor(ms / 60_000);
  if (min < 1) return 'under a minute';
  if (min < 60) return `${min} min`;
  const h = Math.floor(ms / HOUR);
  if (h < 48) return `${h} h`;
  const d = Math.floor(ms / DAY);
  return `${d} days`;
}

function checkTimely(input: CheckInput): Check {
  const base = { id: 'timely' as const, title: 'On time', passages: [] };
  const status = input.status ?? 'draft';
  if (status !== 'draft') {
    const msg = status === 'sent' ? 'Sent.' : status === 'mailed' ? 'Mailed.' : `Card ${status}; mail it today, cards take days to arrive.`;
    return { ...base, verdict: 'pass', score: 1, message: msg };
  }
  if (input.dueAt == null) return { ...base, verdict: 'info', score: 1, message: 'No due time set.' };
  const left = input.dueAt - input.now;
  if (left >= 0) {
    return { ...base, verdict: 'pass', score: round(Math.min(1, left / DAY)), message: left < 60_000 ? 'Due now.' : `Due in ${formatSpan(left)}.` };
  }
  return { ...base, verdict: 'fail', score: 0, message: `Overdue by ${formatSpan(-left)}.` };
}

// ---------------------------------------------------------------- deliverable

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Words as a person counts them on a card: whitespace-separated chunks with a letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/\S+/g)) if (/[\p{L}\p{N}]/u.test(m[0])) n++;
  return n;
}

function checkDeliverable(input: CheckInput): Check {
  const base = { id: 'deliverable' as const, title: 'Deliverable', passages: [] };
  const r = input.recipient;
  if (!r) return { ...base, verdict: 'fail', score: 0, message: 'No recipient chosen.' };
  const who = r.name?.trim() || 'this contact';
  if (input.body.trim() === '') return { ...base, verdict: 'fail', score: 0, message: 'The note is empty.' };
  if (input.delivery === 'email') {
    const email = r.email?.trim();
    if (!email) {
      return {
        ...base,
        verdict: 'fail',
        score: 0,
        message: `No email address for ${who}.` + (r.hasPostalAddress ? ' Add one, or send a handwritten card instead.' : ' Add one to send this note.'),
      };
    }
    if (!EMAIL_RE.test(email)) return { ...base, verdict: 'fail', score: 0, message: `"${email}" does not look like an email address.` };
    if (input.subject !== undefined && !input.subject?.trim()) return { ...base, verdict: 'warn', score: 0.5, message: 'The email has no subject.' };
    return { ...base, verdict: 'pass', score: 1, message: `Goes to ${email}.` };
  }
  if (!r.hasPostalAddress) {
    return {
      ...base,
      verdict: 'fail',
      score: 0,
      message: `No postal address for ${who}.` + (r.email ? ' Add one, or send an email instead.' : ' Add one to mail this card.'),
    };
  }
  const words = countWords(input.body);
  const limit = input.cardWordLimit;
  if (limit > 0 && words > limit) {
    return { ...base, verdict: 'warn', score: round(limit / words), message: `${words} of ${limit} words: too long for a card.` };
  }
  return { ...base, verdict: 'pass', score: 1, message: limit > 0 ? `${words} of ${limit} words; postal address on file.` : 'Postal address on file.' };
}

// ---------------------------------------------------------------- merge

function checkMerge(body: string, subject: string | null | undefined, inBody: ReturnType<typeof findUnfilled>): Check {
  const passages: Passage[] = [];
  if (subject) for (const u of findUnfilled(subject)) passages.push({ start: u.start, end: u.end, text: subject.slice(u.start, u.end), kind: 'field', where: 'subject' });
  for (const u of inBody) passages.push({ start: u.start, end: u.end, text: body.slice(u.start, u.end), kind: 'field', where: 'body' });
  if (passages.length === 0) return { id: 'merge', verdict: 'pass', score: 1, title: 'Merge fields', message: 'All merge fields are filled.', passages };
  const names = [...new Set(passages.map((p) => p.text))];
  return {
    id: 'merge',
    verdict: 'fail',
    score: 0,
    title: 'Merge fields',
    message: `${passages.length === 1 ? '1 merge field is' : `${passages.length} merge fields are`} not filled: ${names.join(', ')}.`,
    passages,
  };
}

// ---------------------------------------------------------------- entry point

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}

export function checkNote(input: CheckInput): CheckResult {
  const body = input.body ?? '';
  const unfilled = findUnfilled(body);
  // Words inside a leftover {{field}} are not the writer's words.
  let toks = tokenize(body);
  if (unfilled.length > 0) toks = toks.filter((t) => !unfilled.some((u) => t.s >= u.start && t.s < u.end));
  const checks: Check[] = [
    checkPersonal(input, body, toks),
    checkDistinct({ ...input, body }),
    checkTimely(input),
    checkDeliverable({ ...input, body }),
    checkMerge(body, input.subject, unfilled),
  ];
  return { checks, ok: checks.every((c) => c.verdict !== 'fail' && c.verdict !== 'warn') };
}
