// Importing an export file into an empty Courtesy, exactly: same ids, same values, same AUTOINCREMENT
// counters, or nothing at all. The order of checks is the order of the messages a person can meet:
// not JSON, not a Courtesy export, a newer format or schema, a database that already holds data, then
// the structure (zod, built from the tables the rows go into) and finally what only SQLite can tell
// (foreign keys, a trigger that changed a row). Every write happens in one transaction, so any refusal
// after the first row leaves the database as it was.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Ctx } from '../../db/context';
import type { Sqlite } from '../../db/open';
import * as schema from '../../db/schema';
import { AppError } from '../../shared/errors';
import { seedBuiltIns } from '../templates/seed';
import { describeIssues, fileShape, FORMAT_VERSION, HeaderShape, readRows, readSequences, readTables, type ExportData, type Row, type Value } from './format';
import { insertionOrder, listTables, quoteId, type TableInfo } from './tables';
import { appliedVersion, listMigrations, migrateFrom, stageAt, type MigrationInfo } from './versions';

export interface ImportResult {
  schemaVersion: string;
  /** The file's schema version when it was older and migrated on the way in; null otherwise. */
  migratedFrom: string | null;
  tables: Array<{ name: string; rows: number }>;
  rows: number;
}

const NOTHING = 'Nothing was imported.';
const refuse = (message: string) => new AppError('validation', `${message} ${NOTHING}`);

/** An in-memory database for staging and comparison, with the same native build as the app's. */
function scratch(ctx: Ctx): Sqlite {
  const db = new Database(':memory:', ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {});
  db.pragma('foreign_keys = ON');
  return db;
}

/** Columns whose default is "now": they differ between two fresh installs and say nothing about data. */
function nowColumns(sqlite: Sqlite, table: string): Set<string> {
  const rows = sqlite.prepare('SELECT name, dflt_value AS d FROM pragma_table_info(?)').all(table) as Array<{ name: string; d: string | null }>;
  return new Set(rows.filter((r) => r.d && /unixepoch|CURRENT_TIMESTAMP/i.test(r.d)).map((r) => r.name));
}

/**
 * What this database holds beyond what Courtesy writes by itself on a first start (the built-in
 * templates), compared row by row with a new database that got the same start; empty when fresh.
 */
export function userData(ctx: Ctx, migrations = listMigrations(ctx.migrationsFolder)): Array<{ table: string; rows: number }> {
  const ref = scratch(ctx);
  try {
    stageAt(ref, migrations, migrations.length - 1);
    seedBuiltIns({ ...ctx, sqlite: ref, db: drizzle(ref, { schema }) });
    const out: Array<{ table: string; rows: number }> = [];
    const count = (db: Sqlite, table: string) => Number(db.prepare(`SELECT count(*) FROM ${quoteId(table)}`).pluck().get());
    // A table the migrations do not create (written by hand in a test) is compared as empty on a first start.
    const inRef = new Set(listTables(ref).exported.map((t) => t.name));
    for (const t of listTables(ctx.sqlite).exported) {
      // Counts first: Settings asks this after every change, and a large database must not be read whole.
      const rows = count(ctx.sqlite, t.name);
      if (rows !== (inRef.has(t.name) ? count(ref, t.name) : 0)) {
        out.push({ table: t.name, rows });
        continue;
      }
      if (rows === 0) continue;
      const skip = nowColumns(ctx.sqlite, t.name);
      const strip = (list: Row[]) => list.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !skip.has(k))));
      const fresh = strip(readRows(ref, t));
      if (strip(readRows(ctx.sqlite, t)).some((r, i) => r !== fresh[i])) out.push({ table: t.name, rows });
    }
    return out;
  } finally {
    ref.close();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw refuse(`The file is not valid JSON (${(err as Error).message}), so it is not a complete Courtesy export.`);
  }
}

/** Checks the file against the tables it goes into; the specific problems in the message. */
function validate(raw: unknown, tables: TableInfo[]): ExportData {
  const parsed = fileShape(tables).safeParse(raw);
  if (parsed.success) return parsed.data as ExportData;
  const problems = describeIssues(parsed.error);
  const more = parsed.error.issues.length - problems.length;
  throw refuse(`The file does not match this version of Courtesy's data: ${problems.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}.`);
}

const toSql = (v: Value): unknown => (v !== null && typeof v === 'object' ? Buffer.from(v.base64, 'base64') : v);

/**
 * Replaces every exported table's rows with the file's, in one transaction, and proves the result: the
 * rows read back exactly as given, every foreign key resolves, every full-text index is sound.
 */
