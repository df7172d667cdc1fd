// How long undo lasts (no imports: the renderer's Toast reads these in its first bundle, without zod).

/**
 * How long an action stays undoable in the journal. The toast shows for seconds; the journal keeps a
 * few minutes so a slow reader, a second window or a busy machine still finds it.
 */
export const UNDO_TTL_MS = 10 * 60_000;
/** How long the Undo toast stays on screen. */
export const UNDO_TOAST_MS = 8000;
