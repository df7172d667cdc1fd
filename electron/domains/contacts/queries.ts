// Reading contacts: one contact with its roles, interviews and notes; list pages with the latest
// interaction per person; the filters the list and the vCard export share.
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../db/context';
import { prepare, stmt } from '../../db/sql';
import { companies, contacts } from '../../db/schema';
import type { ContactSummaryT, ContactT } from '../../api/contract/contacts';
import { notFound } from '../../shared/errors';
import { interviewSummaries } from '../interviews/interviews';
import { noteSummaries } from '../notes/records';
import { KEY_ID_BITS, KEY_ID_MASK, ftsMatch, keyRunSql } from '../../db/fts';
import type { Sqlite } from '../../db/open';
import { readChannels } from './channels';

/** Same definition as notes and interviews use for "can receive a card". */
const MISSING_ADDRESS = '(c.address_lines IS NULL OR c.city IS NULL)';
export const MISSING_SQL = { email: 'c.email IS NULL', address: MISSING_ADDRESS, any: `(c.email IS NULL OR ${MISSING_ADDRESS})` } as const;

// Raw SQL for summaries: list pages sort and cut ids first, then join just that page (see listPageSql).
export const SUMMARY_SELECT = `
SELECT c.id, c.name, c.title, c.company_id AS companyId, co.name AS company, c.email, c.phone, c.city, c.country,
       c.email IS NULL AS missingEmail, ${MISSING_ADDRESS} AS missingAddress, c.created_at AS createdAt, c.updated_at AS updatedAt
FROM contacts c
LEFT JOIN companies co ON co.id = c.company_id`;

export type SummaryRow = Omit<ContactSummaryT, 'missingEmail' | 'missingAddress' | 'lastInteractionAt'> & { missingEmail: number; missingAddress: number };

const contactById = prepare((db) =>
  db
    .select({
      id: contacts.id,
      name: contacts.name,
      givenName: contacts.givenName,
      familyName: contacts.familyName,
      nameOrder: contacts.nameOrder,
      title: contacts.title,
      companyId: contacts.companyId,
      company: companies.name,
      email: contacts.email,
      phone: contacts.phone,
      addressLines: contacts.addressLines,
      city: contacts.city,
      region: contacts.region,
      postalCode: contacts.postalCode,
      country: contacts.country,
      url: contacts.url,
      metHow: contacts.metHow,
      notes: contacts.notes,
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(eq(contacts.id, sql.placeholder('id')))
    .prepare(),
);

/** A contact's own fields and company name. */
export type ContactRow = NonNullable<ReturnType<ReturnType<typeof contactById>['get']>>;

/** Raw SQL, the same columns for many contacts at once (the vCard export filters with json_each and FTS5). */
export const ROW_SELECT = `
SELECT c.id, c.name, c.given_name AS givenName, c.family_name AS familyName, c.name_order AS nameOrder, c.title, c.company_id AS companyId,
       co.name AS company, c.email, c.phone, c.address_lines AS addressLines,
       c.city, c.region, c.postal_code AS postalCode, c.country, c.url, c.met_how AS metHow, c.notes
FROM contacts c LEFT JOIN companies co ON co.id = c.company_id`;

export function contactRow(ctx: Ctx, id: number): ContactRow {
  const row = contactById(ctx).get({ id });
  if (!row) throw notFound('Contact', id);
  return row;
}

/**
 * Latest interaction per contact: an interview that has started, or a note sent or mailed to them.
 * One grouped, indexed query per kind over just the given ids (never over every note).
 */
function lastInteractions(ctx: Ctx, ids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (ids.length === 0) return out;
  const params = { ids: JSON.stringify(ids), now: ctx.clock.now() };
  const rows = [
    ...stmt<{ id: number; at: number | null }>(
      ctx.sqlite,
      `SELECT p.contact_id AS id, max(i.start_at) AS at FROM interview_participants p JOIN interviews i ON i.id = p.interview_id
       WHERE p.contact_id IN (SELECT value FROM json_each(@ids)) AND i.start_at <= @now GROUP BY p.contact_id`,
    ).all(params),
    ...stmt<{ id: number; at: number | null }>(
      ctx.sqlite,
      `SELECT contact_id AS id, max(coalesce(mailed_at, sent_at)) AS at FROM notes
       WHERE contact_id IN (SELECT value FROM json_each(@ids)) GROUP BY contact_id`,
    ).all(params),
  ];
  for (const r of rows) if (r.at != null && r.at > (out.get(r.id) ?? -1)) out.set(r.id, r.at);
  return out;
}

export function toSummaries(ctx: Ctx, rows: SummaryRow[]): ContactSummaryT[] {
  const last = lastInteractions(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, missingEmail: !!r.missingEmail, missingAddress: !!r.missingAddress, lastInteractionAt: last.get(r.id) ?? null }));
}

export function getContact(ctx: Ctx, id: number): ContactT {
  const row = stmt<SummaryRow>(ctx.sqlite, `${SUMMARY_SELECT} WHERE c.id = ?`).get(id);
  if (!row) throw notFound('Contact', id);
  const [summary] = toSummaries(ctx, [row]);
  const { addressLines, region, postalCode, url, metHow, notes, givenName, familyName, nameOrder } = contactRow(ctx, id);
  const extra = { addressLines, region, postalCode, url, metHow, notes, givenName, familyName, nameOrder, ...readChannels(ctx, id) };
  // Raw SQL: each role with its application's company, role and stage, ordered by the pipeline's recency.
  const roles = stmt<ContactT['roles'][number]>(
    ctx.sqlite,
    `SELECT ac.application_id AS applicationId, co.name AS company, a.role AS applicationRole, a.stage, ac.role, ac.created_at AS createdAt
     FROM application_contacts ac JOIN applications a ON a.id = ac.application_id JOIN companies co ON co.id = a.company_id
     WHERE ac.contact_id = ? ORDER BY a.stage_changed_at DESC, a.id, ac.role`,
  ).all(id);
  const interviews = interviewSummaries(ctx, 'i.id IN (SELECT interview_id FROM interview_participants WHERE contact_id = @id)', { id }, 'i.start_at DESC, i.id DESC');
  const noteLog = noteSummaries(ctx, 'n.contact_id = @id', { id }, 'coalesce(n.mailed_at, n.sent_at, n.created_at) DESC, n.id DESC');
  return { ...summary, ...extra, roles, interviews, noteLog };
}

