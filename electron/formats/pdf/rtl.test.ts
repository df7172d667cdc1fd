// Hebrew and Arabic on the printed cards and envelopes, read back by poppler's pdftotext (software nobody
// here wrote) in two ways:
// - visually: `-bbox-layout` gives each line's words with their positions; sorted left to right and joined,
//   they are the glyphs as they sit on paper (a Hebrew word's letters come out last letter first). The
//   expected strings are written out by hand from the bidirectional algorithm below, not computed by it.
// - logically: the default mode reorders right-to-left words back into reading order (wrapping them in
//   U+202B…U+202C marks, removed here). Its own reordering of numbers and punctuation inside right-to-left
//   lines is its guess, so only names and whole words are compared that way.
import path from 'node:path';
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { missingTool, pdfToText } from '../../testing/external';
import { cardTextPdf, envelopePdf, type PostalAddress } from './pdf';
import { fontLibrary } from './font-files';

const FONTS_DIR = path.resolve(__dirname, '../../../resources/fonts');
const fonts = fontLibrary(FONTS_DIR);
const skip = missingTool('pdftotext');

const HOME: PostalAddress = { name: 'Alex Kim', lines: '9 Elm Street', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US' };
/** A right-to-left word or phrase as its glyphs sit on paper, left to right. */
const onPaper = (s: string) => Array.from(s).reverse().join('');

const logical = (pdf: Uint8Array) =>
  pdfToText(pdf)
    .replace(/[\u202a-\u202e]/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

interface VisualLine {
  text: string;
  left: number;
  right: number;
}
/** Each line pdftotext finds: its words left to right, and where the line starts and ends (points from the left). */
function visual(pdf: Uint8Array): VisualLine[] {
  const xml = pdfToText(pdf, '-bbox-layout');
  return Array.from(xml.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g), (m) => {
    const words = Array.from(m[1].matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g), (w) => ({
      left: Number(w[1]),
      right: Number(w[2]),
      text: w[3].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
    })).sort((a, b) => a.left - b.left);
    return { text: words.map((w) => w.text).join(' '), left: words[0].left, right: Math.max(...words.map((w) => w.right)) };
  });
}

