import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../testing/core';
import { BOARD_EXACT_MATCHES } from './board';

let core: TestCore;
afterEach(() => core?.close());

const T0 = Date.UTC(2026, 10, 2, 9, 0);

describe('applications', () => {
  it('creates with a company found by name or created, and records the first stage event', async () => {
    core = await testCore({ now: T0 });
    const a = await core.api('applications.create', { company: '  Acme  ', role: 'Engineer', stage: 'applied', salaryCurrency: 'eur' });
    const b = await core.api('applications.create', { company: 'ACME', role: 'Manager' });
    expect(a.company).toBe('Acme');
    expect(b.companyId).toBe(a.companyId);
    expect(a.salaryCurrency).toBe('EUR');
    expect(a.appliedAt).toBe(T0);
    expect(b.appliedAt).toBeNull();
    expect(a.events).toMatchObject([{ fromStage: null, toStage: 'applied' }]);
  });

  it('answers invalid input with field errors and writes nothing', async () => {
    core = await testCore();
    const env = await core.call('applications.create', { company: '', role: 'x'.repeat(300), postingUrl: 'javascript:alert(1)', salaryMin: 10, salaryMax: 5, stage: '' });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('validation');
    expect(env.error.fields).toMatchObject({
      company: 'Company is required.',
      role: 'Role can be at most 200 characters.',
      postingUrl: expect.stringContaining('http'),
      stage: 'Choose a stage.',
    });
    const salary = await core.call('applications.create', { company: 'A', role: 'B', salaryMin: 10, salaryMax: 5 });
    expect(!salary.ok && salary.error.fields).toEqual({ salaryMax: 'Salary to must not be below Salary from.' });
    expect((await core.api('applications.list', {})).total).toBe(0);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
  });

  it('moves stages with an event each time, and ignores a move to the same stage', async () => {
    core = await testCore({ now: T0 });
    const a = await core.api('applications.create', { company: 'Acme', role: 'Engineer' });
    core.ctx.clock.set(T0 + 3_600_000);
    const moved = await core.api('applications.moveStage', { id: a.id, stage: 'screening' });
    expect(moved.stage).toBe('screening');
    expect(moved.stageChangedAt).toBe(T0 + 3_600_000);
    // A minute later, a move to the same stage changes nothing, not even the time.
    core.ctx.clock.advance(60_000);
    expect((await core.api('applications.moveStage', { id: a.id, stage: 'screening' })).stageChangedAt).toBe(T0 + 3_600_000);
    await core.api('applications.moveStage', { id: a.id, stage: 'rejected', note: 'Position filled' });
    const detail = await core.api('applications.get', { id: a.id });
    expect(detail.events.map((e) => [e.fromStage, e.toStage, e.note])).toEqual([
      [null, 'wishlist', null],
      ['wishlist', 'screening', null],
      ['screening', 'rejected', 'Position filled'],
    ]);
    expect(detail.appliedAt).not.toBeNull();
    const missing = await core.call('applications.moveStage', { id: 999, stage: 'offer' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('searches company, role, notes and location by word prefix, diacritics-insensitive, and filters by stage', async () => {
    core = await testCore();
    await core.api('applications.create', { company: 'Café Lumière', role: 'Barista lead', notes: 'Met the owner at the market', stage: 'applied' });
    await core.api('applications.create', { company: 'Globex', role: 'Data Engineer', location: 'Zürich', stage: 'screening' });
    const s = async (search: string, stages?: string[]) =>
      (await core.api('applications.list', { search, stages: stages as never })).items.map((i) => i.company);
    expect(await s('cafe')).toEqual(['Café Lumière']);
    expect(await s('own market')).toEqual(['Café Lumière']);
    expect(await s('zur')).toEqual(['Globex']);
    expect(await s('data eng')).toEqual(['Globex']);
    expect(await s('"; DROP TABLE applications; --')).toEqual([]);
    expect(await s('engineer', ['applied'])).toEqual([]);
    expect(await s('engineer', ['screening'])).toEqual(['Globex']);
    // Renaming the company reaches the index.
    await core.api('applications.update', { id: 2, company: 'Initech' });
    expect(await s('initech')).toEqual(['Globex'.replace('Globex', 'Initech')]);
  });

  it('edits only given fields, archives, restores and deletes with confirmation', async () => {
    core = await testCore();
    const a = await core.api('applications.create', { company: 'Acme', role: 'Engineer', salaryMin: 100, location: 'Remote' });
    const edited = await core.api('applications.update', { id: a.id, role: 'Senior Engineer', location: '' });
    expect(edited).toMatchObject({ role: 'Senior Engineer', location: null, salaryMin: 100, company: 'Acme' });
    const bad = await core.call('applications.update', { id: a.id, salaryMax: 50 });
    expect(!bad.ok && bad.error.fields).toEqual({ salaryMax: 'Salary to must not be below Salary from.' });
    await core.api('applications.archive', { id: a.id, archived: true });
    expect((await core.api('applications.list', {})).total).toBe(0);
    expect((await core.api('applications.list', { includeArchived: true })).total).toBe(1);
    await core.api('applications.archive', { id: a.id, archived: false });
    const noConfirm = await core.call('applications.delete', { id: a.id });
    expect(!noConfirm.ok && noConfirm.error.fields).toEqual({ confirm: 'Deleting needs confirmation.' });
    await core.api('applications.delete', { id: a.id, confirm: true });
    expect((await core.call('applications.get', { id: a.id })).ok).toBe(false);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM stage_events').pluck().get()).toBe(0);
  });

  it('keeps data across a restart on the same file', async () => {
    core = await testCore({ memory: false });
    await core.api('applications.create', { company: 'Acme', role: 'Engineer' });
    const dir = core.dir;
    core.close();
    core = await testCore({ dir });
    expect((await core.api('applications.list', { search: 'acme' })).items[0].role).toBe('Engineer');
  });

  it('rejects unknown methods and settings out of range', async () => {
    core = await testCore();
    const env = await core.call('applications.explode', {});
    expect(!env.ok && env.error.code).toBe('unknown_method');
    const s = await core.call('settings.update', { thankYouDueHours: 0, timeZone: 'Mars/Olympus' });
    expect(!s.ok && s.error.fields).toMatchObject({ thankYouDueHours: 'Thank-you due after must be at least 1 hour.', timeZone: expect.stringContaining('Time zone') });
    const ok = await core.api('settings.update', { profile: { name: 'Ada Lovelace' }, thankYouDueHours: 12 });
    expect(ok.profile.name).toBe('Ada Lovelace');
    expect(ok.thankYouDueHours).toBe(12);
    expect((await core.api('settings.get', {})).profile.name).toBe('Ada Lovelace');
  });
});

describe('applications.board', () => {
  it('gives each stage its most recently moved cards up to perStage, with exact totals, and honours search', async () => {
    core = await testCore({ now: T0 });
    for (let i = 0; i < 5; i++) {
      core.ctx.clock.set(T0 + i * 1000);
      await core.api('applications.create', { company: `Acme ${i}`, role: i % 2 ? 'Designer' : 'Engineer', stage: 'applied' });
    }
    await core.api('applications.create', { company: 'Solo', role: 'Engineer', stage: 'offer' });
    const board = await core.api('applications.board', { perStage: 2 });
    expect(board.total).toBe(6);
    expect(board.columns.map((c) => c.stage)).toEqual(['wishlist', 'applied', 'screening', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn']);
    const applied = board.columns.find((c) => c.stage === 'applied')!;
    expect(applied.total).toBe(5);
    expect(applied.items.map((a) => a.company)).toEqual(['Acme 4', 'Acme 3']);
    const searched = await core.api('applications.board', { search: 'designer', stages: ['applied'] });
    expect(searched.columns).toHaveLength(1);
    expect(searched.columns[0]).toMatchObject({ total: 2 });
    expect(searched.columns[0].items.map((a) => a.company)).toEqual(['Acme 3', 'Acme 1']);
  });
});

describe('applications.board, a broad search', () => {
  it("takes each column's count from the stage counts the triggers keep, equal to a count of the rows through every kind of write", async () => {
    core = await testCore({ now: T0 });
    const db = core.ctx.sqlite;
    const counted = (includeArchived: boolean) =>
      Object.fromEntries(db.prepare(`SELECT stage, count(*) AS n FROM applications WHERE stage IN (SELECT key FROM stages WHERE archived_at IS NULL)${includeArchived ? '' : ' AND archived_at IS NULL'} GROUP BY stage`).all().map((r) => [(r as { stage: string }).stage, (r as { n: number }).n]));
    const shown = async (includeArchived: boolean) =>
      Object.fromEntries((await core.api('applications.board', { includeArchived })).columns.filter((c) => c.total > 0).map((c) => [c.stage, c.total]));
    const same = async (what: string) => {
      for (const includeArchived of [false, true]) expect(await shown(includeArchived), `${what} ${includeArchived}`).toEqual(counted(includeArchived));
    };
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await core.api('applications.create', { company: `Co ${i}`, role: 'Role', stage: i % 2 ? 'applied' : 'wishlist' })).id);
    await same('created');
    const move = await core.api('applications.moveStage', { id: ids[0], stage: 'interviewing' });
    await core.api('applications.moveStage', { id: ids[1], stage: 'interviewing' });
    await same('moved');
    const archive = await core.api('applications.archive', { id: ids[2], archived: true });
    await same('archived');
    await core.api('applications.delete', { id: ids[3], confirm: true });
    await same('deleted');
    await core.api('undo.apply', { token: move.undo.token });
    await core.api('undo.apply', { token: archive.undo!.token });
    await same('undone');
    db.prepare("UPDATE applications SET stage = 'offer', archived_at = ? WHERE id = ?").run(T0, ids[4]);
    db.prepare("INSERT INTO applications (company_id, role, stage) VALUES (1, 'Raw', 'gone')").run();
    await same('written with SQL');
  });

  it('past BOARD_EXACT_MATCHES reads only the cards each column shows, and says a column has more', async () => {
    core = await testCore({ now: T0 });
    const db = core.ctx.sqlite;
    db.transaction(() => {
      db.prepare("INSERT INTO companies (name) VALUES ('Globex')").run();
      const add = db.prepare('INSERT INTO applications (company_id, role, stage, stage_changed_at, archived_at, priority, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)');
      // Many matches in applied (some archived, which the board leaves out), three in offer, none in wishlist.
      // Moves share seconds, their milliseconds against their ids (the search index keys by second, then id).
      for (let i = 0; i < BOARD_EXACT_MATCHES + 100; i++) add.run(`Platform engineer ${i}`, i % 2 ? 'applied' : 'screening', T0 - (i % 997) * 60_000 - (i % 7) * 100, i % 10 === 0 ? T0 : null, 'medium', T0, T0);
      for (let i = 0; i < 3; i++) add.run(`Platform lead ${i}`, 'offer', T0 - i * 1000, null, 'high', T0, T0);
      add.run('Designer', 'wishlist', T0, null, 'low', T0, T0);
    })();
    const board = await core.api('applications.board', { search: 'platf' });
    expect(board.more).toBe(true);
    const col = (s: string) => board.columns.find((c) => c.stage === s)!;
    expect(col('applied')).toMatchObject({ total: 100, more: true });
    expect(col('offer')).toMatchObject({ total: 3, more: false });
    expect(col('wishlist')).toMatchObject({ total: 0, more: false, items: [] });
    expect(board.total).toBe(203);
    // The same cards, in the same order, as plain SQL over the rows gives: newest first, no archived.
    const newest = db.prepare("SELECT id FROM applications WHERE stage = ? AND archived_at IS NULL AND role LIKE 'Platform%' ORDER BY stage_changed_at DESC, id DESC LIMIT 100");
    for (const stage of ['applied', 'screening', 'offer']) {
      expect(col(stage).items.map((a) => a.id), stage).toEqual(newest.pluck().all(stage));
      expect(col(stage).items.every((a) => a.archivedAt === null)).toBe(true);
    }
    // A narrow search is still counted exactly.
    const narrow = await core.api('applications.board', { search: 'platform lead' });
    expect(narrow).toMatchObject({ total: 3, more: false });
  });

  it('counts exactly up to BOARD_EXACT_MATCHES matches (the count stops one past it)', async () => {
    core = await testCore({ now: T0 });
    const db = core.ctx.sqlite;
    const add = db.prepare("INSERT INTO applications (company_id, role, stage, stage_changed_at, priority, created_at, updated_at) VALUES (1, ?, 'applied', ?, 'medium', ?, ?)");
    db.transaction(() => {
      db.prepare("INSERT INTO companies (name) VALUES ('Globex')").run();
      for (let i = 0; i < BOARD_EXACT_MATCHES; i++) add.run(`Kafka engineer ${i}`, T0 - i, T0, T0);
    })();
    const applied = async () => (await core.api('applications.board', { search: 'kafka' })).columns.find((c) => c.stage === 'applied')!;
    expect(await applied()).toMatchObject({ total: BOARD_EXACT_MATCHES, more: false });
    add.run('Kafka engineer, one more', T0, T0, T0);
    expect(await applied()).toMatchObject({ total: 100, more: true });
  });
});
