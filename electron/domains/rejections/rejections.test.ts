import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, testCore, type TestCore } from '../../testing/core';

let core: TestCore;
afterEach(() => core?.close());
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 5, 1, 13);


/** Globex: a recruiter on the application (also an interviewer), a hiring manager, and an interviewer met once. */
async function setup() {
  core = await testCore({ now: T0 });
  await core.api('settings.update', { profile: { name: 'Alex Kim', signature: 'Alex' }, reconnectDays: 60 });
  const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
  const sql = core.ctx.sqlite;
  const contact = (name: string, extra = '') =>
    Number(sql.prepare(`INSERT INTO contacts (name, email, address_lines, city, company_id) VALUES (?, ?, ?, ?, ?)`).run(
      name,
      extra.includes('email') ? `${name.split(' ')[0].toLowerCase()}@globex.example` : null,
      extra.includes('address') ? '1 Main St' : null,
      extra.includes('address') ? 'Springfield' : null,
      app.companyId,
    ).lastInsertRowid);
  const rita = contact('Rita Recruiter', 'email');
  const hank = contact('Hank Manager', 'email address');
  const ivan = contact('Ivan Interviewer');
  const stranger = contact('Someone Else', 'email');
  sql.prepare("INSERT INTO application_contacts (application_id, contact_id, role) VALUES (?, ?, 'recruiter'), (?, ?, 'hiring_manager'), (?, ?, 'referrer')").run(
    app.id, rita, app.id, hank, app.id, rita,
  );
  const iv = await core.api('interviews.create', {
    applicationId: app.id,
    kind: 'video',
    startAt: T0 - 5 * DAY,
    endAt: T0 - 5 * DAY + HOUR,
    participants: [{ contactId: rita }, { contactId: ivan }],
  });
  await core.api('interviews.update', { id: iv.id, topics: 'the migration to event sourcing' });
  return { app, rita, hank, ivan, stranger, iv };
}

