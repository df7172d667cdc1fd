// The export file (docs/export-format.md is its specification): reading every exported table's rows
// exactly as stored, writing them in a fixed order and layout, and the zod schema that checks a file
// against the tables of the database it goes into. Pure over a connection: no ctx, so the import can
// run the same code on a staging database at an older schema version.
import { z } from 'zod';
import type { Sqlite } from '../../db/open';
import { AppError } from '../../shared/errors';
import { quoteId, type Affinity, type TableInfo } from './tables';

export const FORMAT_NAME = 'courtesy-export';
/** Bumped when the file's layout changes (not when tables or columns change: that is schemaVersion). */
export const FORMAT_VERSION = 1;

/** A stored value: SQLite's NULL, INTEGER or REAL (a number), TEXT, or a BLOB as base64. */
export type Value = number | string | null | { base64: string };
export type Row = Record<string, Value>;

export interface Header {
  format: typeof FORMAT_NAME;
  formatVersion: number;
  /** Tag of the newest migration applied to the exported database, e.g. "0006_note_revision_trigger". */
  schemaVersion: string;
  /** That migration's time in the journal (epoch ms): the order drizzle applies migrations in. */
  schemaTime: number;
  appVersion: string;
  exportedAt: string;
}

export interface ExportData extends Header {
  /** Rows per table, to tell a cut-off file from a complete one. */
  counts: Record<string, number>;
  /** sqlite_sequence: the highest id each AUTOINCREMENT table has ever handed out. */
  sequences: Record<string, number>;
  tables: Record<string, Row[]>;
}

function toValue(v: unknown, table: string, column: string): Value {
  if (v === null || typeof v === 'string') return v;
  if (typeof v === 'bigint') {
    // Integers are read as bigint so that none is silently rounded; every Courtesy integer fits.
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new AppError('internal', `${table}.${column} holds ${v}, too large to export exactly as a JSON number.`);
    }
    return Number(v);
  }
  if (typeof v === 'number') return v;
  if (Buffer.isBuffer(v)) return { base64: v.toString('base64') };
  throw new AppError('internal', `${table}.${column} holds a value of an unexpected kind (${typeof v}).`);
}

/** A table's rows as stored, sorted by primary key, keys in the table's column order. */
export function readRows(sqlite: Sqlite, table: TableInfo): Row[] {
  const cols = table.columns.map((c) => quoteId(c.name)).join(', ');
  const order = table.orderBy.map(quoteId).join(', ');
  const st = sqlite.prepare(`SELECT ${cols} FROM ${quoteId(table.name)} ORDER BY ${order}`).raw(true).safeIntegers(true);
  return (st.all() as unknown[][]).map((values) => {
    const row: Row = {};
    table.columns.forEach((c, i) => (row[c.name] = toValue(values[i], table.name, c.name)));
    return row;
  });
}

export function readSequences(sqlite: Sqlite, tables: TableInfo[]): Record<string, number> {
  const names = new Set(tables.filter((t) => t.autoIncrement).map((t) => t.name));
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get();
  if (!exists) return {};
  const rows = sqlite.prepare('SELECT name, seq FROM sqlite_sequence ORDER BY name').all() as Array<{ name: string; seq: number }>;
  return Object.fromEntries(rows.filter((r) => names.has(r.name)).map((r) => [r.name, Number(r.seq)]));
}

/** Every exported table, in name order. */
export function readTables(sqlite: Sqlite, tables: TableInfo[]): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) out[t.name] = readRows(sqlite, t);
  return out;
}

/**
 * The file's text: the header keys one per line, then each row on one line of its own (readable, and a
 * diff of two exports shows the rows that changed). Plain JSON all the same; the same data always gives
 * the same bytes.
 */
