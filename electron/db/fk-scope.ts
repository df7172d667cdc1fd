// Foreign keys are off while migrations run (see open.ts), so the rows they move are checked afterwards.
// PRAGMA foreign_key_check over the whole file reads every row of every table with a foreign key: at
// 100,000 applications that was most of a minute at the first start after an upgrade, for migrations
// that mostly add an index. Only a statement that writes rows (or drops, renames or alters a table) can
// leave a violation, so the check covers the tables the pending migrations write, the tables their
// existing triggers write in turn, and every table whose foreign keys point at one of those.
import type Database from 'better-sqlite3';

const WRITES = [
  /\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s+[`"[]?(\w+)/gi,
  /\bREPLACE\s+INTO\s+[`"[]?(\w+)/gi,
  /\bUPDATE\s+(?:OR\s+\w+\s+)?[`"[]?(\w+)[`"\]]?\s+SET\b/gi,
  /\bDELETE\s+FROM\s+[`"[]?(\w+)/gi,
  /\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?[`"[]?(\w+)/gi,
  /\bALTER\s+TABLE\s+[`"[]?(\w+)/gi,
  /\bRENAME\s+TO\s+[`"[]?(\w+)/gi,
];

/** The tables the statements write rows to, drop, rename or alter (lower case). */
export function tablesWritten(statements: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const sql of statements) for (const re of WRITES) for (const m of sql.matchAll(re)) out.add(m[1].toLowerCase());
  return out;
}

/**
 * The tables `foreign_key_check` must read after statements that wrote `written`: those, what their
 * triggers write (to a fixed point), and the tables referencing any of them. Only existing tables.
 */
export function tablesToCheck(sqlite: Database.Database, written: Set<string>): string[] {
  const tables = sqlite.prepare("SELECT lower(name) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const triggers = sqlite.prepare("SELECT lower(tbl_name) AS tbl, sql FROM sqlite_master WHERE type = 'trigger'").all() as { tbl: string; sql: string }[];
  const reach = new Set(written);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of triggers) {
      if (!reach.has(t.tbl)) continue;
      for (const w of tablesWritten([t.sql])) {
        if (reach.has(w)) continue;
        reach.add(w);
        grew = true;
      }
    }
  }
  const parentsOf = sqlite.prepare('SELECT DISTINCT lower("table") FROM pragma_foreign_key_list(?)').pluck();
  return tables.filter((t) => reach.has(t) || (parentsOf.all(t) as string[]).some((p) => reach.has(p)));
}

/** Foreign key violations left in the tables statements wrote (see tablesToCheck); none when they wrote none. */
export function scopedForeignKeyCheck(sqlite: Database.Database, statements: readonly string[]): unknown[] {
  const written = tablesWritten(statements);
  if (written.size === 0) return [];
  return tablesToCheck(sqlite, written).flatMap((t) => sqlite.pragma(`foreign_key_check("${t.replace(/"/g, '""')}")`) as unknown[]);
}
