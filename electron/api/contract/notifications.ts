import { z } from 'zod';
import { method } from '../define';

export const NOTIFICATION_KINDS = ['note_due_soon', 'note_overdue', 'reminder_due', 'send_failed', 'reply'] as const;

/** A notice key: its kind, the row's id and the time it is about ("note_overdue:12:1764000000000"). */
export const NOTIFICATION_KEY = /^[a-z_]{1,30}:\d{1,15}:\d{1,15}$/;

export const NotificationItem = z.object({
  /** Stable for one event: the same note due at the same time always has the same key. */
  key: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** What a click opens: a note's composer, a reminder on Today, or an application. */
  open: z.object({ screen: z.enum(['note', 'reminder', 'application']), id: z.number() }),
  /** The time the notice is about (due time, failure, reply). */
  at: z.number(),
});
export type NotificationItemT = z.output<typeof NotificationItem>;

export const notificationsContract = {
  'notifications.pending': method(
    'Desktop notices due now and not yet shown: thank-yous (and other notes) due within a few hours or just overdue, reminders come due, sends that failed, new replies. Empty when the notifications setting is off.',
    z.object({}),
    z.object({ enabled: z.boolean(), items: z.array(NotificationItem) }),
  ),
  'notifications.ack': method(
    'Records notices as shown. Answers the keys this call recorded; a key already recorded (by another window, or before a restart) is left out, so only one window shows each notice.',
    z.object({
      keys: z
        .array(z.string().regex(NOTIFICATION_KEY, 'A notice key looks like kind:id:time (from notifications.pending).'), { error: 'Give the keys of the notices shown.' })
        .min(1, 'Give at least one notice key.')
        .max(50, 'Give at most 50 notice keys at a time.'),
    }),
    z.object({ claimed: z.array(z.string()) }),
  ),
};
