// One email rule everywhere: the same table of addresses through every place an address comes in
// (profile, contact form, interview quick capture, vCard import) and the composer's To check.
import { afterEach, describe, expect, it } from 'vitest';
import { isEmail } from '../shared/email';
import { checkNote } from '../shared/checks';
import { testCore, type TestCore } from '../testing/core';

let core: TestCore;
afterEach(() => core?.close());

const TABLE: Array<[string, boolean]> = [
  ['priya@northwind.example', true],
  ["o'brien+jobs@mail.example.co.uk", true],
  ['maya@@example', false],
  // Single-label domains are refused (shared/email.ts says why): a typo far more often than a real address.
  ['priya@northwind', false],
  ['a..b@example.com', false],
  ['dana at northwind.example', false],
];

describe('one email rule', () => {
  it.each(TABLE)('%s → %s, at every entry point', async (address, ok) => {
    core = await testCore();
    expect(isEmail(address)).toBe(ok);
    const profile = await core.call('settings.update', { profile: { email: address } });
    const contact = await core.call('contacts.create', { name: 'Priya', emails: [{ address }] });
    const app = await core.api('applications.create', { company: 'Northwind', role: 'Designer' });
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: Date.UTC(2026, 1, 2, 15), endAt: Date.UTC(2026, 1, 2, 16), timeZone: 'UTC' });
    const participant = await core.call('interviews.addParticipant', { interviewId: iv.id, participant: { name: 'Sam', email: address } });
    const vcard = await core.api('contacts.importPreview', { text: `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Nair\r\nEMAIL:${address}\r\nEND:VCARD\r\n` });
    const composer = checkNote({
      body: 'Thank you.',
      subject: 'Thanks',
      delivery: 'email',
      recipient: { name: 'Priya', email: address, hasPostalAddress: false },
      context: { company: null, role: null, challenge: null, topics: null, lookingFor: null, talkedAbout: null } as never,
      dueAt: null,
      now: 0,
      status: 'draft',
      others: [],
      cardWordLimit: 80,
    }).checks.find((c) => c.id === 'deliverable')!;
    expect({
      profile: profile.ok,
      contact: contact.ok,
      participant: participant.ok,
      vcard: vcard.cards[0].contact?.emails.map((e) => e.address) ?? [],
      composer: composer.verdict,
    }).toEqual({ profile: ok, contact: ok, participant: ok, vcard: ok ? [address] : [], composer: ok ? 'pass' : 'fail' });
  });
});
