// Reads of many applications: the pipeline table (paged by keyset; the board is board.ts) and one
// summary (after a write). Each query first picks the application ids it shows, then joins the per-card
// counts (due notes, cards to mail) for those ids only: a page, a column or one card costs the same
// whatever the size of the book. Raw SQL: the benchmark runs the same text to compare the API with it.
import { notFound } from '../../shared/errors';
import type { Ctx } from '../../db/context';
import type { MethodOutput, ParsedInput } from '../../api/contract';
import { PRIORITIES } from '../../shared/domain';
import { stmt } from '../../db/sql';
import { KEY_ID_BITS, KEY_ID_MASK } from '../../db/fts';
import { COUNTS_AS_DUE } from '../interviews/obligations';
import { stageOf } from '../stages/rules';
import { documentTagsFor } from '../documents/documents';
import { stagePageIds } from './stage-order';
import { applicationsMatch, facetedMatch, keyOrderPage } from './search-order';

export type Summary = MethodOutput<'applications.list'>['items'][number];
type ListInput = ParsedInput<'applications.list'>;
export type SortKey = NonNullable<ListInput['sort']>;

const rank = (column: string, values: readonly string[]) => `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} END`;

/** What each sort key orders by (ties broken by id in the same direction, so a cursor is one row value). */
export const SORT_VALUE: Record<SortKey, string> = {
  stageChangedAt: 'a.stage_changed_at',
  updatedAt: 'a.updated_at',
  company: '(SELECT name FROM companies WHERE id = a.company_id) COLLATE NOCASE',
  role: 'a.role COLLATE NOCASE',
  // The person's board order (stages.position), not the key.
  stage: '(SELECT position FROM stages WHERE key = a.stage)',
  priority: rank('a.priority', PRIORITIES),
  location: "coalesce(a.location, '') COLLATE NOCASE",
};

/**
 * Summary columns for the applications whose ids `idsSql` selects (a query with one column, id),
 * in `order`. The counts are grouped over the notes of those ids only (index searches by
 * application_id), never over every note.
 */
export function summarySql(idsSql: string, order: string): string {
  return `WITH ids AS MATERIALIZED (${idsSql})
SELECT a.id, a.company_id AS companyId, c.name AS company, a.role, a.stage, a.stage_changed_at AS stageChangedAt,
       a.priority, a.location, a.archived_at AS archivedAt, a.created_at AS createdAt, a.updated_at AS updatedAt,
       coalesce(d.dueCount, 0) AS dueCount, coalesce(d.overdueCount, 0) AS overdueCount, d.nextDueAt AS nextDueAt,
       coalesce(d.dueThankYouCount, 0) AS dueThankYouCount, coalesce(f.inFlightCount, 0) AS inFlightCount
FROM ids
JOIN applications a ON a.id = ids.id
JOIN companies c ON c.id = a.company_id
LEFT JOIN (
  SELECT n.application_id, count(*) AS dueCount, sum(n.due_at < @now) AS overdueCount, min(n.due_at) AS nextDueAt,
         sum(n.kind = 'thank_you') AS dueThankYouCount
  FROM notes n WHERE n.application_id IN (SELECT id FROM ids) AND ${COUNTS_AS_DUE}
  GROUP BY n.application_id
) d ON d.application_id = a.id
LEFT JOIN (
  SELECT application_id, count(*) AS inFlightCount FROM notes
  WHERE application_id IN (SELECT id FROM ids) AND status IN ('written', 'addressed', 'stamped') GROUP BY application_id
) f ON f.application_id = a.id
ORDER BY ${order}`;
}

interface ListShape {
  search: boolean;
  stages: boolean;
  includeArchived: boolean;
  /** A page: `limit` rows after the cursor (when `after`). Without it, every matching row. */
  limit: boolean;
  /** A broad search: walk the order's own index and stop at the page (see TABLE_EXACT_MATCHES). */
  walk?: boolean;
  /**
   * With walk: read the FTS matches against only the first @walk rows of the order (see
   * walkCandidates) instead of listing every match. Exact only when it finds a whole page.
   */
  bounded?: boolean;
  after?: boolean;
  sort?: SortKey;
  dir?: 'asc' | 'desc';
}

