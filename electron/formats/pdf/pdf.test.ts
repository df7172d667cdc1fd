import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import {
  CARD_SIZES,
  ENVELOPE_SIZES,
  cardTextPdf,
  envelopePdf,
  type EnvelopeSize,
  type PostalAddress,
} from './pdf';
import { formatPostalAddress } from './address';
import { fontLibrary } from './font-files';

const fonts = fontLibrary(path.resolve(__dirname, '../../../resources/fonts'));

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Page {
  width: number;
  height: number;
  items: Item[];
  lines: string[];
}

/** Re-reads a PDF with pdf.js: page sizes and positioned text, one entry per drawn line. */
async function readPdf(bytes: Uint8Array): Promise<Page[]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages: Page[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const items = content.items
      .filter((i) => 'str' in i && i.str !== '')
      .map((i) => {
        const t = i as { str: string; transform: number[]; width: number; height: number };
        return { str: t.str, x: t.transform[4], y: t.transform[5], width: t.width, height: t.height };
      });
    pages.push({ width: x1 - x0, height: y1 - y0, items, lines: items.map((i) => i.str) });
  }
  await doc.destroy();
  return pages;
}

function expectInside(page: Page, margin = 0) {
  for (const i of page.items) {
    expect(i.x, i.str).toBeGreaterThanOrEqual(margin);
    expect(i.x + i.width, i.str).toBeLessThanOrEqual(page.width - margin + 0.01);
    expect(i.y - i.height * 0.25, i.str).toBeGreaterThanOrEqual(margin);
    expect(i.y + i.height, i.str).toBeLessThanOrEqual(page.height - margin + 0.01);
  }
}

/** Nothing in the stamp zone (top-right 1.5 x 1.25 in) or the USPS barcode strip (bottom 5/8 in). */
function expectZonesClear(page: Page) {
  for (const i of page.items) {
    expect(i.x + i.width > page.width - 108 && i.y + i.height > page.height - 90, i.str).toBe(false);
    expect(i.y - i.height * 0.25, i.str).toBeGreaterThanOrEqual(45);
  }
}

const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');

const DANA: PostalAddress = {
  name: 'Dana Lee',
  lines: 'Acme Corp, Floor 12\n500 Market Street',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'USA',
};
const SAM: PostalAddress = { name: 'Sam Rivera', lines: '12 Elm Ave, Apt 3', city: 'Oakland', region: 'CA', postalCode: '94607', country: null };

describe('envelopePdf', () => {
  it.each(Object.keys(ENVELOPE_SIZES) as EnvelopeSize[])('lays out a %s envelope', async (size) => {
    const { pdf, replacedCharacters } = await envelopePdf({ from: SAM, to: DANA, size, fonts });
    expect(replacedCharacters).toEqual([]);
    const pages = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page.width).toBeCloseTo(ENVELOPE_SIZES[size].widthPt, 3);
    expect(page.height).toBeCloseTo(ENVELOPE_SIZES[size].heightPt, 3);
    expect(page.width).toBeGreaterThan(page.height); // landscape

    expect(page.lines).toEqual([
      'Sam Rivera',
      '12 Elm Ave, Apt 3',
      'Oakland, CA 94607',
      'Dana Lee',
      'Acme Corp, Floor 12',
      '500 Market Street',
      'San Francisco, CA 94105',
      'UNITED STATES', // the sender's country is unknown, so the recipient's is printed
    ]);
    expectInside(page, 18);

    const from = page.items.slice(0, 3);
    const to = page.items.slice(3);
    // Return address top-left, recipient right of it and lower, left-aligned block.
    expect(from[0].y).toBeGreaterThan(page.height * 0.75);
    expect(from[0].x).toBeLessThan(page.width * 0.1);
    expect(Math.min(...to.map((i) => i.x))).toBeGreaterThan(page.width * 0.25);
    expect(new Set(to.map((i) => i.x)).size).toBe(1);
    expect(Math.max(...to.map((i) => i.y + i.height))).toBeLessThan(Math.min(...from.map((i) => i.y)));
    expect(to[0].height).toBeGreaterThan(from[0].height);
    expectZonesClear(page);
  });

  it('prints only the recipient when there is no return address', async () => {
    const pages = await readPdf((await envelopePdf({ from: null, to: DANA, size: 'no10', fonts })).pdf);
    expect(pages[0].lines).toEqual(formatPostalAddress(DANA));
  });

  it('keeps a very long address on the envelope by shrinking and wrapping', async () => {
    const street = 'Building 7, The Very Long Named Innovation Campus of the Northern Metropolitan District Authority';
    const to: PostalAddress = { ...DANA, name: 'Dr. Maximiliana Alexandrina Featherstonehaugh-Cholmondeley', lines: Array(8).fill(street).join('\n') };
    const { pdf } = await envelopePdf({ from: { ...SAM, lines: Array(6).fill(street).join('\n') }, to, size: 'a2', fonts });
    const [page] = await readPdf(pdf);
    expectInside(page, 18);
    expectZonesClear(page);
    const text = page.lines.join(' ');
    expect(text).toContain('Featherstonehaugh');
    expect(text).toContain('Dr. Maximiliana');
  });

  it('refuses an envelope without a recipient address', async () => {
    await expect(envelopePdf({ from: SAM, to: { name: ' ', lines: null, city: null, region: null, postalCode: null, country: null }, size: 'no10', fonts })).rejects.toThrow(
      AppError,
    );
  });
});

