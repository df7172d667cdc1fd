// Each shape of damaged or mismatched file: opening refuses or recovers, names the file, and the
// person's bytes are unchanged (in place, or moved whole into recovery/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { backupTo, OpenRefusedError, openDatabase, type OpenedDb } from './open';
import { MIGRATIONS } from '../testing/core';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-rec-'));
const open = (file: string) => openDatabase({ file, migrationsFolder: MIGRATIONS });

function addApps(db: Database.Database, n: number, role = 'Engineer') {
  db.transaction(() => {
    const company = Number(db.prepare("INSERT INTO companies (name) VALUES ('Acme " + role + "')").run().lastInsertRowid);
    const ins = db.prepare('INSERT INTO applications (company_id, role, notes) VALUES (?, ?, ?)');
    for (let i = 0; i < n; i++) ins.run(company, `${role} ${i}`, 'x'.repeat(200));
  })();
}
const roles = (db: OpenedDb) => db.sqlite.prepare('SELECT role FROM applications ORDER BY id').pluck().all() as string[];

/** Copies a live database's files as a crash would leave them (the WAL not yet checkpointed). */
function crashCopy(file: string, dir: string, withMain = true) {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, 'courtesy.sqlite');
  if (withMain) fs.copyFileSync(file, target);
  fs.copyFileSync(file + '-wal', target + '-wal');
  return target;
}

async function refusal(p: Promise<unknown>): Promise<OpenRefusedError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OpenRefusedError);
  return err as OpenRefusedError;
}

function recoveryFiles(dataDir: string) {
  const root = path.join(dataDir, 'recovery');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));
}

