import { z } from 'zod';
import { NOTE_KINDS, STATIONERY_KINDS } from '../../shared/domain';
import { method } from '../define';
import { InterviewSummary, NoteSummary } from './shapes';

export const todayContract = {
  'today.firstRun': method(
    'The first-run checklist, each step done or not by what the database holds: profile (name, return address, signature), a first application, a first interview.',
    z.object({}),
    z.object({
      profile: z.object({ name: z.boolean(), returnAddress: z.boolean(), signature: z.boolean() }),
      application: z.boolean(),
      interview: z.boolean(),
      /** Every step done. */
      complete: z.boolean(),
      /** The person closed the checklist (settings.firstRunDismissed). */
      dismissed: z.boolean(),
    }),
  ),
  'today.get': method(
    'The home screen: overdue and due-soon notes, cards on their way, interviews today and upcoming, missing debriefs, missing contact details, due reminders, low stock.',
    z.object({}),
    z.object({
      now: z.number(),
      /** Totals, exact up to 1,000 (a count stops there); the lists below show at most 50 each. */
      counts: z.object({ overdue: z.number(), dueSoon: z.number(), needsDebrief: z.number(), interviewsToday: z.number() }),
      /** Per count: there are more than it says (it stopped at 1,000; the screen says "1,000+"). */
      more: z.object({ overdue: z.boolean(), dueSoon: z.boolean(), needsDebrief: z.boolean(), interviewsToday: z.boolean() }),
      overdue: z.array(NoteSummary),
      dueSoon: z.array(NoteSummary),
      /** Handwritten cards written but not mailed yet, and emails/cards on their way. */
      inProgress: z.array(NoteSummary),
      interviewsToday: z.array(InterviewSummary),
      upcomingInterviews: z.array(InterviewSummary),
      needsDebrief: z.array(InterviewSummary),
      missingDetails: z.array(
        z.object({
          contactId: z.number(),
          name: z.string(),
          noteId: z.number(),
          /** Which note needs the detail (after a rejection: the gracious note, not an earlier thank-you). */
          kind: z.enum(NOTE_KINDS),
          delivery: z.enum(['email', 'handwritten']),
          missing: z.enum(['email', 'address']),
          dueAt: z.number().nullable(),
        }),
      ),
      reminders: z.array(
        z.object({ id: z.number(), kind: z.string(), title: z.string(), dueAt: z.number(), applicationId: z.number().nullable(), contactId: z.number().nullable() }),
      ),
      lowStock: z.array(z.object({ id: z.number(), kind: z.enum(STATIONERY_KINDS), name: z.string(), onHand: z.number(), lowStockThreshold: z.number() })),
    }),
  ),
};