export function filterOf(opts: Pick<ListShape, 'search' | 'stages' | 'includeArchived'>): string[] {
  const where: string[] = [];
  if (!opts.includeArchived) where.push('a.archived_at IS NULL');
  if (opts.stages) where.push('a.stage IN (SELECT value FROM json_each(@stages))');
  if (opts.search) where.push(`a.id IN (SELECT rowid & ${KEY_ID_MASK} FROM applications_fts WHERE applications_fts MATCH @match)`);
  return where;
}

const SEEK_WITH_RANGE = new Set<SortKey>(['company', 'role', 'location', 'priority']);

/** The index each order is read from (archived_at first: so for the unarchived applications only). */
export const ORDER_INDEX: Partial<Record<SortKey, string>> = {
  stageChangedAt: 'applications_moved',
  updatedAt: 'applications_updated',
  role: 'applications_role',
  location: 'applications_location',
  priority: 'applications_priority',
};

/**
 * A table search matching more unarchived applications than this is counted no further (the table
 * says "1,000+") and its pages walk the order's index, newest first, stopping at the page; the
 * matches are read from the FTS index once into one lookup list (or, when they are thick among the
 * rows, read once past a list of the order's first rows: walkCandidates). Counting and sorting every match
 * costs a row read per match, which grows with the book while the page stays 100 rows. A narrower
 * search is cheaper the other way round: its few matches, read and sorted.
 */
export const TABLE_EXACT_MATCHES = 1000;

/** The list query for a shape of input (parameters: @now, @match, @stages, @limit, @afterValue, @afterId). */
export function listSql(opts: ListShape): string {
  const dir = (opts.dir ?? 'desc') === 'desc' ? 'DESC' : 'ASC';
  const where = filterOf(opts);
  // By company without a search: walk the companies in name order (their unique NOCASE index, so no two
  // share a name) and each one's applications by id (applications_company), stopping at the page. The
  // name looked up per application and sorted read and sorted every application for every page: 400 ms
  // a page at 100,000. A search keeps that form: its matches are few, and walking every company to find
  // them would not be.
  const walkCompanies = opts.sort === 'company' && !opts.search && opts.limit;
  const value = walkCompanies ? 'c.name COLLATE NOCASE' : SORT_VALUE[opts.sort ?? 'stageChangedAt'];
  // Keyset: the rows after the last one shown, (value, id) compared as one row value.
  if (opts.after) {
    // For the expression orders, the plain comparison (implied by the row value) is what lets SQLite seek
    // the order's index to the cursor instead of reading it from the start. The date orders seek without
    // it, and with it the planner may skip-scan and sort instead.
    if (SEEK_WITH_RANGE.has(opts.sort ?? 'stageChangedAt')) where.push(`${value} ${dir === 'DESC' ? '<=' : '>='} @afterValue`);
    where.push(`(${value}, a.id) ${dir === 'DESC' ? '<' : '>'} (@afterValue, @afterId)`);
  }
  const walkIndex = opts.walk && opts.limit && opts.search && !opts.includeArchived ? ORDER_INDEX[opts.sort ?? 'stageChangedAt'] : undefined;
  const from = walkCompanies ? 'companies c CROSS JOIN applications a ON a.company_id = c.id' : walkIndex ? `applications a INDEXED BY ${walkIndex}` : 'applications a';
  if (walkIndex && opts.bounded) return summarySql(boundedIds(where, value, dir, walkIndex), `ids.v ${dir}, a.id ${dir}`);
  const ids = `SELECT a.id, ${value} AS v FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY v ${dir}, a.id ${dir}${opts.limit ? ' LIMIT @limit' : ''}`;
  return summarySql(ids, `ids.v ${dir}, a.id ${dir}`);
}

const SEARCH_FILTER = filterOf({ search: true, stages: false, includeArchived: true })[0];

