import { z } from 'zod';
import { PRIORITIES, STAGES } from '../../shared/domain';
import { id, method, ok, optText, optUrl, reqText, timestamp } from '../define';

export const Stage = z.enum(STAGES, { error: 'Choose a stage.' });
export const Priority = z.enum(PRIORITIES, { error: 'Choose low, medium or high.' });

const salary = z.number({ error: 'Salary must be a number.' }).int('Salary must be a whole number.').min(0, 'Salary cannot be negative.').max(1e9).nullish();

const applicationFields = {
  company: reqText('Company', 200),
  role: reqText('Role', 200),
  postingUrl: optUrl('Posting URL'),
  source: optText(200, 'Source'),
  location: optText(200, 'Location'),
  salaryMin: salary,
  salaryMax: salary,
  salaryCurrency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{3})?$/, 'Use a three-letter currency code such as USD or EUR.')
    .nullish()
    .transform((v) => (v ? v : null)),
  priority: Priority.optional(),
  appliedAt: timestamp.nullish(),
  deadlineAt: timestamp.nullish(),
  notes: optText(20000, 'Notes'),
};

const salaryOrder = (v: { salaryMin?: number | null; salaryMax?: number | null }) =>
  v.salaryMin == null || v.salaryMax == null || v.salaryMin <= v.salaryMax;
const salaryOrderError = { message: 'The maximum must not be below the minimum.', path: ['salaryMax'] };

export const ApplicationCreate = z.object({ ...applicationFields, stage: Stage.optional() }).refine(salaryOrder, salaryOrderError);
export const ApplicationUpdate = z
  .object({ id, ...applicationFields })
  .partial()
  .required({ id: true })
  .refine(salaryOrder, salaryOrderError);

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
});

export const applicationsContract = {
  'applications.create': method('Create an application; the company is found by name or created.', ApplicationCreate, Application),
  'applications.get': method('One application with its stage timeline.', z.object({ id }), Application),
  'applications.update': method('Edit an application (only the fields given change).', ApplicationUpdate, Application),
  'applications.list': method(
    'Applications for the pipeline, optionally filtered by full-text search and stages.',
    ApplicationListInput,
    z.object({ items: z.array(ApplicationSummary), total: z.number() }),
  ),
  'applications.board': method(
    'The pipeline board: per stage the most recently moved applications (up to perStage) and the stage total.',
    ApplicationListInput.omit({ limit: true }).extend({ perStage: z.number().int().min(1).max(100000).optional() }),
    z.object({ columns: z.array(z.object({ stage: Stage, total: z.number(), items: z.array(ApplicationSummary) })), total: z.number() }),
  ),
  'applications.moveStage': method(
    'Move an application to another stage, recording a stage event.',
    z.object({ id, stage: Stage, note: optText(500, 'Note') }),
    ApplicationSummary,
  ),
  'applications.archive': method('Archive or restore an application.', z.object({ id, archived: z.boolean() }), ApplicationSummary),
  'applications.delete': method(
    'Delete an application and its timeline; its notes are kept.',
    z.object({ id, confirm: z.literal(true, { error: 'Deleting needs confirmation.' }) }),
    ok,
  ),
  'companies.list': method(
    'Companies, for suggestions.',
    z.object({ search: z.string().trim().max(200).optional() }),
    z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) }),
  ),
};
