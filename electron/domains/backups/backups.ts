// Backups live in a `backups` folder beside the database (pre-migration copies land there too).
// A backup is listed only when complete: it is written under a temporary name, checked and renamed
// (db/integrity.ts). Only regular files count; links are never followed, in listing or restoring.
// A restore first backs up the current data, so it can itself be undone.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx, Handlers } from '../../db/context';
import { AppError } from '../../shared/errors';
import { backupTo, pendingMigrations } from '../../db/open';
import { inspectReadOnly, namesInRealDir, quickCheck } from '../../db/integrity';
import { getSettings } from '../settings/settings';

const AUTO_PREFIX = 'courtesy-auto-';
const DAY_MS = 86_400_000;

export function backupsDir(ctx: Ctx) {
  return path.join(path.dirname(ctx.dbFile === ':memory:' ? path.join(ctx.dataDir, 'x') : ctx.dbFile), 'backups');
}

interface Entry {
  name: string;
  size: number;
  createdAt: number;
}

/** Complete backups only: regular `.sqlite` files (no links, folders or half-written copies). */
function listEntries(dir: string): Entry[] {
  const names = namesInRealDir(dir);
  const set = new Set(names);
  const out: Entry[] = [];
  for (const name of names) {
    if (!name.endsWith('.sqlite') || set.has(`${name}-journal`)) continue;
    let st: fs.Stats;
    try {
      st = fs.lstatSync(path.join(dir, name));
    } catch {
      continue; // removed meanwhile
    }
    if (st.isFile()) out.push({ name, size: st.size, createdAt: Math.round(st.mtimeMs) });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

export async function createBackup(ctx: Ctx, label: string) {
  const dir = backupsDir(ctx);
  const stamp = new Date(ctx.clock.now()).toISOString().replace(/[:.]/g, '-');
  // The name carries the clock's time; a clock that stands still (tests, --test-clock) or two backups in
  // one millisecond would give the same name, and a backup must never replace an earlier one.
  let name = `courtesy-${label}-${stamp}.sqlite`;
  for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `courtesy-${label}-${stamp}-${n}.sqlite`;
  try {
    await backupTo(ctx.sqlite, path.join(dir, name), ctx.nativeBinding);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOTDIR_LINK') throw new AppError('conflict', (err as Error).message);
    throw err;
  }
  const st = fs.lstatSync(path.join(dir, name));
  return { name, size: st.size, createdAt: Math.round(st.mtimeMs) };
}

const lastDailyCheck = new WeakMap<Ctx, number>();

/** True when no automatic backup was made in the last day (the folder is looked at once an hour at most). */
export function dailyBackupDue(ctx: Ctx): boolean {
  if (ctx.dbFile === ':memory:') return false;
  const now = Date.now();
  if (now - (lastDailyCheck.get(ctx) ?? 0) < DAY_MS / 24) return false;
  lastDailyCheck.set(ctx, now);
  const newest = listEntries(backupsDir(ctx)).find((e) => e.name.startsWith(AUTO_PREFIX));
  return !newest || now - newest.createdAt >= DAY_MS;
}

/**
 * Takes today's automatic backup and keeps only the newest of them, as many as the setting
 * keepAutomaticBackups says (read now, so a change applies at the next daily backup). Only files
 * named as automatic are ever removed: manual, pre-restore, pre-migration and recovered backups stay.
 */
export async function runDailyBackup(ctx: Ctx) {
  const made = await createBackup(ctx, 'auto');
  const keep = getSettings(ctx).keepAutomaticBackups;
  const autos = listEntries(backupsDir(ctx)).filter((e) => e.name.startsWith(AUTO_PREFIX));
  for (const old of autos.slice(keep)) fs.rmSync(path.join(backupsDir(ctx), old.name), { force: true });
  return made;
}

function checkRestorable(source: string, migrationsFolder: string) {
  const notUsable = () => new AppError('validation', 'That file is not a usable Courtesy backup.', { name: 'Not a usable Courtesy backup.' });
  let verdict: 'ok' | 'unusable' | 'too_new';
  try {
    verdict = inspectReadOnly(source, (check) => {
      const hasApps = check.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'applications'").get();
      if (quickCheck(check) || !hasApps) return 'unusable';
      return pendingMigrations(check, migrationsFolder).tooNew ? 'too_new' : 'ok';
    });
  } catch {
    verdict = 'unusable';
  }
  if (verdict === 'unusable') throw notUsable();
  if (verdict === 'too_new') throw new AppError('validation', 'That backup was made by a newer Courtesy.', { name: 'Made by a newer version of Courtesy.' });
}

export const backupsHandlers: Handlers<'backups.list' | 'backups.create' | 'backups.restore'> = {
  'backups.list': (_input, ctx) => ({ folder: backupsDir(ctx), items: listEntries(backupsDir(ctx)) }),
  'backups.create': (_input, ctx) => createBackup(ctx, 'manual'),
  'backups.restore': async ({ name }, ctx) => {
    if (!ctx.replaceDatabase) throw new AppError('conflict', 'This database cannot be restored (it lives in memory).');
    const source = path.join(backupsDir(ctx), name);
    if (!listEntries(backupsDir(ctx)).some((e) => e.name === name)) {
      throw new AppError('not_found', `No backup named ${name}.`, { name: 'That backup no longer exists.' });
    }
    // Check the copy before touching anything: a real Courtesy database, not from a newer version.
    checkRestorable(source, ctx.migrationsFolder);
    const safety = await ctx.replaceDatabase(source, () => createBackup(ctx, 'pre-restore'));
    return { restored: name, safetyBackup: safety.name };
  },
};
