// What the other domains ask of the stages table: does a key exist, what kind is it, which stage does a
// rule move to. Every rule tests a stage's kind (shared/domain.ts STAGE_KINDS), never its key or name,
// so renaming, reordering or adding stages leaves the rules working.
import { invalid } from '../../shared/errors';
import { ENDED_KINDS, type StageKind } from '../../shared/domain';
import type { Ctx } from '../../db/context';
import { stmt } from '../../db/sql';

export interface StageInfo {
  key: string;
  name: string;
  kind: StageKind;
  position: number;
  archivedAt: number | null;
}

const COLUMNS = 'key, name, kind, position, archived_at AS archivedAt';

export function stageOf(ctx: Pick<Ctx, 'sqlite'>, key: string): StageInfo | undefined {
  return stmt<StageInfo>(ctx.sqlite, `SELECT ${COLUMNS} FROM stages WHERE key = ?`).get(key);
}

/** Every stage in board order, archived ones after the active ones. */
export function allStages(ctx: Pick<Ctx, 'sqlite'>): StageInfo[] {
  return stmt<StageInfo>(ctx.sqlite, `SELECT ${COLUMNS} FROM stages ORDER BY archived_at IS NOT NULL, position, id`).all();
}

export const activeStages = (ctx: Pick<Ctx, 'sqlite'>) => allStages(ctx).filter((s) => s.archivedAt === null);

/**
 * The stage a key names, refused with a message beside `field` when it is unknown or archived: an
 * application may only be put in a stage the board shows.
 */
export function requireStage(ctx: Pick<Ctx, 'sqlite'>, key: string, field = 'stage'): StageInfo {
  const s = stageOf(ctx, key);
  if (!s) throw invalid({ [field]: 'That stage no longer exists; choose another.' });
  if (s.archivedAt !== null) throw invalid({ [field]: `The stage “${s.name}” is archived; choose another.` });
  return s;
}

/** The first active stage of a kind, in board order (every kind keeps one: see stages.ts). */
export function firstOfKind(ctx: Pick<Ctx, 'sqlite'>, kind: StageKind): StageInfo {
  const s = stmt<StageInfo>(ctx.sqlite, `SELECT ${COLUMNS} FROM stages WHERE kind = ? AND archived_at IS NULL ORDER BY position, id LIMIT 1`).get(kind);
  if (!s) throw new Error(`No active stage of kind ${kind}: stages.ts keeps one of each.`);
  return s;
}

/** SQL for the kind of the stage a column holds (a stage key), for rules written as queries. */
export const kindOf = (column: string) => `(SELECT kind FROM stages WHERE key = ${column})`;

/** SQL condition: the stage a column holds is of an ended kind (ENDED_KINDS: rejected, withdrawn). */
export const endedStage = (column: string) => `${kindOf(column)} IN (${ENDED_KINDS.map((k) => `'${k}'`).join(', ')})`;

/** The application's date of applying starts when it leaves the not-applied stages, unless it was withdrawn before applying. */
export const datesApplication = (kind: StageKind) => kind !== 'planned' && kind !== 'withdrawn';
