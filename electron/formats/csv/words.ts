// Words spreadsheets use for stages and priorities, and placeholders that mean "nothing yet".
import { STAGES, type Priority, type Stage } from '../../shared/domain';

/** "N/A" or "TBD" in a date, salary, stage or link column means "nothing yet"; names and places are kept as written. */
export const PLACEHOLDER = /^(n\/?a|none|null|nil|tbd|tba|unknown|-+|—|–|\?+)$/i;

function letters(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const STAGE_RULES: Array<[RegExp, Stage]> = [
  [/\b(reject(ed|ion)?|declined?|not selected|turned down|no offer|unsuccessful|not moving forward|ghosted)\b/, 'rejected'],
  [/\b(withdrawn?|withdrew|cancell?ed|retracted|no longer interested|pulled out)\b/, 'withdrawn'],
  [/\b(accepted|hired|signed)\b/, 'accepted'],
  [/\b(wish ?list|saved|interested|bookmark(ed)?|considering|research(ing)?|to apply|not (yet )?applied|idea|watching|prospect)\b/, 'wishlist'],
  [/\b(offer(ed|s)?|negotiat\w*)\b/, 'offer'],
  [/\b(phone screen|screen(ing|ed)?|phone interview|recruiter (call|screen|chat)|hr (call|screen)|intro(ductory)? call|initial call)\b/, 'screening'],
  [/\b(interview(s|ing|ed)?|on ?site|final round|technical|take home|assessment|panel)\b/, 'interviewing'],
  [/\b(applied|submitted|application sent|sent|waiting|pending|in review|under review|awaiting)\b/, 'applied'],
];

/** "Phone screen" → screening, "🔴 Rejected" → rejected; null when the word means no stage we know. */
export function stageFromWord(raw: string): Stage | null {
  const w = letters(raw);
  if ((STAGES as readonly string[]).includes(w)) return w as Stage;
  for (const [re, stage] of STAGE_RULES) if (re.test(w)) return stage;
  return null;
}

const PRIORITY_WORDS: Record<string, Priority> = {
  high: 'high', h: 'high', hi: 'high', top: 'high', urgent: 'high', '★★★': 'high', '***': 'high',
  medium: 'medium', med: 'medium', m: 'medium', mid: 'medium', normal: 'medium', '★★': 'medium', '**': 'medium',
  low: 'low', l: 'low', lo: 'low', '★': 'low', '*': 'low',
};

/** "High", "h", "★★★" → high; null for a word that is no priority. */
export function priorityFromWord(raw: string): Priority | null {
  return PRIORITY_WORDS[raw.toLowerCase()] ?? null;
}
