// Query plans of what a call runs: every statement the connection prepares while `fn` runs is recorded
// and explained (EXPLAIN QUERY PLAN). The plan test and the bench use it to show which tables a hot
// call reads whole. Statements are cached per connection, so only a call's first run is seen: use a
// fresh connection (a new testCore) per call under study.
import type Database from 'better-sqlite3';

export interface PlannedStatement {
  sql: string;
  /** EXPLAIN QUERY PLAN's detail lines, e.g. "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)". */
  plan: string[];
}

export async function plansOf(sqlite: Database.Database, fn: () => unknown): Promise<PlannedStatement[]> {
  const seen: string[] = [];
  const original = sqlite.prepare;
  sqlite.prepare = function (this: Database.Database, source: string) {
    seen.push(source);
    return original.call(this, source);
  } as typeof sqlite.prepare;
  try {
    await fn();
  } finally {
    sqlite.prepare = original;
  }
  return seen.map((sql) => ({ sql, plan: explain(sqlite, sql) }));
}

export function explain(sqlite: Database.Database, sql: string): string[] {
  // Named parameters need values to be explained; null binds every name EXPLAIN finds.
  const s = original(sqlite).call(sqlite, `EXPLAIN QUERY PLAN ${sql}`);
  const names = [...new Set([...sql.matchAll(/[@:$]([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))];
  const positional = (sql.match(/\?/g) ?? []).length;
  const args: unknown[] = names.length ? [Object.fromEntries(names.map((n) => [n, null]))] : Array.from({ length: positional }, () => null);
  return (s.all(...(args as [object])) as { detail: string }[]).map((r) => r.detail);
}

const original = (sqlite: Database.Database) => Object.getPrototypeOf(sqlite).prepare as Database.Database['prepare'];

const NOT_ALIAS = new Set(['WHERE', 'ON', 'JOIN', 'LEFT', 'INNER', 'CROSS', 'GROUP', 'ORDER', 'LIMIT', 'USING', 'INDEXED', 'NOT', 'UNION', 'AND', 'OR', 'SET', 'VALUES']);

/** Alias → table, as the statement names them (EXPLAIN QUERY PLAN reports aliases: "SCAN a"). */
function aliases(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+"?(\w+)"?(?:\s+(?:AS\s+)?"?(\w+)"?)?/gi)) {
    out.set(m[1], m[1]);
    if (m[2] && !NOT_ALIAS.has(m[2].toUpperCase())) out.set(m[2], m[1]);
  }
  return out;
}

/** The plan lines that read one of `tables` whole (SCAN of the table or of one of its indexes). */
export function fullScans(plans: PlannedStatement[], tables: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of plans) {
    const names = aliases(p.sql);
    // A bare "SELECT count(*) FROM t" (no WHERE) is answered by OP_Count, which adds up the cell counts
    // of the smallest index's pages without reading a row: the plan shows it as a SCAN of that index.
    const bareCounts = [...p.sql.matchAll(/SELECT count\(\*\)(?: AS \w+)? FROM (\w+)\s*(?=\)|$)/g)].map((m) => m[1]);
    for (const line of p.plan) {
      const m = /^SCAN (\w+)/.exec(line);
      const table = m ? (names.get(m[1]) ?? m[1]) : null;
      const bare = table && / USING COVERING INDEX \w+$/.test(line) ? bareCounts.indexOf(table) : -1;
      if (bare >= 0) {
        bareCounts.splice(bare, 1);
        continue;
      }
      if (table && tables.includes(table)) out.push(`${line}  ← ${p.sql.replace(/\s+/g, ' ').trim().slice(0, 160)}`);
    }
  }
  return out;
}

/** Every index the statements search with, by name. */
export function indexesUsed(plans: PlannedStatement[]): Set<string> {
  const out = new Set<string>();
  for (const p of plans) for (const line of p.plan) for (const m of line.matchAll(/USING (?:COVERING )?INDEX (\w+)/g)) out.add(m[1]);
  return out;
}
