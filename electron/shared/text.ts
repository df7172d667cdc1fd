// Words of a note as the checks see them: tokens with offsets, matching keys, stems and stop words.
// Pure TypeScript, shared by the renderer (every keystroke) and the main process.
import { stemmer as porter } from 'stemmer';

/** A word of the original text: `k` is its matching key (lowercase, accents and apostrophes removed). */
export type Tok = { k: string; s: number; e: number };

// Letters/digits with inner apostrophes ("don't", "Dana's"); hyphens split words so "design-system" matches "design system".
const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const NON_ASCII_RE = /[^ -~\t\n\r]/;
const MARKS_RE = /\p{M}+/gu;

export function keyOf(raw: string): string {
  let w = raw.toLowerCase();
  if (NON_ASCII_RE.test(w)) w = w.normalize('NFD').replace(MARKS_RE, '').replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  return w.indexOf("'") >= 0 ? w.replace(/'/g, '') : w;
}

export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ k: keyOf(m[0]), s: m.index, e: m.index + m[0].length });
  return out;
}

const stemMemo = new Map<string, string>();
// Numbers written as words meet their digits ("twelve working days" / "12 working days"). From ten up:
// smaller ones are too common as plain words ("one of", "a couple") to be a reference.
const NUMBERS: Record<string, string> = Object.fromEntries(
  'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' ').map((w, i) => [w, String(10 + i)]).concat(
    'thirty forty fifty sixty seventy eighty ninety hundred'.split(' ').map((w, i) => [w, String(i < 7 ? 30 + 10 * i : 100)]),
  ),
);

/**
 * Porter's stemmer (npm `stemmer`), with a trailing doubled consonant folded so "staff" meets "staffing"
 * (Porter keeps one, strips the other). Memoised: the same words recur on every keystroke.
 */
export function stem(key: string): string {
  let x = stemMemo.get(key);
  if (x !== undefined) return x;
  x = NUMBERS[key] ?? (/^\d/.test(key) || key.length <= 2 ? key : porter(key));
  if (x.length > 3 && x[x.length - 1] === x[x.length - 2] && !/[aeiouy]/.test(x[x.length - 1])) x = x.slice(0, -1);
  if (stemMemo.size > 50_000) stemMemo.clear();
  stemMemo.set(key, x);
  return x;
}

// Function words plus the vocabulary every thank-you note shares: none of it shows the writer listened.
const FUNCTION_WORDS = `a about above across after again against all almost along also although always am among an and another any
anyone anything are around as at away back be because been before being below between both but by can cannot could
did do does doing done down during each either else enough even ever every few for from further get gets getting got
had has have having he her here hers herself him himself his how however i if in into is it its itself just least less
let lets like made make makes many may me might mine more most much must my myself near need needs neither never next no
nor not now of off often on once one only onto or other others our ours ourselves out over own per perhaps put quite
rather really said same say says see seem seems several shall she should since so some something still such sure than
that the their theirs them themselves then there these they thing things this those though through thus to together too
toward towards under until up upon us very via was way ways we well were what whatever when where whether which while
who whom whose why will with within without would yet you your yours yourself yourselves im ive id ill youre youve
dont doesnt didnt isnt wasnt cant couldnt wouldnt shouldnt wont thats theres lets`;
const NOTE_WORDS = `interview interviews interviewer interviewers interviewing role roles position positions team teams opportunity
opportunities thank thanks thanked thanking thankful grateful gratitude time times meeting meetings meet met company
companies conversation conversations chat chatted talk talked talking discuss discussed discussing discussion
discussions today yesterday tomorrow week weeks morning afternoon evening day days great good nice wonderful fantastic
amazing enjoy enjoyed enjoying excited exciting excitement learn learned learning learnt appreciate appreciated
appreciation speak spoke speaking spoken job jobs work worked working forward hear heard hearing hope hoping look looked
looking best regards sincerely cheers dear hi hello hey again warm warmly kind kindly please pleasure glad happy delighted
insight insights insightful interesting fit candidate candidacy application apply applied hiring hire manager process
steps step help helpful share shared sharing love loved want wanted know knowing think thought feel felt lot lots
someone somebody anyone end last first touch today's opportunity's mr mrs ms mx dr prof professor sir madam team's company's role's taking take took taken
given give giving provide provided chance new further continue continued potential possible part`;
// Function words and an extra few ('experience', 'background') every cover-letter note uses.
const GENERIC = ' experience experiences background skills skill organization organisation environment contribute';
export const STOP = new Set<string>();
/** Function words only: the distinct check compares all the writer's words, stock phrases included. */
export const FUNCTION = new Set<string>();
for (const w of (FUNCTION_WORDS + ' ' + NOTE_WORDS + GENERIC).split(/\s+/).filter(Boolean)) {
  const k = keyOf(w);
  STOP.add(k);
  STOP.add(stem(k));
}
for (const w of FUNCTION_WORDS.split(/\s+/).filter(Boolean)) FUNCTION.add(stem(keyOf(w)));

export function isContent(k: string, st: string, extraStop: Set<string>): boolean {
  if (k.length < 2 || STOP.has(k) || STOP.has(st) || extraStop.has(st)) return false;
  if (/^\d$/.test(k)) return false;
  return true;
}

export function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}
