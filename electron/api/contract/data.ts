import { z } from 'zod';
import { method } from '../define';
import { UPLOAD_MAX_PARTS, UPLOAD_PART_CHARS } from '../../shared/data-export';

// An import arrives in pieces (data.upload), so a large file travels under the transport's request size
// limit and the page can show honest progress; data.import then checks and writes it in one go.
const uploadId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'An upload id is 8 to 64 letters, digits, - or _.');

const TableCount = z.object({ name: z.string(), rows: z.number() });

export const dataContract = {
  'data.status': method(
    'Whether this database can take an import (it holds nothing but what a new Courtesy writes itself), and the export format and schema versions.',
    z.object({}),
    z.object({
      empty: z.boolean(),
      /** Tables holding data of your own, when not empty. */
      holds: z.array(TableCount),
      formatVersion: z.number(),
      schemaVersion: z.string(),
    }),
  ),
  'data.export': method(
    'Everything in the database as one versioned JSON file (docs/export-format.md).',
    z.object({}),
    z.object({ filename: z.string(), content: z.string(), tables: z.array(TableCount), rows: z.number() }),
  ),
  'data.upload': method(
    'One piece of an export file to import; part 0 starts a new upload, the others follow in order.',
    z.object({
      uploadId,
      part: z.number().int().min(0).max(UPLOAD_MAX_PARTS - 1),
      parts: z.number().int().min(1).max(UPLOAD_MAX_PARTS, `A file is sent in at most ${UPLOAD_MAX_PARTS} parts.`),
      text: z.string().max(UPLOAD_PART_CHARS, `A part is at most ${UPLOAD_PART_CHARS} characters.`),
    }),
    z.object({ received: z.number(), parts: z.number() }),
  ),
  'data.import': method(
    'Import an uploaded export file into this empty database, exactly (same ids), in one transaction; refused with nothing written otherwise.',
    z.object({ uploadId, confirm: z.literal(true, { error: 'Importing needs confirmation.' }) }),
    z.object({ schemaVersion: z.string(), migratedFrom: z.string().nullable(), tables: z.array(TableCount), rows: z.number() }),
  ),
};
