import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { tx } from '../../db/sql';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { createNote } from './records';
import { rowsFromContactColumns } from '../../testing/contact-rows';
import { slug } from './print';

let core: TestCore;
afterEach(() => core?.close());
const T0 = Date.UTC(2026, 6, 1, 12);

/** Re-reads a PDF with pdf.js: each page's size in points and its text lines. */
async function readPdf(base64: string) {
  const doc = await getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')), verbosity: 0, isEvalSupported: false }).promise;
  const pages: Array<{ width: number; height: number; lines: string[] }> = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    // A line drawn in several fonts (Ł comes from another font file than Zo) is several items: join those on one baseline.
    const lines: string[] = [];
    let lastY: number | null = null;
    for (const i of content.items as Array<{ str?: string; transform?: number[] }>) {
      if (i.str === undefined || !i.transform) continue;
      const y = Math.round(i.transform[5] * 10);
      if (y === lastY) lines[lines.length - 1] += i.str;
      else if (i.str.trim() !== '') lines.push(i.str);
      if (i.str.trim() !== '') lastY = y;
    }
    pages.push({ width: x1 - x0, height: y1 - y0, lines: lines.map((l) => l.trim()) });
  }
  await doc.destroy();
  return pages;
}


async function setup(address: boolean) {
  core = await testCore({ now: T0 });
  const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
  const contactId = Number(
    core.ctx.sqlite
      .prepare('INSERT INTO contacts (name, address_lines, city, region, postal_code, country) VALUES (?, ?, ?, ?, ?, ?)')
      .run('Zoë Łukasiewicz', address ? 'Globex Tower, Floor 12\n500 Market Street' : null, address ? 'San Francisco' : null, 'CA', '94105', 'USA').lastInsertRowid,
  );
  rowsFromContactColumns(core.ctx.sqlite);
  const body = 'Dear Zoë,\n\nThank you for the tour of the new data platform and for explaining the on-call rotation.\n\nWarmly,\nAlex';
  const noteId = tx(core.ctx, () =>
    createNote(core.ctx, { kind: 'thank_you', contactId, applicationId: app.id, interviewId: null, delivery: 'handwritten', dueAt: null, body }),
  );
  return { noteId, contactId };
}

describe('print', () => {
  it('prints the card text at the chosen card size, on a Letter page, and names the characters to write by hand', async () => {
    const { noteId } = await setup(true);
    const a2 = await core.api('print.cardText', { noteId });
    expect(a2.filename).toBe('card-zoe-lukasiewicz.pdf');
    expect(a2.replacedCharacters).toEqual([]);
    const [page] = await readPdf(a2.base64);
    expect([page.width, page.height]).toEqual([612, 792]);
    expect(page.lines).toContain('Card for Zoë Łukasiewicz');
    expect(page.lines).toContain('Thank-you note · Globex, Platform Engineer');
    expect(page.lines).toContain('A2 card (4.25 × 5.5 in), actual size.');
    expect(page.lines.join(' ')).toContain('data platform');
    const a7 = await readPdf((await core.api('print.cardText', { noteId, cardSize: 'a7' })).base64);
    expect(a7[0].lines).toContain('A7 card (5 × 7 in), actual size.');
    // The sizes in the drawer are settings: saved with the rest, and the sheet starts from them.
    expect(await core.api('settings.get', {})).toMatchObject({ cardSize: 'a2', envelopeSize: 'a2' });
    expect(await core.api('settings.update', { cardSize: 'a7', envelopeSize: 'no10' })).toMatchObject({ cardSize: 'a7', envelopeSize: 'no10' });
    const byDefault = await readPdf((await core.api('print.cardText', { noteId })).base64);
    expect(byDefault[0].lines).toContain('A7 card (5 × 7 in), actual size.');
    const env = await core.call('settings.update', { cardSize: 'a5' as never, envelopeSize: 'dl' as never });
    expect(!env.ok && env.error.fields).toEqual({ cardSize: 'Choose an A2 or A7 card.', envelopeSize: 'Choose #10, A2 or A7.' });
    expect(await core.api('settings.get', {})).toMatchObject({ cardSize: 'a7', envelopeSize: 'no10' });
  });

  it('prints an envelope with the return address from the profile and the recipient address, at each size', async () => {
    const { noteId } = await setup(true);
    await core.api('settings.update', { profile: { name: 'Alex Kim', addressLines: '9 Elm Street', city: 'Portland', region: 'OR', postalCode: '97201' } });
    const sizes = { no10: [684, 297], a2: [414, 315], a7: [522, 378] } as const;
    for (const [size, [w, h]] of Object.entries(sizes) as Array<[keyof typeof sizes, readonly [number, number]]>) {
      const res = await core.api('print.envelope', { noteId, size });
      expect(res.filename).toBe(`envelope-${size}-zoe-lukasiewicz.pdf`);
      const [page] = await readPdf(res.base64);
      expect([page.width, page.height]).toEqual([w, h]);
      expect(page.lines).toEqual([
        'Alex Kim',
        '9 Elm Street',
        'Portland, OR 97201',
        'Zoë Łukasiewicz',
        'Globex Tower, Floor 12',
        '500 Market Street',
        'San Francisco, CA 94105',
        'UNITED STATES', // the profile has no country: the recipient's is printed
      ]);
      expect(res.replacedCharacters).toEqual([]);
    }
  });

  it('without a return address prints only the recipient', async () => {
    const { noteId } = await setup(true);
    const [page] = await readPdf((await core.api('print.envelope', { noteId, size: 'no10' })).base64);
    expect(page.lines[0]).toBe('Zoë Łukasiewicz');
  });

  it('explains a missing postal address, a missing note and an empty note', async () => {
    const { noteId } = await setup(false);
    const err = await errorOf(core.api('print.envelope', { noteId, size: 'a7' }));
    expect(err.code).toBe('validation');
    expect(err.message).toBe('Zoë Łukasiewicz has no postal address yet.');
    expect(err.fields?.recipient).toMatch(/Add their street and city on their contact page/);
    expect((await errorOf(core.api('print.envelope', { noteId: 999, size: 'a7' }))).code).toBe('not_found');
    expect((await errorOf(core.api('print.envelope', { noteId, size: 'c6' as never }))).fields?.size).toMatch(/#10, A2 or A7/);
    core.ctx.sqlite.prepare("UPDATE notes SET body = '  ' WHERE id = ?").run(noteId);
    expect((await errorOf(core.api('print.cardText', { noteId }))).fields?.body).toMatch(/nothing to print/);
  });

  it('makes safe file names', () => {
    expect(slug('Dr. Ana María O’Neill')).toBe('dr-ana-maria-o-neill');
    expect(slug('王小明')).toBe('note');
    expect(slug(null)).toBe('note');
  });
});
