// SIGKILL during each kind of write, a bounded number of times (5 kinds × 4 kills = 20): after each
// kill the folder opens without a refusal, every acknowledged write is there, and every listed backup
// passes quick_check. The figure printed at the end is the count of acknowledged writes lost.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCore } from '../core';
import { inspectReadOnly, quickCheck } from '../../db/integrity';
import { STAGES } from '../../shared/domain';
import { MIGRATIONS, runChild, tmpDir } from './harness';

const KILL_AFTER = [2, 9, 17, 31];
const summary: Record<string, { kills: number; acked: number; lost: number }> = {};
afterAll(() => console.log('SIGKILL faults:', JSON.stringify(summary)));

async function reopen(dir: string) {
  const core = await startCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 'fault', dispatch: { log: () => {} } });
  const call = async <T>(m: string, input: unknown) => {
    const env = await core.call(m, input);
    if (!env.ok) throw new Error(`${m}: ${env.error.message}`);
    return env.data as T;
  };
  return { core, call };
}

function soundBackups(dir: string) {
  const names = fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.sqlite'));
  for (const n of names) expect(inspectReadOnly(path.join(dir, 'backups', n), quickCheck), n).toBeNull();
  return names;
}

async function killLoop(mode: string, dir: string, verify: (lines: string[]) => Promise<number>) {
  summary[mode] = { kills: 0, acked: 0, lost: 0 };
  for (const killAfter of KILL_AFTER) {
    const run = await runChild(dir, mode, { killAfter });
    expect(run.lines.find((l) => l.startsWith('ERROR'))).toBeUndefined();
    expect(run.timedOut, `the ${mode} child made ${killAfter} acknowledged writes in time`).toBe(false);
    expect(run.signal).toBe('SIGKILL');
    const acks = run.lines.filter((l) => l !== 'READY');
    summary[mode].kills++;
    summary[mode].acked += acks.length;
    summary[mode].lost += await verify(acks);
  }
  expect(summary[mode].lost).toBe(0);
}

// Each kill starts a fresh node process; generous timeouts because CI machines may be busy.
describe('SIGKILL during writes', { timeout: 180_000 }, () => {
  it('creating applications', async () => {
    const dir = tmpDir('courtesy-kill-create-');
    await killLoop('create', dir, async (acks) => {
      const { core, call } = await reopen(dir);
      let lost = 0;
      for (const line of acks) {
        const [, id, ...role] = line.split(' ');
        const env = await core.call('applications.get', { id: Number(id) });
        if (!env.ok || (env.data as { role: string }).role !== role.join(' ')) lost++;
      }
      await call('applications.list', {});
      core.close();
      return lost;
    });
  });

  it('moving stages', async () => {
    const dir = tmpDir('courtesy-kill-move-');
    const seed = await reopen(dir);
    for (let i = 0; i < 5; i++) await seed.call('applications.create', { company: 'Acme', role: `R${i}` });
    seed.core.close();
    await killLoop('move', dir, async (acks) => {
      const { core, call } = await reopen(dir);
      const last = new Map<number, string>();
      for (const line of acks) {
        const [, id, stage] = line.split(' ');
        last.set(Number(id), stage);
      }
      // The write in flight at the kill (the one after the last acknowledged) may or may not be there.
      const next = acks.length;
      const inflight = { id: 1 + (next % 5), stage: STAGES[next % STAGES.length] };
      let lost = 0;
      for (const [id, stage] of last) {
        const app = await call<{ stage: string }>('applications.get', { id });
        if (app.stage !== stage && !(id === inflight.id && app.stage === inflight.stage)) lost++;
      }
      core.close();
      return lost;
    });
  });

  it('backing up', async () => {
    const dir = tmpDir('courtesy-kill-backup-');
    const seed = await reopen(dir);
    for (let i = 0; i < 300; i++) await seed.call('applications.create', { company: 'Acme', role: `R${i}`, notes: 'x'.repeat(300) });
    seed.core.close();
    await killLoop('backup', dir, async (acks) => {
      const { core, call } = await reopen(dir);
      const listed = (await call<{ items: { name: string }[] }>('backups.list', {})).items.map((b) => b.name);
      core.close();
      const onDisk = soundBackups(dir);
      expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => !n.endsWith('.sqlite'))).toEqual([]);
      expect(listed.sort()).toEqual(onDisk.sort());
      return acks.filter((l) => !listed.includes(l.slice(2))).length;
    });
  });

  it('restoring', async () => {
    const dir = tmpDir('courtesy-kill-restore-');
    const seed = await reopen(dir);
    for (let i = 0; i < 3; i++) await seed.call('applications.create', { company: 'Base', role: `Base ${i}` });
    await seed.call('backups.create', {});
    seed.core.close();
    const made = fs.readdirSync(path.join(dir, 'backups')).find((n) => n.startsWith('courtesy-manual-'))!;
    fs.renameSync(path.join(dir, 'backups', made), path.join(dir, 'backups', 'base.sqlite'));
    await killLoop('restore', dir, async (acks) => {
      const { core, call } = await reopen(dir);
      const roles = (await call<{ items: { role: string }[] }>('applications.list', { limit: 500 })).items.map((a) => a.role);
      core.close();
      soundBackups(dir);
      expect(roles.filter((r) => r.startsWith('Base')).sort()).toEqual(['Base 0', 'Base 1', 'Base 2']);
      const lastR = acks.lastIndexOf('R');
      const after = acks.slice(lastR + 1).map((l) => l.split(' ').slice(2).join(' '));
      // If the restore in flight at the kill had taken effect, the database is exactly the backup.
      const restoredInFlight = acks.at(-1) !== 'R' && roles.every((r) => r.startsWith('Base'));
      return restoredInFlight ? 0 : after.filter((r) => !roles.includes(r)).length;
    });
  });

  it('importing many rows in one transaction (CSV)', async () => {
    // Covered by the create loop for single rows; here a kill during a multi-row write must leave all
    // or nothing of it.
    const dir = tmpDir('courtesy-kill-csv-');
    let before = 0;
    await killLoop('csv', dir, async (acks) => {
      const { core, call } = await reopen(dir);
      const total = (await call<{ total: number }>('applications.list', {})).total;
      core.close();
      const acked = before + acks.length * 50;
      before = total;
      // All acknowledged imports are there, and the one in flight is all or nothing.
      if (total === acked || total === acked + 50) return 0;
      return Math.max(1, acked - total);
    });
  });
});
