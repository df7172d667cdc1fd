// Right-to-left text (Hebrew, Arabic) on one printed line: the Unicode bidirectional algorithm, through
// bidi-js (embedding levels, mirrored brackets), turned into pieces drawn left to right.
//
// fontkit (under pdf-lib) shapes each drawn run itself and, when the run's script is right-to-left, returns
// its glyphs reversed, i.e. in visual order. Arabic shaping needs the letters in logical order, so such runs
// are handed over as typed; only a run whose visual direction differs from the one fontkit will give it
// (punctuation inside right-to-left text, Arabic-Indic digits, which run left to right) is reversed here.
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

// The scripts fontkit lays out right to left that a shipped font can draw (its check: the first character
// of a run that is not Common or Inherited). Others (Syriac, Thaana, N'Ko) have no font and print as "?".
const RTL_SCRIPT = /[\p{Script=Hebrew}\p{Script=Arabic}]/u;
const NEUTRAL_OR_INHERITED = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** One grapheme of a line with its resolved embedding level (odd: right to left). */
export interface LeveledGrapheme {
  text: string;
  level: number;
}

/** Whether text reads right to left: its first strong letter is Hebrew or Arabic (the algorithm's rules P2, P3). */
export function isRightToLeft(text: string): boolean {
  if (!RTL_SCRIPT.test(text)) return false; // the common case, without running the algorithm
  return (bidi.getEmbeddingLevels(text.replace(/[\n\r\u2029\u0085]/g, ' ')).paragraphs[0]?.level ?? 0) % 2 === 1;
}

/**
 * Each grapheme of one line (no line breaks) with its embedding level, the paragraph's direction given or,
 * by default, from its first strong letter. In a right-to-left stretch, characters with a mirrored form
 * (brackets, "<", "«") are swapped for it, as the algorithm's rule L4 asks.
 */
export function levels(line: string, graphemes: string[], rtl?: boolean): LeveledGrapheme[] {
  if (!rtl && !RTL_SCRIPT.test(line)) return graphemes.map((text) => ({ text, level: 0 }));
  const { levels: lv } = bidi.getEmbeddingLevels(line, rtl === undefined ? 'auto' : rtl ? 'rtl' : 'ltr');
  const out: LeveledGrapheme[] = [];
  let at = 0;
  for (const g of graphemes) {
    const level = lv[at];
    const mirrored = level % 2 === 1 && g.length === 1 ? bidi.getMirroredCharacter(g) : null;
    out.push({ text: mirrored ?? g, level });
    at += g.length;
  }
  return out;
}

/**
 * Rule L2 on whole runs: from the highest level down to the lowest odd one, reverse every stretch of runs
 * at that level or higher. Runs come in logical order and go out left to right.
 */
export function visualOrder<T extends { level: number }>(runs: T[]): T[] {
  const out = runs.slice();
  const max = Math.max(0, ...out.map((r) => r.level));
  const minOdd = Math.min(...out.map((r) => r.level).filter((l) => l % 2 === 1), Infinity);
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < out.length; ) {
      if (out[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j].level >= level) j++;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

/** Whether fontkit will reverse this run's glyphs (its script, from its first non-neutral character, is right to left). */
function fontkitReverses(text: string): boolean {
  for (const ch of text) if (!NEUTRAL_OR_INHERITED.test(ch)) return RTL_SCRIPT.test(ch);
  return false;
}

/**
 * The text to hand to the font for a run of graphemes at one level, so that the glyphs come out in visual
 * order: as typed, or reversed grapheme by grapheme when fontkit would not turn it the right way itself.
 */
export function runText(graphemes: string[], level: number): string {
  const text = graphemes.join('');
  return (level % 2 === 1) === fontkitReverses(text) ? text : graphemes.slice().reverse().join('');
}
