// Documents per application. The bytes live once per content in document_blobs (see schema.ts for why
// in the database); application_documents names them per application. Files are checked by name and
// content (shared/documents.ts) before anything is written; opening one hands a copy in a private
// temporary folder to the system viewer, never to the app's window.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ctx, Handlers } from '../../db/context';
import { deleteRow, insertRow, rowExists, stmt, tx, updateRow } from '../../db/sql';
import { applicationDocuments, applications } from '../../db/schema';
import type { MethodOutput } from '../../api/contract';
import type { DocumentT } from '../../api/contract/documents';
import type { DocumentTagT as DocumentTag } from '../../api/contract/applications';
import { checkDocument, safeFileName } from '../../shared/documents';
import { invalid, notFound } from '../../shared/errors';

const DOC_SELECT = `
SELECT d.id, d.application_id AS applicationId, d.sha256, d.name, d.media_type AS mediaType, d.kind, d.label,
       b.size, d.created_at AS createdAt,
       (SELECT count(DISTINCT o.application_id) FROM application_documents o WHERE o.sha256 = d.sha256) AS usedBy
FROM application_documents d
JOIN document_blobs b ON b.sha256 = d.sha256`;

/**
 * Removes bytes that no application refers to and no undo entry could bring back (an undone delete puts
 * its application_documents rows back, which need their bytes). Runs after a document is removed and at
 * start-up; a deleted application's bytes wait for the next run.
 */
export function releaseUnusedDocuments(ctx: Pick<Ctx, 'sqlite'>): number {
  return ctx.sqlite
    .prepare(
      `DELETE FROM document_blobs WHERE NOT EXISTS (SELECT 1 FROM application_documents d WHERE d.sha256 = document_blobs.sha256)
         AND NOT EXISTS (SELECT 1 FROM undo_journal u WHERE instr(u.changes, document_blobs.sha256) > 0)`,
    )
    .run().changes;
}

/** The documents of these applications as tags, per application, oldest first (the table's shown rows only). */
export function documentTagsFor(ctx: Pick<Ctx, 'sqlite'>, applicationIds: number[]): Map<number, DocumentTag[]> {
  const out = new Map<number, DocumentTag[]>();
  if (applicationIds.length === 0) return out;
  const rows = stmt<DocumentTag & { applicationId: number }>(
    ctx.sqlite,
    `SELECT d.application_id AS applicationId, d.id, d.kind, d.label, d.name FROM application_documents d
     WHERE d.application_id IN (SELECT value FROM json_each(?)) ORDER BY d.application_id, d.created_at, d.id`,
  ).all(JSON.stringify(applicationIds));
  for (const { applicationId, ...tag } of rows) {
    const list = out.get(applicationId);
    if (list) list.push(tag);
    else out.set(applicationId, [tag]);
  }
  return out;
}

export function getDocument(ctx: Ctx, id: number): DocumentT {
  const row = stmt<DocumentT>(ctx.sqlite, `${DOC_SELECT} WHERE d.id = ?`).get(id);
  if (!row) throw notFound('Document', id);
  return row;
}

function bytesOf(ctx: Ctx, id: number): { doc: DocumentT; bytes: Buffer } {
  const doc = getDocument(ctx, id);
  const bytes = stmt<{ bytes: Buffer }>(ctx.sqlite, 'SELECT bytes FROM document_blobs WHERE sha256 = ?').get(doc.sha256)!.bytes;
  return { doc, bytes };
}

