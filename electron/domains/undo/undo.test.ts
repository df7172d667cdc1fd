// Undo restores exactly: for each kind of undoable action, every row of every table (and the rows of
// the full-text indexes) after undo equals the set before the action, ids and timestamps included.
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { allRows } from '../../testing/migration-seed';
import type { Sqlite } from '../../db/open';
import { UNDO_TTL_MS } from '../../shared/undo';

let core: TestCore;
afterEach(() => core?.close());
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 14, 0);

/** Every row of every table, the FTS tables' stored rows and sqlite_sequence left out (ids are never reused). */
function everything(sqlite: Sqlite) {
  const rows = Object.fromEntries([...allRows(sqlite)].filter(([t]) => t !== 'undo_journal'));
  for (const fts of ['applications_fts', 'contacts_fts', 'notes_fts']) rows[fts] = sqlite.prepare(`SELECT rowid, * FROM ${fts} ORDER BY rowid`).all() as never;
  return rows;
}
const ftsSound = (sqlite: Sqlite) => {
  for (const fts of ['applications_fts', 'contacts_fts', 'notes_fts']) sqlite.prepare(`INSERT INTO ${fts}(${fts}, rank) VALUES ('integrity-check', 1)`).run();
};

/** Two applications; one with stage history, a role, a reminder, an interview with two participants who have several channels, notes with events and a card in the ledger. */
async function world() {
  core = await testCore({ now: T0 });
  const app = await core.api('applications.create', { company: 'Northwind', role: 'Designer', stage: 'wishlist', notes: 'portfolio review' });
  core.ctx.clock.advance(HOUR);
  await core.api('applications.moveStage', { id: app.id, stage: 'applied', note: 'sent CV' });
  core.ctx.clock.advance(HOUR);
  const other = await core.api('applications.create', { company: 'Globex', role: 'Writer' });
  const dana = await core.api('contacts.create', {
    name: 'Dana Whitfield',
    company: 'Northwind',
    emails: [
      { address: 'dana@northwind.example', label: 'work', isPrimary: true },
      { address: 'dana.home@mail.example', label: 'home' },
    ],
    phones: [{ number: '555-0101', label: 'mobile' }],
    addresses: [
      { lines: '12 Elm St', city: 'Boston', region: 'MA', postalCode: '02110', label: 'work' },
      { lines: '3 Oak Ave', city: 'Salem', label: 'home' },
    ],
  });
  const priya = await core.api('contacts.create', { name: 'Priya Nair', emails: [{ address: 'priya@northwind.example' }] });
  await core.api('contacts.setRole', { applicationId: app.id, contactId: dana.id, role: 'recruiter' });
  core.ctx.clock.advance(HOUR);
  const iv = await core.api('interviews.create', {
    applicationId: app.id,
    round: 'Onsite',
    kind: 'onsite',
    startAt: T0 + 24 * HOUR,
    endAt: T0 + 26 * HOUR,
    timeZone: 'America/New_York',
    location: 'https://meet.example/abc',
    participants: [{ contactId: dana.id }, { contactId: priya.id }],
  });
  await core.api('interviews.update', { id: iv.id, talkedAbout: [{ contactId: dana.id, text: 'design systems' }] });
  const reminder = await core.api('reminders.create', { title: 'Follow up with Dana', dueAt: T0 + 72 * HOUR, applicationId: app.id, contactId: dana.id });
  const [thanks] = (await core.api('notes.forInterview', { interviewId: iv.id })).entries.flatMap((e) => e.notes);
  const card = await core.api('notes.create', { kind: 'thank_you', contactId: dana.id, applicationId: app.id, interviewId: iv.id, delivery: 'handwritten' });
  const stamp = await core.api('stationery.createItem', { kind: 'stamp', name: 'Forever', postageCents: 78 });
  const cards = await core.api('stationery.createItem', { kind: 'card', name: 'Plain' });
  await core.api('stationery.record', { itemId: stamp.id, reason: 'purchase', quantity: 5 });
  await core.api('stationery.record', { itemId: cards.id, reason: 'purchase', quantity: 5 });
  core.ctx.clock.advance(HOUR);
  return { app, other, dana, priya, iv, reminder, thanks, card };
}

const notesTo = (id: number) => core.ctx.sqlite.prepare('SELECT count(*) FROM notes WHERE contact_id = ?').pluck().get(id) as number;

/** Runs the action, checks it changed something, undoes it and compares everything. */
type NoteRow = { id: number; revision: number };
const notesOf = (rows: Record<string, unknown>) => rows.notes as NoteRow[];

