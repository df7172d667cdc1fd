import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it } from 'vitest';
import { DANA_PERFUNCTORY, DANA_SUBSTANTIVE, INTERVIEWS, PRIYA_SUBSTANTIVE } from '../../shared/fixtures/notes';
import { localToInstant } from '../../shared/time';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { rowsFromContactColumns } from '../../testing/contact-rows';

/** The note's current revision: every edit names the one it is based on. */
const rev = async (core: TestCore, id: number) => (await core.api('notes.get', { id })).revision;

let core: TestCore;
afterEach(() => core?.close());
const HOUR = 3_600_000;
const ZONE = 'America/New_York';
const nw = INTERVIEWS.northwind;


/** Northwind: an interview with Dana (email and postal address) and Priya (email only), debriefed, ended. */
async function setup() {
  const start = localToInstant('2026-11-24T10:00', ZONE)!; // a Tuesday
  core = await testCore({ now: start - 24 * HOUR });
  await core.api('settings.update', {
    timeZone: ZONE,
    mailBusinessDays: 3,
    profile: { name: 'Jordan Avery', email: 'jordan@example.net', signature: 'Jordan Avery\n555-0100' },
  });
  const app = await core.api('applications.create', { company: nw.company, role: nw.role, stage: 'applied' });
  const sql = core.ctx.sqlite;
  const dana = Number(
    sql
      .prepare("INSERT INTO contacts (name, email, address_lines, city, region, postal_code, company_id) VALUES (?, ?, '12 Elm St', 'Boston', 'MA', '02110', ?)")
      .run(nw.participants.dana.name, nw.participants.dana.email, app.companyId).lastInsertRowid,
  );
  const priya = Number(sql.prepare('INSERT INTO contacts (name, email, company_id) VALUES (?, ?, ?)').run(nw.participants.priya.name, nw.participants.priya.email, app.companyId).lastInsertRowid);
  rowsFromContactColumns(sql);
  const iv = await core.api('interviews.create', {
    applicationId: app.id,
    round: 'Onsite',
    kind: 'onsite',
    startAt: start,
    endAt: start + 2 * HOUR,
    timeZone: ZONE,
    participants: [{ contactId: dana }, { contactId: priya }],
  });
  await core.api('interviews.update', {
    id: iv.id,
    challenge: nw.challenge,
    topics: nw.topics,
    lookingFor: nw.lookingFor,
    talkedAbout: [
      { contactId: dana, text: nw.participants.dana.talkedAbout },
      { contactId: priya, text: nw.participants.priya.talkedAbout },
    ],
  });
  core.ctx.clock.set(start + 3 * HOUR);
  return { app, iv, dana, priya, start };
}

