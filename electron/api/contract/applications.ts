import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../shared/documents';
import { ApplicationCreate, ApplicationUpdate, Priority, Stage } from '../../shared/inputs/applications';
import { id, method, okUndo, optText, UndoOffer } from '../define';

// The input schemas live below the domains (the CSV import validates rows with them).
export { ApplicationCreate, ApplicationUpdate, Priority, Stage };

export const ApplicationSummary = z.object({
  id: z.number(),
  companyId: z.number(),
  company: z.string(),
  role: z.string(),
  stage: Stage,
  stageChangedAt: z.number(),
  priority: Priority,
  location: z.string().nullable(),
  archivedAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  dueCount: z.number(),
  overdueCount: z.number(),
  nextDueAt: z.number().nullable(),
  /** How many of the due notes are thank-yous (the card says "2 thank-yous due"). */
  dueThankYouCount: z.number(),
  /** Handwritten cards written but not yet mailed. */
  inFlightCount: z.number(),
});

export const StageEvent = z.object({
  id: z.number(),
  fromStage: Stage.nullable(),
  toStage: Stage,
  /** The stages' names at the time of the move: history shows these, whatever the stages are called now. */
  fromName: z.string().nullable(),
  toName: z.string(),
  at: z.number(),
  note: z.string().nullable(),
});

export const Application = ApplicationSummary.extend({
  postingUrl: z.string().nullable(),
  source: z.string().nullable(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  salaryCurrency: z.string().nullable(),
  appliedAt: z.number().nullable(),
  deadlineAt: z.number().nullable(),
  notes: z.string().nullable(),
  events: z.array(StageEvent),
});

export const ApplicationListInput = z.object({
  search: z.string().trim().max(200).optional(),
  stages: z.array(Stage).optional(),
  includeArchived: z.boolean().optional(),
  limit: z.number().int().min(1).max(100000).optional(),
  /** The table's order (default: most recently moved first); ties are broken by id in the same direction. */
  sort: z.enum(['stageChangedAt', 'updatedAt', 'company', 'role', 'stage', 'priority', 'location']).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  /** The next page: the cursor the previous page returned as `next` (needs `limit`). */
  after: z.object({ value: z.union([z.string().max(1000), z.number()]), id }).optional(),
});

/** A document as a table row names it ("Résumé — platform v3"); its id asks who else got the same file. */
export const DocumentTag = z.object({ id: z.number(), kind: z.enum(DOCUMENT_KINDS), label: z.string().nullable(), name: z.string() });
export type DocumentTagT = z.output<typeof DocumentTag>;

const ListCursor = z.object({ value: z.union([z.string(), z.number()]), id: z.number() });

export const applicationsContract = {
  'applications.create': method('Create an application; the company is found by name or created.', ApplicationCreate, Application),
  'applications.get': method('One application with its stage timeline.', z.object({ id }), Application),
  'applications.update': method('Edit an application (only the fields given change).', ApplicationUpdate, Application),
  'applications.list': method(
    'Applications for the pipeline, optionally filtered by full-text search and stages.',
    ApplicationListInput.extend({
      /** Each row's documents as tags (the table asks; other readers skip the extra query). */
      withDocuments: z.boolean().optional(),
    }).refine((i) => !i.after || i.limit, { message: 'A cursor (after) needs a page size (limit).', path: ['after'] }),
    z.object({
      items: z.array(ApplicationSummary.extend({ documents: z.array(DocumentTag).optional() })),
      /** Every matching application; counted with the first page only (null on the next ones). */
      total: z.number().nullable(),
      /** A broad search counted no further than 1,000 matches: total is then a lower bound ("1,000+"). */
      more: z.boolean(),
      /** The cursor for the next page when this one was full (with `limit`), else null. */
      next: ListCursor.nullable(),
    }),
  ),
  'applications.board': method(
    'The pipeline board: per stage the most recently moved applications (up to perStage) and the stage total (a lower bound when `more`).',
    ApplicationListInput.omit({ limit: true, sort: true, dir: true, after: true }).extend({ perStage: z.number().int().min(1).max(100000).optional() }),
    z.object({
      // more: a broad search counted no further than the cards shown; total is then a lower bound ("100+").
      columns: z.array(z.object({ stage: Stage, total: z.number(), more: z.boolean(), items: z.array(ApplicationSummary) })),
      total: z.number(),
      more: z.boolean(),
    }),
  ),
  'applications.moveStage': method(
    'Move an application to another stage, recording a stage event.',
    z.object({ id, stage: Stage, note: optText(500, 'Note') }),
    ApplicationSummary.extend({ undo: UndoOffer }),
  ),
  'applications.archive': method('Archive or restore an application.', z.object({ id, archived: z.boolean() }), ApplicationSummary.extend({ undo: UndoOffer })),
  'applications.delete': method(
    'Delete an application and its timeline; its notes are kept.',
    z.object({ id, confirm: z.literal(true, { error: 'Deleting needs confirmation.' }) }),
    okUndo,
  ),
  'companies.list': method(
    'Companies, for suggestions.',
    z.object({ search: z.string().trim().max(200).optional() }),
    z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) }),
  ),
};
