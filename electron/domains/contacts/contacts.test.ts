import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tx } from '../../db/sql';
import { testCore, type TestCore } from '../../testing/core';
import { createNote } from '../notes/records';
import { parseVCards } from '../../formats/vcard';
import { DEFAULT_LIMIT, SEARCH_COUNT_CAP } from './queries';
import { KEY_ID_MASK } from '../../db/fts';

const fixture = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'formats', 'vcard', 'fixtures', name), 'utf8');
const NOW = Date.UTC(2026, 2, 10, 15, 0);
const HOUR = 3_600_000;

let core: TestCore;
afterEach(() => core?.close());

async function errorOf(method: Parameters<TestCore['call']>[0], input: unknown) {
  const env = await core.call(method, input);
  if (env.ok) throw new Error(`${method} was expected to fail`);
  return env.error;
}

function addNote(contactId: number, extra: { applicationId?: number; interviewId?: number; sentAt?: number; body?: string } = {}) {
  return tx(core.ctx, () => {
    const id = createNote(core.ctx, {
      kind: 'follow_up',
      contactId,
      applicationId: extra.applicationId ?? null,
      interviewId: extra.interviewId ?? null,
      delivery: 'email',
      dueAt: null,
      body: extra.body ?? 'Thanks again for the chat about the billing migration.',
    });
    if (extra.sentAt) core.ctx.sqlite.prepare("UPDATE notes SET status = 'sent', sent_at = ? WHERE id = ?").run(extra.sentAt, id);
    return id;
  });
}

describe('contacts CRUD', () => {
  it('creates with every field, reuses the company by name, flags what is missing, edits and clears', async () => {
    core = await testCore({ now: NOW });
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    const c = await core.api('contacts.create', {
      name: '  Dana Lee ',
      title: 'Engineering Manager',
      company: 'globex',
      email: 'dana@globex.example',
      phone: '+1 555 0100',
      url: 'https://www.linkedin.com/in/danalee',
      metHow: 'Onsite interview, 2nd floor',
      notes: 'Runs the billing team',
    });
    expect(c).toMatchObject({
      name: 'Dana Lee',
      companyId: app.companyId,
      company: 'Globex',
      missingEmail: false,
      missingAddress: true,
      addressLines: null,
      roles: [],
      interviews: [],
      noteLog: [],
      lastInteractionAt: null,
    });

    const updated = await core.api('contacts.update', { id: c.id, addressLines: '1 Main St\nSuite 4', city: 'Springfield', postalCode: '12345', company: 'Initech' });
    expect(updated).toMatchObject({ missingAddress: false, company: 'Initech', title: 'Engineering Manager', email: 'dana@globex.example', addressLines: '1 Main St\nSuite 4' });
    expect(updated.updatedAt).toBe(NOW);
    core.ctx.clock.advance(HOUR);
    const cleared = await core.api('contacts.update', { id: c.id, email: '', company: null });
    expect(cleared).toMatchObject({ email: null, missingEmail: true, company: null, companyId: null, phone: '+1 555 0100' });
    expect((await core.api('contacts.get', { id: c.id })).updatedAt).toBe(NOW + HOUR);
  });

  it('answers clear field errors for a bad email, a non-web link and a missing name', async () => {
    core = await testCore({ now: NOW });
    const err = await errorOf('contacts.create', { name: ' ', email: 'dana(at)globex', url: 'javascript:alert(1)' });
    expect(err.code).toBe('validation');
    expect(err.fields).toEqual({
      name: 'Name is required.',
      email: 'Enter an email address like name@example.com.',
      url: 'Link must be a web address, like linkedin.com/in/name or https://example.com.',
    });
    const c = await core.api('contacts.create', { name: 'Sam' });
    const upd = await errorOf('contacts.update', { id: c.id, email: 'nope' });
    expect(upd.fields).toEqual({ email: 'Enter an email address like name@example.com.' });
    expect((await errorOf('contacts.get', { id: 999 })).code).toBe('not_found');
    expect((await core.api('contacts.list', {})).items).toHaveLength(1);
  });
});

