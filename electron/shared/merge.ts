// Template merge fields. Shared by the renderer and the main process: pure TypeScript, no Node or DOM APIs.

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
  { key: 'contact.firstName', label: 'First name', description: "Recipient's first name (taken from the full name if not set)" },
  { key: 'contact.name', label: 'Full name', description: "Recipient's full name" },
  { key: 'contact.title', label: 'Job title', description: "Recipient's job title" },
  { key: 'company.name', label: 'Company', description: 'Company name' },
  { key: 'application.role', label: 'Role', description: 'The role you applied for' },
  { key: 'interview.date', label: 'Interview date', description: 'When the interview took place' },
  { key: 'interview.topics', label: 'Topics', description: 'Topics discussed (from the debrief)' },
  { key: 'interview.challenge', label: 'Challenge', description: 'The challenge they named (from the debrief)' },
  { key: 'interview.lookingFor', label: 'Looking for', description: 'What they are looking for (from the debrief)' },
  { key: 'interview.promises', label: 'Promises', description: 'What you said you would send (from the debrief)' },
  { key: 'participant.talkedAbout', label: 'What they talked about', description: 'What this person talked about in the interview' },
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

/**
 * Replaces the fields that have a value. Fields without a value, and unknown fields, stay in the text
 * as `{{field}}` (whitespace inside the braces removed) and are reported with offsets into the output.
 * Single pass: a value that itself contains "{{...}}" is not expanded again.
 */
export function renderTemplate(text: string, data: MergeData): { text: string; unfilled: Unfilled[] } {
  const unfilled: Unfilled[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(FIELD_RE)) {
    out += text.slice(last, m.index);
    const field = m[1];
    const value = valueFor(field, data);
    if (value !== null) {
      out += value;
    } else {
      const start = out.length;
      out += `{{${field}}}`;
      unfilled.push({ field, start, end: out.length });
    }
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  return { text: out, unfilled };
}

/** Positions of every `{{...}}` left in a text (field = the trimmed name inside the braces). */
export function findUnfilled(text: string): Unfilled[] {
  const found: Unfilled[] = [];
  for (const m of text.matchAll(FIELD_RE)) {
    found.push({ field: m[1], start: m.index, end: m.index + m[0].length });
  }
  return found;
}
