// Undo, designed in main: an undoable action runs with a change log switched on, so every row it
// writes, whoever writes it (the handler, an ON DELETE CASCADE / SET NULL, one of our triggers), is
// recorded with its whole old image. At the end of the action's transaction the log becomes one
// journal entry: per row touched, the row before and the row after (null = did not exist). Undo then
// puts every row back to "before" in one transaction, after checking each is still exactly "after".
//
// Why a log by TEMP triggers and not a snapshot per kind: a delete here reaches stage history,
// interview participants, contact channels, application roles, reminders, note links and revision
// bumps through cascades and triggers; listing them by hand per kind would miss the next one added.
// TEMP triggers live only in this connection, are never part of the schema or a migration, and do
// nothing unless an action has switched the log on (one EXISTS on an empty temp table per write).
// No soft-delete columns: the hot queries stay as they are.
import type { Sqlite } from '../../db/open';

/** A row as JSON (json_object of every column), or null when it does not exist. */
export type RowImage = Record<string, unknown> | null;

export interface Change {
  table: string;
  /** Primary key values, in key order. */
  key: unknown[];
  before: RowImage;
  after: RowImage;
}

export interface TableShape {
  name: string;
  columns: string[];
  key: string[];
  /** Tables this one refers to by foreign key: restored first. */
  parents: string[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

const shapesBy = new WeakMap<Sqlite, Map<string, TableShape>>();

/** The ordinary tables an action may change, read from the database (so a new table is covered). */
export function tableShapes(sqlite: Sqlite): Map<string, TableShape> {
  let shapes = shapesBy.get(sqlite);
  if (shapes) return shapes;
  const names = sqlite
    .prepare(
      // type 'table' leaves out FTS5 tables and their storage: triggers keep them in step with the rows.
      // The stage counts (0031) too, shared by every action on a stage: the triggers put them back as the
      // rows come back; restored as rows, they would refuse an undo whenever another card had moved.
      `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
         AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT IN ('__drizzle_migrations', 'undo_journal', 'application_stage_counts')`,
    )
    .pluck()
    .all() as string[];
  shapes = new Map();
  for (const name of names) {
    const cols = sqlite.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as Array<{ name: string; pk: number }>;
    const key = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const parents = (sqlite.prepare('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)').pluck().all(name) as string[]).filter((p) => p !== name);
    shapes.set(name, { name, columns: cols.map((c) => c.name), key: key.length ? key : ['rowid'], parents });
  }
  shapesBy.set(sqlite, shapes);
  return shapes;
}

/** SQL for a row's image: json_object('col', alias.col, …). */
export const imageOf = (shape: TableShape, alias: string) => `json_object(${shape.columns.map((c) => `'${c}', ${alias}.${q(c)}`).join(', ')})`;
const keyOf = (shape: TableShape, alias: string) => `json_array(${shape.key.map((c) => `${alias}.${q(c)}`).join(', ')})`;
export const whereKey = (shape: TableShape) => shape.key.map((c) => `${q(c)} IS ?`).join(' AND ');
export { q as quoteName };

/**
 * Creates the change log and its TEMP triggers on this connection, once. Checked each time rather
 * than remembered: the DDL runs inside the action's transaction, and a refused action rolls it back.
 */
function install(sqlite: Sqlite): void {
  if (sqlite.prepare("SELECT 1 FROM temp.sqlite_master WHERE name = 'undo_log'").get()) return;
  const ddl = [
    'CREATE TEMP TABLE IF NOT EXISTS undo_on (x)',
    'CREATE TEMP TABLE IF NOT EXISTS undo_log (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, key TEXT NOT NULL, old TEXT)',
  ];
  const on = 'WHEN EXISTS (SELECT 1 FROM temp.undo_on)';
  for (const s of tableShapes(sqlite).values()) {
    const t = q(s.name);
    const lit = `'${s.name.replace(/'/g, "''")}'`;
    ddl.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS ${q(`undo_${s.name}_ai`)} AFTER INSERT ON main.${t} ${on} BEGIN
         INSERT INTO temp.undo_log (tbl, op, key, old) VALUES (${lit}, 'insert', ${keyOf(s, 'new')}, NULL); END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS ${q(`undo_${s.name}_au`)} AFTER UPDATE ON main.${t} ${on} BEGIN
         INSERT INTO temp.undo_log (tbl, op, key, old) VALUES (${lit}, 'update', ${keyOf(s, 'old')}, ${imageOf(s, 'old')}); END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS ${q(`undo_${s.name}_ad`)} AFTER DELETE ON main.${t} ${on} BEGIN
         INSERT INTO temp.undo_log (tbl, op, key, old) VALUES (${lit}, 'delete', ${keyOf(s, 'old')}, ${imageOf(s, 'old')}); END`,
    );
  }
  for (const d of ddl) sqlite.exec(d);
}

/** The row as it is now, or null. */
export function currentImage(sqlite: Sqlite, shape: TableShape, key: unknown[]): RowImage {
  const json = sqlite.prepare(`SELECT ${imageOf(shape, q(shape.name))} FROM main.${q(shape.name)} WHERE ${whereKey(shape)}`).pluck().get(...key) as
    | string
    | undefined;
  return json === undefined ? null : (JSON.parse(json) as Record<string, unknown>);
}

/**
 * Runs fn (already inside the caller's transaction) with the change log on, and returns its result
 * with the net changes: rows whose before and after differ, in the order they were first touched.
 */
export function recordChanges<T>(sqlite: Sqlite, fn: () => T): { result: T; changes: Change[] } {
  install(sqlite);
  sqlite.exec('DELETE FROM temp.undo_log; DELETE FROM temp.undo_on; INSERT INTO temp.undo_on VALUES (1)');
  let result: T;
  try {
    result = fn();
  } finally {
    sqlite.exec('DELETE FROM temp.undo_on');
  }
  const log = sqlite.prepare('SELECT tbl, op, key, old FROM temp.undo_log ORDER BY seq').all() as Array<{ tbl: string; op: string; key: string; old: string | null }>;
  sqlite.exec('DELETE FROM temp.undo_log');
  const shapes = tableShapes(sqlite);
  const first = new Map<string, { table: string; key: unknown[]; before: RowImage }>();
  for (const e of log) {
    const id = `${e.tbl}\u0000${e.key}`;
    if (first.has(id)) continue;
    first.set(id, { table: e.tbl, key: JSON.parse(e.key) as unknown[], before: e.op === 'insert' ? null : (JSON.parse(e.old!) as Record<string, unknown>) });
  }
  const changes: Change[] = [];
  for (const f of first.values()) {
    const after = currentImage(sqlite, shapes.get(f.table)!, f.key);
    if (JSON.stringify(f.before) !== JSON.stringify(after)) changes.push({ ...f, after });
  }
  return { result, changes };
}
