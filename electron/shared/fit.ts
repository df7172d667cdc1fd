// Fitting a debrief value into the sentence a template puts it in. People write debriefs as phrases,
// full sentences, lists and bullets; the note must still read as one person's sentence. Pure TypeScript.

/** What the fitter knows about the people and organisations in play (to tell names from ordinary words). */
export type FitContext = {
  /** Lowercased words that are names: the contact, the company, you, other people in the interview. */
  names: Set<string>;
  /** The recipient's name forms (full name, first name), lowercased: a clause about them is turned to "you". */
  recipient: string[];
};

export type Fitted = {
  /** Characters to remove from the end of the text before the field (a lead-in being reworded). */
  drop: number;
  /** What replaces them plus the value. */
  text: string;
  /** Further whole sentences of the value, to follow the sentence the field stands in. */
  trail: string;
};

const LIST = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
const BULLET_RE = /^\s*(?:[-*•·–—▪◦]|\d{1,2}[.)])\s+/;
const TRAILING_PUNCT_RE = /[\s.,;:!?…]+$/;
const PRONOUN_SUBJECTS = new Set(['i', 'we', 'they', 'he', 'she', 'it', 'you', 'there']);
const DETERMINERS = new Set(['the', 'their', 'our', 'his', 'her', 'its', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'your', 'every', 'each', 'most', 'some', 'many', 'no', 'all', 'both']);
const AUX = new Set(
  'is are was were has have had will would can could should must may might does do did needs wants keeps seems feels isn\'t aren\'t wasn\'t weren\'t hasn\'t haven\'t doesn\'t don\'t didn\'t won\'t can\'t couldn\'t'.split(' '),
);
const IRREGULAR_PAST = new Set('led ran built made took gave said told went began wrote saw felt kept left lost grew brought thought spent found set put cut let hit'.split(' '));
// Words after which an -s word is a verb, not a plural: "runs the", "wants to", "struggles with".
const VERB_FOLLOWERS = new Set(['the', 'a', 'an', 'to', 'their', 'his', 'her', 'its', 'our', 'my', 'your', 'every', 'all', 'no', 'more', 'most', 'with', 'on', 'into', 'about', 'up', 'out', 'over', 'through', 'across']);
const NOT_VERBS_S = new Set(['this', 'its', 'his', 'us', 'yes', 'always', 'perhaps', 'across', 'less', 'plus', 'thus', 'was', 'has', 'is', 'does', 'news', 'process', 'business', 'success', 'access', 'analysis', 'status', 'focus', 'bus', 'gas', 'class', 'series', 'ops', 'devops', 'stats', 'metrics', 'sales', 'ones']);

// Common verbs (base form), for plural subjects a suffix cannot reveal: "night shifts go unfilled",
// "agency staff cost twice as much". Counted only in text the writer ended with a full stop.
const VERBS = new Set(
  `go cost need want run take make keep get have lack miss struggle leave quit burn work use ship break fail drift grow fall rise stay
  come see feel know think say spend pay wait stop start move change block own lead manage handle cover depend rely sit slip lose
  win show tend seem hate love like prefer expect plan hope try complain report call ask end fight share build hire train care
  worry push pull rotate cover overlap clash require deserve mean help let find give tell turn open close rely stretch suffer`.split(/\s+/),
);
const PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'for', 'to', 'with', 'from', 'by', 'about', 'across', 'into', 'over', 'under', 'and', 'or']);

type Word = { w: string; s: number; e: number };
const words = (t: string): Word[] => [...t.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)].map((m) => ({ w: m[0], s: m.index, e: m.index + m[0].length }));

function looksVerbS(w: string, next: string | undefined): boolean {
  const l = w.toLowerCase();
  if (AUX.has(l)) return true;
  if (!/^[a-z]+s$/.test(w) || l.length < 4 || NOT_VERBS_S.has(l) || /(?:ss|us|is)$/.test(l)) return false;
  if (next === undefined) return false;
  const n = next.toLowerCase();
  // "wants to", "struggles to", but not "tokens to code".
  if (n === 'to') return TO_VERBS.has(l);
  return VERB_FOLLOWERS.has(n);
}
const TO_VERBS = new Set('wants needs plans hopes tries likes loves hates seems tends goes comes wishes expects refuses struggles asks agrees decides chooses fails helps aims'.split(' '));