describe('notes: templates and the composer data', () => {
  it('fills each empty thank-you from the template with that person’s merge fields, once', async () => {
    const { iv, dana, priya } = await setup();
    const raw = core.ctx.sqlite.prepare('SELECT body, template_id AS templateId FROM notes ORDER BY id').all();
    expect(raw).toEqual([
      { body: '', templateId: null },
      { body: '', templateId: null },
    ]);
    const { interview, entries } = await core.api('notes.forInterview', { interviewId: iv.id });
    expect(interview).toMatchObject({ company: nw.company, role: nw.role, round: 'Onsite' });
    expect(entries.map((e) => [e.contactId, e.name, e.notes.length])).toEqual([
      [dana, 'Dana Lee', 1],
      [priya, 'Priya Raman', 1],
    ]);
    const [d, p] = entries.map((e) => e.notes[0]);
    expect(d.subject).toBe(`Thank you for our conversation about the ${nw.role} role`);
    expect(d.body).toContain('Dear Dana,');
    expect(d.body).toContain('on November 24 about the Senior Data Engineer role at Northwind Health');
    expect(d.body).toContain(`hearing about ${nw.participants.dana.talkedAbout}.`);
    expect(d.body).toContain(`the challenge ahead is ${nw.challenge}.`);
    expect(d.body).toMatch(/Best regards,\nJordan Avery\n555-0100$/);
    // The part only the writer can supply stays a highlighted prompt.
    expect(d.body).toContain('{{how you would meet that challenge, with one concrete example}}');
    expect(p.body).toContain('Dear Priya,');
    expect(p.body).toContain(nw.participants.priya.talkedAbout);
    expect(d.templateId).not.toBeNull();
    // What the checks need travels with the note.
    expect(d.recipient).toMatchObject({ name: 'Dana Lee', email: nw.participants.dana.email, hasPostalAddress: true });
    expect(p.recipient).toMatchObject({ hasPostalAddress: false });
    expect(d.context).toMatchObject({ challenge: nw.challenge, talkedAbout: nw.participants.dana.talkedAbout, company: nw.company, role: nw.role });
    expect(d.merge.contact?.firstName).toBe('Dana');
    expect(d.others).toEqual([{ id: p.id, label: 'Priya Raman', body: p.body }]);
    expect(d.events.map((e) => e.status)).toEqual(['draft']);

    // Cleared on purpose: opening it again does not bring the template back.
    await core.api('notes.update', { id: d.id, revision: await rev(core, d.id), body: '' });
    const again = await core.api('notes.forInterview', { interviewId: iv.id });
    expect(again.entries[0].notes[0].body).toBe('');
    expect(core.ctx.sqlite.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 2 });
  });

  it('starts a note from an application contact with the template for its kind and delivery, and re-applies another on request', async () => {
    const { app, dana } = await setup();
    const opts = await core.api('notes.composeOptions', { applicationId: app.id });
    expect(opts.contacts.map((c) => [c.name, c.roles, c.hasAddress])).toEqual([
      ['Dana Lee', ['interviewer'], true],
      ['Priya Raman', ['interviewer'], false],
    ]);
    expect(opts.interviews[0].contactIds).toHaveLength(2);
    const note = await core.api('notes.create', { kind: 'after_rejection', contactId: dana, applicationId: app.id, delivery: 'email' });
    expect(note).toMatchObject({ kind: 'after_rejection', delivery: 'email', status: 'draft', subject: 'Thank you, and staying in touch', recipientName: 'Dana Lee' });
    expect(note.body).toContain('decision on the Senior Data Engineer role');
    expect(note.body).toContain('I remain very interested in Northwind Health');
    // No interview: the debrief field stays a marked gap rather than disappearing.
    expect(note.body).toContain('{{interview.topics}}');

    const card = (await core.api('templates.list', { kind: 'thank_you' })).items.find((t) => t.delivery === 'handwritten')!;
    const switched = await core.api('notes.update', { id: note.id, revision: await rev(core, note.id), delivery: 'handwritten', kind: 'thank_you', templateId: card.id });
    expect(switched).toMatchObject({ delivery: 'handwritten', kind: 'thank_you', templateId: card.id, subject: null });
    expect(switched.body).toMatch(/^Dear Dana,/);

    const bad = await errorOf(core.api('notes.create', { kind: 'thank_you', contactId: 99999 }));
    expect(bad).toMatchObject({ code: 'validation', fields: { contactId: 'That contact was not found.' } });
    const badKind = await errorOf(core.api('notes.create', { kind: 'love_letter' as never, contactId: dana }));
    expect(badKind.fields?.kind).toMatch(/Choose a kind/);
  });
});

