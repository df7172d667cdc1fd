// Everything out and back in: data.export writes the whole database as one versioned JSON file
// (docs/export-format.md); data.upload and data.import bring such a file into an empty Courtesy.
// Uploads are held in memory, one at a time per database: a new part 0 replaces an unfinished upload,
// and an import consumes its upload whether it succeeds or not (a retry sends the file again).
import type { Ctx, Handlers } from '../../db/context';
import { AppError } from '../../shared/errors';
import { FORMAT_NAME, FORMAT_VERSION, readSequences, readTables, serialize } from './format';
import { importExport, userData } from './import';
import { listTables } from './tables';
import { appliedVersion } from './versions';
import { recoverOutbox } from '../mail/outbox';

interface Upload {
  id: string;
  parts: number;
  received: string[];
}
const uploads = new WeakMap<Ctx, Upload>();

export function exportAll(ctx: Ctx) {
  const version = appliedVersion(ctx.sqlite, ctx.migrationsFolder);
  // One read transaction, so the file is one consistent moment even while other calls write.
  return ctx.sqlite
    .transaction(() => {
      const tables = listTables(ctx.sqlite).exported;
      const rows = readTables(ctx.sqlite, tables);
      const exportedAt = new Date(ctx.clock.now());
      const content = serialize({
        format: FORMAT_NAME,
        formatVersion: FORMAT_VERSION,
        schemaVersion: version.tag,
        schemaTime: version.when,
        appVersion: ctx.version,
        exportedAt: exportedAt.toISOString(),
        counts: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length])),
        sequences: readSequences(ctx.sqlite, tables),
        tables: rows,
      });
      const counts = Object.entries(rows).map(([name, r]) => ({ name, rows: r.length }));
      return {
        filename: `courtesy-export-${exportedAt.toISOString().slice(0, 19).replace(/:/g, '-')}.json`,
        content,
        tables: counts,
        rows: counts.reduce((n, t) => n + t.rows, 0),
      };
    })
    .deferred();
}

export const dataHandlers: Handlers<'data.status' | 'data.export' | 'data.upload' | 'data.import'> = {
  'data.status': (_input, ctx) => {
    const holds = userData(ctx).map((u) => ({ name: u.table, rows: u.rows }));
    return { empty: holds.length === 0, holds, formatVersion: FORMAT_VERSION, schemaVersion: appliedVersion(ctx.sqlite, ctx.migrationsFolder).tag };
  },
  'data.export': (_input, ctx) => exportAll(ctx),
  'data.upload': ({ uploadId, part, parts, text }, ctx) => {
    let upload = uploads.get(ctx);
    if (part === 0) uploads.set(ctx, (upload = { id: uploadId, parts, received: [] }));
    if (!upload || upload.id !== uploadId) throw new AppError('not_found', 'That upload is no longer here (another one started, or it was imported); send the file again.');
    if (parts !== upload.parts) throw new AppError('validation', `This upload was started with ${upload.parts} parts, not ${parts}.`, { parts: 'Does not match the upload.' });
    if (part !== upload.received.length) {
      throw new AppError('validation', `Part ${part + 1} arrived when part ${upload.received.length + 1} was expected; send the file again.`, { part: 'Out of order.' });
    }
    upload.received.push(text);
    return { received: upload.received.length, parts: upload.parts };
  },
  'data.import': ({ uploadId }, ctx) => {
    const upload = uploads.get(ctx);
    if (!upload || upload.id !== uploadId) throw new AppError('not_found', 'That upload is no longer here; send the file again.');
    uploads.delete(ctx);
    if (upload.received.length !== upload.parts) {
      throw new AppError('validation', `Only ${upload.received.length} of ${upload.parts} parts of the file arrived. Nothing was imported; send the file again.`);
    }
    const result = importExport(ctx, upload.received.join(''));
    // Notes queued in the file may have gone since it was written: they wait for the person (as after a restore).
    recoverOutbox(ctx, 'restore');
    return result;
  },
};
