// Helpers for writing templates: a preview split into plain text, filled fields and unfilled fields,
// and turning a written note back into a template. Pure TypeScript, shared with the renderer.
import { MERGE_FIELDS, findUnfilled, renderTemplate, type MergeData } from './merge';

export type PreviewSegment = { text: string; kind: 'text' | 'filled' | 'unfilled'; field?: string };

/** The template filled with `data`, in segments, so a preview can mark what a field became and what stays `{{...}}`. */
export function previewSegments(template: string, data: MergeData): PreviewSegment[] {
  const out: PreviewSegment[] = [];
  let last = 0;
  for (const f of findUnfilled(template)) {
    if (f.start > last) out.push({ text: template.slice(last, f.start), kind: 'text' });
    const r = renderTemplate(template.slice(f.start, f.end), data);
    out.push({ text: r.text, kind: r.unfilled.length ? 'unfilled' : 'filled', field: f.field });
    last = f.end;
  }
  if (last < template.length) out.push({ text: template.slice(last), kind: 'text' });
  return out;
}

const KNOWN = new Set(MERGE_FIELDS.map((f) => f.key.toLowerCase()));

/**
 * What a `{{...}}` is: a known merge field; something shaped like a field name that is not one (a typo,
 * never filled); or a prompt the writer replaces by hand ("{{your question}}").
 */
export function fieldKind(field: string): 'known' | 'unknown' | 'prompt' {
  if (KNOWN.has(field.toLowerCase())) return 'known';
  return /^[A-Za-z]+\.[A-Za-z]+$/.test(field) ? 'unknown' : 'prompt';
}

export type TemplateFromNote = {
  subject: string | null;
  body: string;
  /** What was replaced (at most the greeting name). */
  replaced: Array<{ from: string; to: string }>;
  /** The greeting's name when it was left as written because it is not the recipient's first or full name. */
  greetingKept: string | null;
  /** How often the recipient's first name still appears in the subject and text after the greeting. */
  nameElsewhere: number;
};

// "Dear Dana," "Hi Dana Lee!" "Hello Dana, thanks…": the greeting word, the name, the rest of the line
// from the punctuation after the name. A period does not end the name ("Dear Dr. Lee,").
const GREETING_RE = /^([ \t]*(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening))[ \t]+)([^,!:;\n—–]+?)([ \t]*\.?[ \t]*(?:[,!:;—–].*)?)$/i;

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A note's subject and text as a template for other recipients. Only the greeting's name is replaced
 * (the first name with {{contact.firstName}}, the full name with {{contact.name}}): a name elsewhere may
 * be part of what was said, so it is counted for the writer to review, never rewritten.
 */
export function templateFromNote(input: { subject: string | null; body: string; recipientName: string | null; firstName: string | null }): TemplateFromNote {
  const lines = input.body.split('\n');
  const at = lines.findIndex((l) => l.trim() !== '');
  const replaced: TemplateFromNote['replaced'] = [];
  let greetingKept: string | null = null;
  const m = at >= 0 ? GREETING_RE.exec(lines[at]) : null;
  if (m) {
    const name = m[2].trim();
    const to = input.firstName && norm(name) === norm(input.firstName) ? '{{contact.firstName}}' : input.recipientName && norm(name) === norm(input.recipientName) ? '{{contact.name}}' : null;
    if (to) {
      lines[at] = m[1] + to + m[3];
      replaced.push({ from: name, to });
    } else if (!name.includes('{{') && name.split(/\s+/).length <= 4) {
      greetingKept = name;
    }
  }
  const body = lines.join('\n');
  let nameElsewhere = 0;
  if (input.firstName && input.firstName.trim()) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(input.firstName.trim())}(?![\\p{L}\\p{N}])`, 'giu');
    nameElsewhere = (body.match(re)?.length ?? 0) + ((input.subject ?? '').match(re)?.length ?? 0);
  }
  return { subject: input.subject, body, replaced, greetingKept, nameElsewhere };
}
