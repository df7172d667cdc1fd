// Refusals speak the person's language: each field's message names the field in words and states the
// limit, and the message above the form names the fields (never "Please correct: timeZone").
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue, summarize } from '../shared/errors';
import { fieldLabel } from '../shared/field-labels';
import { errorOf, testCore, type TestCore } from '../testing/core';

let core: TestCore;
afterEach(() => core?.close());

describe('API refusals, in words', () => {
  it('settings: two fields named in the message, each sentence beside its field', async () => {
    core = await testCore();
    const err = await errorOf(core.api('settings.update', { timeZone: 'Mars/Olympus', cardWordLimit: 5 }));
    expect(err).toEqual({
      code: 'validation',
      message: 'Please correct Time zone and Card word limit.',
      fields: {
        timeZone: 'Time zone is not one Courtesy knows; use a name like Europe/Paris.',
        cardWordLimit: 'Card word limit must be at least 10 words.',
      },
    });
  });

  it('a 10,000-character subject: the subject alone, with its limit', async () => {
    core = await testCore();
    const a = await core.api('applications.create', { company: 'Acme', role: 'Designer' });
    const c = await core.api('contacts.create', { name: 'Dana', email: 'dana@acme.example' });
    const n = await core.api('notes.create', { kind: 'follow_up', contactId: c.id, applicationId: a.id });
    const err = await errorOf(core.api('notes.update', { id: n.id, revision: n.revision, subject: 'x'.repeat(10_000), body: n.body }));
    expect(err).toEqual({ code: 'validation', message: 'Subject can be at most 300 characters.', fields: { subject: 'Subject can be at most 300 characters.' } });
    const template = await errorOf(core.api('templates.create', { kind: 'thank_you', delivery: 'email', name: 'Mine', subject: 'x'.repeat(10_000), body: 'Thanks' }));
    expect(template.message).toBe('Subject can be at most 300 characters.');
  });

  it('zod’s own wording becomes a sentence with the field’s name and limit', async () => {
    core = await testCore();
    expect(await errorOf(core.api('applications.list', { search: 'x'.repeat(300) }))).toMatchObject({
      message: 'Search can be at most 200 characters.',
      fields: { search: 'Search can be at most 200 characters.' },
    });
    expect(await errorOf(core.api('reminders.create', {} as never))).toEqual({
      code: 'validation',
      message: 'Please correct Title and Due.',
      fields: { title: 'Title is required.', dueAt: 'Due is required.' },
    });
    expect(await errorOf(core.api('applications.create', { company: 'A', role: 'x'.repeat(201) }))).toMatchObject({ message: 'Role can be at most 200 characters.' });
  });

  it('a list item is named by its place; a profile field as the form names it', async () => {
    core = await testCore();
    const contact = await errorOf(core.api('contacts.create', { name: 'Priya', emails: [{ address: 'p@a.example' }, { address: 'priya@@x' }] }));
    expect(contact.message).toBe('Email 2: enter an email address like name@example.com.');
    expect(contact.fields).toEqual({ 'emails.1.address': 'Enter an email address like name@example.com.' });
    const profile = await errorOf(core.api('settings.update', { profile: { email: 'maya@@example' } }));
    expect(profile.message).toBe('Your email: enter an email address like name@example.com.');
  });

  it('the domains’ own refusals use the same words', async () => {
    core = await testCore();
    expect(await errorOf(core.api('applications.create', { company: 'A', role: 'B', salaryMin: 10, salaryMax: 5 }))).toEqual({
      code: 'validation',
      message: 'Salary to must not be below Salary from.',
      fields: { salaryMax: 'Salary to must not be below Salary from.' },
    });
  });
});

describe('dates a person enters lie from 1970 to 2099', () => {
  it('an application in 1850, an interview in 2999, a reminder in 2100 are refused, the edges accepted', async () => {
    core = await testCore();
    const y = (year: number, month = 0, day = 1) => Date.UTC(year, month, day);
    const old = await errorOf(core.api('applications.create', { company: 'Acme', role: 'Clerk', appliedAt: y(1850, 5, 1) }));
    expect(old).toEqual({ code: 'validation', message: 'Applied on: choose a date between 1970 and 2099.', fields: { appliedAt: 'Choose a date between 1970 and 2099.' } });
    const a = await core.api('applications.create', { company: 'Acme', role: 'Clerk', appliedAt: y(1970), deadlineAt: y(2100) - 1 });
    expect(a.appliedAt).toBe(0);
    const far = await errorOf(core.api('interviews.create', { applicationId: a.id, kind: 'video', startAt: y(2999, 2, 1), endAt: y(2999, 2, 1) + 3_600_000, timeZone: 'UTC' }));
    expect(far.message).toBe('Please correct Starts and Ends.');
    expect(far.fields).toEqual({ startAt: 'Choose a date between 1970 and 2099.', endAt: 'Choose a date between 1970 and 2099.' });
    expect((await errorOf(core.api('reminders.create', { title: 'Call', dueAt: y(2100) }))).fields).toEqual({ dueAt: 'Choose a date between 1970 and 2099.' });
  });
});

