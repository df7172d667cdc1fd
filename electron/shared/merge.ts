// Template merge fields. Shared by the renderer and the main process: pure TypeScript, no Node or DOM APIs.
import { closingToDrop, fitProse, type FitContext } from './fit';

export type MergeFieldKey =
  | 'contact.firstName'
  | 'contact.name'
  | 'contact.title'
  | 'company.name'
  | 'application.role'
  | 'interview.date'
  | 'interview.topics'
  | 'interview.challenge'
  | 'interview.lookingFor'
  | 'interview.promises'
  | 'participant.talkedAbout'
  | 'profile.name'
  | 'profile.signature';

export type MergeField = { key: MergeFieldKey; label: string; description: string };

export const MERGE_FIELDS: readonly MergeField[] = [
  { key: 'contact.firstName', label: 'First name', description: "The name to greet them by: their given name, or their whole name when it is written family name first (山田 太郎)" },
  { key: 'contact.name', label: 'Full name', description: "Recipient's full name" },
  { key: 'contact.title', label: 'Job title', description: "Recipient's job title" },
  { key: 'company.name', label: 'Company', description: 'Company name' },
  { key: 'application.role', label: 'Role', description: 'The role you applied for' },
  { key: 'interview.date', label: 'Interview date', description: 'When the interview took place' },
  { key: 'interview.topics', label: 'Topics', description: 'Topics discussed (from the debrief): short phrases, one a line' },
  { key: 'interview.challenge', label: 'Challenge', description: 'The challenge they named (from the debrief): a short phrase, in your words' },
  { key: 'interview.lookingFor', label: 'Looking for', description: 'What they are looking for (from the debrief): a short phrase' },
  { key: 'interview.promises', label: 'Promises', description: 'What you said you would send (from the debrief): short phrases' },
  { key: 'participant.talkedAbout', label: 'What they talked about', description: 'What this person talked about: short phrases, what they said, in your words' },
  { key: 'profile.name', label: 'Your name', description: 'Your name (from Settings)' },
  { key: 'profile.signature', label: 'Your signature', description: 'Your signature (from Settings)' },
];

type Val = string | null | undefined;

export type MergeData = {
  contact?: { name?: Val; firstName?: Val; title?: Val };
  company?: { name?: Val };
  application?: { role?: Val };
  interview?: { date?: Val; topics?: Val; challenge?: Val; lookingFor?: Val; promises?: Val };
  participant?: { talkedAbout?: Val };
  profile?: { name?: Val; signature?: Val };
  /** Other proper names in play (the other people in the interview): kept capitalised when a value starts with one. */
  names?: Val[];
};

export type Unfilled = { field: string; start: number; end: number };

// [^{}] keeps a match from spanning two fields; the lazy group lets whitespace inside the braces be trimmed.
const FIELD_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'professor', 'sir', 'dame']);

/** First name from a full name, skipping a leading honorific ("Dr. Dana Lee" -> "Dana"). */
export function firstNameOf(name: Val): string | null {
  if (!name) return null;
  const parts = name.trim().split(/\s+/).filter(Boolean);
  let i = 0;
  while (i < parts.length - 1 && HONORIFICS.has(parts[i].replace(/\.$/, '').toLowerCase())) i++;
  const first = parts[i]?.replace(/[,;]+$/, '');
  return first ? first : null;
}

function present(v: Val): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function valueFor(key: string, d: MergeData): string | null {
  // Case-insensitive keys: "{{Contact.FirstName}}" is an obvious intent, not an unknown field.
  switch (key.toLowerCase()) {
    case 'contact.firstname':
      return present(d.contact?.firstName) ?? present(firstNameOf(d.contact?.name));
    case 'contact.name':
      return present(d.contact?.name);
    case 'contact.title':
      return present(d.contact?.title);
    case 'company.name':
      return present(d.company?.name);
    case 'application.role':
      return present(d.application?.role);
    case 'interview.date':
      return present(d.interview?.date);
    case 'interview.topics':
      return present(d.interview?.topics);
    case 'interview.challenge':
      return present(d.interview?.challenge);
    case 'interview.lookingfor':
      return present(d.interview?.lookingFor);
    case 'interview.promises':
      return present(d.interview?.promises);
    case 'participant.talkedabout':
      return present(d.participant?.talkedAbout);
    case 'profile.name':
      return present(d.profile?.name);
    case 'profile.signature':
      return present(d.profile?.signature);
    default:
      return null;
  }
}

const PROSE_KEYS = new Set(['interview.topics', 'interview.challenge', 'interview.lookingfor', 'interview.promises', 'participant.talkedabout']);

/** Names the fitter must not lower-case: the people and company in the data, and words the debrief capitalises mid-sentence. */
export function fitContextOf(d: MergeData): FitContext {
  const names = new Set<string>();
  const add = (v: Val) => {
    for (const w of (v ?? '').match(/[\p{L}\p{N}]+/gu) ?? []) if (/^\p{Lu}/u.test(w)) names.add(w.toLowerCase());
  };
  for (const v of [d.contact?.name, d.contact?.firstName, d.company?.name, d.profile?.name, ...(d.names ?? [])]) add(v);
  const i = d.interview;
  for (const v of [i?.topics, i?.challenge, i?.lookingFor, i?.promises, d.participant?.talkedAbout]) {
    // A capital that does not start a sentence, line or list item marks a name ("moving off Heroku").
    for (const m of (v ?? '').matchAll(/(?<=[\p{L}\p{N},:)] +)\p{Lu}[\p{Ll}]+/gu)) names.add(m[0].toLowerCase());
  }
  const recipient = [d.contact?.name, d.contact?.firstName ?? firstNameOf(d.contact?.name)].filter((x): x is string => !!x && !!x.trim()).map((x) => x.trim().toLowerCase());
  return { names, recipient };
}

