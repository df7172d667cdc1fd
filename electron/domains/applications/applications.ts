import { asc, eq, sql } from 'drizzle-orm';
import { invalid, notFound } from '../../shared/errors';
import type { Ctx, Handlers } from '../../db/context';
import { undoable } from '../undo/undo';
import { deleteRow, insertRow, pick, prepare, stmt, tx, updateRow } from '../../db/sql';
import { applications, stageEvents } from '../../db/schema';
import type { MethodOutput, ParsedInput } from '../../api/contract';
import { STAGE_LABELS, STAGES } from '../../shared/domain';
import { companyIdFor } from '../companies/companies';
import { ftsQuery } from '../../db/fts';
import { COUNTS_AS_DUE } from '../interviews/obligations';

type Stage = (typeof STAGES)[number];
type Summary = MethodOutput<'applications.list'>['items'][number];
type Detail = MethodOutput<'applications.get'>;

/**
 * Summary columns; also used verbatim by the benchmark's raw-SQL baseline. Raw SQL: the pipeline
 * query (grouped due counts joined per card) is the hot path the benchmark measures.
 */
export const SUMMARY_SELECT = `
SELECT a.id, a.company_id AS companyId, c.name AS company, a.role, a.stage, a.stage_changed_at AS stageChangedAt,
       a.priority, a.location, a.archived_at AS archivedAt, a.created_at AS createdAt, a.updated_at AS updatedAt,
       coalesce(d.dueCount, 0) AS dueCount, coalesce(d.overdueCount, 0) AS overdueCount, d.nextDueAt AS nextDueAt,
       coalesce(d.dueThankYouCount, 0) AS dueThankYouCount, coalesce(f.inFlightCount, 0) AS inFlightCount
FROM applications a
JOIN companies c ON c.id = a.company_id
LEFT JOIN (
  SELECT n.application_id, count(*) AS dueCount, sum(n.due_at < @now) AS overdueCount, min(n.due_at) AS nextDueAt,
         sum(n.kind = 'thank_you') AS dueThankYouCount
  FROM notes n WHERE ${COUNTS_AS_DUE} AND n.application_id IS NOT NULL
  GROUP BY n.application_id
) d ON d.application_id = a.id
LEFT JOIN (
  SELECT application_id, count(*) AS inFlightCount FROM notes
  WHERE status IN ('written', 'addressed', 'stamped') AND application_id IS NOT NULL GROUP BY application_id
) f ON f.application_id = a.id`;

export function listSql(opts: { search: boolean; stages: boolean; includeArchived: boolean; limit: boolean }): string {
  const where: string[] = [];
  if (!opts.includeArchived) where.push('a.archived_at IS NULL');
  if (opts.stages) where.push('a.stage IN (SELECT value FROM json_each(@stages))');
  if (opts.search) where.push('a.id IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH @match)');
  return (
    SUMMARY_SELECT +
    (where.length ? `\nWHERE ${where.join(' AND ')}` : '') +
    '\nORDER BY a.stage_changed_at DESC, a.id DESC' +
    (opts.limit ? '\nLIMIT @limit' : '')
  );
}

export function listApplications(ctx: Ctx, input: ParsedInput<'applications.list'>): MethodOutput<'applications.list'> {
  const match = ftsQuery(input.search);
  if (input.search && !match) return { items: [], total: 0 };
  const stages = input.stages && input.stages.length > 0 ? JSON.stringify(input.stages) : null;
  const sql = listSql({ search: !!match, stages: !!stages, includeArchived: !!input.includeArchived, limit: !!input.limit });
  const params: Record<string, unknown> = { now: ctx.clock.now() };
  if (match) params.match = match;
  if (stages) params.stages = stages;
  if (input.limit) params.limit = input.limit;
  const items = stmt<Summary>(ctx.sqlite, sql).all(params);
  return { items, total: items.length };
}

/** Default cards per column on the board: enough for a real search, small enough to render at once. */
export const BOARD_PER_STAGE = 100;

