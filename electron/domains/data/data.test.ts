// Everything out and back in, on real SQLite with the real migrations: export a database that has a row
// in every table, import into a new one, export again and compare the bytes; then every way a file can
// be refused, each time with the database left exactly as it was.
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { seedRows } from '../../testing/migration-seed';
import { dbAt, migrateTo } from '../../testing/migrations';
import { UPLOAD_PART_CHARS } from '../../shared/data-export';
import { FORMAT_NAME, readSequences, readTables, serialize } from './format';
import { EXCLUDED_KINDS, EXCLUDED_TABLES, insertionOrder, listTables } from './tables';
import { listMigrations } from './versions';
import { MIGRATIONS } from '../../testing/core';
import { runPython } from '../../testing/external';

const NOW = Date.UTC(2026, 11, 5, 21, 0, 0);
const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

async function core() {
  const c = await testCore({ now: NOW });
  cores.push(c);
  return c;
}

/** Sends a file the way the page does: in parts, then the import. */
async function importText(c: TestCore, text: string, parts = Math.max(1, Math.ceil(text.length / UPLOAD_PART_CHARS))) {
  const uploadId = `test-${Math.random().toString(36).slice(2, 10)}`;
  const size = Math.ceil(text.length / parts);
  for (let part = 0; part < parts; part++) {
    await c.api('data.upload', { uploadId, part, parts, text: text.slice(part * size, (part + 1) * size) });
  }
  return c.api('data.import', { uploadId, confirm: true });
}

/** A database with rows in every table, changed through the API too (revisions, deletions, settings). */
async function seeded() {
  const c = await core();
  const alpha = seedRows(c.ctx.sqlite, 'alpha');
  const beta = seedRows(c.ctx.sqlite, 'beta');
  await c.api('settings.update', { profile: { name: 'Sam Rivera' }, thankYouDueHours: 12 });
  const note = await c.api('notes.get', { id: beta.note });
  await c.api('notes.update', { id: beta.note, revision: note.revision, body: 'Thank you — “quoted”, emoji 🎉, and a\nnew line.' });
  // A deleted row leaves its id used: the AUTOINCREMENT counter must come back too.
  const gone = await c.api('applications.create', { company: 'Gone Ltd', role: 'Temp' });
  await c.api('applications.delete', { id: gone.id, confirm: true });
  // Several emails, phones and addresses, one of each primary (mirrored onto contacts by triggers).
  await c.api('contacts.create', {
    givenName: 'Mei',
    familyName: 'Tanaka',
    emails: [{ address: 'mei@work.example', label: 'work' }, { address: 'mei@home.example', label: 'home', isPrimary: true }],
    phones: [{ number: '+81 3 1234 5678', label: 'work' }, { number: '+81 90 0000 0000', label: 'mobile' }],
    addresses: [{ lines: '1-2-3 Marunouchi', city: 'Tokyo', country: 'Japan', label: 'work' }, { city: 'Osaka', country: 'Japan', label: 'home' }],
  });
  // A document: its bytes are a BLOB (any byte value), stored once for two applications.
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 0xfe, 0xff, 0x80])]).toString('base64');
  for (const applicationId of [alpha.application, beta.application]) {
    await c.api('documents.add', { applicationId, name: 'CV.pdf', base64: pdf, kind: 'resume', label: 'v3' });
  }
  // A desktop notice shown: exported, so a file imported elsewhere does not ring for it again.
  await c.api('notifications.ack', { keys: [`note_overdue:${beta.note}:${NOW}`] });
  fillEmptyTables(c);
  return c;
}

/**
 * A row in each table the seed above does not reach yet (a table added since), made from its columns:
 * foreign keys point at the first row of their parent, other columns get a value of their type. So the
 * round trip covers a new table the day it lands; a proper seed for it is still better.
 */
function fillEmptyTables(c: TestCore) {
  const sqlite = c.ctx.sqlite;
  for (const t of insertionOrder(listTables(sqlite).exported)) {
    if (sqlite.prepare(`SELECT 1 FROM "${t.name}" LIMIT 1`).get()) continue;
    const fks = sqlite.prepare('SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)').all(t.name) as Array<{ from: string; table: string; to: string | null }>;
    const values = t.columns
      .filter((col) => !(col.pk === 1 && col.affinity === 'integer' && t.orderBy.length === 1))
      .map((col) => {
        const fk = fks.find((f) => f.from === col.name);
        if (fk) return [col.name, sqlite.prepare(`SELECT "${fk.to ?? 'id'}" FROM "${fk.table}" ORDER BY 1 LIMIT 1`).pluck().get()];
        return [col.name, col.affinity === 'text' ? `${t.name} ${col.name}` : 7];
      });
    sqlite.prepare(`INSERT INTO "${t.name}" (${values.map(([k]) => `"${String(k)}"`).join(', ')}) VALUES (${values.map(() => '?').join(', ')})`).run(values.map(([, v]) => v));
  }
}

