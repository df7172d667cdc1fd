// Column helpers every table module shares: times are epoch milliseconds (UTC), stamped by SQLite.
import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

export const now = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;
export const created = () => integer('created_at').notNull().default(now);
export const updated = () => integer('updated_at').notNull().default(now);
