import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../shared/documents';
import { id, method, ok, optText, reqText } from '../define';

const Kind = z.enum(DOCUMENT_KINDS, { error: 'Choose résumé, cover letter, posting, offer letter or other.' });

export const DocumentRow = z.object({
  id: z.number(),
  applicationId: z.number(),
  sha256: z.string(),
  name: z.string(),
  mediaType: z.string(),
  kind: Kind,
  label: z.string().nullable(),
  size: z.number(),
  createdAt: z.number(),
  /** How many applications have this very file (same bytes), this one included. */
  usedBy: z.number(),
});
export type DocumentT = z.output<typeof DocumentRow>;

const File = z.object({ filename: z.string(), mediaType: z.string(), base64: z.string() });

export const documentsContract = {
  'documents.list': method("An application's documents, newest first.", z.object({ applicationId: id }), z.object({ items: z.array(DocumentRow) })),
  'documents.add': method(
    'Attach a file to an application (PDF, Word, OpenDocument, RTF, text, web page or image, at most 10 MB); the same bytes are stored once however often attached.',
    z.object({
      applicationId: id,
      name: reqText('File name', 255),
      base64: z.string({ error: 'Choose a file.' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file did not arrive intact; try again.'),
      kind: Kind.optional(),
      label: optText(200, 'Version label'),
    }),
    DocumentRow,
  ),
  'documents.update': method(
    "Change a document's kind, version label or name.",
    z.object({ id, kind: Kind.optional(), label: optText(200, 'Version label'), name: reqText('File name', 255).optional() }),
    DocumentRow,
  ),
  'documents.remove': method('Remove a document from its application (its bytes go when no application has them).', z.object({ id }), ok),
  'documents.download': method("A document's bytes, to save or open.", z.object({ id }), File),
  'documents.open': method(
    'Open a document with the system viewer (desktop app); opened is false where the app cannot (browser mode), and the page downloads it instead.',
    z.object({ id }),
    z.object({ opened: z.boolean() }),
  ),
  'documents.usage': method(
    'Every application that got this very file (same bytes), newest first.',
    z.object({ id }),
    z.object({
      items: z.array(z.object({ documentId: z.number(), applicationId: z.number(), company: z.string(), role: z.string(), stage: z.string(), name: z.string(), label: z.string().nullable(), createdAt: z.number() })),
    }),
  ),
};
