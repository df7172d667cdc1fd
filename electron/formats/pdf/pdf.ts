// Printable PDFs for handwritten notes: the card text to copy by hand, and envelopes to print on.
//
// Text is drawn with the shipped Noto fonts (fonts.ts), embedded as subsets with per-run fallback, so what
// was typed is what a PDF reader extracts. A character no shipped font covers is drawn as "?" and reported
// once, in order, in `replacedCharacters`, so the UI can tell the person which ones to write in by hand.
// Unusual spaces become plain spaces; invisible characters (zero-width, soft hyphen, controls) are dropped.
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { invalid } from '../../shared/errors';
import { countryCode } from '../../shared/countries';
import { formatPostalAddress, type PostalAddress } from './address';
import { cjkPreference, splitGraphemes, Typesetter, type FontLibrary } from './fonts';
import { isRightToLeft } from './bidi';
import { count, plural } from '../../shared/words';

import type { CardSize, EnvelopeSize } from '../../shared/domain';
export type { CardSize, EnvelopeSize };

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

export type { PostalAddress } from './address';

export interface PdfResult {
  pdf: Uint8Array;
  /** Characters (graphemes) no shipped font draws, each drawn as "?"; unique, in order. */
  replacedCharacters: string[];
}

export { REPLACEMENT_CHARACTER } from './fonts';

