import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, testCore, type TestCore } from '../../testing/core';

let core: TestCore;
afterEach(() => core?.close());

const T0 = Date.UTC(2026, 10, 20, 9);
const HOUR = 3_600_000;
const names = async () => (await core.api('stages.list', {})).items.filter((s) => s.archivedAt === null).map((s) => s.name);
const keyOf = async (name: string) => (await core.api('stages.list', {})).items.find((s) => s.name === name)!.key;

describe('stages', () => {
  it('starts with the eight built-ins and adds, renames and reorders them', async () => {
    core = await testCore({ now: T0 });
    expect(await names()).toEqual(['Wishlist', 'Applied', 'Screening', 'Interviewing', 'Offer', 'Accepted', 'Rejected', 'Withdrawn']);
    const take = await core.api('stages.create', { name: 'Take-home', kind: 'interview' });
    expect(take).toMatchObject({ name: 'Take-home', kind: 'interview', position: 9, archivedAt: null });
    expect(take.key).toMatch(/^take-home-[0-9a-f]{6}$/);
    await core.api('stages.update', { key: 'applied', name: 'Sent' });
    const keys = (await core.api('stages.list', {})).items.map((s) => s.key);
    const order = [keys[0], keys[1], take.key, ...keys.slice(2, 8)];
    const reordered = await core.api('stages.reorder', { keys: order });
    expect(reordered.items.map((s) => s.name)).toEqual(['Wishlist', 'Sent', 'Take-home', 'Screening', 'Interviewing', 'Offer', 'Accepted', 'Rejected', 'Withdrawn']);
    // The board follows: columns in the new order, with the new names' keys.
    expect((await core.api('applications.board', {})).columns.map((c) => c.stage)).toEqual(order);
  });

  it('refuses a taken name, an unknown stage, a partial reorder and archiving the last stage of a kind', async () => {
    core = await testCore({ now: T0 });
    expect((await errorOf(core.api('stages.create', { name: ' applied ', kind: 'open' }))).fields).toEqual({ name: 'A stage called “applied” already exists.' });
    expect((await errorOf(core.api('stages.update', { key: 'nope', name: 'X' }))).fields).toEqual({ key: 'That stage no longer exists; choose another.' });
    expect((await errorOf(core.api('stages.reorder', { keys: ['applied', 'wishlist'] }))).fields).toEqual({ keys: 'List every active stage exactly once.' });
    expect((await errorOf(core.api('stages.archive', { key: 'rejected' }))).fields).toEqual({ key: '“Rejected” is the only closed: rejected stage; add another of that kind first.' });
    expect((await errorOf(core.api('stages.update', { key: 'interviewing', kind: 'open' }))).fields).toEqual({ kind: '“Interviewing” is the only interviewing stage; add another of that kind first.' });
    const app = await core.api('applications.create', { company: 'Acme', role: 'Engineer' });
    expect((await errorOf(core.api('applications.moveStage', { id: app.id, stage: 'nope' }))).fields).toEqual({ stage: 'That stage no longer exists; choose another.' });
    expect((await errorOf(core.api('applications.create', { company: 'Acme', role: 'X', stage: 'gone' }))).fields).toEqual({ stage: 'That stage no longer exists; choose another.' });
  });

  it('keeps the names history was written with when a stage is renamed', async () => {
    core = await testCore({ now: T0 });
    const app = await core.api('applications.create', { company: 'Acme', role: 'Engineer', stage: 'applied' });
    await core.api('applications.moveStage', { id: app.id, stage: 'screening' });
    await core.api('stages.update', { key: 'applied', name: 'Sent' });
    await core.api('stages.update', { key: 'screening', name: 'Recruiter call' });
    const moved = await core.api('applications.moveStage', { id: app.id, stage: 'interviewing' });
    expect(moved.undo.label).toBe('Moved Engineer at Acme to Interviewing');
    const events = (await core.api('applications.get', { id: app.id })).events;
    expect(events.map((e) => [e.fromName, e.toName])).toEqual([
      [null, 'Applied'],
      ['Applied', 'Screening'],
      ['Recruiter call', 'Interviewing'],
    ]);
    // Undoing a move puts the event back out too; the names already written stay.
    await core.api('undo.apply', { token: moved.undo.token });
    expect((await core.api('applications.get', { id: app.id })).events.map((e) => e.toName)).toEqual(['Applied', 'Screening']);
  });

  it('archives a stage by moving its applications, archived ones too, in one transaction with history', async () => {
    core = await testCore({ now: T0 });
    const a = await core.api('applications.create', { company: 'Acme', role: 'A', stage: 'screening' });
    const b = await core.api('applications.create', { company: 'Beta', role: 'B', stage: 'screening' });
    await core.api('applications.archive', { id: b.id, archived: true });
    expect((await errorOf(core.api('stages.archive', { key: 'screening' }))).fields).toEqual({ moveTo: '2 applications are in “Screening”: choose the stage to move them to.' });
    expect((await errorOf(core.api('stages.archive', { key: 'screening', moveTo: 'screening' }))).fields).toEqual({ moveTo: 'Choose another stage than the one being archived.' });
    // A failure halfway (here: a trigger refusing the second move) leaves every row as it was.
    core.ctx.sqlite.exec(`CREATE TRIGGER no_b BEFORE UPDATE OF stage ON applications WHEN NEW.id = ${b.id} BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    await expect(core.api('stages.archive', { key: 'screening', moveTo: 'applied' })).rejects.toThrow();
    expect((await core.api('applications.get', { id: a.id })).stage).toBe('screening');
    expect((await core.api('stages.list', {})).items.find((s) => s.key === 'screening')!.archivedAt).toBeNull();
    core.ctx.sqlite.exec('DROP TRIGGER no_b');

    expect(await core.api('stages.archive', { key: 'screening', moveTo: 'applied' })).toEqual({ ok: true, moved: 2 });
    for (const id of [a.id, b.id]) {
      const app = await core.api('applications.get', { id });
      expect(app.stage).toBe('applied');
      expect(app.events.at(-1)).toMatchObject({ fromStage: 'screening', toStage: 'applied', fromName: 'Screening', toName: 'Applied', note: '“Screening” was archived' });
    }
    expect(await names()).not.toContain('Screening');
    expect((await core.api('applications.board', {})).columns.map((c) => c.stage)).not.toContain('screening');
    expect((await errorOf(core.api('applications.moveStage', { id: a.id, stage: 'screening' }))).fields).toEqual({ stage: 'The stage “Screening” is archived; choose another.' });
    // Its name is free again; the history still names it.
    await core.api('stages.create', { name: 'Screening', kind: 'open' });
    expect((await core.api('applications.get', { id: a.id })).events.map((e) => e.toName)).toEqual(['Screening', 'Applied']);
  });

  it('restores an archived stage, empty, at the end of the board', async () => {
    core = await testCore({ now: T0 });
    const take = await core.api('stages.create', { name: 'Take-home', kind: 'interview' });
    const a = await core.api('applications.create', { company: 'Acme', role: 'A', stage: take.key });
    await core.api('stages.archive', { key: take.key, moveTo: 'interviewing' });
    expect((await errorOf(core.api('stages.restore', { key: 'applied' }))).fields).toEqual({ key: '“Applied” is not archived.' });
    expect((await errorOf(core.api('stages.restore', { key: 'nope' }))).fields).toEqual({ key: 'That stage no longer exists; choose another.' });
    // A stage of the same name took its place: that one must be renamed first.
    const other = await core.api('stages.create', { name: 'take-home', kind: 'open' });
    expect((await errorOf(core.api('stages.restore', { key: take.key }))).fields).toEqual({ key: 'A stage called “Take-home” is already on the board; rename that one first.' });
    await core.api('stages.update', { key: other.key, name: 'Homework' });
    core.ctx.clock.set(T0 + HOUR);
    const back = await core.api('stages.restore', { key: take.key });
    expect(back).toMatchObject({ key: take.key, name: 'Take-home', kind: 'interview', archivedAt: null });
    expect(await names()).toEqual(['Wishlist', 'Applied', 'Screening', 'Interviewing', 'Offer', 'Accepted', 'Rejected', 'Withdrawn', 'Homework', 'Take-home']);
    expect((await core.api('applications.board', {})).columns.map((c) => c.stage).at(-1)).toBe(take.key);
    // The application moved out stays where the archive put it; it can move back like any other.
    expect((await core.api('applications.get', { id: a.id })).stage).toBe('interviewing');
    await core.api('applications.moveStage', { id: a.id, stage: take.key });
    expect((await core.api('applications.get', { id: a.id })).events.map((e) => e.toName)).toEqual(['Take-home', 'Interviewing', 'Take-home']);
  });
});

describe('rules follow the kind, not the key or the name', () => {
  it('a renamed built-in and a custom rejected stage both release thank-yous and count in Insights', async () => {
    core = await testCore({ now: T0 });
    await core.api('stages.update', { key: 'rejected', name: 'Declined by them' });
    const ghosted = await core.api('stages.create', { name: 'Ghosted', kind: 'rejected' });
    const apps = [];
    for (const stage of ['rejected', ghosted.key]) {
      const app = await core.api('applications.create', { company: `Co ${stage}`, role: 'Engineer', stage: 'applied' });
      await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: T0, endAt: T0 + HOUR, participants: [{ name: 'Ana' }] });
      apps.push([app.id, stage] as const);
    }
    core.ctx.clock.set(T0 + 72 * HOUR);
    expect((await core.api('today.get', {})).overdue).toHaveLength(2);
    for (const [id, stage] of apps) await core.api('applications.moveStage', { id, stage });
    expect((await core.api('today.get', {})).overdue).toEqual([]);
    for (const a of (await core.api('applications.list', {})).items) expect(a.dueCount).toBe(0);
    const insights = await core.api('insights.get', {});
    expect(insights.afterRejection.of).toBe(2);
    expect(insights.stages.map((s) => s.stage)).toContain(ghosted.key);
    expect(insights.stages.find((s) => s.stage === ghosted.key)!.count).toBe(1);
  });

  it('scheduling an interview moves an earlier stage on to the first interview stage, wherever it is', async () => {
    core = await testCore({ now: T0 });
    const refs = await core.api('stages.create', { name: 'References', kind: 'open' });
    const call = await core.api('stages.create', { name: 'Intro call', kind: 'interview' });
    const keys = (await core.api('stages.list', {})).items.filter((s) => s.archivedAt === null).map((s) => s.key);
    // Intro call right after Applied: it is now the first interview stage. References after Offer.
    const rest = keys.filter((k) => k !== call.key && k !== refs.key);
    const order = [...rest.slice(0, 2), call.key, ...rest.slice(2, 5), refs.key, ...rest.slice(5)];
    await core.api('stages.reorder', { keys: order });
    await core.api('stages.update', { key: 'interviewing', name: 'Onsite' });
    const early = await core.api('applications.create', { company: 'Acme', role: 'A', stage: 'applied' });
    const later = await core.api('applications.create', { company: 'Beta', role: 'B', stage: refs.key });
    for (const app of [early, later]) await core.api('interviews.create', { applicationId: app.id, kind: 'phone', startAt: T0, endAt: T0 + HOUR });
    expect((await core.api('applications.get', { id: early.id })).stage).toBe(call.key);
    expect((await core.api('applications.get', { id: later.id })).stage).toBe(refs.key);
  });

  it('new applications and CSV rows start in the person’s own stages; status words map by name, then by kind', async () => {
    core = await testCore({ now: T0 });
    const planned = await core.api('stages.create', { name: 'Maybe', kind: 'planned' });
    const keys = (await core.api('stages.list', {})).items.filter((s) => s.archivedAt === null).map((s) => s.key);
    await core.api('stages.reorder', { keys: [planned.key, ...keys.filter((k) => k !== planned.key)] });
    expect((await core.api('applications.create', { company: 'Acme', role: 'A' })).stage).toBe(planned.key);
    const take = await core.api('stages.create', { name: 'Take-home', kind: 'interview' });
    await core.api('stages.update', { key: 'rejected', name: 'Nope' });
    await core.api('stages.create', { name: 'Verbal', kind: 'offer' });
    await core.api('stages.archive', { key: 'offer' });
    const text = 'Company,Role,Status\nA,R1,take-home\nB,R2,Rejected\nC,R3,Offer received\nD,R4,NOPE\nE,R5,Banana\n';
    const preview = await core.api('csv.previewApplications', { text });
    const verbal = await keyOf('Verbal');
    expect(preview.rows.map((r) => r.values.stage)).toEqual([take.key, 'rejected', verbal, 'rejected', null]);
    expect(preview.rows[4].fieldErrors.stage).toBe('“Banana” is not a stage we know; use Maybe, Wishlist, Applied, Screening, Interviewing, Accepted, Nope, Withdrawn, Take-home, or Verbal.');
    // The export writes the names, which the import reads back.
    await core.api('applications.create', { company: 'Zed', role: 'Z', stage: take.key });
    const csv = await core.api('csv.exportApplications', {});
    expect(csv.content).toContain('Take-home');
  });

  it('only closed stages, by kind, may be kept unfolded on the board', async () => {
    core = await testCore({ now: T0 });
    const ghosted = await core.api('stages.create', { name: 'Ghosted', kind: 'rejected' });
    expect((await core.api('settings.update', { boardExpandedStages: [ghosted.key, 'accepted'] })).boardExpandedStages).toEqual([ghosted.key, 'accepted']);
    expect((await errorOf(core.api('settings.update', { boardExpandedStages: ['applied'] }))).fields).toEqual({ boardExpandedStages: 'Only closed stages (accepted, rejected or withdrawn) fold.' });
  });
});
