// Printable PDFs for handwritten notes: the card text to copy by hand, and envelopes to print on.
//
// Fonts: pdf-lib can only embed a TrueType font through @pdf-lib/fontkit, which is not installed, so the
// PDFs use the standard Helvetica fonts (not embedded; every PDF viewer has them). Those cover WinAnsi:
// Latin-1 plus the usual typography (curly quotes, dashes, €, …, Œ, Š, Ž). Any other character is simplified
// (accents dropped: ő→o, ș→s; a few letters mapped: Ł→L, đ→d; typographic look-alikes: − → -) or, failing
// that, drawn as "?". Each such character (grapheme) is reported once, in order, in `replacedCharacters`
// so the UI can tell the user which characters to write in by hand. Unusual spaces become plain spaces and
// invisible characters (zero-width, soft hyphen, controls) are dropped; neither is reported.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { invalid } from '../../shared/errors';
import { count, plural } from '../../shared/words';

export type EnvelopeSize = 'no10' | 'a2' | 'a7';
export type CardSize = 'a2' | 'a7';

const INCH = 72;

/** Envelope pages, landscape. */
export const ENVELOPE_SIZES: Record<EnvelopeSize, { label: string; widthPt: number; heightPt: number }> = {
  no10: { label: '#10 (9.5 × 4.125 in)', widthPt: 9.5 * INCH, heightPt: 4.125 * INCH },
  a2: { label: 'A2 (5.75 × 4.375 in)', widthPt: 5.75 * INCH, heightPt: 4.375 * INCH },
  a7: { label: 'A7 (7.25 × 5.25 in)', widthPt: 7.25 * INCH, heightPt: 5.25 * INCH },
};

/** Writing panel of the cards that go in A2 / A7 envelopes (portrait, as written). */
export const CARD_SIZES: Record<CardSize, { label: string; widthPt: number; heightPt: number }> = {
  a2: { label: 'A2 card (4.25 × 5.5 in)', widthPt: 4.25 * INCH, heightPt: 5.5 * INCH },
  a7: { label: 'A7 card (5 × 7 in)', widthPt: 5 * INCH, heightPt: 7 * INCH },
};

export interface PostalAddress {
  name: string;
  lines: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface PdfResult {
  pdf: Uint8Array;
  /** Characters (graphemes) the standard fonts cannot draw, each simplified or drawn as "?"; unique, in order. */
  replacedCharacters: string[];
}

/** Drawn for a character that cannot be simplified to WinAnsi. */
export const REPLACEMENT_CHARACTER = '?';

// ---------------------------------------------------------------------------------------------------------
// Text: WinAnsi sanitising and wrapping

const TRANSLITERATIONS: Record<string, string> = {
  Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', ĸ: 'k', Ŋ: 'N', ŋ: 'n', Ŧ: 'T', ŧ: 't',
  Ə: 'E', ə: 'e', ẞ: 'SS', Ĳ: 'IJ', ĳ: 'ij',
  '‐': '-', '‑': '-', '‒': '–', '−': '-', '⁃': '-', '―': '—',
  '′': "'", '″': '"', '‛': "'", '‟': '"', 'ʼ': "'", 'ʻ': "'", '⁄': '/', '∕': '/',
  '←': '<-', '→': '->', '⇒': '=>', '≤': '<=', '≥': '>=', '≠': '!=', '≈': '~',
};

const SOFT_HYPHEN = 0xad;
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{M}\uFE00-\uFE0F]+$/u; // controls, zero-width/format chars, stray marks
const SPACES = /^[\p{Zs}\t]+$/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

class WinAnsiText {
  readonly replaced: string[] = [];
  private readonly supported: Set<number>;

  constructor(font: PDFFont) {
    this.supported = new Set(font.getCharacterSet());
    this.supported.delete(SOFT_HYPHEN); // Helvetica draws it as a visible hyphen
  }

  private drawable(s: string): boolean {
    for (const ch of s) if (!this.supported.has(ch.codePointAt(0)!)) return false;
    return true;
  }

