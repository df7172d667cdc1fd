// Templates and merge data. The built-in texts live in shared/templates-builtin.ts (pure, so their merge
// is unit-tested beside the fitter).
import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx, updateFields } from '../../db/sql';
import type { MethodOutput } from '../../api/contract';
import { AppError, notFound } from '../../shared/errors';
import type { Delivery, NoteKind } from '../../shared/domain';
import { firstNameOf, renderTemplate, type MergeData } from '../../shared/merge';
import { formatDayInZone } from '../../shared/time';
import { BUILT_IN_TEMPLATES } from '../../shared/templates-builtin';
import { getSettings } from '../settings/settings';

type Template = MethodOutput<'templates.create'>;

export { BUILT_IN_TEMPLATES };

/** Adds any built-in template that is missing (by name); never overwrites the user's edits. */
export function seedTemplates(ctx: Ctx) {
  tx(ctx, () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const exists = stmt(ctx.sqlite, 'SELECT 1 FROM templates WHERE built_in = 1 AND name = ?').get(t.name);
      if (!exists) {
        stmt(ctx.sqlite, 'INSERT INTO templates (kind, delivery, name, subject, body, built_in) VALUES (?, ?, ?, ?, ?, 1)').run(t.kind, t.delivery, t.name, t.subject, t.body);
      }
    }
  });
}

/** The built-in template for a kind and delivery (falling back to the kind's email template). */
export function builtInTemplateId(ctx: Ctx, kind: NoteKind, delivery: Delivery): number | null {
  const row = stmt<{ id: number }>(
    ctx.sqlite,
    'SELECT id FROM templates WHERE built_in = 1 AND kind = ? ORDER BY (delivery = ?) DESC, id LIMIT 1',
  ).get(kind, delivery);
  return row?.id ?? null;
}

/** Everything a template can say about this recipient, application and interview. */
export function mergeData(ctx: Ctx, ids: { contactId?: number | null; applicationId?: number | null; interviewId?: number | null }): MergeData {
  const settings = getSettings(ctx);
  const data: MergeData = { profile: { name: settings.profile.name, signature: settings.profile.signature ?? settings.profile.name } };
  if (ids.contactId) {
    const c = stmt<{ name: string; title: string | null; company: string | null }>(
      ctx.sqlite,
      'SELECT c.name, c.title, co.name AS company FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = ?',
    ).get(ids.contactId);
    if (c) {
      data.contact = { name: c.name, firstName: firstNameOf(c.name), title: c.title };
      data.company = { name: c.company };
    }
  }
  let applicationId = ids.applicationId ?? null;
  if (ids.interviewId) {
    const i = stmt<{ applicationId: number; startAt: number; timeZone: string; topics: string | null; challenge: string | null; lookingFor: string | null; promises: string | null }>(
      ctx.sqlite,
      `SELECT application_id AS applicationId, start_at AS startAt, time_zone AS timeZone, topics, challenge, looking_for AS lookingFor, promises
       FROM interviews WHERE id = ?`,
    ).get(ids.interviewId);
    if (i) {
      applicationId ??= i.applicationId;
      data.interview = { date: formatDayInZone(i.startAt, i.timeZone), topics: i.topics, challenge: i.challenge, lookingFor: i.lookingFor, promises: i.promises };
      if (ids.contactId) {
        const p = stmt<{ talkedAbout: string | null }>(ctx.sqlite, 'SELECT talked_about AS talkedAbout FROM interview_participants WHERE interview_id = ? AND contact_id = ?').get(
          ids.interviewId,
          ids.contactId,
        );
        data.participant = { talkedAbout: p?.talkedAbout ?? null };
      }
    }
  }
  if (applicationId) {
    const a = stmt<{ role: string; company: string }>(ctx.sqlite, 'SELECT a.role, co.name AS company FROM applications a JOIN companies co ON co.id = a.company_id WHERE a.id = ?').get(
      applicationId,
    );
    if (a) {
      data.application = { role: a.role };
      data.company = { name: a.company };
    }
  }
  return data;
}

export function renderFor(ctx: Ctx, templateId: number, ids: { contactId?: number | null; applicationId?: number | null; interviewId?: number | null }) {
  const t = stmt<{ subject: string | null; body: string }>(ctx.sqlite, 'SELECT subject, body FROM templates WHERE id = ?').get(templateId);
  if (!t) throw notFound('Template', templateId);
  const data = mergeData(ctx, ids);
  const body = renderTemplate(t.body, data);
  return { subject: t.subject === null ? null : renderTemplate(t.subject, data).text, body: body.text, unfilled: body.unfilled };
}