describe('duplicates', () => {
  it('warns on the same email (any case) or the same name at the same company, unless forced', async () => {
    core = await testCore({ now: NOW });
    const dana = await core.api('contacts.create', { name: 'Dana Lee', company: 'Globex', email: 'Dana@Globex.example' });
    const byEmail = await errorOf('contacts.create', { name: 'D. Lee', email: 'dana@globex.EXAMPLE' });
    expect(byEmail.code).toBe('conflict');
    expect(byEmail.message).toMatch(/Dana Lee \(Globex\)/);
    expect(byEmail.fields).toEqual({
      email: 'Dana Lee (Globex) already has this email.',
      [`duplicate.${dana.id}`]: 'Dana Lee (Globex) · Dana@Globex.example',
    });
    const byName = await errorOf('contacts.create', { name: 'dana lee', company: 'GLOBEX' });
    expect(byName.fields).toMatchObject({ name: 'Dana Lee (Globex) is already saved at this company.', [`duplicate.${dana.id}`]: expect.any(String) });
    // The same name elsewhere is someone else.
    await core.api('contacts.create', { name: 'Dana Lee', company: 'Initech' });
    const forced = await core.api('contacts.create', { name: 'Dana Lee', company: 'Globex', force: true });
    expect(forced.id).not.toBe(dana.id);
    expect((await core.api('contacts.list', { search: 'dana' })).total).toBe(3);
  });

  it('"merge into it" fills the existing contact\'s empty fields and keeps differing values in its notes', async () => {
    core = await testCore({ now: NOW });
    const dana = await core.api('contacts.create', { name: 'Dana Lee', company: 'Globex', email: 'dana@globex.example', notes: 'Billing team' });
    const merged = await core.api('contacts.create', {
      name: 'Dana Lee',
      company: 'Globex',
      email: 'dana.lee@gmail.example',
      phone: '+1 555 0100',
      city: 'Springfield',
      addressLines: '1 Main St',
      mergeIntoId: dana.id,
    });
    expect(merged.id).toBe(dana.id);
    expect(merged).toMatchObject({ email: 'dana@globex.example', phone: '+1 555 0100', city: 'Springfield', addressLines: '1 Main St', missingAddress: false });
    // A second email is a second row now, not a line in the notes; the saved primary stays primary.
    expect(merged.notes).toBe('Billing team');
    expect(merged.emails).toEqual([
      expect.objectContaining({ address: 'dana@globex.example', isPrimary: true }),
      expect.objectContaining({ address: 'dana.lee@gmail.example', isPrimary: false }),
    ]);
    expect((await core.api('contacts.list', {})).total).toBe(1);
    expect((await errorOf('contacts.create', { name: 'X', mergeIntoId: 99 })).fields).toEqual({ mergeIntoId: 'That contact no longer exists.' });
  });
});