export function serialize(data: ExportData): string {
  const lines: string[] = ['{'];
  const head: Array<[string, unknown]> = [
    ['format', data.format],
    ['formatVersion', data.formatVersion],
    ['schemaVersion', data.schemaVersion],
    ['schemaTime', data.schemaTime],
    ['appVersion', data.appVersion],
    ['exportedAt', data.exportedAt],
    ['counts', data.counts],
    ['sequences', data.sequences],
  ];
  for (const [k, v] of head) lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  lines.push('  "tables": {');
  const names = Object.keys(data.tables);
  names.forEach((name, i) => {
    const rows = data.tables[name];
    const end = i === names.length - 1 ? '' : ',';
    if (rows.length === 0) {
      lines.push(`    ${JSON.stringify(name)}: []${end}`);
      return;
    }
    lines.push(`    ${JSON.stringify(name)}: [`);
    rows.forEach((r, j) => lines.push(`      ${JSON.stringify(r)}${j === rows.length - 1 ? '' : ','}`));
    lines.push(`    ]${end}`);
  });
  lines.push('  }', '}', '');
  return lines.join('\n');
}

/** What the first part of a file must be, whatever its versions: read before anything else is checked. */
export const HeaderShape = z.object({
  format: z.literal(FORMAT_NAME, { error: `This is not a Courtesy export (its "format" is not "${FORMAT_NAME}").` }),
  formatVersion: z.number({ error: 'The file has no format version.' }).int().min(1),
  schemaVersion: z.string({ error: 'The file has no schema version.' }).min(1).max(200),
  schemaTime: z.number({ error: 'The file has no schema time.' }).int(),
  appVersion: z.string().max(100),
  exportedAt: z.string().max(100),
});

const blob = z.strictObject({ base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64') });
const valueFor: Record<Affinity, z.ZodType> = {
  integer: z.number().int('a whole number').or(z.string()).or(blob),
  real: z.number().or(z.string()).or(blob),
  numeric: z.number().or(z.string()).or(blob),
  text: z.string(),
  blob: z.number().or(z.string()).or(blob),
};
// Integer and real columns also take text and blobs, since SQLite keeps a value it cannot convert as
// given; a text column holds only text, since SQLite converts any number written to it.

/** The whole file, checked against the tables of the database it will be written into. */
export function fileShape(tables: TableInfo[]) {
  const tableShapes = Object.fromEntries(
    tables.map((t) => {
      const row = z.strictObject(
        Object.fromEntries(
          t.columns.map((c) => {
            const v = c.notNull ? valueFor[c.affinity] : valueFor[c.affinity].nullable();
            return [c.name, v];
          }),
        ),
      );
      return [t.name, z.array(row)];
    }),
  );
  const names = tables.map((t) => t.name);
  return HeaderShape.extend({
    counts: z.record(z.string(), z.number().int().min(0)),
    sequences: z.record(z.string(), z.number().int().min(0)),
    tables: z.strictObject(tableShapes),
  }).superRefine((file, ctx) => {
    for (const name of names) {
      const rows = file.tables[name]?.length ?? 0;
      if (file.counts[name] !== rows) {
        ctx.addIssue({ code: 'custom', path: ['counts', name], message: `says ${file.counts[name] ?? 'nothing'} but the file holds ${rows} rows: the file is incomplete or was edited` });
      }
    }
    const autoinc = new Set(tables.filter((t) => t.autoIncrement).map((t) => t.name));
    for (const name of Object.keys(file.sequences)) {
      if (!autoinc.has(name)) ctx.addIssue({ code: 'custom', path: ['sequences', name], message: 'is not a table with AUTOINCREMENT ids' });
    }
  });
}

/** The first few problems of a file, each naming where it is (tables.contacts[3].emial: unknown column). */
export function describeIssues(error: z.ZodError, limit = 5): string[] {
  return error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
    if (issue.code === 'unrecognized_keys') {
      const what = issue.path.length === 1 && issue.path[0] === 'tables' ? 'table' : issue.path[0] === 'tables' ? 'column' : 'field';
      return `${where}: unknown ${what}${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    }
    if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
      const what = issue.path[0] === 'tables' ? (issue.path.length === 2 ? 'table' : 'column') : 'field';
      return `${where}: missing ${what}`;
    }
    return `${where || 'file'}: ${issue.message}`;
  });
}
