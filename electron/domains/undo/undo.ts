// Undoable actions and `undo.apply`. An action wrapped in `undoable` returns an offer ({token, label,
// expiresAt}) that the renderer shows as an Undo toast; `undo.apply(token)` restores every row the
// action changed, exactly (ids, child rows, timestamps; the FTS indexes follow through their
// triggers), in one transaction, or refuses with the reason and changes nothing.
import { randomUUID } from 'node:crypto';
import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx } from '../../db/sql';
import { AppError, conflict } from '../../shared/errors';
import { UNDO_TTL_MS, type UndoOffer } from '../../shared/undo';
import { currentImage, quoteName as q, recordChanges, tableShapes, whereKey, type Change, type TableShape } from './journal';

/**
 * Runs fn in one write transaction with its changes recorded, and stores them under a new token.
 * Expired entries are cleared here, so the journal never holds more than a few minutes of actions.
 */
export function undoable<T>(ctx: Ctx, label: string, fn: () => T): { result: T; undo: UndoOffer } {
  return tx(ctx, () => {
    const { result, changes } = recordChanges(ctx.sqlite, fn);
    const now = ctx.clock.now();
    stmt(ctx.sqlite, 'DELETE FROM undo_journal WHERE expires_at <= ?').run(now);
    const undo: UndoOffer = { token: randomUUID(), label, expiresAt: now + UNDO_TTL_MS };
    stmt(ctx.sqlite, 'INSERT INTO undo_journal (token, label, changes, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      undo.token,
      label,
      JSON.stringify(changes),
      now,
      undo.expiresAt,
    );
    return { result, undo };
  });
}

/** Words for a table in a refusal ("an interview changed since"). */
const THING: Record<string, string> = {
  applications: 'the application',
  stage_events: 'the stage history',
  interviews: 'an interview',
  interview_participants: 'an interview’s participants',
  contacts: 'a contact',
  contact_emails: 'a contact’s emails',
  contact_phones: 'a contact’s phone numbers',
  contact_addresses: 'a contact’s addresses',
  application_contacts: 'the people on an application',
  notes: 'a note',
  note_events: 'a note’s history',
  reminders: 'a reminder',
  stationery_ledger: 'the stationery ledger',
  stationery_items: 'the stationery',
  companies: 'a company',
};
const thing = (table: string) => THING[table] ?? table.replace(/_/g, ' ');

/** Tables ordered parents first, so a restored row finds the rows it refers to. */
function parentsFirst(shapes: Map<string, TableShape>): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (name: string, path: Set<string>) => {
    if (order.has(name) || path.has(name)) return;
    path.add(name);
    for (const p of shapes.get(name)?.parents ?? []) visit(p, path);
    order.set(name, order.size);
  };
  for (const name of shapes.keys()) visit(name, new Set());
  return order;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Version counters that only move forward, left out when a changed row is put back: a note's revision
 * is how an open composer tells a newer copy from its own (drizzle/0006), so an undone card step gets
 * the next revision (from the trigger) rather than an old number a composer has already seen. A row
 * that was deleted comes back with its own revision: no copy of it can be newer.
 */
const FORWARD_ONLY: Record<string, string> = { notes: 'revision' };
/**
 * Copies our triggers keep from other rows (an open draft's interview end and ended stage, drizzle/0022),
 * left out when a changed row is put back: the triggers set them again from the rows restored, and a
 * put-back that wrote them itself would look like a copies-only change and keep the note's revision.
 */
const DERIVED: Record<string, readonly string[]> = { notes: ['interview_end_at', 'application_ended'] };
const without = (row: Record<string, unknown> | null, col: string | undefined) => {
  if (!row || !col) return row;
  const { [col]: _, ...rest } = row;
  return rest;
};

export function applyUndo(ctx: Ctx, token: string): { label: string } {
  return tx(ctx, () => {
    const entry = stmt<{ label: string; changes: string; expires_at: number }>(ctx.sqlite, 'SELECT label, changes, expires_at FROM undo_journal WHERE token = ?').get(
      token,
    );
    if (!entry || entry.expires_at <= ctx.clock.now()) {
      throw new AppError('not_found', 'This can no longer be undone: undo is kept for a few minutes, and each action can be undone once.');
    }
    const changes = JSON.parse(entry.changes) as Change[];
    const shapes = tableShapes(ctx.sqlite);
    const shapeOf = (c: Change) => {
      const s = shapes.get(c.table);
      if (!s) throw conflict(`“${entry.label}” cannot be undone: the database changed shape since.`);
      return s;
    };
    // Every row must still be exactly as the action left it; otherwise undoing would overwrite a later change.
    for (const c of changes) {
      if (!same(currentImage(ctx.sqlite, shapeOf(c), c.key), c.after)) {
        throw conflict(`“${entry.label}” cannot be undone: ${thing(c.table)} changed since. Nothing was changed.`);
      }
    }
    const order = parentsFirst(shapes);
    const rank = (c: Change) => order.get(c.table) ?? 0;
    const removed = changes.filter((c) => c.before === null).sort((a, b) => rank(b) - rank(a));
    const restored = changes.filter((c) => c.before !== null && c.after === null).sort((a, b) => rank(a) - rank(b));
    const reverted = changes.filter((c) => c.before !== null && c.after !== null);
    try {
      for (const c of removed) ctx.sqlite.prepare(`DELETE FROM main.${q(c.table)} WHERE ${whereKey(shapeOf(c))}`).run(...c.key);
      for (const c of restored) {
        const s = shapeOf(c);
        const cols = s.columns.filter((k) => k in c.before!);
        ctx.sqlite.prepare(`INSERT INTO main.${q(c.table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((k) => c.before![k]));
      }
      for (const c of reverted) {
        const s = shapeOf(c);
        const cols = s.columns.filter((k) => k in c.before! && k !== FORWARD_ONLY[c.table] && !DERIVED[c.table]?.includes(k));
        ctx.sqlite
          .prepare(`UPDATE main.${q(c.table)} SET ${cols.map((k) => `${q(k)} = ?`).join(', ')} WHERE ${whereKey(s)}`)
          .run(...cols.map((k) => c.before![k]), ...c.key);
      }
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_CONSTRAINT')) {
        throw conflict(`“${entry.label}” cannot be undone: something it belongs to was removed, or something added since takes its place. Nothing was changed.`);
      }
      throw err;
    }
    // Our own triggers (contact mirrors, note revisions) run again on the way back: check they left
    // every row exactly as it was, and refuse (rolling back) rather than restore something close.
    for (const c of changes) {
      const forward = c.after ? FORWARD_ONLY[c.table] : undefined;
      if (!same(without(currentImage(ctx.sqlite, shapeOf(c), c.key), forward), without(c.before, forward))) {
        throw new AppError('internal', `“${entry.label}” could not be restored exactly (${thing(c.table)}); nothing was changed.`);
      }
    }
    stmt(ctx.sqlite, 'DELETE FROM undo_journal WHERE token = ?').run(token);
    return { label: entry.label };
  });
}

export const undoHandlers: Handlers<'undo.apply'> = {
  'undo.apply': ({ token }, ctx) => ({ ok: true as const, ...applyUndo(ctx, token) }),
};
