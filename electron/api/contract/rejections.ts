import { z } from 'zod';
import { CONTACT_ROLES, DELIVERIES, NOTE_STATUSES } from '../../shared/domain';
import { id, method } from '../define';
import { Reminder } from './reminders';

export const RejectionContact = z.object({
  contactId: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  /** Roles on the application (recruiter, hiring manager, ...). */
  roles: z.array(z.enum(CONTACT_ROLES)),
  /** How many of the application's interviews this person took part in. */
  interviews: z.number(),
  email: z.string().nullable(),
  hasEmail: z.boolean(),
  hasAddress: z.boolean(),
  /** An after-rejection note already written or drafted for this application. */
  existingNote: z.object({ id: z.number(), status: z.enum(NOTE_STATUSES), delivery: z.enum(DELIVERIES) }).nullable(),
});

export const rejectionsContract = {
  'rejections.prepare': method(
    'Who to thank after a rejection: the contacts on the application and the people met at its interviews, with what each note needs.',
    z.object({ applicationId: id }),
    z.object({
      application: z.object({ id: z.number(), company: z.string(), role: z.string(), stage: z.string() }),
      contacts: z.array(RejectionContact),
      reconnectDays: z.number(),
      defaultDelivery: z.enum(DELIVERIES),
    }),
  ),
  'rejections.apply': method(
    'In one step: a gracious after-rejection draft for each chosen contact (skipping those who have one) and a reconnect reminder.',
    z.object({
      applicationId: id,
      contactIds: z.array(id).max(500),
      delivery: z.enum(DELIVERIES, { error: 'Choose email or handwritten.' }),
      /** null: no reminder; omitted: settings.reconnectDays. */
      reconnectInDays: z
        .number({ error: 'Enter a number of days.' })
        .int('Use a whole number of days.')
        .min(1, 'Reconnect in must be at least 1 day.')
        .max(3650, 'Reconnect in can be at most ten years (3,650 days).')
        .nullish(),
    }),
    z.object({
      noteIds: z.array(z.number()),
      skipped: z.array(z.object({ contactId: z.number(), noteId: z.number() })),
      reminder: Reminder.nullable(),
    }),
  ),
};
