// Reusable zod field schemas for API inputs. They live here, below the domains, because a domain
// validates with the same rules as the contract (a CSV row as applications.create, a vCard as a
// contact); the contract (electron/api/contract) re-uses them from here. Messages are written for a
// person: they appear beside the field.
import { z } from 'zod';
import { isHttpUrl } from './url';
import { EMAIL_MESSAGE, isEmail } from './email';

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