const fts = (c: TestCore, t: string) => c.ctx.sqlite.prepare(`SELECT rowid, * FROM ${t} ORDER BY rowid`).all();

describe('export and import', () => {
  it('exports, imports into a new database and exports the same bytes again', async () => {
    const a = await seeded();
    for (const t of listTables(a.ctx.sqlite).exported) {
      const n = a.ctx.sqlite.prepare(`SELECT count(*) FROM "${t.name}"`).pluck().get() as number;
      expect(n, `the seed leaves ${t.name} empty: give it a row in seeded() so the round trip covers it`).toBeGreaterThan(0);
    }
    const first = await a.api('data.export', {});
    expect(first.filename).toBe('courtesy-export-2026-12-05T21-00-00.json');
    const file = JSON.parse(first.content) as Record<string, unknown>;
    expect(file).toMatchObject({ format: FORMAT_NAME, formatVersion: 1, schemaVersion: listMigrations(MIGRATIONS).at(-1)!.tag, appVersion: '0.0.0-test', exportedAt: '2026-12-05T21:00:00.000Z' });
    expect((file.sequences as Record<string, number>).applications).toBe(3);

    // Python's own JSON parser, strict about numbers (no NaN or Infinity), reads the same file the same way.
    const py = runPython(
      `import json, sys
def bad(c): raise ValueError('not JSON: ' + c)
f = json.load(sys.stdin, parse_constant=bad)
assert f['format'] == 'courtesy-export' and f['formatVersion'] == 1
for name, rows in f['tables'].items():
    assert f['counts'][name] == len(rows), name
    assert all(list(r.keys()) == list(rows[0].keys()) for r in rows), name
print(json.dumps({'rows': sum(len(r) for r in f['tables'].values()), 'bodies': sorted(n['body'] for n in f['tables']['notes'])}))`,
      first.content,
    );
    const bodies = (a.ctx.sqlite.prepare('SELECT body FROM notes').pluck().all() as string[]).sort();
    const read = JSON.parse(py) as { rows: number; bodies: string[] };
    expect(read.rows).toBe(first.rows);
    expect(read.bodies.sort()).toEqual(bodies);

    const b = await core();
    expect((await b.api('data.status', {})).empty).toBe(true);
    const result = await importText(b, first.content, 3);
    expect(result.migratedFrom).toBeNull();
    expect(result.rows).toBe(first.rows);
    const second = await b.api('data.export', {});
    expect(second.content).toBe(first.content);

    // The full-text indexes hold the same entries, and search finds imported rows.
    for (const t of ['applications_fts', 'contacts_fts', 'notes_fts']) expect(fts(b, t)).toEqual(fts(a, t));
    // So do the stage counts (migration 0031), kept by the triggers as the rows come in.
    const counts = (c: typeof a) => c.ctx.sqlite.prepare('SELECT stage, live, archived FROM application_stage_counts WHERE live + archived > 0 ORDER BY stage').all();
    expect(counts(b)).toEqual(counts(a));
    expect((await b.api('applications.list', { search: 'beta' })).total).toBe(1);
    expect((await b.api('settings.get', {})).profile.name).toBe('Sam Rivera');
    expect((await b.api('data.status', {})).empty).toBe(false);
    // The next id continues after the deleted one, as it would have in the original.
    const next = await b.api('applications.create', { company: 'Next Co', role: 'Role' });
    expect(next.id).toBe(4);
  });

  it('takes a table added by a later migration along without being told about it', async () => {
    // What another change's migration might add: a child table of contacts, with a blob for good measure.
    const ddl = `CREATE TABLE future_keepsakes (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, contact_id integer NOT NULL
      REFERENCES contacts(id) ON DELETE cascade, label text, what text NOT NULL, photo blob)`;
    const a = await core();
    a.ctx.sqlite.exec(ddl);
    seedRows(a.ctx.sqlite, 'gamma');
    fillEmptyTables(a);
    a.ctx.sqlite.prepare("UPDATE future_keepsakes SET photo = x'00ff10' ").run();
    const out = await a.api('data.export', {});
    expect(out.content).toContain('"photo":{"base64":"AP8Q"}');
    const b = await core();
    b.ctx.sqlite.exec(ddl);
    await importText(b, out.content);
    expect((await b.api('data.export', {})).content).toBe(out.content);
    expect(b.ctx.sqlite.prepare('SELECT hex(photo) FROM future_keepsakes').pluck().get()).toBe('00FF10');
  });

  it('exports every table of the schema, and names a reason for each table it leaves out', async () => {
    const c = await core();
    const { exported, excluded } = listTables(c.ctx.sqlite);
    const names = new Set(exported.map((t) => t.name));
    const inSchema = (Object.values(schema) as unknown[]).filter((x): x is SQLiteTable => is(x, SQLiteTable)).map((t) => getTableConfig(t).name);
    expect(inSchema.length).toBeGreaterThan(10);
    // A schema table stays out only when excluded by name with its reason (the undo journal).
    for (const t of inSchema) expect(names.has(t) || t in EXCLUDED_TABLES, `${t} is in schema.ts but not exported`).toBe(true);
    for (const e of excluded) {
      expect(names.has(e.name)).toBe(false);
      expect(e.reason.length, `${e.name} is left out without a reason`).toBeGreaterThan(10);
    }
    // Only FTS5 storage, bookkeeping and counters are left out today; a new exclusion must be added here on purpose.
    const kinds = c.ctx.sqlite.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main'").all() as Array<{ name: string; type: string }>;
    for (const { name, type } of kinds) {
      if (names.has(name)) continue;
      expect(EXCLUDED_TABLES[name] ?? EXCLUDED_KINDS[type], `${name} (${type}) is neither exported nor excluded with a reason`).toBeTruthy();
    }
    expect(excluded.map((e) => e.name)).toEqual(expect.arrayContaining(['__drizzle_migrations', 'sqlite_sequence', 'notes_fts', 'notes_fts_data']));
  });

  it('imports a file from an older schema by running the real migrations over it', async () => {
    const migrations = listMigrations(MIGRATIONS);
    const older = migrations.findIndex((m) => m.tag === '0004_fts_rebuild');
    // A file as an older Courtesy wrote it: its database at 0004 (before notes had a revision).
    const old = dbAt('0004_fts_rebuild');
    seedRows(old, 'old');
    const oldTables = listTables(old).exported;
    const tables = readTables(old, oldTables);
    expect(Object.keys(tables.notes[0])).not.toContain('revision');
    const text = serialize({
      format: FORMAT_NAME,
      formatVersion: 1,
      schemaVersion: migrations[older].tag,
      schemaTime: migrations[older].when,
      appVersion: '0.0.1',
      exportedAt: new Date(NOW).toISOString(),
      counts: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])),
      sequences: readSequences(old, oldTables),
      tables,
    });
    // What the same rows become when that database itself is migrated. Some values a migration draws at
    // random (each interview's iCalendar UID, 0008) differ between two migrations of the same rows by
    // design: those are compared by shape.
    const RANDOM: Record<string, string[]> = { interviews: ['uid'] };
    const comparable = (all: ReturnType<typeof readTables>) =>
      Object.fromEntries(
        Object.entries(all).map(([name, rows]) => [
          name,
          rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, RANDOM[name]?.includes(k) && typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v) ? 'random' : v]))),
        ]),
      );
    migrateTo(old, migrations.length - 1);
    const expected = comparable(readTables(old, listTables(old).exported));
    old.close();

    const c = await core();
    // The built-in templates of a new database are replaced by the file's (none here).
    const result = await importText(c, text);
    expect(result.migratedFrom).toBe('0004_fts_rebuild');
    expect(comparable(readTables(c.ctx.sqlite, listTables(c.ctx.sqlite).exported))).toEqual(expected);
    expect((await c.api('notes.list', { search: 'old' })).items.length).toBe(2);
  });

  it('works for a few thousand rows', async () => {
    const a = await core();
    const sqlite = a.ctx.sqlite;
    sqlite.transaction(() => {
      for (let i = 0; i < 1500; i++) seedRows(sqlite, `bulk${i}`);
    })();
    const t0 = performance.now();
    const out = await a.api('data.export', {});
    const exportMs = performance.now() - t0;
    expect(out.rows).toBeGreaterThan(20_000);
    const b = await core();
    const t1 = performance.now();
    await importText(b, out.content);
    const importMs = performance.now() - t1;
    expect((await b.api('data.export', {})).content).toBe(out.content);
    console.log(`data export/import: ${out.rows} rows, ${(out.content.length / 1e6).toFixed(1)} MB, export ${exportMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms`);
  }, 120_000);
});

