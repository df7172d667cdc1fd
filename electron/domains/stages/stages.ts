// The person's own stages: rename, reorder, add and archive. A stage is never deleted (its key stays in
// old history and old exports); archiving hides it and moves the applications in it elsewhere, each
// move recorded in the application's history like any other.
import { randomBytes } from 'node:crypto';
import { STAGE_KIND_LABELS, type StageKind } from '../../shared/domain';
import { invalid } from '../../shared/errors';
import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx } from '../../db/sql';
import { changeStage } from '../applications/applications';
import { activeStages, allStages, requireStage, stageOf, type StageInfo } from './rules';

/** "Take-home" → "take-home-3f9a1c": readable in an export, unique whatever the name becomes later. */
function newKey(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30);
  return `${slug || 'stage'}-${randomBytes(3).toString('hex')}`;
}

/** Whether an active stage other than `except` is called `name` (names are unique among active stages). */
function nameTaken(ctx: Ctx, name: string, except?: string): boolean {
  const taken = stmt<{ key: string }>(ctx.sqlite, 'SELECT key FROM stages WHERE name = ? COLLATE NOCASE AND archived_at IS NULL').get(name);
  return !!taken && taken.key !== except;
}

function checkNameFree(ctx: Ctx, name: string, except?: string) {
  if (nameTaken(ctx, name, except)) throw invalid({ name: `A stage called “${name}” already exists.` });
}

/**
 * Each kind keeps at least one active stage, so every rule has a stage to act on: new applications
 * start in a not-applied stage, an interview moves an application to an interview stage, the rejection
 * dialog needs a rejected stage, and so on. Refuses taking `s` out of its kind (archiving it, or giving
 * it another kind) when it is the last one.
 */
function checkNotLastOfKind(ctx: Ctx, s: StageInfo, field: string) {
  const others = activeStages(ctx).filter((o) => o.kind === s.kind && o.key !== s.key);
  if (others.length === 0) {
    throw invalid({ [field]: `“${s.name}” is the only ${STAGE_KIND_LABELS[s.kind].toLowerCase()} stage; add another of that kind first.` });
  }
}

const active = (ctx: Ctx, key: string, field = 'key') => {
  const s = requireStage(ctx, key, field);
  return s;
};

export const stagesHandlers: Handlers<'stages.list' | 'stages.create' | 'stages.update' | 'stages.reorder' | 'stages.archive' | 'stages.restore'> = {
  'stages.list': (_input, ctx) => ({ items: allStages(ctx) }),

  'stages.create': ({ name, kind }, ctx) => {
    const key = tx(ctx, () => {
      checkNameFree(ctx, name);
      const position = stmt<{ p: number }>(ctx.sqlite, 'SELECT coalesce(max(position), 0) + 1 AS p FROM stages').get()!.p;
      const key = newKey(name);
      stmt(ctx.sqlite, 'INSERT INTO stages (key, name, kind, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(key, name, kind, position, ctx.clock.now(), ctx.clock.now());
      return key;
    });
    return stageOf(ctx, key)!;
  },

  'stages.update': ({ key, name, kind }, ctx) => {
    tx(ctx, () => {
      const s = active(ctx, key);
      if (name !== undefined) checkNameFree(ctx, name, key);
      if (kind !== undefined && kind !== s.kind) checkNotLastOfKind(ctx, s, 'kind');
      stmt(ctx.sqlite, 'UPDATE stages SET name = ?, kind = ?, updated_at = ? WHERE key = ?').run(name ?? s.name, (kind ?? s.kind) satisfies StageKind, ctx.clock.now(), key);
    });
    return stageOf(ctx, key)!;
  },

  'stages.reorder': ({ keys }, ctx) => {
    tx(ctx, () => {
      const current = activeStages(ctx).map((s) => s.key);
      const unknown = keys.find((k) => !current.includes(k));
      if (unknown !== undefined) requireStage(ctx, unknown, 'keys');
      if (new Set(keys).size !== keys.length || keys.length !== current.length) {
        throw invalid({ keys: 'List every active stage exactly once.' });
      }
      const now = ctx.clock.now();
      keys.forEach((k, i) => stmt(ctx.sqlite, 'UPDATE stages SET position = ?, updated_at = ? WHERE key = ?').run(i + 1, now, k));
    });
    return { items: allStages(ctx) };
  },

  'stages.archive': ({ key, moveTo }, ctx) =>
    tx(ctx, () => {
      const s = active(ctx, key);
      checkNotLastOfKind(ctx, s, 'key');
      // Archived applications move too: no application is left in a stage nobody can see or choose.
      const ids = stmt<{ id: number }>(ctx.sqlite, 'SELECT id FROM applications WHERE stage = ? ORDER BY id').all(key).map((r) => r.id);
      if (ids.length > 0) {
        if (moveTo === undefined) {
          const n = ids.length === 1 ? '1 application is' : `${ids.length} applications are`;
          throw invalid({ moveTo: `${n} in “${s.name}”: choose the stage to move them to.` });
        }
        const target = requireStage(ctx, moveTo, 'moveTo');
        if (target.key === key) throw invalid({ moveTo: 'Choose another stage than the one being archived.' });
        for (const id of ids) changeStage(ctx, id, target.key, `“${s.name}” was archived`);
      }
      stmt(ctx.sqlite, 'UPDATE stages SET archived_at = ?, updated_at = ? WHERE key = ?').run(ctx.clock.now(), ctx.clock.now(), key);
      return { ok: true as const, moved: ids.length };
    }),

  // Archiving is not a one-way door. The stage comes back empty, at the end of the board: the moves made
  // when it was archived are history like any other, and moving applications back is the person's call.
  'stages.restore': ({ key }, ctx) => {
    tx(ctx, () => {
      const s = stageOf(ctx, key);
      if (!s) throw invalid({ key: 'That stage no longer exists; choose another.' });
      if (s.archivedAt === null) throw invalid({ key: `“${s.name}” is not archived.` });
      if (nameTaken(ctx, s.name)) throw invalid({ key: `A stage called “${s.name}” is already on the board; rename that one first.` });
      const position = stmt<{ p: number }>(ctx.sqlite, 'SELECT coalesce(max(position), 0) + 1 AS p FROM stages WHERE archived_at IS NULL').get()!.p;
      stmt(ctx.sqlite, 'UPDATE stages SET archived_at = NULL, position = ?, updated_at = ? WHERE key = ?').run(position, ctx.clock.now(), key);
    });
    return stageOf(ctx, key)!;
  },
};
