import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { missingDovecot, startDovecot, withClient, type DovecotServer } from '../../testing/dovecot';
import { testCore, type TestCore } from '../../testing/core';
import { at, danaHome, danaReply, priyaReply, raw, samEmail, seedWorld, strangers, type Mail, type World } from '../../testing/reply-fixtures';
import { scanMailbox, uidSet } from './scan';

const skip = missingDovecot();

interface MailboxState {
  exists: number;
  uidValidity: string;
  uidNext: number;
  messages: Array<{ uid: number; flags: string[] }>;
}

/** Everything a read-only scan must leave as it was: count, UIDs, UIDVALIDITY, UIDNEXT and flags. */
async function mailboxState(server: DovecotServer): Promise<MailboxState> {
  return withClient(server.connection, async (client) => {
    const box = await client.mailboxOpen('INBOX', { readOnly: true });
    const messages: MailboxState['messages'] = [];
    if (box.exists > 0) {
      for await (const m of client.fetch('1:*', { uid: true, flags: true })) messages.push({ uid: m.uid, flags: [...(m.flags ?? [])].sort() });
    }
    return { exists: box.exists, uidValidity: String(box.uidValidity), uidNext: box.uidNext, messages };
  });
}

describe.skipIf(skip !== null)(`reply scanning against a real Dovecot${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: DovecotServer;
  let core: TestCore;
  let world: World;
  const uids: Record<string, number> = {};
  const put = async (name: string, mail: Mail, flags: string[] = []) => (uids[name] = await server.append(raw(mail), { flags, date: new Date(mail.date) }));

  beforeAll(async () => {
    server = await startDovecot();
  }, 30000);
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    core = await testCore({ now: at('2026-12-06T09:00:00Z') });
    world = seedWorld(core.ctx.sqlite);
  });
  afterEach(() => core.close());

  const stored = () =>
    core.ctx.sqlite
      .prepare('SELECT note_id, contact_id, application_id, from_address, from_name, subject, date, message_id, first_lines, method, uid, seen_at, unmatched_at FROM replies ORDER BY uid')
      .all();

  it('matches by In-Reply-To, References and a known address, ignores look-alikes, and leaves the mailbox exactly as it was', async () => {
    await put('dana', danaReply);
    await put('priya', priyaReply, ['\\Seen']);
    await put('sam', samEmail, ['\\Flagged']);
    for (const [i, mail] of strangers.entries()) await put(`stranger${i}`, mail);
    await put('danaHome', danaHome);
    const before = await mailboxState(server);
    expect(before.messages.filter((m) => !m.flags.includes('\\Seen')).length).toBe(before.exists - 1);

    const result = await scanMailbox(core.ctx, server.connection, { selfAddresses: ['jordan@example.net'] });
    expect(result).toMatchObject({ mailbox: 'INBOX', scanned: before.exists, added: 4, lastUid: before.uidNext - 1 });

    expect(stored()).toEqual([
      {
        note_id: world.n1, contact_id: world.dana, application_id: world.northwind, from_address: 'dana@northwind.test', from_name: 'Dana Whitaker',
        subject: 'Re: Thank you', date: at(danaReply.date), message_id: '<reply-dana@northwind.test>',
        first_lines: "Hi Jordan, thanks — it was great meeting you.\nWe'll be in touch about next steps by Friday.", method: 'in_reply_to', uid: uids.dana, seen_at: null, unmatched_at: null,
      },
      {
        note_id: world.n2, contact_id: world.priya, application_id: world.northwind, from_address: 'priya@northwind.test', from_name: null,
        subject: 'Re: Thank you', date: at(priyaReply.date), message_id: '<reply-priya@northwind.test>',
        first_lines: 'Glad you could come in.', method: 'references', uid: uids.priya, seen_at: null, unmatched_at: null,
      },
      {
        note_id: world.card, contact_id: world.sam, application_id: world.contoso, from_address: 'SAM@contoso.test', from_name: 'Sam Ortiz',
        subject: 'Your card', date: at(samEmail.date), message_id: '<sam-1@contoso.test>',
        first_lines: 'Your card made my day!\nSee you soon.', method: 'contact', uid: uids.sam, seen_at: null, unmatched_at: null,
      },
      {
        note_id: world.n1, contact_id: world.dana, application_id: world.northwind, from_address: 'dana.w@home.test', from_name: 'Dana',
        subject: 'One more thing', date: at(danaHome.date), message_id: '<dana-home@home.test>',
        first_lines: 'Forgot to mention: the team loved your portfolio.', method: 'contact', uid: uids.danaHome, seen_at: null, unmatched_at: null,
      },
    ]);

    // Read-only: same messages, same UIDs, same flags (no \Seen added), same UIDVALIDITY and UIDNEXT.
    expect(await mailboxState(server)).toEqual(before);
    expect(server.log()).not.toMatch(/expunged=[1-9]|deleted=[1-9]/);
  });

  it('is incremental and idempotent: a rescan adds nothing, a new reply is found, an unmatched one stays unmatched', async () => {
    const first = await scanMailbox(core.ctx, server.connection);
    expect(first.added).toBe(4);
    const again = await scanMailbox(core.ctx, server.connection);
    expect(again).toMatchObject({ scanned: 0, added: 0 });

    core.ctx.sqlite.prepare('UPDATE replies SET unmatched_at = ? WHERE message_id = ?').run(core.ctx.clock.now(), '<dana-home@home.test>');
    const late: Mail = { ...danaReply, messageId: '<reply-dana-2@northwind.test>', date: '2026-12-05T18:00:00Z', body: 'Also: could you send references?' };
    late.contentType = undefined;
    const uid = await put('late', late);
    const next = await scanMailbox(core.ctx, server.connection);
    expect(next).toMatchObject({ scanned: 1, added: 1, lastUid: uid });

    // A renumbered mailbox (new UIDVALIDITY) is read again from the first sent note; nothing doubles.
    core.ctx.sqlite.prepare('UPDATE reply_scans SET uid_validity = 1, last_uid = 0').run();
    const renumbered = await scanMailbox(core.ctx, server.connection);
    expect(renumbered.added).toBe(0);
    expect(renumbered.scanned).toBeGreaterThan(5);
    const rows = stored() as Array<{ message_id: string; unmatched_at: number | null }>;
    expect(rows.map((r) => r.message_id)).toEqual([
      '<reply-dana@northwind.test>', '<reply-priya@northwind.test>', '<sam-1@contoso.test>', '<dana-home@home.test>', '<reply-dana-2@northwind.test>',
    ]);
    expect(rows.find((r) => r.message_id === '<dana-home@home.test>')!.unmatched_at).not.toBeNull();
  });

  it('a note marked sent after its reply was looked at is matched by the next scan, which reads only from its sent time', async () => {
    await scanMailbox(core.ctx, server.connection);
    const total = (await mailboxState(server)).exists;
    const leeReply: Mail = { from: 'Lee Chen <lee@contoso.test>', subject: 'Re: Following up', date: '2026-12-05T20:00:00Z', messageId: '<lee-late@contoso.test>', body: 'Thanks for following up.' };
    await put('leeLate', leeReply);
    // Lee has only a draft so far: nothing to match.
    expect(await scanMailbox(core.ctx, server.connection)).toMatchObject({ scanned: 1, added: 0 });
    // Sent from the mail app on the morning of Dec 5, marked sent in Courtesy only now.
    await core.api('notes.markSent', { id: world.draft, sentAt: at('2026-12-05T08:00:00Z') });
    const next = await scanMailbox(core.ctx, server.connection);
    expect(next.added).toBe(1);
    // Only mail since the day before the sent time is read again, not the whole inbox.
    expect(next.scanned).toBeGreaterThan(0);
    expect(next.scanned).toBeLessThan(total);
    const lee = core.ctx.sqlite.prepare("SELECT note_id, contact_id, method, uid FROM replies WHERE message_id = '<lee-late@contoso.test>'").get();
    expect(lee).toEqual({ note_id: world.draft, contact_id: world.lee, method: 'contact', uid: uids.leeLate });
    // Lee's mail from before the note went out is still not a reply; the rescan is not repeated.
    expect(core.ctx.sqlite.prepare("SELECT count(*) FROM replies WHERE message_id = '<lee@contoso.test>'").pluck().get()).toBe(0);
    expect(await scanMailbox(core.ctx, server.connection)).toMatchObject({ scanned: 0, added: 0 });
  });

  it('folds UIDs into short sequence sets', () => {
    expect(uidSet([9, 3, 4, 5, 7, 5, 8])).toBe('3:5,7:9');
    expect(uidSet([1])).toBe('1');
  });

  it('a first scan with no sent note only remembers where the inbox ends', async () => {
    core.ctx.sqlite.prepare('UPDATE notes SET sent_at = NULL, mailed_at = NULL').run();
    const result = await scanMailbox(core.ctx, server.connection);
    expect(result).toMatchObject({ scanned: 0, added: 0 });
    expect(result.lastUid).toBe((await mailboxState(server)).uidNext - 1);
  });

  it('refuses plain IMAP to a host that is not loopback, and says when the login is refused', async () => {
    await expect(scanMailbox(core.ctx, { ...server.connection, host: '192.0.2.1' })).rejects.toThrow(/only with TLS/);
    await expect(scanMailbox(core.ctx, { ...server.connection, pass: 'wrong' })).rejects.toThrow(/refused the login/);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM reply_scans').pluck().get()).toBe(0);
  });
});
