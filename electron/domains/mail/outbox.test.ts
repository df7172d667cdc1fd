// The outbox against a real SMTP server on loopback (electron/testing/smtp.ts): the bytes that
// arrive, retries after a refused connection, a permanent refusal, schedules, cancel and edit while
// queued, and a stop mid-send. The test clock stands still; time passes only by clock.advance.
import fs from 'node:fs';
import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEml } from '../../formats/eml/eml';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { startTestSmtp, type TestSmtp } from '../../testing/smtp';
import { backoffMs, MAX_ATTEMPTS } from '../../shared/mail';

const T0 = Date.UTC(2026, 10, 24, 15, 0);
const HOUR = 3_600_000;
let core: TestCore | undefined;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  core?.close();
  core = undefined;
  await smtp?.stop().catch(() => {});
  smtp = undefined;
});

function accountFor(s: TestSmtp, extra: Record<string, unknown> = {}) {
  return {
    address: s.user,
    displayName: 'Jordan Ávery',
    username: s.user,
    smtpHost: s.host,
    smtpPort: s.port,
    smtpSecurity: 'none' as const,
    imapHost: '127.0.0.1',
    imapPort: 1,
    imapSecurity: 'none' as const,
    saveSentCopy: false,
    ...extra,
  };
}

async function setup(opts: { dir?: string } = {}) {
  smtp = await startTestSmtp();
  core = await testCore({ now: T0, ...opts });
  await core.api('mail.saveAccount', { ...accountFor(smtp), password: smtp.password });
  const contact = await core.api('contacts.create', { name: 'Dana Öberg', emails: [{ address: 'dana@northwind.example', label: 'work' }] });
  const note = await core.api('notes.create', { kind: 'thank_you', contactId: contact.id, delivery: 'email', dueAt: T0 + 24 * HOUR });
  const edited = await core.api('notes.update', {
    id: note.id,
    revision: note.revision,
    subject: 'Thank you — Tuesday’s onsite',
    body: 'Dear Dana,\n\nThank you for the tour of the façade lab. The part about résumé parsing stayed with me.\n\n' + 'A long line '.repeat(100) + '\n\nJordan',
  });
  return { core, smtp, note: edited };
}

describe('the account', () => {
  it('keeps the password out of the database and every answer, and checks fields in main', async () => {
    smtp = await startTestSmtp({ password: 'Secret-Pa55-word-xyz' });
    core = await testCore({ now: T0, memory: false });
    const saved = await core.api('mail.saveAccount', { ...accountFor(smtp), password: smtp.password });
    expect(saved).toMatchObject({ hasPassword: true, account: { address: smtp.user, smtpPort: smtp.port } });
    expect(JSON.stringify(saved)).not.toContain('Secret-Pa55');
    expect(JSON.stringify(await core.api('mail.account', {}))).not.toContain('Secret-Pa55');
    expect(JSON.stringify(await core.api('data.export', {}))).not.toContain('Secret-Pa55');
    core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of fs.readdirSync(core.dir)) {
      if (fs.statSync(`${core.dir}/${f}`).isFile()) expect(fs.readFileSync(`${core.dir}/${f}`).includes('Secret-Pa55'), f).toBe(false);
    }
    // Plain text only to this computer; each field says what is wrong.
    const refused = await errorOf(core.api('mail.saveAccount', { ...accountFor(smtp), smtpHost: 'smtp.example.com', imapHost: 'https://imap.example.com/', smtpPort: 70000 }));
    expect(refused.fields).toMatchObject({
      smtpSecurity: expect.stringContaining('only to this computer'),
      imapHost: expect.stringContaining('server name like'),
      smtpPort: expect.stringContaining('1 to 65535'),
    });
    // A first account needs a password.
    await core.api('mail.removeAccount', {});
    expect(await core.api('mail.account', {})).toMatchObject({ account: null, hasPassword: false });
    expect((await errorOf(core.api('mail.saveAccount', accountFor(smtp)))).fields).toHaveProperty('password');
  });

  it('"Test connection" signs in to SMTP and says in words what failed', async () => {
    smtp = await startTestSmtp();
    core = await testCore({ now: T0 });
    const ok = await core.api('mail.testConnection', { ...accountFor(smtp), password: smtp.password });
    expect(ok.smtp).toMatchObject({ ok: true, problem: null });
    // Nothing listens on port 1: refused, said as such.
    expect(ok.imap).toMatchObject({ ok: false, problem: 'refused' });
    expect(ok.imap.message).toContain('127.0.0.1:1 refused the connection');

    const wrong = await core.api('mail.testConnection', { ...accountFor(smtp), password: 'not-it' });
    expect(wrong.smtp).toMatchObject({ ok: false, problem: 'login' });
    expect(wrong.smtp.message).toContain('Username and Password not accepted');
    expect(wrong.smtp.message).toContain('app password');

    // TLS to a server that speaks plain text: the secure connection fails, in words.
    const tls = await core.api('mail.testConnection', { ...accountFor(smtp), smtpSecurity: 'tls', password: smtp.password });
    expect(tls.smtp).toMatchObject({ ok: false, problem: 'tls' });
    expect(tls.smtp.message).toContain('wrong version number');
    // STARTTLS required but not offered: refused rather than going on in plain text.
    const starttls = await core.api('mail.testConnection', { ...accountFor(smtp), smtpSecurity: 'starttls', password: smtp.password });
    expect(starttls.smtp).toMatchObject({ ok: false, problem: 'tls' });
    expect(starttls.smtp.message).toContain('STARTTLS');
  });
});