// ---------------------------------------------------------------------------------------------------------
// Text: wrapping

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Largest number of graphemes (at least 1) whose width fits; for words longer than the line. */
function fittingPrefix(word: string[], ts: Typesetter, size: number, maxWidth: number): number {
  let lo = 1;
  let hi = word.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ts.width(word.slice(0, mid).join(''), size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Greedy word wrap of one line of prepared text. Leading indentation is kept on the first line; a word wider
 * than the line (a URL, or CJK text, which has no spaces) is broken between graphemes.
 */
function wrap(text: string, ts: Typesetter, size: number, maxWidth: number): string[] {
  const width = (s: string) => ts.width(s, size);
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
    let rest = splitGraphemes(piece);
    while (width(rest.join('')) > maxWidth) {
      const n = fittingPrefix(rest, ts, size, maxWidth);
      lines.push(rest.slice(0, n).join(''));
      rest = rest.slice(n);
    }
    current = rest.join('');
  }
  if (current.trim() !== '' || lines.length === 0) lines.push(current.trimEnd());
  return lines;
}

/** Cuts a line so that it plus "…" fits. */
function withEllipsis(line: string, ts: Typesetter, size: number, maxWidth: number): string {
  const g = splitGraphemes(line);
  while (g.length > 0 && ts.width(`${g.join('')}…`, size) > maxWidth) g.pop();
  return `${g.join('').trimEnd()}…`;
}

interface Block {
  lines: string[];
  size: number;
  leading: number;
  width: number;
  height: number; // top of the first line's capitals to the last baseline, roughly
}

/** Wraps prepared lines at the largest size (down to minSize) that fits the box; past that, cuts lines with "…". */
function fitBlock(lines: string[], ts: Typesetter, maxWidth: number, maxHeight: number, size: number, minSize: number): Block {
  const measure = (s: number, ls: string[]): Block => {
    const leading = s * 1.22;
    return {
      lines: ls,
      size: s,
      leading,
      width: Math.max(0, ...ls.map((l) => ts.width(l, s))),
      height: s + (ls.length - 1) * leading,
    };
  };
  for (let s = size; s >= minSize; s -= 0.5) {
    const block = measure(s, lines.flatMap((l) => wrap(l, ts, s, maxWidth)));
    if (block.height <= maxHeight) return block;
  }
  // Never run off the envelope: keep what fits and mark the cut.
  const wrapped = lines.flatMap((l) => wrap(l, ts, minSize, maxWidth));
  const keep = Math.max(1, Math.floor((maxHeight - minSize) / (minSize * 1.22)) + 1);
  const kept = wrapped.slice(0, keep);
  kept[kept.length - 1] = withEllipsis(kept[kept.length - 1], ts, minSize, maxWidth);
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
// Envelopes

const ENVELOPE_MARGIN = 0.375 * INCH;
const STAMP_ZONE = { width: 1.5 * INCH, height: 1.25 * INCH }; // measured from the top-right corner
const BARCODE_CLEAR_ZONE = 0.625 * INCH; // USPS keeps the bottom 5/8 in free for the barcode

/**
 * One page the size of the envelope (landscape): return address top-left, recipient block right of centre
 * below the stamp zone, nothing printed in the top-right stamp zone or the bottom barcode strip. Text
 * shrinks, then wraps, to stay on the page. Throws AppError('validation') when the recipient has no lines.
 */
export async function envelopePdf(env: {
  from: PostalAddress | null;
  to: PostalAddress;
  size: EnvelopeSize;
  fonts: FontLibrary;
  /** The country the card is mailed from, when there is no return address to say it. */
  senderCountry?: string | null;
}): Promise<PdfResult> {
  const { widthPt: W, heightPt: H } = ENVELOPE_SIZES[env.size];
  const doc = await newDoc(`Envelope for ${oneLine(env.to.name)}`);
  const senderCountry = env.from?.country || env.senderCountry || null;
  const toRaw = formatPostalAddress(env.to, { senderCountry });
  // Mail abroad carries the country of origin in the return address: compare it with the destination.
  const fromRaw = env.from ? formatPostalAddress(env.from, { senderCountry: env.to.country?.trim() || senderCountry }) : [];
  const toCode = countryCode(env.to.country) ?? countryCode(senderCountry);
  const ts = new Typesetter(doc, env.fonts, { cjk: cjkPreference([...toRaw, ...fromRaw].join(' '), toCode) });
  const prepare = async (lines: string[]) => (await Promise.all(lines.map(async (l) => (await ts.prepare(l)).trim()))).filter((l) => l !== '');

  const toLines = await prepare(toRaw);
  if (toLines.length === 0) throw invalid({ to: 'The recipient has no name or address.' }, 'The envelope needs a recipient address.');
  const fromLines = await prepare(fromRaw);
  await ts.prepare('…');

  const page = doc.addPage([W, H]);
  const m = ENVELOPE_MARGIN;
  const ink = rgb(0, 0, 0);

  let returnBottom = H - m;
  if (fromLines.length > 0) {
    const block = fitBlock(fromLines, ts, W - STAMP_ZONE.width - m - 9, H * 0.36 - m, 9.5, 6);
    // A Hebrew or Arabic address reads right to left as a whole: every line right-aligned in its block.
    const rtl = isRightToLeft(fromLines.join(' '));
    block.lines.forEach((line, i) => ts.draw(page, line, { x: m, y: H - m - block.size - i * block.leading, size: block.size, color: ink, rtl, box: block.width }));
    returnBottom = H - m - block.height;
  }

  const top = Math.min(H - STAMP_ZONE.height, returnBottom) - 12;
  const bottom = BARCODE_CLEAR_ZONE;
  const block = fitBlock(toLines, ts, W - 2 * m, top - bottom, env.size === 'a2' ? 11 : 12, 7);
  const x = Math.max(m, Math.min(W * 0.4, W - m - block.width));
  const firstBaseline = (top + bottom) / 2 + block.height / 2 - block.size;
  const rtl = isRightToLeft(toLines.join(' '));
  block.lines.forEach((line, i) => ts.draw(page, line, { x, y: firstBaseline - i * block.leading, size: block.size, color: ink, rtl, box: block.width }));

  return { pdf: await doc.save(), replacedCharacters: ts.replaced };
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
export async function cardTextPdf(card: { recipientName: string; body: string; title?: string; cardSize?: CardSize; fonts: FontLibrary }): Promise<PdfResult> {
  const cardSize = CARD_SIZES[card.cardSize ?? 'a2'];
  const doc = await newDoc(`Card for ${oneLine(card.recipientName)}`);
  const cjk = cjkPreference(`${card.recipientName} ${card.title ?? ''} ${card.body}`);
  const regular = new Typesetter(doc, card.fonts, { cjk });
  const bold = new Typesetter(doc, card.fonts, { cjk, bold: true }, regular);
  // The fixed wording (side notes, footer, "…") is Latin: its fonts are embedded once here.
  await regular.prepare('Page 0123456789 of … ×,.:()');
  await bold.prepare('Card for (continued)…');

  const contentWidth = LETTER.width - 2 * PAGE_MARGIN;
  const columnWidth = cardSize.widthPt - 2 * CARD_PADDING;
  const recipient = oneLine(card.recipientName);
  const headingText = await bold.prepare(`Card for ${recipient}`);
  const heading = fitBlock([headingText], bold, contentWidth, 18 + 2 * 18 * 1.22 + 0.5, 18, 18); // at most 3 lines
  // at most 2 lines
  const title = card.title && oneLine(card.title) !== '' ? fitBlock([await regular.prepare(oneLine(card.title))], regular, contentWidth, 11 + 11 * 1.22 + 0.5, 11, 11) : null;

  const paragraphs = card.body.replace(/\r\n|\r/g, '\n').replace(/\t/g, '    ').replace(/^(\s*\n)+|\s+$/g, '').split('\n');
  const prepared = card.body.trim() === '' ? [] : await Promise.all(paragraphs.map((p) => regular.prepare(p)));
  // Each paragraph keeps its direction on every line it wraps to; right-to-left ones are right-aligned.
  const bodyLines = prepared.flatMap((p) => {
    const rtl = isRightToLeft(p);
    return wrap(p, regular, BODY_SIZE, columnWidth).map((text) => ({ text, rtl }));
  });
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
    bold.draw(page, line, { x: PAGE_MARGIN, y: y + heading.leading - heading.size, size: heading.size });
  });
  if (title) {
    y -= 4;
    title.lines.forEach((line) => {
      y -= title.leading;
      regular.draw(page, line, { x: PAGE_MARGIN, y: y + title.leading - title.size, size: title.size, color: GREY, box: contentWidth });
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
  onCard.forEach((line, i) => regular.draw(page, line.text, { x, y: firstBaseline - i * BODY_LEADING, size: BODY_SIZE, rtl: line.rtl, box: columnWidth }));

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
      regular.draw(page, line, { x: sideX, y: sideY, size: 9, color: GREY });
      sideY -= 12;
    }
    sideY -= 4;
  }

  // The rest, below the outline and on further pages, in the same column so line breaks match.
  if (overflow.length > 0) {
    const continued = fitBlock([`${headingText} (continued)`], regular, contentWidth, 9, 9, 9).lines[0];
    y = boxBottom - 18;
    regular.draw(page, 'Does not fit on the card:', { x, y, size: 9, color: GREY });
    y -= 6;
    let sectionStart = true; // a paragraph gap is not worth a blank line at the top of a section
    for (const line of overflow) {
      if (line.text === '' && sectionStart) continue;
      y -= BODY_LEADING;
      if (y < BODY_BOTTOM) {
        if (line.text === '') continue;
        page = addPage();
        regular.draw(page, continued, { x: PAGE_MARGIN, y: LETTER.height - PAGE_MARGIN - 9, size: 9, color: GREY });
        y = LETTER.height - PAGE_MARGIN - 9 - 12 - BODY_LEADING;
      }
      regular.draw(page, line.text, { x, y, size: BODY_SIZE, rtl: line.rtl, box: columnWidth });
      sectionStart = false;
    }
  }

  pages.forEach((p, i) => {
    const label = `Page ${i + 1} of ${pages.length}`;
    regular.draw(p, label, { x: (LETTER.width - regular.width(label, 8)) / 2, y: FOOTER_Y, size: 8, color: GREY });
  });

  return { pdf: await doc.save(), replacedCharacters: regular.replaced };
}