async function roundTrip(act: () => Promise<{ undo: { token: string } }>) {
  const before = everything(core.ctx.sqlite);
  const { undo } = await act();
  core.ctx.clock.advance(5000);
  const after = everything(core.ctx.sqlite);
  expect(after).not.toEqual(before);
  await core.api('undo.apply', { token: undo.token });
  const undone = everything(core.ctx.sqlite);
  // A note the action changed (not deleted) comes back with the next revision, so an open composer
  // sees a newer copy; every other column, and every other row, is exactly as before.
  for (const n of notesOf(undone)) {
    const was = notesOf(before).find((b) => b.id === n.id)!;
    const then = notesOf(after).find((a) => a.id === n.id);
    if (then && JSON.stringify(then) !== JSON.stringify(was)) {
      expect(n.revision).toBe(then.revision + 1);
      n.revision = was.revision;
    }
  }
  expect(undone).toEqual(before);
  ftsSound(core.ctx.sqlite);
  expect(core.ctx.sqlite.pragma('foreign_key_check')).toEqual([]);
  return undo.token;
}

describe('undo restores exactly', () => {
  it('a deleted application: stage history, interviews and participants, roles, reminders, note links', async () => {
    const w = await world();
    const token = await roundTrip(() => core.api('applications.delete', { id: w.app.id, confirm: true }));
    expect((await core.api('applications.list', { search: 'portfolio' })).items.map((a) => a.id)).toEqual([w.app.id]);
    // Each action is undone once.
    expect((await errorOf(core.api('undo.apply', { token }))).message).toMatch(/can no longer be undone/);
  });

  it('a stage move and an archive', async () => {
    const w = await world();
    await roundTrip(() => core.api('applications.moveStage', { id: w.app.id, stage: 'rejected' }));
    await roundTrip(() => core.api('applications.archive', { id: w.app.id, archived: true }));
  });

  it('a deleted interview: participants and what was said, its notes linked again', async () => {
    const w = await world();
    await roundTrip(() => core.api('interviews.delete', { id: w.iv.id, confirm: true }));
  });

  it('a deleted contact: emails, phones, addresses, roles, participants, reminders, notes’ links and names', async () => {
    const w = await world();
    const notes = notesTo(w.dana.id);
    await roundTrip(() => core.api('contacts.delete', { id: w.dana.id, confirm: true, noteCount: notes }));
    expect((await core.api('contacts.list', { search: 'dana.home@mail.example' })).items.map((c) => c.id)).toEqual([w.dana.id]);
  });

  it('a deleted note with its history; a mailed card with its links from the stationery ledger', async () => {
    const w = await world();
    await roundTrip(() => core.api('notes.delete', { id: w.thanks.id, confirm: true }));
    await core.api('notes.advance', { id: w.card.id, status: 'mailed' });
    await roundTrip(() => core.api('notes.delete', { id: w.card.id, confirm: true }));
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM stationery_ledger WHERE note_id = ?').pluck().get(w.card.id)).toBe(2);
  });

  it('a deleted reminder', async () => {
    const w = await world();
    await roundTrip(() => core.api('reminders.delete', { id: w.reminder.id }));
  });

  it('card steps: written, stamped (skipped steps), mailed (stationery used)', async () => {
    const w = await world();
    await roundTrip(() => core.api('notes.advance', { id: w.card.id, status: 'written' }));
    await roundTrip(() => core.api('notes.advance', { id: w.card.id, status: 'stamped' }));
    await roundTrip(() => core.api('notes.advance', { id: w.card.id, status: 'mailed' }));
  });
});

describe('undo refuses rather than overwrite', () => {
  it('a row changed since: says what, changes nothing', async () => {
    const w = await world();
    const { undo } = await core.api('applications.moveStage', { id: w.app.id, stage: 'screening' });
    await core.api('applications.update', { id: w.app.id, location: 'Remote' });
    const before = everything(core.ctx.sqlite);
    const err = await errorOf(core.api('undo.apply', { token: undo.token }));
    expect(err).toMatchObject({ code: 'conflict' });
    expect(err.message).toBe('“Moved Designer at Northwind to Screening” cannot be undone: the application changed since. Nothing was changed.');
    expect(everything(core.ctx.sqlite)).toEqual(before);
  });

  it('a reminder whose contact was deleted since cannot come back', async () => {
    const w = await world();
    const { undo } = await core.api('reminders.delete', { id: w.reminder.id });
    const notes = notesTo(w.dana.id);
    await core.api('contacts.delete', { id: w.dana.id, confirm: true, noteCount: notes });
    const err = await errorOf(core.api('undo.apply', { token: undo.token }));
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/something it belongs to was removed/);
  });

  it('after the journal’s time is up', async () => {
    const w = await world();
    const { undo } = await core.api('reminders.delete', { id: w.reminder.id });
    expect(undo.label).toBe('Deleted the reminder “Follow up with Dana”');
    core.ctx.clock.advance(UNDO_TTL_MS);
    expect((await errorOf(core.api('undo.apply', { token: undo.token }))).code).toBe('not_found');
    // Expired entries are cleared when the next action is recorded.
    await core.api('applications.archive', { id: w.other.id, archived: true });
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM undo_journal').pluck().get()).toBe(1);
  });
});
