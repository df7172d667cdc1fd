// The personal check: does the note name the person and build on what was said? An item of the debrief
// counts as referenced when the note carries enough of it: two of its words in any form ("scheduling"
// meets "schedules"), one distinctive term (a product, place, number or technical word), or a compound
// written either way ("on-call" / "oncall", "burned out" / "burnout").
import { firstNameOf } from './merge';
import { isContent, round, stem, tokenize, type Tok } from './text';
import type { Check, CheckInput, Passage } from './checks';

type Field = 'challenge' | 'lookingFor' | 'talkedAbout' | 'topics';
const FIELD_ORDER: Field[] = ['challenge', 'lookingFor', 'talkedAbout', 'topics'];
const SUGGEST_ORDER: Field[] = ['talkedAbout', 'challenge', 'lookingFor', 'topics'];
/** A debrief item: its terms (stems), the distinctive ones weigh double, compounds are joined stems. */
type Item = { field: Field; text: string; terms: string[]; weight: Map<string, number> };

/** A debrief item the note builds on, and the words of it the note carries (for the verdict to explain). */
export type FoundItem = { field: Field; text: string; terms: string[] };

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

export function checkPersonal(input: CheckInput, body: string, toks: Tok[]): Check {
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
      const item = itemOf(field, text, extraStop);
      if (item.terms.length > 0) items.push(item);
    }
  }

  const where = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = where.get(key);
    if (list) list.push(i);
    else where.set(key, [i]);
  };
  for (let i = 0; i < toks.length; i++) {
    const st = stem(toks[i].k);
    if (isContent(toks[i].k, st, extraStop)) add(st, i);
    // Compounds both ways: "on call" and "on-call" give "oncal", as "oncall" does alone.
    if (i + 1 < toks.length && toks[i + 1].s - toks[i].e <= 1) add(stem(toks[i].k) + stem(toks[i + 1].k), i);
  }

  const referenced: Item[] = [];
  const found: FoundItem[] = [];
  const hitTokens = new Set<number>();
  for (const item of items) {
    const matched = item.terms.filter((t) => where.has(t));
    const weight = matched.reduce((s, t) => s + item.weight.get(t)!, 0);
    if (weight >= Math.min(2, item.terms.reduce((s, t) => s + item.weight.get(t)!, 0))) {
      referenced.push(item);
      found.push({ field: item.field, text: item.text, terms: matched });
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
        `Names ${names.passages[0].text} and builds on ${refFields.map(fieldLabel).join(', ')} (${found
          .slice(0, 3)
          .map((f) => `"${clip(f.text, 40)}"`)
          .join(', ')}).` +
        (missingTalk ? ` You could also mention what ${who} talked about.` : ''),
      passages,
      found,
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
  return { id: 'personal', verdict: 'warn', score, title: 'Personal', message: parts.join(' '), passages, found };
}

// Words that are long but say nothing about a conversation (perfunctory notes are full of them).
const GENERIC_LONG = new Set(['experience', 'experiences', 'background', 'organization', 'organisation', 'environment', 'responsibilities', 'professional', 'contribute', 'contributing', 'collaborative', 'collaboration', 'information', 'successful', 'department', 'understanding', 'considering', 'consideration', 'qualifications', 'communication', 'enthusiastic', 'particularly', 'especially', 'everything', 'throughout', 'discussion']);

/** Distinctive enough to count alone: a number, an acronym, a name-like capital mid-item, a long technical word. */
function distinctive(raw: string, k: string, atStart: boolean): boolean {
  if (/^\d{2,}/.test(k) || /\d/.test(k)) return true;
  if (/^\p{Lu}[\p{Lu}\d]+s?$/u.test(raw) || /^.+\p{Lu}/u.test(raw)) return true;
  if (!atStart && /^\p{Lu}/u.test(raw)) return true;
  return k.length >= 10 && !GENERIC_LONG.has(k);
}

const PARTICLES = new Set(['out', 'up', 'off', 'over', 'down', 'in', 'on', 'back']);

function itemOf(field: Field, text: string, extraStop: Set<string>): Item {
  const weight = new Map<string, number>();
  const toks = tokenize(text);
  toks.forEach((t, i) => {
    const st = stem(t.k);
    if (isContent(t.k, st, extraStop)) weight.set(st, Math.max(weight.get(st) ?? 0, distinctive(text.slice(t.s, t.e), t.k, i === 0) ? 2 : 1));
    const next = toks[i + 1];
    // A compound is as telling as a distinctive word: both its parts, written together.
    if (!next || next.s - t.e > 1) return;
    const hyphenated = text[t.e] === '-';
    const first = isContent(t.k, st, extraStop);
    // "burned out" / "burnout", "hand off" / "handoff": a word and its particle written as one.
    if (hyphenated || (first && (PARTICLES.has(next.k) || isContent(next.k, stem(next.k), extraStop)))) weight.set(st + stem(next.k), 2);
  });
  // Compounds are extra ways to match; an item of one word plus its compound is still a one-word item.
  return { field, text, terms: [...weight.keys()], weight };
}
