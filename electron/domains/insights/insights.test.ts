import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../testing/core';

let core: TestCore;
afterEach(() => core?.close());
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 15);

describe('insights', () => {
  it('counts thank-yous sent and on time, the delivery mix, and outcomes side by side', async () => {
    core = await testCore({ now: T0 });
    const a = await core.api('applications.create', { company: 'Acme', role: 'Engineer', stage: 'applied' });
    const b = await core.api('applications.create', { company: 'Globex', role: 'Engineer', stage: 'applied' });
    const ia = await core.api('interviews.create', { applicationId: a.id, kind: 'video', startAt: T0, endAt: T0 + HOUR, participants: [{ name: 'Ana' }, { name: 'Bo' }] });
    await core.api('interviews.create', { applicationId: b.id, kind: 'video', startAt: T0, endAt: T0 + HOUR, participants: [{ name: 'Cy' }] });
    core.ctx.clock.set(T0 + 2 * HOUR);
    // Both of Acme's interviewers thanked: one email on time, one card mailed late.
    const [ana, bo] = ia.participants.map((p) => p.thankYouNoteId!);
    core.ctx.sqlite.prepare("UPDATE notes SET status = 'sent', sent_at = ? WHERE id = ?").run(T0 + 3 * HOUR, ana);
    core.ctx.sqlite.prepare("UPDATE notes SET status = 'mailed', delivery = 'handwritten', mailed_at = ? WHERE id = ?").run(T0 + 40 * HOUR, bo);
    await core.api('applications.moveStage', { id: a.id, stage: 'offer' });
    await core.api('applications.moveStage', { id: b.id, stage: 'rejected' });
    const i = await core.api('insights.get', {});
    expect(i.interviewsThanked).toEqual({ count: 1, of: 2 });
    expect(i.thankYousOnTime).toEqual({ count: 1, of: 2 });
    expect(i.delivery).toEqual({ email: 1, handwritten: 1 });
    expect(i.afterRejection).toEqual({ count: 0, of: 1 });
    expect(i.outcomes).toEqual([
      { group: 'all_thanked', applications: 1, reachedOffer: 1 },
      { group: 'some_thanked', applications: 0, reachedOffer: 0 },
      { group: 'none_thanked', applications: 1, reachedOffer: 0 },
    ]);
    expect(i.stages.find((s) => s.stage === 'offer')?.count).toBe(1);
    expect(i.replies).toEqual({ email: { count: 0, of: 1 }, handwritten: { count: 0, of: 1 } });
    expect(i.repliesTracked).toBe(false);
  });

  it('counts notes replied to by delivery; an unmatched reply and a second reply to the same note do not add', async () => {
    core = await testCore({ now: T0 });
    const sql = core.ctx.sqlite;
    const note = (delivery: string, status: string) =>
      Number(sql.prepare("INSERT INTO notes (kind, delivery, body, status, sent_at, mailed_at) VALUES ('thank_you', ?, 'Thanks', ?, ?, ?)").run(delivery, status, status === 'sent' ? T0 : null, status === 'mailed' ? T0 : null).lastInsertRowid);
    const emails = [note('email', 'sent'), note('email', 'sent'), note('email', 'sent'), note('email', 'draft')];
    const cards = [note('handwritten', 'mailed'), note('handwritten', 'mailed')];
    let uid = 0;
    const reply = (noteId: number, unmatched = false) =>
      sql
        .prepare("INSERT INTO replies (note_id, from_address, date, method, mailbox, uid_validity, uid, unmatched_at) VALUES (?, 'x@y.test', ?, 'contact', 'INBOX', 1, ?, ?)")
        .run(noteId, T0 + HOUR, ++uid, unmatched ? T0 : null);
    reply(emails[0]);
    reply(emails[0]);
    reply(emails[1], true);
    reply(emails[3]);
    reply(cards[0]);
    sql.prepare("INSERT INTO reply_scans (mailbox, uid_validity, last_uid, scanned_at) VALUES ('INBOX', 1, 9, ?)").run(T0);
    const i = await core.api('insights.get', {});
    expect(i.replies).toEqual({ email: { count: 1, of: 3 }, handwritten: { count: 1, of: 2 } });
    expect(i.delivery).toEqual({ email: 3, handwritten: 2 });
    expect(i.repliesTracked).toBe(true);
  });
});
