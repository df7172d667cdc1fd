// Desktop notices on real SQLite: what is pending as the test clock moves (never a real sleep), the claim
// that keeps two windows or a restart from showing a notice twice, the setting, and a failed send over
// the loopback SMTP server.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { startTestSmtp, type TestSmtp } from '../../testing/smtp';
import { DUE_SOON_NOTICE, NOTICE_CAP, span, STALE_AFTER } from './notifications';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 24, 15);
let cores: TestCore[] = [];
let smtp: TestSmtp | undefined;
afterEach(async () => {
  for (const c of cores) c.close();
  cores = [];
  await smtp?.stop().catch(() => {});
  smtp = undefined;
});

async function core(opts: { dir?: string } = {}) {
  const c = await testCore({ now: T0, ...opts });
  cores.push(c);
  await c.api('settings.update', { notifications: true });
  return c;
}

/** An interview 10:00-11:00 (T0-1h .. T0) with Dana Lee at Northwind: her thank-you is due at T0 + 24 h. */
async function interview(c: TestCore) {
  const app = await c.api('applications.create', { company: 'Northwind Health', role: 'Data Engineer', stage: 'applied' });
  const iv = await c.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: T0 - HOUR, endAt: T0, participants: [{ name: 'Dana Lee' }] });
  const noteId = c.ctx.sqlite.prepare('SELECT id FROM notes WHERE interview_id = ?').pluck().get(iv.id) as number;
  return { app, iv, noteId, due: T0 + 24 * HOUR };
}

const pending = async (c: TestCore) => (await c.api('notifications.pending', {})).items;

describe('notices for due notes', () => {
  it('rings once when a thank-you is due soon and once when it is overdue', async () => {
    const c = await core();
    const { noteId, due } = await interview(c);
    expect(await pending(c)).toEqual([]);

    c.ctx.clock.set(due - DUE_SOON_NOTICE - MIN);
    expect(await pending(c)).toEqual([]);
    c.ctx.clock.advance(2 * MIN);
    const [soon, ...more] = await pending(c);
    expect(more).toEqual([]);
    expect(soon).toEqual({
      key: `note_due_soon:${noteId}:${due}`,
      kind: 'note_due_soon',
      title: 'Thank-you due in 3 hours',
      body: 'To Dana Lee at Northwind Health (Data Engineer). Write it now, while the conversation is fresh.',
      open: { screen: 'note', id: noteId },
      at: due,
    });
    expect(await c.api('notifications.ack', { keys: [soon.key] })).toEqual({ claimed: [soon.key] });
    expect(await pending(c)).toEqual([]);
    // Polling again an hour later finds nothing new.
    c.ctx.clock.advance(HOUR);
    expect(await pending(c)).toEqual([]);

    c.ctx.clock.set(due + 2 * HOUR);
    const [late] = await pending(c);
    expect(late).toMatchObject({ key: `note_overdue:${noteId}:${due}`, title: 'Thank-you overdue', body: 'To Dana Lee at Northwind Health (Data Engineer): it was due 2 hours ago. A late note still beats no note.' });
    await c.api('notifications.ack', { keys: [late.key] });
    expect(await pending(c)).toEqual([]);
  });

  it('rings again for a new due time, and not for notes long overdue or released by a rejection', async () => {
    const c = await core();
    const { app, iv, noteId, due } = await interview(c);
    c.ctx.clock.set(due - HOUR);
    const [first] = await pending(c);
    await c.api('notifications.ack', { keys: [first.key] });
    // The interview moves a day later: the thank-you is due a day later, a new event.
    await c.api('interviews.update', { id: iv.id, startAt: T0 - HOUR + DAY, endAt: T0 + DAY });
    c.ctx.clock.set(due + DAY - HOUR);
    expect((await pending(c)).map((i) => i.key)).toEqual([`note_due_soon:${noteId}:${due + DAY}`]);

    // Long overdue (missed while the app was closed): Today shows it, no notice.
    c.ctx.clock.set(due + DAY + STALE_AFTER + MIN);
    expect(await pending(c)).toEqual([]);

    c.ctx.clock.set(due + DAY + HOUR);
    expect(await pending(c)).toHaveLength(1);
    await c.api('applications.moveStage', { id: app.id, stage: 'rejected' });
    expect(await pending(c)).toEqual([]);
  });

  it('says nothing while the setting is off, as it is until the person turns it on', async () => {
    const fresh = await testCore({ now: T0 });
    cores.push(fresh);
    expect(await fresh.api('notifications.pending', {})).toEqual({ enabled: false, items: [] });
    const c = await core();
    const { due } = await interview(c);
    c.ctx.clock.set(due - HOUR);
    await c.api('settings.update', { notifications: false });
    expect(await c.api('notifications.pending', {})).toEqual({ enabled: false, items: [] });
    await c.api('settings.update', { notifications: true });
    expect(await c.api('notifications.pending', {})).toMatchObject({ enabled: true, items: [{ kind: 'note_due_soon' }] });
  });
});

