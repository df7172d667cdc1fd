import { eq, sql } from 'drizzle-orm';
import type { Ctx, Handlers } from '../../db/context';
import { insertRow, prepare, stmt } from '../../db/sql';
import { companies } from '../../db/schema';

const byName = prepare((db) =>
  db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(sql`${companies.name} COLLATE NOCASE`, sql.placeholder('name')))
    .prepare(),
);

/** Finds a company by name (case-insensitive) or creates it. Call inside a transaction. */
export function companyIdFor(ctx: Ctx, name: string): number {
  const trimmed = name.trim();
  return companyIdByName(ctx, trimmed) ?? insertRow(ctx, companies, { name: trimmed });
}

/** The saved company of that name (case-insensitive), or null. */
export function companyIdByName(ctx: Ctx, name: string): number | null {
  return byName(ctx).get({ name: name.trim() })?.id ?? null;
}

export const companiesHandlers: Handlers<'companies.list'> = {
  'companies.list': ({ search }, ctx) => {
    // Raw SQL: LIKE with an ESCAPE clause and NOCASE ordering read plainer as SQL than as builder calls.
    const items = search
      ? stmt<{ id: number; name: string }>(
          ctx.sqlite,
          "SELECT id, name FROM companies WHERE name LIKE ? ESCAPE '\\' COLLATE NOCASE ORDER BY name COLLATE NOCASE, id LIMIT 50",
        ).all(`%${search.replace(/[\\%_]/g, (c) => '\\' + c)}%`)
      : stmt<{ id: number; name: string }>(ctx.sqlite, 'SELECT id, name FROM companies ORDER BY name COLLATE NOCASE, id LIMIT 500').all();
    return { items };
  },
};