type Fill = { drop: number; text: string; trail: string };

/** A field's value fitted to the text around it (`before` = output so far, `after` = template text after it). */
function fill(key: string, value: string, before: string, after: string, ctx: () => FitContext): Fill {
  const k = key.toLowerCase();
  if (PROSE_KEYS.has(k)) return fitProse(value, before, after, ctx(), { heSheIsRecipient: k === 'participant.talkedabout' });
  if (k === 'profile.signature' || k === 'profile.name') return { drop: closingToDrop(before, value), text: value.trim(), trail: '' };
  return { drop: 0, text: value.trim(), trail: '' };
}

/** Puts sentences after the first sentence end in `literal` (or before its line break). */
function withTrail(literal: string, trail: string): { text: string; placed: boolean } {
  const m = /[.!?](?=["”')]?(?:\s|$))["”')]?|\n/.exec(literal);
  if (!m) return { text: literal, placed: false };
  const at = m[0] === '\n' ? m.index : m.index + m[0].length;
  return { text: literal.slice(0, at) + ' ' + trail + literal.slice(at), placed: true };
}

/**
 * Replaces the fields that have a value, each fitted to where it stands (see fit.ts): trailing punctuation
 * trimmed, a capital lowered mid-sentence unless a name, lists joined as a sentence's list, a full sentence
 * given a lead-in that takes a clause, and the template's closing dropped when the signature has one.
 * Fields without a value, and unknown fields, stay in the text as `{{field}}` (whitespace inside the
 * braces removed) and are reported with offsets into the output.
 * Single pass: a value that itself contains "{{...}}" is not expanded again.
 */
export function renderTemplate(text: string, data: MergeData): { text: string; unfilled: Unfilled[] } {
  const unfilled: Unfilled[] = [];
  let ctx: FitContext | null = null;
  const getCtx = () => (ctx ??= fitContextOf(data));
  let out = '';
  let last = 0;
  let trail = '';
  const literal = (s: string) => {
    if (trail) {
      const r = withTrail(s, trail);
      if (r.placed) trail = '';
      s = r.text;
    }
    out += s;
  };
  for (const m of text.matchAll(FIELD_RE)) {
    literal(text.slice(last, m.index));
    const field = m[1];
    const value = valueFor(field, data);
    if (value !== null) {
      const after = text.slice(m.index + m[0].length);
      const f = fill(field, value, out, after, getCtx);
      // Never cut into a field already reported as unfilled.
      const drop = Math.min(f.drop, out.length - (unfilled.length ? unfilled[unfilled.length - 1].end : 0));
      out = out.slice(0, out.length - drop) + f.text;
      if (f.trail) trail = trail ? `${trail} ${f.trail}` : f.trail;
    } else {
      const start = out.length;
      out += `{{${field}}}`;
      unfilled.push({ field, start, end: out.length });
    }
    last = m.index + m[0].length;
  }
  literal(text.slice(last));
  if (trail) out += ' ' + trail;
  return { text: out, unfilled };
}

/**
 * What inserting a field at the cursor would write, for the composer to preview before it inserts:
 * the value fitted to the sentence around the cursor, the whole note afterwards, the sentence as it will
 * read, and where the cursor goes. Null when the field has no value (the composer inserts `{{key}}`).
 */
export function previewInsert(
  body: string,
  selection: { start: number; end: number },
  key: string,
  data: MergeData,
): { inserted: string; body: string; sentence: string; cursor: number } | null {
  const value = valueFor(key, data);
  if (value === null) return null;
  const before = body.slice(0, selection.start);
  let after = body.slice(selection.end);
  const f = fill(key, value, before, after, () => fitContextOf(data));
  const head = before.slice(0, before.length - f.drop) + f.text;
  if (f.trail) {
    const t = withTrail(after, f.trail);
    after = t.placed ? t.text : after + ' ' + f.trail;
  }
  const next = head + after;
  // The sentence around the insertion: from the previous sentence end or line break to the next one.
  const cut = before.length - f.drop;
  const from = Math.max(0, ...['. ', '! ', '? ', '\n'].map((p) => {
    const i = head.lastIndexOf(p, cut - 1);
    return i < 0 ? 0 : i + p.length;
  }));
  const endRel = after.search(/[.!?](?:\s|$)|\n/);
  const to = endRel < 0 ? next.length : head.length + endRel + (after[endRel] === '\n' ? 0 : 1);
  return { inserted: f.text, body: next, sentence: next.slice(from, to).trim(), cursor: head.length };
}

/** Positions of every `{{...}}` left in a text (field = the trimmed name inside the braces). */
export function findUnfilled(text: string): Unfilled[] {
  const found: Unfilled[] = [];
  for (const m of text.matchAll(FIELD_RE)) {
    found.push({ field: m[1], start: m.index, end: m.index + m[0].length });
  }
  return found;
}
