import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import os from 'node:os';
import { MIGRATIONS, testCore, type TestCore } from '../../testing/core';
import { startCore } from '../../host/core';
import { runDailyBackup } from './backups';
import { backupTo } from '../../db/open';

let core: TestCore;
afterEach(() => core?.close());

describe('backups', () => {
  it('backs up, lists, and restores (after a safety backup of the current data)', async () => {
    core = await testCore({ memory: false, now: Date.UTC(2026, 10, 1) });
    await core.api('applications.create', { company: 'Acme', role: 'Before' });
    const b = await core.api('backups.create', {});
    expect(b.name).toMatch(/^courtesy-manual-2026-11-01.*\.sqlite$/);
    core.ctx.clock.set(Date.UTC(2026, 10, 2));
    await core.api('applications.create', { company: 'Globex', role: 'After' });
    expect((await core.api('backups.list', {})).items.map((i) => i.name)).toEqual([b.name]);

    const noConfirm = await core.call('backups.restore', { name: b.name });
    expect(!noConfirm.ok && noConfirm.error.fields).toEqual({ confirm: 'Restoring needs confirmation.' });
    const sneaky = await core.call('backups.restore', { name: '../courtesy.sqlite', confirm: true });
    expect(!sneaky.ok && sneaky.error.code).toBe('validation');

    const r = await core.api('backups.restore', { name: b.name, confirm: true });
    expect((await core.api('applications.list', {})).items.map((a) => a.role)).toEqual(['Before']);
    // The data from before the restore is itself a backup, and the app keeps working on the restored file.
    expect((await core.api('backups.list', {})).items.map((i) => i.name)).toContain(r.safetyBackup);
    await core.api('applications.create', { company: 'Initech', role: 'Later' });
    expect((await core.api('applications.list', { search: 'initech' })).total).toBe(1);
  });

  it('never replaces an earlier backup when two are taken at the same clock time', async () => {
    core = await testCore({ memory: false, now: Date.UTC(2026, 10, 1) });
    await core.api('applications.create', { company: 'Acme', role: 'First' });
    const first = await core.api('backups.create', {});
    await core.api('applications.create', { company: 'Globex', role: 'Second' });
    const second = await core.api('backups.create', {});
    expect(second.name).not.toBe(first.name);
    expect((await core.api('backups.list', {})).items.map((i) => i.name).sort()).toEqual([first.name, second.name].sort());
    // The first backup still holds only what existed when it was taken.
    await core.api('backups.restore', { name: first.name, confirm: true });
    expect((await core.api('applications.list', {})).items.map((a) => a.role)).toEqual(['First']);
  });

  it('refuses a file that is not a Courtesy database', async () => {
    core = await testCore({ memory: false });
    const dir = path.join(core.dir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'junk.sqlite'), 'not a database');
    const env = await core.call('backups.restore', { name: 'junk.sqlite', confirm: true });
    expect(!env.ok && env.error.message).toBe('That file is not a usable Courtesy backup.');
    expect((await core.api('applications.list', {})).total).toBe(0);
  });
});

