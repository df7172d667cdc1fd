// The table sorted by stage, a page at a time, without sorting every application: the order is the
// stages' board order (stages.position), then id, which no index of applications holds. So the page
// walks the stages present in that order and, in each, the applications by id from
// applications_stage_id (archived_at, stage; the rowid ends it), stopping when the page is full. Each
// step is an index seek: a page costs the same at 100,000 applications as at 100.
import type { Ctx } from '../../db/context';
import { stmt } from '../../db/sql';
import { allStages } from '../stages/rules';

const FIRST_KEY = 'SELECT stage FROM applications INDEXED BY applications_stage_id WHERE archived_at IS NULL ORDER BY stage LIMIT 1';
const NEXT_KEY = 'SELECT stage FROM applications INDEXED BY applications_stage_id WHERE archived_at IS NULL AND stage > ? ORDER BY stage LIMIT 1';
const idsOf = (dir: 'ASC' | 'DESC', after: boolean) =>
  `SELECT id FROM applications INDEXED BY applications_stage_id WHERE archived_at IS NULL AND stage = @stage${after ? ` AND id ${dir === 'ASC' ? '>' : '<'} @afterId` : ''} ORDER BY id ${dir} LIMIT @limit`;

/** The stage keys live applications hold, one index seek each (a loose scan: there are a handful). */
function presentKeys(ctx: Ctx): string[] {
  const keys: string[] = [];
  let key = stmt<{ stage: string }>(ctx.sqlite, FIRST_KEY).get()?.stage;
  while (key !== undefined) {
    keys.push(key);
    key = stmt<{ stage: string }>(ctx.sqlite, NEXT_KEY).get(key)?.stage;
  }
  return keys;
}

/**
 * The ids of one page of live applications by stage order then id, after the cursor (position, id)
 * when given. A key without a stage row sorts as position 0, as the cursor (sortValueOf) gives it.
 * Stages sharing a position (an archived stage keeps its old one) are merged by id.
 */
export function stagePageIds(ctx: Ctx, opts: { dir: 'ASC' | 'DESC'; limit: number; stages: string[] | null; after?: { value: number; id: number } }): number[] {
  const position = new Map(allStages(ctx).map((s) => [s.key, s.position]));
  const keys = presentKeys(ctx).filter((k) => !opts.stages || opts.stages.includes(k));
  const groups = new Map<number, string[]>();
  for (const k of keys) {
    const p = position.get(k) ?? 0;
    groups.set(p, [...(groups.get(p) ?? []), k]);
  }
  const asc = opts.dir === 'ASC';
  const order = [...groups.keys()].sort((a, b) => (asc ? a - b : b - a));
  const out: number[] = [];
  for (const p of order) {
    const after = opts.after;
    if (after && (asc ? p < after.value : p > after.value)) continue;
    const within = !!after && p === after.value;
    const limit = opts.limit - out.length;
    const found = groups
      .get(p)!
      .flatMap((stage) => stmt<{ id: number }>(ctx.sqlite, idsOf(opts.dir, within)).all({ stage, limit, ...(within ? { afterId: after.id } : {}) }).map((r) => r.id));
    if (groups.get(p)!.length > 1) found.sort((a, b) => (asc ? a - b : b - a));
    out.push(...found.slice(0, limit));
    if (out.length >= opts.limit) break;
  }
  return out;
}