  /** Text for one line (no line breaks) that the standard fonts can draw. */
  clean(text: string): string {
    let out = '';
    for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
      if (this.drawable(segment)) out += segment;
      else if (SPACES.test(segment)) out += ' ';
      else if (INVISIBLE.test(segment)) continue;
      else {
        out += this.simplify(segment) ?? REPLACEMENT_CHARACTER;
        if (!this.replaced.includes(segment)) this.replaced.push(segment);
      }
    }
    return out;
  }

  private simplify(segment: string): string | null {
    let out = '';
    for (const ch of segment) {
      if (this.drawable(ch)) out += ch;
      else if (TRANSLITERATIONS[ch] !== undefined) out += TRANSLITERATIONS[ch];
      else if (INVISIBLE.test(ch)) continue;
      else {
        // Compatibility decomposition without the marks: ő → o, ș → s, ﬁ → fi, Ａ → A.
        const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
        if (base === '' || !this.drawable(base)) return null;
        out += base;
      }
    }
    return out === '' ? null : out;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Largest prefix length (at least 1) whose width fits; for words longer than the line. */
function fittingPrefix(word: string, font: PDFFont, size: number, maxWidth: number): number {
  let lo = 1;
  let hi = word.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (font.widthOfTextAtSize(word.slice(0, mid), size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Greedy word wrap of one line of cleaned text. Leading indentation is kept on the first line; a word wider
 * than the line is broken. Cleaned text is WinAnsi, one UTF-16 unit per character, so slicing is safe.
 */
function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  let current = '';
  for (const token of text.match(/ *[^ ]+/g) ?? []) {
    let piece = current === '' && lines.length > 0 ? token.trimStart() : token;
    if (width(current + piece) <= maxWidth) {
      current += piece;
      continue;
    }
    if (current.trim() !== '') {
      lines.push(current.trimEnd());
      piece = token.trimStart();
    }
    current = '';
    while (width(piece) > maxWidth) {
      const n = fittingPrefix(piece, font, size, maxWidth);
      lines.push(piece.slice(0, n));
      piece = piece.slice(n);
    }
    current = piece;
  }
  if (current.trim() !== '' || lines.length === 0) lines.push(current.trimEnd());
  return lines;
}

/** Cuts a line so that it plus "…" fits. */
function withEllipsis(line: string, font: PDFFont, size: number, maxWidth: number): string {
  let s = line;
  while (s.length > 0 && font.widthOfTextAtSize(`${s}…`, size) > maxWidth) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

interface Block {
  lines: string[];
  size: number;
  leading: number;
  width: number;
  height: number; // top of the first line's capitals to the last baseline, roughly
}

/** Wraps lines at the largest size (down to minSize) that fits the box; past that, cuts lines with "…". */
function fitBlock(lines: string[], font: PDFFont, maxWidth: number, maxHeight: number, size: number, minSize: number): Block {
  const measure = (s: number, ls: string[]): Block => {
    const leading = s * 1.22;
    return {
      lines: ls,
      size: s,
      leading,
      width: Math.max(0, ...ls.map((l) => font.widthOfTextAtSize(l, s))),
      height: s + (ls.length - 1) * leading,
    };
  };
  for (let s = size; s >= minSize; s -= 0.5) {
    const block = measure(s, lines.flatMap((l) => wrap(l, font, s, maxWidth)));
    if (block.height <= maxHeight) return block;
  }
  // Never run off the envelope: keep what fits and mark the cut.
  const wrapped = lines.flatMap((l) => wrap(l, font, minSize, maxWidth));
  const keep = Math.max(1, Math.floor((maxHeight - minSize) / (minSize * 1.22)) + 1);
  const kept = wrapped.slice(0, keep);
  kept[kept.length - 1] = withEllipsis(kept[kept.length - 1], font, minSize, maxWidth);
  return measure(minSize, kept);
}

function newDoc(title: string): Promise<PDFDocument> {
  return PDFDocument.create().then((doc) => {
    doc.setTitle(title);
    doc.setCreator('Courtesy');
    doc.setProducer('Courtesy');
    return doc;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Addresses and envelopes

/** Envelope lines: name, street lines, "City, Region PostalCode" (or "City PostalCode"), country; empties skipped. */
export function formatPostalAddress(a: PostalAddress): string[] {
  const out: string[] = [];
  const push = (s: string | null) => {
    const v = oneLine(s ?? '');
    if (v !== '') out.push(v);
  };
  push(a.name);
  for (const line of (a.lines ?? '').split(/\r\n|[\r\n]/)) push(line);
  const city = oneLine(a.city ?? '');
  const region = oneLine(a.region ?? '');
  const tail = [region, oneLine(a.postalCode ?? '')].filter((s) => s !== '').join(' ');
  push(city !== '' && tail !== '' ? `${city}${region !== '' ? ',' : ''} ${tail}` : city || tail);
  push(a.country);
  return out;
}

const ENVELOPE_MARGIN = 0.375 * INCH;
const STAMP_ZONE = { width: 1.5 * INCH, height: 1.25 * INCH }; // measured from the top-right corner
const BARCODE_CLEAR_ZONE = 0.625 * INCH; // USPS keeps the bottom 5/8 in free for the barcode

/**
 * One page the size of the envelope (landscape): return address top-left, recipient block right of centre
 * below the stamp zone, nothing printed in the top-right stamp zone or the bottom barcode strip. Text
 * shrinks, then wraps, to stay on the page. Throws AppError('validation') when the recipient has no lines.
 */
export async function envelopePdf(env: { from: PostalAddress | null; to: PostalAddress; size: EnvelopeSize }): Promise<PdfResult> {
  const { widthPt: W, heightPt: H } = ENVELOPE_SIZES[env.size];
  const doc = await newDoc(`Envelope for ${oneLine(env.to.name)}`);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const text = new WinAnsiText(font);
  const clean = (lines: string[]) => lines.map((l) => text.clean(l).trim()).filter((l) => l !== '');

  const toLines = clean(formatPostalAddress(env.to));
  if (toLines.length === 0) throw invalid({ to: 'The recipient has no name or address.' }, 'The envelope needs a recipient address.');
  const fromLines = env.from ? clean(formatPostalAddress(env.from)) : [];

  const page = doc.addPage([W, H]);
  const m = ENVELOPE_MARGIN;
  const ink = rgb(0, 0, 0);

  let returnBottom = H - m;
  if (fromLines.length > 0) {
    const block = fitBlock(fromLines, font, W - STAMP_ZONE.width - m - 9, H * 0.36 - m, 9.5, 6);
    block.lines.forEach((line, i) => page.drawText(line, { x: m, y: H - m - block.size - i * block.leading, size: block.size, font, color: ink }));
    returnBottom = H - m - block.height;
  }

  const top = Math.min(H - STAMP_ZONE.height, returnBottom) - 12;
  const bottom = BARCODE_CLEAR_ZONE;
  const block = fitBlock(toLines, font, W - 2 * m, top - bottom, env.size === 'a2' ? 11 : 12, 7);
  const x = Math.max(m, Math.min(W * 0.4, W - m - block.width));
  const firstBaseline = (top + bottom) / 2 + block.height / 2 - block.size;
  block.lines.forEach((line, i) => page.drawText(line, { x, y: firstBaseline - i * block.leading, size: block.size, font, color: ink }));

  return { pdf: await doc.save(), replacedCharacters: text.replaced };
}

// ---------------------------------------------------------------------------------------------------------
// Card text

const LETTER = { width: 8.5 * INCH, height: 11 * INCH };
const PAGE_MARGIN = 0.75 * INCH;
const FOOTER_Y = 0.4 * INCH;
const BODY_BOTTOM = PAGE_MARGIN + 6; // lowest baseline of body text
// Body text approximates handwriting so the outline shows what really fits: 14 pt Helvetica averages
// ~35 characters per 4.25 in card line, and a 24 pt (8.5 mm) pitch is wide-ruled line spacing.
const BODY_SIZE = 14;
const BODY_LEADING = 24;
const CARD_PADDING = 0.3 * INCH;
const GREY = rgb(0.4, 0.4, 0.4);
const OUTLINE = rgb(0.72, 0.72, 0.72);

/**
 * US Letter pages: a heading ("Card for Dana Lee"), the optional title below it, and the body wrapped in a
 * column as wide as the card's writing area, inside a light outline of the card at actual size. Lines past
 * the card's capacity continue below the outline under a note, paginating as needed.
 */
export async function cardTextPdf(card: { recipientName: string; body: string; title?: string; cardSize?: CardSize }): Promise<PdfResult> {
  const cardSize = CARD_SIZES[card.cardSize ?? 'a2'];
  const doc = await newDoc(`Card for ${oneLine(card.recipientName)}`);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const italic = await doc.embedFont(StandardFonts.HelveticaOblique);
  const text = new WinAnsiText(regular); // all three share the WinAnsi character set

  const contentWidth = LETTER.width - 2 * PAGE_MARGIN;
  const columnWidth = cardSize.widthPt - 2 * CARD_PADDING;
  const recipient = text.clean(oneLine(card.recipientName));
  const headingText = `Card for ${recipient}`;
  const heading = fitBlock([headingText], bold, contentWidth, 18 + 2 * 18 * 1.22 + 0.5, 18, 18); // at most 3 lines
  // at most 2 lines
  const title = card.title && oneLine(card.title) !== '' ? fitBlock([text.clean(oneLine(card.title))], regular, contentWidth, 11 + 11 * 1.22 + 0.5, 11, 11) : null;

  const paragraphs = card.body.replace(/\r\n|\r/g, '\n').replace(/\t/g, '    ').replace(/^(\s*\n)+|\s+$/g, '').split('\n');
  const bodyLines = card.body.trim() === '' ? [] : paragraphs.flatMap((p) => wrap(text.clean(p), regular, BODY_SIZE, columnWidth));
  const words = card.body.split(/\s+/).filter((w) => w !== '').length;

  const pages: PDFPage[] = [];
  const addPage = () => {
    const p = doc.addPage([LETTER.width, LETTER.height]);
    pages.push(p);
    return p;
  };

  // Page 1: heading, title, the card outline with as many lines as fit.
  let page = addPage();
  let y = LETTER.height - PAGE_MARGIN;
  heading.lines.forEach((line) => {
    y -= heading.leading;
    page.drawText(line, { x: PAGE_MARGIN, y: y + heading.leading - heading.size, size: heading.size, font: bold });
  });
  if (title) {
    y -= 4;
    title.lines.forEach((line) => {
      y -= title.leading;
      page.drawText(line, { x: PAGE_MARGIN, y: y + title.leading - title.size, size: title.size, font: regular, color: GREY });
    });
  }
  const boxTop = y - 14;
  const boxBottom = boxTop - cardSize.heightPt;
  page.drawRectangle({ x: PAGE_MARGIN, y: boxBottom, width: cardSize.widthPt, height: cardSize.heightPt, borderColor: OUTLINE, borderWidth: 0.75 });

  const firstBaseline = boxTop - CARD_PADDING - BODY_SIZE;
  const capacity = Math.floor((firstBaseline - (boxBottom + CARD_PADDING)) / BODY_LEADING) + 1;
  const onCard = bodyLines.slice(0, capacity);
  const overflow = bodyLines.slice(capacity);
  const x = PAGE_MARGIN + CARD_PADDING;
  onCard.forEach((line, i) => page.drawText(line, { x, y: firstBaseline - i * BODY_LEADING, size: BODY_SIZE, font: regular }));

  // Beside the outline: what it is and how the note compares.
  const sideX = PAGE_MARGIN + cardSize.widthPt + 18;
  const sideWidth = LETTER.width - PAGE_MARGIN - sideX;
  const sideNotes = [
    `${cardSize.label}, actual size.`,
    `About ${capacity} handwritten lines fit.`,
    `This note: ${count(bodyLines.length, { one: 'line', other: 'lines' })}, ${count(words, { one: 'word', other: 'words' })}.`,
    ...(overflow.length > 0 ? [`${overflow.length} ${plural(overflow.length, { one: 'line does', other: 'lines do' })} not fit on the card.`] : []),
  ];
  let sideY = boxTop - 9;
  for (const note of sideNotes) {
    for (const line of wrap(note, regular, 9, sideWidth)) {
      page.drawText(line, { x: sideX, y: sideY, size: 9, font: regular, color: GREY });
      sideY -= 12;
    }
    sideY -= 4;
  }

  // The rest, below the outline and on further pages, in the same column so line breaks match.
  if (overflow.length > 0) {
    const continued = fitBlock([`${headingText} (continued)`], italic, contentWidth, 9, 9, 9).lines[0];
    y = boxBottom - 18;
    page.drawText('Does not fit on the card:', { x, y, size: 9, font: italic, color: GREY });
    y -= 6;
    let sectionStart = true; // a paragraph gap is not worth a blank line at the top of a section
    for (const line of overflow) {
      if (line === '' && sectionStart) continue;
      y -= BODY_LEADING;
      if (y < BODY_BOTTOM) {
        if (line === '') continue;
        page = addPage();
        page.drawText(continued, { x: PAGE_MARGIN, y: LETTER.height - PAGE_MARGIN - 9, size: 9, font: italic, color: GREY });
        y = LETTER.height - PAGE_MARGIN - 9 - 12 - BODY_LEADING;
      }
      page.drawText(line, { x, y, size: BODY_SIZE, font: regular });
      sectionStart = false;
    }
  }

  pages.forEach((p, i) => {
    const label = `Page ${i + 1} of ${pages.length}`;
    p.drawText(label, { x: (LETTER.width - regular.widthOfTextAtSize(label, 8)) / 2, y: FOOTER_Y, size: 8, font: regular, color: GREY });
  });

  return { pdf: await doc.save(), replacedCharacters: text.replaced };
}
