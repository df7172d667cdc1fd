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
/** Where a count on Today stops (the screen says "1,000+"). */
export const COUNT_CAP = 1000;

export const todayHandlers: Handlers<'today.get'> = {
  'today.get': (_input, ctx) => {
    const now = ctx.clock.now();
    const { timeZone } = getSettings(ctx);
    const { start, end } = dayBounds(now, timeZone);
    // Lists are capped (a large book can have thousands of old drafts); counts are exact up to COUNT_CAP.
    const overdueWhere = `${COUNTS_AS_DUE} AND n.due_at < @now`;
    const dueSoonWhere = `${COUNTS_AS_DUE} AND n.due_at >= @now AND n.due_at < @soon`;
    const debriefWhere = 'i.end_at <= @now AND i.end_at > @since AND i.debriefed_at IS NULL';
    const p = { now, soon: now + DUE_SOON, since: now - DEBRIEF_WINDOW };
    // Each list picks its ids first (an index walk stopped at LIST_CAP), then reads those rows: with the
    // summary's joins in the same query as the walk, SQLite built them for rows it then dropped.
    const notesFirst = (where: string, params: Record<string, unknown>, order: string) =>
      noteSummaries(ctx, `n.id IN (SELECT n.id FROM notes n WHERE ${where} ORDER BY ${order} LIMIT ${LIST_CAP})`, params, order);
    const interviewsFirst = (where: string, params: Record<string, unknown>, order: string) =>
      interviewSummaries(ctx, `i.id IN (SELECT i.id FROM interviews i WHERE ${where} ORDER BY ${order} LIMIT ${LIST_CAP})`, params, order);
    const overdue = notesFirst(overdueWhere, p, 'n.due_at DESC, n.id DESC');
    const dueSoon = notesFirst(dueSoonWhere, p, 'n.due_at, n.id');
    // Two indexed lookups rather than one OR that would scan every note.
    const inProgress = [
      ...noteSummaries(ctx, "n.status IN ('written', 'addressed', 'stamped')", {}, `n.updated_at DESC, n.id DESC LIMIT ${LIST_CAP}`),
      ...noteSummaries(ctx, "n.status = 'mailed' AND n.expected_arrival_at > @now", { now }, `n.expected_arrival_at, n.id LIMIT ${LIST_CAP}`),
    ];
    // Interviews last at most a day (validated), so a lower bound on start keeps this an index range;
    // interviews_start_end holds end_at, so yesterday's finished ones are passed over in the index.
    const todayWhere = 'i.start_at >= @from AND i.start_at < @end AND i.end_at >= @start';
    const dayParams = { from: start - DAY, start, end };
    const interviewsToday = interviewsFirst(todayWhere, dayParams, 'i.start_at, i.id');
    const upcomingInterviews = interviewsFirst('i.start_at >= @end AND i.start_at < @until', { end, until: now + UPCOMING }, 'i.start_at, i.id');
    const needsDebrief = interviewsFirst(debriefWhere, p, 'i.end_at DESC, i.id DESC');
    // Each count stops at COUNT_CAP + 1 rows (the screen then says "1,000+"): an exact count visits every
    // match, and a large book holds tens of thousands of overdue drafts or undebriefed interviews.
    const count = (from: string, where: string, params: Record<string, unknown>) => {
      const n = stmt<{ n: number }>(ctx.sqlite, `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${COUNT_CAP + 1})`).get(params)!.n;
      return { n: Math.min(n, COUNT_CAP), more: n > COUNT_CAP };
    };
    // The due counts read the drafts' own index, which holds the copies of the interview's end and the
    // application's ended stage the rule reads, so no draft costs a lookup; never the notes' rows, which
    // the planner would otherwise pick through notes_due.
    const drafts = 'notes n INDEXED BY notes_open_drafts_due';
    const c = {
      overdue: count(drafts, `${COUNTS_AS_DUE_FROM_COPIES} AND n.due_at < @now`, p),
      dueSoon: count(drafts, `${COUNTS_AS_DUE_FROM_COPIES} AND n.due_at >= @now AND n.due_at < @soon`, p),
      needsDebrief: count('interviews i', debriefWhere, p),
      interviewsToday: count('interviews i', todayWhere, dayParams),
    };
    const counts = { overdue: c.overdue.n, dueSoon: c.dueSoon.n, needsDebrief: c.needsDebrief.n, interviewsToday: c.interviewsToday.n };
    const more = { overdue: c.overdue.more, dueSoon: c.dueSoon.more, needsDebrief: c.needsDebrief.more, interviewsToday: c.interviewsToday.more };

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
    return { now, counts, more, overdue, dueSoon, inProgress, interviewsToday, upcomingInterviews, needsDebrief, missingDetails, reminders, lowStock: low };
  },
};
