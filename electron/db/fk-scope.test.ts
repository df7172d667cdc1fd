// The foreign key check after migrations reads only what they could have broken, and still finds what
// they broke: a migration that deletes a parent row is refused at start-up, one that adds an index reads
// nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../testing/core';
import { withExtraMigration } from '../testing/extra-migration';
import { scopedForeignKeyCheck, tablesToCheck, tablesWritten } from './fk-scope';
import { openDatabase } from './open';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-fk-'));
const sqlOf = (tag: string) => readMigrationFiles({ migrationsFolder: MIGRATIONS })[Number(tag.slice(0, 4))].sql;

describe('which tables a migration can have broken', () => {
  it('names none for an index, whole tables for a rebuild, and the columns an UPDATE sets', () => {
    expect(tablesWritten(sqlOf('0020_today_due_index'))).toEqual(new Map());
    expect(tablesWritten(['CREATE TRIGGER t AFTER UPDATE OF stage ON applications BEGIN SELECT 1; END'])).toEqual(new Map());
    expect(tablesWritten(['ALTER TABLE `notes` ADD `interview_end_at` integer'])).toEqual(new Map());
    expect(
      tablesWritten([
        'CREATE TABLE `__new_notes` (`id` integer PRIMARY KEY)',
        'INSERT INTO `__new_notes`("id") SELECT "id" FROM `notes`',
        'DROP TABLE `notes`',
        'ALTER TABLE `__new_notes` RENAME TO `notes`',
        "UPDATE contacts SET name = trim(name), `email` = (SELECT 'a,b' FROM x WHERE y = 1) WHERE id > 0",
        'UPDATE OR IGNORE stages SET (kind, position) = (1, 2);',
        'DELETE FROM "reminders" WHERE 0',
        'ALTER TABLE `offers` ADD `company_id` integer REFERENCES companies(id)',
      ]),
    ).toEqual(
      new Map<string, unknown>([
        ['__new_notes', 'all'],
        ['notes', 'all'],
        ['reminders', 'all'],
        ['offers', 'all'],
        ['contacts', new Set(['name', 'email'])],
        ['stages', new Set(['kind', 'position'])],
      ]),
    );
  });

  it('adds what triggers write, tables whose own keys changed and tables whose keys point at changed rows', async () => {
    const db = await openDatabase({ file: path.join(tmp(), 'c.sqlite'), migrationsFolder: MIGRATIONS });
    try {
      const scope = (sql: string) => tablesToCheck(db.sqlite, tablesWritten([sql]));
      // Deleted companies: applications point at them.
      expect(scope('DELETE FROM companies')).toEqual(expect.arrayContaining(['applications']));
      expect(scope('DELETE FROM companies')).not.toContain('notes');
      // A changed key column of applications is checked; a plain column is not, nor is anything pointing at applications.
      expect(scope('UPDATE applications SET company_id = 2')).toEqual(['applications']);
      expect(scope("UPDATE applications SET role = 'x'")).toEqual([]);
      expect(scope('UPDATE applications SET id = id + 1')).toEqual(expect.arrayContaining(['interviews', 'notes']));
      // The due-copies migration fills new plain columns through triggers: nothing to read.
      expect(tablesToCheck(db.sqlite, tablesWritten(sqlOf('0023_today_due_copies')))).toEqual([]);
      expect(scopedForeignKeyCheck(db.sqlite, sqlOf('0020_today_due_index'))).toEqual([]);
    } finally {
      db.close();
    }
  });
});

/** A database of the current version holding Acme and one application there. */
async function bookWithOneApplication() {
  const dir = tmp();
  const file = path.join(dir, 'c.sqlite');
  const db = await openDatabase({ file, migrationsFolder: MIGRATIONS });
  db.sqlite.prepare("INSERT INTO companies (name) VALUES ('Acme')").run();
  db.sqlite.prepare("INSERT INTO applications (company_id, role) VALUES (1, 'Engineer')").run();
  db.close();
  return { dir, file };
}

describe('the check after migrations at start-up', () => {
  it('refuses a migration that leaves an application without its company, naming the backup to restore', async () => {
    const { dir, file } = await bookWithOneApplication();
    const folder = withExtraMigration(MIGRATIONS, dir, 'DELETE FROM `companies` WHERE `id` = 1;');
    await expect(openDatabase({ file, migrationsFolder: folder })).rejects.toThrow(/^Migration left 1 foreign key violation; restore from .*pre-migration.*\.sqlite\.$/);
  });

  it('refuses a migration that points an application at a company that does not exist', async () => {
    const { dir, file } = await bookWithOneApplication();
    const folder = withExtraMigration(MIGRATIONS, dir, 'UPDATE `applications` SET `role` = upper(`role`), `company_id` = 42;');
    await expect(openDatabase({ file, migrationsFolder: folder })).rejects.toThrow(/^Migration left 1 foreign key violation/);
  });

  it('lets a migration that only adds an index through', async () => {
    const dir = tmp();
    const file = path.join(dir, 'c.sqlite');
    (await openDatabase({ file, migrationsFolder: MIGRATIONS })).close();
    const folder = withExtraMigration(MIGRATIONS, dir, 'CREATE INDEX `extra_role` ON `applications` (`role`);');
    const db = await openDatabase({ file, migrationsFolder: folder });
    expect(db.appliedMigrations).toBe(1);
    expect(db.backupPath).not.toBeNull();
    db.close();
  });
});