describe('notes: email delivery', () => {
  it('keeps a sent note read-only until it is reopened, recording each step', async () => {
    const { iv } = await setup();
    const [d] = (await core.api('notes.forInterview', { interviewId: iv.id })).entries.map((e) => e.notes[0]);
    await core.api('notes.update', { id: d.id, revision: await rev(core, d.id), body: DANA_SUBSTANTIVE });
    const sentAt = core.ctx.clock.now();
    const sent = await core.api('notes.markSent', { id: d.id });
    expect(sent).toMatchObject({ status: 'sent', readOnly: true, reopened: false, sentAt });

    const refused = await errorOf(core.api('notes.update', { id: d.id, revision: await rev(core, d.id), body: 'changed' }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/Reopen it to edit/);
    expect((await errorOf(core.api('notes.markSent', { id: d.id }))).code).toBe('conflict');
    expect((await core.api('notes.get', { id: d.id })).body).toBe(DANA_SUBSTANTIVE);

    core.ctx.clock.set(sentAt + HOUR);
    const reopened = await core.api('notes.reopen', { id: d.id });
    expect(reopened).toMatchObject({ status: 'sent', readOnly: false, reopened: true });
    const edited = await core.api('notes.update', { id: d.id, revision: await rev(core, d.id), body: DANA_SUBSTANTIVE + '\nP.S. The YAML schema is attached.' });
    expect(edited.body).toMatch(/P\.S\./);
    const locked = await core.api('notes.lock', { id: d.id });
    expect(locked).toMatchObject({ readOnly: true, reopened: false });
    expect((await errorOf(core.api('notes.update', { id: d.id, revision: await rev(core, d.id), body: 'x' }))).code).toBe('conflict');
    expect(locked.events.map((e) => [e.status, e.detail])).toEqual([
      ['draft', null],
      ['sent', null],
      ['sent', 'Reopened for editing'],
      ['sent', 'Closed after editing'],
    ]);
    // Reopened and sent again: a new sent time.
    await core.api('notes.reopen', { id: d.id });
    core.ctx.clock.set(sentAt + 2 * HOUR);
    const resent = await core.api('notes.markSent', { id: d.id });
    expect(resent).toMatchObject({ readOnly: true, sentAt: sentAt + 2 * HOUR });
    expect(resent.events.at(-1)).toMatchObject({ status: 'sent', detail: 'Sent again after editing' });
    // An email is sent, never "mailed"; a card is never "sent"; delivery is fixed once it went out.
    expect((await errorOf(core.api('notes.advance', { id: d.id, status: 'written' }))).code).toBe('conflict');
    await core.api('notes.reopen', { id: d.id });
    expect((await errorOf(core.api('notes.update', { id: d.id, revision: await rev(core, d.id), delivery: 'handwritten' }))).fields?.delivery).toMatch(/only while the note is a draft/);
  });

  it('builds a mailto: link and an .eml draft a mail parser reads back; a long body falls back to .eml only', async () => {
    const { iv } = await setup();
    const [d, p] = (await core.api('notes.forInterview', { interviewId: iv.id })).entries.map((e) => e.notes[0]);
    await core.api('notes.update', { id: d.id, revision: await rev(core, d.id), subject: 'Thank you — the Airflow migration', body: 'Dear Dana,\n\nThank you for the on-call story.\n\nJordan' });
    const draft = await core.api('notes.emailDraft', { id: d.id });
    expect(draft.mailto).toMatch(/^mailto:dana\.lee@northwind\.example\?subject=Thank%20you%20%E2%80%94%20the%20Airflow%20migration&body=Dear%20Dana%2C%0D%0A%0D%0AThank/);
    expect(draft.eml.filename).toBe('Thank-you to Dana Lee.eml');
    const mail = await PostalMime.parse(Buffer.from(draft.eml.base64, 'base64'));
    expect(mail.from).toEqual({ name: 'Jordan Avery', address: 'jordan@example.net' });
    expect(mail.to).toEqual([{ name: 'Dana Lee', address: 'dana.lee@northwind.example' }]);
    expect(mail.subject).toBe('Thank you — the Airflow migration');
    expect(mail.text).toBe('Dear Dana,\n\nThank you for the on-call story.\n\nJordan\n');
    expect(mail.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1');

    await core.api('notes.update', { id: p.id, revision: await rev(core, p.id), body: PRIYA_SUBSTANTIVE.repeat(3) });
    const long = await core.api('notes.emailDraft', { id: p.id });
    expect(long.mailto).toBeNull();
    expect(long.mailtoLength).toBeGreaterThan(2000);
    expect((await PostalMime.parse(Buffer.from(long.eml.base64, 'base64'))).text).toContain('schema versioning');
  });
});

describe('notes: revisions', () => {
  it('refuses a write based on an older copy and hands back what is saved now', async () => {
    const { iv } = await setup();
    const [d] = (await core.api('notes.forInterview', { interviewId: iv.id })).entries.map((e) => e.notes[0]);
    const opened = await core.api('notes.get', { id: d.id });
    // Window A saves; window B still holds the copy it opened.
    const a = await core.api('notes.update', { id: d.id, revision: opened.revision, body: 'Dear Dana, from window A.' });
    expect(a.revision).toBe(opened.revision + 1);
    const stale = await errorOf(core.api('notes.update', { id: d.id, revision: opened.revision, body: 'Dear Dana, from window B.' }));
    expect(stale).toMatchObject({ code: 'conflict', current: { revision: a.revision, body: 'Dear Dana, from window A.' } });
    expect(stale.message).toMatch(/changed elsewhere/);
    expect((await core.api('notes.get', { id: d.id })).body).toBe('Dear Dana, from window A.');
    // B, having seen both, keeps its own text by naming the revision it now knows.
    const b = await core.api('notes.update', { id: d.id, revision: a.revision, body: 'Dear Dana, from window B.' });
    expect(b).toMatchObject({ body: 'Dear Dana, from window B.', revision: a.revision + 1 });
  });

  it('bumps the revision on status changes too, so an edit from before them is refused', async () => {
    const { iv } = await setup();
    const [d] = (await core.api('notes.forInterview', { interviewId: iv.id })).entries.map((e) => e.notes[0]);
    const before = await core.api('notes.update', { id: d.id, revision: await rev(core, d.id), body: DANA_SUBSTANTIVE });
    const sent = await core.api('notes.markSent', { id: d.id });
    expect(sent.revision).toBeGreaterThan(before.revision);
    const reopened = await core.api('notes.reopen', { id: d.id });
    expect(reopened.revision).toBeGreaterThan(sent.revision);
    expect((await errorOf(core.api('notes.update', { id: d.id, revision: sent.revision, body: 'x' }))).code).toBe('conflict');
    const edited = await core.api('notes.update', { id: d.id, revision: reopened.revision, body: DANA_SUBSTANTIVE + ' P.S.' });
    expect(edited.revision).toBe(reopened.revision + 1);
  });

  it('asks for the revision: an edit without one is a validation error naming it', async () => {
    const { iv } = await setup();
    const [d] = (await core.api('notes.forInterview', { interviewId: iv.id })).entries.map((e) => e.notes[0]);
    const missing = await errorOf(core.api('notes.update', { id: d.id, body: 'x' } as never));
    expect(missing).toMatchObject({ code: 'validation', fields: { revision: expect.stringMatching(/revision/) } });
  });
});

describe('notes: handwritten cards', () => {
  async function stock() {
    const items = (await core.api('stationery.list', {})).items;
    return Object.fromEntries(items.map((i) => [i.kind, i.onHand]));
  }

  it('goes written → addressed → stamped → mailed in order, records skipped steps, uses a card and a stamp, and arrives in business days', async () => {
    const { iv } = await setup();
    const card = await core.api('stationery.createItem', { kind: 'card', name: 'Plain cards' });
    const stamp = await core.api('stationery.createItem', { kind: 'stamp', name: 'Forever', postageCents: 78 });
    await core.api('stationery.record', { itemId: card.id, reason: 'purchase', quantity: 10 });
    await core.api('stationery.record', { itemId: stamp.id, reason: 'purchase', quantity: 5 });

    const [d] = (await core.api('notes.forInterview', { interviewId: iv.id })).entries.map((e) => e.notes[0]);
    await core.api('notes.update', { id: d.id, revision: await rev(core, d.id), delivery: 'handwritten' });
    const t1 = core.ctx.clock.now();
    const written = await core.api('notes.advance', { id: d.id, status: 'written' });
    expect(written.note.status).toBe('written');
    expect(written.stationery).toEqual([]);
    core.ctx.clock.set(t1 + HOUR);
    const stamped = await core.api('notes.advance', { id: d.id, status: 'stamped' });
    expect(stamped.note.events.slice(1).map((e) => [e.status, e.detail])).toEqual([
      ['written', null],
      ['addressed', 'Recorded with stamped'],
      ['stamped', null],
    ]);
    expect(stamped.note.events.slice(1).map((e) => e.at)).toEqual([t1, t1 + HOUR, t1 + HOUR]);
    expect((await errorOf(core.api('notes.advance', { id: d.id, status: 'addressed' }))).code).toBe('conflict');
    expect(await stock()).toEqual({ card: 10, stamp: 5 });

    // Mailed on Friday 4 PM New York: three business days later is Wednesday 4 PM (not Monday).
    const friday = localToInstant('2026-11-27T16:00', ZONE)!;
    core.ctx.clock.set(friday + 30 * 60_000);
    const future = await errorOf(core.api('notes.advance', { id: d.id, status: 'mailed', mailedOn: friday + 2 * 86_400_000 }));
    expect(future.fields?.mailedOn).toMatch(/future/);
    const mailed = await core.api('notes.advance', { id: d.id, status: 'mailed', mailedOn: friday });
    expect(mailed.note).toMatchObject({ status: 'mailed', mailedAt: friday, expectedArrivalAt: localToInstant('2026-12-02T16:00', ZONE), readOnly: true });
    expect(mailed.note.events.at(-1)).toMatchObject({ status: 'mailed', at: friday });
    expect(mailed.stationery.map((s) => [s.kind, s.onHandAfter]).sort()).toEqual([
      ['card', 9],
      ['stamp', 4],
    ]);
    expect(await stock()).toEqual({ card: 9, stamp: 4 });
    const ledger = core.ctx.sqlite.prepare("SELECT note_id AS noteId, delta FROM stationery_ledger WHERE reason = 'use'").all();
    expect(ledger).toEqual([
      { noteId: d.id, delta: -1 },
      { noteId: d.id, delta: -1 },
    ]);
    expect((await errorOf(core.api('notes.update', { id: d.id, revision: await rev(core, d.id), body: 'x' }))).code).toBe('conflict');
    // The log and Today show it on its way.
    const log = await core.api('notes.list', { interviewId: iv.id, status: 'mailed' });
    expect(log.items.map((n) => n.id)).toEqual([d.id]);
  });

  it('asks before using stock that is not there, and writes nothing until allowed', async () => {
    const { iv } = await setup();
    const stamp = await core.api('stationery.createItem', { kind: 'stamp', name: 'Forever', postageCents: 78 });
    const cards = await core.api('stationery.createItem', { kind: 'card', name: 'Cards' });
    await core.api('stationery.record', { itemId: cards.id, reason: 'purchase', quantity: 3 });
    const [d] = (await core.api('notes.forInterview', { interviewId: iv.id })).entries.map((e) => e.notes[0]);
    await core.api('notes.update', { id: d.id, revision: await rev(core, d.id), delivery: 'handwritten' });
    const err = await errorOf(core.api('notes.advance', { id: d.id, status: 'mailed' }));
    expect(err.code).toBe('conflict');
    expect(err.fields?.stock).toMatch(/stamps/);
    const after = await core.api('notes.get', { id: d.id });
    // One transaction: no status, no skipped steps, no ledger rows.
    expect(after).toMatchObject({ status: 'draft', mailedAt: null });
    expect(after.events).toHaveLength(1);
    expect(core.ctx.sqlite.prepare("SELECT count(*) AS n FROM stationery_ledger WHERE reason = 'use'").get()).toEqual({ n: 0 });
    const forced = await core.api('notes.advance', { id: d.id, status: 'mailed', allowNegativeStock: true });
    expect(forced.note.status).toBe('mailed');
    expect(forced.note.events.map((e) => e.status)).toEqual(['draft', 'written', 'addressed', 'stamped', 'mailed']);
    expect(forced.warnings.join(' ')).toMatch(/below zero/);
    expect((await core.api('stationery.list', {})).items.find((i) => i.id === stamp.id)?.onHand).toBe(-1);
  });

  it('follows an emailed thank-you with a linked card that is not compared with that email', async () => {
    const { iv, start } = await setup();
    const [d, p] = (await core.api('notes.forInterview', { interviewId: iv.id })).entries.map((e) => e.notes[0]);
    await core.api('notes.update', { id: d.id, revision: await rev(core, d.id), body: DANA_SUBSTANTIVE });
    await core.api('notes.update', { id: p.id, revision: await rev(core, p.id), body: PRIYA_SUBSTANTIVE });
    await core.api('notes.markSent', { id: d.id });
    const card = await core.api('notes.followWithCard', { id: d.id });
    expect(card).toMatchObject({ delivery: 'handwritten', followsNoteId: d.id, contactId: d.contactId, interviewId: iv.id, status: 'draft', kind: 'thank_you' });
    expect(card.body).toMatch(/^Dear Dana,\n\nThank you for our conversation about her team's on-call burnout/);
    expect(card.others.map((o) => o.id)).toEqual([p.id]);
    // Due a day after it was started (setup() left the clock at the end of the interview + 1 h).
    expect(card.dueAt).toBe(start + 3 * HOUR + 24 * HOUR);
    expect((await core.api('notes.followWithCard', { id: d.id })).id).toBe(card.id);
    expect((await core.api('notes.get', { id: d.id })).followedBy).toEqual([{ id: card.id, delivery: 'handwritten', status: 'draft' }]);
    // Priya's note is still compared with Dana's email, and not with the card to Dana... both are Dana's.
    expect((await core.api('notes.get', { id: p.id })).others.map((o) => o.id)).toEqual([d.id, card.id]);
    // A copy of the email as the card: the distinct check does not flag it.
    const check = await core.api('notes.check', { noteId: card.id, body: DANA_SUBSTANTIVE, delivery: 'handwritten' });
    expect(check.checks.find((c) => c.id === 'distinct')?.verdict).toBe('pass');
    const entries = (await core.api('notes.forInterview', { interviewId: iv.id })).entries;
    expect(entries[0].notes.map((n) => n.id)).toEqual([d.id, card.id]);
    expect((await errorOf(core.api('notes.followWithCard', { id: card.id }))).code).toBe('conflict');
  });
});

describe('notes: checks, log and search', () => {
  it('runs the composer checks through the API', async () => {
    const { iv, dana, start } = await setup();
    const [d, p] = (await core.api('notes.forInterview', { interviewId: iv.id })).entries.map((e) => e.notes[0]);
    await core.api('notes.update', { id: p.id, revision: await rev(core, p.id), body: PRIYA_SUBSTANTIVE });
    core.ctx.clock.set(start + 2.5 * HOUR); // due at end + 24 h: 23.5 h left

    const byNote = await core.api('notes.check', { noteId: d.id, body: DANA_SUBSTANTIVE, subject: 'Thanks', delivery: 'email' });
    const v = Object.fromEntries(byNote.checks.map((c) => [c.id, c.verdict]));
    expect(v).toEqual({ personal: 'pass', distinct: 'pass', timely: 'pass', deliverable: 'pass', merge: 'pass' });
    expect(byNote.ok).toBe(true);
    expect(byNote.checks.find((c) => c.id === 'timely')?.message).toBe('Due in 23 h.');

    const perfunctory = await core.api('notes.check', { noteId: d.id, body: DANA_PERFUNCTORY, delivery: 'handwritten' });
    expect(perfunctory.checks.find((c) => c.id === 'personal')).toMatchObject({ verdict: 'warn' });
    expect(perfunctory.checks.find((c) => c.id === 'personal')?.message).toMatch(/perfunctory/);

    // Pasting Priya's note into Dana's: distinct fails, names Priya, and points at the shared passages.
    const copy = await core.api('notes.check', { noteId: d.id, body: PRIYA_SUBSTANTIVE.replace('Hi Priya', 'Hi Dana'), subject: 'Thanks', delivery: 'email' });
    const distinct = copy.checks.find((c) => c.id === 'distinct')!;
    expect(distinct.verdict).toBe('fail');
    expect(distinct.message).toMatch(/alike with the note to Priya Raman/);
    expect(distinct.passages.length).toBeGreaterThan(0);
    expect(distinct.passages.every((x) => x.kind === 'shared' && x.otherId === p.id)).toBe(true);

    // Without a note: recipient and interview, and the texts to compare against.
    const adHoc = await core.api('notes.check', {
      contactId: dana,
      interviewId: iv.id,
      body: 'Dear Dana, {{interview.challenge}} was great.',
      delivery: 'email',
      subject: '',
      others: [{ id: 'x', label: 'Sam', body: 'Dear Sam, {{interview.challenge}} was great.' }],
    });
    const a = Object.fromEntries(adHoc.checks.map((c) => [c.id, c]));
    expect(a.merge.verdict).toBe('fail');
    expect(a.merge.passages[0]).toMatchObject({ text: '{{interview.challenge}}', where: 'body' });
    expect(a.deliverable).toMatchObject({ verdict: 'warn', message: 'The email has no subject.' });
    expect(a.timely.verdict).toBe('info');
    const overdue = await (async () => {
      core.ctx.clock.set(d.dueAt! + 2 * HOUR);
      return core.api('notes.check', { noteId: d.id, body: DANA_SUBSTANTIVE, delivery: 'email' });
    })();
    expect(overdue.checks.find((c) => c.id === 'timely')).toMatchObject({ verdict: 'fail', message: 'Overdue by 2 h.' });
    expect((await errorOf(core.api('notes.check', { body: 'x', delivery: 'pigeon' as never }))).fields?.delivery).toMatch(/email or handwritten/);
  });

  it('lists notes per contact, application and interview, searches their text, and deletes with confirmation', async () => {
    const { app, iv, dana, priya } = await setup();
    const [d, p] = (await core.api('notes.forInterview', { interviewId: iv.id })).entries.map((e) => e.notes[0]);
    await core.api('notes.update', { id: d.id, revision: await rev(core, d.id), body: DANA_SUBSTANTIVE });
    await core.api('notes.update', { id: p.id, revision: await rev(core, p.id), body: PRIYA_SUBSTANTIVE });
    const other = await core.api('applications.create', { company: 'Globex', role: 'Analyst' });
    const x = Number(core.ctx.sqlite.prepare("INSERT INTO contacts (name) VALUES ('Hank Scorpio')").run().lastInsertRowid);
    await core.api('notes.create', { kind: 'follow_up', contactId: x, applicationId: other.id });

    expect((await core.api('notes.list', { applicationId: app.id })).items.map((n) => n.id).sort()).toEqual([d.id, p.id].sort());
    expect((await core.api('notes.list', { contactId: priya })).items.map((n) => n.id)).toEqual([p.id]);
    expect((await core.api('notes.list', {})).items).toHaveLength(3);
    // Prefix words, accents and punctuation ignored, over recipient, subject and body.
    expect((await core.api('notes.list', { search: 'airfl' })).items.map((n) => n.id)).toEqual([d.id]);
    expect((await core.api('notes.list', { search: 'schema versioning' })).items.map((n) => n.id)).toEqual([p.id]);
    expect((await core.api('notes.list', { search: 'priya' })).items.map((n) => n.id)).toEqual([p.id]);
    expect((await core.api('notes.list', { search: '"scorpio' })).items.map((n) => n.recipientName)).toEqual(['Hank Scorpio']);
    expect((await core.api('notes.list', { search: 'nothing-like-this' })).items).toEqual([]);
    const [hit] = (await core.api('notes.list', { search: 'airflow', contactId: dana })).items;
    expect(hit).toMatchObject({ recipientName: 'Dana Lee', company: nw.company, delivery: 'email', status: 'draft' });
    expect(hit.excerpt).toMatch(/^Dear Dana, Thank you for walking me/);
    const limited = await core.api('notes.list', { limit: 2 });
    expect(limited.hasMore).toBe(true);
    expect(limited.items).toHaveLength(2);
    expect((await core.api('notes.list', { limit: 3 })).hasMore).toBe(false);

    expect((await errorOf(core.api('notes.delete', { id: p.id } as never))).fields?.confirm).toMatch(/confirmation/);
    await core.api('notes.delete', { id: p.id, confirm: true });
    expect((await core.api('notes.list', { search: 'schema' })).items).toEqual([]);
    expect((await errorOf(core.api('notes.get', { id: p.id }))).code).toBe('not_found');
    // Writing thank-yous again brings back Priya's obligation as a fresh draft.
    const entries = (await core.api('notes.forInterview', { interviewId: iv.id })).entries;
    expect(entries[1].notes[0]).toMatchObject({ status: 'draft', recipientName: 'Priya Raman' });
    expect(entries[1].notes[0].id).not.toBe(p.id);
  });
});