describe('the claim', () => {
  it('lets only the first of two windows show a notice, and remembers it after a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-notify-'));
    try {
      const c = await core({ dir });
      const { due } = await interview(c);
      c.ctx.clock.set(due - HOUR);
      // Both windows poll before either claims: both see the notice, one gets to show it.
      const [a, b] = await Promise.all([pending(c), pending(c)]);
      expect(a).toEqual(b);
      const keys = a.map((i) => i.key);
      expect(await c.api('notifications.ack', { keys })).toEqual({ claimed: keys });
      expect(await c.api('notifications.ack', { keys })).toEqual({ claimed: [] });
      c.close();
      cores = [];

      const again = await core({ dir });
      again.ctx.clock.set(due - HOUR);
      expect(await pending(again)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives at most NOTICE_CAP a poll, oldest first, and the rest on the next', async () => {
    const c = await core();
    const ids: number[] = [];
    for (let i = 0; i < NOTICE_CAP + 3; i++) ids.push((await c.api('reminders.create', { title: `Call ${i}`, dueAt: T0 + (i + 1) * MIN })).id);
    c.ctx.clock.set(T0 + DAY);
    const first = await pending(c);
    expect(first.map((i) => i.open.id)).toEqual(ids.slice(0, NOTICE_CAP));
    await c.api('notifications.ack', { keys: first.map((i) => i.key) });
    expect((await pending(c)).map((i) => i.open.id)).toEqual(ids.slice(NOTICE_CAP));
  });

  it('forgets keys a month old, which can no longer ring', async () => {
    const c = await core();
    await c.api('notifications.ack', { keys: ['reminder_due:1:5'] });
    c.ctx.clock.advance(31 * DAY);
    await c.api('notifications.ack', { keys: ['reminder_due:2:5'] });
    expect(c.ctx.sqlite.prepare('SELECT key FROM notifications_sent').pluck().all()).toEqual(['reminder_due:2:5']);
  });

  it('refuses keys that are not notice keys, beside the field', async () => {
    const c = await core();
    expect(await errorOf(c.api('notifications.ack', { keys: [] }))).toMatchObject({ code: 'validation', fields: { keys: 'Give at least one notice key.' } });
    const bad = await errorOf(c.api('notifications.ack', { keys: ["x'; DROP TABLE notes;--"] }));
    expect(bad.code).toBe('validation');
    expect(JSON.stringify(bad.fields)).toContain('A notice key looks like kind:id:time');
  });
});

