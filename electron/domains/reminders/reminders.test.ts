import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, testCore, type TestCore } from '../../testing/core';

let core: TestCore;
afterEach(() => core?.close());
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 4, 4, 14);


describe('reminders', () => {
  it('creates, lists by due time, completes, snoozes and deletes; Today shows the due ones', async () => {
    core = await testCore({ now: T0 });
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    const later = await core.api('reminders.create', { title: 'Ask Dana about the team offsite', dueAt: T0 + 10 * DAY, kind: 'follow_up' });
    const soon = await core.api('reminders.create', { title: 'Check the posting again', dueAt: T0 + DAY, applicationId: app.id });
    expect(soon).toMatchObject({ kind: 'custom', company: 'Globex', role: 'Platform Engineer', doneAt: null, contactName: null });
    expect((await core.api('reminders.list', {})).items.map((r) => r.id)).toEqual([soon.id, later.id]);
    expect((await core.api('reminders.list', { dueBefore: T0 + 2 * DAY })).items.map((r) => r.id)).toEqual([soon.id]);

    expect((await core.api('today.get', {})).reminders).toEqual([]);
    core.ctx.clock.set(T0 + DAY + 1000);
    expect((await core.api('today.get', {})).reminders.map((r) => r.id)).toEqual([soon.id]);

    const done = await core.api('reminders.complete', { id: soon.id, done: true });
    expect(done.doneAt).toBe(T0 + DAY + 1000);
    // Completing it again later keeps the first completion time.
    core.ctx.clock.advance(60_000);
    expect((await core.api('reminders.complete', { id: soon.id, done: true })).doneAt).toBe(T0 + DAY + 1000);
    expect((await core.api('reminders.list', {})).items.map((r) => r.id)).toEqual([later.id]);
    expect((await core.api('reminders.list', { includeDone: true })).items.map((r) => r.id)).toEqual([later.id, soon.id]);
    expect((await core.api('today.get', {})).reminders).toEqual([]);

    // Snoozing reopens a done reminder at the new time; it must be in the future.
    const until = T0 + 5 * DAY;
    expect(await core.api('reminders.snooze', { id: soon.id, until })).toMatchObject({ dueAt: until, doneAt: null });
    const past = await errorOf(core.api('reminders.snooze', { id: soon.id, until: T0 }));
    expect(past.fields?.until).toMatch(/future/);
    expect((await core.api('reminders.complete', { id: soon.id, done: false })).doneAt).toBeNull();

    await core.api('reminders.delete', { id: later.id });
    expect((await errorOf(core.api('reminders.delete', { id: later.id }))).code).toBe('not_found');
    expect((await core.api('reminders.list', { includeDone: true })).items.map((r) => r.id)).toEqual([soon.id]);
  });

  it('validates the title, the time and what it is about', async () => {
    core = await testCore({ now: T0 });
    expect((await errorOf(core.api('reminders.create', { title: ' ', dueAt: T0 }))).fields?.title).toMatch(/required/);
    expect((await errorOf(core.api('reminders.create', { title: 'x', dueAt: -1 }))).fields?.dueAt).toBeTruthy();
    expect((await errorOf(core.api('reminders.create', { title: 'x', dueAt: T0, applicationId: 42 }))).fields?.applicationId).toMatch(/no longer exists/);
    expect((await errorOf(core.api('reminders.create', { title: 'x', dueAt: T0, kind: 'nope' as never }))).fields?.kind).toBeTruthy();
    expect((await core.api('reminders.list', { includeDone: true })).items).toEqual([]);
  });

  it('keeps one open follow-up call per person and application, and lists them by application, contact and kind', async () => {
    core = await testCore({ now: T0 });
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    const other = await core.api('applications.create', { company: 'Initech', role: 'SRE' });
    const sam = await core.api('contacts.create', { name: 'Sam Ortiz', email: 'sam@globex.example' });
    const dana = await core.api('contacts.create', { name: 'Dana Lee', email: 'dana@globex.example' });
    const call = { kind: 'follow_up' as const, title: 'Call Sam', dueAt: T0 + 3 * DAY, applicationId: app.id, contactId: sam.id };
    const first = await core.api('reminders.create', call);
    // A second click (or a second window) returns the open one instead of a duplicate.
    expect((await core.api('reminders.create', { ...call, title: 'Call Sam again' })).id).toBe(first.id);
    const forDana = await core.api('reminders.create', { ...call, contactId: dana.id });
    const elsewhere = await core.api('reminders.create', { ...call, applicationId: other.id });
    expect(new Set([first.id, forDana.id, elsewhere.id]).size).toBe(3);
    const custom = await core.api('reminders.create', { title: 'Check the posting', dueAt: T0 + DAY, applicationId: app.id, contactId: sam.id });

    const ids = async (input: Parameters<typeof core.api<'reminders.list'>>[1]) => (await core.api('reminders.list', input)).items.map((r) => r.id);
    expect(await ids({ kind: 'follow_up', applicationId: app.id, contactId: sam.id })).toEqual([first.id]);
    expect(await ids({ applicationId: app.id, contactId: sam.id })).toEqual([custom.id, first.id]);
    expect(await ids({ contactId: dana.id })).toEqual([forDana.id]);

    // Once done, a new call can be promised.
    await core.api('reminders.complete', { id: first.id, done: true });
    const next = await core.api('reminders.create', call);
    expect(next.id).not.toBe(first.id);
    expect(await ids({ kind: 'follow_up', applicationId: app.id, contactId: sam.id })).toEqual([next.id]);
  });
});
