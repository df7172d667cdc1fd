// Whether a note's message is on the wire right now. Its own file (only db imports) so the notes
// domain can ask without importing the outbox, which builds on the notes domain.
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../db/context';
import { prepare } from '../../db/sql';
import { outbox } from '../../db/schema';

const sendingRow = prepare((db) =>
  db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.noteId, sql.placeholder('noteId')), eq(outbox.state, 'sending'))).limit(1).prepare(),
);

/** True while the outbox is in the SMTP transaction for this note: its text must stay as it is going out. */
export function isBeingSent(ctx: Pick<Ctx, 'db'>, noteId: number): boolean {
  return sendingRow(ctx).get({ noteId }) !== undefined;
}
