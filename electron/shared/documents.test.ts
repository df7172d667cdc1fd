import { describe, expect, it } from 'vitest';
import { checkDocument, MAX_DOCUMENT_BYTES, safeFileName } from './documents';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('which files are kept', () => {
  it('takes the kinds a job search has when the content agrees with the name', () => {
    expect(checkDocument('CV.PDF', bytes('%PDF-1.7\n...'))).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(checkDocument('letter.docx', bytes('PK\x03\x04rest'))).toMatchObject({ ok: true });
    expect(checkDocument('posting.html', new Uint8Array(Buffer.from('<html>Ünïcode ✓</html>')))).toMatchObject({ ok: true, mediaType: 'text/html' });
    expect(checkDocument('photo.jpg', bytes('\xff\xd8\xff\xe0'))).toMatchObject({ ok: true });
  });

  it('refuses programs whatever they are named, contents that disagree with the name, unknown types, empty and oversized files', () => {
    expect(checkDocument('cv.pdf', bytes('MZ\x90\x00'))).toEqual({ ok: false, message: '"cv.pdf" is a program, not a document; it was not kept.' });
    expect(checkDocument('notes.txt', bytes('#!/bin/sh\nrm -rf ~'))).toMatchObject({ ok: false, message: expect.stringContaining('is a program') });
    expect(checkDocument('cv.pdf', bytes('<html>'))).toEqual({ ok: false, message: '"cv.pdf" is named like a PDF but its contents are not; it was not kept.' });
    expect(checkDocument('notes.txt', bytes('ab\x00cd'))).toMatchObject({ ok: false });
    expect(checkDocument('notes.txt', bytes('caf\xe9'))).toMatchObject({ ok: false });
    expect(checkDocument('setup.exe', bytes('MZ'))).toMatchObject({ ok: false, message: expect.stringContaining('is not one of them') });
    expect(checkDocument('cv', bytes('%PDF-'))).toMatchObject({ ok: false });
    expect(checkDocument('cv.pdf', new Uint8Array())).toEqual({ ok: false, message: '"cv.pdf" is empty.' });
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(bytes('%PDF-'));
    expect(checkDocument('cv.pdf', big)).toEqual({ ok: false, message: '"cv.pdf" is 10.0 MB; a document can be at most 10 MB.' });
  });

  it('makes names safe to write: no folders, no control characters, no hidden files', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\CV v3.pdf')).toBe('CV v3.pdf');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('a\u0000b<c>.pdf')).toBe('a_b_c_.pdf');
    expect(safeFileName('')).toBe('document');
  });
});
