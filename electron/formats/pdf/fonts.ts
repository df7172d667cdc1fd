// Fonts for the printable PDFs: text in = text out, for every script the shipped fonts cover.
//
// The fonts (resources/fonts, OFL, see its README) are Noto Sans (Latin, Greek, Cyrillic, Vietnamese), Noto
// Sans Hebrew and Noto Sans Arabic (each regular and bold), Noto Sans JP / SC / KR and the monochrome Noto Emoji, as the WOFF chunks Fontsource cuts them
// into (one file per Unicode range; WOFF and not WOFF2 because fontkit cannot subset glyphs read from WOFF2).
// Each run of characters is drawn with the first font that covers it, and each font is embedded as a subset
// of the glyphs drawn, with a ToUnicode map, so pdftotext gives back exactly what was typed.
//
// Hebrew and Arabic: each line is ordered by the Unicode bidirectional algorithm (bidi.ts) and fontkit shapes
// the Arabic (initial, medial, final forms; lam-alef), one glyph per character so the text extracts as typed.
//
// Not covered, drawn as "?" and reported in `replaced` so the person writes them by hand: scripts with no
// shipped font (Thai, Devanagari, Syriac, Thaana, N'Ko, …).
import fontkit from '@pdf-lib/fontkit';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { isRightToLeft, levels, runText, visualOrder } from './bidi';

export type FontFace = 'sans' | 'sans-bold' | 'hebrew' | 'hebrew-bold' | 'arabic' | 'arabic-bold' | 'ja' | 'zh' | 'ko' | 'emoji';
export type CjkPreference = 'ja' | 'zh' | 'ko';

/** Where the font files are: each face's file names, and how to read one. */
export interface FontSource {
  faces: Record<FontFace, string[]>;
  read(file: string): Uint8Array;
}

interface FontFile {
  file: string;
  covers(cp: number): boolean;
}

/** Parsed coverage of every shipped font file; build once per process (parsing is lazy per file). */
export class FontLibrary {
  private readonly faces: Record<FontFace, FontFile[]>;
  private readonly bytes = new Map<string, Uint8Array>();

  constructor(private readonly source: FontSource) {
    const faces = {} as Record<FontFace, FontFile[]>;
    for (const [face, files] of Object.entries(source.faces) as Array<[FontFace, string[]]>) {
      faces[face] = files.map((file) => {
        let covers: ((cp: number) => boolean) | null = null;
        return {
          file,
          covers: (cp: number) => (covers ??= this.coverage(file))(cp),
        };
      });
    }
    this.faces = faces;
  }

  /** A file's character map. A file fontkit cannot read (one Noto Sans SC chunk has such a cmap) covers nothing. */
  private coverage(file: string): (cp: number) => boolean {
    try {
      const font = fontkit.create(Buffer.from(this.read(file)));
      font.hasGlyphForCodePoint(0x20);
      return (cp) => font.hasGlyphForCodePoint(cp);
    } catch {
      return () => false;
    }
  }

  read(file: string): Uint8Array {
    let b = this.bytes.get(file);
    if (!b) this.bytes.set(file, (b = this.source.read(file)));
    return b;
  }

  /** The faces to try, in order, for a grapheme. */
  order(opts: { bold: boolean; cjk: CjkPreference; emoji: boolean }): FontFile[] {
    const regular: FontFace[] = ['sans', 'hebrew', 'arabic'];
    const text: FontFace[] = opts.bold ? ['sans-bold', 'hebrew-bold', 'arabic-bold', ...regular] : regular;
    const cjk: CjkPreference[] = [opts.cjk, ...(['ja', 'zh', 'ko'] as const).filter((c) => c !== opts.cjk)];
    const faces: FontFace[] = opts.emoji ? ['emoji', ...text, ...cjk] : [...text, ...cjk, 'emoji'];
    return faces.flatMap((f) => this.faces[f] ?? []);
  }
}

interface SubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}
let padded = false;

