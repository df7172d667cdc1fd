// The one error envelope every transport answers with.
import type { z } from 'zod';

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
export const invalid = (fields: Record<string, string>, message = 'Please correct the highlighted fields.') =>
  new AppError('validation', message, fields);

export function fromZodError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const keys = Object.keys(fields).filter((k) => k !== '_');
  const message = keys.length > 0 ? `Please correct: ${keys.join(', ')}.` : (fields._ ?? 'The request was not valid.');
  return new AppError('validation', message, fields);
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
