// Output shapes used by more than one domain's contract.
import { z } from 'zod';
import { DELIVERIES, INTERVIEW_KINDS, NOTE_KINDS, NOTE_STATUSES } from '../../shared/domain';

export const NoteSummary = z.object({
  id: z.number(),
  kind: z.enum(NOTE_KINDS),
  contactId: z.number().nullable(),
  recipientName: z.string().nullable(),
  recipientEmail: z.string().nullable(),
  recipientHasAddress: z.boolean(),
  applicationId: z.number().nullable(),
  interviewId: z.number().nullable(),
  company: z.string().nullable(),
  role: z.string().nullable(),
  delivery: z.enum(DELIVERIES),
  subject: z.string().nullable(),
  status: z.enum(NOTE_STATUSES),
  dueAt: z.number().nullable(),
  /** A draft whose due time still counts (Today and the pipeline count it); false once a rejection released its thank-you. */
  stillDue: z.boolean(),
  sentAt: z.number().nullable(),
  mailedAt: z.number().nullable(),
  expectedArrivalAt: z.number().nullable(),
  followsNoteId: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type NoteSummaryT = z.output<typeof NoteSummary>;

export const InterviewSummary = z.object({
  id: z.number(),
  applicationId: z.number(),
  company: z.string(),
  role: z.string(),
  stage: z.string(),
  round: z.string().nullable(),
  kind: z.enum(INTERVIEW_KINDS),
  startAt: z.number(),
  endAt: z.number(),
  timeZone: z.string(),
  location: z.string().nullable(),
  debriefedAt: z.number().nullable(),
  participantNames: z.array(z.string()),
});
export type InterviewSummaryT = z.output<typeof InterviewSummary>;
