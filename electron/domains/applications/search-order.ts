// A search's rows in the order of the last stage move (the table's default order, each board column's
// order), read from the search index in that order. applications_fts keeps each application under a key
// that sorts like its last move (migration 0030, the view application_search_keys): second << 27 | id,
// and its stage and archived state as words of its own column, facets. FTS5 hands "these words, in these
// stages, not archived" over in key order, lazily, so a page or a column reads the matches it shows, not
// every match: a common pair of words costs the same at 100,000 applications as at 10,000.
// Moves within one second tie in the key. Past the page, the rest of the last second's matches are read
// and the few ties are put in their exact order (stage_changed_at, then id) here.
import type { Ctx } from '../../db/context';
import type { Sqlite } from '../../db/open';
import { KEY_ID_BITS, KEY_ID_MASK, ftsMatch, keyRunSql } from '../../db/fts';
import { stmt } from '../../db/sql';

/** The columns a typed search is matched in: never facets, whose words are the filters'. */
const TEXT_COLUMNS = '{company role notes location}';

/** A typed search as an applications_fts query over the text columns only (null: nothing searchable). */
export function applicationsMatch(sqlite: Sqlite, text: string | null | undefined): string | null {
  const match = ftsMatch(sqlite, text);
  return match ? `${TEXT_COLUMNS} : (${match})` : null;
}

/** The facet word of a stage key, as the view spells it: 'l' (live) or 'a' (archived), then the hex of its UTF-8 bytes. */
const stageWord = (key: string, state: 'l' | 'a') => `"${state}${Buffer.from(key, 'utf8').toString('hex')}"`;

/**
 * The search narrowed to these stages (null: every stage) and, unless archived ones are in, to the live
 * ones. A stage is one word with its state, so FTS5 skips along that word's rows alone.
 */
export function facetedMatch(match: string, opts: { stages: readonly string[] | null; includeArchived: boolean }): string {
  const states = opts.includeArchived ? (['l', 'a'] as const) : (['l'] as const);
  const facets = opts.stages ? opts.stages.flatMap((s) => states.map((state) => stageWord(s, state))).join(' OR ') : opts.includeArchived ? null : '"live"';
  return facets ? `${match} AND {facets} : (${facets})` : match;
}

/** How many matches a page may read per row it shows before it gives up for the list's other ways. */
export const KEY_SCAN_PER_ROW = 20;

export interface KeyPageInput {
  /** A faceted match (facetedMatch): the filters are in it. */
  match: string;
  dir: 'ASC' | 'DESC';
  limit: number;
  after?: { value: number; id: number };
}

interface Row {
  sec: number;
  id: number;
  v: number;
}

/** The second a time falls in, as the key spells it (SQL integer division, kept within 0 .. 2^32 - 1). */
const SECOND = (v: string) => `max(0, min(4294967295, ${v} / 1000))`;

/**
 * The keys of the matches in key order, no more than @scan of them: from the cursor's second on, or one
 * second's (@sec) when `run`.
 */
function keyRangeSql(input: KeyPageInput, run: boolean): string {
  const range = run
    ? [keyRunSql('@sec')]
    : input.after
      ? [input.dir === 'DESC' ? `rowid <= ((${SECOND('@afterValue')} << ${KEY_ID_BITS}) | ${KEY_ID_MASK})` : `rowid >= (${SECOND('@afterValue')} << ${KEY_ID_BITS})`]
      : [];
  return `SELECT rowid FROM applications_fts WHERE ${['applications_fts MATCH @match', ...range].join(' AND ')} ORDER BY rowid ${input.dir} LIMIT @scan`;
}

/**
 * Those keys joined to their applications (for the exact time), past the cursor, in key order. The
 * subquery's order is the outer order (no sort), so the page's LIMIT stops the read at the page.
 */
function rowsSql(input: KeyPageInput, run: boolean): string {
  const cursor = input.after ? ` WHERE (a.stage_changed_at, a.id) ${input.dir === 'DESC' ? '<' : '>'} (@afterValue, @afterId)` : '';
  return `SELECT f.rowid >> ${KEY_ID_BITS} AS sec, a.id, a.stage_changed_at AS v FROM (${keyRangeSql(input, run)}) f CROSS JOIN applications a ON a.id = f.rowid & ${KEY_ID_MASK}${cursor} ORDER BY f.rowid ${input.dir}${run ? '' : ' LIMIT @want'}`;
}

/** How many keys the range holds, up to @scan: tells "no more matches" from "gave up at @scan". */
const scannedSql = (input: KeyPageInput, run: boolean) => `SELECT count(*) AS n FROM (${keyRangeSql(input, run)})`;

/**
 * The ids of one page, in order, and whether more follow; null when the page would read more than
 * KEY_SCAN_PER_ROW matches per row: a second holding that many matches (an import with one timestamp),
 * or the cursor's own second passing over them; the caller then reads it its other way. Exact: every match not read has a key past the last
 * one read, so it comes after every row read unless it shares that row's second, and that second's
 * matches are all read.
 */
export function keyOrderPage(ctx: Ctx, input: KeyPageInput): { ids: number[]; more: boolean } | null {
  const scan = KEY_SCAN_PER_ROW * (input.limit + 1);
  const params: Record<string, unknown> = { match: input.match, scan, want: input.limit + 1 };
  if (input.after) Object.assign(params, { afterValue: input.after.value, afterId: input.after.id });
  const rows = stmt<Row>(ctx.sqlite, rowsSql(input, false)).all(params);
  const desc = input.dir === 'DESC';
  const order = (a: Row, b: Row) => (desc ? b.v - a.v || b.id - a.id : a.v - b.v || a.id - b.id);
  if (rows.length <= input.limit) {
    // Every match of the range read, or the read gave up at @scan keys.
    if (input.after && stmt<{ n: number }>(ctx.sqlite, scannedSql(input, false)).get(params)!.n >= scan) return null;
    return { ids: rows.sort(order).map((r) => r.id), more: false };
  }
  const last = rows[input.limit];
  let all = rows;
  // Ties with the row past the page: its second's other matches may come before it.
  if (rows[input.limit - 1].sec === last.sec) {
    const runParams = { ...params, sec: last.sec };
    const run = stmt<Row>(ctx.sqlite, rowsSql(input, true)).all(runParams);
    // Without a cursor every key read is a row returned; with one, the keys are counted.
    if ((input.after ? stmt<{ n: number }>(ctx.sqlite, scannedSql(input, true)).get(runParams)!.n : run.length) >= scan) return null;
    const seen = new Set(rows.map((r) => r.id));
    all = rows.concat(run.filter((r) => !seen.has(r.id)));
  }
  all.sort(order);
  return { ids: all.slice(0, input.limit).map((r) => r.id), more: true };
}