/**
 * A broad page read the other way round: the first @walk rows of the order (its index, every filter
 * but the search) are listed once, the FTS matches are read past that list (a membership test per
 * match, nothing stored), and the few that are in it are looked up and sorted. Listing every match
 * (the plain walk) stores each one: ~0.1 µs a match, 31,000 matches for a common word at 100,000
 * applications; reading them costs a third of that. The list is a test on the ids the keys hold: as
 * an FTS5 rowid constraint it would run the MATCH once per listed row (~30 µs each).
 */
function boundedIds(where: string[], value: string, dir: 'ASC' | 'DESC', walkIndex: string): string {
  const rest = where.filter((w) => w !== SEARCH_FILTER);
  const walked = `SELECT a.id FROM applications a INDEXED BY ${walkIndex}${rest.length ? ` WHERE ${rest.join(' AND ')}` : ''} ORDER BY ${value} ${dir}, a.id ${dir} LIMIT @walk`;
  const hits = `SELECT rowid & ${KEY_ID_MASK} FROM applications_fts WHERE applications_fts MATCH @match AND (rowid & ${KEY_ID_MASK}) IN (${walked})`;
  return `SELECT a.id, ${value} AS v FROM applications a WHERE a.id IN (${hits}) ORDER BY v ${dir}, a.id ${dir} LIMIT @limit`;
}

