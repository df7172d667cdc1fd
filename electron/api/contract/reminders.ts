import { z } from 'zod';
import { REMINDER_KINDS } from '../../shared/domain';
import { dateTime, id, method, okUndo, reqText, timestamp } from '../define';

export const Reminder = z.object({
  id: z.number(),
  kind: z.enum(REMINDER_KINDS),
  title: z.string(),
  dueAt: z.number(),
  doneAt: z.number().nullable(),
  applicationId: z.number().nullable(),
  contactId: z.number().nullable(),
  noteId: z.number().nullable(),
  /** Resolved for display: the application's company and role, the contact's name. */
  company: z.string().nullable(),
  role: z.string().nullable(),
  contactName: z.string().nullable(),
  createdAt: z.number(),
});
export type ReminderT = z.output<typeof Reminder>;

export const remindersContract = {
  'reminders.list': method(
    'Reminders ordered by due time: open ones, or all with includeDone; dueBefore keeps those due before a time; applicationId, contactId and kind narrow the list.',
    z.object({
      includeDone: z.boolean().optional(),
      dueBefore: timestamp.optional(),
      applicationId: id.optional(),
      contactId: id.optional(),
      kind: z.enum(REMINDER_KINDS).optional(),
    }),
    z.object({ items: z.array(Reminder) }),
  ),
  'reminders.create': method(
    'Add a reminder, optionally about an application or a contact. A follow-up about the same application and person that is still open is returned instead of a second one.',
    z.object({
      title: reqText('Title', 300),
      dueAt: dateTime,
      kind: z.enum(REMINDER_KINDS, { error: 'Choose reconnect, follow-up or custom.' }).optional(),
      applicationId: id.nullish(),
      contactId: id.nullish(),
    }),
    Reminder,
  ),
  'reminders.complete': method('Mark a reminder done, or not done again.', z.object({ id, done: z.boolean() }), Reminder),
  'reminders.snooze': method('Move a reminder to a later time (and reopen it).', z.object({ id, until: dateTime }), Reminder),
  'reminders.delete': method('Delete a reminder.', z.object({ id }), okUndo),
};
