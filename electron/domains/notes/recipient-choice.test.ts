// A note goes to the contact's primary email and postal address unless another of theirs is chosen for
// it; a chosen one that is removed falls back to the primary, and the note says so.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { tx } from '../../db/sql';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { createNote } from './records';

let core: TestCore;
afterEach(() => core?.close());

async function pdfText(base64: string): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')), verbosity: 0, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  await doc.destroy();
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
}

async function setup() {
  core = await testCore({ now: Date.UTC(2026, 6, 1, 12) });
  const dana = await core.api('contacts.create', {
    name: 'Dana Lee',
    company: 'Northwind Traders',
    emails: [
      { address: 'dana@northwind.example', label: 'work' },
      { address: 'dana.lee@home.example', label: 'home' },
    ],
    addresses: [
      { lines: '200 Clarendon St', city: 'Boston', region: 'MA', postalCode: '02116', label: 'work' },
      { lines: '9 Elm St', city: 'Cambridge', region: 'MA', postalCode: '02139', label: 'home' },
    ],
  });
  const note = (delivery: 'email' | 'handwritten') =>
    tx(core.ctx, () => createNote(core.ctx, { kind: 'follow_up', contactId: dana.id, applicationId: null, interviewId: null, delivery, dueAt: null, body: 'Thank you for the tour.' }));
  return { dana, email: note('email'), card: note('handwritten') };
}

describe('the email and postal address a note goes to', () => {
  it('uses the primary until another is chosen, and mailto, .eml and the checks follow the choice', async () => {
    const { dana, email } = await setup();
    const [, home] = dana.emails;
    let n = await core.api('notes.get', { id: email });
    expect(n.recipient).toMatchObject({ email: 'dana@northwind.example', emailId: dana.emails[0].id, emailChoiceGone: false });
    expect(n.recipient?.emails.map((e) => e.address)).toEqual(['dana@northwind.example', 'dana.lee@home.example']);

    n = await core.api('notes.update', { id: email, revision: n.revision, subject: 'Thanks', recipientEmailId: home.id });
    expect(n.recipient).toMatchObject({ email: 'dana.lee@home.example', emailId: home.id });
    const draft = await core.api('notes.emailDraft', { id: email });
    expect(draft.mailto).toMatch(/^mailto:dana\.lee@home\.example\?/);
    expect(Buffer.from(draft.eml.base64, 'base64').toString('utf8')).toContain('dana.lee@home.example');
    const checks = await core.api('notes.check', { noteId: email, body: 'Thank you for the tour.', subject: 'Thanks', delivery: 'email' });
    expect(checks.checks.find((c) => c.id === 'deliverable')?.message).toBe('Goes to dana.lee@home.example.');

    // Back to "primary", then the primary moves: the note follows it.
    n = await core.api('notes.update', { id: email, revision: n.revision, recipientEmailId: null });
    await core.api('contacts.update', { id: dana.id, emails: [{ id: home.id, address: home.address, label: 'home', isPrimary: true }, { id: dana.emails[0].id, address: 'dana@northwind.example', label: 'work' }] });
    expect((await core.api('notes.get', { id: email })).recipient?.email).toBe('dana.lee@home.example');
  });

  it('falls back to the primary, with a word, when the chosen email or address is removed', async () => {
    const { dana, email, card } = await setup();
    const [work, home] = dana.emails;
    let n = await core.api('notes.get', { id: email });
    await core.api('notes.update', { id: email, revision: n.revision, recipientEmailId: home.id });
    await core.api('contacts.update', { id: dana.id, emails: [{ id: work.id, address: work.address, label: 'work' }] });
    n = await core.api('notes.get', { id: email });
    expect(n.recipient).toMatchObject({ email: 'dana@northwind.example', emailId: work.id, emailChoiceGone: true });
    const checks = await core.api('notes.check', { noteId: email, body: 'Thank you for the tour.', subject: 'Thanks', delivery: 'email' });
    expect(checks.checks.find((c) => c.id === 'deliverable')).toMatchObject({
      verdict: 'warn',
      message: 'The email chosen for this note was removed from Dana Lee; it goes to their primary, dana@northwind.example.',
    });

    const c = await core.api('notes.get', { id: card });
    await core.api('notes.update', { id: card, revision: c.revision, addressId: dana.addresses[1].id });
    await core.api('contacts.update', { id: dana.id, addresses: [{ id: dana.addresses[0].id, lines: '200 Clarendon St', city: 'Boston', region: 'MA', postalCode: '02116', label: 'work' }] });
    expect((await core.api('notes.get', { id: card })).recipient).toMatchObject({ addressChoiceGone: true, hasPostalAddress: true, addressId: dana.addresses[0].id });
  });

  it('prints the envelope to the chosen postal address, and refuses an email or address of someone else', async () => {
    const { dana, card } = await setup();
    const text = async () => pdfText((await core.api('print.envelope', { noteId: card, size: 'a7' })).base64);
    const work = await text();
    expect(work).toContain('200 Clarendon St');
    // A work address carries the company line; a home address does not.
    expect(work).toContain('Northwind Traders');
    const c = await core.api('notes.get', { id: card });
    await core.api('notes.update', { id: card, revision: c.revision, addressId: dana.addresses[1].id });
    const chosen = await text();
    expect(chosen).toContain('9 Elm St');
    expect(chosen).not.toContain('200 Clarendon St');
    expect(chosen).not.toContain('Northwind Traders');

    const sam = await core.api('contacts.create', { name: 'Sam Ortiz', email: 'sam@example.com', addressLines: '1 Main St', city: 'Leeds' });
    const now = await core.api('notes.get', { id: card });
    const err = await errorOf(core.api('notes.update', { id: card, revision: now.revision, addressId: sam.addresses[0].id, recipientEmailId: sam.emails[0].id }));
    expect(err.fields).toEqual({ recipientEmailId: 'That email is not one of the recipient’s; choose one of theirs.' });
  });
});