describe('backups are what they claim', () => {
  it('lists regular files only: a dangling link, a link to a database elsewhere and a folder are ignored', async () => {
    core = await testCore({ memory: false });
    const dir = path.join(core.dir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const outside = path.join(core.dir, 'elsewhere.sqlite');
    fs.copyFileSync(path.join(core.dir, 'courtesy.sqlite'), outside);
    fs.symlinkSync(path.join(core.dir, 'missing.sqlite'), path.join(dir, 'dangling.sqlite'));
    fs.symlinkSync(outside, path.join(dir, 'linked.sqlite'));
    fs.mkdirSync(path.join(dir, 'folder.sqlite'));
    const list = await core.call('backups.list', {});
    expect(list.ok && (list.data as { items: unknown[] }).items).toEqual([]);
    const restore = await core.call('backups.restore', { name: 'linked.sqlite', confirm: true });
    expect(!restore.ok && restore.error.code).toBe('not_found');
  });

  it('never writes through a link planted under the temporary or the final name', async () => {
    core = await testCore({ memory: false });
    const dir = path.join(core.dir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    const victim = path.join(core.dir, 'other-program.sqlite');
    fs.writeFileSync(victim, 'precious');
    for (const planted of ['b.sqlite.partial', 'b.sqlite']) {
      fs.rmSync(path.join(dir, 'b.sqlite'), { force: true });
      fs.symlinkSync(victim, path.join(dir, planted));
      await backupTo(core.ctx.sqlite, path.join(dir, 'b.sqlite'));
      expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
      expect(fs.lstatSync(path.join(dir, 'b.sqlite')).isFile()).toBe(true);
    }
  });

  it('refuses a backups folder that is a link', async () => {
    core = await testCore({ memory: false });
    const elsewhere = fs.mkdtempSync(path.join(core.dir, 'elsewhere-'));
    fs.symlinkSync(elsewhere, path.join(core.dir, 'backups'));
    const env = await core.call('backups.create', {});
    expect(!env.ok && env.error.code).toBe('conflict');
    expect(!env.ok && env.error.message).toMatch(/not a plain folder/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('cleans up what an interrupted backup left at the next start, and lists only complete backups', async () => {
    core = await testCore({ memory: false });
    const good = await core.api('backups.create', {});
    const dir = path.join(core.dir, 'backups');
    core.close();
    fs.writeFileSync(path.join(dir, 'courtesy-manual-x.sqlite.partial'), 'half');
    fs.writeFileSync(path.join(dir, 'courtesy-manual-x.sqlite.partial-journal'), 'j');
    // What older versions left after a kill mid-backup: an empty .sqlite beside its -journal.
    fs.writeFileSync(path.join(dir, 'courtesy-manual-old.sqlite'), '');
    fs.writeFileSync(path.join(dir, 'courtesy-manual-old.sqlite-journal'), 'j');
    core = await testCore({ dir: core.dir });
    expect(fs.readdirSync(dir).sort()).toEqual([good.name]);
    expect((await core.api('backups.list', {})).items.map((i) => i.name)).toEqual([good.name]);
  });

  it('keeps as many automatic backups as the setting says (10 by default) and every manual one', async () => {
    core = await testCore({ memory: false });
    const dir = path.join(core.dir, 'backups');
    const age = (name: string, day: number) => fs.utimesSync(path.join(dir, name), new Date(Date.UTC(2026, 0, day)), new Date(Date.UTC(2026, 0, day)));
    // A manual backup older than every automatic one: pruning goes by kind, never by age alone.
    const oldManual = await core.api('backups.create', {});
    age(oldManual.name, 1);
    const autos: string[] = [];
    const daily = async (day: number) => {
      core.ctx.clock.set(Date.UTC(2026, 0, day));
      const made = await runDailyBackup(core.ctx);
      age(made.name, day); // distinct mtimes, newest last
      autos.push(made.name);
    };
    const listed = async () => (await core.api('backups.list', {})).items.map((i) => i.name);
    const autosListed = async () => (await listed()).filter((n) => n.startsWith('courtesy-auto-'));

    expect((await core.api('settings.get', {})).keepAutomaticBackups).toBe(10);
    for (let day = 2; day < 15; day++) await daily(day);
    expect(await autosListed()).toEqual(autos.slice(-10).reverse());

    core.ctx.clock.set(Date.UTC(2026, 0, 15, 12));
    const midManual = await core.api('backups.create', {});
    age(midManual.name, 15);
    await core.api('settings.update', { keepAutomaticBackups: 3 });
    await daily(16);
    expect(await autosListed()).toEqual(autos.slice(-3).reverse());

    await core.api('settings.update', { keepAutomaticBackups: 1 });
    await daily(17);
    expect(await autosListed()).toEqual([autos.at(-1)]);
    expect(await listed()).toEqual(expect.arrayContaining([oldManual.name, midManual.name]));

    // Raising it again keeps what comes next (nothing removed is brought back).
    await core.api('settings.update', { keepAutomaticBackups: 365 });
    await daily(18);
    await daily(19);
    expect(await autosListed()).toEqual(autos.slice(-3).reverse());
    // Nineteen backups, each copied, checked in a worker and fsynced: next to the fault tests in the other
    // worker on a 2-core machine this has taken over 20 s. Bounded work, so a longer limit hides nothing.
  }, 60_000);

  it('refuses a number of automatic backups to keep outside 1 to 365, naming the setting', async () => {
    core = await testCore();
    const cases: Array<[unknown, string]> = [
      [0, 'Keep at least 1 automatic backup.'],
      [366, 'Keep at most 365 automatic backups.'],
      [2.5, 'Automatic backups to keep must be a whole number.'],
      ['10', 'Automatic backups to keep must be a number.'],
    ];
    for (const [value, message] of cases) {
      const env = await core.call('settings.update', { keepAutomaticBackups: value });
      expect(!env.ok && env.error.fields).toEqual({ keepAutomaticBackups: message });
    }
    expect((await core.api('settings.get', {})).keepAutomaticBackups).toBe(10);
  });

  it('takes a daily backup when started with dailyBackup on, once a day', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-daily-'));
    const c = await startCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 't', dailyBackup: true, dispatch: { log: () => {} } });
    await c.call('applications.list', {});
    // The copy's check runs in a worker thread (seconds on a busy machine): poll for up to 10 s for the
    // finished file, not its `.partial` copy (which the next start removes).
    const done = () => fs.readdirSync(path.join(dir, 'backups')).some((n) => n.startsWith('courtesy-auto-') && n.endsWith('.sqlite'));
    for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
    c.close();
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.startsWith('courtesy-auto-'))).toHaveLength(1);
    const again = await startCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 't', dailyBackup: true });
    await again.call('applications.list', {});
    again.close();
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.startsWith('courtesy-auto-'))).toHaveLength(1);
  });

  it('answers calls that arrive during a restore after it, never with an internal error', async () => {
    core = await testCore({ memory: false });
    await core.api('applications.create', { company: 'Acme', role: 'Kept' });
    const b = await core.api('backups.create', {});
    await core.api('applications.create', { company: 'Globex', role: 'Replaced' });
    const restore = core.call('backups.restore', { name: b.name, confirm: true });
    const others = Array.from({ length: 40 }, (_, i) =>
      i % 2 ? core.call('applications.list', {}) : core.call('applications.create', { company: 'During', role: `During ${i}` }),
    );
    const results = await Promise.all([restore, ...others]);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual([]);
    // Writes that arrived during the restore landed after it, in the restored database.
    const list = await core.api('applications.list', { limit: 100 });
    expect(list.items.map((a) => a.role)).toContain('Kept');
    expect(list.items.map((a) => a.role)).not.toContain('Replaced');
    expect(list.items.filter((a) => a.role.startsWith('During'))).toHaveLength(20);
    // A second restore while one runs is told so.
    const [first, second] = await Promise.all([
      core.call('backups.restore', { name: b.name, confirm: true }),
      core.call('backups.restore', { name: b.name, confirm: true }),
    ]);
    expect(first.ok).toBe(true);
    expect(second.ok || second.error.code).not.toBe('internal');
  });
});