describe('refusals leave the database untouched', () => {
  async function fixture() {
    const a = await seeded();
    const text = (await a.api('data.export', {})).content;
    const b = await core();
    const before = (await b.api('data.export', {})).content;
    const refused = async (t: string) => {
      const err = await errorOf(importText(b, t));
      expect((await b.api('data.export', {})).content).toBe(before);
      return err;
    };
    return { text, file: () => JSON.parse(text) as Record<string, any>, b, refused };
  }

  it('refuses a newer format or schema version, naming both versions', async () => {
    const { file, refused } = await fixture();
    const newerFormat = { ...file(), formatVersion: 2, appVersion: '9.0.0' };
    const e1 = await refused(JSON.stringify(newerFormat));
    expect(e1.message).toMatch(/newer Courtesy \(9\.0\.0\) in export format version 2; this Courtesy reads format version 1/);
    const latest = listMigrations(MIGRATIONS).at(-1)!;
    const newerSchema = { ...file(), schemaVersion: '0099_future', schemaTime: latest.when + 1000, appVersion: '9.0.0' };
    const e2 = await refused(JSON.stringify(newerSchema));
    expect(e2.message).toContain(`data schema 0099_future); this Courtesy's data schema is ${latest.tag}`);
    expect(e2.message).toContain('Nothing was imported.');
    const unknown = { ...file(), schemaVersion: '0003_other_branch', schemaTime: 1 };
    expect((await refused(JSON.stringify(unknown))).message).toMatch(/0003_other_branch is not one this Courtesy knows/);
  });

  it('refuses damaged files with a specific message and writes nothing', async () => {
    const { text, file, refused } = await fixture();
    expect((await refused(text.slice(0, Math.floor(text.length * 0.7)))).message).toMatch(/^The file is not valid JSON/);
    expect((await refused('{"hello": 1}')).message).toMatch(/not a Courtesy export: format: This is not a Courtesy export/);

    const unknownTable = file();
    unknownTable.tables.secrets = [];
    expect((await refused(JSON.stringify(unknownTable))).message).toContain('tables: unknown table "secrets"');

    const unknownColumn = file();
    unknownColumn.tables.contacts[1].emial = 'x@y.example';
    expect((await refused(JSON.stringify(unknownColumn))).message).toContain('tables.contacts[1]: unknown column "emial"');

    const missingColumn = file();
    delete missingColumn.tables.notes[0].body;
    expect((await refused(JSON.stringify(missingColumn))).message).toContain('tables.notes[0].body: missing column');

    const missingTable = file();
    delete missingTable.tables.reminders;
    expect((await refused(JSON.stringify(missingTable))).message).toContain('tables.reminders: missing table');

    const wrongType = file();
    wrongType.tables.applications[0].role = 42;
    expect((await refused(JSON.stringify(wrongType))).message).toContain('tables.applications[0].role');

    const cut = file();
    cut.tables.notes.pop();
    expect((await refused(JSON.stringify(cut))).message).toMatch(/counts\.notes: says 4 but the file holds 3 rows/);

    // Passes the structure, fails in SQLite: the transaction has already written rows, and rolls back.
    const dangling = file();
    dangling.tables.notes[0].contact_id = 999;
    expect((await refused(JSON.stringify(dangling))).message).toMatch(/do not fit together: a row of notes .* refers to a missing row of contacts/);

    const lowSequence = file();
    lowSequence.sequences.notes = 1;
    expect((await refused(JSON.stringify(lowSequence))).message).toMatch(/sequences\.notes is 1, lower than the highest id in notes \(4\)/);

    const duplicate = file();
    duplicate.tables.companies[1].id = duplicate.tables.companies[0].id;
    const dup = await refused(JSON.stringify(duplicate));
    expect(dup.code).toBe('validation');
    expect(dup.message).toMatch(/Row 2 of companies cannot be written: UNIQUE constraint failed: companies\.id/);
  });

  it('refuses a database that already holds data', async () => {
    const a = await seeded();
    const { content } = await a.api('data.export', {});
    const b = await core();
    await b.api('applications.create', { company: 'Mine', role: 'Already here' });
    const status = await b.api('data.status', {});
    expect(status).toMatchObject({ empty: false, holds: expect.arrayContaining([{ name: 'applications', rows: 1 }]) });
    const before = (await b.api('data.export', {})).content;
    const err = await errorOf(importText(b, content));
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/already holds data: applications \(1\).*imported only into a new, empty Courtesy/);
    expect((await b.api('data.export', {})).content).toBe(before);
  });

  it('takes parts only in order and an import only of a complete upload', async () => {
    const b = await core();
    expect((await errorOf(b.api('data.upload', { uploadId: 'abcdefgh', part: 1, parts: 2, text: 'x' }))).code).toBe('not_found');
    await b.api('data.upload', { uploadId: 'abcdefgh', part: 0, parts: 2, text: '{' });
    expect((await errorOf(b.api('data.import', { uploadId: 'abcdefgh', confirm: true }))).message).toMatch(/Only 1 of 2 parts/);
    // The import used the upload up.
    expect((await errorOf(b.api('data.import', { uploadId: 'abcdefgh', confirm: true }))).code).toBe('not_found');
    await b.api('data.upload', { uploadId: 'abcdefgh', part: 0, parts: 3, text: '{' });
    expect((await errorOf(b.api('data.upload', { uploadId: 'abcdefgh', part: 2, parts: 3, text: '}' }))).message).toMatch(/Part 3 arrived when part 2 was expected/);
  });
});
