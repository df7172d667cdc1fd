// SQL helpers every domain uses. The rule (README, "Database"): drizzle's query builder and the
// schema's $inferSelect/$inferInsert types for plain CRUD; raw SQL (stmt) only where it earns its
// place (FTS5, reports, the pipeline and Today queries, hot paths), with the reason beside it.
// Both kinds are prepared once per connection: drizzle builds and prepares a query in ~100 µs, so a
// builder query is written once with placeholders (`prepare`) or cached by its shape (insertRow, updateRow).
import type { Statement } from 'better-sqlite3';
import { eq, getTableName, sql, type InferInsertModel } from 'drizzle-orm';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db, Sqlite } from './open';

export interface SqlCtx {
  sqlite: Sqlite;
  db: Db;
  clock: { now(): number };
}

const cache = new WeakMap<Sqlite, Map<string, Statement>>();
/** A prepared raw statement, cached per connection: hot paths prepare once. */
export function stmt<R = unknown>(sqlite: Sqlite, text: string): Statement<unknown[], R> {
  let map = cache.get(sqlite);
  if (!map) cache.set(sqlite, (map = new Map()));
  let s = map.get(text);
  if (!s) map.set(text, (s = sqlite.prepare(text)));
  return s as Statement<unknown[], R>;
}

/**
 * A drizzle query built and prepared once per connection. Write it at module level with
 * `sql.placeholder(name)` for its values: `const byId = prepare((db) => db.select()…prepare())`,
 * then `byId(ctx).get({ id })`. The connection changes on restore, hence the per-connection cache.
 */
export function prepare<T>(build: (db: Db) => T): (ctx: { db: Db }) => T {
  const built = new WeakMap<Db, T>();
  return (ctx) => {
    let q = built.get(ctx.db);
    if (q === undefined) built.set(ctx.db, (q = build(ctx.db)));
    return q;
  };
}

/** A named placeholder usable where the builder wants a value of type T (an update's set, say). */
export const param = <T>(name: string) => sql<T>`${sql.placeholder(name)}`;

/** Runs fn in one write transaction (better-sqlite3 transactions are synchronous; drizzle shares the connection). */
export function tx<T>(ctx: SqlCtx, fn: () => T): T {
  return ctx.sqlite.transaction(fn).immediate();
}

type IdTable = SQLiteTable & { id: AnySQLiteColumn };
type Run = {
  run(values: Record<string, unknown>): { changes: number; lastInsertRowid: number | bigint };
  get(values: Record<string, unknown>): unknown;
};

const shapes = new WeakMap<Db, Map<string, Run>>();
/** A drizzle statement cached per connection by the table and the fields it writes. */
function byShape(ctx: SqlCtx, key: string, build: () => Run): Run {
  let map = shapes.get(ctx.db);
  if (!map) shapes.set(ctx.db, (map = new Map()));
  let q = map.get(key);
  if (!q) map.set(key, (q = build()));
  return q;
}

const definedKeys = (values: object) =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .sort();
const placeholders = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)]));

/**
 * INSERTs one row, typed by the schema, and returns its id. Undefined fields take the column default,
 * except createdAt/updatedAt, which take the request clock's now (tests move the clock).
 */
export function insertRow<T extends SQLiteTable>(ctx: SqlCtx, table: T, values: InferInsertModel<T>): number {
  return Number(insertWith(ctx, table, values, false).lastInsertRowid);
}

/** INSERT OR IGNORE (a row already there under a unique key is left alone); true when a row was added. */
export function insertOrIgnore<T extends SQLiteTable>(ctx: SqlCtx, table: T, values: InferInsertModel<T>): boolean {
  return insertWith(ctx, table, values, true).changes > 0;
}

function insertWith<T extends SQLiteTable>(ctx: SqlCtx, table: T, values: InferInsertModel<T>, ignore: boolean) {
  const now = ctx.clock.now();
  const row: Record<string, unknown> = { ...values };
  for (const k of ['createdAt', 'updatedAt']) if (k in table && row[k] === undefined) row[k] = now;
  const keys = definedKeys(row);
  const q = byShape(ctx, `insert${ignore ? ' or ignore' : ''} ${getTableName(table)} ${keys.join(',')}`, () => {
    const insert = ctx.db.insert(table).values(placeholders(keys) as InferInsertModel<T>);
    return (ignore ? insert.onConflictDoNothing() : insert).prepare() as unknown as Run;
  });
  return q.run(row);
}

/**
 * UPDATEs the given fields of one row; undefined means "leave as is". `updatedAt` is set to now when
 * the table has it. Field names are the schema's, never the input's: callers pick what may change.
 * Returns false when no field was given (nothing is written) or no row has that id.
 */
export function updateRow<T extends IdTable>(ctx: SqlCtx, table: T, id: number, values: Partial<InferInsertModel<T>>): boolean {
  const keys = definedKeys(values);
  if (keys.length === 0) return false;
  const stamped = 'updatedAt' in table && !keys.includes('updatedAt');
  const all = stamped ? [...keys, 'updatedAt'].sort() : keys;
  const q = byShape(ctx, `update ${getTableName(table)} ${all.join(',')}`, () =>
    ctx.db
      .update(table)
      .set(placeholders(all) as Partial<InferInsertModel<T>>)
      .where(eq(table.id, sql.placeholder('__id')))
      .prepare() as unknown as Run,
  );
  return q.run({ ...values, ...(stamped ? { updatedAt: ctx.clock.now() } : {}), __id: id }).changes > 0;
}

/** Whether a row with this id exists. */
export function rowExists(ctx: SqlCtx, table: IdTable, id: number): boolean {
  const q = byShape(ctx, `exists ${getTableName(table)}`, () =>
    ctx.db.select({ id: table.id }).from(table).where(eq(table.id, sql.placeholder('id'))).prepare() as unknown as Run,
  );
  return q.get({ id }) !== undefined;
}

/** DELETEs one row by id; false when there was none. */
export function deleteRow(ctx: SqlCtx, table: IdTable, id: number): boolean {
  const q = byShape(ctx, `delete ${getTableName(table)}`, () => ctx.db.delete(table).where(eq(table.id, sql.placeholder('id'))).prepare() as unknown as Run);
  return q.run({ id }).changes > 0;
}

/** Picks the fields a partial input gives for a table (the keys are code, not input). */
export function pick<I extends object, K extends keyof I>(input: I, keys: readonly K[]): Pick<I, K> {
  const out = {} as Pick<I, K>;
  for (const k of keys) if (input[k] !== undefined) out[k] = input[k];
  return out;
}
