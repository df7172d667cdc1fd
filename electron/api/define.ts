import { z } from 'zod';
import { UndoOffer } from '../shared/undo';

// The field schemas live in electron/shared/fields.ts (the domains validate with them too); they are
// re-exported here so every contract file takes its building blocks from one place.
export { dateTime, id, optEmail, optText, optUrl, reqText, timestamp } from '../shared/fields';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for the API description (GET /api). */
  summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodDef<I, O> {
  return { summary, input, output };
}

export const ok = z.object({ ok: z.literal(true) });

/** An undoable method's answer carries the Undo offer (electron/domains/undo). */
export { UndoOffer } from '../shared/undo';
export const okUndo = ok.extend({ undo: UndoOffer });