/**
 * fontkit's TrueType subsetter copies each glyph's bytes as they are and then writes the short 'loca'
 * format (offsets divided by two) when the subset is small. Fonts with long offsets (some Noto Emoji and
 * CJK chunks) have glyphs of odd length, so every glyph after one of them pointed a byte off and drew
 * nothing. Padding each glyph to an even length (allowed by the TrueType spec) keeps the offsets exact.
 */
function padSubsetGlyphs(sample: Uint8Array): void {
  if (padded) return;
  padded = true;
  const proto = Object.getPrototypeOf(fontkit.create(Buffer.from(sample)).createSubset()) as SubsetInternals;
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function (this: SubsetInternals, gid: number) {
    const index = addGlyph.call(this, gid);
    const bytes = this.glyf[index];
    if (bytes.length % 2 === 1) {
      // fontkit's streams take only its own Buffer class: build the longer copy with that class.
      const B = bytes.constructor as unknown as { alloc(n: number): Uint8Array };
      const even = B.alloc(bytes.length + 1);
      even.set(bytes);
      this.glyf[index] = even;
      this.offset += 1;
    }
    return index;
  };
}

/** Drawn for a character no shipped font covers. */
export const REPLACEMENT_CHARACTER = '?';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
export const splitGraphemes = (s: string): string[] => Array.from(graphemes.segment(s), (g) => g.segment);

const INVISIBLE = /^[\p{Cc}\p{Cf}\p{M}]+$/u; // controls, zero-width/format chars, stray marks
const SPACES = /^[\p{Zs}\t]+$/u;
const SOFT_HYPHEN = '\u00AD';
// Code points a font may lack without the grapheme being uncovered: variation selectors and joiners.
const OPTIONAL = new Set([0xfe0e, 0xfe0f, 0x200d, 0x200c]);
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\u200D/u;
const SKIN_TONE = /[\u{1F3FB}-\u{1F3FF}]/u;
const SKIN_TONE_SPLIT = /([\u{1F3FB}-\u{1F3FF}])/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;

/**
 * Which CJK font draws Han characters: Japanese when the text has kana, Korean when it has Hangul,
 * else by country (JP, KR, CN/TW/HK/MO/SG), else Chinese. Glyph shapes differ; extracted text does not.
 */
export function cjkPreference(text: string, countryCode?: string | null): CjkPreference {
  if (KANA.test(text)) return 'ja';
  if (HANGUL.test(text)) return 'ko';
  if (countryCode === 'JP') return 'ja';
  if (countryCode === 'KR' || countryCode === 'KP') return 'ko';
  return HAN.test(text) || countryCode ? 'zh' : 'ja';
}

interface Run {
  text: string;
  font: PDFFont;
}

interface LogicalRun {
  graphemes: string[];
  font: PDFFont;
  level: number; // bidi embedding level: odd is right to left
  solo?: boolean;
}

/**
 * Measures and draws text in one document with per-run font fallback. `prepare` (async: pdf-lib embeds
 * fonts asynchronously) cleans a string and embeds the fonts it needs; measure and draw only prepared text.
 */
export class Typesetter {
  /** Graphemes no font covers (drawn as "?"), unique, in order. */
  readonly replaced: string[];
  private readonly embedded: Map<string, PDFFont>;
  private readonly pick = new Map<string, string | null>(); // grapheme → font file

  constructor(
    private readonly doc: PDFDocument,
    private readonly lib: FontLibrary,
    private readonly opts: { bold?: boolean; cjk: CjkPreference },
    /** Another typesetter of the same document: shares its embedded fonts and its replaced list. */
    shared?: Typesetter,
  ) {
    this.replaced = shared?.replaced ?? [];
    this.embedded = shared?.embedded ?? new Map();
    doc.registerFontkit(fontkit);
  }

