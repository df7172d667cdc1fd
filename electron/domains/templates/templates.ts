// Templates and merge data. The built-in texts live in shared/templates-builtin.ts (pure, so their merge
// is unit-tested beside the fitter).
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Ctx, Handlers } from '../../db/context';
import { deleteRow, insertRow, param, pick, prepare, stmt, tx, updateRow } from '../../db/sql';
import { notes, templates } from '../../db/schema';
import type { MethodOutput } from '../../api/contract';
import { AppError, notFound } from '../../shared/errors';
import type { Delivery, NameOrder, NoteKind } from '../../shared/domain';
import { renderTemplate, type MergeData } from '../../shared/merge';
import { greetingName } from '../../shared/names';
import { formatDayInZone } from '../../shared/time';
import { BUILT_IN_TEMPLATES } from '../../shared/templates-builtin';
import { getSettings } from '../settings/settings';

type Template = MethodOutput<'templates.create'>;

export { BUILT_IN_TEMPLATES };

const ID = sql.placeholder('id');
const builtInKeyed = prepare((db) =>
  db.select({ id: templates.id }).from(templates).where(eq(templates.builtInKey, sql.placeholder('key'))).prepare(),
);
const keyOf = prepare((db) => db.select({ key: templates.builtInKey }).from(templates).where(eq(templates.id, ID)).prepare());
const builtInFor = prepare((db) =>
  db
    .select({ id: templates.id })
    .from(templates)
    .where(and(eq(templates.builtIn, true), eq(templates.kind, sql.placeholder('kind'))))
    .orderBy(desc(sql`${templates.delivery} = ${sql.placeholder('delivery')}`), asc(templates.id))
    .limit(1)
    .prepare(),
);
const wordsById = prepare((db) => db.select({ subject: templates.subject, body: templates.body }).from(templates).where(eq(templates.id, ID)).prepare());
const noteIds = prepare((db) =>
  db.select({ contactId: notes.contactId, applicationId: notes.applicationId, interviewId: notes.interviewId }).from(notes).where(eq(notes.id, ID)).prepare(),
);
const TEMPLATE_COLUMNS = {
  id: templates.id,
  kind: templates.kind,
  delivery: templates.delivery,
  name: templates.name,
  subject: templates.subject,
  body: templates.body,
  builtIn: templates.builtIn,
  updatedAt: templates.updatedAt,
};
const templateById = prepare((db) => db.select(TEMPLATE_COLUMNS).from(templates).where(eq(templates.id, ID)).prepare());
const templateList = prepare((db) =>
  db
    .select(TEMPLATE_COLUMNS)
    .from(templates)
    .where(or(isNull(param('kind')), eq(templates.kind, param('kind'))))
    .orderBy(desc(templates.builtIn), asc(templates.kind), sql`${templates.name} COLLATE NOCASE`, asc(templates.id))
    .prepare(),
);

/** The fields templates.update may change, by their schema names. */
const EDITABLE = ['kind', 'delivery', 'name', 'subject', 'body'] as const;

/** Adds any built-in template that is missing (by its stable key); never overwrites the user's edits. */
export function seedTemplates(ctx: Ctx) {
  tx(ctx, () => {
    for (const { key, ...t } of BUILT_IN_TEMPLATES) {
      if (!builtInKeyed(ctx).get({ key })) insertRow(ctx, templates, { ...t, builtIn: true, builtInKey: key });
    }
  });
}

/** The built-in template for a kind and delivery (falling back to the kind's email template). */
export function builtInTemplateId(ctx: Ctx, kind: NoteKind, delivery: Delivery): number | null {
  return builtInFor(ctx).get({ kind, delivery })?.id ?? null;
}

/** Everything a template can say about this recipient, application and interview. */
export function mergeData(ctx: Ctx, ids: { contactId?: number | null; applicationId?: number | null; interviewId?: number | null }): MergeData {
  // Raw SQL below: each lookup joins or reads a handful of columns across tables for the merge fields.
  const settings = getSettings(ctx);
  const data: MergeData = { profile: { name: settings.profile.name, signature: settings.profile.signature ?? settings.profile.name } };
  if (ids.contactId) {
    const c = stmt<{ name: string; givenName: string | null; familyName: string | null; nameOrder: NameOrder; title: string | null; company: string | null }>(
      ctx.sqlite,
      `SELECT c.name, c.given_name AS givenName, c.family_name AS familyName, c.name_order AS nameOrder, c.title, co.name AS company
       FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = ?`,
    ).get(ids.contactId);
    if (c) {
      // The greeting's name: the given name, or the whole name when it is written family first (shared/names.ts).
      data.contact = { name: c.name, firstName: greetingName(c), title: c.title };
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
      // The other people in the room: a value that starts with one of their names keeps its capital.
      data.names = stmt<{ name: string }>(
        ctx.sqlite,
        'SELECT c.name FROM interview_participants ip JOIN contacts c ON c.id = ip.contact_id WHERE ip.interview_id = ? AND ip.contact_id IS NOT ? ORDER BY c.name, c.id',
      )
        .all(ids.interviewId, ids.contactId ?? null)
        .map((r) => r.name);
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
  const t = wordsById(ctx).get({ id: templateId });
  if (!t) throw notFound('Template', templateId);
  const data = mergeData(ctx, ids);
  const body = renderTemplate(t.body, data);
  return { subject: t.subject === null ? null : renderTemplate(t.subject, data).text, body: body.text, unfilled: body.unfilled };
}

/** Fills a note's subject and body from a template. Call inside a transaction. */
export function applyTemplateToNote(ctx: Ctx, noteId: number, templateId: number) {
  const n = noteIds(ctx).get({ id: noteId });
  if (!n) throw notFound('Note', noteId);
  const r = renderFor(ctx, templateId, n);
  updateRow(ctx, notes, noteId, { subject: r.subject, body: r.body, templateId });
}

function getTemplate(ctx: Ctx, id: number): Template {
  const row = templateById(ctx).get({ id });
  if (!row) throw notFound('Template', id);
  return row;
}

export const templatesHandlers: Handlers<'templates.list' | 'templates.create' | 'templates.update' | 'templates.reset' | 'templates.delete' | 'templates.render'> = {
  'templates.list': ({ kind }, ctx) => ({ items: templateList(ctx).all({ kind: kind ?? null }) }),
  'templates.create': (input, ctx) => {
    const id = insertRow(ctx, templates, { kind: input.kind, delivery: input.delivery, name: input.name, subject: input.subject ?? null, body: input.body, builtIn: false });
    return getTemplate(ctx, id);
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
    updateRow(ctx, templates, input.id, pick(input, EDITABLE));
    return getTemplate(ctx, input.id);
  },
  'templates.reset': ({ id }, ctx) => {
    const current = getTemplate(ctx, id);
    const key = current.builtIn ? keyOf(ctx).get({ id })?.key : null;
    const original = BUILT_IN_TEMPLATES.find((t) => key != null && t.key === key);
    if (!original) throw new AppError('conflict', 'Only built-in templates can be reset to their original words.');
    updateRow(ctx, templates, id, { subject: original.subject, body: original.body });
    return getTemplate(ctx, id);
  },
  'templates.delete': ({ id }, ctx) => {
    if (getTemplate(ctx, id).builtIn) throw new AppError('conflict', 'Built-in templates can be edited but not deleted.');
    deleteRow(ctx, templates, id);
    return { ok: true as const };
  },
  'templates.render': ({ templateId, ...ids }, ctx) => renderFor(ctx, templateId, ids),
};