describe('after a rejection', () => {
  it('prepares everyone on the application once, with what each note needs', async () => {
    const { app, rita, hank, ivan } = await setup();
    await core.api('applications.moveStage', { id: app.id, stage: 'rejected' });
    // Interview participants also get the interviewer role on the application (interviews domain).
    const p = await core.api('rejections.prepare', { applicationId: app.id });
    expect(p.application).toEqual({ id: app.id, company: 'Globex', role: 'Platform Engineer', stage: 'rejected' });
    expect(p.reconnectDays).toBe(60);
    expect(p.contacts.map((c) => [c.contactId, c.name, [...c.roles].sort(), c.interviews, c.hasEmail, c.hasAddress, c.existingNote])).toEqual([
      [hank, 'Hank Manager', ['hiring_manager'], 0, true, true, null],
      [ivan, 'Ivan Interviewer', ['interviewer'], 1, false, false, null],
      [rita, 'Rita Recruiter', ['interviewer', 'recruiter', 'referrer'], 1, true, false, null],
    ]);
    expect((await errorOf(core.api('rejections.prepare', { applicationId: 999 }))).code).toBe('not_found');
  });

  it('drafts a gracious note per chosen contact and a reconnect reminder in one step, and never twice', async () => {
    const { app, rita, hank, ivan, iv } = await setup();
    const res = await core.api('rejections.apply', { applicationId: app.id, contactIds: [rita, hank], delivery: 'email', reconnectInDays: 90 });
    expect(res.noteIds).toHaveLength(2);
    expect(res.skipped).toEqual([]);
    expect(res.reminder).toMatchObject({ kind: 'reconnect', title: 'Reconnect with Globex: no is not forever', applicationId: app.id, company: 'Globex', doneAt: null });
    expect(res.reminder!.dueAt).toBe(T0 + 90 * DAY);

    const notes = core.ctx.sqlite
      .prepare('SELECT id, kind, contact_id AS contactId, application_id AS applicationId, interview_id AS interviewId, delivery, status, due_at AS dueAt, subject, body, template_id AS templateId FROM notes WHERE kind = ? ORDER BY id')
      .all('after_rejection') as Array<Record<string, unknown> & { body: string; dueAt: number }>;
    expect(notes.map((n) => [n.id, n.contactId, n.applicationId, n.interviewId, n.delivery, n.status])).toEqual([
      [res.noteIds[0], rita, app.id, iv.id, 'email', 'draft'],
      [res.noteIds[1], hank, app.id, iv.id, 'email', 'draft'],
    ]);
    for (const n of notes) {
      expect(n.dueAt).toBe(T0 + 2 * DAY);
      expect(n.templateId).not.toBeNull();
      expect(n.subject).toBe('Thank you, and staying in touch');
      // The gracious template, filled: thanks, continued interest, what you bring (left for the writer), keep me in mind.
      expect(n.body).toContain('Thank you for letting me know about your decision on the Platform Engineer role');
      expect(n.body).toContain('I enjoyed learning about the migration to event sourcing.');
      expect(n.body).toContain('I remain very interested in Globex');
      expect(n.body).toContain('{{what you bring, in one sentence}}');
      expect(n.body).toContain('kept me in mind');
      expect(n.body).toMatch(/Best regards,\nAlex$/);
    }
    expect(notes[0].body).toMatch(/^Dear Rita,/);
    expect(notes[1].body).toMatch(/^Dear Hank,/);
    const events = core.ctx.sqlite.prepare('SELECT count(*) AS n FROM note_events WHERE note_id IN (?, ?) AND status = ?').get(...res.noteIds, 'draft') as { n: number };
    expect(events.n).toBe(2);

    // Again, with Ivan added and a handwritten card: only Ivan gets a new note; the reminder moves, not doubles.
    const again = await core.api('rejections.apply', { applicationId: app.id, contactIds: [rita, hank, ivan], delivery: 'handwritten' });
    expect(again.skipped).toEqual([
      { contactId: rita, noteId: res.noteIds[0] },
      { contactId: hank, noteId: res.noteIds[1] },
    ]);
    expect(again.noteIds).toHaveLength(1);
    expect(again.reminder!.id).toBe(res.reminder!.id);
    expect(again.reminder!.dueAt).toBe(T0 + 60 * DAY); // settings.reconnectDays (60) by default
    const card = core.ctx.sqlite.prepare('SELECT delivery, body FROM notes WHERE id = ?').get(again.noteIds[0]) as { delivery: string; body: string };
    expect(card.delivery).toBe('handwritten');
    expect(card.body).toMatch(/^Dear Ivan,/);
    expect((core.ctx.sqlite.prepare("SELECT count(*) AS n FROM reminders WHERE kind = 'reconnect'").get() as { n: number }).n).toBe(1);
    const prepared = await core.api('rejections.prepare', { applicationId: app.id });
    expect(prepared.contacts.find((c) => c.contactId === ivan)!.existingNote).toEqual({ id: again.noteIds[0], status: 'draft', delivery: 'handwritten' });

    // The reminder is on Today when its day comes, not before.
    core.ctx.clock.set(T0 + 59 * DAY);
    expect((await core.api('today.get', {})).reminders).toEqual([]);
    core.ctx.clock.set(T0 + 60 * DAY + HOUR);
    expect((await core.api('today.get', {})).reminders.map((r) => r.title)).toEqual(['Reconnect with Globex: no is not forever']);
  });

  it('allows no reminder and no notes, and refuses people who are not on the application without writing anything', async () => {
    const { app, rita, stranger } = await setup();
    const none = await core.api('rejections.apply', { applicationId: app.id, contactIds: [], delivery: 'email', reconnectInDays: null });
    expect(none).toEqual({ noteIds: [], skipped: [], reminder: null });
    const err = await errorOf(core.api('rejections.apply', { applicationId: app.id, contactIds: [rita, stranger], delivery: 'email', reconnectInDays: 30 }));
    expect(err.code).toBe('validation');
    expect(err.fields?.contactIds).toMatch(/not on this application/);
    const bad = await errorOf(core.api('rejections.apply', { applicationId: app.id, contactIds: [rita], delivery: 'email', reconnectInDays: 0 }));
    expect(bad.fields?.reconnectInDays).toMatch(/at least 1 day/);
    const counts = core.ctx.sqlite.prepare("SELECT (SELECT count(*) FROM notes WHERE kind = 'after_rejection') AS notes, (SELECT count(*) FROM reminders) AS reminders").get();
    expect(counts).toEqual({ notes: 0, reminders: 0 });
  });
});
