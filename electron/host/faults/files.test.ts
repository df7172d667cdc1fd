// The data folder under hostile conditions: a second process, a full disk, a read-only file or folder.
// Disks are small tmpfs mounts (root only); where mounting is not allowed the tests say so and skip.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../core';
import { OpenRefusedError } from '../../db/open';
import { DataFolderLockedError } from '../../db/lock';
import { MIGRATIONS, holdLock, runChild, tmpDir } from './harness';

const start = (dataDir: string) => startCore({ dataDir, migrationsFolder: MIGRATIONS, version: 'fault', dispatch: { log: () => {} } });

function tryMount(): string | null {
  const dir = tmpDir('courtesy-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return null;
  } catch {
    return 'mounting a tmpfs is not allowed here (needs root in a machine that permits mount)';
  }
}
const cannotMount = tryMount();
if (cannotMount) console.warn(`Skipping full-disk and read-only tests: ${cannotMount}.`);

const mounts: string[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  for (const m of mounts.splice(0).reverse()) execFileSync('umount', ['-l', m], { stdio: 'ignore' });
});

function tmpfs(sizeKb: number) {
  const dir = tmpDir('courtesy-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

function fillDisk(dir: string) {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  // Byte-sized remainders too.
  try {
    fs.appendFileSync(filler, Buffer.alloc(4096, 1));
  } catch {
    // full
  }
  return filler;
}

describe('two processes on one data folder', { timeout: 120_000 }, () => {
  it('the second refuses with a clear message while the first lives, and a killed holder is taken over', async () => {
    const dir = tmpDir('courtesy-two-');
    const { child, firstLine } = await holdLock(dir);
    expect(firstLine).toBe('READY');
    const err = await start(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DataFolderLockedError);
    expect((err as Error).message).toContain(dir);
    expect((err as Error).message).toContain(String(child.pid));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    cores.push(await start(dir));
  });

  it('a second process started on a folder in use writes nothing and says why', async () => {
    const dir = tmpDir('courtesy-two-');
    const core = await start(dir);
    cores.push(core);
    const run = await runChild(dir, 'create', { timeoutMs: 60_000 });
    expect(run.code).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/^ERROR Another Courtesy \(process \d+\) is already using the data folder/);
    const list = await core.call('applications.list', {});
    expect(list.ok && (list.data as { total: number }).total).toBe(0);
  });
});

describe.skipIf(!!cannotMount)('a full disk', () => {
  it('answers disk_full (not internal) and keeps every saved row; works again once space is freed', async () => {
    const dir = tmpfs(4096);
    const core = await start(dir);
    cores.push(core);
    const saved: number[] = [];
    for (let i = 0; i < 20; i++) {
      const env = await core.call('applications.create', { company: 'Acme', role: `Saved ${i}` });
      if (env.ok) saved.push((env.data as { id: number }).id);
    }
    expect(saved).toHaveLength(20);
    const filler = fillDisk(dir);
    const codes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const env = await core.call('applications.create', { company: `Big ${i}`, role: 'Big', notes: 'x'.repeat(9_000) });
      if (!env.ok) codes.add(env.error.code);
    }
    expect([...codes]).toEqual(['disk_full']);
    const backup = await core.call('backups.create', {});
    expect(!backup.ok && backup.error.code).toBe('disk_full');
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.includes('.partial'))).toEqual([]);
    fs.rmSync(filler);
    const after = await core.call('applications.create', { company: 'Acme', role: 'After' });
    expect(after.ok).toBe(true);
    for (const id of saved) expect((await core.call('applications.get', { id })).ok).toBe(true);
  });
});

describe.skipIf(!!cannotMount)('read-only', () => {
  it('a read-only folder: refused as read_only, naming the folder, with the file unchanged', async () => {
    const dir = tmpfs(4096);
    const core = await start(dir);
    await core.call('applications.create', { company: 'Acme', role: 'Kept' });
    core.close();
    const before = fs.readFileSync(path.join(dir, 'courtesy.sqlite'));
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const err = await start(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OpenRefusedError);
    expect((err as OpenRefusedError).reason).toBe('read_only');
    expect((err as Error).message).toContain(dir);
    expect(fs.readFileSync(path.join(dir, 'courtesy.sqlite')).equals(before)).toBe(true);
  });

  it('a read-only database file in a writable folder: refused as read_only, file unchanged', async () => {
    const dir = tmpfs(4096);
    const file = path.join(dir, 'courtesy.sqlite');
    const core = await start(dir);
    await core.call('applications.create', { company: 'Acme', role: 'Kept' });
    core.close();
    const before = fs.readFileSync(file);
    execFileSync('mount', ['--bind', file, file]);
    mounts.push(file);
    execFileSync('mount', ['-o', 'remount,ro,bind', file]);
    const err = await start(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OpenRefusedError);
    expect((err as OpenRefusedError).reason).toBe('read_only');
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(/Fix the permissions/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