describe('opening after a crash', () => {
  it('replays a WAL that belongs to the file, keeping every committed row and leaving no recovery copy', async () => {
    const dir = tmp();
    const db = await open(path.join(dir, 'live.sqlite'));
    addApps(db.sqlite, 50);
    const copy = crashCopy(path.join(dir, 'live.sqlite'), path.join(dir, 'crashed'));
    db.close();
    expect(fs.statSync(copy + '-wal').size).toBeGreaterThan(0);
    const again = await open(copy);
    expect(roles(again)).toHaveLength(50);
    again.close();
    expect(recoveryFiles(path.join(dir, 'crashed'))).toEqual([]);
  });

  it('moves a WAL without its main file aside and rebuilds a restorable backup from it', async () => {
    const dir = tmp();
    // A database whose whole content is still in its WAL (never checkpointed), as after a kill on first use.
    const live = new Database(path.join(dir, 'live.sqlite'));
    live.pragma('journal_mode = WAL');
    live.pragma('wal_autocheckpoint = 0');
    migrate(drizzle(live), { migrationsFolder: MIGRATIONS });
    addApps(live, 30);
    for (const withEmptyMain of [false, true]) {
      const dataDir = path.join(dir, withEmptyMain ? 'empty-main' : 'no-main');
      const file = crashCopy(path.join(dir, 'live.sqlite'), dataDir, false);
      if (withEmptyMain) fs.writeFileSync(file, '');
      const walBytes = fs.readFileSync(file + '-wal');
      const err = await refusal(open(file));
      expect(err.reason).toBe('orphan_wal');
      expect(err.message).toContain(file);
      expect(err.message).toContain(err.details.setAside!);
      const kept = recoveryFiles(dataDir).find((f) => f.endsWith('-wal'))!;
      expect(fs.readFileSync(kept).equals(walBytes)).toBe(true);
      // The rebuilt database holds the rows and is offered as a backup.
      const rebuilt = new Database(err.details.backup!, { readonly: true });
      expect(rebuilt.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(30);
      rebuilt.close();
      // Starting again opens an empty database; nothing set aside is touched.
      const fresh = await open(file);
      expect(roles(fresh)).toEqual([]);
      fresh.close();
      expect(fs.readFileSync(kept).equals(walBytes)).toBe(true);
    }
    live.close();
  });

  it('refuses a WAL from another database, keeping both files byte for byte', async () => {
    const dir = tmp();
    const mine = await open(path.join(dir, 'mine', 'courtesy.sqlite'));
    addApps(mine.sqlite, 20, 'Mine');
    mine.close();
    const other = await open(path.join(dir, 'other', 'courtesy.sqlite'));
    addApps(other.sqlite, 200, 'Other');
    const file = path.join(dir, 'mine', 'courtesy.sqlite');
    const before = fs.readFileSync(file);
    fs.copyFileSync(path.join(dir, 'other', 'courtesy.sqlite-wal'), file + '-wal');
    const foreignWal = fs.readFileSync(file + '-wal');
    other.close();

    const err = await refusal(open(file));
    expect(err.reason).toBe('wal_mismatch');
    expect(err.message).toContain(file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const kept = recoveryFiles(path.join(dir, 'mine'));
    expect(fs.readFileSync(kept.find((f) => f.endsWith('-wal'))!).equals(foreignWal)).toBe(true);
    expect(fs.readFileSync(kept.find((f) => f.endsWith('.sqlite'))!).equals(before)).toBe(true);
    const again = await open(file);
    expect(roles(again)).toHaveLength(20);
    expect(roles(again)[0]).toBe('Mine 0');
    again.close();
  });
});

describe('opening a damaged file', () => {
  const shapes: [string, (b: Buffer) => Buffer][] = [
    [
      'random bytes over middle pages',
      (b) => {
        const out = Buffer.from(b);
        let seed = 7;
        for (let i = Math.floor(b.length / 3); i < Math.floor((2 * b.length) / 3); i++) out[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
        return out;
      },
    ],
    ['truncated to half', (b) => b.subarray(0, Math.floor(b.length / 2 / 4096) * 4096 + 1000)],
    ['header overwritten', (b) => Buffer.concat([Buffer.alloc(100, 0x41), b.subarray(100)])],
    ['not a database at all', () => Buffer.from('name,role\nAcme,Engineer\n'.repeat(500))],
  ];

  for (const [shape, damage] of shapes) {
    it(`${shape}: moved aside unchanged, and the newest sound backup offered`, async () => {
      const dir = tmp();
      const file = path.join(dir, 'courtesy.sqlite');
      const db = await open(file);
      addApps(db.sqlite, 400);
      const backup = path.join(dir, 'backups', 'courtesy-manual-1.sqlite');
      await backupTo(db.sqlite, backup);
      // A damaged newer "backup" must not be the one offered.
      fs.writeFileSync(path.join(dir, 'backups', 'courtesy-manual-2.sqlite'), 'junk');
      db.close();
      const damaged = damage(fs.readFileSync(file));
      fs.writeFileSync(file, damaged);

      const err = await refusal(open(file));
      expect(err.reason).toBe('damaged');
      expect(err.message).toContain(file);
      expect(err.message).toContain('courtesy-manual-1.sqlite');
      expect(err.details.backup).toBe(backup);
      expect(fs.existsSync(file)).toBe(false);
      const kept = recoveryFiles(dir).find((f) => f.endsWith('courtesy.sqlite'))!;
      expect(fs.readFileSync(kept).equals(damaged)).toBe(true);
    });
  }

  it('refuses a newer version with a WAL beside it without changing either file', async () => {
    const dir = tmp();
    const file = path.join(dir, 'courtesy.sqlite');
    const db = await open(file);
    const snapshot = path.join(dir, 'snap');
    db.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999);
    const copy = crashCopy(file, snapshot);
    db.close();
    const main = fs.readFileSync(copy);
    const wal = fs.readFileSync(copy + '-wal');
    const err = await refusal(open(copy));
    expect(err.reason).toBe('too_new');
    expect(fs.readFileSync(copy).equals(main)).toBe(true);
    expect(fs.readFileSync(copy + '-wal').equals(wal)).toBe(true);
  });
});
