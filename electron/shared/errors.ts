// The one error envelope every transport answers with.
import { z } from 'zod';
import { fieldLabel } from './field-labels';

// disk_full, read_only and restoring are conditions of the machine or the moment, not bugs: each gets
// its own words (free disk space, fix permissions, wait a moment) instead of "something went wrong".
export const ERROR_CODES = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'unknown_method',
  'conflict',
  'disk_full',
  'read_only',
  'restoring',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field path (e.g. "company" or "address.city") to a message the UI shows beside that field. */
  fields?: Record<string, string>;
  /** With a conflict over a stale write: the record as it is now, so the UI can show both versions. */
  current?: unknown;
}

export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.fields) body.fields = this.fields;
    if (this.current !== undefined) body.current = this.current;
    return body;
  }
}

export const notFound = (what: string, id: number | string) => new AppError('not_found', `${what} ${id} was not found.`);
export const conflict = (message: string, fields?: Record<string, string>) => new AppError('conflict', message, fields);
/** A refusal of the input: `fields` go beside the fields; the message (by default) names them in words. */
export const invalid = (fields: Record<string, string>, message = summarize(fields)) => new AppError('validation', message, fields);

// One place turns a refused input into sentences: every API method's input goes through
// fromZodError (dispatch), and the domains' own refusals through invalid(). A schema's own message
// (written for a person, beside its field) is kept; zod's defaults ("Too big: expected string to have
// <=200 characters") become a sentence with the field's name and the limit.
const zodDefault = z.locales.en().localeError!;
const defaultMessageOf = (issue: z.core.$ZodIssue) => {
  const m = zodDefault(issue as never);
  return typeof m === 'string' ? m : m?.message;
};

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  date: 'a date',
};
const quoted = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const listFormat = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
const listOr = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });

/** The sentence for one issue of a zod check, naming the field. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const label = fieldLabel(issue.path);
  // zod's default for a wrong type names what it received, which the finished issue no longer holds.
  const isDefault =
    issue.message === defaultMessageOf(issue) || (issue.code === 'invalid_type' && issue.message.startsWith(`Invalid input: expected ${issue.expected},`));
  if (issue.message && !isDefault) {
    // Our own messages; an older one written for no field in particular gets the field's name.
    return issue.message.replace(/^This field\b/, label);
  }
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum) - (issue.inclusive === false ? 1 : 0);
      if (issue.origin === 'string') return `${label} can be at most ${max.toLocaleString('en')} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label} can have at most ${max.toLocaleString('en')} items.`;
      return `${label} can be at most ${max.toLocaleString('en')}.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum) + (issue.inclusive === false ? 1 : 0);
      if (issue.origin === 'string') return min <= 1 ? `${label} is required.` : `${label} needs at least ${min} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label} needs at least ${min} ${min === 1 ? 'item' : 'items'}.`;
      return `${label} must be at least ${min.toLocaleString('en')}.`;
    }
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return `${label} is required.`;
      return TYPE_WORDS[issue.expected] ? `${label} must be ${TYPE_WORDS[issue.expected]}.` : `${label} is not valid.`;
    case 'invalid_value':
      return issue.values.length <= 8 ? `${label} must be ${listOr.format(issue.values.map(quoted))}.` : `${label} is not one of the choices.`;
    case 'invalid_format':
      return `${label} is not in the right format.`;
    case 'unrecognized_keys':
      return `Unknown ${issue.keys.length === 1 ? 'field' : 'fields'}: ${issue.keys.join(', ')}.`;
    default:
      return `${label} is not valid.`;
  }
}

/** The message above a form: the one field's sentence, or the fields' names in words. */
export function summarize(fields: Record<string, string>): string {
  const keys = Object.keys(fields).filter((k) => k !== '_');
  if (keys.length === 0) return fields._ ?? 'The request was not valid.';
  const labels = [...new Set(keys.map((k) => fieldLabel(k.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)))))];
  if (keys.length === 1) {
    const message = fields[keys[0]];
    return message.startsWith(labels[0]) ? message : `${labels[0]}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
  }
  return `Please correct ${listFormat.format(labels)}.`;
}

export function fromZodError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= describeIssue(issue);
  }
  return new AppError('validation', summarize(fields), fields);
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  disk_full: 507,
  read_only: 503,
  restoring: 503,
  internal: 500,
};
