import { AppError, notFound } from '../../shared/errors';
import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx, updateFields } from '../../db/sql';
import type { MethodOutput, ParsedInput } from '../../api/contract';
import { STAGES } from '../../shared/domain';
import { companyIdFor } from '../companies/companies';
import { ftsQuery } from '../../db/fts';
import { COUNTS_AS_DUE } from '../interviews/obligations';

type Stage = (typeof STAGES)[number];
type Summary = MethodOutput<'applications.list'>['items'][number];
type Detail = MethodOutput<'applications.get'>;

/** Summary columns; also used verbatim by the benchmark's raw-SQL baseline. */
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

export function getSummary(ctx: Ctx, id: number): Summary {
  const row = stmt<Summary>(ctx.sqlite, SUMMARY_SELECT + '\nWHERE a.id = @id').get({ id, now: ctx.clock.now() });
  if (!row) throw notFound('Application', id);
  return row;
}

export function getApplication(ctx: Ctx, id: number): Detail {
  const summary = getSummary(ctx, id);
  const extra = stmt<Omit<Detail, keyof Summary | 'events'>>(
    ctx.sqlite,
    `SELECT posting_url AS postingUrl, source, salary_min AS salaryMin, salary_max AS salaryMax, salary_currency AS salaryCurrency,
            applied_at AS appliedAt, deadline_at AS deadlineAt, notes
     FROM applications WHERE id = ?`,
  ).get(id)!;
  const events = stmt<Detail['events'][number]>(
    ctx.sqlite,
    'SELECT id, from_stage AS fromStage, to_stage AS toStage, at, note FROM stage_events WHERE application_id = ? ORDER BY at, id',
  ).all(id);
  return { ...summary, ...extra, events };
}

/** Records a stage change as an event. Call inside a transaction. Returns false when nothing changed. */
export function changeStage(ctx: Ctx, id: number, stage: Stage, note: string | null = null): boolean {
  const current = stmt<{ stage: Stage; appliedAt: number | null }>(ctx.sqlite, 'SELECT stage, applied_at AS appliedAt FROM applications WHERE id = ?').get(id);
  if (!current) throw notFound('Application', id);
  if (current.stage === stage) return false;
  const now = ctx.clock.now();
  const appliedAt = current.appliedAt ?? (stage !== 'wishlist' && stage !== 'withdrawn' ? now : null);
  stmt(ctx.sqlite, 'UPDATE applications SET stage = ?, stage_changed_at = ?, applied_at = ?, updated_at = ? WHERE id = ?').run(stage, now, appliedAt, now, id);
  stmt(ctx.sqlite, 'INSERT INTO stage_events (application_id, from_stage, to_stage, at, note) VALUES (?, ?, ?, ?, ?)').run(id, current.stage, stage, now, note);
  return true;
}

const COLUMN: Record<string, string> = {
  role: 'role',
  postingUrl: 'posting_url',
  source: 'source',
  location: 'location',
  salaryMin: 'salary_min',
  salaryMax: 'salary_max',
  salaryCurrency: 'salary_currency',
  priority: 'priority',
  appliedAt: 'applied_at',
  deadlineAt: 'deadline_at',
  notes: 'notes',
};

function checkSalary(ctx: Ctx, id: number, input: { salaryMin?: number | null; salaryMax?: number | null }) {
  if (input.salaryMin === undefined && input.salaryMax === undefined) return;
  const cur = stmt<{ min: number | null; max: number | null }>(ctx.sqlite, 'SELECT salary_min AS min, salary_max AS max FROM applications WHERE id = ?').get(id)!;
  const min = input.salaryMin === undefined ? cur.min : input.salaryMin;
  const max = input.salaryMax === undefined ? cur.max : input.salaryMax;
  if (min != null && max != null && min > max) {
    throw new AppError('validation', 'Please correct: salaryMax.', { salaryMax: 'The maximum must not be below the minimum.' });
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
  const res = stmt(
    ctx.sqlite,
    `INSERT INTO applications (company_id, role, posting_url, source, location, salary_min, salary_max, salary_currency,
       priority, stage, stage_changed_at, applied_at, deadline_at, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    companyId,
    input.role,
    input.postingUrl ?? null,
    input.source ?? null,
    input.location ?? null,
    input.salaryMin ?? null,
    input.salaryMax ?? null,
    input.salaryCurrency ?? null,
    input.priority ?? 'medium',
    stage,
    stageAt,
    appliedAt,
    input.deadlineAt ?? null,
    input.notes ?? null,
    now,
    now,
  );
  const id = Number(res.lastInsertRowid);
  stmt(ctx.sqlite, 'INSERT INTO stage_events (application_id, from_stage, to_stage, at) VALUES (?, NULL, ?, ?)').run(id, stage, stageAt);
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
      updateFields(ctx, 'applications', input.id, input, COLUMN, input.company !== undefined ? { company_id: companyIdFor(ctx, input.company) } : {});
    });
    return getApplication(ctx, input.id);
  },

  'applications.list': (input, ctx) => listApplications(ctx, input),
  'applications.board': (input, ctx) => boardColumns(ctx, input),

  'applications.moveStage': ({ id, stage, note }, ctx) => {
    tx(ctx, () => changeStage(ctx, id, stage, note));
    return getSummary(ctx, id);
  },

  'applications.archive': ({ id, archived }, ctx) => {
    const now = ctx.clock.now();
    const res = stmt(ctx.sqlite, 'UPDATE applications SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? now : null, now, id);
    if (res.changes === 0) throw notFound('Application', id);
    return getSummary(ctx, id);
  },

  'applications.delete': ({ id }, ctx) => {
    const res = stmt(ctx.sqlite, 'DELETE FROM applications WHERE id = ?').run(id);
    if (res.changes === 0) throw notFound('Application', id);
    return { ok: true as const };
  },
};
