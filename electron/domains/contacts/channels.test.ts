// Several emails, phones and addresses per contact, and structured names: through the API on real SQLite.
import { afterEach, describe, expect, it } from 'vitest';
import { tx } from '../../db/sql';
import { testCore, type TestCore } from '../../testing/core';
import { createNote } from '../notes/records';
import { mergeData } from '../templates/templates';
import { renderTemplate } from '../../shared/merge';

const NOW = Date.UTC(2026, 2, 10, 15, 0);
let core: TestCore;
afterEach(() => core?.close());

async function errorOf(method: Parameters<TestCore['call']>[0], input: unknown) {
  const env = await core.call(method, input);
  if (env.ok) throw new Error(`${method} was expected to fail`);
  return env.error;
}
const row = (sql: string, ...p: unknown[]) => core.ctx.sqlite.prepare(sql).get(...p) as Record<string, unknown>;

describe('emails, phones and addresses', () => {
  it('creates lists, makes the first one primary unless another is marked, and reads primary first', async () => {
    core = await testCore({ now: NOW });
    const c = await core.api('contacts.create', {
      name: 'Dana Lee',
      emails: [
        { address: 'dana@globex.example', label: 'work' },
        { address: 'dana.lee@home.example', label: 'home', isPrimary: true },
      ],
      phones: [{ number: '+1 555 0100', label: 'mobile' }],
      addresses: [
        { lines: '1 Main St', city: 'Springfield', label: 'work' },
        { lines: '9 Elm St', city: 'Oakland', region: 'CA', postalCode: '94607', label: 'home' },
      ],
    });
    expect(c.emails.map((e) => [e.address, e.label, e.isPrimary])).toEqual([
      ['dana.lee@home.example', 'home', true],
      ['dana@globex.example', 'work', false],
    ]);
    expect(c.phones).toEqual([{ id: expect.any(Number), number: '+1 555 0100', label: 'mobile', isPrimary: true }]);
    expect(c.addresses[0]).toMatchObject({ lines: '1 Main St', city: 'Springfield', isPrimary: true });
    // The contact row mirrors the primary of each kind, for lists, search and the missing-detail checks.
    expect(c).toMatchObject({ email: 'dana.lee@home.example', phone: '+1 555 0100', addressLines: '1 Main St', city: 'Springfield', missingEmail: false, missingAddress: false });
    expect((await core.api('contacts.list', { search: 'dana.lee' })).items.map((i) => i.id)).toEqual([c.id]);
    // Every email is searchable, not only the primary.
    expect((await core.api('contacts.list', { search: 'globex.example' })).items.map((i) => i.id)).toEqual([c.id]);

    // Editing keeps rows by id, reorders, relabels and moves the primary.
    const [home, work] = c.emails;
    const edited = await core.api('contacts.update', {
      id: c.id,
      emails: [
        { id: work.id, address: work.address, label: 'work', isPrimary: true },
        { id: home.id, address: 'dana@home.example', label: 'home' },
      ],
    });
    expect(edited.emails.map((e) => [e.id, e.address, e.isPrimary])).toEqual([
      [work.id, 'dana@globex.example', true],
      [home.id, 'dana@home.example', false],
    ]);
    expect(edited.email).toBe('dana@globex.example');
    expect(edited.phones).toHaveLength(1); // a kind not given is left alone

    // The one-value shorthand replaces the primary and leaves the others.
    const short = await core.api('contacts.update', { id: c.id, email: 'dana.lee@globex.example' });
    expect(short.emails.map((e) => [e.id, e.address])).toEqual([
      [work.id, 'dana.lee@globex.example'],
      [home.id, 'dana@home.example'],
    ]);
    const none = await core.api('contacts.update', { id: c.id, email: null });
    expect(none.emails.map((e) => [e.id, e.isPrimary])).toEqual([[home.id, true]]);
    expect(none.email).toBe('dana@home.example');
  });

  it('names the row of a bad value, refuses two primaries, and writes nothing when one row fails', async () => {
    core = await testCore({ now: NOW });
    const err = await errorOf('contacts.create', {
      name: 'Sam',
      emails: [{ address: 'sam@example.com', isPrimary: true }, { address: 'sam(at)example' }, { address: 'sam@work.example', isPrimary: true }],
      phones: [{ number: ' ' }],
      addresses: [{ label: 'home' }],
      email: 'sam@example.com',
    });
    expect(err.fields).toMatchObject({
      'emails.1.address': 'Enter an email address like name@example.com.',
      'emails.2.isPrimary': 'Only one of the emails can be primary.',
      'phones.0.number': 'Enter a phone number, or remove this row.',
      'addresses.0.lines': 'Enter an address, or remove this row.',
      email: 'Give either email or the list emails, not both.',
    });

    // A row that fails inside the write (an id saved on another contact) undoes the whole edit.
    const a = await core.api('contacts.create', { name: 'Ana Silva', email: 'ana@example.com', addressLines: 'Rua 1', city: 'Porto' });
    const b = await core.api('contacts.create', { name: 'Ben Okafor', addresses: [{ lines: '2 High St', city: 'Leeds' }] });
    const bad = await errorOf('contacts.update', {
      id: a.id,
      givenName: 'Ana',
      familyName: 'Souza',
      emails: [{ address: 'ana.souza@example.com' }],
      phones: [{ number: '+351 22 000 0000' }],
      addresses: [{ id: b.addresses[0].id, lines: '2 High St', city: 'Leeds' }],
    });
    expect(bad.fields).toEqual({ 'addresses.0.id': 'This row is no longer saved on this contact; reload and try again.' });
    const after = await core.api('contacts.get', { id: a.id });
    expect(after).toMatchObject({ name: 'Ana Silva', givenName: 'Ana', familyName: 'Silva', email: 'ana@example.com', phone: null, city: 'Porto' });
    expect(after.emails.map((e) => e.address)).toEqual(['ana@example.com']);
    expect(row('SELECT count(*) AS n FROM contact_phones').n).toBe(0);
  });

  it('finds a duplicate by any saved email, and puts the message beside the row that matched', async () => {
    core = await testCore({ now: NOW });
    const dana = await core.api('contacts.create', { name: 'Dana Lee', emails: [{ address: 'dana@globex.example' }, { address: 'Dana.Lee@Home.example' }] });
    const err = await errorOf('contacts.create', { name: 'D. Lee', emails: [{ address: 'd@other.example' }, { address: 'dana.lee@home.EXAMPLE' }] });
    expect(err.code).toBe('conflict');
    expect(err.fields).toMatchObject({ 'emails.1.address': 'Dana Lee already has this email.', [`duplicate.${dana.id}`]: 'Dana Lee · Dana.Lee@Home.example' });
    expect((await errorOf('contacts.create', { name: 'Someone', email: 'DANA.LEE@home.example' })).fields).toMatchObject({ email: 'Dana Lee already has this email.' });
    // Adding someone else's second email on an edit is caught too.
    const sam = await core.api('contacts.create', { name: 'Sam Ortiz' });
    const upd = await errorOf('contacts.update', { id: sam.id, emails: [{ address: 'sam@example.com' }, { address: 'dana.lee@home.example' }] });
    expect(upd.fields).toMatchObject({ 'emails.1.address': 'Dana Lee already has this email.' });
    // Its own emails are not a duplicate of itself.
    expect((await core.api('contacts.update', { id: dana.id, emails: dana.emails.map(({ id, address, label }) => ({ id, address, label })) })).id).toBe(dana.id);
  });

  it('merging keeps every channel of both, once, with the kept primary, and notes keep their chosen email and address', async () => {
    core = await testCore({ now: NOW });
    const keep = await core.api('contacts.create', { name: 'Dana Lee', emails: [{ address: 'dana@globex.example', label: 'work' }], phones: [{ number: '+1 (555) 0100' }] });
    const other = await core.api('contacts.create', {
      name: 'Dana Lee',
      force: true,
      emails: [{ address: 'dana.lee@home.example', label: 'home' }, { address: 'DANA@globex.example' }],
      phones: [{ number: '+1 555 0100' }, { number: '+1 555 0199', label: 'mobile' }],
      addresses: [{ lines: '9 Elm St', city: 'Oakland', label: 'home' }],
    });
    const [home, dupe] = other.emails;
    const note = tx(core.ctx, () =>
      createNote(core.ctx, { kind: 'follow_up', contactId: other.id, applicationId: null, interviewId: null, delivery: 'email', dueAt: null, body: 'Hi' }),
    );
    const note2 = tx(core.ctx, () =>
      createNote(core.ctx, { kind: 'follow_up', contactId: other.id, applicationId: null, interviewId: null, delivery: 'handwritten', dueAt: null, body: 'Hi' }),
    );
    core.ctx.sqlite.prepare('UPDATE notes SET recipient_email_id = ? WHERE id = ?').run(dupe.id, note);
    core.ctx.sqlite.prepare('UPDATE notes SET recipient_email_id = ?, address_id = ? WHERE id = ?').run(home.id, other.addresses[0].id, note2);

    const merged = await core.api('contacts.merge', { keepId: keep.id, mergeId: other.id });
    expect(merged.emails.map((e) => [e.address, e.label, e.isPrimary])).toEqual([
      ['dana@globex.example', 'work', true],
      ['dana.lee@home.example', 'home', false],
    ]);
    expect(merged.phones.map((p) => [p.number, p.isPrimary])).toEqual([
      ['+1 (555) 0100', true],
      ['+1 555 0199', false],
    ]);
    expect(merged.addresses).toEqual([expect.objectContaining({ id: other.addresses[0].id, lines: '9 Elm St', isPrimary: true })]);
    expect(merged).toMatchObject({ city: 'Oakland', missingAddress: false });
    // The note that chose the dropped twin now points at the kept contact's equal row.
    expect(row('SELECT recipient_email_id AS e FROM notes WHERE id = ?', note).e).toBe(keep.emails[0].id);
    expect(row('SELECT recipient_email_id AS e, address_id AS a FROM notes WHERE id = ?', note2)).toEqual({ e: home.id, a: other.addresses[0].id });
  });
});

