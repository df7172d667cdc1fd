import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { releaseUnusedDocuments, writeViewerCopy } from './documents';

let core: TestCore;
afterEach(() => core?.close());
const b64 = (s: string) => Buffer.from(s).toString('base64');
const RESUME = '%PDF-1.7\nRésumé, platform v3';

describe('documents per application', () => {
  it('keeps the same résumé once however many applications got it, and says which ones did', async () => {
    core = await testCore();
    const globex = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    const initech = await core.api('applications.create', { company: 'Initech', role: 'SRE' });
    const first = await core.api('documents.add', { applicationId: globex.id, name: 'CV.pdf', base64: b64(RESUME), kind: 'resume', label: 'platform v3' });
    expect(first).toMatchObject({ name: 'CV.pdf', kind: 'resume', label: 'platform v3', mediaType: 'application/pdf', size: Buffer.byteLength(RESUME), usedBy: 1 });
    const second = await core.api('documents.add', { applicationId: initech.id, name: 'Jo Doe CV.pdf', base64: b64(RESUME), kind: 'resume' });
    expect(second.sha256).toBe(first.sha256);
    expect(second.usedBy).toBe(2);
    // Attaching it again to the same application is the one already there.
    expect((await core.api('documents.add', { applicationId: globex.id, name: 'again.pdf', base64: b64(RESUME) })).id).toBe(first.id);
    const count = (sql: string) => core.ctx.sqlite.prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM document_blobs')).toBe(1);

    const usage = await core.api('documents.usage', { id: first.id });
    expect(usage.items.map((u) => u.company).sort()).toEqual(['Globex', 'Initech']);
    const letter = await core.api('documents.add', { applicationId: globex.id, name: 'letter.txt', base64: b64('Dear Globex'), kind: 'cover_letter' });
    expect((await core.api('documents.list', { applicationId: globex.id })).items.map((d) => d.id).sort()).toEqual([first.id, letter.id].sort());

    // The bytes come back exactly.
    const file = await core.api('documents.download', { id: first.id });
    expect(Buffer.from(file.base64, 'base64').toString()).toBe(RESUME);

    // Removing one attachment keeps the bytes another application has.
    await core.api('documents.remove', { id: first.id });
    expect(count('SELECT count(*) FROM document_blobs')).toBe(2);
    // A deleted application's documents come back with its undo: the bytes wait for the undo to expire.
    const deleted = await core.api('applications.delete', { id: initech.id, confirm: true });
    expect(releaseUnusedDocuments(core.ctx)).toBe(0);
    await core.api('undo.apply', { token: deleted.undo!.token });
    expect((await core.api('documents.list', { applicationId: initech.id })).items.map((d) => d.id)).toEqual([second.id]);
    expect(Buffer.from((await core.api('documents.download', { id: second.id })).base64, 'base64').toString()).toBe(RESUME);
    // Once no undo could bring them back, unused bytes are released (at start-up, or the next removal).
    await core.api('applications.delete', { id: initech.id, confirm: true });
    await core.api('applications.delete', { id: globex.id, confirm: true });
    core.ctx.sqlite.prepare('DELETE FROM undo_journal').run();
    expect(releaseUnusedDocuments(core.ctx)).toBe(2);
    expect(count('SELECT count(*) FROM document_blobs')).toBe(0);
  });

  it('names each shown row\'s documents in the table page that asks for them, and only then', async () => {
    core = await testCore();
    const globex = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    const initech = await core.api('applications.create', { company: 'Initech', role: 'SRE' });
    await core.api('applications.create', { company: 'Hooli', role: 'SRE' });
    const cv = await core.api('documents.add', { applicationId: globex.id, name: 'CV.pdf', base64: b64(RESUME), kind: 'resume', label: 'platform v3' });
    const letter = await core.api('documents.add', { applicationId: globex.id, name: 'letter.txt', base64: b64('Dear Globex'), kind: 'cover_letter' });
    await core.api('documents.add', { applicationId: initech.id, name: 'CV.pdf', base64: b64(RESUME), kind: 'resume', label: 'sre v1' });

    const page = await core.api('applications.list', { limit: 2, sort: 'company', dir: 'asc', withDocuments: true });
    expect(page.items.map((a) => [a.company, a.documents])).toEqual([
      ['Globex', [{ id: cv.id, kind: 'resume', label: 'platform v3', name: 'CV.pdf' }, { id: letter.id, kind: 'cover_letter', label: null, name: 'letter.txt' }]],
      ['Hooli', []],
    ]);
    const next = await core.api('applications.list', { limit: 2, sort: 'company', dir: 'asc', withDocuments: true, after: page.next! });
    expect(next.items.map((a) => a.documents?.map((d) => d.label))).toEqual([['sre v1']]);
    // Readers that do not ask (the board, the palette, the CSV export) pay nothing for them.
    expect((await core.api('applications.list', {})).items.every((a) => a.documents === undefined)).toBe(true);
  });

  it('refuses what is not a document with the reason beside the file, and writes nothing', async () => {
    core = await testCore();
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    const program = await errorOf(core.api('documents.add', { applicationId: app.id, name: 'cv.pdf', base64: b64('MZ\x90\x00') }));
    expect(program.fields).toEqual({ file: '"cv.pdf" is a program, not a document; it was not kept.' });
    const renamed = await errorOf(core.api('documents.add', { applicationId: app.id, name: 'cv.pdf', base64: b64('<html>') }));
    expect(renamed.message).toBe('"cv.pdf" is named like a PDF but its contents are not; it was not kept.');
    const bad = await errorOf(core.api('documents.add', { applicationId: app.id, name: '', base64: 'not base64!', kind: 'photo' as never }));
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['base64', 'kind', 'name']);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM document_blobs').pluck().get()).toBe(0);
    // A rename keeps the type the content was checked for.
    const doc = await core.api('documents.add', { applicationId: app.id, name: 'cv.pdf', base64: b64(RESUME) });
    expect((await errorOf(core.api('documents.update', { id: doc.id, name: 'cv.exe' }))).fields).toEqual({ name: "Keep the .pdf ending: the file's type does not change with its name." });
    expect(await core.api('documents.update', { id: doc.id, name: 'CV 2026.pdf', kind: 'resume', label: 'v4' })).toMatchObject({ name: 'CV 2026.pdf', kind: 'resume', label: 'v4' });
  });

  it('opens nothing in browser mode, and hands the desktop viewer a private read-only copy under a safe name', async () => {
    core = await testCore();
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    const doc = await core.api('documents.add', { applicationId: app.id, name: 'Offer letter.pdf', base64: b64(RESUME), kind: 'offer_letter' });
    expect(await core.api('documents.open', { id: doc.id })).toEqual({ opened: false });

    const opened: string[] = [];
    core.ctx.openFile = async (file) => void opened.push(file);
    expect(await core.api('documents.open', { id: doc.id })).toEqual({ opened: true });
    expect(path.basename(opened[0])).toBe('Offer letter.pdf');
    expect(fs.readFileSync(opened[0], 'utf8')).toBe(RESUME);
    expect(fs.statSync(opened[0]).mode & 0o777).toBe(0o400);

    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-viewer-'));
    const file = writeViewerCopy({ ...doc, name: '../../escape.pdf' }, Buffer.from(RESUME), root);
    expect(path.dirname(path.dirname(file))).toBe(root);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
