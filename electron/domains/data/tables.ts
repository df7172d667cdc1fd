// Which tables an export holds, read from the database itself rather than from a list kept by hand: every
// ordinary table is exported, so a table another change adds is in the next export without anyone
// remembering to add it. What is left out is left out by a rule with its reason (EXCLUDED_KINDS,
// EXCLUDED_TABLES); data.test.ts fails when a table of electron/db/schema.ts is not exported, or when a
// table in the file is neither exported nor excluded with a reason.
// Reading from the live connection (not schema.ts) is also what lets an import stage an older file in a
// database at the file's own schema version, whose tables and columns differ from today's.
import type { Sqlite } from '../../db/open';

/** Tables left out by name, with the reason. */
export const EXCLUDED_TABLES: Record<string, string> = {
  __drizzle_migrations: "Migration bookkeeping: the file's schemaVersion says the same, and the importing database keeps its own.",
  sqlite_sequence: 'AUTOINCREMENT counters: written to the file as "sequences" and restored from there.',
  sqlite_schema: "SQLite's own list of tables, indexes and triggers: the importing database has its own, from its migrations.",
  sqlite_stat1: 'Query planner statistics, which SQLite recomputes.',
  sqlite_stat4: 'Query planner statistics, which SQLite recomputes.',
  search_terms: 'Every word the search indexes hold (migration 0027): derived from the rows, added to by triggers as the rows are imported.',
  application_stage_counts: "Each stage's count of applications (migration 0031): derived from the rows, kept by triggers as the rows are imported.",
  undo_journal: 'Snapshots behind the Undo toast, kept for minutes: undoing belongs to this database, never to one a file is imported into.',
};

/** Tables left out by their kind (PRAGMA table_list's type), with the reason. */
export const EXCLUDED_KINDS: Record<string, string> = {
  virtual: 'Full-text index (FTS5): derived from the rows, refilled by its triggers as the rows are imported.',
  shadow: "Storage of a full-text index (FTS5): SQLite's own, derived from the rows.",
  view: 'A query over the tables, not data of its own (contact_search_keys: the key contacts are searched under).',
};

export type Affinity = 'integer' | 'text' | 'real' | 'blob' | 'numeric';

export interface ColumnInfo {
  name: string;
  affinity: Affinity;
  notNull: boolean;
  /** Position in the primary key (1-based), 0 when not part of it. */
  pk: number;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Columns to sort by: the primary key in key order, else every column. */
  orderBy: string[];
  /** Tables this one refers to by foreign key (itself excluded). */
  parents: string[];
  autoIncrement: boolean;
}

export interface TableListing {
  /** Exported tables, by name. */
  exported: TableInfo[];
  /** Everything else in the database, with the reason it is left out. */
  excluded: Array<{ name: string; reason: string }>;
}

/** SQLite's column affinity rules (https://sqlite.org/datatype3.html, 3.1), in their order. */
export function affinityOf(declared: string): Affinity {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'integer';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'text';
  if (t.includes('BLOB') || t === '') return 'blob';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'real';
  return 'numeric';
}

export const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function listTables(sqlite: Sqlite): TableListing {
  const all = sqlite.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main' ORDER BY name").all() as Array<{ name: string; type: string }>;
  const exported: TableInfo[] = [];
  const excluded: TableListing['excluded'] = [];
  for (const { name, type } of all) {
    const reason = EXCLUDED_TABLES[name] ?? EXCLUDED_KINDS[type] ?? (type === 'table' ? null : `Not a table (${type}).`);
    if (reason) {
      excluded.push({ name, reason });
      continue;
    }
    exported.push(describeTable(sqlite, name));
  }
  return { exported, excluded };
}

function describeTable(sqlite: Sqlite, name: string): TableInfo {
  const cols = sqlite.prepare('SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as Array<{
    name: string;
    type: string;
    nn: number;
    pk: number;
  }>;
  const columns = cols.map((c) => ({ name: c.name, affinity: affinityOf(c.type), notNull: c.nn === 1, pk: c.pk }));
  const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const parents = [...new Set((sqlite.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(name) as string[]).filter((p) => p !== name))].sort();
  const ddl = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) as string | undefined) ?? '';
  return {
    name,
    columns,
    orderBy: (pk.length ? pk : columns).map((c) => c.name),
    parents,
    autoIncrement: /\bAUTOINCREMENT\b/i.test(ddl),
  };
}

/**
 * Parents before children, so that rows go in the way the app wrote them (the full-text triggers look
 * up the parent rows) and deletes go the other way. Ties and cycles are broken by name; a cycle still
 * imports, because foreign keys are checked at commit (defer_foreign_keys).
 */
export function insertionOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const p of t.parents) {
      const parent = byName.get(p);
      if (parent) visit(parent, path);
    }
    path.delete(t.name);
    done.add(t.name);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, new Set());
  return out;
}