describe('web addresses: one rule wherever one is entered', () => {
  it('"linkedin.com/in/x" is taken and saved with https://; a script link is refused in words', async () => {
    core = await testCore();
    const a = await core.api('applications.create', { company: 'Acme', role: 'Designer', postingUrl: 'acme.example/jobs/12' });
    expect((await core.api('applications.get', { id: a.id })).postingUrl).toBe('https://acme.example/jobs/12');
    const c = await core.api('contacts.create', { name: 'Dana', url: 'linkedin.com/in/x' });
    expect(c.url).toBe('https://linkedin.com/in/x');
    const bad = await errorOf(core.api('contacts.create', { name: 'Dana', url: 'javascript:alert(1)' }));
    expect(bad.fields).toEqual({ url: 'Link must be a web address, like linkedin.com/in/name or https://example.com.' });
    const vcard = await core.api('contacts.importPreview', { text: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Nair\r\nURL:linkedin.com/in/priya\r\nEND:VCARD\r\n' });
    expect(vcard.cards[0].contact?.url).toBe('https://linkedin.com/in/priya');
  });
});

describe('describeIssue: each kind of zod issue', () => {
  const issue = (schema: z.ZodType, value: unknown) => describeIssue((schema.safeParse(value) as { error: z.ZodError }).error.issues[0]);
  const at = (key: string, schema: z.ZodType) => z.object({ [key]: schema });
  it.each([
    ['a string too long', at('subject', z.string().max(200)), { subject: 'x'.repeat(201) }, 'Subject can be at most 200 characters.'],
    ['a required string left empty', at('role', z.string().min(1)), { role: '' }, 'Role is required.'],
    ['a missing field', at('cardWordLimit', z.number()), {}, 'Card word limit is required.'],
    ['text instead of a number', at('cardWordLimit', z.number()), { cardWordLimit: 'many' }, 'Card word limit must be a number.'],
    ['a number too small', at('reconnectDays', z.number().min(1)), { reconnectDays: 0 }, 'Reconnect after a rejection must be at least 1.'],
    ['a number too large', at('quantity', z.number().max(1000)), { quantity: 5000 }, 'Quantity can be at most 1,000.'],
    ['too many items', at('contactIds', z.array(z.number()).max(2)), { contactIds: [1, 2, 3] }, 'Contact ids can have at most 2 items.'],
    ['not one of the choices', at('theme', z.enum(['system', 'light', 'dark'])), { theme: 'blue' }, 'Theme must be system, light, or dark.'],
    ['a bad format', at('url', z.url()), { url: 'nope' }, 'Link is not in the right format.'],
    ['our own message, kept', at('subject', z.string().max(3, 'Keep it short.')), { subject: 'long' }, 'Keep it short.'],
  ])('%s', (_what, schema, value, expected) => expect(issue(schema, value)).toBe(expected));

  it('labels: spelled out, listed, by list place', () => {
    expect(fieldLabel(['keepAutomaticBackups'])).toBe('Automatic backups to keep');
    expect(fieldLabel(['startAt'])).toBe('Starts');
    expect(fieldLabel(['someNewField'])).toBe('Some new field');
    expect(fieldLabel(['addresses', 0, 'city'])).toBe('Address 1: city');
    expect(fieldLabel(['phones', 2])).toBe('Phone 3');
  });

  it('the message above the form', () => {
    expect(summarize({ timeZone: 'x', cardWordLimit: 'y', mailBusinessDays: 'z' })).toBe('Please correct Time zone, Card word limit, and Mail delivery.');
    expect(summarize({ subject: 'Subject can be at most 300 characters.' })).toBe('Subject can be at most 300 characters.');
    expect(summarize({ endAt: 'The end must be after the start.' })).toBe('Ends: the end must be after the start.');
    expect(summarize({ _: 'Nothing to change.' })).toBe('Nothing to change.');
  });
});
