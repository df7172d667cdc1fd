// The composer's live checks: advice shown beside a note, never a gate on sending.
// Shared by the renderer (runs on every keystroke) and the main process: pure TypeScript, no Node or DOM APIs.
import { isEmail } from './email';
import { findUnfilled } from './merge';
import { checkDistinct } from './distinct';
import { checkPersonal, type FoundItem } from './personal';
import { round, tokenize } from './text';

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

export type Check = {
  id: CheckId;
  verdict: Verdict;
  score: number;
  title: string;
  message: string;
  passages: Passage[];
  /** personal: the debrief items the note builds on, and which of their words it carries. */
  found?: FoundItem[];
};
export type CheckResult = { checks: Check[]; ok: boolean };

export type CheckInput = {
  body: string;
  /** undefined = not checked; null or '' on an email = missing subject. */
  subject?: string | null;
  delivery: 'email' | 'handwritten';
  /**
   * email / hasPostalAddress describe the email and postal address the note goes to (the ones chosen
   * for it, else the primary); *ChoiceGone says the chosen one was removed and the primary stands in.
   */
  recipient: { name: string | null; email: string | null; hasPostalAddress: boolean; emailChoiceGone?: boolean; addressChoiceGone?: boolean } | null;
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

export { DISTINCT_FAIL, DISTINCT_WARN, prepareOthers } from './distinct';
export { stem } from './text';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

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
    // The one email rule (shared/email.ts), as the contact form and the profile check it.
    if (!isEmail(email)) return { ...base, verdict: 'fail', score: 0, message: `"${email}" does not look like an email address.` };
    if (r.emailChoiceGone) {
      return { ...base, verdict: 'warn', score: 0.5, message: `The email chosen for this note was removed from ${who}; it goes to their primary, ${email}.` };
    }
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
  if (r.addressChoiceGone) {
    return { ...base, verdict: 'warn', score: 0.5, message: `The postal address chosen for this card was removed from ${who}; it goes to their primary address.` };
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
