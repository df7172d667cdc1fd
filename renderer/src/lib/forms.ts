// One way to build a form: react-hook-form holds the values; the server validates (zod, in main) and its
// field errors (ApiError.fields, keyed by field path) are fed back with setError, shown beside each field,
// with focus on the first field in error. Anything that belongs to no field shows in the form's ErrorBanner.
import { useId } from 'react';
import { get, useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { ApiError } from './api';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface ServerFormOptions {
  /**
   * The form's path for a server field path, when the form holds a value under another name than the
   * request (e.g. the length in minutes for `endAt`, or `participant.name` typed as `name`).
   */
  fieldFor?: (serverPath: string) => string;
}

/** Puts a failed submit's errors into the form and moves focus to the first field in error. */
export function showServerError<T extends FieldValues>(form: UseFormReturn<T>, err: unknown, formEl: HTMLFormElement | null, options: ServerFormOptions = {}) {
  const fields = err instanceof ApiError ? err.fields : {};
  const top = new Set(Object.keys(form.getValues()));
  const stray: string[] = [];
  const marked = new Set<string>();
  for (const [serverPath, message] of Object.entries(fields)) {
    const path = options.fieldFor?.(serverPath) ?? serverPath;
    // A path the form does not show (or no field at all) would be lost beside nothing: it goes to the banner.
    if (top.has(path.split('.')[0])) {
      form.setError(path as Path<T>, { type: 'server', message });
      marked.add(path);
    } else stray.push(message);
  }
  if (Object.keys(fields).length === 0) form.setError('root.server', { type: 'server', message: messageOf(err) });
  else if (stray.length > 0) form.setError('root.server', { type: 'server', message: stray.join(' ') });
  focusFirst(formEl, marked);
}

/**
 * Focus on the first field in error, in the order the form shows its fields (not the order of the keys).
 * Registered inputs carry their path as name, so they are found now; a control the form drives by hand
 * (no name) is found by aria-invalid once React has drawn the errors.
 */
function focusFirst(formEl: HTMLFormElement | null, paths: Set<string>) {
  if (!formEl) return;
  const named = [...formEl.elements].find((el): el is HTMLInputElement => paths.has((el as HTMLInputElement).name) && !(el as HTMLInputElement).disabled);
  if (named) named.focus();
  else requestAnimationFrame(() => formEl.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * A react-hook-form form whose submit reports server errors: `onSubmit(fn)` runs `fn` with the values and,
 * when it throws, shows the errors. Give the <form> id={formId}. `fieldError(path)` is the message for Field;
 * `rootError` for ErrorBanner.
 */
export function useServerForm<T extends FieldValues>(defaultValues: DefaultValues<T>, options: ServerFormOptions = {}) {
  const form = useForm<T>({ defaultValues });
  // The <form> is found by id when a submit fails (to focus its first field in error).
  const formId = useId();
  const formEl = () => document.getElementById(formId) as HTMLFormElement | null;
  const onSubmit = (fn: (values: T) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      try {
        await fn(values);
      } catch (err) {
        showServerError(form, err, formEl(), options);
      }
    });
  const errors = form.formState.errors;
  const fieldError = (path: string): string | undefined => (get(errors, path) as { message?: string } | undefined)?.message;
  const rootError = (errors.root as { server?: { message?: string } } | undefined)?.server?.message;
  return { ...form, formId, onSubmit, fieldError, rootError, fail: (err: unknown) => showServerError(form, err, formEl(), options) };
}

/** A typed text for the API: empty (or only spaces) becomes null. */
export const textOrNull = (v: string) => (v.trim() === '' ? null : v);

/** A typed amount for the API: a number when it parses (thousands separators allowed), else the text as typed, so main explains what is wrong. */
export const numberOrAsTyped = (v: string): number | null => {
  const t = v.replace(/[,\s]/g, '');
  if (t === '') return null;
  const n = Number(t);
  return (Number.isFinite(n) ? n : v) as number;
};
