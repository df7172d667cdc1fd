// The migration test helper (a database brought to any migration) and the additive-only guard, which
// compares the schema before and after every migration in the journal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from './open';
import { appliedTags, dbAt, emptyDb, listMigrations, migrateTo, migrationIndex, MIGRATIONS_FOLDER } from '../testing/migrations';
import { allRows, seedRows } from '../testing/migration-seed';
import { schemaRegressions, schemaShape, unwaived, type Finding, type GuardException } from '../testing/schema-guard';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-migrations-'));
const migrations = listMigrations();
const tags = migrations.map((m) => m.tag);
// The bookkeeping table is compared by its columns: drizzle's CREATE text has its own whitespace.
const schemaSql = (sqlite: Sqlite) => [
  sqlite.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY type, name").all(),
  sqlite.prepare("SELECT * FROM pragma_table_xinfo('__drizzle_migrations')").all(),
];
const bookkeeping = (sqlite: Sqlite) => sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at').all();

describe('migration test helper', () => {
  it('brings a new database to a migration given by tag or by index, and no further', () => {
    const byTag = dbAt('0001_search');
    expect(appliedTags(byTag)).toEqual(tags.slice(0, 2));
    expect(byTag.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'applications_fts'").pluck().get()).toBe(1);
    expect(byTag.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'notes_arrival'").pluck().get()).toBe(0);
    const byIndex = dbAt(1);
    expect(schemaSql(byIndex)).toEqual(schemaSql(byTag));
    expect(appliedTags(dbAt(-1))).toEqual([]);
  });

  it('refuses a migration that is not in the journal', () => {
    expect(() => migrationIndex('0001_serach')).toThrow(/No migration "0001_serach".*0000_init/);
    expect(() => migrationIndex(migrations.length)).toThrow(/No migration/);
  });

  it('migrates one step at a time and does nothing when already there', () => {
    const db = dbAt(0);
    expect(migrateTo(db, 0)).toBe(0);
    expect(migrateTo(db, 1)).toBe(1);
    expect(migrateTo(db, 0)).toBe(0);
    expect(appliedTags(db)).toEqual(tags.slice(0, 2));
  });

  it('records exactly what drizzle records, and builds the same schema as the real open', async () => {
    const ours = dbAt(migrations.length - 1);
    const real = await openDatabase({ file: ':memory:', migrationsFolder: MIGRATIONS_FOLDER });
    expect(bookkeeping(ours)).toEqual(bookkeeping(real.sqlite));
    expect(schemaSql(ours)).toEqual(schemaSql(real.sqlite));
    real.close();
  });

  it('leaves a file that the real open continues from, keeping the rows', async () => {
    const dir = tmp();
    const file = path.join(dir, 'c.sqlite');
    const old = dbAt('0001_search', file);
    seedRows(old, 'old');
    const rowsBefore = allRows(old);
    old.close();

    const db = await openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER, now: () => Date.UTC(2026, 0, 2) });
    expect(db.appliedMigrations).toBe(migrations.length - 2);
    expect(db.backupPath).toMatch(/pre-migration-2026-01-02/);
    expect(appliedTags(db.sqlite)).toEqual(tags);
    const fresh = await openDatabase({ file: ':memory:', migrationsFolder: MIGRATIONS_FOLDER });
    expect(schemaSql(db.sqlite)).toEqual(schemaSql(fresh.sqlite));
    expect(bookkeeping(db.sqlite)).toEqual(bookkeeping(fresh.sqlite));
    const rowsAfter = allRows(db.sqlite);
    // Only the columns that existed before are compared: a later migration may add columns with defaults.
    const pick = (row: Record<string, unknown>, like: Record<string, unknown>) => Object.fromEntries(Object.keys(like).map((k) => [k, row[k]]));
    for (const [table, rows] of rowsBefore) {
      expect((rowsAfter.get(table) ?? []).map((r, i) => pick(r as Record<string, unknown>, (rows[i] ?? {}) as Record<string, unknown>)), table).toEqual(rows);
    }
    fresh.close();
    db.close();
  });
});

