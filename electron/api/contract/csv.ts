import { z } from 'zod';
import { method } from '../define';
import { ApplicationListInput, Priority, Stage } from './applications';
import { CSV_TARGETS } from '../../shared/csv-targets';

const DelimiterChoice = z.enum([',', ';', '\t', '|'], { error: 'Choose comma, semicolon, tab or vertical bar.' });

export const CsvTarget = z.enum(CSV_TARGETS, { error: 'Choose a field or “ignore”.' });

/** Column i of the file goes to mapping[i]. */
const Mapping = z.array(CsvTarget).max(500, 'A file has at most 500 columns.');
const DateOrder = z.enum(['mdy', 'dmy'], { error: 'Choose month/day or day/month.' });
const CsvText = z.string({ error: 'The file must be text.' }).max(20_000_000, 'The file is too large (20 MB at most).');

/** A row as read from the file, before validation: what the preview shows. */
const RowValues = z.object({
  company: z.string().nullable(),
  role: z.string().nullable(),
  stage: Stage.nullable(),
  priority: Priority.nullable(),
  location: z.string().nullable(),
  source: z.string().nullable(),
  postingUrl: z.string().nullable(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  salaryCurrency: z.string().nullable(),
  appliedAt: z.number().nullable(),
  deadlineAt: z.number().nullable(),
  stageChangedAt: z.number().nullable(),
  createdAt: z.number().nullable(),
  /** When the row says it was archived: imported archived, at that time. */
  archivedAt: z.number().nullable(),
  notes: z.string().nullable(),
});

export const CsvPreviewRow = z.object({
  /** The row number a spreadsheet shows (the header is row 1). */
  row: z.number(),
  values: RowValues,
  /** Field name to message; a row with errors is not imported. */
  fieldErrors: z.record(z.string(), z.string()),
  warnings: z.array(z.string()),
  duplicate: z
    .object({
      /** Already saved (database) or an earlier row of the same file (file). */
      in: z.enum(['database', 'file']),
      applicationId: z.number().nullable(),
      row: z.number().nullable(),
      archived: z.boolean(),
    })
    .nullable(),
});

export const CsvPreview = z.object({
  delimiter: DelimiterChoice,
  /** Whether the delimiter is the person's choice (true) or read from the file's shape. */
  delimiterChosen: z.boolean(),
  columns: z.array(z.object({ index: z.number(), header: z.string(), field: CsvTarget, samples: z.array(z.string()) })),
  /** Every target with its label, for the mapping selects. */
  targets: z.array(z.object({ field: CsvTarget, label: z.string() })),
  rows: z.array(CsvPreviewRow),
  summary: z.object({ rows: z.number(), ready: z.number(), errors: z.number(), duplicates: z.number() }),
  /** How ambiguous dates such as 03/04/2026 are read; null when the file has none. */
  dateOrder: z.object({ order: DateOrder, assumed: z.boolean() }).nullable(),
  fileErrors: z.array(z.string()),
  notices: z.array(z.string()),
});

const ReadOptions = {
  text: CsvText,
  /** Column i to field; omitted, columns are mapped from their headers. */
  mapping: Mapping.optional(),
  dateOrder: DateOrder.optional(),
  /** The person's choice in the preview; omitted, the file's shape decides. */
  delimiter: DelimiterChoice.optional(),
};

export const csvContract = {
  'csv.exportApplications': method(
    'The applications a pipeline search/stage filter shows, as CSV (UTF-8 with BOM, formula-safe cells).',
    ApplicationListInput.omit({ limit: true, after: true }),
    z.object({ filename: z.string(), content: z.string(), count: z.number() }),
  ),
  'csv.previewApplications': method(
    'Read a CSV of applications: column mapping, each row as it would be imported, errors per row and duplicates.',
    z.object(ReadOptions),
    CsvPreview,
  ),
  'csv.importApplications': method(
    'Import the valid rows of a CSV with the given mapping (skipRows by row number), in one transaction.',
    z.object({ ...ReadOptions, mapping: Mapping, skipRows: z.array(z.number().int().min(1)).max(100_000).optional() }),
    z.object({
      created: z.number(),
      skipped: z.number(),
      errors: z.array(z.object({ row: z.number(), fields: z.record(z.string(), z.string()) })),
      applicationIds: z.array(z.number()),
    }),
  ),
};