function looksPast(w: string): boolean {
  return IRREGULAR_PAST.has(w) || /^[a-z]{3,}ed$/.test(w);
}

/** A full sentence (subject and finite verb) rather than a phrase: "Jordan runs the platform" vs "the platform". */
export function isClause(text: string, ctx: FitContext, endedWithStop = false): boolean {
  const ws = words(text);
  if (ws.length < 3) return false;
  const first = ws[0].w.toLowerCase();
  if (/ing$/.test(first)) return false; // "Migrating 400 DAGs…" is a gerund phrase
  const at = (i: number) => ws[i]?.w;
  if (PRONOUN_SUBJECTS.has(first)) return AUX.has(at(1)!.toLowerCase()) || looksVerbS(at(1)!, at(2)) || looksPast(at(1)!) || /^[a-z]+$/.test(at(1)!);
  const nameLen = ctx.recipient.concat([...ctx.names]).some((n) => n === first) || /^\p{Lu}/u.test(ws[0].w) ? 1 : 0;
  if (nameLen && !DETERMINERS.has(first)) {
    // "Jordan runs…", "Storybook is…", "Dana led…"; not "Kafka streams and event sourcing".
    let i = 1;
    while (i < 3 && ws[i] && /^\p{Lu}/u.test(ws[i].w)) i++; // "Dana Lee runs…"
    const v = at(i);
    if (v && (AUX.has(v.toLowerCase()) || looksVerbS(v, at(i + 1)) || (looksPast(v) && ctx.names.has(first)))) return true;
    // "Jordan's team carries the pager": a possessive name, its noun, then the verb.
    if (/['’]s$/.test(ws[0].w)) for (let j = 2; j <= 4 && j < ws.length; j++) if (AUX.has(ws[j].w) || looksVerbS(ws[j].w, at(j + 1))) return true;
  }
  if (DETERMINERS.has(first)) {
    // "Their design system has drifted", "The night shift runs short": a verb within four words.
    for (let i = 2; i <= 5 && i < ws.length; i++) {
      const v = ws[i].w;
      if (AUX.has(v.toLowerCase()) || looksVerbS(v, at(i + 1))) return true;
    }
  }
  if (endedWithStop) {
    for (let i = 1; i <= 5 && i < ws.length; i++) {
      const v = ws[i].w;
      const prev = ws[i - 1].w.toLowerCase();
      if (DETERMINERS.has(prev) || PREPOSITIONS.has(prev)) continue;
      if (VERBS.has(v) || (/ed$/.test(v) && VERBS.has(v.slice(0, -2))) || (/s$/.test(v) && VERBS.has(v.slice(0, -1)))) return true;
    }
  }
  return false;
}

/** Keep a leading capital for names, acronyms, "I" and brand-like words (iOS, McKinsey). */
function keepsCapital(word: string, ctx: FitContext): boolean {
  if (word === 'I' || /^I['’]/.test(word)) return true;
  if (/^\p{Lu}[\p{Lu}\d]+s?$/u.test(word)) return true; // DAG, DAGs, ICU, Q3
  if (/^.+\p{Lu}/u.test(word)) return true; // iOS, McKinsey, PostgreSQL
  return ctx.names.has(word.toLowerCase().replace(/['’]s$/, ''));
}

function lowerFirst(text: string, ctx: FitContext): string {
  const m = /^[\p{L}\p{N}]+(?:['’]\p{L}+)?/u.exec(text);
  if (!m || !/^\p{Lu}/u.test(m[0]) || keepsCapital(m[0], ctx)) return text;
  return text[0].toLowerCase() + text.slice(1);
}

const upperFirst = (t: string) => (t ? t[0].toUpperCase() + t.slice(1) : t);
const trimEnd = (t: string) => t.replace(TRAILING_PUNCT_RE, '');

function deinflect(w: string): string {
  const map: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do', goes: 'go', "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't" };
  const l = w.replace(/’/g, "'");
  if (map[l]) return map[l];
  if (/[^aeiou]ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ch|sh|ss|x|z)es$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && !/ss$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * A clause about the recipient, turned to speak to them: "Jordan runs the platform and wants to grow it"
 * -> "you run the platform and want to grow it"; "their design system…" -> "your design system…".
 */
function toSecondPerson(clause: string, ctx: FitContext, heSheIsRecipient: boolean): string {
  const ws = words(clause);
  if (ws.length === 0) return clause;
  const lower = clause.toLowerCase();
  const name = [...ctx.recipient].sort((a, b) => b.length - a.length).find((n) => n && (lower.startsWith(n + ' ') || lower.startsWith(n + "'s ") || lower.startsWith(n + '’s ')));
  const first = ws[0].w.toLowerCase();
  if (first === 'their' || (heSheIsRecipient && (first === 'his' || first === 'her'))) return 'your' + clause.slice(ws[0].e);
  if (first === 'they' || first === "they're" || first === 'they’re') return (first === 'they' ? 'you' : "you're") + clause.slice(ws[0].e);
  let subjectEnd: number;
  if (name) {
    subjectEnd = name.length;
    if (/^['’]s /.test(clause.slice(subjectEnd))) return 'your' + clause.slice(subjectEnd + 2);
  } else if (heSheIsRecipient && (first === 'he' || first === 'she')) {
    subjectEnd = ws[0].e;
  } else {
    return clause;
  }
  let rest = clause.slice(subjectEnd);
  const rw = words(rest);
  // The verb right after the subject (an adverb may stand between), and verbs joined by "and".
  const fix = new Set<number>();
  let i = 0;
  if (rw[i] && /^(?:also|still|often|really|now|always|already|usually)$/.test(rw[i].w)) i++;
  // Right after the subject, an -s word is the verb ("Jordan runs payroll").
  if (rw[i] && (AUX.has(rw[i].w) || (/^[a-z]{3,}s$/.test(rw[i].w) && !/ss$/.test(rw[i].w) && !NOT_VERBS_S.has(rw[i].w)))) fix.add(i);
  for (let j = 1; j < rw.length; j++) if (rw[j - 1].w === 'and' && looksVerbS(rw[j].w, rw[j + 1]?.w) && /s$/.test(rw[j].w)) fix.add(j);
  const pron: Record<string, string> = { his: 'your', her: 'your', him: 'you', himself: 'yourself', herself: 'yourself' };
  let out = '';
  let last = 0;
  rw.forEach((x, k) => {
    let rep: string | null = null;
    if (fix.has(k)) rep = deinflect(x.w);
    else if (pron[x.w]) rep = pron[x.w];
    if (rep !== null) {
      out += rest.slice(last, x.s) + rep;
      last = x.e;
    }
  });
  rest = out + rest.slice(last);
  return 'you' + rest;
}

/** Lines, semicolons or bullets: the items of a list; one item for plain text. */
export function listItems(value: string): string[] {
  const lines = value.split(/\n+/).map((l) => l.trim()).filter(Boolean);
  const bulleted = lines.length > 1 || lines.some((l) => BULLET_RE.test(l));
  const parts = (bulleted ? lines : [value.trim()]).flatMap((l) => l.replace(BULLET_RE, '').split(/\s*;\s*/));
  const items = parts.map((p) => p.replace(BULLET_RE, '').trim()).filter(Boolean);
  // "token pipeline, accessibility audits": commas separate short phrases when no "and"/"or" joins them.
  if (items.length === 1 && !/[.!?]\s/.test(items[0]) && !/\b(?:and|or)\b/i.test(items[0])) {
    const c = items[0].split(/\s*,\s+/);
    if (c.length > 1 && c.every((x) => x.split(/\s+/).length <= 5)) return c;
  }
  return items;
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d"“])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

// "hearing about" + a clause becomes "hearing that …"; "about" alone "about how …"; "is" takes "is that …".
function leadIn(before: string): { drop: number; text: string } {
  let m = /\b(hearing|learning|learn|hear|heard|learned|learnt|knowing) about(\s+)$/i.exec(before);
  if (m) return { drop: ('about' + m[2]).length, text: 'that' + m[2] };
  m = /\b(?:is|are|was|were)(\s+)$/i.exec(before);
  if (m) return { drop: 0, text: 'that ' };
  m = /\b(?:about|on)(\s+)$/i.exec(before);
  if (m) return { drop: 0, text: 'how ' };
  return { drop: 0, text: '' };
}

/**
 * Fits a debrief value into the place it stands: `before` is the text already written before the field,
 * `after` the template text after it. Standalone on a line, the value is kept as written.
 */
export function fitProse(value: string, before: string, after: string, ctx: FitContext, opts: { heSheIsRecipient: boolean }): Fitted {
  const raw = value.trim();
  const lineStart = /(?:^|\n)[ \t]*$/.test(before);
  const lineEnd = /^[ \t]*(?:\n|$)/.test(after);
  if (lineStart && lineEnd) return { drop: 0, text: raw, trail: '' };
  const sentenceStart = lineStart || /[.!?]["”')]?\s+$/.test(before);
  const punctAfter = /^\s*[.!?,;:]/.test(after);

  const items = listItems(raw);
  const stopped = (t: string) => /[.!?]["”']?$/.test(t.trim());
  let sentences: string[];
  let stops: boolean[];
  if (items.length > 1) {
    const clauses = items.filter((it) => isClause(trimEnd(it), ctx, stopped(it)));
    if (clauses.length * 2 <= items.length) {
      // A list of phrases: "a, b, and c". Capitals typed on every line are a habit and are lowered;
      // a capital among lowercase items was chosen ("union rules", "Epic charting"), so it stays.
      const someLower = items.some((it) => /^\p{Ll}/u.test(it));
      const joined = LIST.format(items.map((it) => (someLower ? trimEnd(it) : lowerFirst(trimEnd(it), ctx))));
      return { drop: 0, text: sentenceStart ? upperFirst(joined) : joined, trail: '' };
    }
    sentences = items.map(trimEnd);
    stops = items.map((it) => stopped(it) || true);
  } else {
    const ss = sentencesOf(raw);
    sentences = ss.map(trimEnd);
    stops = ss.map(stopped);
  }
  if (sentences.length === 0) return { drop: 0, text: raw, trail: '' };
  const firstIsClause = isClause(sentences[0], ctx, stops[0]);
  if (!firstIsClause && sentences.length === 1) {
    const t = sentences[0];
    return { drop: 0, text: sentenceStart ? upperFirst(t) : lowerFirst(t, ctx), trail: '' };
  }
  if (sentenceStart) {
    const text = sentences.map(upperFirst).join('. ') + (punctAfter ? '' : '.');
    return { drop: 0, text, trail: '' };
  }
  const speak = (s: string) => toSecondPerson(lowerFirst(s, ctx), ctx, opts.heSheIsRecipient);
  if (!firstIsClause) return { drop: 0, text: lowerFirst(sentences[0], ctx), trail: sentences.slice(1).map((s) => upperFirst(s) + '.').join(' ') };
  // Up to three sentences join into one ("that A and B"); more would make one sentence too long.
  const inSlot = sentences.length <= 3 ? sentences : sentences.slice(0, 1);
  const lead = leadIn(before);
  const rest = sentences.slice(inSlot.length).map((s) => upperFirst(toSecondPerson(s, ctx, opts.heSheIsRecipient)) + '.');
  return { drop: lead.drop, text: lead.text + LIST.format(inSlot.map(speak)), trail: rest.join(' ') };
}

// ---------------------------------------------------------------- sign-off

const CLOSING_RE =
  /^(?:(?:with )?(?:best|kind|warm|warmest|kindest|many) (?:regards|wishes|thanks)|best|regards|warmly|sincerely|yours(?: sincerely| truly| faithfully)?|cheers|thanks(?: again)?|thank you(?: again)?|cordially|respectfully|gratefully|with (?:thanks|gratitude|appreciation)|all the best|take care|love|fondly)[,!.]?$/i;

/** True when a line is a closing ("Best regards,", "Warmly,"). */
export function isClosingLine(line: string): boolean {
  return CLOSING_RE.test(line.trim());
}

/** The length of a closing line (with its newline) that ends `before`, if the signature brings its own. */
export function closingToDrop(before: string, signature: string): number {
  const firstLine = signature.trim().split('\n')[0];
  if (!isClosingLine(firstLine)) return 0;
  const m = /(?:^|\n)([^\n]*)\n[ \t]*$/.exec(before);
  if (!m || !isClosingLine(m[1])) return 0;
  return m[0].length - (m[0].startsWith('\n') ? 1 : 0);
}