// Waivers for the guard, one per object per migration, each with its reason. A migration that drops
// and recreates an FTS trigger on purpose (to index a new column, say) lists that trigger here, with
// the migration's tag; nothing else should ever need to.
const SEARCH_IN_NAME_ORDER = 'contacts_fts keys each contact by a code of its name and its id (0028), so the triggers find its row by that key; they index the same text as before.';
const SEARCH_IN_MOVE_ORDER = 'applications_fts keys each application by the second of its last stage move and its id (0030), so the triggers find its row by that key; they index the same text as before.';
const SEARCH_EVERY_EMAIL = 'The contacts FTS row now takes every email of the contact from contact_emails, not only the primary mirror.';
const GUARD_EXCEPTIONS: readonly GuardException[] = [
  {
    migration: '0029_contact_last_interaction',
    object: 'interview_participants_contact',
    why: 'Widened, not narrowed: the same leading contact_id, with the interview id after it; every query it served it serves.',
  },
  {
    migration: '0029_contact_last_interaction',
    object: 'notes_contact',
    why: 'Widened, not narrowed: the same leading contact_id, with the time the note was sent or mailed after it; every query it served it serves.',
  },
  { migration: '0030_applications_search_order', object: 'applications_fts', why: SEARCH_IN_MOVE_ORDER },
  { migration: '0030_applications_search_order', object: 'applications_fts_ai', why: SEARCH_IN_MOVE_ORDER },
  { migration: '0030_applications_search_order', object: 'applications_fts_au', why: SEARCH_IN_MOVE_ORDER },
  { migration: '0030_applications_search_order', object: 'applications_fts_ad', why: SEARCH_IN_MOVE_ORDER },
  { migration: '0030_applications_search_order', object: 'companies_fts_au', why: SEARCH_IN_MOVE_ORDER },
  { migration: '0028_contacts_search_order', object: 'contacts_fts', why: SEARCH_IN_NAME_ORDER },
  { migration: '0028_contacts_search_order', object: 'contacts_fts_ai', why: SEARCH_IN_NAME_ORDER },
  { migration: '0028_contacts_search_order', object: 'contacts_fts_au', why: SEARCH_IN_NAME_ORDER },
  { migration: '0028_contacts_search_order', object: 'contacts_fts_ad', why: SEARCH_IN_NAME_ORDER },
  { migration: '0028_contacts_search_order', object: 'companies_fts_au', why: SEARCH_IN_NAME_ORDER },
  { migration: '0028_contacts_search_order', object: 'contact_emails_fts_ai', why: SEARCH_IN_NAME_ORDER },
  { migration: '0028_contacts_search_order', object: 'contact_emails_fts_au', why: SEARCH_IN_NAME_ORDER },
  { migration: '0028_contacts_search_order', object: 'contact_emails_fts_ad', why: SEARCH_IN_NAME_ORDER },
  { migration: '0010_contact_email_search', object: 'contacts_fts_ai', why: SEARCH_EVERY_EMAIL },
  { migration: '0010_contact_email_search', object: 'contacts_fts_au', why: SEARCH_EVERY_EMAIL },
  {
    migration: '0023_today_due_copies',
    object: 'notes_open_drafts_due',
    why: 'Widened, not narrowed: the same rows by the same leading due_at, with the copies Today counts from; every query it served before it serves now.',
  },
  {
    migration: '0023_today_due_copies',
    object: 'notes_revision_au',
    why: 'A write that changes only the copies the triggers keep (not the note) leaves the revision alone; every other write bumps it as before.',
  },
  {
    migration: '0025_interviews_start_end',
    object: 'interviews_start',
    why: 'Replaced by interviews_start_end (start_at, end_at): the same leading start_at, so every query it served, the new index serves.',
  },
];

describe('additive-only guard over every migration', () => {
  it.each(migrations.map((m) => [m.tag, m.idx] as const))('%s removes or narrows nothing', (tag, idx) => {
    const db = dbAt(idx - 1);
    const before = schemaShape(db);
    migrateTo(db, idx);
    expect(unwaived(schemaRegressions(before, schemaShape(db)), tag, GUARD_EXCEPTIONS)).toEqual([]);
  });

  it('names only migrations that exist in its exceptions', () => {
    for (const e of GUARD_EXCEPTIONS) expect(tags, e.why).toContain(e.migration);
  });
});

