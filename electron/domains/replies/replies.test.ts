import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { at, seedWorld, type World } from '../../testing/reply-fixtures';

describe('replies through the API: lists, seen, unmatch', () => {
  let core: TestCore;
  let world: World;
  const insert = (noteId: number, contactId: number, applicationId: number, uid: number, date: string) =>
    Number(
      core.ctx.sqlite
        .prepare(
          `INSERT INTO replies (note_id, contact_id, application_id, from_address, from_name, subject, date, message_id, first_lines, method, mailbox, uid_validity, uid)
           VALUES (?, ?, ?, 'dana@northwind.test', 'Dana', 'Re: Thank you', ?, ?, 'Thanks!', 'in_reply_to', 'INBOX', 1, ?)`,
        )
        .run(noteId, contactId, applicationId, at(date), `<r${uid}@northwind.test>`, uid).lastInsertRowid,
    );
  beforeEach(async () => {
    core = await testCore({ now: at('2026-12-06T09:00:00Z') });
    world = seedWorld(core.ctx.sqlite);
  });
  afterEach(() => core.close());

  it('lists by note, contact, application and unseen, newest first, with a mid: link', async () => {
    const a = insert(world.n1, world.dana, world.northwind, 1, '2026-12-03T10:00:00Z');
    const b = insert(world.card, world.sam, world.contoso, 2, '2026-12-04T10:00:00Z');
    expect((await core.api('replies.list', { unseenOnly: true })).items.map((r) => r.id)).toEqual([b, a]);
    const [forNote] = (await core.api('replies.list', { noteId: world.n1 })).items;
    expect(forNote).toMatchObject({ id: a, contactName: 'Dana Whitaker', company: 'Northwind', role: 'Engineer', stage: 'interviewing', noteDelivery: 'email', mailUrl: 'mid:r1%40northwind.test' });
    expect((await core.api('replies.list', { contactId: world.sam })).items.map((r) => r.id)).toEqual([b]);
    expect((await core.api('replies.list', { applicationId: world.contoso })).items.map((r) => r.id)).toEqual([b]);
  });

  it('gives the newest shown reply to each of a list of notes, however many replies there are', async () => {
    const older = insert(world.n1, world.dana, world.northwind, 1, '2026-12-03T10:00:00Z');
    const newer = insert(world.n1, world.dana, world.northwind, 2, '2026-12-04T10:00:00Z');
    const priya = insert(world.n2, world.priya, world.northwind, 3, '2026-12-02T10:00:00Z');
    const sam = insert(world.card, world.sam, world.contoso, 4, '2026-12-05T10:00:00Z');
    const latest = (noteIds: number[]) => core.api('replies.list', { noteIds, latestPerNote: true }).then((r) => r.items.map((x) => x.id));
    expect(await latest([world.n1, world.n2])).toEqual([newer, priya]);
    expect(await latest([world.card])).toEqual([sam]);
    // The newest one taken back: the one before it is the note's reply again.
    await core.api('replies.unmatch', { id: newer });
    expect(await latest([world.n1, world.n2])).toEqual([older, priya]);
    expect((await core.api('replies.list', { noteIds: [world.n1], latestPerNote: true, includeUnmatched: true })).items.map((r) => r.id)).toEqual([newer]);
    expect(await errorOf(core.api('replies.list', { noteIds: [] }))).toMatchObject({ code: 'validation', fields: { noteIds: 'Give at least one note.' } });
  });

  it('seen takes a reply off Today; unmatch hides it everywhere until undone; neither touches the stage', async () => {
    const a = insert(world.n1, world.dana, world.northwind, 1, '2026-12-03T10:00:00Z');
    const seen = await core.api('replies.markSeen', { id: a, seen: true });
    expect(seen.seenAt).toBe(at('2026-12-06T09:00:00Z'));
    core.ctx.clock.advance(60_000);
    expect((await core.api('replies.markSeen', { id: a, seen: true })).seenAt).toBe(seen.seenAt);
    expect((await core.api('replies.list', { unseenOnly: true })).items).toEqual([]);
    expect((await core.api('replies.markSeen', { id: a, seen: false })).seenAt).toBeNull();

    const un = await core.api('replies.unmatch', { id: a });
    expect(un.unmatchedAt).toBe(at('2026-12-06T09:01:00Z'));
    expect((await core.api('replies.list', { noteId: world.n1 })).items).toEqual([]);
    expect((await core.api('replies.list', { noteId: world.n1, includeUnmatched: true })).items.map((r) => r.id)).toEqual([a]);
    expect((await core.api('replies.unmatch', { id: a, matched: true })).unmatchedAt).toBeNull();

    // Undo puts the reply back exactly as it was, seen time and all.
    await core.api('replies.markSeen', { id: a, seen: true });
    const before = (await core.api('replies.list', { noteId: world.n1 })).items;
    const again = await core.api('replies.unmatch', { id: a });
    expect(again.undo.label).toBe('No longer shown as a reply');
    expect((await core.api('replies.list', { noteId: world.n1 })).items).toEqual([]);
    await core.api('undo.apply', { token: again.undo.token });
    expect((await core.api('replies.list', { noteId: world.n1 })).items).toEqual(before);
    expect((await core.api('applications.get', { id: world.northwind })).stage).toBe('interviewing');

    expect(await errorOf(core.api('replies.markSeen', { id: 9999, seen: true }))).toMatchObject({ code: 'not_found', message: 'Reply 9999 was not found.' });
    expect(await errorOf(core.api('replies.markSeen', { id: a } as never))).toMatchObject({ code: 'validation' });
  });

  it('says replies are off when no watcher runs', async () => {
    expect(await core.api('replies.check', {})).toMatchObject({ state: 'off', lastCheckedAt: null });
  });
});
