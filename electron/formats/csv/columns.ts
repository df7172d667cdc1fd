// Spreadsheet columns: what a column can become, and the guess from its header.

import { CSV_TARGETS, type Target } from '../../shared/csv-targets';

export { CSV_TARGETS, type Target };

export const TARGET_LABELS: Record<Target, string> = {
  ignore: 'Ignore this column',
  company: 'Company',
  role: 'Role',
  stage: 'Stage',
  priority: 'Priority',
  location: 'Location',
  source: 'Source',
  postingUrl: 'Posting URL',
  salary: 'Salary (range)',
  salaryMin: 'Salary min',
  salaryMax: 'Salary max',
  salaryCurrency: 'Salary currency',
  appliedAt: 'Date applied',
  deadlineAt: 'Deadline',
  stageChangedAt: 'Stage changed (date)',
  createdAt: 'Created (date)',
  archivedAt: 'Archived (date)',
  notes: 'Notes',
  appendToNotes: 'Add to notes',
};


/** Words of a header: accents, emoji, punctuation and "(USD)"-style remarks dropped. */
function headerWords(header: string): string[] {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const SYNONYMS: Partial<Record<Target, string[]>> = {
  // Columns our own export writes that are facts, not fields: never guessed as something else.
  // Notion's "Created time" is when the page was made, not a fact of the search.
  ignore: ['notes sent', 'interviews', 'created time', 'last edited time', 'id', 'company website', 'website'],
  company: ['company', 'company name', 'employer', 'organization', 'organisation', 'org', 'firm', 'business'],
  role: ['role', 'title', 'position', 'job title', 'job', 'job role', 'position title', 'role title', 'job position', 'opening'],
  stage: ['stage', 'status', 'application status', 'pipeline stage', 'current status', 'current stage'],
  priority: ['priority', 'importance'],
  location: ['location', 'city', 'job location', 'office', 'office location'],
  source: ['source', 'found via', 'found on', 'found through', 'where found', 'channel', 'job board', 'platform', 'via'],
  postingUrl: ['url', 'link', 'job posting', 'posting', 'posting url', 'job url', 'job link', 'listing', 'job listing', 'posting link', 'job posting url', 'application link'],
  salary: ['salary', 'salary range', 'compensation', 'pay', 'pay range', 'comp', 'expected salary', 'base salary', 'salary band'],
  salaryMin: ['salary min', 'min salary', 'minimum salary', 'salary from', 'salary minimum', 'salary low'],
  salaryMax: ['salary max', 'max salary', 'maximum salary', 'salary to', 'salary maximum', 'salary high'],
  salaryCurrency: ['currency', 'salary currency'],
  appliedAt: ['date applied', 'applied', 'applied on', 'applied date', 'application date', 'date of application', 'applied at', 'date submitted', 'submitted on'],
  deadlineAt: ['deadline', 'apply by', 'closing date', 'application deadline', 'due date', 'closes', 'closes on'],
  stageChangedAt: ['stage changed', 'status changed', 'stage changed at', 'status changed at', 'status date', 'last status change'],
  createdAt: ['created', 'created at', 'created on', 'date created', 'date added', 'added on'],
  archivedAt: ['archived', 'archived at', 'archived on', 'date archived'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'description', 'details'],
};
const SYNONYM_WORDS = Object.entries(SYNONYMS).flatMap(([target, list]) => list!.map((s) => ({ target: target as Target, words: s.split(' ') })));

function containsRun(words: string[], run: string[]): boolean {
  for (let i = 0; i + run.length <= words.length; i++) if (run.every((w, j) => words[i + j] === w)) return true;
  return false;
}

/** Column mapping from headers: exact names first ("Job title"), then names inside odd headers ("Company 🏢", "Notes / Comments"). */
export function autoMap(headers: string[]): Target[] {
  const words = headers.map(headerWords);
  const mapping: (Target | null)[] = headers.map(() => null);
  const claimed = new Set<Target>();
  const claim = (i: number, t: Target) => {
    // One column per field, except notes, which several columns can feed.
    if (t !== 'ignore' && t !== 'notes' && claimed.has(t)) return false;
    mapping[i] = t;
    claimed.add(t);
    return true;
  };
  words.forEach((w, i) => {
    const joined = w.join('');
    const hit = SYNONYM_WORDS.find((s) => s.words.join('') === joined);
    if (hit) claim(i, hit.target);
  });
  words.forEach((w, i) => {
    if (mapping[i] !== null || w.length === 0) return;
    const hits = SYNONYM_WORDS.filter((s) => containsRun(w, s.words)).sort((a, b) => b.words.length - a.words.length);
    for (const h of hits) if (claim(i, h.target)) return;
  });
  return mapping.map((t) => t ?? 'ignore');
}

