import { z } from 'zod';
import { method } from '../define';

export const undoContract = {
  'undo.apply': method(
    'Undo an action (a stage move, an archive, a delete, a card step) by the token it answered with: every row it changed is put back exactly, or nothing is.',
    z.object({ token: z.string({ error: 'Expected the undo token the action answered with.' }).min(1).max(100) }),
    z.object({ ok: z.literal(true), label: z.string() }),
  ),
};
