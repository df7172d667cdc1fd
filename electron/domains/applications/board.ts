// The pipeline board: the newest cards of each stage, with or without a search. Each column is read
// from its own index range (archived_at, stage, stage_changed_at), or for a broad search from the search
// index in the same order (search-order.ts), stopped at the cards it shows.
import type { Ctx } from '../../db/context';
import type { MethodOutput, ParsedInput } from '../../api/contract';
import { stmt } from '../../db/sql';
import { KEY_ID_MASK } from '../../db/fts';
import { activeStages } from '../stages/rules';
import { filterOf, summarySql, type Summary } from './list';
import { applicationsMatch, facetedMatch, keyOrderPage } from './search-order';

/** Default cards per column on the board: enough for a real search, small enough to render at once. */
export const BOARD_PER_STAGE = 100;

/**
 * A board search matching up to this many applications (archived ones included) is counted exactly per
 * column. A broader one (a common word in a large book) reads only the cards each column shows, plus
 * one to know there are more, and says "100+": counting every match costs a row read per match, which
 * grows with the book while the board still shows 100 cards per column.
 */
export const BOARD_EXACT_MATCHES = 5000;

type BoardOutput = MethodOutput<'applications.board'>;

export function boardColumns(ctx: Ctx, input: ParsedInput<'applications.board'>): BoardOutput {
  const match = applicationsMatch(ctx.sqlite, input.search);
  // The person's active stages in board order; archived stages hold no applications (archiving moves them).
  const keys = activeStages(ctx).map((s) => s.key);
  const chosen = input.stages && input.stages.length > 0 ? input.stages : null;
  const visible = chosen ? keys.filter((k) => chosen.includes(k)) : keys;
  if (input.search && !match) return { columns: visible.map((stage) => ({ stage, total: 0, more: false, items: [] })), total: 0, more: false };
  const perStage = input.perStage ?? BOARD_PER_STAGE;
  if (match && !input.includeArchived) {
    // Counted only as far as the threshold: past it, the count is not shown, and FTS5 hands the matches
    // over in rowid order, so LIMIT stops it there instead of at the last of 30,000.
    const n = stmt<{ n: number }>(ctx.sqlite, `SELECT count(*) AS n FROM (SELECT rowid FROM applications_fts WHERE applications_fts MATCH @match LIMIT ${BOARD_EXACT_MATCHES + 1})`).get({ match })!.n;
    if (n > BOARD_EXACT_MATCHES) return broadSearch(ctx, visible, match, perStage);
  }
  const where = filterOf({ search: !!match, stages: false, includeArchived: !!input.includeArchived });
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const params: Record<string, unknown> = { now: ctx.clock.now(), perStage };
  if (match) params.match = match;
  // Each column's count: a narrow search's matches counted, else the stage's count as the triggers keep it (migration 0031).
  const totals = new Map(
    (match
      ? stmt<{ stage: string; n: number }>(ctx.sqlite, `SELECT a.stage, count(*) AS n FROM applications a ${filter} GROUP BY a.stage`).all({ match })
      : stmt<{ stage: string; n: number }>(ctx.sqlite, `SELECT stage, live${input.includeArchived ? ' + archived' : ''} AS n FROM application_stage_counts`).all()
    ).map((r) => [r.stage, r.n]),
  );
  // Per stage the newest perStage. Without a search: one index range (archived_at, stage,
  // stage_changed_at) per stage, stopped at perStage rows, instead of ranking every application. With a
  // narrow search: the few matches are read once from the FTS index and ranked (they are counted anyway).
  const ids = match
    ? `SELECT id FROM (SELECT a.id, row_number() OVER (PARTITION BY a.stage ORDER BY a.stage_changed_at DESC, a.id DESC) AS rn FROM applications a ${filter}) WHERE rn <= @perStage`
    : keys
        .map((_s, i) => `SELECT * FROM (SELECT a.id FROM applications a ${filter ? `${filter} AND` : 'WHERE'} a.stage = @stage${i} ORDER BY a.stage_changed_at DESC, a.id DESC LIMIT @perStage)`)
        .join('\nUNION ALL\n');
  if (!match) keys.forEach((k, i) => (params[`stage${i}`] = k));
  const items = stmt<Summary>(ctx.sqlite, summarySql(ids, 'a.stage_changed_at DESC, a.id DESC')).all(params);
  const byStage = new Map<string, Summary[]>(visible.map((s) => [s, []]));
  for (const it of items) byStage.get(it.stage)?.push(it);
  const columns = visible.map((stage) => ({ stage, total: totals.get(stage) ?? 0, more: false, items: byStage.get(stage)! }));
  return { columns, total: columns.reduce((n, c) => n + c.total, 0), more: false };
}

