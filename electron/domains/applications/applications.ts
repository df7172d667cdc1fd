import { asc, eq, sql } from 'drizzle-orm';
import { invalid, notFound } from '../../shared/errors';
import type { Ctx, Handlers } from '../../db/context';
import { undoable } from '../undo/undo';
import { deleteRow, insertRow, pick, prepare, tx, updateRow } from '../../db/sql';
import { applications, stageEvents } from '../../db/schema';
import type { MethodOutput, ParsedInput } from '../../api/contract';
import { companyIdFor } from '../companies/companies';
import { getSummary, listApplications } from './list';
import { boardColumns } from './board';
import { datesApplication, firstOfKind, requireStage, stageOf } from '../stages/rules';

export { getSummary, listApplications, listSql } from './list';
export { BOARD_PER_STAGE, boardColumns } from './board';

type Detail = MethodOutput<'applications.get'>;

/** "Designer at Acme", for undo labels. */
const titleOf = (s: { role: string; company: string }) => `${s.role} at ${s.company}`;

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
    .select({ id: stageEvents.id, fromStage: stageEvents.fromStage, toStage: stageEvents.toStage, fromName: stageEvents.fromName, toName: stageEvents.toName, at: stageEvents.at, note: stageEvents.note })
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

/**
 * Records a stage change as an event, with both stages' names as they are now (history keeps them when
 * a stage is renamed later). Refuses an unknown or archived stage. Call inside a transaction. Returns
 * false when nothing changed.
 */
export function changeStage(ctx: Ctx, id: number, stage: string, note: string | null = null): boolean {
  const current = stageById(ctx).get({ id });
  if (!current) throw notFound('Application', id);
  if (current.stage === stage) return false;
  const to = requireStage(ctx, stage);
  const now = ctx.clock.now();
  const appliedAt = current.appliedAt ?? (datesApplication(to.kind) ? now : null);
  updateRow(ctx, applications, id, { stage, stageChangedAt: now, appliedAt });
  const fromName = stageOf(ctx, current.stage)?.name ?? current.stage;
  insertRow(ctx, stageEvents, { applicationId: id, fromStage: current.stage, toStage: stage, fromName, toName: to.name, at: now, note });
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
  // Without a stage, the first not-applied stage (the built-in Wishlist unless the person changed it).
  const to = input.stage !== undefined ? requireStage(ctx, input.stage) : firstOfKind(ctx, 'planned');
  const stage = to.key;
  const appliedAt = input.appliedAt ?? (datesApplication(to.kind) ? now : null);
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
  insertRow(ctx, stageEvents, { applicationId: id, fromStage: null, toStage: stage, toName: to.name, at: stageAt });
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
    const { undo } = undoable(ctx, `Moved ${titleOf(getSummary(ctx, id))} to ${requireStage(ctx, stage).name}`, () => changeStage(ctx, id, stage, note));
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
