// Search with prefixes spelled out (ftsMatch): the same rows as the plain prefix query (ftsQuery), on
// real migrations and triggers, and search_terms holding every word the three indexes hold after every
// kind of write that feeds them.
import { afterEach, describe, expect, it } from 'vitest';
import { ftsMatch, ftsQuery, MAX_EXPANSION } from './fts';
import type { Sqlite } from './open';
import { testCore, type TestCore } from '../testing/core';

const INDEXES = ['applications_fts', 'contacts_fts', 'notes_fts'] as const;
let core: TestCore | undefined;
afterEach(() => core?.close());

const ids = (db: Sqlite, index: string, match: string | null) =>
  db.prepare(`SELECT rowid FROM ${index} WHERE ${index} MATCH ? ORDER BY rowid`).pluck().all(match) as number[];

/** Words an index holds that search_terms lacks: none, or a search would miss their rows. */
/** Words of the indexes' text columns missing from search_terms (applications_fts's facets are filters, never typed: 0030). */
function missingTerms(db: Sqlite): string[] {
  const out: string[] = [];
  for (const index of INDEXES) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${index}_v USING fts5vocab(main, ${index}, col)`);
    out.push(...(db.prepare(`SELECT term FROM temp.${index}_v WHERE col <> 'facets' EXCEPT SELECT term FROM search_terms`).pluck().all() as string[]));
  }
  return out;
}

function write(db: Sqlite) {
  const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
  const acme = run("INSERT INTO companies (name) VALUES ('Zürich Kafkaesque Labs')");
  const app = run("INSERT INTO applications (company_id, role, location, notes, stage, stage_changed_at) VALUES (?, 'Platform engineer', 'Berlin', 'Met Ødegård at PyCon', 'applied', 1)", acme);
  run("INSERT INTO applications (company_id, role, location, stage, stage_changed_at) VALUES (?, 'Engineering manager', 'Lisbon', 'applied', 1)", acme);
  const dana = run("INSERT INTO contacts (name, title, company_id, email, notes) VALUES ('Dana Ångström', 'Recruiter', ?, 'dana1987@mail.example', 'Kafka fan')", acme);
  run("INSERT INTO contacts (name, title) VALUES ('Zoë Müller', 'Engineering manager')");
  run("INSERT INTO contact_emails (contact_id, address, label, is_primary) VALUES (?, 'danny.work@corp.example', 'work', 0)", dana);
  const note = run("INSERT INTO notes (kind, contact_id, application_id, delivery, subject, body) VALUES ('thank_you', ?, ?, 'email', 'Thank you', 'Dear Dana, the kafka migration talk')", dana, app);
  run("INSERT INTO notes (kind, recipient_name, delivery, subject, body) VALUES ('follow_up', 'Émile Zola', 'handwritten', NULL, 'Schedules and scheduling, 東京 too')");
  // Every kind of change that feeds an index.
  run("UPDATE companies SET name = 'Initech Holdings' WHERE id = ?", acme);
  run("UPDATE applications SET role = 'Staff platformer', notes = 'Referred by Quinn' WHERE id = ?", app);
  run("UPDATE contacts SET name = 'Dana Okonkwo-Reyes', title = 'Talent partner' WHERE id = ?", dana);
  run("UPDATE contact_emails SET address = 'd.okonkwo@initech.example' WHERE contact_id = ?", dana);
  run("UPDATE notes SET subject = 'Thanks again', body = 'Dear Dana, about the Kubernetes rollout' WHERE id = ?", note);
}

describe('ftsMatch', () => {
  it('spells each prefix out as the indexed words that start with it, folded as the index folds them', async () => {
    core = await testCore();
    const db = core.ctx.sqlite;
    write(db);
    expect(ftsMatch(db, 'kafka')).toBe('("kafka" OR "kafkaesque")');
    expect(ftsMatch(db, 'ZÜR eng')).toBe('"zurich" AND ("engineer" OR "engineering")');
    expect(ftsMatch(db, 'sched')).toBe('("schedules" OR "scheduling")');
    // No indexed word starts with it: the prefix form, which finds nothing.
    expect(ftsMatch(db, 'xyzzy')).toBe('"xyzzy"*');
    expect(ftsMatch(db, '  ,;  ')).toBeNull();
    expect(ftsMatch(db, '')).toBeNull();
  });

  it('keeps the prefix form for a word that starts too many words', async () => {
    core = await testCore();
    const db = core.ctx.sqlite;
    const add = db.prepare("INSERT INTO contacts (name) VALUES (?)");
    for (let i = 0; i <= MAX_EXPANSION; i++) add.run(`Dana dana${i}`);
    expect(ftsMatch(db, 'dana')).toBe('"dana"*');
    expect(ftsMatch(db, 'dana1')).toMatch(/^\("dana1" OR "dana10" OR /);
  });

  it('finds exactly the rows the prefix query finds, in every index, after every kind of write', async () => {
    core = await testCore();
    const db = core.ctx.sqlite;
    write(db);
    const searches = ['kafka', 'dana', 'zür', 'eng man', 'Ångström', 'okonkwo reyes', 'odegard', 'init', 'd okonkwo', 'quinn', 'sched', '東京', 'kub', 'xyzzy', 'pla', 'danny', 'zola emile'];
    for (const s of searches) {
      for (const index of INDEXES) expect(ids(db, index, ftsMatch(db, s)), `${s} in ${index}`).toEqual(ids(db, index, ftsQuery(s)));
    }
    // Old words are still listed (never removed) and match nothing more than the prefix form does.
    expect(ftsMatch(db, 'pycon')).toBe('"pycon"');
    expect(ids(db, 'applications_fts', ftsMatch(db, 'pycon'))).toEqual([]);
    expect(ids(db, 'contacts_fts', ftsMatch(db, 'danny'))).toEqual([]);
    expect(ids(db, 'notes_fts', ftsMatch(db, 'kub'))).toEqual([1]);
  });
});

describe('search_terms', () => {
  it('holds every word of the three indexes after inserts, edits and renames, and leaves the scratch table empty', async () => {
    core = await testCore();
    const db = core.ctx.sqlite;
    write(db);
    expect(missingTerms(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM search_words_terms').pluck().get()).toBe(0);
    // Saving a note unchanged (autosave) tokenizes nothing.
    const before = db.prepare('SELECT count(*) FROM search_terms').pluck().get();
    db.prepare('UPDATE notes SET body = body, subject = subject, updated_at = 5').run();
    expect(db.prepare('SELECT count(*) FROM search_terms').pluck().get()).toBe(before);
  });

  it('is filled through the API as through plain SQL', async () => {
    core = await testCore();
    const c = await core.api('contacts.create', { name: 'Priyanka Chopra', company: 'Quuxly', emails: [{ address: 'pc@quuxly.example', label: 'work' }] });
    await core.api('applications.create', { company: 'Quuxly', role: 'Observability lead' });
    await core.api('notes.create', { kind: 'follow_up', contactId: c.id });
    expect(missingTerms(core.ctx.sqlite)).toEqual([]);
    expect((await core.api('contacts.list', { search: 'priy quux' })).items.map((x) => x.id)).toEqual([c.id]);
    expect((await core.api('applications.list', { search: 'observ' })).items).toHaveLength(1);
  });
});