export interface ListFilters {
  search?: string;
  companyId?: number;
  missing?: keyof typeof MISSING_SQL;
}

interface Filter {
  /** FROM clause over contacts `c` (joined to contacts_fts `f` when searching). */
  from: string;
  where: string;
  params: Record<string, unknown>;
  searchOnly: boolean;
}

/** FROM/WHERE and parameters for the list filters; null when the search has nothing searchable. */
export function filterSql(sqlite: Sqlite, f: ListFilters): Filter | null {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  let from = 'contacts c';
  if (f.search) {
    const match = ftsMatch(sqlite, f.search);
    if (!match) return null;
    // Driven by the FTS index: only the matching rows are read.
    // CROSS: the FTS index leads, whatever the planner guesses. Its rowid is the contact's search key.
    from = `contacts_fts f CROSS JOIN contacts c ON c.id = f.rowid & ${KEY_ID_MASK}`;
    where.push('contacts_fts MATCH @match');
    params.match = match;
  }
  if (f.companyId !== undefined) {
    where.push('c.company_id = @companyId');
    params.companyId = f.companyId;
  }
  if (f.missing) where.push(MISSING_SQL[f.missing]);
  return { from, where: where.length ? `WHERE ${where.join(' AND ')}` : '', params, searchOnly: !!f.search && where.length === 1 };
}

/**
 * One page of the list: the matching ids are sorted and cut first (only name and id go through the
 * sorter), then just that page is joined to its company.
 */
export function listPageSql(f: Filter): string {
  return `${SUMMARY_SELECT}
WHERE c.id IN (SELECT c.id FROM ${f.from} ${f.where} ORDER BY c.name COLLATE NOCASE, c.id LIMIT @limit)
ORDER BY c.name COLLATE NOCASE, c.id`;
}

/** A plain search counts its matches no further than this ("2,000+"), or its page size if larger. */
export const SEARCH_COUNT_CAP = 2000;

/**
 * contacts_fts keeps each contact under a key that sorts like its name (migration 0028, the view
 * contact_search_keys): code << 27 | id, where code spells the first 6 characters of the name.
 * The first matches of a plain search in key order, as (code, id); given a code, every match sharing
 * it; and the count of matches, no further than @cap. FTS5 reads exact terms lazily in rowid order, so
 * none of them reads more than it returns (a prefix spelled out as more than MAX_EXPANSION words is
 * read from the index's prefix index, or merged first by FTS5 when its length has none).
 */
export const SEARCH_KEYS_SQL = `SELECT rowid >> ${KEY_ID_BITS} AS code, rowid & ${KEY_ID_MASK} AS id FROM contacts_fts
  WHERE contacts_fts MATCH @match ORDER BY rowid LIMIT @limit`;
export const SEARCH_TIE_SQL = `SELECT rowid & ${KEY_ID_MASK} AS id FROM contacts_fts
  WHERE contacts_fts MATCH @match AND ${keyRunSql('@code')}`;
export const SEARCH_COUNT_SQL = 'SELECT count(*) AS n FROM (SELECT 1 FROM contacts_fts WHERE contacts_fts MATCH @match LIMIT @cap)';

/**
 * The page itself: the chosen ids put in the list's exact order (which breaks the ties the code
 * leaves) and cut to the page, then joined.
 */
export const IDS_PAGE_SQL = `${SUMMARY_SELECT}
WHERE c.id IN (SELECT c.id FROM contacts c WHERE c.id IN (SELECT value FROM json_each(@ids)) ORDER BY c.name COLLATE NOCASE, c.id LIMIT @limit)
ORDER BY c.name COLLATE NOCASE, c.id`;

/**
 * The ids a plain search's page is made from, and how many matches there are (capped). Keys come in
 * code order, and a smaller code always means an earlier name, so the page is within the first
 * `limit` keys plus every other match sharing the last one's code; IDS_PAGE_SQL orders those exactly.
 */
export function searchPageIds(sqlite: Sqlite, match: string, limit: number): { ids: number[]; total: number; more: boolean } {
  const keys = stmt(sqlite, SEARCH_KEYS_SQL).raw().all({ match, limit: limit + 1 }) as [number, number][];
  if (keys.length <= limit) return { ids: keys.map((k) => k[1]), total: keys.length, more: false };
  const lastCode = keys[limit - 1][0];
  const ids = keys.slice(0, limit).map((k) => k[1]);
  // The run of the last code goes on past the page: read all of it.
  if (keys[limit][0] === lastCode) {
    const seen = new Set(ids);
    for (const id of stmt(sqlite, SEARCH_TIE_SQL).pluck().all({ match, code: lastCode }) as number[]) if (!seen.has(id)) ids.push(id);
  }
  const cap = Math.max(limit, SEARCH_COUNT_CAP) + 1;
  const n = stmt<{ n: number }>(sqlite, SEARCH_COUNT_SQL).get({ match, cap })!.n;
  return { ids, total: Math.min(n, cap - 1), more: n === cap };
}

export const DEFAULT_LIMIT = 200;