export function boardColumns(ctx: Ctx, input: ParsedInput<'applications.board'>): MethodOutput<'applications.board'> {
  const match = ftsQuery(input.search);
  const visible = input.stages && input.stages.length > 0 ? input.stages : STAGES;
  if (input.search && !match) return { columns: visible.map((stage) => ({ stage, total: 0, items: [] })), total: 0 };
  const where: string[] = [];
  if (!input.includeArchived) where.push('archived_at IS NULL');
  if (match) where.push('id IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH @match)');
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const params: Record<string, unknown> = { now: ctx.clock.now(), perStage: input.perStage ?? BOARD_PER_STAGE };
  if (match) params.match = match;
  const countParams = match ? { match } : {};
  const totals = new Map(
    stmt<{ stage: Stage; n: number }>(ctx.sqlite, `SELECT stage, count(*) AS n FROM applications ${filter} GROUP BY stage`)
      .all(countParams)
      .map((r) => [r.stage, r.n]),
  );
  // One pass: rank within each stage, keep the top perStage, then the usual summary columns.
  const items = stmt<Summary>(
    ctx.sqlite,
    `${SUMMARY_SELECT}
     WHERE a.id IN (
       SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY stage ORDER BY stage_changed_at DESC, id DESC) AS rn FROM applications ${filter})
       WHERE rn <= @perStage)
     ORDER BY a.stage_changed_at DESC, a.id DESC`,
  ).all(params);
  const byStage = new Map<Stage, Summary[]>(STAGES.map((s) => [s, []]));
  for (const it of items) byStage.get(it.stage)!.push(it);
  const columns = visible.map((stage) => ({ stage, total: totals.get(stage) ?? 0, items: byStage.get(stage)! }));
  return { columns, total: columns.reduce((n, c) => n + c.total, 0) };
}

/** "Designer at Acme", for undo labels. */
const titleOf = (s: { role: string; company: string }) => `${s.role} at ${s.company}`;

export function getSummary(ctx: Ctx, id: number): Summary {
  const row = stmt<Summary>(ctx.sqlite, SUMMARY_SELECT + '\nWHERE a.id = @id').get({ id, now: ctx.clock.now() });
  if (!row) throw notFound('Application', id);
  return row;
}

const ID = sql.placeholder('id');
const detailById = prepare((db) =>
  db
    .select({
      postingUrl: applications.postingUrl,
      source: applications.source,
      salaryMin: applications.salaryMin,
      salaryMax: applications.salaryMax,
      salaryCurrency: applications.salaryCurrency,
      appliedAt: applications.appliedAt,
      deadlineAt: applications.deadlineAt,
      notes: applications.notes,
    })
    .from(applications)
    .where(eq(applications.id, ID))
    .prepare(),
);
const eventsOf = prepare((db) =>
  db
    .select({ id: stageEvents.id, fromStage: stageEvents.fromStage, toStage: stageEvents.toStage, at: stageEvents.at, note: stageEvents.note })
    .from(stageEvents)
    .where(eq(stageEvents.applicationId, ID))
    .orderBy(asc(stageEvents.at), asc(stageEvents.id))
    .prepare(),
);
const stageById = prepare((db) => db.select({ stage: applications.stage, appliedAt: applications.appliedAt }).from(applications).where(eq(applications.id, ID)).prepare());
const salaryById = prepare((db) => db.select({ min: applications.salaryMin, max: applications.salaryMax }).from(applications).where(eq(applications.id, ID)).prepare());

export function getApplication(ctx: Ctx, id: number): Detail {
  const summary = getSummary(ctx, id);
  const extra = detailById(ctx).get({ id })!;
  return { ...summary, ...extra, events: eventsOf(ctx).all({ id }) };
}

/** Records a stage change as an event. Call inside a transaction. Returns false when nothing changed. */
export function changeStage(ctx: Ctx, id: number, stage: Stage, note: string | null = null): boolean {
  const current = stageById(ctx).get({ id });
  if (!current) throw notFound('Application', id);
  if (current.stage === stage) return false;
  const now = ctx.clock.now();
  const appliedAt = current.appliedAt ?? (stage !== 'wishlist' && stage !== 'withdrawn' ? now : null);
  updateRow(ctx, applications, id, { stage, stageChangedAt: now, appliedAt });
  insertRow(ctx, stageEvents, { applicationId: id, fromStage: current.stage, toStage: stage, at: now, note });
  return true;
}