describe('additive-only guard: sanity cases', () => {
  // A small schema with every kind of object the guard watches, a migration applied to it, and what
  // the guard says about the step.
  const BASE = `
    CREATE TABLE tags (id integer PRIMARY KEY, label text NOT NULL);
    CREATE TABLE kids (
      id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      name text NOT NULL,
      age integer,
      nickname text
    );
    CREATE INDEX kids_name ON kids (name);
    CREATE INDEX kids_young ON kids (age) WHERE age < 18;
    CREATE UNIQUE INDEX tags_label ON tags (lower(label));
    CREATE VIRTUAL TABLE kids_fts USING fts5(name);
    CREATE TRIGGER kids_ai AFTER INSERT ON kids BEGIN INSERT INTO kids_fts(rowid, name) VALUES (new.id, new.name); END;
    INSERT INTO kids (name, age) VALUES ('Ada', 9);
  `;
  const KIDS_OBJECTS = `
    CREATE INDEX kids_name ON kids (name);
    CREATE INDEX kids_young ON kids (age) WHERE age < 18;
    CREATE TRIGGER kids_ai AFTER INSERT ON kids BEGIN INSERT INTO kids_fts(rowid, name) VALUES (new.id, new.name); END;
  `;
  /** drizzle-kit's way to change a table SQLite cannot ALTER: build a new one, copy, drop, rename. */
  const rebuildKids = (columns: string, copy: string) => `
    CREATE TABLE __new_kids (${columns});
    INSERT INTO __new_kids SELECT ${copy} FROM kids;
    DROP TABLE kids;
    ALTER TABLE __new_kids RENAME TO kids;
    ${KIDS_OBJECTS}
  `;
  const KIDS_COLUMNS = 'id integer PRIMARY KEY AUTOINCREMENT NOT NULL, name text NOT NULL, age integer, nickname text';

  function guard(step: string, exceptions: readonly GuardException[] = []): Finding[] {
    const db = new Database(':memory:');
    db.exec(BASE);
    const before = schemaShape(db);
    db.exec(step);
    return unwaived(schemaRegressions(before, schemaShape(db)), '9999_step', exceptions);
  }
  const objects = (findings: Finding[]) => findings.map((f) => f.object).sort();

  it('accepts a purely additive migration, new NOT NULL columns in a new table included', () => {
    expect(
      guard(`
        CREATE TABLE pets (id integer PRIMARY KEY, kid_id integer NOT NULL REFERENCES kids(id), name text NOT NULL);
        CREATE INDEX pets_kid ON pets (kid_id);
        ALTER TABLE kids ADD COLUMN school text;
        ALTER TABLE kids ADD COLUMN grade integer NOT NULL DEFAULT 0;
        CREATE INDEX kids_grade ON kids (grade);
        CREATE TRIGGER kids_ad AFTER DELETE ON kids BEGIN DELETE FROM kids_fts WHERE rowid = old.id; END;
        CREATE VIEW young AS SELECT * FROM kids WHERE age < 18;
      `),
    ).toEqual([]);
  });

  it('accepts a table rebuild that keeps every column, index and trigger (a regex on DROP would not)', () => {
    expect(guard(rebuildKids(`${KIDS_COLUMNS}, CHECK (age >= 0)`, '*'))).toEqual([]);
  });

  it('catches a dropped table', () => {
    expect(guard('DROP TABLE tags')).toEqual([
      { object: 'tags', problem: 'table dropped (or renamed)' },
      { object: 'tags_label', problem: 'index dropped (or renamed)' },
    ]);
  });

  it('catches a renamed table', () => {
    // Its index moves with it, to a table the old name no longer reaches.
    expect(objects(guard('ALTER TABLE tags RENAME TO labels'))).toEqual(['tags', 'tags_label']);
  });

  it('catches a dropped column', () => {
    expect(guard('ALTER TABLE kids DROP COLUMN nickname')).toEqual([{ object: 'kids.nickname', problem: 'column dropped (or renamed)' }]);
  });

  it('catches a renamed column, however it is spelled', () => {
    expect(objects(guard('ALTER TABLE kids RENAME COLUMN nickname TO alias'))).toEqual(['kids.nickname']);
    expect(objects(guard(rebuildKids('id integer PRIMARY KEY AUTOINCREMENT NOT NULL, name text NOT NULL, age integer, alias text', '*')))).toEqual([
      'kids.nickname',
    ]);
  });

  it('catches a NOT NULL column without a default added to an existing table', () => {
    expect(guard(rebuildKids(`${KIDS_COLUMNS}, school text NOT NULL`, "*, ''"))).toEqual([
      { object: 'kids.school', problem: 'NOT NULL column added to an existing table without a default' },
    ]);
  });

  it('catches a column whose type changes or that becomes NOT NULL', () => {
    const findings = guard(rebuildKids('id integer PRIMARY KEY AUTOINCREMENT NOT NULL, name text NOT NULL, age text, nickname text NOT NULL', "id, name, age, coalesce(nickname, '')"));
    expect(findings).toEqual([
      { object: 'kids.age', problem: 'column type changed from INTEGER to TEXT' },
      { object: 'kids.nickname', problem: 'column became NOT NULL' },
    ]);
  });

  it('catches a dropped or changed index, partial and expression indexes included', () => {
    expect(guard('DROP INDEX kids_name')).toEqual([{ object: 'kids_name', problem: 'index dropped (or renamed)' }]);
    expect(objects(guard('DROP INDEX kids_young; CREATE INDEX kids_young ON kids (age) WHERE age < 12;'))).toEqual(['kids_young']);
    expect(objects(guard('DROP INDEX kids_name; CREATE UNIQUE INDEX kids_name ON kids (name);'))).toEqual(['kids_name']);
    expect(objects(guard('DROP INDEX tags_label; CREATE UNIQUE INDEX tags_label ON tags (upper(label));'))).toEqual(['tags_label']);
  });

  it('catches a dropped or redefined trigger and a redefined virtual table', () => {
    expect(guard('DROP TRIGGER kids_ai')).toEqual([{ object: 'kids_ai', problem: 'trigger dropped (or renamed)' }]);
    expect(
      guard(`DROP TRIGGER kids_ai;
        CREATE TRIGGER kids_ai AFTER INSERT ON kids BEGIN INSERT INTO kids_fts(rowid, name) VALUES (new.id, upper(new.name)); END;`),
    ).toEqual([{ object: 'kids_ai', problem: 'trigger redefined' }]);
    expect(objects(guard("DROP TABLE kids_fts; CREATE VIRTUAL TABLE kids_fts USING fts5(name, tokenize = 'porter');"))).toEqual(['kids_fts']);
  });

  it('waives a finding only for the object and migration an exception names', () => {
    const step = `DROP TRIGGER kids_ai;
      CREATE TRIGGER kids_ai AFTER INSERT ON kids BEGIN INSERT INTO kids_fts(rowid, name) VALUES (new.id, lower(new.name)); END;
      DROP INDEX kids_name;`;
    const why = 'test: the trigger is recreated on purpose';
    expect(objects(guard(step, [{ migration: '9999_step', object: 'kids_ai', why }]))).toEqual(['kids_name']);
    expect(objects(guard(step, [{ migration: '0001_other', object: 'kids_ai', why }]))).toEqual(['kids_ai', 'kids_name']);
  });

  it('describes the real schema: every table, index and FTS trigger of the app', () => {
    const shape = schemaShape(dbAt(migrations.length - 1));
    expect(shape.tables.get('applications')?.columns.get('role')).toEqual({ type: 'TEXT', notnull: true, hasDefault: false, pk: 0 });
    expect(shape.tables.get('applications_fts')?.kind).toBe('virtual');
    expect(shape.indexes.get('interviews_undebriefed')).toMatch(/ON interviews \(end_at BINARY\) WHERE "interviews"."debriefed_at" IS NULL/);
    expect(shape.indexes.get('contacts_email')).toMatch(/<expr>.*lower\("email"\)/);
    expect([...shape.triggers.keys()]).toContain('companies_fts_au');
    expect(emptyDb().prepare('SELECT count(*) FROM sqlite_schema').pluck().get()).toBe(0);
  });
});
