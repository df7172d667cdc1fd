// Data tests, one per migration: rows written with plain SQL at the migration before, then one step,
// then a look at the rows. A generic pass also walks every migration in the journal with a full set
// of rows written at each step and checks that no row of any table changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ftsQuery } from './fts';
import type { Sqlite } from './open';
import { dbAt, listMigrations, migrateTo, type MigrationRef } from '../testing/migrations';
import { allRows, seedRows, type SeededIds } from '../testing/migration-seed';
import { testCore } from '../testing/core';
import { DB_FILE_NAME } from '../host/paths';
import { CJK_RANGES, hasCjk } from '../shared/names';

const migrations = listMigrations();

/** Row ids that a search finds, as the domain queries search (same FTS query builder, same MATCH). */
function search(db: Sqlite, index: 'applications_fts' | 'contacts_fts' | 'notes_fts', text: string): number[] {
  return db.prepare(`SELECT rowid FROM ${index} WHERE ${index} MATCH ? ORDER BY rowid`).pluck().all(ftsQuery(text)) as number[];
}
/** What 0030's data case found before its migration (the index's ids), to find again after it. */
let before0030: Record<string, number[]> = {};
const count = (db: Sqlite, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

interface DataCase {
  /** Where the rows are written; the migration just before this one unless said otherwise. */
  seedAt?: MigrationRef;
  seed(db: Sqlite): SeededIds;
  /** Runs at the migration just before this one, after seeding (to add rows or show the state before). */
  atPrevious?(db: Sqlite, seeded: SeededIds): void;
  check(db: Sqlite, seeded: SeededIds): void;
}

const cases: Record<string, DataCase> = {
  '0000_init': {
    // Nothing comes before the first migration; its rows are written right after it.
    seed: () => ({ company: 0, application: 0, contact: 0, interview: 0, note: 0, card: 0, item: 0 }),
    check(db) {
      const ids = seedRows(db, 'first');
      const app = db.prepare('SELECT priority, stage, created_at FROM applications WHERE id = ?').get(ids.application) as Record<string, unknown>;
      expect(app).toMatchObject({ priority: 'high', stage: 'interviewing', created_at: 1698000000000 });
      // Defaults fill what the seed leaves out.
      const reminder = db.prepare('SELECT done_at, created_at FROM reminders').get() as { done_at: null; created_at: number };
      expect(reminder.done_at).toBeNull();
      expect(reminder.created_at).toBeGreaterThan(Date.UTC(2024, 0, 1));
    },
  },

  '0001_search': {
    seed: (db) => seedRows(db, 'before'),
    check(db, before) {
      // 0001 built the indexes for new writes only: rows from before it are not in them (0004 fills them).
      expect(search(db, 'applications_fts', 'before')).toEqual([]);
      const after = seedRows(db, 'after');
      expect(search(db, 'applications_fts', 'engineer after')).toEqual([after.application]);
      expect(search(db, 'contacts_fts', 'dana after')).toEqual([after.contact]);
      expect(search(db, 'notes_fts', 'dana after')).toEqual([after.note]);
      db.prepare("UPDATE companies SET name = 'Globex' WHERE id = ?").run(after.company);
      expect(search(db, 'applications_fts', 'globex')).toEqual([after.application]);
      expect(db.prepare('SELECT role FROM applications WHERE id = ?').pluck().get(before.application)).toBe('Engineer before');
    },
  },

  '0002_notes_arrival_index': {
    seed: (db) => seedRows(db, 'arrival'),
    check(db, seeded) {
      // INDEXED BY fails if the index cannot serve the query, and it reads rows that existed before it.
      const arriving = db
        .prepare("SELECT id FROM notes INDEXED BY notes_arrival WHERE status = 'mailed' AND expected_arrival_at > ?")
        .pluck()
        .all(1700500000000);
      expect(arriving).toEqual([seeded.card]);
    },
  },

  '0003_due_indexes': {
    seed: (db) => seedRows(db, 'due'),
    check(db, seeded) {
      const undebriefed = db.prepare('SELECT id FROM interviews INDEXED BY interviews_undebriefed WHERE debriefed_at IS NULL AND end_at < ?').pluck().all(1800000000000);
      expect(undebriefed).toEqual([seeded.interview]);
      const drafts = db
        .prepare(
          "SELECT id FROM notes INDEXED BY notes_open_drafts WHERE status = 'draft' AND due_at IS NOT NULL AND application_id = ? AND due_at < ?",
        )
        .pluck()
        .all(seeded.application, 1800000000000);
      expect(drafts).toEqual([seeded.note]);
    },
  },

  '0004_fts_rebuild': {
    // Rows from before 0001 (the bug), and rows written after it that the triggers already indexed.
    seedAt: '0000_init',
    seed: (db) => seedRows(db, 'old'),
    atPrevious(db) {
      expect(search(db, 'applications_fts', 'old')).toEqual([]);
      seedRows(db, 'recent');
    },
    check(db, old) {
      expect(search(db, 'applications_fts', 'engineer old')).toEqual([old.application]);
      expect(search(db, 'applications_fts', 'acme old lisbon')).toEqual([old.application]);
      expect(search(db, 'applications_fts', 'meetup')).toHaveLength(2);
      expect(search(db, 'contacts_fts', 'dana old recruiter')).toEqual([old.contact]);
      expect(search(db, 'contacts_fts', 'acme old')).toEqual([old.contact]);
      // A note's recipient is its contact's name, or the name typed on a card.
      expect(search(db, 'notes_fts', 'dana old thanks')).toEqual([old.note]);
      expect(search(db, 'notes_fts', 'pat old')).toEqual([old.card]);
      expect(search(db, 'notes_fts', 'recent')).toHaveLength(2);
      // Refilled, not appended to: one index row per row.
      for (const t of ['applications', 'contacts', 'notes']) expect(count(db, `${t}_fts`), t).toBe(count(db, t));
      // The triggers still keep the refilled index in step.
      db.prepare("UPDATE companies SET name = 'Initech' WHERE id = ?").run(old.company);
      expect(search(db, 'applications_fts', 'initech')).toEqual([old.application]);
      expect(search(db, 'applications_fts', 'acme old')).toEqual([]);
    },
  },

  '0005_note_revision': {
    seed: (db) => seedRows(db, 'rev'),
    check(db, seeded) {
      // Every note that existed starts at revision 1, with its text untouched.
      const rows = db.prepare('SELECT id, revision, body FROM notes ORDER BY id').all() as { id: number; revision: number; body: string }[];
      expect(rows.map((r) => r.revision)).toEqual(rows.map(() => 1));
      expect(rows.find((r) => r.id === seeded.note)?.body).toContain('rev');
    },
  },

  '0006_note_revision_trigger': {
    seed: (db) => seedRows(db, 'trig'),
    check(db, seeded) {
      const rev = () => db.prepare('SELECT revision FROM notes WHERE id = ?').pluck().get(seeded.note) as number;
      expect(rev()).toBe(1);
      // Any change bumps it once: the text, a status, or only updated_at.
      db.prepare("UPDATE notes SET body = 'Thanks again' WHERE id = ?").run(seeded.note);
      expect(rev()).toBe(2);
      db.prepare("UPDATE notes SET status = 'sent' WHERE id = ?").run(seeded.note);
      expect(rev()).toBe(3);
      db.prepare('UPDATE notes SET updated_at = updated_at + 1 WHERE id = ?').run(seeded.note);
      expect(rev()).toBe(4);
      // Other notes keep theirs.
      expect(db.prepare('SELECT revision FROM notes WHERE id = ?').pluck().get(seeded.card)).toBe(1);
    },
  },

  '0007_contact_channels': {
    seed(db) {
      const ids = seedRows(db, 'chan');
      const add = db.prepare('INSERT INTO contacts (name, email, phone, address_lines, city, country) VALUES (?, ?, ?, ?, ?, ?)');
      add.run('山田 太郎', null, null, null, 'Tōkyō', 'Japan');
      add.run('Mary Ann Smith', '', '  +44 20 7946 0000 ', '10 Downing St\nFlat 2', null, null);
      add.run('김민준', 'MinJun@Example.KR', null, null, null, null);
      return ids;
    },
    check(db, seeded) {
      const contact = (name: string) => db.prepare('SELECT * FROM contacts WHERE name = ?').get(name) as Record<string, unknown> & { id: number };
      const rows = (table: string, id: number) => db.prepare(`SELECT * FROM ${table} WHERE contact_id = ? ORDER BY id`).all(id) as Record<string, unknown>[];
      // Each one email, phone and address is now the primary row of its kind, exactly as stored.
      const dana = contact('Dana chan');
      expect(rows('contact_emails', dana.id)).toEqual([expect.objectContaining({ address: 'chan@acme.example', label: 'other', is_primary: 1, position: 0 })]);
      expect(rows('contact_phones', dana.id)).toEqual([expect.objectContaining({ number: '+1 555 0100', label: 'other', is_primary: 1 })]);
      expect(rows('contact_addresses', dana.id)).toEqual([
        expect.objectContaining({ lines: '1 Main St', city: 'Springfield', region: 'IL', postal_code: '62701', country: 'US', label: 'other', is_primary: 1 }),
      ]);
      // Spaces, case and line breaks kept; an empty email is no email; a city alone is an address.
      const mary = contact('Mary Ann Smith');
      expect(rows('contact_emails', mary.id)).toEqual([]);
      expect(rows('contact_phones', mary.id)).toEqual([expect.objectContaining({ number: '  +44 20 7946 0000 ' })]);
      expect(rows('contact_addresses', mary.id)).toEqual([expect.objectContaining({ lines: '10 Downing St\nFlat 2', city: null })]);
      const yamada = contact('山田 太郎');
      expect(rows('contact_addresses', yamada.id)).toEqual([expect.objectContaining({ lines: null, city: 'Tōkyō', country: 'Japan' })]);
      expect(rows('contact_emails', contact('김민준').id)).toEqual([expect.objectContaining({ address: 'MinJun@Example.KR' })]);
      // Names are kept whole, never split by guesswork; only names in CJK scripts are marked family-first.
      for (const [name, order] of [
        ['Dana chan', 'given_first'],
        ['Mary Ann Smith', 'given_first'],
        ['山田 太郎', 'family_first'],
        ['김민준', 'family_first'],
      ]) {
        expect(contact(name), name).toMatchObject({ name, given_name: null, family_name: null, name_order: order });
      }
      // The migration's GLOB class is the same set of scripts as shared/names.ts.
      const glob = /GLOB '\*\[(.+?)\]\*'/u.exec(migrations.find((m) => m.tag === '0007_contact_channels')!.statements.join('\n'))![1];
      expect(glob).toBe(CJK_RANGES.map(([a, b]) => String.fromCodePoint(a) + '-' + String.fromCodePoint(b)).join(''));
      for (const name of ['Zoë', 'Ōtani Shōhei', 'ヤマダ タロウ', '王伟', '㐀']) {
        expect(db.prepare(`SELECT ? GLOB '*[${glob}]*'`).pluck().get(name), name).toBe(hasCjk(name) ? 1 : 0);
      }
      // From now on contacts.email (phone, address) mirror the primary row, and search follows it.
      const e = (sql: string, ...p: unknown[]) => db.prepare(sql).run(...p);
      const second = Number(e("INSERT INTO contact_emails (contact_id, address, label, position) VALUES (?, 'dana.home@example.net', 'home', 1)", dana.id).lastInsertRowid);
      expect(contact('Dana chan').email).toBe('chan@acme.example');
      e('UPDATE contact_emails SET is_primary = 0 WHERE contact_id = ?', dana.id);
      e('UPDATE contact_emails SET is_primary = 1 WHERE id = ?', second);
      expect(contact('Dana chan').email).toBe('dana.home@example.net');
      expect(search(db, 'contacts_fts', 'dana.home')).toEqual([dana.id]);
      // At most one primary per contact and kind.
      expect(() => e('UPDATE contact_emails SET is_primary = 1 WHERE contact_id = ?', dana.id)).toThrow(/UNIQUE/);
      e('DELETE FROM contact_emails WHERE id = ?', second);
      expect(contact('Dana chan').email).toBeNull();
      e("UPDATE contact_addresses SET city = 'Chicago' WHERE contact_id = ?", dana.id);
      expect(contact('Dana chan')).toMatchObject({ city: 'Chicago', address_lines: '1 Main St' });
      e('DELETE FROM contact_phones WHERE contact_id = ?', dana.id);
      expect(contact('Dana chan').phone).toBeNull();
      // Deleting a contact takes its rows with it.
      e('DELETE FROM contacts WHERE id = ?', mary.id);
      expect(db.prepare('SELECT count(*) FROM contact_phones WHERE contact_id = ?').pluck().get(mary.id)).toBe(0);
      expect(db.prepare('SELECT recipient_email_id, address_id FROM notes WHERE id = ?').get(seeded.note)).toEqual({ recipient_email_id: null, address_id: null });
    },
  },

  '0008_interview_uid': {
    seed: (db) => seedRows(db, 'uid'),
    atPrevious(db, seeded) {
      // More interviews, so "distinct" means something.
      const add = db.prepare("INSERT INTO interviews (application_id, kind, start_at, end_at, time_zone) VALUES (?, 'video', ?, ?, 'Europe/Berlin')");
      for (let i = 1; i <= 4; i++) add.run(seeded.application, 1700000000000 + i * 3600000, 1700000000000 + i * 3600000 + 1800000);
    },
    check(db, seeded) {
      const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
      const rows = db.prepare('SELECT id, uid, ics_sequence AS seq, start_at AS startAt FROM interviews ORDER BY id').all() as { id: number; uid: string; seq: number; startAt: number }[];
      expect(rows).toHaveLength(5);
      for (const r of rows) expect(r.uid).toMatch(UUID);
      expect(new Set(rows.map((r) => r.uid)).size).toBe(5);
      expect(rows.map((r) => r.seq)).toEqual([0, 0, 0, 0, 0]);
      expect(rows[0].id).toBe(seeded.interview);
      // A row written without a UID (plain SQL, an older file) gets its own at once.
      const later = seedRows(db, 'uid later');
      const uid = db.prepare('SELECT uid FROM interviews WHERE id = ?').pluck().get(later.interview) as string;
      expect(uid).toMatch(UUID);
      expect(rows.map((r) => r.uid)).not.toContain(uid);
      // Two interviews cannot share one.
      expect(() => db.prepare('UPDATE interviews SET uid = ? WHERE id = ?').run(rows[0].uid, later.interview)).toThrow(/UNIQUE/);
    },
  },

  '0009_stamp_scope': {
    seed: (db) => seedRows(db, 'scope'),
    check(db, seeded) {
      // Stamps from before were all bought for mail at home: domestic, value and stock untouched.
      const item = db.prepare('SELECT kind, name, postage_cents, scope FROM stationery_items WHERE id = ?').get(seeded.item);
      expect(item).toEqual({ kind: 'stamp', name: 'Forever scope', postage_cents: 73, scope: 'domestic' });
      // A new stamp says nothing about scope and is domestic too.
      db.prepare("INSERT INTO stationery_items (kind, name, postage_cents) VALUES ('stamp', 'New', 170)").run();
      expect(db.prepare("SELECT scope FROM stationery_items WHERE name = 'New'").pluck().get()).toBe('domestic');
    },
  },

  '0010_contact_email_search': {
    seed: (db) => seedRows(db, 'search'),
    atPrevious(db, seeded) {
      // The seeded email as the app keeps it (a primary row), and a second, non-primary one, which
      // search could not find before this migration.
      db.prepare("INSERT INTO contact_emails (contact_id, address, label, is_primary, position) VALUES (?, 'search@acme.example', 'work', 1, 0)").run(seeded.contact);
      db.prepare("INSERT INTO contact_emails (contact_id, address, label, is_primary, position) VALUES (?, 'dana.home@mail.example', 'home', 0, 1)").run(seeded.contact);
      expect(search(db, 'contacts_fts', 'dana.home@mail.example')).toEqual([]);
    },
    check(db, seeded) {
      expect(search(db, 'contacts_fts', 'dana.home@mail.example')).toEqual([seeded.contact]);
      expect(search(db, 'contacts_fts', 'search@acme.example')).toEqual([seeded.contact]);
      // Later changes to any email keep search in step.
      db.prepare("UPDATE contact_emails SET address = 'dana.new@mail.example' WHERE address = 'dana.home@mail.example'").run();
      expect(search(db, 'contacts_fts', 'dana.home@mail.example')).toEqual([]);
      expect(search(db, 'contacts_fts', 'dana.new@mail.example')).toEqual([seeded.contact]);
      db.prepare("DELETE FROM contact_emails WHERE address = 'dana.new@mail.example'").run();
      expect(search(db, 'contacts_fts', 'dana.new@mail.example')).toEqual([]);
      expect(search(db, 'contacts_fts', 'search@acme.example')).toEqual([seeded.contact]);
      // A rename rewrites the index row and still keeps every email.
      db.prepare("INSERT INTO contact_emails (contact_id, address, label, is_primary, position) VALUES (?, 'dana.other@mail.example', 'other', 0, 2)").run(seeded.contact);
      db.prepare("UPDATE contacts SET name = 'Dana Renamed' WHERE id = ?").run(seeded.contact);
      expect(search(db, 'contacts_fts', 'dana.other@mail.example')).toEqual([seeded.contact]);
      expect(db.prepare("INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('integrity-check', 1)").run().changes).toBeGreaterThanOrEqual(0);
    },
  },
  '0011_mail_outbox': {
    seed: (db) => seedRows(db, 'mail'),
    check(db, seeded) {
      // Notes written before have no Message-ID; the index serves a reply's lookup by one.
      expect(db.prepare('SELECT message_id FROM notes WHERE id = ?').pluck().get(seeded.note)).toBeNull();
      db.prepare("UPDATE notes SET message_id = '<abc.123@courtesy.example>' WHERE id = ?").run(seeded.note);
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM notes WHERE message_id = '<abc.123@courtesy.example>'").all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('notes_message_id');
      expect(db.prepare("SELECT id FROM notes WHERE message_id = '<abc.123@courtesy.example>'").pluck().get()).toBe(seeded.note);
      // An account and a queued note; a second open row for the same note is refused.
      db.prepare(
        "INSERT INTO mail_account (id, address, username, smtp_host, smtp_port, smtp_security, imap_host, imap_port, imap_security) VALUES (1, 'me@example.com', 'me@example.com', 'smtp.example.com', 587, 'starttls', 'imap.example.com', 993, 'tls')",
      ).run();
      expect(db.prepare('SELECT save_sent_copy FROM mail_account').pluck().get()).toBe(0);
      db.prepare("INSERT INTO outbox (note_id, message_id, next_attempt_at) VALUES (?, '<q1@courtesy.example>', 1)").run(seeded.note);
      expect(db.prepare('SELECT state, attempts FROM outbox').get()).toEqual({ state: 'queued', attempts: 0 });
      expect(() => db.prepare("INSERT INTO outbox (note_id, message_id) VALUES (?, '<q2@courtesy.example>')").run(seeded.note)).toThrow(/UNIQUE/);
      // Once finished, the note may be queued again (a later resend is a new row with a new Message-ID).
      db.prepare("UPDATE outbox SET state = 'cancelled'").run();
      db.prepare("INSERT INTO outbox (note_id, message_id) VALUES (?, '<q2@courtesy.example>')").run(seeded.note);
      // Deleting the note takes its outbox rows with it.
      db.prepare('DELETE FROM notes WHERE id = ?').run(seeded.note);
      expect(count(db, 'outbox')).toBe(0);
    },
  },

  '0012_template_builtin_key': {
    seed: (db) => seedRows(db, 'keys'),
    atPrevious(db) {
      const add = db.prepare('INSERT INTO templates (kind, delivery, name, subject, body, built_in) VALUES (?, ?, ?, NULL, ?, ?)');
      add.run('thank_you', 'email', 'Thank-you email after an interview', 'Reworded by the person', 1);
      add.run('thank_you', 'handwritten', 'Short handwritten card', 'Card', 1);
      // A built-in as an older version named it: known by its kind and delivery.
      add.run('follow_up', 'email', 'Follow-up question', 'Old words', 1);
      // The person's own template with a built-in's name stays theirs.
      add.run('after_rejection', 'email', 'Gracious note after a rejection', 'Mine', 0);
    },
    check(db) {
      const rows = db.prepare('SELECT name, body, built_in, builtin_key FROM templates ORDER BY id').all();
      expect(rows).toEqual([
        { name: 'Mine keys', body: 'Body', built_in: 0, builtin_key: null },
        { name: 'Thank-you email after an interview', body: 'Reworded by the person', built_in: 1, builtin_key: 'thank_you.email' },
        { name: 'Short handwritten card', body: 'Card', built_in: 1, builtin_key: 'thank_you.handwritten' },
        { name: 'Follow-up question', body: 'Old words', built_in: 1, builtin_key: 'follow_up.email' },
        { name: 'Gracious note after a rejection', body: 'Mine', built_in: 0, builtin_key: null },
      ]);
      // One row per key.
      expect(() => db.prepare("UPDATE templates SET builtin_key = 'thank_you.email' WHERE name = 'Short handwritten card'").run()).toThrow(/UNIQUE/);
    },
  },

  '0013_offers': {
    seed: (db) => seedRows(db, 'offers'),
    check(db, seeded) {
      // A new table: applications from before can take an offer; one per application; it goes with them.
      db.prepare("INSERT INTO offers (application_id, currency, base_salary, start_date) VALUES (?, 'USD', 150000, '2027-02-01')").run(seeded.application);
      expect(db.prepare('SELECT currency, base_salary, bonus, reminder_id, work_mode FROM offers').get()).toEqual({
        currency: 'USD', base_salary: 150000, bonus: null, reminder_id: null, work_mode: null,
      });
      expect(() => db.prepare("INSERT INTO offers (application_id, currency) VALUES (?, 'EUR')").run(seeded.application)).toThrow(/UNIQUE/);
      db.prepare('DELETE FROM applications WHERE id = ?').run(seeded.application);
      expect(count(db, 'offers')).toBe(0);
    },
  },

  '0016_paging_indexes': {
    seed: (db) => seedRows(db, 'paging'),
    atPrevious(db, seeded) {
      // A card written but not mailed yet, following the email: the kinds the new partial indexes hold.
      db.prepare("UPDATE notes SET status = 'written', follows_note_id = ? WHERE id = ?").run(seeded.note, seeded.card);
    },
    check(db, seeded) {
      // INDEXED BY fails if the index cannot serve the query; the rows from before are in each index.
      const moved = db.prepare('SELECT id FROM applications INDEXED BY applications_moved WHERE archived_at IS NULL ORDER BY stage_changed_at DESC, id DESC').pluck().all();
      expect(moved).toEqual([seeded.application]);
      const updated = db.prepare('SELECT id FROM applications INDEXED BY applications_updated WHERE archived_at IS NULL ORDER BY updated_at, id').pluck().all();
      expect(updated).toEqual([seeded.application]);
      const inFlight = db
        .prepare("SELECT id FROM notes INDEXED BY notes_in_flight WHERE application_id = ? AND status IN ('written', 'addressed', 'stamped')")
        .pluck()
        .all(seeded.application);
      expect(inFlight).toEqual([seeded.card]);
      const follows = db.prepare('SELECT follows_note_id FROM notes WHERE id = ?').pluck().get(seeded.card);
      const followers = db.prepare('SELECT id FROM notes INDEXED BY notes_follows WHERE follows_note_id = ?').pluck().all(follows);
      expect(follows).toBe(seeded.note);
      expect(followers).toEqual([seeded.card]);
    },
  },

  '0014_documents': {
    seed: (db) => seedRows(db, 'docs'),
    check(db, seeded) {
      // New tables: applications from before can take documents; bytes are kept once and go with the last reference.
      db.prepare("INSERT INTO document_blobs (sha256, size, bytes) VALUES ('abc', 3, x'414243')").run();
      const attach = db.prepare("INSERT INTO application_documents (application_id, sha256, name, media_type) VALUES (?, 'abc', ?, 'text/plain')");
      attach.run(seeded.application, 'a.txt');
      attach.run(seeded.application, 'b.txt');
      expect(db.prepare('SELECT kind, label FROM application_documents ORDER BY id').all()).toEqual([
        { kind: 'other', label: null },
        { kind: 'other', label: null },
      ]);
      expect(() => db.prepare("INSERT INTO application_documents (application_id, sha256, name, media_type) VALUES (?, 'nope', 'c', 'x')").run(seeded.application)).toThrow(/FOREIGN KEY/);
      db.prepare('DELETE FROM applications WHERE id = ?').run(seeded.application);
      expect(count(db, 'application_documents')).toBe(0);
      // Bytes stay until released by the app (after any undo could need them); the table only refuses dangling names.
      expect(count(db, 'document_blobs')).toBe(1);
    },
  },

  '0015_undo_journal': {
    seed: (db) => seedRows(db, 'undo'),
    check(db, seeded) {
      // A new, empty table: the rows from before are untouched (the generic pass checks every table)
      // and the journal takes an entry and finds it by expiry.
      expect(count(db, 'undo_journal')).toBe(0);
      db.prepare("INSERT INTO undo_journal (token, label, changes, created_at, expires_at) VALUES ('t1', 'Deleted', '[]', 1, 2)").run();
      expect(db.prepare('SELECT token FROM undo_journal INDEXED BY undo_journal_expires WHERE expires_at < 3').pluck().all()).toEqual(['t1']);
      expect(db.prepare('SELECT id FROM applications WHERE id = ?').pluck().get(seeded.application)).toBe(seeded.application);
    },
  },

  '0017_replies': {
    seed: (db) => seedRows(db, 'replies'),
    check(db, seeded) {
      // Replies and the scan positions start empty.
      expect(count(db, 'replies')).toBe(0);
      expect(count(db, 'reply_scans')).toBe(0);
      db.prepare("UPDATE notes SET message_id = '<n@courtesy.test>' WHERE id = ?").run(seeded.note);
      const reply = (uid: number, messageId: string | null) =>
        db
          .prepare(
            `INSERT OR IGNORE INTO replies (note_id, contact_id, application_id, from_address, date, message_id, method, mailbox, uid_validity, uid)
             VALUES (?, ?, ?, 'dana@acme.example', 1700000000000, ?, 'in_reply_to', 'INBOX', 7, ?)`,
          )
          .run(seeded.note, seeded.contact, seeded.application, messageId, uid).changes;
      expect(reply(1, '<r@acme.example>')).toBe(1);
      // The same message under another UID (a renumbered mailbox) or the same UID again is one reply.
      expect(reply(2, '<r@acme.example>')).toBe(0);
      expect(reply(1, '<other@acme.example>')).toBe(0);
      expect(reply(3, null)).toBe(1);
      expect(reply(4, null)).toBe(1);
      // Deleting the note keeps the reply (its history), unlinked.
      db.prepare('DELETE FROM notes WHERE id = ?').run(seeded.note);
      expect(db.prepare('SELECT note_id, seen_at, unmatched_at, first_lines FROM replies WHERE uid = 1').get()).toEqual({ note_id: null, seen_at: null, unmatched_at: null, first_lines: '' });
    },
  },

  '0018_reply_rescan': {
    seed: (db) => seedRows(db, 'reply_rescan'),
    atPrevious(db) {
      db.prepare("INSERT INTO reply_scans (mailbox, uid_validity, last_uid, scanned_at) VALUES ('INBOX', 7, 42, 1700000000000)").run();
    },
    check(db) {
      // A scan position from before keeps its place; 0 makes the next scan read again from the sent times
      // of every note sent before it, once (it finds any reply missed by a note marked sent late).
      expect(db.prepare('SELECT mailbox, uid_validity, last_uid, scanned_at, last_event_id FROM reply_scans').all()).toEqual([
        { mailbox: 'INBOX', uid_validity: 7, last_uid: 42, scanned_at: 1700000000000, last_event_id: 0 },
      ]);
    },
  },

  '0019_notifications_sent': {
    seed: (db) => seedRows(db, 'notices'),
    check(db, seeded) {
      // A new, empty table: nothing from before counts as shown, so what is due now may ring once. A key
      // is claimed once; the second claim (another window) changes nothing.
      expect(count(db, 'notifications_sent')).toBe(0);
      const claim = db.prepare('INSERT OR IGNORE INTO notifications_sent (key, delivered_at) VALUES (?, 1)');
      expect(claim.run(`note_overdue:${seeded.note}:5`).changes).toBe(1);
      expect(claim.run(`note_overdue:${seeded.note}:5`).changes).toBe(0);
      expect(() => db.prepare("INSERT INTO notifications_sent (key) VALUES ('k')").run()).toThrow(/NOT NULL/);
      expect(db.prepare('SELECT id FROM notes WHERE id = ?').pluck().get(seeded.note)).toBe(seeded.note);
    },
  },

  '0020_today_due_index': {
    seed: (db) => seedRows(db, 'todaydue'),
    atPrevious(db, seeded) {
      // A due draft from before the index: the kind of row Today counts.
      db.prepare("UPDATE notes SET status = 'draft', due_at = 1700000000000 WHERE id = ?").run(seeded.note);
    },
    check(db, seeded) {
      // INDEXED BY fails if the index cannot serve the query; the draft from before is in it, the others are not.
      const due = db
        .prepare("SELECT id FROM notes INDEXED BY notes_open_drafts_due WHERE status = 'draft' AND due_at IS NOT NULL AND due_at < 1800000000000")
        .pluck()
        .all();
      expect(due).toEqual([seeded.note]);
    },
  },

  '0021_stages': {
    seed: (db) => seedRows(db, 'stages'),
    check(db, seeded) {
      // The eight built-ins, in board order, with the keys applications already hold.
      expect(db.prepare('SELECT key, name, kind, position, archived_at FROM stages ORDER BY position').all()).toEqual([
        { key: 'wishlist', name: 'Wishlist', kind: 'planned', position: 1, archived_at: null },
        { key: 'applied', name: 'Applied', kind: 'open', position: 2, archived_at: null },
        { key: 'screening', name: 'Screening', kind: 'open', position: 3, archived_at: null },
        { key: 'interviewing', name: 'Interviewing', kind: 'interview', position: 4, archived_at: null },
        { key: 'offer', name: 'Offer', kind: 'offer', position: 5, archived_at: null },
        { key: 'accepted', name: 'Accepted', kind: 'accepted', position: 6, archived_at: null },
        { key: 'rejected', name: 'Rejected', kind: 'rejected', position: 7, archived_at: null },
        { key: 'withdrawn', name: 'Withdrawn', kind: 'withdrawn', position: 8, archived_at: null },
      ]);
      // History written before is backfilled with the names the stages had then (the built-in ones).
      expect(db.prepare('SELECT from_stage, to_stage, from_name, to_name FROM stage_events WHERE application_id = ?').all(seeded.application)).toEqual([
        { from_stage: 'applied', to_stage: 'interviewing', from_name: 'Applied', to_name: 'Interviewing' },
      ]);
      const app = db.prepare('SELECT stage FROM applications WHERE id = ?').pluck().get(seeded.application);
      expect(db.prepare('SELECT kind FROM stages WHERE key = ?').pluck().get(app)).toBe('interview');
      // Active names are unique whatever the case; an archived stage frees its name.
      const add = db.prepare("INSERT INTO stages (key, name, kind, position, archived_at) VALUES (?, ?, 'open', 9, ?)");
      expect(() => add.run('s1', 'applied', null)).toThrow(/UNIQUE/);
      db.prepare("UPDATE stages SET archived_at = 1 WHERE key = 'applied'").run();
      expect(add.run('s1', 'Applied', null).changes).toBe(1);
      expect(() => add.run('screening', 'Other', null)).toThrow(/UNIQUE/);
    },
  },

  '0022_contacts_name_nocase': {
    seed: (db) => seedRows(db, 'nocase'),
    atPrevious(db) {
      // Names from before the index, in mixed case: the index must hold them in the list's order.
      db.prepare("INSERT INTO contacts (name) VALUES ('alma'), ('Bea'), ('ALMA')").run();
    },
    check(db) {
      // INDEXED BY fails if the index cannot serve the order; rows from before are all in it, case folded.
      const names = db.prepare('SELECT name FROM contacts INDEXED BY contacts_name_nocase ORDER BY name COLLATE NOCASE, id').pluck().all();
      expect(names).toEqual(['alma', 'ALMA', 'Bea', 'Dana nocase']);
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM contacts ORDER BY name COLLATE NOCASE, id LIMIT 5').all() as { detail: string }[];
      expect(plan.map((r) => r.detail)).toEqual(['SCAN contacts USING COVERING INDEX contacts_name_nocase']);
    },
  },

  '0023_today_due_copies': {
    seed: (db) => seedRows(db, 'copies'),
    atPrevious(db, seeded) {
      // A second open thank-you, of a rejected application and without an interview: released, not due.
      const app = db.prepare("INSERT INTO applications (company_id, role, stage) VALUES (?, 'Rejected role', 'rejected')").run(seeded.company).lastInsertRowid;
      db.prepare("INSERT INTO notes (kind, application_id, delivery, body, status, due_at) VALUES ('thank_you', ?, 'email', '', 'draft', 1700200000000)").run(app);
    },
    check(db, seeded) {
      type Copies = { id: number; interview_end_at: number | null; application_ended: number | null; revision: number };
      const copies = () => db.prepare('SELECT id, interview_end_at, application_ended, revision FROM notes ORDER BY id').all() as Copies[];
      const released = copies().at(-1)!.id;
      // Open drafts got their copies from before; the mailed card is no open draft and has none. No revision moved.
      expect(copies().filter((c) => [seeded.note, seeded.card, released].includes(c.id))).toEqual([
        { id: seeded.note, interview_end_at: 1700103600000, application_ended: 0, revision: 1 },
        { id: seeded.card, interview_end_at: null, application_ended: null, revision: 1 },
        { id: released, interview_end_at: null, application_ended: 1, revision: 1 },
      ]);
      // The counts from the index alone agree with the lookups they replace, before and after the interview's end.
      const fromCopies = db.prepare(
        "SELECT count(*) FROM notes n INDEXED BY notes_open_drafts_due WHERE n.status = 'draft' AND n.due_at IS NOT NULL AND n.due_at < @now AND (n.interview_id IS NULL OR n.interview_end_at <= @now) AND NOT (n.kind = 'thank_you' AND n.application_ended)",
      );
      const fromLookups = db.prepare(
        `SELECT count(*) FROM notes n WHERE n.status = 'draft' AND n.due_at IS NOT NULL AND n.due_at < @now
           AND (n.interview_id IS NULL OR (SELECT end_at FROM interviews WHERE id = n.interview_id) <= @now)
           AND NOT (n.kind = 'thank_you' AND (SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = n.application_id)) IN ('rejected', 'withdrawn'))`,
      );
      const agree = (now: number) => {
        const n = fromCopies.pluck().get({ now });
        expect(n).toBe(fromLookups.pluck().get({ now }));
        return n;
      };
      expect([agree(1700150000000), agree(1800000000000)]).toEqual([0, 1]);
      // The triggers keep the copies, without moving the note's revision: a rescheduled interview,
      // a stage move, a stage whose kind changes, an interview removed.
      db.prepare('UPDATE interviews SET end_at = 1900000000000 WHERE id = ?').run(seeded.interview);
      expect(agree(1800000000000)).toBe(0);
      db.prepare("UPDATE applications SET stage = 'withdrawn' WHERE id = ?").run(seeded.application);
      db.prepare("UPDATE stages SET kind = 'open' WHERE key = 'rejected'").run();
      expect(copies().filter((c) => [seeded.note, released].includes(c.id))).toEqual([
        { id: seeded.note, interview_end_at: 1900000000000, application_ended: 1, revision: 1 },
        { id: released, interview_end_at: null, application_ended: 0, revision: 1 },
      ]);
      expect(agree(1800000000000)).toBe(1);
      db.prepare("UPDATE applications SET stage = 'applied' WHERE id = ?").run(seeded.application);
      db.prepare('DELETE FROM interviews WHERE id = ?').run(seeded.interview);
      expect(copies().find((c) => c.id === seeded.note)).toMatchObject({ interview_end_at: null, application_ended: 0, revision: 2 });
      expect(agree(1800000000000)).toBe(2);
      // A content edit still moves the revision.
      db.prepare("UPDATE notes SET body = 'edited' WHERE id = ?").run(released);
      expect(copies().find((c) => c.id === released)?.revision).toBe(2);
    },
  },

  '0024_table_sort_indexes': {
    seed: (db) => seedRows(db, 'sorts'),
    atPrevious(db, seeded) {
      // Applications from before the indexes, in mixed case, some without a location.
      const add = db.prepare('INSERT INTO applications (company_id, role, location, priority) VALUES (?, ?, ?, ?)');
      add.run(seeded.company, 'backend', 'berlin', 'high');
      add.run(seeded.company, 'Analyst', null, 'low');
      add.run(seeded.company, 'BACKEND', 'Austin', 'medium');
    },
    check(db) {
      // Each index holds the rows from before, in the table's order (the same expressions list.ts sorts by).
      const orders = [
        ['applications_role', 'role COLLATE NOCASE', 'role'],
        ['applications_location', "coalesce(location, '') COLLATE NOCASE", 'location'],
        ['applications_priority', "CASE priority WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 END", 'priority'],
      ] as const;
      // Only the three rows above (the seeded ones have other roles).
      const rows = (index: string, order: string, col: string) =>
        db.prepare(`SELECT ${col} FROM applications INDEXED BY ${index} WHERE archived_at IS NULL AND lower(role) IN ('backend', 'analyst') ORDER BY ${order}, id`).pluck().all();
      expect(rows(...orders[0])).toEqual(['Analyst', 'backend', 'BACKEND']);
      expect(rows(...orders[1])).toEqual([null, 'Austin', 'berlin']);
      expect(rows(...orders[2])).toEqual(['low', 'medium', 'high']);
      for (const [index, order] of orders) {
        const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM applications a WHERE archived_at IS NULL ORDER BY ${order}, id LIMIT 5`).all() as { detail: string }[];
        expect(plan.map((r) => r.detail)).toEqual([`SEARCH a USING COVERING INDEX ${index} (archived_at=?)`]);
      }
    },
  },
  '0025_interviews_start_end': {
    seed: (db) => seedRows(db, 'today'),
    atPrevious(db, seeded) {
      // Interviews from before the index: yesterday's (one runs past midnight) and today's.
      const add = db.prepare("INSERT INTO interviews (application_id, kind, start_at, end_at, time_zone) VALUES (?, 'video', ?, ?, 'UTC')");
      add.run(seeded.application, 1_900_000_000_000 - 7_200_000, 1_900_000_000_000 - 3_600_000);
      add.run(seeded.application, 1_900_000_000_000 - 1_800_000, 1_900_000_000_000 + 1_800_000);
      add.run(seeded.application, 1_900_000_000_000 + 3_600_000, 1_900_000_000_000 + 7_200_000);
    },
    check(db) {
      // The index holds the rows from before and answers Today's question without the rows.
      const sql = 'SELECT start_at FROM interviews INDEXED BY interviews_start_end WHERE start_at >= ? AND start_at < ? AND end_at >= ? ORDER BY start_at';
      const day = 1_900_000_000_000;
      expect(db.prepare(sql).pluck().all(day - 86_400_000, day + 86_400_000, day)).toEqual([day - 1_800_000, day + 3_600_000]);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0, 0, 0) as { detail: string }[];
      expect(plan.map((r) => r.detail)).toEqual(['SEARCH interviews USING COVERING INDEX interviews_start_end (start_at>? AND start_at<?)']);
    },
  },
  '0026_table_stage_order': {
    seed: (db) => seedRows(db, 'stageorder'),
    atPrevious(db, seeded) {
      const add = db.prepare('INSERT INTO applications (company_id, role, stage) VALUES (?, ?, ?)');
      for (const stage of ['offer', 'applied', 'offer', 'wishlist']) add.run(seeded.company, `Stage order ${stage}`, stage);
    },
    check(db) {
      // The index holds the rows from before: a stage's live applications by id, read from it alone.
      const sql = "SELECT id FROM applications INDEXED BY applications_stage_id WHERE archived_at IS NULL AND stage = ? AND role LIKE 'Stage order%' ORDER BY id";
      const all = db.prepare("SELECT id FROM applications WHERE role LIKE 'Stage order%' ORDER BY id").pluck().all() as number[];
      expect(db.prepare(sql).pluck().all('offer')).toEqual([all[0], all[2]]);
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM applications INDEXED BY applications_stage_id WHERE archived_at IS NULL AND stage = ? ORDER BY id LIMIT 5").all('x') as { detail: string }[];
      expect(plan.map((r) => r.detail)).toEqual(['SEARCH applications USING COVERING INDEX applications_stage_id (archived_at=? AND stage=?)']);
    },
  },

  '0027_search_terms': {
    seed: (db) => seedRows(db, 'terms'),
    atPrevious(db, seeded) {
      db.prepare("UPDATE notes SET body = 'Schedules and Zürich' WHERE id = ?").run(seeded.note);
    },
    check(db, seeded) {
      // Filled from the indexes: every word of the rows from before, folded as the index stored it.
      const terms = (lo: string) => db.prepare("SELECT term FROM search_terms WHERE term >= ? AND term < ? || 'z' ORDER BY term").pluck().all(lo, lo);
      expect(terms('zur')).toEqual(['zurich']);
      expect(terms('schedul')).toEqual(['schedules']);
      expect(terms('term')).toEqual(['terms']);
      for (const index of ['applications_fts', 'contacts_fts', 'notes_fts']) {
        db.exec(`CREATE VIRTUAL TABLE temp.${index}_v USING fts5vocab(main, ${index}, row)`);
        expect(db.prepare(`SELECT term FROM temp.${index}_v EXCEPT SELECT term FROM search_terms`).pluck().all(), index).toEqual([]);
      }
      // New words arrive with the writes, through the triggers; the scratch table stays empty.
      db.prepare("UPDATE notes SET body = 'Scheduling at Quuxly' WHERE id = ?").run(seeded.note);
      db.prepare("INSERT INTO companies (name) VALUES ('Frobnitz')").run();
      expect(terms('schedul')).toEqual(['schedules', 'scheduling']);
      expect(terms('quux')).toEqual(['quuxly']);
      expect(terms('frob')).toEqual(['frobnitz']);
      expect(db.prepare('SELECT count(*) FROM search_words_terms').pluck().get()).toBe(0);
    },
  },
  '0028_contacts_search_order': {
    seed: (db) => seedRows(db, 'keys'),
    atPrevious(db, seeded) {
      const add = db.prepare('INSERT INTO contacts (name, title) VALUES (?, ?)');
      for (const name of ['zed Ames', 'Ann', 'ann lee', 'Ann Lee', 'Émile Roux', "O'Hara", '3M Desk', 'Christopher Ames', 'Christophe Ames', 'bo'])
        add.run(name, 'Keyholder');
      const dana = db.prepare("INSERT INTO contacts (name, company_id) VALUES ('Dana Keys', (SELECT company_id FROM contacts WHERE id = ?))").run(seeded.contact);
      db.prepare("INSERT INTO contact_emails (contact_id, address, label, is_primary, position) VALUES (?, 'dana@quokka.example', 'work', 1, 0)").run(dana.lastInsertRowid);
    },
    check(db, seeded) {
      // Every contact is indexed once, under its key, and the id comes back out of the key.
      // (Keys pass 2^53: they are read in SQL, never as JS numbers.)
      const rows = db.prepare('SELECT c.id, f.rowid & 134217727 AS low FROM contacts c JOIN contact_search_keys k ON k.id = c.id JOIN contacts_fts f ON f.rowid = k.key').all() as { id: number; low: number }[];
      expect(rows).toHaveLength(count(db, 'contacts'));
      expect(count(db, 'contacts_fts')).toBe(count(db, 'contacts'));
      for (const r of rows) expect(r.low).toBe(r.id);
      // In key order the names come in NOCASE order, up to ties within one code.
      const byKey = db.prepare('SELECT c.name, f.rowid >> 27 AS code FROM contacts_fts f JOIN contacts c ON c.id = f.rowid & 134217727 ORDER BY f.rowid').all() as { name: string; code: number }[];
      const byName = db.prepare('SELECT name FROM contacts ORDER BY name COLLATE NOCASE, id').pluck().all() as string[];
      const nocase = (a: string, b: string) => db.prepare('SELECT ? < ? COLLATE NOCASE').pluck().get(a, b) as number;
      for (let i = 1; i < byKey.length; i++) {
        if (byKey[i].code !== byKey[i - 1].code) expect(nocase(byKey[i - 1].name, byKey[i].name), `${byKey[i - 1].name} before ${byKey[i].name}`).toBe(1);
      }
      expect(byName.indexOf('3M Desk')).toBeLessThan(byName.indexOf('Ann'));
      // What was found before is found now: by name, title, company, every email and notes.
      const ids = (text: string) => db.prepare('SELECT rowid & 134217727 FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY rowid').pluck().all(ftsQuery(text)) as number[];
      expect(ids('keyholder')).toHaveLength(10);
      expect(ids('quokka')).toEqual([db.prepare("SELECT id FROM contacts WHERE name = 'Dana Keys'").pluck().get()]);
      expect(ids('keys')).toContain(seeded.contact);
      // And it stays so through the triggers: a rename moves the row to its new key, a delete removes it.
      db.prepare("UPDATE contacts SET name = 'Aaron Keys' WHERE name = 'zed Ames'").run();
      const indexed = db.prepare("SELECT f.name FROM contacts c JOIN contact_search_keys k ON k.id = c.id JOIN contacts_fts f ON f.rowid = k.key WHERE c.name = 'Aaron Keys'").pluck().all();
      expect(indexed).toEqual(['Aaron Keys']);
      db.prepare("DELETE FROM contacts WHERE name = 'bo'").run();
      expect(count(db, 'contacts_fts')).toBe(count(db, 'contacts'));
    },
  },
  '0029_contact_last_interaction': {
    seed: (db) => seedRows(db, 'lastseen'),
    atPrevious(db, seeded) {
      db.prepare("UPDATE notes SET status = 'sent', sent_at = 1700300000000, mailed_at = 1700400000000 WHERE id = ?").run(seeded.note);
    },
    check(db, seeded) {
      // The last interaction by note is read from notes_contact alone, with the rows from before.
      const sql = 'SELECT contact_id AS id, max(coalesce(mailed_at, sent_at)) AS at FROM notes WHERE contact_id IN (SELECT value FROM json_each(?)) GROUP BY contact_id';
      expect(db.prepare(sql).all(JSON.stringify([seeded.contact]))).toEqual([{ id: seeded.contact, at: 1700400000000 }]);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('[]') as { detail: string }[]).map((r) => r.detail);
      expect(plan).toContain('SEARCH notes USING COVERING INDEX notes_contact (contact_id=?)');
      const ip = 'SELECT interview_id FROM interview_participants WHERE contact_id = ?';
      expect(db.prepare(ip).pluck().all(seeded.contact)).toEqual([seeded.interview]);
      expect((db.prepare(`EXPLAIN QUERY PLAN ${ip}`).all(0) as { detail: string }[]).map((r) => r.detail)).toEqual([
        'SEARCH interview_participants USING COVERING INDEX interview_participants_contact (contact_id=?)',
      ]);
    },
  },
  '0030_applications_search_order': {
    seed: (db) => seedRows(db, 'moves'),
    atPrevious(db, seeded) {
      const add = db.prepare("INSERT INTO applications (company_id, role, location, notes, stage, stage_changed_at) VALUES ((SELECT company_id FROM applications WHERE id = ?), ?, 'Lisbon', 'moved keys', 'applied', ?)");
      // Two moves in one second (the key ties them), one before 1970 (kept at second 0), one far ahead.
      for (const [role, at] of [['Tie late', 1700000000999], ['Tie early', 1700000000001], ['Old', -86_400_000], ['Future', 9_000_000_000_000]] as const) add.run(seeded.application, role, at);
      before0030 = Object.fromEntries(['moved', 'keys lisbon', 'tie', 'engineer'].map((t) => [t, search(db, 'applications_fts', t)]));
    },
    check(db, seeded) {
      const keyed = (text: string) =>
        (db.prepare('SELECT rowid & 134217727 FROM applications_fts WHERE applications_fts MATCH ?').pluck().all(ftsQuery(text)) as number[]).sort((a, b) => a - b);
      // What was found before is found now, by the ids in the keys' low bits.
      for (const [text, ids] of Object.entries(before0030)) expect(keyed(text), text).toEqual(ids);
      // Every application is indexed once, under its key.
      const rows = db.prepare('SELECT a.id, f.rowid & 134217727 AS low FROM applications a JOIN application_search_keys k ON k.id = a.id JOIN applications_fts f ON f.rowid = k.key').all() as { id: number; low: number }[];
      expect(rows).toHaveLength(count(db, 'applications'));
      expect(count(db, 'applications_fts')).toBe(count(db, 'applications'));
      for (const r of rows) expect(r.low).toBe(r.id);
      // In key order the moves come oldest first; only moves within one second tie.
      const byKey = db.prepare('SELECT a.role, a.stage_changed_at AS at, f.rowid >> 27 AS sec FROM applications_fts f JOIN applications a ON a.id = f.rowid & 134217727 ORDER BY f.rowid').all() as { role: string; at: number; sec: number }[];
      for (let i = 1; i < byKey.length; i++) if (byKey[i].sec !== byKey[i - 1].sec) expect(byKey[i].at).toBeGreaterThan(byKey[i - 1].at);
      expect(byKey[0]).toMatchObject({ role: 'Old', sec: 0 });
      expect(byKey.at(-1)).toMatchObject({ role: 'Future', sec: 2 ** 32 - 1 }); // kept within 32 bits (year 2106)
      expect(byKey.find((r) => r.role === 'Tie late')!.sec).toBe(byKey.find((r) => r.role === 'Tie early')!.sec);
      // The triggers keep it so: a stage move moves the row to its new key, a company rename reaches it, a delete removes it.
      const tie = db.prepare("SELECT id FROM applications WHERE role = 'Tie late'").pluck().get() as number;
      db.prepare('UPDATE applications SET stage_changed_at = 1800000000000 WHERE id = ?').run(tie);
      expect(db.prepare('SELECT f.role FROM application_search_keys k JOIN applications_fts f ON f.rowid = k.key WHERE k.id = ?').pluck().all(tie)).toEqual(['Tie late']);
      db.prepare("UPDATE companies SET name = 'Renamedco' WHERE id = (SELECT company_id FROM applications WHERE id = ?)").run(seeded.application);
      expect(keyed('renamedco')).toContain(tie);
      db.prepare('UPDATE applications SET role = role, priority = priority WHERE id = ?').run(tie);
      // The facets follow the stage and the archived state: 'l' or 'a' and the stage key's hex, 'live' or 'archived'.
      const facets = () => db.prepare('SELECT f.facets FROM application_search_keys k JOIN applications_fts f ON f.rowid = k.key WHERE k.id = ?').pluck().get(tie);
      expect(facets()).toBe(`l${Buffer.from('applied').toString('hex')} live`);
      db.prepare("UPDATE applications SET stage = 'offer', archived_at = 1800000000000 WHERE id = ?").run(tie);
      expect(facets()).toBe(`a${Buffer.from('offer').toString('hex')} archived`);
      const inOffer = db.prepare("SELECT rowid & 134217727 FROM applications_fts WHERE applications_fts MATCH ?").pluck();
      expect(inOffer.all(`{facets} : "a${Buffer.from('offer').toString('hex')}"`)).toEqual([tie]);
      expect(inOffer.all('{company role notes location} : (archived OR live)')).toEqual([]);
      db.prepare("DELETE FROM applications WHERE role = 'Old'").run();
      expect(count(db, 'applications_fts')).toBe(count(db, 'applications'));
      expect(keyed('tie')).toEqual([tie, tie + 1].filter((id) => db.prepare('SELECT 1 FROM applications WHERE id = ?').get(id)));
      expect(() => db.prepare("INSERT INTO applications_fts(applications_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    },
  },
  '0031_application_stage_counts': {
    seed: (db) => seedRows(db, 'counts'),
    atPrevious(db, seeded) {
      const add = db.prepare('INSERT INTO applications (company_id, role, stage, archived_at) VALUES ((SELECT company_id FROM applications WHERE id = ?), ?, ?, ?)');
      for (const [stage, archived] of [['offer', null], ['offer', 1700000000000], ['applied', null], ['custom-stage', null]] as const) add.run(seeded.application, 'Counted', stage, archived);
    },
    check(db, seeded) {
      const counts = () => db.prepare('SELECT stage, live, archived FROM application_stage_counts ORDER BY stage').all();
      const rows = () =>
        db.prepare('SELECT stage, sum(archived_at IS NULL) AS live, sum(archived_at IS NOT NULL) AS archived FROM applications GROUP BY stage ORDER BY stage').all();
      // Filled from the rows from before, and kept equal to them by the triggers.
      expect(counts()).toEqual(rows());
      expect(counts()).toContainEqual({ stage: 'offer', live: 1, archived: 1 });
      db.prepare("UPDATE applications SET stage = 'offer' WHERE id = ?").run(seeded.application);
      db.prepare("UPDATE applications SET archived_at = NULL WHERE stage = 'offer'").run();
      db.prepare("DELETE FROM applications WHERE stage = 'custom-stage'").run();
      db.prepare("INSERT INTO applications (company_id, role, stage) SELECT company_id, 'More', 'screening' FROM applications WHERE id = ?").run(seeded.application);
      expect(counts()).toEqual(rows());
      expect(counts()).not.toContainEqual(expect.objectContaining({ stage: 'custom-stage' }));
    },
  },
};

describe('each migration keeps and serves the rows written before it', () => {
  it.each(migrations.map((m) => [m.tag, m.idx] as const))('%s', (tag, idx) => {
    const c = cases[tag];
    if (!c) throw new Error(`No data test for migration ${tag}: add a case to electron/db/migrations-data.test.ts`);
    const db = dbAt(c.seedAt ?? idx - 1);
    const seeded = c.seed(db);
    migrateTo(db, idx - 1);
    c.atPrevious?.(db, seeded);
    migrateTo(db, idx);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    c.check(db, seeded);
  });
});

describe('every migration, on a database written to at every step', () => {
  it.each(migrations.slice(1).map((m) => [m.tag, m.idx] as const))('%s changes no existing row', (_tag, idx) => {
    const db = dbAt(0);
    for (let i = 1; i <= idx; i++) {
      seedRows(db, `step${i}`);
      const before = allRows(db);
      migrateTo(db, i);
      const after = allRows(db);
      // Only the columns that existed before are compared: an added column may fill itself.
      for (const [table, rows] of before) {
        const cols = rows.length ? Object.keys(rows[0]) : [];
        const kept = (after.get(table) ?? []).map((r) => Object.fromEntries(cols.map((k) => [k, r[k]])));
        expect(kept, `${table} after ${migrations[i].tag}`).toEqual(rows);
      }
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('an upgrade from the first version through the real app', () => {
  it('finds rows written before full-text search existed, through the API', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-upgrade-'));
    const old = dbAt('0000_init', path.join(dir, DB_FILE_NAME));
    const ids = seedRows(old, 'Zanzibar');
    old.close();

    const core = await testCore({ dir });
    try {
      const apps = await core.api('applications.list', { search: 'zanzibar engineer' });
      expect(apps.items.map((a) => a.id)).toEqual([ids.application]);
      const contacts = await core.api('contacts.list', { search: 'dana zanzibar' });
      expect(contacts.items.map((c) => c.id)).toEqual([ids.contact]);
      const notes = await core.api('notes.list', { search: 'zanzibar' });
      expect(notes.items.map((n) => n.id).sort()).toEqual([ids.note, ids.card].sort());
    } finally {
      core.close();
    }
  });
});
