// Offers: what each letter says, recorded per application and read side by side. The totals are plain
// arithmetic (shared/offers.ts); nothing here ranks or recommends. A deadline keeps one reminder in step.
import type { Ctx, Handlers } from '../../db/context';
import { deleteRow, insertRow, rowExists, stmt, tx, updateRow } from '../../db/sql';
import { applications, offers, reminders } from '../../db/schema';
import type { OfferT } from '../../api/contract/offers';
import { invalid } from '../../shared/errors';
import { offerTotals } from '../../shared/offers';
import { formatDayInZone } from '../../shared/time';
import type { OfferSaveInput } from '../../shared/inputs/offers';
import { createReminder } from '../reminders/reminders';
import { getSettings } from '../settings/settings';
import { endedStage } from '../stages/rules';

const DAY = 86_400_000;
/** The reminder comes this long before the deadline, so there is time to ask questions and decide. */
const REMIND_BEFORE = 2 * DAY;

type OfferRow = Omit<OfferT, 'totals'>;

const OFFER_SELECT = `
SELECT o.id, o.application_id AS applicationId, co.name AS company, a.role, a.stage, o.currency,
       o.base_salary AS baseSalary, o.bonus, o.sign_on_bonus AS signOnBonus, o.equity_total AS equityTotal,
       o.vesting_years AS vestingYears, o.cliff_months AS cliffMonths, o.equity_notes AS equityNotes,
       o.benefits, o.start_date AS startDate, o.deadline_at AS deadlineAt, o.location, o.work_mode AS workMode,
       o.notes, o.reminder_id AS reminderId, o.created_at AS createdAt, o.updated_at AS updatedAt
FROM offers o
JOIN applications a ON a.id = o.application_id
JOIN companies co ON co.id = a.company_id`;

const withTotals = (row: OfferRow): OfferT => ({ ...row, totals: offerTotals(row) });

function offerFor(ctx: Ctx, applicationId: number): OfferT | null {
  const row = stmt<OfferRow>(ctx.sqlite, `${OFFER_SELECT} WHERE o.application_id = ?`).get(applicationId);
  return row ? withTotals(row) : null;
}

/** Creates, moves or removes the deadline's reminder so there is exactly one open one per deadline. */
function syncReminder(ctx: Ctx, offer: OfferT, previousDeadline: number | null | undefined): number | null {
  const open = offer.reminderId != null
    ? stmt<{ id: number; doneAt: number | null }>(ctx.sqlite, 'SELECT id, done_at AS doneAt FROM reminders WHERE id = ?').get(offer.reminderId)
    : undefined;
  if (offer.deadlineAt == null) {
    if (open && open.doneAt == null) deleteRow(ctx, reminders, open.id);
    return null;
  }
  // An unchanged deadline leaves the reminder as the person left it (done, snoozed).
  if (open && previousDeadline === offer.deadlineAt) return open.id;
  const zone = getSettings(ctx).timeZone;
  const title = `Answer ${offer.company}'s offer (${offer.role}) by ${formatDayInZone(offer.deadlineAt, zone)}`;
  const dueAt = Math.max(ctx.clock.now(), offer.deadlineAt - REMIND_BEFORE);
  if (open) {
    updateRow(ctx, reminders, open.id, { title, dueAt, doneAt: null });
    return open.id;
  }
  return createReminder(ctx, { title, dueAt, kind: 'custom', applicationId: offer.applicationId });
}

function save(ctx: Ctx, input: OfferSaveInput): OfferT {
  if (!rowExists(ctx, applications, input.applicationId)) throw invalid({ applicationId: 'That application no longer exists.' });
  const { applicationId, ...values } = input;
  const before = offerFor(ctx, applicationId);
  if (before) updateRow(ctx, offers, before.id, values);
  else insertRow(ctx, offers, { applicationId, ...values });
  const saved = offerFor(ctx, applicationId)!;
  const reminderId = syncReminder(ctx, saved, before?.deadlineAt);
  if (reminderId !== saved.reminderId) updateRow(ctx, offers, saved.id, { reminderId });
  return offerFor(ctx, applicationId)!;
}

export const offersHandlers: Handlers<'offers.list' | 'offers.get' | 'offers.save' | 'offers.delete'> = {
  'offers.list': (_input, ctx) => ({
    items: stmt<OfferRow>(
      ctx.sqlite,
      `${OFFER_SELECT} ORDER BY a.archived_at IS NOT NULL, ${endedStage('a.stage')}, o.deadline_at IS NULL, o.deadline_at, o.id`,
    )
      .all()
      .map(withTotals),
  }),
  'offers.get': ({ applicationId }, ctx) => offerFor(ctx, applicationId),
  'offers.save': (input, ctx) => tx(ctx, () => save(ctx, input)),
  'offers.delete': ({ applicationId }, ctx) =>
    tx(ctx, () => {
      const offer = offerFor(ctx, applicationId);
      if (offer) {
        syncReminder(ctx, { ...offer, deadlineAt: null }, offer.deadlineAt);
        deleteRow(ctx, offers, offer.id);
      }
      return { ok: true as const };
    }),
};
