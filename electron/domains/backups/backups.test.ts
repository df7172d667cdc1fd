import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../testing/core';

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
