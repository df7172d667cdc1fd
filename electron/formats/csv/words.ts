// Words spreadsheets use for stages and priorities, and placeholders that mean "nothing yet".
import { STAGES, type BuiltinStage as Stage, type Priority } from '../../shared/domain';

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

/**
 * Status words as trackers and templates write them, matched whole, ignoring case, accents, spaces
 * and punctuation ("In-progress", "PHONE SCREEN", "phonescreen" are the same word). README lists them.
 * The pattern rules below catch longer phrases ("🔴 Rejected after final round").
 */
export const STATUS_WORDS: Record<string, Stage> = {
  'not started': 'wishlist', 'to do': 'wishlist', todo: 'wishlist', 'to apply': 'wishlist', 'want to apply': 'wishlist', planned: 'wishlist', draft: 'wishlist',
  'in progress': 'applied', 'application submitted': 'applied', 'no response': 'applied', 'no reply': 'applied', 'awaiting response': 'applied', 'waiting to hear back': 'applied',
  'phone screen': 'screening', 'phone screening': 'screening', 'hr interview': 'screening', 'first call': 'screening',
  'first interview': 'interviewing', 'second interview': 'interviewing', 'third interview': 'interviewing', 'final interview': 'interviewing', 'tech interview': 'interviewing', 'technical interview': 'interviewing', 'case study': 'interviewing', 'coding challenge': 'interviewing', 'home assignment': 'interviewing',
  offer: 'offer', 'offer received': 'offer', 'offer extended': 'offer', 'verbal offer': 'offer',
  'offer accepted': 'accepted', 'accepted offer': 'accepted', 'job accepted': 'accepted',
  // Declining an offer is the candidate leaving, not the company saying no.
  'offer declined': 'withdrawn', 'declined offer': 'withdrawn', 'turned down offer': 'withdrawn',
  rejected: 'rejected', 'no longer considered': 'rejected', 'position filled': 'rejected', 'role filled': 'rejected',
};
const STATUS_KEYS = new Map(Object.entries(STATUS_WORDS).map(([w, stage]) => [w.replace(/ /g, ''), stage]));

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
  const whole = STATUS_KEYS.get(w.replace(/ /g, ''));
  if (whole) return whole;
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
