// SQL helpers every domain uses: cached prepared statements, one write transaction, partial updates.
// They need only the connection and "now", so they take that much of the request context.
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './open';

export interface SqlCtx {
  sqlite: Sqlite;
  clock: { now(): number };
}

const cache = new WeakMap<Sqlite, Map<string, Statement>>();
/** A prepared statement, cached per connection: hot paths prepare once. */
export function stmt<R = unknown>(sqlite: Sqlite, sql: string): Statement<unknown[], R> {
  let map = cache.get(sqlite);
  if (!map) cache.set(sqlite, (map = new Map()));
  let s = map.get(sql);
  if (!s) map.set(sql, (s = sqlite.prepare(sql)));
  return s as Statement<unknown[], R>;
}

/** Runs fn in one write transaction (better-sqlite3 transactions are synchronous). */
export function tx<T>(ctx: SqlCtx, fn: () => T): T {
  return ctx.sqlite.transaction(fn).immediate();
}

/**
 * UPDATE only the fields a partial input gives (undefined means "leave as is"), plus updated_at.
 * `columns` maps input keys to column names and `extra` adds computed columns: both come from code,
 * never from the input, so no user text reaches the SQL itself. Returns false when nothing changed.
 */
export function updateFields(
  ctx: SqlCtx,
  table: string,
  id: number,
  input: object,
  columns: Record<string, string>,
  extra: Record<string, unknown> = {},
): boolean {
  const values: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) values[column] = value;
  }
  Object.assign(values, extra);
  const cols = Object.keys(values);
  if (cols.length === 0) return false;
  values.updated_at = ctx.clock.now();
  const sql = `UPDATE ${table} SET ${[...cols, 'updated_at'].map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`;
  stmt(ctx.sqlite, sql).run({ ...values, __id: id });
  return true;
}
