import { afterEach, describe, expect, it } from 'vitest';
import { mergeData, seedTemplates } from './templates';
import { renderTemplate } from '../../shared/merge';
import { testCore, type TestCore } from '../../testing/core';

let core: TestCore;
afterEach(() => core?.close());

describe('templates', () => {
  it('built-ins can be reworded and reset, but not renamed, repurposed or deleted; seeding never duplicates them', async () => {
    core = await testCore();
    const all = (await core.api('templates.list', {})).items;
    const builtIns = all.filter((t) => t.builtIn);
    expect(builtIns.map((t) => t.kind).sort()).toEqual(['after_rejection', 'follow_up', 'thank_you', 'thank_you']);
    const thanks = builtIns.find((t) => t.kind === 'thank_you' && t.delivery === 'email')!;
    const renamed = await core.call('templates.update', { id: thanks.id, name: 'Mine now', delivery: 'handwritten' });
    expect(!renamed.ok && renamed.error.fields).toMatchObject({ name: expect.stringContaining('keeps its name'), delivery: expect.stringContaining('keeps its delivery') });
    const reworded = await core.api('templates.update', { id: thanks.id, body: 'Dear {{contact.firstName}}, thank you.' });
    expect(reworded.body).toBe('Dear {{contact.firstName}}, thank you.');
    seedTemplates(core.ctx);
    expect((await core.api('templates.list', {})).items.filter((t) => t.builtIn)).toHaveLength(4);
    const reset = await core.api('templates.reset', { id: thanks.id });
    expect(reset.body).toBe(thanks.body);
    const del = await core.call('templates.delete', { id: thanks.id });
    expect(!del.ok && del.error.code).toBe('conflict');
  });

  it('knows a built-in by its stable key, not its name: a name written differently is neither duplicated nor lost to reset', async () => {
    core = await testCore();
    const thanks = (await core.api('templates.list', {})).items.find((t) => t.builtIn && t.kind === 'thank_you' && t.delivery === 'email')!;
    // As an older (or newer) version might have named it.
    core.ctx.sqlite.prepare("UPDATE templates SET name = 'Thank-you email (2025 wording)', body = 'Edited' WHERE id = ?").run(thanks.id);
    seedTemplates(core.ctx);
    const builtIns = (await core.api('templates.list', {})).items.filter((t) => t.builtIn);
    expect(builtIns).toHaveLength(4);
    expect(builtIns.map((t) => t.id)).toContain(thanks.id);
    expect((await core.api('templates.reset', { id: thanks.id })).body).toBe(thanks.body);
    // The person's own template with a built-in's name is still their own.
    const mine = await core.api('templates.create', { kind: 'thank_you', delivery: 'email', name: thanks.name, body: 'Mine' });
    const reset = await core.call('templates.reset', { id: mine.id });
    expect(!reset.ok && reset.error.code).toBe('conflict');
  });

  it('renders merge fields for a recipient and interview, and keeps unfilled prompts marked', async () => {
    core = await testCore({ now: Date.UTC(2026, 10, 20) });
    await core.api('settings.update', { profile: { name: 'Jo Park' }, timeZone: 'Europe/Berlin' });
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: Date.UTC(2026, 10, 19, 9), endAt: Date.UTC(2026, 10, 19, 10), participants: [{ name: 'Dr. Dana Lee' }] });
    await core.api('interviews.update', { id: iv.id, challenge: 'a slow billing pipeline', talkedAbout: [{ contactId: iv.participants[0].contactId, text: 'event sourcing' }] });
    const thanks = (await core.api('templates.list', { kind: 'thank_you' })).items.find((t) => t.delivery === 'email')!;
    const r = await core.api('templates.render', { templateId: thanks.id, contactId: iv.participants[0].contactId, interviewId: iv.id });
    expect(r.subject).toBe('Thank you for our conversation about the Platform Engineer role');
    expect(r.body).toContain('Dear Dana,');
    expect(r.body).toContain('on November 19 about the Platform Engineer role at Globex');
    expect(r.body).toContain('hearing about event sourcing');
    expect(r.body).toContain('the challenge ahead is a slow billing pipeline');
    expect(r.body).toContain('Jo Park');
    expect(r.unfilled.map((u) => u.field)).toEqual(['how you would meet that challenge, with one concrete example']);
    expect(r.body.slice(r.unfilled[0].start, r.unfilled[0].end)).toBe('{{how you would meet that challenge, with one concrete example}}');
  });

  it("fills names with the interview's other people, so a value that starts with one keeps its capital", async () => {
    core = await testCore({ now: Date.UTC(2026, 10, 20) });
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    const iv = await core.api('interviews.create', {
      applicationId: app.id,
      kind: 'video',
      startAt: Date.UTC(2026, 10, 19, 9),
      endAt: Date.UTC(2026, 10, 19, 10),
      participants: [{ name: 'Dana Lee' }, { name: 'Priya Raman' }, { name: 'Omar Haddad' }],
    });
    const [dana, priya] = iv.participants;
    await core.api('interviews.update', { id: iv.id, talkedAbout: [{ contactId: dana.contactId, text: 'Priya built the billing pipeline.' }] });
    const data = mergeData(core.ctx, { contactId: dana.contactId, interviewId: iv.id });
    expect(data.names).toEqual(['Omar Haddad', 'Priya Raman']);
    expect(renderTemplate('I enjoyed hearing how {{participant.talkedAbout}}.', data).text).toBe('I enjoyed hearing how Priya built the billing pipeline.');
    // Without the names the fitter takes the capital for a sentence start and lowers it.
    expect(renderTemplate('I enjoyed hearing how {{participant.talkedAbout}}.', { ...data, names: [] }).text).toBe('I enjoyed hearing how priya built the billing pipeline.');
    // No recipient: everyone in the interview is another person.
    expect(mergeData(core.ctx, { interviewId: iv.id }).names).toEqual(['Dana Lee', 'Omar Haddad', 'Priya Raman']);
    const note = await core.api('notes.get', { id: (await core.api('notes.list', { interviewId: iv.id })).items.find((n) => n.contactId === priya.contactId)!.id });
    expect(note.merge.names).toEqual(['Dana Lee', 'Omar Haddad']);
  });
});