/** The fields applications.update may change, by their schema names. */
const EDITABLE = ['role', 'postingUrl', 'source', 'location', 'salaryMin', 'salaryMax', 'salaryCurrency', 'priority', 'appliedAt', 'deadlineAt', 'notes'] as const;

function checkSalary(ctx: Ctx, id: number, input: { salaryMin?: number | null; salaryMax?: number | null }) {
  if (input.salaryMin === undefined && input.salaryMax === undefined) return;
  const cur = salaryById(ctx).get({ id })!;
  const min = input.salaryMin === undefined ? cur.min : input.salaryMin;
  const max = input.salaryMax === undefined ? cur.max : input.salaryMax;
  if (min != null && max != null && min > max) {
    throw invalid({ salaryMax: 'Salary to must not be below Salary from.' });
  }
}

/**
 * Inserts an application as applications.create does: company found or created by name, first stage
 * event. Call inside a transaction. `stageAt` dates that first event (a CSV import's applied date).
 */
export function insertApplication(ctx: Ctx, input: ParsedInput<'applications.create'>, opts: { stageAt?: number } = {}): number {
  const now = ctx.clock.now();
  const stageAt = opts.stageAt ?? now;
  const companyId = companyIdFor(ctx, input.company);
  const stage = input.stage ?? 'wishlist';
  const appliedAt = input.appliedAt ?? (stage !== 'wishlist' && stage !== 'withdrawn' ? now : null);
  const id = insertRow(ctx, applications, {
    companyId,
    role: input.role,
    postingUrl: input.postingUrl ?? null,
    source: input.source ?? null,
    location: input.location ?? null,
    salaryMin: input.salaryMin ?? null,
    salaryMax: input.salaryMax ?? null,
    salaryCurrency: input.salaryCurrency ?? null,
    priority: input.priority ?? 'medium',
    stage,
    stageChangedAt: stageAt,
    appliedAt,
    deadlineAt: input.deadlineAt ?? null,
    notes: input.notes ?? null,
  });
  insertRow(ctx, stageEvents, { applicationId: id, fromStage: null, toStage: stage, at: stageAt });
  return id;
}

export const applicationsHandlers: Handlers<
  | 'applications.create'
  | 'applications.get'
  | 'applications.update'
  | 'applications.list'
  | 'applications.board'
  | 'applications.moveStage'
  | 'applications.archive'
  | 'applications.delete'
> = {
  'applications.create': (input, ctx) => {
    const id = tx(ctx, () => insertApplication(ctx, input));
    return getApplication(ctx, id);
  },

  'applications.get': ({ id }, ctx) => getApplication(ctx, id),

  'applications.update': (input, ctx) => {
    tx(ctx, () => {
      getSummary(ctx, input.id);
      checkSalary(ctx, input.id, input);
      updateRow(ctx, applications, input.id, { ...pick(input, EDITABLE), companyId: input.company !== undefined ? companyIdFor(ctx, input.company) : undefined });
    });
    return getApplication(ctx, input.id);
  },

  'applications.list': (input, ctx) => listApplications(ctx, input),
  'applications.board': (input, ctx) => boardColumns(ctx, input),

  'applications.moveStage': ({ id, stage, note }, ctx) => {
    const { undo } = undoable(ctx, `Moved ${titleOf(getSummary(ctx, id))} to ${STAGE_LABELS[stage]}`, () => changeStage(ctx, id, stage, note));
    return { ...getSummary(ctx, id), undo };
  },

  'applications.archive': ({ id, archived }, ctx) => {
    const { undo } = undoable(ctx, `${archived ? 'Archived' : 'Restored'} ${titleOf(getSummary(ctx, id))}`, () =>
      updateRow(ctx, applications, id, { archivedAt: archived ? ctx.clock.now() : null }),
    );
    return { ...getSummary(ctx, id), undo };
  },

  // Its stage history, interviews (with their participants), roles and reminders go with it; its
  // notes stay, unlinked. Undo puts all of it back (electron/domains/undo).
  'applications.delete': ({ id }, ctx) => {
    const { undo } = undoable(ctx, `Deleted ${titleOf(getSummary(ctx, id))}`, () => deleteRow(ctx, applications, id));
    return { ok: true as const, undo };
  },
};