describe('merge', () => {
  it('moves roles, interviews (without twins), notes and reminders, fills gaps and deletes the other, in one go', async () => {
    core = await testCore({ now: NOW });
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
    const app2 = await core.api('applications.create', { company: 'Initech', role: 'SRE' });
    const keep = await core.api('contacts.create', { name: 'Dana Lee', company: 'Globex', email: 'dana@globex.example' });
    const other = await core.api('contacts.create', {
      name: 'Dana Lee',
      company: 'Globex',
      title: 'Engineering Manager',
      email: 'DANA@globex.example',
      addressLines: '1 Main St',
      city: 'Springfield',
      metHow: 'Referred by Sam',
      force: true,
    });
    // Both were at the first interview (the quick capture made a twin); only the other at the second.
    const iv1 = await core.api('interviews.create', {
      applicationId: app.id,
      kind: 'video',
      startAt: NOW - 5 * HOUR,
      endAt: NOW - 4 * HOUR,
      participants: [{ contactId: keep.id }, { contactId: other.id }],
    });
    const iv2 = await core.api('interviews.create', { applicationId: app.id, kind: 'onsite', startAt: NOW - 3 * HOUR, endAt: NOW - 2 * HOUR, participants: [{ contactId: other.id }] });
    await core.api('interviews.update', { id: iv1.id, talkedAbout: [{ contactId: other.id, text: 'Event sourcing' }] });
    await core.api('contacts.setRole', { applicationId: app2.id, contactId: other.id, role: 'referrer' });
    const sent = addNote(other.id, { applicationId: app2.id, sentAt: NOW - HOUR });
    await core.api('reminders.create', { title: 'Reconnect with Dana', dueAt: NOW + 90 * 24 * HOUR, kind: 'reconnect', contactId: other.id });

    const result = await core.api('contacts.merge', { keepId: keep.id, mergeId: other.id });
    expect(result).toMatchObject({ id: keep.id, title: 'Engineering Manager', email: 'dana@globex.example', city: 'Springfield', metHow: 'Referred by Sam' });
    expect(result.notes).toBeNull(); // same email in another case is the same email
    expect(result.roles.map((r) => [r.applicationId, r.role]).sort()).toEqual([
      [app.id, 'interviewer'],
      [app2.id, 'referrer'],
    ]);
    expect(result.interviews.map((i) => i.id)).toEqual([iv2.id, iv1.id]);
    const iv1After = await core.api('interviews.get', { id: iv1.id });
    expect(iv1After.participants).toEqual([expect.objectContaining({ contactId: keep.id, talkedAbout: 'Event sourcing' })]);
    // Thank-yous: one per interview (the blank twin draft for iv1 is dropped), plus the sent note.
    const notes = core.ctx.sqlite.prepare('SELECT id, interview_id AS interviewId, contact_id AS contactId FROM notes ORDER BY id').all() as Array<{ id: number; interviewId: number | null; contactId: number }>;
    expect(notes.every((n) => n.contactId === keep.id)).toBe(true);
    expect(notes.map((n) => n.interviewId).sort()).toEqual([iv1.id, iv2.id, null].sort());
    expect(result.noteLog.map((n) => n.id)).toContain(sent);
    expect(result.lastInteractionAt).toBe(NOW - HOUR);
    const reminders = (await core.api('reminders.list', {})) as unknown as { items: Array<{ contactId: number | null }> };
    expect(reminders.items.map((r) => r.contactId)).toEqual([keep.id]);
    expect((await errorOf('contacts.get', { id: other.id })).code).toBe('not_found');
    expect((await errorOf('contacts.merge', { keepId: keep.id, mergeId: keep.id })).fields).toEqual({ mergeId: 'Choose two different contacts.' });
  });

  it('rolls back completely when the contact to keep does not exist', async () => {
    core = await testCore({ now: NOW });
    const a = await core.api('contacts.create', { name: 'Ana Silva' });
    addNote(a.id);
    expect((await errorOf('contacts.merge', { keepId: 999, mergeId: a.id })).code).toBe('not_found');
    expect((await core.api('contacts.get', { id: a.id })).noteLog).toHaveLength(1);
  });
});

describe('delete', () => {
  it('needs the note count confirmed, keeps the notes with the recipient name, and drops roles and participations', async () => {
    core = await testCore({ now: NOW });
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    const c = await core.api('contacts.create', { name: 'Zoë Quinn', company: 'Globex' });
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'phone', startAt: NOW - 2 * HOUR, endAt: NOW - HOUR, participants: [{ contactId: c.id }] });
    addNote(c.id, { applicationId: app.id, sentAt: NOW - HOUR });

    const refused = await errorOf('contacts.delete', { id: c.id, confirm: true });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/has 2 notes/);
    expect(refused.fields).toEqual({ noteCount: 'Confirm that the 2 notes to Zoë Quinn stay in your notes log.' });
    expect((await errorOf('contacts.delete', { id: c.id, confirm: true, noteCount: 1 })).code).toBe('conflict');
    expect((await errorOf('contacts.delete', { id: c.id })).fields).toEqual({ confirm: 'Deleting needs confirmation.' });

    expect(await core.api('contacts.delete', { id: c.id, confirm: true, noteCount: 2 })).toMatchObject({ ok: true, notesKept: 2 });
    const notes = core.ctx.sqlite.prepare('SELECT contact_id AS contactId, recipient_name AS recipientName FROM notes').all();
    expect(notes).toEqual([
      { contactId: null, recipientName: 'Zoë Quinn' },
      { contactId: null, recipientName: 'Zoë Quinn' },
    ]);
    // The notes are still found by who they were to.
    const fts = core.ctx.sqlite.prepare("SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH 'zoe'").get() as { n: number };
    expect(fts.n).toBe(2);
    expect((await core.api('interviews.get', { id: iv.id })).participants).toEqual([]);
    expect(core.ctx.sqlite.prepare('SELECT count(*) AS n FROM application_contacts').get()).toEqual({ n: 0 });
    // No notes: no count needed.
    const plain = await core.api('contacts.create', { name: 'Ben' });
    expect((await core.api('contacts.delete', { id: plain.id, confirm: true })).notesKept).toBe(0);
  });
});

