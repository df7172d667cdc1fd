// Schema versions for the export file: the tag of the newest applied migration names the version, and
// its journal time orders versions, as drizzle's migrator does. An older file is imported honestly by
// building a scratch database at the file's own version, writing the file into it, and running the real
// migrations from there (stageAt / migrateFrom apply them as drizzle does: statement by statement,
// recorded in __drizzle_migrations, in one transaction, with foreign keys off around it and checked after).
import fs from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Sqlite } from '../../db/open';

const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface MigrationInfo {
  tag: string;
  when: number;
  hash: string;
  statements: string[];
}

export function listMigrations(folder: string): MigrationInfo[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string; when: number }> };
  const files = readMigrationFiles({ migrationsFolder: folder });
  return journal.entries.map((e, i) => ({ tag: e.tag, when: e.when, hash: files[i].hash, statements: files[i].sql }));
}

/** The newest migration applied to this database, as this Courtesy knows it. */
export function appliedVersion(sqlite: Sqlite, folder: string): { tag: string; when: number } {
  const last = sqlite.prepare(`SELECT hash, created_at AS at FROM ${MIGRATIONS_TABLE} ORDER BY created_at DESC LIMIT 1`).get() as
    | { hash: string; at: number | string }
    | undefined;
  if (!last) throw new Error('The database has no migrations applied.');
  const known = listMigrations(folder).find((m) => m.hash === last.hash || m.when === Number(last.at));
  return known ? { tag: known.tag, when: known.when } : { tag: `unknown-${String(last.hash).slice(0, 8)}`, when: Number(last.at) };
}

function apply(sqlite: Sqlite, migrations: MigrationInfo[]) {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      for (const m of migrations) {
        for (const s of m.statements) sqlite.prepare(s).run();
        sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} ("hash", "created_at") VALUES (?, ?)`).run(m.hash, m.when);
      }
    })();
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) throw new Error(`Migrating the file's data left ${violations.length} foreign key violation(s).`);
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

/** Brings an empty scratch database to migration `index` of the journal (inclusive). */
export function stageAt(sqlite: Sqlite, migrations: MigrationInfo[], index: number) {
  apply(sqlite, migrations.slice(0, index + 1));
}

/** Runs the migrations after `index` on a staged database. */
export function migrateFrom(sqlite: Sqlite, migrations: MigrationInfo[], index: number) {
  apply(sqlite, migrations.slice(index + 1));
}
