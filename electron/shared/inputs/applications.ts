// What an application may be created or edited with. Below the domains so the CSV import validates
// each row exactly as applications.create does; the contract (api/contract/applications.ts) re-exports it.
import { z } from 'zod';
import { PRIORITIES } from '../domain';
import { dateTime, id, optText, optUrl, reqText } from '../fields';

/**
 * A stage's key (electron/domains/stages). Which keys exist is the person's own list, so zod checks the
 * shape only; main checks the key against the stages table before writing it ("That stage no longer exists").
 */
export const Stage = z.string({ error: 'Choose a stage.' }).trim().min(1, 'Choose a stage.').max(64, 'Choose a stage.');
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
  appliedAt: dateTime.nullish(),
  deadlineAt: dateTime.nullish(),
  notes: optText(20000, 'Notes'),
};

const salaryOrder = (v: { salaryMin?: number | null; salaryMax?: number | null }) =>
  v.salaryMin == null || v.salaryMax == null || v.salaryMin <= v.salaryMax;
const salaryOrderError = { message: 'Salary to must not be below Salary from.', path: ['salaryMax'] };

export const ApplicationCreate = z.object({ ...applicationFields, stage: Stage.optional() }).refine(salaryOrder, salaryOrderError);
export const ApplicationUpdate = z
  .object({ id, ...applicationFields })
  .partial()
  .required({ id: true })
  .refine(salaryOrder, salaryOrderError);
