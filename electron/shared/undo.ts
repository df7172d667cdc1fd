// What an undoable API method answers besides its data: the offer the renderer shows as an Undo toast.
import { z } from 'zod';

// The timings live apart from the schema so the renderer's first bundle can read them without zod.
export { UNDO_TOAST_MS, UNDO_TTL_MS } from './undo-timing';

export const UndoOffer = z.object({
  token: z.string(),
  /** What was done, in words: "Deleted the application Designer at Acme". */
  label: z.string(),
  expiresAt: z.number(),
});
export type UndoOffer = z.infer<typeof UndoOffer>;
