import type { Handlers } from '../../db/context';
import { stmt } from '../../db/sql';
import { dayBounds } from '../../shared/time';
import { interviewSummaries } from '../interviews/interviews';
import { noteSummaries } from '../notes/records';
import { COUNTS_AS_DUE, COUNTS_AS_DUE_FROM_COPIES } from '../interviews/obligations';
import { getSettings } from '../settings/settings';
import { lowStock } from '../stationery/ledger';

const DAY = 86_400_000;
/** How far ahead "due soon" looks. */
const DUE_SOON = 2 * DAY;
const UPCOMING = 14 * DAY;
/** Interviews older than this without a debrief are no longer nagged about. */
const DEBRIEF_WINDOW = 30 * DAY;
const LIST_CAP = 50;

export const todayHandlers: Handlers<'today.get'> = {
  'today.get': (_input, ctx) => {
    const now = ctx.clock.now();
    const { timeZone } = getSettings(ctx);
    const { start, end } = dayBounds(now, timeZone);
    // Lists are capped (a large book can have thousands of old drafts); counts stay exact.
    const overdueWhere = `${COUNTS_AS_DUE} AND n.due_at < @now`;
    const dueSoonWhere = `${COUNTS_AS_DUE} AND n.due_at >= @now AND n.due_at < @soon`;
    const debriefWhere = 'i.end_at <= @now AND i.end_at > @since AND i.debriefed_at IS NULL';
    const p = { now, soon: now + DUE_SOON, since: now - DEBRIEF_WINDOW };
    const overdue = noteSummaries(ctx, overdueWhere, p, `n.due_at DESC, n.id DESC LIMIT ${LIST_CAP}`);
    const dueSoon = noteSummaries(ctx, dueSoonWhere, p, `n.due_at, n.id LIMIT ${LIST_CAP}`);
    // Two indexed lookups rather than one OR that would scan every note.
    const inProgress = [
      ...noteSummaries(ctx, "n.status IN ('written', 'addressed', 'stamped')", {}, `n.updated_at DESC, n.id DESC LIMIT ${LIST_CAP}`),
      ...noteSummaries(ctx, "n.status = 'mailed' AND n.expected_arrival_at > @now", { now }, `n.expected_arrival_at, n.id LIMIT ${LIST_CAP}`),
    ];
    // Interviews last at most a day (validated), so a lower bound on start keeps this an index range.
    const interviewsToday = interviewSummaries(ctx, 'i.start_at >= @from AND i.start_at < @end AND i.end_at >= @start', { from: start - DAY, start, end }, `i.start_at, i.id LIMIT ${LIST_CAP}`);
    const upcomingInterviews = interviewSummaries(ctx, 'i.start_at >= @end AND i.start_at < @until', { end, until: now + UPCOMING }, `i.start_at, i.id LIMIT ${LIST_CAP}`);
    const needsDebrief = interviewSummaries(ctx, debriefWhere, p, `i.end_at DESC, i.id DESC LIMIT ${LIST_CAP}`);
    const count = (sql: string) => stmt<{ n: number }>(ctx.sqlite, sql).get(p)!.n;
    // The counts visit every due draft (tens of thousands in a large book): from the drafts' own index,
    // which holds the copies of the interview's end and the application's ended stage the rule reads, so
    // no draft costs a lookup; never the notes' rows, which the planner would otherwise pick through notes_due.
    const counts = {
      overdue: count(`SELECT count(*) AS n FROM notes n INDEXED BY notes_open_drafts_due WHERE ${COUNTS_AS_DUE_FROM_COPIES} AND n.due_at < @now`),
      dueSoon: count(`SELECT count(*) AS n FROM notes n INDEXED BY notes_open_drafts_due WHERE ${COUNTS_AS_DUE_FROM_COPIES} AND n.due_at >= @now AND n.due_at < @soon`),
      needsDebrief: count(`SELECT count(*) AS n FROM interviews i WHERE ${debriefWhere}`),
    };

    // A due note that cannot go out: an email without an address, a card without a postal address.
    const missingDetails = [...overdue, ...dueSoon]
      .filter((n) => n.contactId !== null && (n.delivery === 'email' ? !n.recipientEmail : !n.recipientHasAddress))
      .map((n) => ({
        contactId: n.contactId!,
        name: n.recipientName ?? 'Unknown',
        noteId: n.id,
        kind: n.kind,
        delivery: n.delivery,
        missing: n.delivery === 'email' ? ('email' as const) : ('address' as const),
        dueAt: n.dueAt,
      }));
    const reminders = stmt<{ id: number; kind: string; title: string; dueAt: number; applicationId: number | null; contactId: number | null }>(
      ctx.sqlite,
      `SELECT id, kind, title, due_at AS dueAt, application_id AS applicationId, contact_id AS contactId
       FROM reminders WHERE done_at IS NULL AND due_at < ? ORDER BY due_at, id`,
    ).all(end);
    const low = lowStock(ctx).map(({ id, kind, name, onHand, lowStockThreshold }) => ({ id, kind, name, onHand, lowStockThreshold }));
    return { now, counts, overdue, dueSoon, inProgress, interviewsToday, upcomingInterviews, needsDebrief, missingDetails, reminders, lowStock: low };
  },
};
