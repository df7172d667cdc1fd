import type { Ctx, Handlers } from '../../db/context';
import { stmt } from '../../db/sql';

/** Finds a company by name (case-insensitive) or creates it. Call inside a transaction. */
export function companyIdFor(ctx: Ctx, name: string): number {
  const trimmed = name.trim();
  const found = stmt<{ id: number }>(ctx.sqlite, 'SELECT id FROM companies WHERE name = ? COLLATE NOCASE').get(trimmed);
  if (found) return found.id;
  const now = ctx.clock.now();
  const res = stmt(ctx.sqlite, 'INSERT INTO companies (name, created_at, updated_at) VALUES (?, ?, ?)').run(trimmed, now, now);
  return Number(res.lastInsertRowid);
}

export const companiesHandlers: Handlers<'companies.list'> = {
  'companies.list': ({ search }, ctx) => {
    const items = search
      ? stmt<{ id: number; name: string }>(
          ctx.sqlite,
          "SELECT id, name FROM companies WHERE name LIKE ? ESCAPE '\\' COLLATE NOCASE ORDER BY name COLLATE NOCASE LIMIT 50",
        ).all(`%${search.replace(/[\\%_]/g, (c) => '\\' + c)}%`)
      : stmt<{ id: number; name: string }>(ctx.sqlite, 'SELECT id, name FROM companies ORDER BY name COLLATE NOCASE LIMIT 500').all();
    return { items };
  },
};
