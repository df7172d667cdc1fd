import { z } from 'zod';
import { INTERVIEW_KINDS } from '../../shared/domain';
import { isValidZone } from '../../shared/time';
import { MAX_INTERVIEW_MS } from '../../shared/inputs/interviews';
import { dateTime, id, method, okUndo, optEmail, optText, reqText, timestamp } from '../define';
import { InterviewSummary } from './shapes';

const zone = z.string().refine(isValidZone, 'Time zone is not one Courtesy knows; use a name like America/New_York.');

/** An existing contact, or a person captured with just a name (details can follow later). */
export const ParticipantInput = z.union([
  z.object({ contactId: id }),
  z.object({ name: reqText('Name', 200), title: optText(200, 'Title'), email: optEmail }),
]);

const debrief = {
  topics: optText(5000, 'Topics'),
  challenge: optText(5000, 'Challenge'),
  lookingFor: optText(5000, 'What they look for'),
  questions: optText(5000, 'Questions'),
  promises: optText(5000, 'Promises'),
  impression: optText(5000, 'Impression'),
};

// The limit lives below the domains (interviews.update checks it against the stored times too).
export { MAX_INTERVIEW_MS };
const endAfterStart = (v: { startAt?: number; endAt?: number }) => v.startAt === undefined || v.endAt === undefined || v.endAt > v.startAt;
const endError = { message: 'The end must be after the start.', path: ['endAt'] };
const withinADay = (v: { startAt?: number; endAt?: number }) => v.startAt === undefined || v.endAt === undefined || v.endAt - v.startAt <= MAX_INTERVIEW_MS;
const dayError = { message: 'An interview lasts at most a day; schedule each day separately.', path: ['endAt'] };

export const InterviewCreate = z
  .object({
    applicationId: id,
    round: optText(100, 'Round'),
    kind: z.enum(INTERVIEW_KINDS, { error: 'Choose phone, video or on-site.' }),
    startAt: dateTime,
    endAt: dateTime,
    timeZone: zone.optional(),
    location: optText(1000, 'Location'),
    participants: z.array(ParticipantInput).max(50).optional(),
  })
  .refine(endAfterStart, endError)
  .refine(withinADay, dayError);

export const InterviewUpdate = z
  .object({
    id,
    round: optText(100, 'Round'),
    kind: z.enum(INTERVIEW_KINDS),
    startAt: dateTime,
    endAt: dateTime,
    timeZone: zone,
    location: optText(1000, 'Location'),
    ...debrief,
    /** What each person talked about (feeds a distinct note per person). */
    talkedAbout: z.array(z.object({ contactId: id, text: optText(5000, 'What they talked about') })).max(50),
  })
  .partial()
  .required({ id: true })
  .refine(endAfterStart, endError)
  .refine(withinADay, dayError);

export const Participant = z.object({
  contactId: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  hasAddress: z.boolean(),
  talkedAbout: z.string().nullable(),
  thankYouNoteId: z.number().nullable(),
  thankYouStatus: z.string().nullable(),
});

export const Interview = InterviewSummary.extend({
  topics: z.string().nullable(),
  challenge: z.string().nullable(),
  lookingFor: z.string().nullable(),
  questions: z.string().nullable(),
  promises: z.string().nullable(),
  impression: z.string().nullable(),
  participants: z.array(Participant),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const interviewsContract = {
  'interviews.create': method(
    'Schedule an interview with its participants; an application in an earlier stage moves to interviewing.',
    InterviewCreate,
    Interview,
  ),
  'interviews.get': method('One interview with participants, debrief and each thank-you.', z.object({ id }), Interview),
  'interviews.update': method('Reschedule, edit details or fill in the debrief.', InterviewUpdate, Interview),
  'interviews.list': method(
    'Interviews of an application, or all in a time window.',
    z.object({ applicationId: id.optional(), from: timestamp.optional(), to: timestamp.optional() }),
    z.object({ items: z.array(InterviewSummary) }),
  ),
  'interviews.delete': method(
    'Delete an interview; its notes are kept.',
    z.object({ id, confirm: z.literal(true, { error: 'Deleting needs confirmation.' }) }),
    okUndo,
  ),
  'interviews.addParticipant': method(
    'Add a person met (an existing contact or a quick capture by name); they get a thank-you to write.',
    z.object({ interviewId: id, participant: ParticipantInput }),
    Interview,
  ),
  'interviews.removeParticipant': method(
    'Remove a person from an interview; say whether to keep or delete their draft thank-you.',
    z.object({ interviewId: id, contactId: id, draft: z.enum(['keep', 'delete']).optional() }),
    Interview,
  ),
  'interviews.openThankYous': method(
    'How many open thank-yous (drafts with a due time, live applications) a change of the due hours would move.',
    z.object({}),
    z.object({ count: z.number() }),
  ),
  'interviews.exportIcs': method(
    'iCalendar (.ics) for one interview, or for all upcoming ones, with a reminder alarm.',
    z.object({ id: id.optional(), alarmMinutes: z.number().int().min(0).max(10080).optional() }),
    z.object({ filename: z.string(), content: z.string(), count: z.number() }),
  ),
};