describe('structured names', () => {
  it('derives the display name from the parts, splits a typed name only when it has one reading, and keeps the rest whole', async () => {
    core = await testCore({ now: NOW });
    const make = (input: Record<string, unknown>) => core.api('contacts.create', { force: true, ...input } as never);
    expect(await make({ givenName: 'Dana', familyName: 'Lee' })).toMatchObject({ name: 'Dana Lee', nameOrder: 'given_first' });
    expect(await make({ givenName: '太郎', familyName: '山田' })).toMatchObject({ name: '山田 太郎', nameOrder: 'family_first' });
    expect(await make({ givenName: 'Péter', familyName: 'Nagy', nameOrder: 'family_first' })).toMatchObject({ name: 'Nagy Péter' });
    expect(await make({ name: '山田 太郎' })).toMatchObject({ givenName: '太郎', familyName: '山田', nameOrder: 'family_first' });
    expect(await make({ name: ' Dana  Lee ' })).toMatchObject({ name: 'Dana  Lee', givenName: 'Dana', familyName: 'Lee' });
    for (const name of ['Mary Ann Smith', 'Dr. Lee', 'Lee, Dana', 'Prince']) {
      expect(await make({ name }), name).toMatchObject({ name, givenName: null, familyName: null, nameOrder: 'given_first' });
    }
    expect(await make({ name: '山田太郎' })).toMatchObject({ name: '山田太郎', givenName: null, familyName: null, nameOrder: 'family_first' });
    expect((await errorOf('contacts.create', { name: ' ', givenName: ' ' })).fields).toEqual({ name: 'Name is required.' });

    // Editing a part re-derives the name; the saved order stays unless changed.
    const yamada = await make({ givenName: '太郎', familyName: '山田' });
    expect(await core.api('contacts.update', { id: yamada.id, givenName: '花子' })).toMatchObject({ name: '山田 花子', familyName: '山田', nameOrder: 'family_first' });
    expect(await core.api('contacts.update', { id: yamada.id, nameOrder: 'given_first' })).toMatchObject({ name: '花子 山田' });
  });

  it('greets by the given name, and a family-first name by the whole name, never by its first word as a given name', async () => {
    core = await testCore({ now: NOW });
    const greet = async (input: Record<string, unknown>) => {
      const c = await core.api('contacts.create', { force: true, ...input } as never);
      return renderTemplate('Dear {{contact.firstName}},', mergeData(core.ctx, { contactId: c.id })).text;
    };
    expect(await greet({ name: 'Dana Lee' })).toBe('Dear Dana,');
    expect(await greet({ name: 'Dr. Dana Lee' })).toBe('Dear Dana,');
    expect(await greet({ givenName: 'Robert', familyName: 'Smith' })).toBe('Dear Robert,');
    expect(await greet({ name: 'Mary Ann Smith', givenName: 'Mary Ann', familyName: 'Smith' })).toBe('Dear Mary Ann,');
    expect(await greet({ name: '山田 太郎' })).toBe('Dear 山田 太郎,');
    expect(await greet({ familyName: '山田', givenName: '太郎' })).toBe('Dear 山田 太郎,');
    expect(await greet({ name: '王伟' })).toBe('Dear 王伟,');
  });
});