describe('cardTextPdf', () => {
  const body = 'Dear Dana,\n\nThank you for walking me through the data platform migration today.\nI enjoyed hearing about the challenge of the nightly batch window.\n\nBest regards,\nSam';

  it('prints a heading, the title and the wrapped body on a Letter page', async () => {
    const { pdf, replacedCharacters } = await cardTextPdf({ recipientName: 'Dana Lee', body, title: 'Thank-you after the on-site interview', fonts });
    expect(replacedCharacters).toEqual([]);
    const pages = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page.width).toBeCloseTo(612, 3);
    expect(page.height).toBeCloseTo(792, 3);
    expect(page.lines[0]).toBe('Card for Dana Lee');
    expect(page.lines[1]).toBe('Thank-you after the on-site interview');
    expect(page.items[0].height).toBeGreaterThan(page.items[1].height);
    const text = page.lines.join(' ');
    expect(words(text).join(' ')).toContain(words(body).join(' '));
    expect(text).toContain('A2 card (4.25 × 5.5 in)');
    expectInside(page, 18);
  });

  it('wraps body lines to the width of the card outline', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    for (const cardSize of ['a2', 'a7'] as const) {
      const [page] = await readPdf((await cardTextPdf({ recipientName: 'Dana Lee', body: long, cardSize, fonts })).pdf);
      const bodyItems = page.items.filter((i) => i.str.startsWith('word'));
      expect(bodyItems.length).toBeGreaterThan(3);
      const left = Math.min(...bodyItems.map((i) => i.x));
      for (const i of bodyItems) expect(i.x + i.width - left).toBeLessThanOrEqual(CARD_SIZES[cardSize].widthPt - 2 * 0.3 * 72 + 0.01);
      expect(words(bodyItems.map((i) => i.str).join(' '))).toEqual(words(long));
      expect(page.lines.join(' ')).toContain(CARD_SIZES[cardSize].label);
    }
  });

  it('breaks a word longer than the line', async () => {
    const url = `https://example.com/${'a'.repeat(150)}`;
    const [page] = await readPdf((await cardTextPdf({ recipientName: 'Dana Lee', body: `See ${url} please`, fonts })).pdf);
    expectInside(page, 18);
    const bodyItems = page.items.filter((i) => i.height === 14);
    expect(bodyItems.length).toBeGreaterThan(2);
    expect(bodyItems[0].str).toBe('See'); // the URL does not fit after it
    expect(bodyItems.map((i) => i.str).join('')).toBe(`See${url} please`);
  });

  it('paginates a long body without running off the page and keeps every word in order', async () => {
    const paragraph =
      'Thank you again for the thoughtful conversation about the roadmap, the team, and the challenge of scaling the platform while keeping it reliable.';
    const longBody = Array.from({ length: 40 }, (_, i) => `${i + 1}. ${paragraph}`).join('\n\n');
    const { pdf } = await cardTextPdf({ recipientName: 'Dana Lee', body: longBody, cardSize: 'a7', fonts });
    const pages = await readPdf(pdf);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((p, n) => {
      expect(p.width).toBeCloseTo(612, 3);
      expect(p.height).toBeCloseTo(792, 3);
      expectInside(p, 18);
      expect(p.lines).toContain(`Page ${n + 1} of ${pages.length}`);
      if (n > 0) expect(p.lines[0]).toBe('Card for Dana Lee (continued)');
    });
    expect(pages[0].lines).toContain('Does not fit on the card:');
    const bodyText = pages.flatMap((p) => p.items.filter((i) => i.height === 14).map((i) => i.str)).join(' ');
    expect(words(bodyText)).toEqual(words(longBody));
  });

  it('keeps a very long name and title to a few lines', async () => {
    const name = Array(30).fill('Maximiliana').join(' ');
    const [page] = await readPdf((await cardTextPdf({ recipientName: name, title: name, body: 'Hello', fonts })).pdf);
    expectInside(page, 18);
    const headingLines = page.items.filter((i) => i.height === 18);
    expect(headingLines).toHaveLength(3);
    expect(headingLines[0].str.startsWith('Card for Maximiliana')).toBe(true);
    expect(headingLines[2].str.endsWith('…')).toBe(true);
    expect(page.items.filter((i) => i.height === 11)).toHaveLength(2);
    expect(page.items.some((i) => i.str === 'Hello')).toBe(true);
  });

  it('prints an empty card outline for an empty body', async () => {
    const pages = await readPdf((await cardTextPdf({ recipientName: 'Dana Lee', body: '  \n ', fonts })).pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0].items.filter((i) => i.height === 14)).toEqual([]);
  });
});