function countSql(opts: Pick<ListShape, 'search' | 'stages' | 'includeArchived'>): string {
  // The whole table, less the archived ones: a bare count(*) is answered from the b-tree's pages
  // (OP_Count: one visit per page of the smallest index, not per row), and the archived ones are a
  // range of applications_priority. A count of the rows not archived read every one of them: 2-3 ms
  // at 100,000 applications, twice the page it came with.
  if (!opts.search && !opts.stages) {
    return opts.includeArchived
      ? 'SELECT count(*) AS n FROM applications'
      : 'SELECT (SELECT count(*) FROM applications) - (SELECT count(*) FROM applications a WHERE a.archived_at IS NOT NULL) AS n';
  }
  const where = filterOf(opts);
  return `SELECT count(*) AS n FROM applications a${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}

/**
 * The whole book's count (no search, no stage filter) as of the last change: counting it visits every
 * page of the smallest index (12-20 µs at 100,000 applications, growing with the book: 2-3% of a first
 * page) on every first page. It is kept per connection until total_changes() moves: every insert,
 * update and delete of this connection, by triggers and foreign-key cascades included (0.4 µs to read).
 * This connection is the book's only writer while the core holds the data folder's lock (a restore
 * opens a new connection, so starts afresh), and a count read inside a transaction is never kept. data_version would also see other connections' commits,
 * but reading it costs 5-8 µs, most of what keeping the count saves. Filtered counts are counted each time.
 */
const bookCounts = new WeakMap<Ctx['sqlite'], Map<boolean, { changes: number; n: number }>>();
function countOf(ctx: Ctx, shape: Pick<ListShape, 'search' | 'stages' | 'includeArchived'>, params: Record<string, unknown>): number {
  const count = () => stmt<{ n: number }>(ctx.sqlite, countSql(shape)).get(params)!.n;
  // Inside a transaction a count may include rows a rollback takes back, which total_changes() never does.
  if (shape.search || shape.stages || ctx.sqlite.inTransaction) return count();
  const changes = stmt<{ c: number }>(ctx.sqlite, 'SELECT total_changes() AS c').get()!.c;
  let kept = bookCounts.get(ctx.sqlite);
  if (!kept) bookCounts.set(ctx.sqlite, (kept = new Map()));
  const was = kept.get(shape.includeArchived);
  if (was && was.changes === changes) return was.n;
  const n = count();
  kept.set(shape.includeArchived, { changes, n });
  return n;
}

/**
 * A search's matches counted up to @cap from the FTS index alone (its filters are facets of the match,
 * search-order.ts): reads at most @cap keys. FTS5 hands them over in key order, oldest move first
 * (migration 0030), so `sec` (the last one's second) also says how thick the matches are: n of them
 * among the applications moved by then (rowsMovedBy).
 */
const CAPPED_COUNT_SQL = `SELECT count(*) AS n, max(rowid >> ${KEY_ID_BITS}) AS sec FROM (SELECT rowid FROM applications_fts WHERE applications_fts MATCH @faceted LIMIT @cap)`;

/** Beyond this many rows, the rows a density is measured against are not counted further. */
const SPAN_CAP = 20_000;

/**
 * The live applications last moved within the seconds the capped count read (no further than
 * SPAN_CAP): what its matches were found among. Past the cap the density is at most n / SPAN_CAP,
 * thin enough that walkCandidates lists the matches instead.
 */
const rowsMovedBy = (ctx: Ctx, sec: number) =>
  stmt<{ n: number }>(
    ctx.sqlite,
    `SELECT count(*) AS n FROM (SELECT 1 FROM applications a INDEXED BY applications_moved WHERE a.archived_at IS NULL AND a.stage_changed_at < @end LIMIT ${SPAN_CAP})`,
  ).get({ end: (sec + 1) * 1000 })!.n;

/**
 * How many rows of the order a bounded broad page (listSql's `bounded`) reads the matches against: the
 * rows that should hold a page of matches at the density the capped count saw, half as many again.
 * When they hold fewer (the matches thinner among these rows than among the first ids), the page is
 * read the plain way: exact either way, the bound only picks the cheaper road. It is taken only when
 * it is a small part of the estimated matches (each row read and listed costs ~5 times what a match
 * read past the list does), so a thin search keeps listing its few matches.
 */
export function walkCandidates(limit: number, counted: { n: number; among: number }, size: number): number | null {
  if (counted.n === 0 || counted.among <= 0) return null;
  const density = Math.min(1, counted.n / counted.among);
  const walk = Math.ceil((limit / density) * 1.5);
  return walk * 5 < density * size ? walk : null;
}

const listSqls = new Map<string, string>();
/**
 * listSql per shape, built once: the text is also the key of the statement cache, and a 2 KB string
 * built afresh is joined and hashed afresh on every call (~4 µs of a 0.7 ms page).
 */
function listSqlOf(opts: ListShape): string {
  const bit = (b: boolean | undefined) => (b ? 1 : 0);
  const key = `${bit(opts.search)}${bit(opts.stages)}${bit(opts.includeArchived)}${bit(opts.limit)}${bit(opts.walk)}${bit(opts.bounded)}${bit(opts.after)}${opts.sort}:${opts.dir}`;
  let sql = listSqls.get(key);
  if (sql === undefined) listSqls.set(key, (sql = listSql(opts)));
  return sql;
}

export function listApplications(ctx: Ctx, input: ListInput): MethodOutput<'applications.list'> {
  const match = applicationsMatch(ctx.sqlite, input.search);
  if (input.search && !match) return { items: [], total: 0, more: false, next: null };
  const faceted = match ? facetedMatch(match, { stages: input.stages?.length ? input.stages : null, includeArchived: !!input.includeArchived }) : null;
  const stages = input.stages && input.stages.length > 0 ? JSON.stringify(input.stages) : null;
  const shape = { search: !!match, stages: !!stages, includeArchived: !!input.includeArchived };
  const sort = input.sort ?? 'stageChangedAt';
  const params: Record<string, unknown> = { now: ctx.clock.now() };
  const filterParams: Record<string, unknown> = {};
  if (match) filterParams.match = match;
  if (stages) filterParams.stages = stages;
  if (input.limit) params.limit = input.limit;
  if (input.after) Object.assign(params, { afterValue: input.after.value, afterId: input.after.id });
  // A searched page counts its matches first, no further than TABLE_EXACT_MATCHES + 1 (every page: the
  // count is what picks the way to the page, and it is cheap).
  const counted = faceted && input.limit ? stmt<{ n: number; sec: number | null }>(ctx.sqlite, CAPPED_COUNT_SQL).get({ faceted, cap: TABLE_EXACT_MATCHES + 1 })! : null;
  const capped = counted ? counted.n : null;
  const broad = capped !== null && capped > TABLE_EXACT_MATCHES;
  const dir = (input.dir ?? 'desc') === 'desc' ? 'DESC' : 'ASC';
  const after = input.after ? { value: Number(input.after.value), id: input.after.id } : undefined;
  // A search by last move (the default order) reads its page in the search index's own order
  // (search-order.ts), filters included; one of the ways below only if that gives up.
  const byKey =
    faceted && input.limit && sort === 'stageChangedAt' && (!after || Number.isSafeInteger(after.value))
      ? keyOrderPage(ctx, { match: faceted, dir, limit: input.limit, after })
      : null;
  let items: Summary[];
  if (byKey) {
    items = summariesInOrder(ctx, byKey.ids, params.now as number);
  } else if (sort === 'stage' && !match && input.limit && !input.includeArchived) {
    // By stage, a page walks the stages in board order (stage-order.ts) rather than sorting every row.
    items = summariesInOrder(ctx, stagePageIds(ctx, { dir, limit: input.limit, stages: input.stages?.length ? input.stages : null, after }), params.now as number);
  } else {
    const opts = { ...shape, limit: !!input.limit, after: !!input.after, sort, dir: input.dir, walk: broad };
    const walk = broad && ORDER_INDEX[sort] && !input.includeArchived ? walkCandidates(input.limit!, { n: counted!.n, among: rowsMovedBy(ctx, counted!.sec ?? 0) }, maxIdOf(ctx)) : null;
    // The bounded read is exact when it finds a whole page (every row before the page's last is among
    // the rows it read); short of one, the page is read again the plain way.
    const bounded = walk ? stmt<Summary>(ctx.sqlite, listSqlOf({ ...opts, bounded: true })).all({ ...params, ...filterParams, walk }) : null;
    items = bounded && bounded.length === input.limit ? bounded : stmt<Summary>(ctx.sqlite, listSqlOf(opts)).all({ ...params, ...filterParams });
  }
  if (input.withDocuments) {
    const tags = documentTagsFor(ctx, items.map((a) => a.id));
    for (const a of items) a.documents = tags.get(a.id) ?? [];
  }
  // The total is counted once, with the first page; the next pages keep it.
  const total = !input.limit ? items.length : input.after ? null : capped !== null ? Math.min(capped, TABLE_EXACT_MATCHES) : countOf(ctx, shape, filterParams);
  const last = items.length === input.limit ? items[items.length - 1] : null;
  return { items, total, more: broad && !input.after, next: last ? { value: sortValueOf(ctx, sort, last), id: last.id } : null };
}

/** The summaries of these applications, in this order. */
const summariesInOrder = (ctx: Ctx, ids: number[], now: number) =>
  stmt<Summary>(ctx.sqlite, summarySql('SELECT j.value AS id, j.key AS v FROM json_each(@ids) j', 'ids.v')).all({ ids: JSON.stringify(ids), now });

/** The largest application id: the end of the b-tree, one seek. */
const maxIdOf = (ctx: Ctx) => stmt<{ m: number | null }>(ctx.sqlite, 'SELECT max(id) AS m FROM applications').get()!.m ?? 0;

/** The sort value of a row as SQL computes it (the cursor carries it). */
function sortValueOf(ctx: Ctx, sort: SortKey, a: Summary): string | number {
  switch (sort) {
    case 'stage':
      return stageOf(ctx, a.stage)?.position ?? 0;
    case 'priority':
      return PRIORITIES.indexOf(a.priority);
    case 'location':
      return a.location ?? '';
    default:
      return a[sort];
  }
}

export function getSummary(ctx: Ctx, id: number): Summary {
  const row = stmt<Summary>(ctx.sqlite, summarySql('SELECT @id AS id', 'a.id')).get({ id, now: ctx.clock.now() });
  if (!row) throw notFound('Application', id);
  return row;
}
