// Reusable zod field schemas for API inputs. They live here, below the domains, because a domain
// validates with the same rules as the contract (a CSV row as applications.create, a vCard as a
// contact); the contract (electron/api/contract) re-uses them from here. Messages are written for a
// person: they appear beside the field.
import { z } from 'zod';
import { isHttpUrl, normalizeUrl } from './url';
import { EMAIL_MESSAGE, isEmail } from './email';

// A missing value takes the central wording ("Due is required.", shared/errors.ts); a wrong one says what is expected.
export const id = z.number({ error: (iss) => (iss.input === undefined ? undefined : 'Expected a record id.') }).int().positive();
export const timestamp = z
  .number({ error: (iss) => (iss.input === undefined ? undefined : 'Expected a date and time.') })
  .int()
  .min(0)
  .max(8.64e15);

/**
 * The dates a person enters (applied, deadline, an interview, a due time, a reminder, sent or mailed
 * on) lie from 1 January 1970 to 31 December 2099. A job search's dates are in recent years or the
 * next few; a date outside is a slip of the keyboard (1850 for 2025, 2999 for 2029) that would
 * otherwise sort to the top or bottom of every list and never fall due. Filters (from, to) and the
 * test clock keep `timestamp`.
 */
export const DATE_MIN = Date.UTC(1970, 0, 1);
export const DATE_MAX = Date.UTC(2100, 0, 1) - 1;
export const DATE_RANGE_MESSAGE = 'Choose a date between 1970 and 2099.';
export const dateTime = z
  .number({ error: (iss) => (iss.input === undefined ? undefined : 'Expected a date and time.') })
  .int()
  .min(DATE_MIN, DATE_RANGE_MESSAGE)
  .max(DATE_MAX, DATE_RANGE_MESSAGE);

/**
 * Optional free text: trimmed, empty becomes null. Without a label the field's name comes from its
 * key when the error is worded (shared/errors.ts describeIssue).
 */
export const optText = (max = 2000, label?: string) =>
  z
    .string(label ? { error: `${label} must be text.` } : undefined)
    .trim()
    .max(max, label ? `${label} can be at most ${max.toLocaleString('en')} characters.` : undefined)
    .nullish()
    .transform((v) => (v ? v : null));

/** Required text: trimmed and non-empty. */
export const reqText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} can be at most ${max.toLocaleString('en')} characters.`);

/** A web address: "linkedin.com/in/x" is taken as https://linkedin.com/in/x (shared/url.ts normalizeUrl). */
export const optUrl = (label = 'Link') =>
  z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? normalizeUrl(v).url : null))
    .refine((v) => v === null || isHttpUrl(v), `${label} must be a web address, like linkedin.com/in/name or https://example.com.`);

export const optEmail = z
  .string()
  .trim()
  .max(320)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isEmail(v), EMAIL_MESSAGE);