function writeAll(sqlite: Sqlite, tables: TableInfo[], data: ExportData) {
  const order = insertionOrder(tables);
  sqlite
    .transaction(() => {
      // Checked once at commit, so rows that refer to a later row of their own table still go in.
      sqlite.pragma('defer_foreign_keys = ON');
      for (const t of [...order].reverse()) sqlite.prepare(`DELETE FROM ${quoteId(t.name)}`).run();
      const hasSequences = !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get();
      if (hasSequences) sqlite.prepare('DELETE FROM sqlite_sequence').run();
      for (const t of order) {
        const cols = t.columns.map((c) => c.name);
        const insert = sqlite.prepare(`INSERT INTO ${quoteId(t.name)} (${cols.map(quoteId).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        data.tables[t.name].forEach((row, i) => {
          try {
            insert.run(cols.map((c) => toSql(row[c])));
          } catch (err) {
            // A constraint (a duplicate id, a NOT NULL, a CHECK) is the file's fault; anything else (disk full) is not.
            if (!String((err as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) throw err;
            throw refuse(`Row ${i + 1} of ${t.name} cannot be written: ${(err as Error).message}.`);
          }
        });
      }
      if (hasSequences) sqlite.prepare('DELETE FROM sqlite_sequence').run();
      for (const [name, seq] of Object.entries(data.sequences)) {
        const t = tables.find((x) => x.name === name)!;
        const pk = t.orderBy[0];
        const max = Number(sqlite.prepare(`SELECT coalesce(max(${quoteId(pk)}), 0) FROM ${quoteId(name)}`).pluck().get());
        if (seq < max) throw refuse(`sequences.${name} is ${seq}, lower than the highest id in ${name} (${max}): the file was edited or is damaged.`);
        sqlite.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(name, seq);
      }
      // A trigger that rewrites a row on insert would make the import inexact: refuse rather than differ.
      for (const t of tables) {
        const back = readRows(sqlite, t);
        const given = data.tables[t.name];
        const i = back.findIndex((r, j) => JSON.stringify(r) !== JSON.stringify(Object.fromEntries(t.columns.map((c) => [c.name, given[j]?.[c.name] ?? null]))));
        if (i !== -1 || back.length !== given.length) {
          throw refuse(`Row ${i === -1 ? back.length : i + 1} of ${t.name} did not read back as written (${JSON.stringify(back[i] ?? null).slice(0, 200)}).`);
        }
      }
      const broken = sqlite.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
      if (broken.length > 0) {
        const first = broken.slice(0, 3).map((b) => `a row of ${b.table} (rowid ${b.rowid}) refers to a missing row of ${b.parent}`);
        throw refuse(`The file's rows do not fit together: ${first.join('; ')}${broken.length > 3 ? ` (${broken.length} in all)` : ''}.`);
      }
      checkFullText(sqlite);
    })
    .immediate();
}

/** FTS5's own integrity check on every full-text index, which the insert triggers have just refilled. */
function checkFullText(sqlite: Sqlite) {
  const fts = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5(%' ORDER BY name").pluck().all() as string[];
  for (const name of fts) sqlite.prepare(`INSERT INTO ${quoteId(name)} (${quoteId(name)}) VALUES ('integrity-check')`).run();
}

/** Where the file's schema version sits in this Courtesy's migrations; refuses newer and unknown ones. */
function placeVersion(header: { schemaVersion: string; schemaTime: number; appVersion: string }, migrations: MigrationInfo[], current: string): number {
  const i = migrations.findIndex((m) => m.tag === header.schemaVersion && m.when === header.schemaTime);
  if (i !== -1) return i;
  const newest = migrations[migrations.length - 1];
  if (header.schemaTime > newest.when) {
    throw refuse(
      `This file was exported by a newer Courtesy (${header.appVersion}, data schema ${header.schemaVersion}); this Courtesy's data schema is ${current}. Update Courtesy, then import it.`,
    );
  }
  throw refuse(`This file's data schema ${header.schemaVersion} is not one this Courtesy knows (it knows ${migrations[0].tag} to ${newest.tag}).`);
}

export function importExport(ctx: Ctx, text: string): ImportResult {
  const raw = parseJson(text);
  const head = HeaderShape.safeParse(raw);
  if (!head.success) throw refuse(`This is not a Courtesy export: ${describeIssues(head.error).join('; ')}.`);
  const header = head.data;
  if (header.formatVersion > FORMAT_VERSION) {
    throw refuse(
      `This file was exported by a newer Courtesy (${header.appVersion}) in export format version ${header.formatVersion}; this Courtesy reads format version ${FORMAT_VERSION}. Update Courtesy, then import it.`,
    );
  }
  const migrations = listMigrations(ctx.migrationsFolder);
  const current = appliedVersion(ctx.sqlite, ctx.migrationsFolder).tag;
  const at = placeVersion(header, migrations, current);

  const existing = userData(ctx, migrations);
  if (existing.length > 0) {
    const held = existing.map((e) => `${e.table} (${e.rows})`).join(', ');
    throw new AppError(
      'conflict',
      `This Courtesy already holds data: ${held}. An export is imported only into a new, empty Courtesy, so nothing is merged or overwritten. Start Courtesy with a new data folder and import there. ${NOTHING}`,
    );
  }

  const live = listTables(ctx.sqlite).exported;
  let data: ExportData;
  if (at === migrations.length - 1) {
    data = validate(raw, live);
  } else {
    // An older file: its rows go into a scratch database at its own version, the real migrations bring
    // them up to today's, and what comes out is what gets imported (and checked again below).
    const stage = scratch(ctx);
    try {
      stageAt(stage, migrations, at);
      const old = listTables(stage).exported;
      writeAll(stage, old, validate(raw, old));
      migrateFrom(stage, migrations, at);
      const now = listTables(stage).exported;
      const tables = readTables(stage, now);
      const counts = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length]));
      data = validate({ ...header, counts, sequences: readSequences(stage, now), tables }, live);
    } finally {
      stage.close();
    }
  }
  writeAll(ctx.sqlite, live, data);
  const tables = live.map((t) => ({ name: t.name, rows: data.tables[t.name].length })).sort((a, b) => a.name.localeCompare(b.name));
  return {
    schemaVersion: header.schemaVersion,
    migratedFrom: at === migrations.length - 1 ? null : header.schemaVersion,
    tables,
    rows: tables.reduce((n, t) => n + t.rows, 0),
  };
}