describe('roles', () => {
  it('adds and removes roles on applications', async () => {
    core = await testCore({ now: NOW });
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'screening' });
    const c = await core.api('contacts.create', { name: 'Priya Raman' });
    let r = await core.api('contacts.setRole', { applicationId: app.id, contactId: c.id, role: 'recruiter' });
    r = await core.api('contacts.setRole', { applicationId: app.id, contactId: c.id, role: 'hiring_manager' });
    r = await core.api('contacts.setRole', { applicationId: app.id, contactId: c.id, role: 'recruiter' }); // idempotent
    expect(r.roles.map((x) => [x.company, x.applicationRole, x.stage, x.role])).toEqual([
      ['Globex', 'Platform Engineer', 'screening', 'hiring_manager'],
      ['Globex', 'Platform Engineer', 'screening', 'recruiter'],
    ]);
    r = await core.api('contacts.removeRole', { applicationId: app.id, contactId: c.id, role: 'recruiter' });
    expect(r.roles.map((x) => x.role)).toEqual(['hiring_manager']);
    expect((await errorOf('contacts.removeRole', { applicationId: app.id, contactId: c.id, role: 'recruiter' })).code).toBe('not_found');
    expect((await errorOf('contacts.setRole', { applicationId: 999, contactId: c.id, role: 'other' })).fields).toEqual({ applicationId: 'That application was not found.' });
    expect((await errorOf('contacts.setRole', { applicationId: app.id, contactId: c.id, role: 'boss' })).fields?.role).toMatch(/Choose recruiter/);
  });
});