describe('notices for reminders, sends and replies', () => {
  it('rings when a reminder comes due, and again once a snooze runs out', async () => {
    const c = await core();
    const app = await c.api('applications.create', { company: 'Globex', role: 'SRE' });
    const r = await c.api('reminders.create', { title: 'Ask about the offsite', dueAt: T0 + HOUR, applicationId: app.id });
    expect(await pending(c)).toEqual([]);
    c.ctx.clock.set(T0 + HOUR);
    const [n] = await pending(c);
    expect(n).toEqual({ key: `reminder_due:${r.id}:${T0 + HOUR}`, kind: 'reminder_due', title: 'Reminder: Ask about the offsite', body: 'Globex (SRE)', open: { screen: 'reminder', id: r.id }, at: T0 + HOUR });
    await c.api('notifications.ack', { keys: [n.key] });
    await c.api('reminders.snooze', { id: r.id, until: T0 + DAY });
    c.ctx.clock.set(T0 + DAY + MIN);
    expect((await pending(c)).map((i) => i.key)).toEqual([`reminder_due:${r.id}:${T0 + DAY}`]);
    await c.api('reminders.complete', { id: r.id, done: true });
    expect(await pending(c)).toEqual([]);
  });

  it('rings when a send fails for good, with the server’s reason, and again when a retry fails', async () => {
    smtp = await startTestSmtp();
    const c = await core();
    await c.api('mail.saveAccount', {
      address: smtp.user,
      username: smtp.user,
      smtpHost: smtp.host,
      smtpPort: smtp.port,
      smtpSecurity: 'none',
      imapHost: '127.0.0.1',
      imapPort: 1,
      imapSecurity: 'none',
      saveSentCopy: false,
      password: smtp.password,
    });
    const dana = await c.api('contacts.create', { name: 'Dana Öberg', emails: [{ address: 'dana@northwind.example', label: 'work' }] });
    const note = await c.api('notes.create', { kind: 'thank_you', contactId: dana.id, delivery: 'email', dueAt: T0 + 24 * HOUR });
    await c.api('notes.update', { id: note.id, revision: note.revision, subject: 'Thank you', body: 'Dear Dana, thank you.' });
    smtp.rejectWith = { code: 550, message: '5.1.1 mailbox unavailable' };
    await c.api('outbox.queue', { noteId: note.id });
    await c.api('outbox.runNow', {});
    const [n] = await pending(c);
    expect(n).toMatchObject({ kind: 'send_failed', title: 'Email to Dana Öberg not sent', open: { screen: 'note', id: note.id } });
    expect(n.body).toContain('mailbox unavailable');
    await c.api('notifications.ack', { keys: [n.key] });
    expect(await pending(c)).toEqual([]);

    c.ctx.clock.advance(MIN);
    await c.api('outbox.retry', { noteId: note.id });
    await c.api('outbox.runNow', {});
    const [again] = await pending(c);
    expect(again.kind).toBe('send_failed');
    expect(again.key).not.toBe(n.key);
  });

  it('rings for a new reply matched to a note, not once it is seen', async () => {
    const c = await core();
    const { app, noteId } = await interview(c);
    const contactId = c.ctx.sqlite.prepare('SELECT contact_id FROM notes WHERE id = ?').pluck().get(noteId) as number;
    const replyId = Number(
      c.ctx.sqlite
        .prepare(
          `INSERT INTO replies (note_id, contact_id, application_id, from_address, subject, date, first_lines, method, mailbox, uid_validity, uid)
           VALUES (?, ?, ?, 'dana@northwind.test', 'Re: Thank you', ?, '\nLovely to meet you too!\nDana', 'in_reply_to', 'INBOX', 1, 1)`,
        )
        .run(noteId, contactId, app.id, T0 + HOUR).lastInsertRowid,
    );
    c.ctx.clock.set(T0 + 2 * HOUR);
    expect(await pending(c)).toEqual([
      { key: `reply:${replyId}:${T0 + HOUR}`, kind: 'reply', title: 'Reply from Dana Lee', body: 'Lovely to meet you too!', open: { screen: 'note', id: noteId }, at: T0 + HOUR },
    ]);
    await c.api('replies.markSeen', { id: replyId, seen: true });
    expect(await pending(c)).toEqual([]);
  });
});

describe('span', () => {
  it('says the largest whole unit', () => {
    expect([span(30_000), span(45 * MIN), span(HOUR), span(3 * HOUR + 20 * MIN), span(DAY), span(3 * DAY)]).toEqual(['1 minute', '45 minutes', '1 hour', '3 hours', '1 day', '3 days']);
  });
});
