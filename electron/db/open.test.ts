import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WAL_AUTOCHECKPOINT, beginUpgradeBackup } from './upgrade-backup';
import { DatabaseTooNewError, openDatabase } from './open';
import { MIGRATIONS } from '../testing/core';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-db-'));

/** A migrations folder holding only the first migration, to make a database of an old version. */
function firstMigrationOnly(dir: string) {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8'));
  const partial = path.join(dir, 'partial-migrations');
  fs.mkdirSync(path.join(partial, 'meta'), { recursive: true });
  const first = journal.entries[0];
  fs.copyFileSync(path.join(MIGRATIONS, `${first.tag}.sql`), path.join(partial, `${first.tag}.sql`));
  fs.writeFileSync(path.join(partial, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
  return { partial, entries: journal.entries.length as number };
}

describe('openDatabase', () => {
  it('creates a migrated database with WAL and foreign keys on, and takes no backup for a new file', async () => {
    const dir = tmp();
    const db = await openDatabase({ file: path.join(dir, 'c.sqlite'), migrationsFolder: MIGRATIONS });
    expect(db.appliedMigrations).toBeGreaterThan(0);
    expect(db.backupPath).toBeNull();
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
    for (const t of ['applications', 'companies', 'contacts', 'interviews', 'notes', 'note_events', 'stationery_ledger', 'reminders', 'settings', 'templates', 'applications_fts', 'notes_fts', 'contacts_fts']) {
      expect(tables).toContain(t);
    }
    db.close();
    const again = await openDatabase({ file: path.join(dir, 'c.sqlite'), migrationsFolder: MIGRATIONS });
    expect(again.appliedMigrations).toBe(0);
    again.close();
  });

  it('backs up an existing database before applying pending migrations, keeping its rows', async () => {
    const dir = tmp();
    const file = path.join(dir, 'c.sqlite');
    // A database at the first migration only, with a row in it.
    const { partial, entries } = firstMigrationOnly(dir);
    const old = await openDatabase({ file, migrationsFolder: partial });
    old.sqlite.prepare("INSERT INTO companies (name) VALUES ('Acme')").run();
    old.sqlite.prepare("INSERT INTO applications (company_id, role) VALUES (1, 'Engineer')").run();
    old.close();

    const db = await openDatabase({ file, migrationsFolder: MIGRATIONS, now: () => Date.UTC(2026, 0, 2) });
    expect(db.appliedMigrations).toBe(entries - 1);
    expect(db.backupPath).toMatch(/pre-migration-2026-01-02/);
    expect(await db.backupDone).toMatchObject({ state: 'done', path: db.backupPath });
    expect(fs.existsSync(db.backupPath!)).toBe(true);
    const backup = new Database(db.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT role FROM applications').pluck().get()).toBe('Engineer');
    backup.close();
    // The row survived the migration and is searchable (0030 filled the index from old rows; the id is in the key's low bits).
    expect(db.sqlite.prepare('SELECT role FROM applications').pluck().get()).toBe('Engineer');
    expect(db.sqlite.prepare("SELECT rowid & 134217727 FROM applications_fts WHERE applications_fts MATCH 'engineer'").pluck().all()).toEqual([1]);
    db.close();
  });

  it('keeps in the pre-migration backup the writes a crashed run left in the WAL', async () => {
    const dir = tmp();
    const file = path.join(dir, 'c.sqlite');
    const { partial, entries } = firstMigrationOnly(dir);
    const old = await openDatabase({ file, migrationsFolder: partial });
    old.sqlite.prepare("INSERT INTO companies (name) VALUES ('Acme')").run();
    old.sqlite.prepare("INSERT INTO applications (company_id, role) VALUES (1, 'In the WAL')").run();
    // The process dies here: the file and its WAL are left as they are (copied before any close).
    const crashed = path.join(dir, 'crashed');
    fs.mkdirSync(crashed);
    for (const s of ['', '-wal']) fs.copyFileSync(file + s, path.join(crashed, 'c.sqlite' + s));
    expect(fs.statSync(file + '-wal').size).toBeGreaterThan(0);
    old.close();

    const db = await openDatabase({ file: path.join(crashed, 'c.sqlite'), migrationsFolder: MIGRATIONS });
    expect(db.appliedMigrations).toBe(entries - 1);
    expect((await db.backupDone).state).toBe('done');
    expect(fs.readdirSync(path.join(crashed, 'backups'))).toEqual([path.basename(db.backupPath!)]);
    const backup = new Database(db.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT role FROM applications').pluck().get()).toBe('In the WAL');
    expect(backup.pragma('quick_check', { simple: true })).toBe('ok');
    backup.close();
    db.close();
  });

  it('owes no background copy while another connection keeps the WAL from being folded in', async () => {
    const dir = tmp();
    const file = path.join(dir, 'c.sqlite');
    const db = await openDatabase({ file, migrationsFolder: MIGRATIONS });
    db.sqlite.prepare("INSERT INTO companies (name) VALUES ('Acme')").run();
    const reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM companies').get();
    db.sqlite.prepare("INSERT INTO companies (name) VALUES ('Beta')").run();
    db.sqlite.pragma('busy_timeout = 0');
    const target = path.join(dir, 'backups', 'b.sqlite');
    expect(beginUpgradeBackup(db.sqlite, file, target, Promise.resolve())).toBeNull();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT);
    reader.exec('COMMIT');
    reader.close();
    const owed = beginUpgradeBackup(db.sqlite, file, target, Promise.resolve());
    expect(await owed!.done).toMatchObject({ state: 'done', path: target });
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT name FROM companies ORDER BY id').pluck().all()).toEqual(['Acme', 'Beta']);
    copy.close();
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const dir = tmp();
    const file = path.join(dir, 'c.sqlite');
    const db = await openDatabase({ file, migrationsFolder: MIGRATIONS });
    db.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999);
    db.close();
    const before = fs.readFileSync(file);
    await expect(openDatabase({ file, migrationsFolder: MIGRATIONS })).rejects.toBeInstanceOf(DatabaseTooNewError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('throws when the migrations folder is missing', async () => {
    await expect(openDatabase({ file: ':memory:', migrationsFolder: path.join(tmp(), 'nope') })).rejects.toThrow(/Migrations folder/);
  });
});

// The additive-only guard and the per-migration data tests live in migrations.test.ts and
// migrations-data.test.ts.
