// The additive-only guard, by comparing what SQLite reports before and after a migration rather than
// reading the migration's SQL: a drizzle table rebuild (CREATE __new, copy, DROP, RENAME) that keeps
// every column is fine, and a rename spelled any way at all is still caught.
// Rules, for every table, view, column, index and trigger that existed before:
//   - it must still exist under the same name (a rename is a drop plus an add);
//   - a column keeps its declared type, primary-key position, and does not become NOT NULL;
//   - an index keeps its table, columns, uniqueness and WHERE clause; a trigger and a virtual table keep
//     their SQL;
//   - a column added to a table that already existed must not be NOT NULL without a default (the rows
//     already there have no value for it). Brand-new tables may declare anything.
import type { Sqlite } from '../db/open';

interface ColumnShape {
  type: string;
  notnull: boolean;
  hasDefault: boolean;
  pk: number;
}

interface TableShape {
  /** 'table', 'virtual', 'view' or 'shadow' (an FTS5 table's own storage), from PRAGMA table_list. */
  kind: string;
  /** Normalised CREATE statement, compared for virtual tables only (module and options). */
  sql: string;
  columns: Map<string, ColumnShape>;
}

export interface SchemaShape {
  tables: Map<string, TableShape>;
  /** Index name → a description of what it covers. */
  indexes: Map<string, string>;
  /** Trigger name → normalised SQL. */
  triggers: Map<string, string>;
}

/** Findings about one named object may be waived for one migration, with the reason written down. */
export interface GuardException {
  migration: string;
  object: string;
  why: string;
}

const norm = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();
/** Tables that are SQLite's or drizzle's own bookkeeping. */
const isInternal = (name: string) => name.startsWith('sqlite_') || name === '__drizzle_migrations';

export function schemaShape(sqlite: Sqlite): SchemaShape {
  const master = sqlite.prepare('SELECT type, name, tbl_name AS tbl, sql FROM sqlite_schema').all() as {
    type: string;
    name: string;
    tbl: string;
    sql: string | null;
  }[];
  const sqlOf = new Map(master.map((o) => [`${o.type}:${o.name}`, o.sql]));

  const tables = new Map<string, TableShape>();
  const list = sqlite.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main'").all() as { name: string; type: string }[];
  for (const t of list) {
    if (isInternal(t.name)) continue;
    const columns = new Map<string, ColumnShape>();
    // table_xinfo, not table_info, so generated and hidden columns count too.
    const cols = sqlite.prepare('SELECT name, type, "notnull" AS nn, dflt_value AS dflt, pk FROM pragma_table_xinfo(?)').all(t.name) as {
      name: string;
      type: string;
      nn: number;
      dflt: string | null;
      pk: number;
    }[];
    for (const c of cols) columns.set(c.name, { type: c.type.toUpperCase(), notnull: c.nn === 1, hasDefault: c.dflt !== null, pk: c.pk });
    const sql = t.type === 'virtual' ? norm(sqlOf.get(`table:${t.name}`) ?? null) : '';
    tables.set(t.name, { kind: t.type, sql, columns });
  }

  const indexes = new Map<string, string>();
  for (const [name, table] of tables) {
    if (table.kind !== 'table') continue;
    const list = sqlite.prepare('SELECT name, "unique" AS u, origin, partial FROM pragma_index_list(?)').all(name) as {
      name: string;
      u: number;
      origin: string;
      partial: number;
    }[];
    for (const ix of list) {
      const keys = sqlite.prepare('SELECT name, "desc" AS d, coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno').all(ix.name) as {
        name: string | null;
        d: number;
        coll: string;
      }[];
      // An expression column has no name; the CREATE INDEX text then tells expressions apart.
      const cols = keys.map((k) => `${k.name ?? '<expr>'}${k.d ? ' DESC' : ''} ${k.coll}`).join(', ');
      const where = ix.partial ? ` WHERE ${norm(sqlOf.get(`index:${ix.name}`) ?? null).replace(/^.*? WHERE /is, '')}` : '';
      const exprSql = keys.some((k) => k.name === null) ? ` [${norm(sqlOf.get(`index:${ix.name}`) ?? null)}]` : '';
      indexes.set(ix.name, `${ix.u ? 'UNIQUE ' : ''}ON ${name} (${cols})${where}${exprSql}`);
    }
  }

  const triggers = new Map<string, string>();
  for (const o of master) if (o.type === 'trigger') triggers.set(o.name, norm(o.sql));
  return { tables, indexes, triggers };
}

export interface Finding {
  object: string;
  problem: string;
}

/** What the step from `before` to `after` lost or changed; empty when it only added. */
export function schemaRegressions(before: SchemaShape, after: SchemaShape): Finding[] {
  const found: Finding[] = [];
  const add = (object: string, problem: string) => found.push({ object, problem });

  for (const [name, old] of before.tables) {
    const now = after.tables.get(name);
    if (!now) {
      add(name, `${old.kind} dropped (or renamed)`);
      continue;
    }
    if (now.kind !== old.kind) add(name, `changed from ${old.kind} to ${now.kind}`);
    if (old.kind === 'virtual' && now.sql !== old.sql) add(name, `virtual table redefined: ${old.sql} → ${now.sql}`);
    for (const [col, was] of old.columns) {
      const is = now.columns.get(col);
      if (!is) add(`${name}.${col}`, 'column dropped (or renamed)');
      else {
        if (is.type !== was.type) add(`${name}.${col}`, `column type changed from ${was.type || 'none'} to ${is.type || 'none'}`);
        if (is.notnull && !was.notnull) add(`${name}.${col}`, 'column became NOT NULL');
        if (is.pk !== was.pk) add(`${name}.${col}`, `primary key position changed from ${was.pk} to ${is.pk}`);
      }
    }
    for (const [col, is] of now.columns) {
      if (!old.columns.has(col) && is.notnull && !is.hasDefault) add(`${name}.${col}`, 'NOT NULL column added to an existing table without a default');
    }
  }
  for (const [name, was] of before.indexes) {
    const is = after.indexes.get(name);
    if (is === undefined) add(name, 'index dropped (or renamed)');
    else if (is !== was) add(name, `index changed: ${was} → ${is}`);
  }
  for (const [name, was] of before.triggers) {
    const is = after.triggers.get(name);
    if (is === undefined) add(name, 'trigger dropped (or renamed)');
    else if (is !== was) add(name, 'trigger redefined');
  }
  return found;
}

/** The findings not waived for this migration by an explicit exception. */
export function unwaived(findings: Finding[], migration: string, exceptions: readonly GuardException[]): Finding[] {
  return findings.filter((f) => !exceptions.some((e) => e.migration === migration && e.object === f.object.split('.')[0]));
}