describe('list and search', () => {
  async function seed() {
    core = await testCore({ now: NOW });
    await core.api('contacts.create', { name: 'Chloé Martin', company: 'Atelier Martin', email: 'chloe@atelier.example', addressLines: '3 rue Haute', city: 'Lyon' });
    await core.api('contacts.create', { name: 'Gregory House', title: 'Diagnostician', company: 'Princeton Plainsboro' });
    await core.api('contacts.create', { name: 'greta Lind', email: 'greta@lind.example', notes: 'Knows the Kafka people' });
    await core.api('contacts.create', { name: 'Ana Silva', company: 'Atelier Martin', addressLines: 'Rua 1', city: 'Porto' });
  }

  it('searches with prefixes and without diacritics, over name, title, company, email and notes', async () => {
    await seed();
    const names = async (input: Parameters<TestCore['api']>[1]) => (await core.api('contacts.list', input as never)).items.map((c) => c.name);
    expect(await names({ search: 'chloe' })).toEqual(['Chloé Martin']);
    expect(await names({ search: 'CHLOÉ mart' })).toEqual(['Chloé Martin']);
    expect(await names({ search: 'gre' })).toEqual(['Gregory House', 'greta Lind']);
    expect(await names({ search: 'diagnos' })).toEqual(['Gregory House']);
    expect(await names({ search: 'atelier' })).toEqual(['Ana Silva', 'Chloé Martin']);
    expect(await names({ search: 'kafka' })).toEqual(['greta Lind']);
    expect(await names({ search: 'lind.example' })).toEqual(['greta Lind']);
    expect(await names({ search: '"*(' })).toEqual([]); // nothing searchable, no FTS syntax error
    expect(await names({ search: 'nobody' })).toEqual([]);
    // Renaming a company updates what search finds.
    core.ctx.sqlite.prepare("UPDATE companies SET name = 'Maison Martin' WHERE name = 'Atelier Martin'").run();
    expect(await names({ search: 'maison' })).toEqual(['Ana Silva', 'Chloé Martin']);
  });

  it('filters by company and missing details, limits with a total, and shows the last interaction', async () => {
    await seed();
    const all = await core.api('contacts.list', {});
    expect(all.items.map((c) => [c.name, c.missingEmail, c.missingAddress])).toEqual([
      ['Ana Silva', true, false],
      ['Chloé Martin', false, false],
      ['Gregory House', true, true],
      ['greta Lind', false, true],
    ]);
    const atelier = all.items[0].companyId!;
    expect((await core.api('contacts.list', { companyId: atelier })).items.map((c) => c.name)).toEqual(['Ana Silva', 'Chloé Martin']);
    expect((await core.api('contacts.list', { missing: 'email' })).items.map((c) => c.name)).toEqual(['Ana Silva', 'Gregory House']);
    expect((await core.api('contacts.list', { missing: 'address' })).items.map((c) => c.name)).toEqual(['Gregory House', 'greta Lind']);
    expect((await core.api('contacts.list', { missing: 'any' })).total).toBe(3);
    expect((await core.api('contacts.list', { missing: 'email', companyId: atelier, search: 'ana' })).items.map((c) => c.name)).toEqual(['Ana Silva']);
    const page = await core.api('contacts.list', { limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(4);

    const ana = all.items[0].id;
    const app = await core.api('applications.create', { company: 'Globex', role: 'SRE' });
    await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: NOW - 10 * HOUR, endAt: NOW - 9 * HOUR, participants: [{ contactId: ana }] });
    await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: NOW + 10 * HOUR, endAt: NOW + 11 * HOUR, participants: [{ contactId: ana }] });
    expect((await core.api('contacts.list', { search: 'ana' })).items[0].lastInteractionAt).toBe(NOW - 10 * HOUR); // a future interview is not an interaction
    addNote(ana, { sentAt: NOW - HOUR });
    expect((await core.api('contacts.list', { search: 'ana' })).items[0].lastInteractionAt).toBe(NOW - HOUR);
    const detail = await core.api('contacts.get', { id: ana });
    expect(detail.interviews).toHaveLength(2);
    expect(detail.noteLog.length).toBe(3); // two thank-you obligations and the sent note
  });

  it('a search pages in name order straight from the index, ties and all, and says "2,000+" past the cap', async () => {
    core = await testCore({ now: NOW });
    const db = core.ctx.sqlite;
    // Names that share their first 7 characters (one search key code), differ only by case, start with
    // punctuation, digits or non-ASCII letters, or end early: every way the key can tie or stop.
    const first = ['zoë', 'Ana', 'ana', 'Émile', 'bo', 'BO', 'Chen', 'Christopher', 'christophe', "O'Brien", '3M', 'Ann Lee', 'Ann', '_x', '{y'];
    db.transaction(() => {
      const add = db.prepare('INSERT INTO contacts (name, title) VALUES (?, ?)');
      for (let i = 0; i < SEARCH_COUNT_CAP * 2; i++) add.run(`${first[(i * 7) % first.length]} Lee ${i % 50}`, i % 3 ? 'Recruiter' : 'Engineer');
    })();
    // The answer by another route: every match, sorted by name without regard to case, then id.
    const expected = (match: string) =>
      db
        .prepare(`SELECT name FROM contacts WHERE id IN (SELECT rowid & ${KEY_ID_MASK} FROM contacts_fts WHERE contacts_fts MATCH ?) ORDER BY name COLLATE NOCASE, id`)
        .pluck()
        .all(match) as string[];
    const all = expected('"recruit"*');
    expect(all.length).toBeGreaterThan(SEARCH_COUNT_CAP);
    const broad = await core.api('contacts.list', { search: 'recruit' });
    // Counted no further than SEARCH_COUNT_CAP: a lower bound, and said so.
    expect(broad).toMatchObject({ total: SEARCH_COUNT_CAP, more: true });
    expect(broad.items.map((c) => c.name)).toEqual(all.slice(0, DEFAULT_LIMIT));
    for (const limit of [1, 7, 50, 333, 2600]) {
      const page = await core.api('contacts.list', { search: 'recruit', limit });
      expect(page.items.map((c) => c.name), `limit ${limit}`).toEqual(all.slice(0, limit));
    }
    // A page larger than the cap counts as far as the page.
    expect(await core.api('contacts.list', { search: 'recruit', limit: 2600 })).toMatchObject({ total: 2600, more: true });
    const narrow = await core.api('contacts.list', { search: 'engineer chen' });
    const chens = expected('"engineer"* "chen"*');
    expect(chens.length).toBeGreaterThan(DEFAULT_LIMIT);
    expect(narrow.items.map((c) => c.name)).toEqual(chens.slice(0, DEFAULT_LIMIT));
    expect(narrow).toMatchObject({ total: chens.length, more: false });
    // A search under the cap is counted exactly.
    const exact = await core.api('contacts.list', { search: 'engineer' });
    expect(expected('"engineer"*')).toHaveLength(1334);
    expect(exact).toMatchObject({ total: 1334, more: false });
    expect(exact.items.map((c) => c.name)).toEqual(expected('"engineer"*').slice(0, DEFAULT_LIMIT));
  });

  it('keeps the search key in step with renames, email and company changes, and deletes', async () => {
    core = await testCore({ now: NOW });
    const db = core.ctx.sqlite;
    const keyed = () => db.prepare(`SELECT count(*) FROM contacts c JOIN contact_search_keys k ON k.id = c.id JOIN contacts_fts f ON f.rowid = k.key`).pluck().get();
    const a = await core.api('contacts.create', { name: 'Zed Quinn', email: 'zed@old.example', company: 'Initech' });
    const b = await core.api('contacts.create', { name: 'Abe Quinn' });
    expect((await core.api('contacts.list', { search: 'quinn' })).items.map((c) => c.name)).toEqual(['Abe Quinn', 'Zed Quinn']);
    await core.api('contacts.update', { id: a.id, name: 'Aaron Quinn' });
    expect((await core.api('contacts.list', { search: 'quinn' })).items.map((c) => c.name)).toEqual(['Aaron Quinn', 'Abe Quinn']);
    await core.api('contacts.update', { id: a.id, emails: [{ address: 'aaron@new.example', label: 'work' }] });
    expect((await core.api('contacts.list', { search: 'new.example' })).items.map((c) => c.id)).toEqual([a.id]);
    expect((await core.api('contacts.list', { search: 'old.example' })).items).toEqual([]);
    const company = db.prepare('SELECT company_id FROM contacts WHERE id = ?').pluck().get(a.id) as number;
    db.prepare("UPDATE companies SET name = 'Globex' WHERE id = ?").run(company);
    expect((await core.api('contacts.list', { search: 'globex' })).items.map((c) => c.id)).toEqual([a.id]);
    expect(keyed()).toBe(2);
    await core.api('contacts.delete', { id: b.id, confirm: true });
    expect((await core.api('contacts.list', { search: 'quinn' })).items.map((c) => c.name)).toEqual(['Aaron Quinn']);
    expect(db.prepare('SELECT count(*) FROM contacts_fts').pluck().get()).toBe(1);
    expect(keyed()).toBe(1);
  });
});