describe.skipIf(skip)('Hebrew and Arabic print in order and read back as typed', () => {
  it('Hebrew envelope: right to left, right-aligned in the address block', async () => {
    const to: PostalAddress = { name: 'דנה כהן', lines: 'רחוב הרצל 12', city: 'תל אביב-יפו', region: null, postalCode: '6701101', country: 'Israel' };
    const { pdf, replacedCharacters } = await envelopePdf({ from: HOME, to, size: 'no10', fonts });
    expect(replacedCharacters).toEqual([]);
    const lines = visual(pdf);
    expect(lines.map((l) => l.text)).toEqual([
      'Alex Kim',
      '9 Elm Street',
      'Portland, OR 97201',
      'UNITED STATES',
      onPaper('דנה כהן'), // "ןהכ הנד"
      `12 ${onPaper('רחוב הרצל')}`, // the house number ends the line, so it is on the left
      `${onPaper('תל אביב-יפו')} 6701101`, // the postcode begins it (Israeli order), so it is on the right
      'ISRAEL',
    ]);
    // The recipient block reads right to left as a whole: its lines end at one right edge, the country too.
    const block = lines.slice(4);
    for (const l of block) expect(l.right).toBeCloseTo(block[0].right, 0);
    expect(new Set(block.map((l) => Math.round(l.left))).size).toBeGreaterThan(1);
    const text = logical(pdf);
    expect(text).toContain('דנה כהן');
    for (const word of ['רחוב', 'הרצל', 'תל', 'אביב', 'יפו']) expect(text.join(' ')).toContain(word);
  });

  it('Arabic envelope: shaped, right to left, Latin digits kept left to right', async () => {
    const to: PostalAddress = { name: 'ليلى حداد', lines: 'شارع الملكة رانيا 25', city: 'عمان', region: null, postalCode: '11941', country: 'Jordan' };
    const { pdf, replacedCharacters } = await envelopePdf({ from: null, senderCountry: 'US', to, size: 'no10', fonts });
    expect(replacedCharacters).toEqual([]);
    const lines = visual(pdf);
    // One glyph per letter, each mapped back to its letter: shaping changes glyphs, not the extracted text.
    expect(lines.map((l) => l.text)).toEqual([onPaper('ليلى حداد'), `25 ${onPaper('شارع الملكة رانيا')}`, `${onPaper('عمان')} 11941`, 'JORDAN']);
    for (const l of lines) expect(l.right).toBeCloseTo(lines[0].right, 0);
    const text = logical(pdf);
    expect(text).toContain('ليلى حداد');
    for (const word of ['شارع', 'الملكة', 'رانيا', 'عمان']) expect(text.join(' ')).toContain(word);
  });

  it('card text: mixed lines in bidirectional order; right-to-left paragraphs right-aligned', async () => {
    const body = ['Dear דנה,', 'שלום דנה! רחוב הרצל 12 (דירה 3)', 'السلام عليكم يا ليلى', 'مرحبا 123 abc'].join('\n');
    const { pdf, replacedCharacters } = await cardTextPdf({ recipientName: 'דנה כהן', title: 'תודה רבה', body, fonts });
    expect(replacedCharacters).toEqual([]);
    const lines = visual(pdf);
    const texts = lines.map((l) => l.text);
    expect(texts[0]).toBe(`Card for ${onPaper('דנה כהן')}`); // a Latin paragraph with a Hebrew name in it
    const at = (t: string) => {
      const line = lines.find((l) => l.text === t);
      expect(line, `${t} in ${JSON.stringify(texts)}`).toBeDefined();
      return line!;
    };
    const title = at(onPaper('תודה רבה'));
    const dear = at(`Dear ${onPaper('דנה')},`);
    // Right to left: "!" after the name sits left of it; the brackets are mirrored, so they still open
    // towards "דירה 3"; the number keeps its digits left to right.
    const hebrew = at(`(3 ${onPaper('דירה')}) 12 ${onPaper('רחוב הרצל')} ${onPaper('שלום דנה!')}`);
    const arabic = at(onPaper('السلام عليكم يا ليلى')); // with lam-alef: two glyphs, two letters
    const mixed = at(`abc 123 ${onPaper('مرحبا')}`); // the Latin stretch reads left to right inside
    // The card column: 0.75 in page margin + 0.3 in padding, 4.25 in card − 2 × 0.3 in wide.
    const columnLeft = 0.75 * 72 + 0.3 * 72;
    const columnRight = columnLeft + 4.25 * 72 - 2 * 0.3 * 72;
    expect(dear.left).toBeCloseTo(columnLeft, 0);
    for (const l of [hebrew, arabic, mixed]) {
      expect(l.right).toBeCloseTo(columnRight, 0);
      expect(l.left).toBeGreaterThan(columnLeft + 10);
    }
    expect(title.right).toBeCloseTo(8.5 * 72 - 0.75 * 72, 0);
    const text = logical(pdf).join('\n');
    for (const phrase of ['Card for דנה כהן', 'תודה רבה', 'السلام عليكم يا ليلى', 'שלום', 'דירה', 'مرحبا']) expect(text).toContain(phrase);
  });

  it('Arabic is shaped with the features the typesetter embeds with (no ligatures, no kerning)', () => {
    // The joining forms come from the font's init/medi/fina/isol and lam-alef from rlig, which stay on.
    const woff = fs.readFileSync(path.join(FONTS_DIR, 'noto-sans-arabic/noto-sans-arabic-arabic-400-normal.woff'));
    const font = fontkit.create(woff);
    const run = font.layout('سلام', { liga: false, kern: false, calt: false, clig: false, dlig: false });
    // fontkit gives right-to-left glyphs in visual order: meem (isolated), alef and lam (lam-alef), seen initial.
    expect(run.glyphs.map((g) => g.codePoints)).toEqual([[0x645], [0x627], [0x644], [0x633]]);
    expect(run.glyphs.every((g) => g.id !== 0)).toBe(true);
    // Shaped: seen and lam are not their isolated glyphs (the character map's), the alef not its plain one.
    for (const i of [1, 2, 3]) expect(run.glyphs[i].id).not.toBe(font.glyphForCodePoint(run.glyphs[i].codePoints[0]).id);
  });

  it('right-to-left scripts with no shipped font, and other uncovered scripts, are still reported', async () => {
    const { pdf, replacedCharacters } = await cardTextPdf({ recipientName: 'Dana', body: 'Thanks ܫܠܡܐ สวัสดี שלום', fonts });
    expect(replacedCharacters).toEqual(['ܫ', 'ܠ', 'ܡ', 'ܐ', 'ส', 'วั', 'ดี']);
    expect(visual(pdf).map((l) => l.text)).toContain(`Thanks ???? ???? ${onPaper('שלום')}`);
  });
});