/** Fills a note's subject and body from a template. Call inside a transaction. */
export function applyTemplateToNote(ctx: Ctx, noteId: number, templateId: number) {
  const n = stmt<{ contactId: number | null; applicationId: number | null; interviewId: number | null }>(
    ctx.sqlite,
    'SELECT contact_id AS contactId, application_id AS applicationId, interview_id AS interviewId FROM notes WHERE id = ?',
  ).get(noteId);
  if (!n) throw notFound('Note', noteId);
  const r = renderFor(ctx, templateId, n);
  stmt(ctx.sqlite, 'UPDATE notes SET subject = ?, body = ?, template_id = ?, updated_at = ? WHERE id = ?').run(r.subject, r.body, templateId, ctx.clock.now(), noteId);
}

const TEMPLATE_SELECT = 'SELECT id, kind, delivery, name, subject, body, built_in AS builtIn, updated_at AS updatedAt FROM templates';
function getTemplate(ctx: Ctx, id: number): Template {
  const row = stmt<Omit<Template, 'builtIn'> & { builtIn: number }>(ctx.sqlite, `${TEMPLATE_SELECT} WHERE id = ?`).get(id);
  if (!row) throw notFound('Template', id);
  return { ...row, builtIn: !!row.builtIn };
}

export const templatesHandlers: Handlers<'templates.list' | 'templates.create' | 'templates.update' | 'templates.reset' | 'templates.delete' | 'templates.render'> = {
  'templates.list': ({ kind }, ctx) => {
    const rows = stmt<Omit<Template, 'builtIn'> & { builtIn: number }>(
      ctx.sqlite,
      `${TEMPLATE_SELECT} WHERE (@kind IS NULL OR kind = @kind) ORDER BY built_in DESC, kind, name COLLATE NOCASE`,
    ).all({ kind: kind ?? null });
    return { items: rows.map((r) => ({ ...r, builtIn: !!r.builtIn })) };
  },
  'templates.create': (input, ctx) => {
    const now = ctx.clock.now();
    const res = stmt(ctx.sqlite, 'INSERT INTO templates (kind, delivery, name, subject, body, built_in, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)').run(
      input.kind,
      input.delivery,
      input.name,
      input.subject ?? null,
      input.body,
      now,
      now,
    );
    return getTemplate(ctx, Number(res.lastInsertRowid));
  },
  'templates.update': (input, ctx) => {
    const current = getTemplate(ctx, input.id);
    if (current.builtIn) {
      // A built-in is known by its name, kind and delivery (start-up re-adds any missing one, and the
      // composer picks defaults by kind and delivery): its words can change, its identity cannot.
      const fields: Record<string, string> = {};
      if (input.name !== undefined && input.name !== current.name) fields.name = 'A built-in template keeps its name; duplicate it to make your own.';
      if (input.kind !== undefined && input.kind !== current.kind) fields.kind = 'A built-in template keeps its kind; duplicate it to make your own.';
      if (input.delivery !== undefined && input.delivery !== current.delivery) fields.delivery = 'A built-in template keeps its delivery; duplicate it to make your own.';
      if (Object.keys(fields).length) throw new AppError('validation', 'Built-in templates can be reworded, not renamed or repurposed.', fields);
    }
    updateFields(ctx, 'templates', input.id, input, { kind: 'kind', delivery: 'delivery', name: 'name', subject: 'subject', body: 'body' });
    return getTemplate(ctx, input.id);
  },
  'templates.reset': ({ id }, ctx) => {
    const current = getTemplate(ctx, id);
    const original = BUILT_IN_TEMPLATES.find((t) => current.builtIn && t.name === current.name);
    if (!original) throw new AppError('conflict', 'Only built-in templates can be reset to their original words.');
    updateFields(ctx, 'templates', id, { subject: original.subject, body: original.body }, { subject: 'subject', body: 'body' });
    return getTemplate(ctx, id);
  },
  'templates.delete': ({ id }, ctx) => {
    if (getTemplate(ctx, id).builtIn) throw new AppError('conflict', 'Built-in templates can be edited but not deleted.');
    stmt(ctx.sqlite, 'DELETE FROM templates WHERE id = ?').run(id);
    return { ok: true as const };
  },
  'templates.render': ({ templateId, ...ids }, ctx) => renderFor(ctx, templateId, ids),
};