describe('vCard import', () => {
  it('previews a file with broken cards: per-card errors, and the good ones ready to import', async () => {
    core = await testCore({ now: NOW });
    const preview = await core.api('contacts.importPreview', { text: fixture('broken-among-good.vcf') });
    expect(preview.fileErrors).toEqual([]);
    expect(preview.cards.map((c) => [c.index, c.contact?.name ?? null, c.suggested])).toEqual([
      [0, 'Ana Silva', 'create'],
      [1, null, 'skip'],
      [2, 'Ben Okafor', 'create'],
      [3, null, 'skip'],
      [4, null, 'skip'],
      [5, null, 'skip'],
      [6, 'Chloé Martin', 'create'],
    ]);
    const broken = preview.cards.filter((c) => c.error);
    expect(broken.map((c) => c.error)).toEqual([expect.stringMatching(/END:VCARD/), expect.stringMatching(/not a vCard property/), expect.stringMatching(/no name/i), expect.stringMatching(/quote/)]);
    expect(broken[1].excerpt).toBe('this line was pasted from somewhere else');

    const chosen = preview.cards.filter((c) => c.contact).map((c) => ({ contact: c.contact!, action: c.suggested }));
    expect(await core.api('contacts.importCommit', { cards: chosen })).toEqual({ created: 3, merged: 0, skipped: 0 });
    expect((await core.api('contacts.list', {})).items.map((c) => [c.name, c.company, c.email])).toEqual([
      ['Ana Silva', null, 'ana.silva@example.com'],
      ['Ben Okafor', null, 'ben@okafor.example'],
      ['Chloé Martin', 'Atelier Martin', null],
    ]);

    // The same file again: everyone is now a duplicate, suggested as a merge into the saved contact.
    const again = await core.api('contacts.importPreview', { text: fixture('broken-among-good.vcf') });
    const ana = again.cards[0];
    expect(ana.duplicate).toMatchObject({ name: 'Ana Silva', reason: 'email' });
    expect(ana.suggested).toBe('merge');
    expect(again.cards[6].duplicate).toMatchObject({ name: 'Chloé Martin', company: 'Atelier Martin', reason: 'name_company' });
  });

  it('keeps every email, phone and address with its label and the preferred one primary', async () => {
    core = await testCore({ now: NOW });
    const preview = await core.api('contacts.importPreview', { text: fixture('apple-contacts-3.0.vcf') });
    const johnny = preview.cards[0];
    expect(johnny.contact).toMatchObject({
      name: 'Johnny Appleseed',
      givenName: 'Johnny',
      familyName: 'Appleseed',
      nameOrder: 'given_first',
      company: 'Orchard Labs',
      emails: [
        { address: 'johnny@orchardlabs.example', label: 'work', isPrimary: true },
        { address: 'johnny.appleseed@mac.example', label: 'home', isPrimary: false },
      ],
      phones: [
        { number: '(408) 555-0123', label: 'mobile', isPrimary: true },
        { number: '(408) 555-0199', label: 'work', isPrimary: false },
      ],
      addresses: [
        { lines: '1 Orchard Way\nBuilding 3', city: 'Cupertino', region: 'CA', postalCode: '95014', country: 'United States', label: 'work', isPrimary: true },
        { lines: '22 Elm St, Apt 4', city: 'Sunnyvale', label: 'home', isPrimary: false },
        { lines: 'Lindenstraße 5', city: 'München', label: 'other', isPrimary: false },
      ],
    });
    expect(johnny.warnings).toEqual([
      'PHOTO not imported',
      'X-ABUID ignored',
      'Label “Conference hotel” of Lindenstraße 5, München, Bayern 80331, Germany saved as other',
      'Kept in notes: the department',
    ]);
    expect(johnny.contact!.notes).toBe("Met at the SF tech fair; said they're hiring for platform roles, remote OK.\nFollow up in March – mention the caching talk.\n\nDepartment: Talent Acquisition");
    expect(johnny.fieldErrors).toEqual({});
    expect(await core.api('contacts.importCommit', { cards: [{ contact: johnny.contact!, action: 'create' }] })).toEqual({ created: 1, merged: 0, skipped: 0 });
    const saved = await core.api('contacts.get', { id: (await core.api('contacts.list', {})).items[0].id });
    expect(saved.emails.map((e) => [e.address, e.label, e.isPrimary])).toEqual([
      ['johnny@orchardlabs.example', 'work', true],
      ['johnny.appleseed@mac.example', 'home', false],
    ]);
    expect(saved.addresses.map((a) => [a.city, a.label])).toEqual([
      ['Cupertino', 'work'],
      ['Sunnyvale', 'home'],
      ['München', 'other'],
    ]);
  });

  it('imports every realistic fixture, merges when asked, and commits all or nothing', async () => {
    core = await testCore({ now: NOW });
    const existing = await core.api('contacts.create', { name: 'Priya R.', email: 'priya.raman@acme.example', notes: 'From the meetup' });
    let created = 0;
    for (const f of ['apple-contacts-3.0.vcf', 'google-contacts-3.0.vcf', 'outlook-2.1.vcf', 'vcard-4.0.vcf']) {
      const p = await core.api('contacts.importPreview', { text: fixture(f) });
      expect(p.cards.filter((c) => c.error || Object.keys(c.fieldErrors).length), f).toEqual([]);
      const cards = p.cards.map((c) => ({ contact: c.contact!, action: c.suggested, targetId: c.duplicate?.id }));
      const r = await core.api('contacts.importCommit', { cards });
      created += r.created;
      if (f.startsWith('google')) expect(r.merged).toBe(1);
    }
    const priya = await core.api('contacts.get', { id: existing.id });
    expect(priya.company).toBe('Acme Corp');
    expect(priya.title).toBe('Staff Engineer, Infrastructure');
    expect(priya.notes).toMatch(/^From the meetup\n\n/);
    expect(priya.notes).toContain('Name: Priya Raman');
    expect((await core.api('contacts.list', {})).total).toBe(created + 1);

    // A merge into a contact that is gone fails the whole commit.
    const before = (await core.api('contacts.list', {})).total;
    const err = await errorOf('contacts.importCommit', {
      cards: [
        { contact: { name: 'New Person' }, action: 'create' },
        { contact: { name: 'Ghost' }, action: 'merge', targetId: 9999 },
      ],
    });
    expect(err.fields).toEqual({ 'cards.1.targetId': 'Contact 9999 was not found.' });
    expect((await core.api('contacts.list', {})).total).toBe(before);
    expect((await errorOf('contacts.importCommit', { cards: [{ contact: { name: 'X', email: 'bad' }, action: 'merge' }] })).fields).toEqual({
      'cards.0.contact.email': 'Enter an email address like name@example.com.',
      'cards.0.targetId': 'Choose the contact to merge into.',
    });
  });

  it('reports a file that holds no vCard', async () => {
    core = await testCore({ now: NOW });
    expect(await core.api('contacts.importPreview', { text: 'name,email\nAna,ana@example.com' })).toEqual({ cards: [], fileErrors: ['No vCard (BEGIN:VCARD) found'] });
  });
});

