// Foreign keys are off while migrations run (see open.ts), so the rows they move are checked afterwards.
// PRAGMA foreign_key_check over the whole file reads every row of every table with a foreign key: at
// 100,000 applications that was most of a minute at the first start after an upgrade, for migrations
// that mostly add an index or fill a new column. Only some statements can leave a violation: rows
// inserted or deleted, a table dropped or renamed, a column added with REFERENCES, or an UPDATE that
// sets a key column (a table's own foreign key, or a column other tables' keys point at). The check
// reads the tables those statements (and the triggers they fire) can have broken, and no other.
import type Database from 'better-sqlite3';

/** Per table: every column may have changed ('all'), or only these (an UPDATE's SET list). */
export type Writes = Map<string, 'all' | Set<string>>;

const WHOLE_ROWS = [
  /\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s+[`"[]?(\w+)/gi,
  /\bREPLACE\s+INTO\s+[`"[]?(\w+)/gi,
  /\bDELETE\s+FROM\s+[`"[]?(\w+)/gi,
  /\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?[`"[]?(\w+)/gi,
  /\bALTER\s+TABLE\s+[`"[]?(\w+)[`"\]]?\s+(?:RENAME|DROP)\b/gi,
  /\bRENAME\s+TO\s+[`"[]?(\w+)/gi,
];
const ADD_COLUMN = /\bALTER\s+TABLE\s+[`"[]?(\w+)[`"\]]?\s+ADD\b[^;]*?\bREFERENCES\b/gi;
const UPDATE = /\bUPDATE\s+(?:OR\s+\w+\s+)?[`"[]?(\w+)[`"\]]?\s+SET\b/gi;
const SET_ENDS = /^(?:WHERE|FROM|RETURNING|END)\b/i;

/** The columns an UPDATE's SET list assigns, read from `sql` at `from` up to its WHERE (depth 0). */
function setColumns(sql: string, from: number): Set<string> {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = from;
  let i = from;
  for (; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (c === ',' || c === ';')) {
      parts.push(sql.slice(start, i));
      start = i + 1;
      if (c === ';') break;
    } else if (depth === 0 && /\s/.test(c) && SET_ENDS.test(sql.slice(i + 1))) break;
  }
  if (i >= sql.length || sql[i] !== ';') parts.push(sql.slice(start, i));
  const out = new Set<string>();
  for (const p of parts) {
    const target = p.split('=')[0];
    for (const m of target.matchAll(/[`"[]?(\w+)[`"\]]?/g)) out.add(m[1].toLowerCase());
  }
  return out;
}

/** Records that `table` had `cols` written; true when that is more than `w` knew. */
function add(w: Writes, table: string, cols: 'all' | Set<string>): boolean {
  const t = table.toLowerCase();
  const had = w.get(t);
  if (had === 'all') return false;
  if (cols === 'all') {
    w.set(t, 'all');
    return true;
  }
  const grown = new Set([...(had ?? []), ...cols]);
  if (had && grown.size === had.size) return false;
  w.set(t, grown);
  return true;
}

/** What the statements can change, per table (lower case). */
export function tablesWritten(statements: readonly string[]): Writes {
  const out: Writes = new Map();
  for (const sql of statements) {
    for (const re of [...WHOLE_ROWS, ADD_COLUMN]) for (const m of sql.matchAll(re)) add(out, m[1], 'all');
    for (const m of sql.matchAll(UPDATE)) add(out, m[1], setColumns(sql, m.index + m[0].length));
  }
  return out;
}

const touches = (w: 'all' | Set<string> | undefined, cols: string[]) => w === 'all' || (!!w && cols.some((c) => w.has(c)));

/**
 * The tables `foreign_key_check` must read after statements that wrote `written`: adding what the
 * triggers of written tables write (to a fixed point), every table whose own key columns changed, and
 * every table whose keys point at a changed row or key column. Only existing tables.
 */
export function tablesToCheck(sqlite: Database.Database, written: Writes): string[] {
  const tables = sqlite.prepare("SELECT lower(name) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const triggers = sqlite.prepare("SELECT lower(tbl_name) AS tbl, sql FROM sqlite_master WHERE type = 'trigger'").all() as { tbl: string; sql: string }[];
  const reach: Writes = new Map(written);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of triggers) {
      if (!reach.has(t.tbl)) continue;
      for (const [tb, cols] of tablesWritten([t.sql])) grew = add(reach, tb, cols) || grew;
    }
  }
  const keys = sqlite.prepare('SELECT lower("table") AS parent, lower("from") AS child, lower(coalesce("to", \'\')) AS parentColumn FROM pragma_foreign_key_list(?)');
  const pk = sqlite.prepare('SELECT lower(name) FROM pragma_table_info(?) WHERE pk > 0').pluck();
  return tables.filter((t) => {
    const fks = keys.all(t) as { parent: string; child: string; parentColumn: string }[];
    if (fks.length === 0) return false;
    if (touches(reach.get(t), fks.map((k) => k.child))) return true;
    return fks.some((k) => touches(reach.get(k.parent), k.parentColumn ? [k.parentColumn] : (pk.all(k.parent) as string[])));
  });
}

/** Foreign key violations the statements can have left (see tablesToCheck); none read when they can leave none. */
export function scopedForeignKeyCheck(sqlite: Database.Database, statements: readonly string[]): unknown[] {
  const written = tablesWritten(statements);
  if (written.size === 0) return [];
  return tablesToCheck(sqlite, written).flatMap((t) => sqlite.pragma(`foreign_key_check("${t.replace(/"/g, '""')}")`) as unknown[]);
}