/** A private folder for copies handed to the system viewer, emptied of copies older than a day. */
function viewerFolder(): string {
  const dir = path.join(os.tmpdir(), `courtesy-documents-${process.getuid?.() ?? 'user'}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const dayAgo = Date.now() - 86_400_000;
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    try {
      if (fs.statSync(p).mtimeMs < dayAgo) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      // another window may be removing it too
    }
  }
  return dir;
}

/** Writes a copy for the viewer: its own folder per content, the file under its own (safe) name, read-only. */
export function writeViewerCopy(doc: DocumentT, bytes: Buffer, root = viewerFolder()): string {
  const dir = path.join(root, doc.sha256.slice(0, 16));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, safeFileName(doc.name));
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, bytes, { mode: 0o400 });
  return file;
}

export const documentsHandlers: Handlers<
  'documents.list' | 'documents.add' | 'documents.update' | 'documents.remove' | 'documents.download' | 'documents.open' | 'documents.usage'
> = {
  'documents.list': ({ applicationId }, ctx) => ({
    items: stmt<DocumentT>(ctx.sqlite, `${DOC_SELECT} WHERE d.application_id = ? ORDER BY d.created_at DESC, d.id DESC`).all(applicationId),
  }),
  'documents.add': ({ applicationId, name, base64, kind, label }, ctx) => {
    if (!rowExists(ctx, applications, applicationId)) throw invalid({ applicationId: 'That application no longer exists.' });
    const fileName = safeFileName(name);
    const bytes = Buffer.from(base64, 'base64');
    const check = checkDocument(fileName, bytes);
    if (!check.ok) throw invalid({ file: check.message }, check.message);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    return tx(ctx, () => {
      // The same file attached twice to one application is the one already there.
      const same = stmt<{ id: number }>(ctx.sqlite, 'SELECT id FROM application_documents WHERE application_id = ? AND sha256 = ?').get(applicationId, sha256);
      if (same) return getDocument(ctx, same.id);
      stmt(ctx.sqlite, 'INSERT OR IGNORE INTO document_blobs (sha256, size, bytes, created_at) VALUES (?, ?, ?, ?)').run(sha256, bytes.length, bytes, ctx.clock.now());
      const id = insertRow(ctx, applicationDocuments, {
        applicationId,
        sha256,
        name: fileName,
        mediaType: check.mediaType,
        kind: kind ?? 'other',
        label: label ?? null,
        createdAt: ctx.clock.now(),
      });
      return getDocument(ctx, id);
    });
  },
  'documents.update': ({ id, kind, label, name }, ctx) => {
    const doc = getDocument(ctx, id);
    const renamed = name === undefined ? undefined : safeFileName(name);
    // A new name must keep the file's type: the content was checked against the old extension.
    if (renamed !== undefined && path.extname(renamed).toLowerCase() !== path.extname(doc.name).toLowerCase()) {
      throw invalid({ name: `Keep the ${path.extname(doc.name) || 'same'} ending: the file's type does not change with its name.` });
    }
    updateRow(ctx, applicationDocuments, id, { kind, label, name: renamed });
    return getDocument(ctx, id);
  },
  'documents.remove': ({ id }, ctx) => {
    getDocument(ctx, id);
    tx(ctx, () => {
      deleteRow(ctx, applicationDocuments, id);
      releaseUnusedDocuments(ctx);
    });
    return { ok: true as const };
  },
  'documents.download': ({ id }, ctx) => {
    const { doc, bytes } = bytesOf(ctx, id);
    return { filename: safeFileName(doc.name), mediaType: doc.mediaType, base64: bytes.toString('base64') };
  },
  'documents.open': async ({ id }, ctx) => {
    if (!ctx.openFile) return { opened: false };
    const { doc, bytes } = bytesOf(ctx, id);
    await ctx.openFile(writeViewerCopy(doc, bytes));
    return { opened: true };
  },
  'documents.usage': ({ id }, ctx) => ({
    items: stmt<MethodOutput<'documents.usage'>['items'][number]>(
      ctx.sqlite,
      `SELECT d.id AS documentId, a.id AS applicationId, co.name AS company, a.role, a.stage, d.name, d.label, d.created_at AS createdAt
       FROM application_documents d
       JOIN applications a ON a.id = d.application_id
       JOIN companies co ON co.id = a.company_id
       WHERE d.sha256 = (SELECT sha256 FROM application_documents WHERE id = ?)
       ORDER BY d.created_at DESC, d.id DESC`,
    ).all(getDocument(ctx, id).id),
  }),
};
