// The one entry point both transports use: look up the method, validate the input, run the handler,
// answer one envelope. Nothing reaches a handler unvalidated.
import { z } from 'zod';
import { contract, isMethodName, type MethodName } from './contract';
import type { Ctx, Handler } from '../db/context';
import { AppError, fromZodError, type Envelope } from '../shared/errors';
import { handlers } from './registry';
import { classifyFileError } from '../db/integrity';

export interface DispatchOptions {
  /** Validate handler output against the contract too (tests and development). */
  validateOutput?: boolean;
  log?: (message: string, err: unknown) => void;
}

export async function dispatch(ctx: Ctx, name: string, raw: unknown, opts: DispatchOptions = {}): Promise<Envelope> {
  if (!isMethodName(name)) return { ok: false, error: { code: 'unknown_method', message: `Unknown API method: ${name}` } };
  const def = contract[name];
  const parsed = def.input.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: fromZodError(parsed.error).toBody() };
  try {
    const handler = handlers[name] as Handler<MethodName>;
    const data = await handler(parsed.data as never, ctx);
    if (opts.validateOutput) {
      const out = def.output.safeParse(data);
      if (!out.success) throw new Error(`Output of ${name} does not match the contract: ${z.prettifyError(out.error)}`);
    }
    return { ok: true, data };
  } catch (err) {
    return { ok: false, error: toErrorBody(name, err, opts.log) };
  }
}

function toErrorBody(name: string, err: unknown, log?: DispatchOptions['log']) {
  if (err instanceof AppError) return err.toBody();
  if (err instanceof z.ZodError) return fromZodError(err).toBody();
  const code = (err as { code?: string } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('conflict', 'That change conflicts with existing data.').toBody();
  }
  const fileProblem = classifyFileError(err);
  if (fileProblem === 'disk_full') {
    return new AppError('disk_full', 'The disk is full, so Courtesy could not save this. Free some disk space and try again; nothing was changed.').toBody();
  }
  if (fileProblem === 'read_only') {
    return new AppError(
      'read_only',
      'Courtesy cannot write to its data folder (it is read-only or its permissions changed). Fix the permissions and try again; nothing was changed.',
    ).toBody();
  }
  if (fileProblem === 'damaged') {
    (log ?? defaultLog)(`API ${name} found a damaged database`, err);
    return new AppError(
      'internal',
      "Courtesy's database file is damaged. Quit and start Courtesy again: it checks the file, sets it aside unchanged and offers your newest sound backup.",
    ).toBody();
  }
  // A stack overflow or an impossible length/date from an oversized or out-of-range input is the
  // input's fault, not ours: say so instead of answering "internal".
  if (err instanceof RangeError) {
    return new AppError('validation', 'That request is too large or out of range for Courtesy to handle; nothing was changed.').toBody();
  }
  (log ?? defaultLog)(`API ${name} failed`, err);
  return new AppError('internal', 'Something went wrong on our side; your data was not changed. Details are in the log.').toBody();
}

const defaultLog = (message: string, err: unknown) => console.error(message, err);

/** JSON Schemas of every method, for GET /api. */
export function describeApi() {
  return {
    methods: (Object.keys(contract) as MethodName[]).map((name) => ({
      name,
      summary: contract[name].summary,
      input: z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(contract[name].output, { io: 'output', unrepresentable: 'any' }),
    })),
  };
}
