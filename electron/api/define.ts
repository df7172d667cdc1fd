import { z } from 'zod';
import { isHttpUrl } from '../shared/url';
import { EMAIL_MESSAGE, isEmail } from '../shared/email';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for the API description (GET /api). */
  summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodDef<I, O> {
  return { summary, input, output };
}

// Reusable field schemas. Messages are written for a person: they appear beside the field.
export const id = z.number({ error: 'Expected a record id.' }).int().positive();
export const timestamp = z.number({ error: 'Expected a date and time.' }).int().min(0).max(8.64e15);

/** Optional free text: trimmed, empty becomes null. */
export const optText = (max = 2000, label = 'This field') =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));

/** Required text: trimmed and non-empty. */
export const reqText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

export const optUrl = (label = 'Link') =>
  z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isHttpUrl(v), `${label} must start with http:// or https://`);

export const optEmail = z
  .string()
  .trim()
  .max(320)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isEmail(v), EMAIL_MESSAGE);

export const ok = z.object({ ok: z.literal(true) });