describe('vCard export', () => {
  it('exports one, some, or the filtered contacts, and the file parses back to the same people (3.0 and 4.0)', async () => {
    core = await testCore({ now: NOW });
    const chloe = await core.api('contacts.create', {
      name: 'Chloé Martin',
      title: 'Directrice, Design',
      company: 'Atelier; Martin & Fils',
      email: 'chloe@atelier.example',
      phone: '+33 4 72 00 00 00',
      addressLines: '3 rue Haute\nBâtiment B',
      city: 'Lyon',
      postalCode: '69001',
      country: 'France',
      url: 'https://atelier.example/équipe?a=1,b=2',
      metHow: 'Design week panel',
      notes: 'Line one\nLine two, with a comma; and a semicolon',
    });
    const ben = await core.api('contacts.create', { name: 'Ben Okafor', email: 'ben@okafor.example' });

    for (const version of ['3.0', '4.0'] as const) {
      const one = await core.api('contacts.exportVcf', { ids: [chloe.id], version });
      expect(one.filename).toBe('chloe-martin.vcf');
      expect(one.content).toContain(`VERSION:${version}`);
      const parsed = parseVCards(one.content);
      expect(parsed.errors).toEqual([]);
      expect(parsed.cards[0].contact).toMatchObject({
        name: 'Chloé Martin',
        title: 'Directrice, Design',
        org: { name: 'Atelier; Martin & Fils', units: [] },
        emails: [{ value: 'chloe@atelier.example', pref: 1 }],
        phones: [{ value: '+33 4 72 00 00 00', pref: 1 }],
        addresses: [{ lines: '3 rue Haute\nBâtiment B', city: 'Lyon', region: null, postalCode: '69001', country: 'France', pref: 1 }],
        urls: [{ value: 'https://atelier.example/équipe?a=1,b=2' }],
        notes: ['Line one\nLine two, with a comma; and a semicolon'],
        app: { metHow: 'Design week panel' }, // an X-COURTESY- property, not inside NOTE
      });
    }
    const all = await core.api('contacts.exportVcf', {});
    expect(all).toMatchObject({ filename: 'courtesy-contacts-2.vcf', count: 2 });
    expect(parseVCards(all.content).cards.map((c) => c.contact.name)).toEqual(['Ben Okafor', 'Chloé Martin']);
    const filtered = await core.api('contacts.exportVcf', { missing: 'address' });
    expect(parseVCards(filtered.content).cards.map((c) => c.contact.name)).toEqual(['Ben Okafor']);
    const searched = await core.api('contacts.exportVcf', { search: 'chloe', version: '4.0' });
    expect(parseVCards(searched.content).cards.map((c) => c.contact.name)).toEqual(['Chloé Martin']);
    // Re-importing the export finds each person again.
    const again = await core.api('contacts.importPreview', { text: all.content });
    expect(again.cards.map((c) => c.duplicate?.id)).toEqual([ben.id, chloe.id]);
    expect((await errorOf('contacts.exportVcf', { ids: [ben.id, 777] })).code).toBe('not_found');
  });
});

describe('contacts.update duplicates', () => {
  it('warns when an edit makes a contact look like another one, unless forced', async () => {
    core = await testCore();
    const dana = await core.api('contacts.create', { name: 'Dana Lee', email: 'dana@globex.example', company: 'Globex' });
    const other = await core.api('contacts.create', { name: 'D. Lee', company: 'Initech' });
    const env = await core.call('contacts.update', { id: other.id, email: 'DANA@globex.example' });
    expect(!env.ok && env.error.code).toBe('conflict');
    expect(!env.ok && env.error.fields).toMatchObject({ email: 'Dana Lee (Globex) already has this email.', [`duplicate.${dana.id}`]: expect.any(String) });
    expect((await core.api('contacts.get', { id: other.id })).email).toBeNull();
    // Editing other fields of a contact never trips over itself.
    expect((await core.api('contacts.update', { id: dana.id, name: 'Dana Lee', title: 'Director' })).title).toBe('Director');
    expect((await core.api('contacts.update', { id: other.id, email: 'dana@globex.example', force: true })).email).toBe('dana@globex.example');
  });
});