/**
 * The ids of a broad board search the other way, for the columns the search index's order gives up on
 * (keyOrderPage: a second holding thousands of moves, as an import can make): per stage, the stage's
 * index range (archived_at, stage, stage_changed_at) walked newest first and stopped after perStage + 1
 * matches. The matches are read from the FTS index once into one lookup list (a non-correlated IN list
 * is built once per statement, also inside the correlated per-stage subquery). Listing them costs 10 ms
 * at 100,000 applications: the keys come in time order, so the list is built from unsorted ids.
 */
export const BROAD_SEARCH_IDS = `SELECT s.value AS stage, j.value AS id FROM json_each(@stages) s, json_each((
  SELECT json_group_array(id) FROM (
    SELECT a.id FROM applications a INDEXED BY applications_stage
    WHERE a.archived_at IS NULL AND a.stage = s.value AND a.id IN (SELECT rowid & ${KEY_ID_MASK} FROM applications_fts WHERE applications_fts MATCH @match)
    ORDER BY a.stage_changed_at DESC, a.id DESC LIMIT @perStage + 1))) j`;

/**
 * A broad board search: each column is one read of the search index, "these words, in this stage, not
 * archived", newest move first, stopped after its cards (keyOrderPage).
 */
function broadSearch(ctx: Ctx, visible: string[], match: string, perStage: number): BoardOutput {
  const seen = new Map<string, { ids: number[]; more: boolean }>();
  const rest: string[] = [];
  for (const stage of visible) {
    const page = keyOrderPage(ctx, { match: facetedMatch(match, { stages: [stage], includeArchived: false }), dir: 'DESC', limit: perStage });
    if (page) seen.set(stage, page);
    else rest.push(stage);
  }
  if (rest.length) {
    const found = stmt<{ stage: string; id: number }>(ctx.sqlite, BROAD_SEARCH_IDS).all({ stages: JSON.stringify(rest), match, perStage });
    for (const stage of rest) seen.set(stage, { ids: [], more: false });
    for (const r of found) seen.get(r.stage)!.ids.push(r.id);
    for (const stage of rest) {
      const column = seen.get(stage)!;
      column.more = column.ids.length > perStage;
      column.ids = column.ids.slice(0, perStage);
    }
  }
  const shown = [...seen.values()].flatMap((c) => c.ids);
  const items = stmt<Summary>(ctx.sqlite, summarySql('SELECT value AS id FROM json_each(@ids)', 'a.stage_changed_at DESC, a.id DESC')).all({
    ids: JSON.stringify(shown),
    now: ctx.clock.now(),
  });
  const byStage = new Map<string, Summary[]>(visible.map((s) => [s, []]));
  for (const it of items) byStage.get(it.stage)?.push(it);
  // A column with more matches than it shows gives what it shows as its total, and says there are more.
  const columns = visible.map((stage) => {
    const more = seen.get(stage)!.more;
    const cards = byStage.get(stage)!;
    return { stage, total: cards.length, more, items: cards };
  });
  return { columns, total: columns.reduce((n, c) => n + c.total, 0), more: columns.some((c) => c.more) };
}