  private fileFor(g: string): string | null {
    const cached = this.pick.get(g);
    if (cached !== undefined) return cached;
    const cps = Array.from(g, (c) => c.codePointAt(0)!);
    const needed = cps.filter((cp) => !OPTIONAL.has(cp));
    let file: string | null = null;
    if (needed.length > 0) {
      const order = this.lib.order({ bold: !!this.opts.bold, cjk: this.opts.cjk, emoji: EMOJI_PRESENTATION.test(g) });
      file = order.find((f) => needed.every((cp) => f.covers(cp)))?.file ?? null;
    }
    this.pick.set(g, file);
    return file;
  }

  /** Text for one line (no line breaks) as it will be drawn, with its fonts embedded. */
  async prepare(text: string): Promise<string> {
    let out = '';
    for (const g of splitGraphemes(text.normalize('NFC'))) {
      if (SPACES.test(g)) out += ' ';
      else if (g === SOFT_HYPHEN || INVISIBLE.test(g)) continue;
      else if (this.fileFor(g) === null) {
        out += REPLACEMENT_CHARACTER;
        if (!this.replaced.includes(g)) this.replaced.push(g);
      } else out += g;
    }
    // With the mirrored brackets a right-to-left stretch draws, whose font may differ; draw() may set the
    // line's direction from its block (an address), so both directions are covered.
    const gs = splitGraphemes(out);
    const drawn = new Set([...gs, ...[false, true].flatMap((rtl) => levels(out, gs, rtl).map((g) => g.text))]);
    for (const g of drawn) await this.embed(this.fileFor(g) ?? this.fileFor(REPLACEMENT_CHARACTER)!);
    return out;
  }

  private async embed(file: string): Promise<PDFFont> {
    let font = this.embedded.get(file);
    if (!font) {
      padSubsetGlyphs(this.lib.read(file));
      // Kerning and ligatures off: each glyph then maps back to exactly the characters it draws.
      font = await this.doc.embedFont(this.lib.read(file), { subset: true, features: { liga: false, kern: false, calt: false, clig: false, dlig: false } });
      this.embedded.set(file, font);
    }
    return font;
  }

  /** The line as runs of one font and one direction, left to right, each as the font must be handed it. */
  private runs(text: string, rtl?: boolean): Run[] {
    const runs: LogicalRun[] = [];
    for (const { text: g, level } of levels(text, splitGraphemes(text), rtl)) {
      const file = this.fileFor(g) ?? this.fileFor(REPLACEMENT_CHARACTER)!;
      const font = this.embedded.get(file);
      if (!font) throw new Error(`Text was not prepared before drawing: ${JSON.stringify(text)}`);
      if (SKIN_TONE.test(g)) {
        // The monochrome emoji font folds a skin tone into the plain glyph, and the tone would be lost in
        // the PDF's text: draw the person and the tone swatch apart, so both come back out.
        for (const part of g.split(SKIN_TONE_SPLIT).filter((p) => p !== '')) runs.push({ graphemes: [part], font, level, solo: true });
        continue;
      }
      const last = runs[runs.length - 1];
      // A space joins the run before it: fewer font switches, same widths (every shipped font has a space).
      if (last && !last.solo && last.level === level && (last.font === font || g === ' ')) last.graphemes.push(g);
      else runs.push({ graphemes: [g], font, level });
    }
    return visualOrder(runs).map((r) => ({ text: runText(r.graphemes, r.level), font: r.font }));
  }

  width(text: string, size: number): number {
    return this.runs(text).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
  }

  /**
   * Draws one line from `x`. Right to left when `rtl` says so or, by default, when its first strong letter
   * is Hebrew or Arabic; such a line is right-aligned in `box` (its width from `x`) when one is given.
   */
  draw(page: PDFPage, text: string, at: { x: number; y: number; size: number; color?: Color; rtl?: boolean; box?: number }): void {
    const rtl = at.rtl ?? isRightToLeft(text);
    const runs = this.runs(text, rtl);
    let x = at.x;
    if (rtl && at.box !== undefined) x += at.box - runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, at.size), 0);
    for (const r of runs) {
      page.drawText(r.text, { x, y: at.y, size: at.size, font: r.font, ...(at.color ? { color: at.color } : {}) });
      x += r.font.widthOfTextAtSize(r.text, at.size);
    }
  }
}
