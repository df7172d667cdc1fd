// What an undoable API method answers besides its data: the offer the renderer shows as an Undo toast.
import { z } from 'zod';

/**
 * How long an action stays undoable in the journal. The toast shows for seconds; the journal keeps a
 * few minutes so a slow reader, a second window or a busy machine still finds it.
 */
export const UNDO_TTL_MS = 10 * 60_000;
/** How long the Undo toast stays on screen. */
export const UNDO_TOAST_MS = 8000;

export const UndoOffer = z.object({
  token: z.string(),
  /** What was done, in words: "Deleted the application Designer at Acme". */
  label: z.string(),
  expiresAt: z.number(),
});
export type UndoOffer = z.infer<typeof UndoOffer>;
