// Test helper: a database brought to a chosen migration, so a test can seed rows the way an older
// Courtesy wrote them and then migrate one step. Migrations are read with drizzle's own reader
// (readMigrationFiles: same `--> statement-breakpoint` split, same sha256 hash, same journal `when`) and
// applied with the same rules as drizzle's SQLite migrator (drizzle-orm/sqlite-core/dialect.js
// `migrate`): skip what is not newer than the last recorded `created_at`, run each statement, record
// (hash, created_at) in __drizzle_migrations, all in one transaction. Because the bookkeeping is
// identical, a later openDatabase() on the same file continues from there (proved in migrations.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { applyPragmas, type Sqlite } from '../db/open';

export const MIGRATIONS_FOLDER = path.resolve(__dirname, '..', '..', 'drizzle');
const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface Migration {
  idx: number;
  tag: string;
  /** The journal's `when`, which drizzle records as `created_at`. */
  when: number;
  statements: string[];
  hash: string;
}

/** Every migration in the journal, in order. */
export function listMigrations(folder = MIGRATIONS_FOLDER): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string; when: number }[];
  };
  const files = readMigrationFiles({ migrationsFolder: folder });
  return journal.entries.map((e, i) => ({ idx: e.idx, tag: e.tag, when: e.when, statements: files[i].sql, hash: files[i].hash }));
}

/** A migration given by its index in the journal or by its tag ('0001_search'); -1 means none. */
export type MigrationRef = number | string;

export function migrationIndex(ref: MigrationRef, folder = MIGRATIONS_FOLDER): number {
  const all = listMigrations(folder);
  const i = typeof ref === 'number' ? ref : all.findIndex((m) => m.tag === ref);
  if (i < -1 || i >= all.length || (typeof ref === 'string' && i === -1)) {
    throw new Error(`No migration ${JSON.stringify(ref)} in ${folder} (known: ${all.map((m) => m.tag).join(', ')})`);
  }
  return i;
}

/** A new database (a file, or ':memory:' by default) with the app's pragmas and no migration applied. */
export function emptyDb(file = ':memory:'): Sqlite {
  const sqlite = new Database(file);
  applyPragmas(sqlite, file);
  return sqlite;
}

/** The tags recorded as applied, oldest first. */
export function appliedTags(sqlite: Sqlite, folder = MIGRATIONS_FOLDER): string[] {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
  if (!exists) return [];
  const byHash = new Map(listMigrations(folder).map((m) => [m.hash, m.tag]));
  const hashes = sqlite.prepare(`SELECT hash FROM ${MIGRATIONS_TABLE} ORDER BY created_at`).pluck().all() as string[];
  return hashes.map((h) => byHash.get(h) ?? `unknown:${h.slice(0, 8)}`);
}

/**
 * Applies the pending migrations up to and including `target`; returns how many ran. Foreign keys are
 * off while migrating and checked afterwards, exactly as openDatabase() does, so a table rebuild
 * behaves here as it will on a user's machine.
 */
export function migrateTo(sqlite: Sqlite, target: MigrationRef, folder = MIGRATIONS_FOLDER): number {
  const upTo = migrationIndex(target, folder);
  sqlite.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
  const last = sqlite.prepare(`SELECT created_at FROM ${MIGRATIONS_TABLE} ORDER BY created_at DESC LIMIT 1`).pluck().get() as
    | number
    | string
    | undefined;
  const pending = listMigrations(folder)
    .slice(0, upTo + 1)
    .filter((m) => last === undefined || Number(last) < m.when);
  if (pending.length === 0) return 0;
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const m of pending) {
        // One prepared statement per chunk, as drizzle's session.run(sql.raw(chunk)) does.
        for (const stmt of m.statements) sqlite.prepare(stmt).run();
        sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} ("hash", "created_at") VALUES (?, ?)`).run(m.hash, m.when);
      }
    })();
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) throw new Error(`Migrating to ${String(target)} left ${violations.length} foreign key violation(s)`);
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return pending.length;
}

/** A new database migrated to `target` (inclusive). */
export function dbAt(target: MigrationRef, file = ':memory:', folder = MIGRATIONS_FOLDER): Sqlite {
  const sqlite = emptyDb(file);
  try {
    migrateTo(sqlite, target, folder);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  return sqlite;
}
