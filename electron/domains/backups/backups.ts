// Backups live in a `backups` folder beside the database (pre-migration copies land there too).
// A restore first backs up the current data, so it can itself be undone.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Ctx, Handlers } from '../../db/context';
import { AppError } from '../../shared/errors';
import { backupTo, pendingMigrations } from '../../db/open';

export function backupsDir(ctx: Ctx) {
  return path.join(path.dirname(ctx.dbFile === ':memory:' ? path.join(ctx.dataDir, 'x') : ctx.dbFile), 'backups');
}

function describe(dir: string, name: string) {
  const st = fs.statSync(path.join(dir, name));
  return { name, size: st.size, createdAt: Math.round(st.mtimeMs) };
}

export async function createBackup(ctx: Ctx, label: string) {
  const dir = backupsDir(ctx);
  const stamp = new Date(ctx.clock.now()).toISOString().replace(/[:.]/g, '-');
  const name = `courtesy-${label}-${stamp}.sqlite`;
  await backupTo(ctx.sqlite, path.join(dir, name));
  return describe(dir, name);
}

export const backupsHandlers: Handlers<'backups.list' | 'backups.create' | 'backups.restore'> = {
  'backups.list': (_input, ctx) => {
    const dir = backupsDir(ctx);
    const items = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.sqlite'))
          .map((f) => describe(dir, f))
          .sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name))
      : [];
    return { folder: dir, items };
  },
  'backups.create': (_input, ctx) => createBackup(ctx, 'manual'),
  'backups.restore': async ({ name }, ctx) => {
    if (!ctx.replaceDatabase) throw new AppError('conflict', 'This database cannot be restored (it lives in memory).');
    const source = path.join(backupsDir(ctx), name);
    if (!fs.existsSync(source)) throw new AppError('not_found', `No backup named ${name}.`, { name: 'That backup no longer exists.' });
    // Check the copy before touching anything: a real Courtesy database, not from a newer version.
    let check: Database.Database | null = null;
    try {
      check = new Database(source, { readonly: true, fileMustExist: true });
      const ok = check.pragma('quick_check', { simple: true });
      const hasApps = check.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'applications'").get();
      if (ok !== 'ok' || !hasApps) throw new AppError('validation', 'That file is not a usable Courtesy backup.', { name: 'Not a usable Courtesy backup.' });
      if (pendingMigrations(check, ctx.migrationsFolder).tooNew) {
        throw new AppError('validation', 'That backup was made by a newer Courtesy.', { name: 'Made by a newer version of Courtesy.' });
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('validation', 'That file is not a usable Courtesy backup.', { name: 'Not a usable Courtesy backup.' });
    } finally {
      check?.close();
    }
    const safety = await createBackup(ctx, 'pre-restore');
    await ctx.replaceDatabase(source);
    return { restored: name, safetyBackup: safety.name };
  },
};