describe('the outbox over real SMTP', () => {
  it('sends the .eml draft’s bytes and marks the note sent with the time and Message-ID', async () => {
    const { core, smtp, note } = await setup();
    const queued = await core.api('outbox.queue', { noteId: note.id });
    expect(queued).toMatchObject({ state: 'queued', attempts: 0, warning: null });
    expect(queued.messageId).toMatch(/^<[0-9a-f-]{36}@courtesy\.test>$/);
    core.ctx.clock.advance(1000);
    expect(await core.api('outbox.runNow', {})).toEqual({ attempted: 1 });

    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0];
    expect(got).toMatchObject({ from: smtp.user, to: ['dana@northwind.example'], user: smtp.user });
    // Byte for byte the message the draft builder makes for the same note, time and Message-ID.
    const expected = await buildEml({
      from: { name: 'Jordan Ávery', email: smtp.user },
      to: { name: 'Dana Öberg', email: 'dana@northwind.example' },
      subject: note.subject!,
      body: note.body,
      date: new Date(T0 + 1000),
      messageId: queued.messageId,
      unsent: false,
    });
    expect(got.raw.equals(expected)).toBe(true);
    const parsed = await PostalMime.parse(got.raw);
    expect(parsed.messageId).toBe(queued.messageId);
    expect(parsed.subject).toBe('Thank you — Tuesday’s onsite');
    expect(parsed.from).toMatchObject({ name: 'Jordan Ávery', address: smtp.user });
    expect(parsed.text!.replace(/\r\n/g, '\n')).toBe(note.body + '\n');
    expect(got.raw.toString('latin1')).not.toContain('X-Unsent');

    const sent = await core.api('notes.get', { id: note.id });
    expect(sent).toMatchObject({ status: 'sent', sentAt: T0 + 1000 });
    expect(core.ctx.sqlite.prepare('SELECT message_id FROM notes WHERE id = ?').pluck().get(note.id)).toBe(queued.messageId);
    expect(sent.events.at(-1)).toMatchObject({ status: 'sent', detail: 'Sent by Courtesy to dana@northwind.example' });
    expect(await core.api('outbox.get', { noteId: note.id })).toMatchObject({ state: 'sent', sentAt: T0 + 1000, attempts: 1 });
    // Nothing left to send; queuing a sent note again is refused.
    expect(await core.api('outbox.runNow', {})).toEqual({ attempted: 0 });
    expect((await errorOf(core.api('outbox.queue', { noteId: note.id }))).message).toContain('already sent');
  });

  it('retries after a refused connection with growing waits, then sends once the server is back', async () => {
    const { core, smtp, note } = await setup();
    await smtp.stop();
    await core.api('outbox.queue', { noteId: note.id });
    await core.api('outbox.runNow', {});
    let e = (await core.api('outbox.get', { noteId: note.id }))!;
    expect(e).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: T0 + backoffMs(1) });
    expect(e.lastError).toContain('refused the connection');
    // Not before the wait is over.
    core.ctx.clock.advance(backoffMs(1) - 1);
    expect(await core.api('outbox.runNow', {})).toEqual({ attempted: 0 });
    core.ctx.clock.advance(1);
    await core.api('outbox.runNow', {});
    e = (await core.api('outbox.get', { noteId: note.id }))!;
    expect(e).toMatchObject({ state: 'queued', attempts: 2, nextAttemptAt: T0 + backoffMs(1) + backoffMs(2) });
    expect(backoffMs(2)).toBe(2 * backoffMs(1));

    await smtp.start();
    core.ctx.clock.advance(backoffMs(2));
    await core.api('outbox.runNow', {});
    expect(await core.api('outbox.get', { noteId: note.id })).toMatchObject({ state: 'sent', attempts: 3, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('gives up after the last attempt, and a permanent refusal at once, with the server’s reason', async () => {
    const { core, smtp, note } = await setup();
    smtp.rejectWith = { code: 550, message: '5.1.1 dana@northwind.example: mailbox unavailable' };
    await core.api('outbox.queue', { noteId: note.id });
    await core.api('outbox.runNow', {});
    const failed = (await core.api('outbox.get', { noteId: note.id }))!;
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null });
    expect(failed.lastError).toContain('refused the message (550)');
    expect(failed.lastError).toContain('mailbox unavailable');
    expect((await core.api('outbox.list', {})).map((x) => x.state)).toEqual(['failed']);
    expect((await core.api('notes.get', { id: note.id })).status).toBe('draft');

    // A busy server (4xx) is tried again, up to MAX_ATTEMPTS, then it is failed too.
    smtp.rejectWith = { code: 451, message: '4.3.0 Try again later' };
    await core.api('outbox.retry', { noteId: note.id });
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await core.api('outbox.runNow', {});
      core.ctx.clock.advance(backoffMs(i));
    }
    expect(await core.api('outbox.get', { noteId: note.id })).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
    expect(smtp.received).toHaveLength(0);
  });

  it('waits for a schedule, points out one after the due time, and can be edited or cancelled while queued', async () => {
    const { core, smtp, note } = await setup();
    const late = await core.api('outbox.queue', { noteId: note.id, scheduledFor: T0 + 30 * HOUR });
    expect(late.warning).toBe('This goes 6 h after the note is due.');
    const onTime = await core.api('outbox.reschedule', { noteId: note.id, scheduledFor: T0 + 17 * HOUR });
    expect(onTime).toMatchObject({ warning: null, nextAttemptAt: T0 + 17 * HOUR });
    expect((await errorOf(core.api('outbox.reschedule', { noteId: note.id, scheduledFor: T0 - 2 * HOUR }))).fields).toHaveProperty('scheduledFor');
    expect((await errorOf(core.api('outbox.queue', { noteId: note.id }))).message).toContain('already in the outbox');

    expect(await core.api('outbox.runNow', {})).toEqual({ attempted: 0 });
    // An edit while queued goes out as edited.
    const n = await core.api('notes.get', { id: note.id });
    await core.api('notes.update', { id: note.id, revision: n.revision, body: 'Dear Dana,\n\nEdited while it waited.\n\nJordan' });
    core.ctx.clock.advance(17 * HOUR);
    await core.api('outbox.runNow', {});
    expect((await PostalMime.parse(smtp.received[0].raw)).text).toContain('Edited while it waited.');

    // Cancel: nothing goes, the note stays a draft.
    const other = await core.api('notes.create', { kind: 'follow_up', contactId: n.contactId!, delivery: 'email' });
    await core.api('outbox.queue', { noteId: other.id, scheduledFor: core.ctx.clock.now() + HOUR });
    await core.api('outbox.cancel', { noteId: other.id });
    core.ctx.clock.advance(2 * HOUR);
    expect(await core.api('outbox.runNow', {})).toEqual({ attempted: 0 });
    expect(await core.api('outbox.get', { noteId: other.id })).toMatchObject({ state: 'cancelled' });
    expect((await core.api('notes.get', { id: other.id })).status).toBe('draft');
    expect(smtp.received).toHaveLength(1);
  });

  it('holds queued notes while no password is kept, and says why', async () => {
    const { core, smtp, note } = await setup();
    await core.ctx.secrets.clearPassword();
    await core.api('outbox.queue', { noteId: note.id });
    expect(await core.api('outbox.runNow', {})).toEqual({ attempted: 0 });
    expect(await core.api('outbox.get', { noteId: note.id })).toMatchObject({ state: 'queued', attempts: 0, lastError: expect.stringContaining('password again') });
    await core.api('mail.saveAccount', { ...accountFor(smtp), password: smtp.password });
    await core.api('outbox.runNow', {});
    expect(smtp.received).toHaveLength(1);
  });

  it('never resends a note left "sending" by a stop: it is uncertain until the person says', async () => {
    const dir = fs.mkdtempSync('/tmp/courtesy-outbox-');
    const first = await setup({ dir });
    const { note } = first;
    await first.core.api('outbox.queue', { noteId: note.id });
    // As a stop mid-send leaves it: "sending" committed, no result.
    first.core.ctx.sqlite.prepare("UPDATE outbox SET state = 'sending', attempts = 1, updated_at = ? WHERE note_id = ?").run(T0 + 5, note.id);
    // While it is "sending", its text cannot change (it would be recorded as sent without having gone).
    const busy = await errorOf(first.core.api('notes.update', { id: note.id, revision: note.revision, body: 'Changed mid-send' }));
    expect(busy.message).toContain('being sent right now');
    first.core.close();
    core = await testCore({ dir, now: T0 + HOUR });
    const e = (await core.api('outbox.get', { noteId: note.id }))!;
    expect(e).toMatchObject({ state: 'uncertain', lastError: expect.stringContaining('may or may not have gone') });
    expect((await core.api('outbox.list', {})).map((x) => x.state)).toEqual(['uncertain']);
    // The password was in memory only: enter it again; still nothing is sent.
    await core.api('mail.saveAccount', { ...accountFor(first.smtp), password: first.smtp.password });
    expect(await core.api('outbox.runNow', {})).toEqual({ attempted: 0 });
    expect(first.smtp.received).toHaveLength(0);
    // "It went": sent at the time sending started, with its Message-ID.
    const resolved = await core.api('outbox.resolve', { noteId: note.id, went: true });
    expect(resolved).toMatchObject({ state: 'sent', sentAt: T0 + 5 });
    expect(await core.api('notes.get', { id: note.id })).toMatchObject({ status: 'sent', sentAt: T0 + 5 });
  });

  it('does not send again a note that was queued in a restored backup', async () => {
    const dir = fs.mkdtempSync('/tmp/courtesy-outbox-restore-');
    const { core, smtp, note } = await setup({ dir });
    await core.api('outbox.queue', { noteId: note.id, scheduledFor: T0 + HOUR });
    const backup = await core.api('backups.create', {});
    core.ctx.clock.advance(HOUR);
    await core.api('outbox.runNow', {});
    expect(smtp.received).toHaveLength(1);
    await core.api('backups.restore', { name: backup.name, confirm: true });
    // The backup still has it queued; it went after the backup was made.
    expect(await core.api('outbox.get', { noteId: note.id })).toMatchObject({ state: 'uncertain', lastError: expect.stringContaining('backup you restored') });
    expect(await core.api('outbox.runNow', {})).toEqual({ attempted: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('an export imported elsewhere does not send its queued notes on its own either', async () => {
    const { core, smtp, note } = await setup();
    await core.api('outbox.queue', { noteId: note.id, scheduledFor: T0 + HOUR });
    const file = await core.api('data.export', {});
    const other = await testCore({ now: T0 + 2 * HOUR });
    try {
      await other.api('data.upload', { uploadId: 'outbox01', part: 0, parts: 1, text: file.content });
      await other.api('data.import', { uploadId: 'outbox01', confirm: true });
      expect(await other.api('outbox.get', { noteId: note.id })).toMatchObject({ state: 'uncertain' });
      await other.api('mail.saveAccount', { ...accountFor(smtp), password: smtp.password });
      expect(await other.api('outbox.runNow', {})).toEqual({ attempted: 0 });
      expect(smtp.received).toHaveLength(0);
    } finally {
      other.close();
    }
  });
});
