import { z } from 'zod';
import { DELIVERIES, NOTE_KINDS } from '../../shared/domain';
import { REPLY_MATCH_METHODS } from '../../shared/replies';
import { id, method, UndoOffer } from '../define';

export const Reply = z.object({
  id: z.number(),
  noteId: z.number().nullable(),
  contactId: z.number().nullable(),
  applicationId: z.number().nullable(),
  fromAddress: z.string(),
  fromName: z.string().nullable(),
  subject: z.string().nullable(),
  date: z.number(),
  messageId: z.string().nullable(),
  firstLines: z.string(),
  method: z.enum(REPLY_MATCH_METHODS),
  seenAt: z.number().nullable(),
  unmatchedAt: z.number().nullable(),
  /** Resolved for display. */
  contactName: z.string().nullable(),
  company: z.string().nullable(),
  role: z.string().nullable(),
  stage: z.string().nullable(),
  noteKind: z.enum(NOTE_KINDS).nullable(),
  noteDelivery: z.enum(DELIVERIES).nullable(),
  noteSubject: z.string().nullable(),
  /** `mid:` URL (RFC 2392) that opens the reply in the person's mail app; null without a Message-ID. */
  mailUrl: z.string().nullable(),
});
export type ReplyT = z.output<typeof Reply>;

export const ReplyCheckStatus = z.object({
  /** off: no account connected; ready: waiting for the next check; checking: a check is running. */
  state: z.enum(['off', 'ready', 'checking']),
  /** How new mail is noticed between checks: IDLE (the server says when mail arrives) or polling. */
  watching: z.enum(['idle', 'polling']).nullable(),
  lastCheckedAt: z.number().nullable(),
  nextCheckAt: z.number().nullable(),
  /** The last check's failure in words (never a password); null after a check that worked. */
  lastError: z.string().nullable(),
  /** Replies the last check found. */
  lastAdded: z.number(),
});
export type ReplyCheckStatusT = z.output<typeof ReplyCheckStatus>;

export const repliesContract = {
  'replies.list': method(
    'Replies matched to sent notes, newest first: for a note, a contact or an application, or those not yet seen (Today). Unmatched ones only with includeUnmatched. latestPerNote with noteIds: the newest reply to each of those notes (a notes log).',
    z.object({
      noteId: id.optional(),
      noteIds: z.array(id).min(1, 'Give at least one note.').max(1000, 'Ask for the replies to at most 1,000 notes at a time.').optional(),
      latestPerNote: z.boolean().optional(),
      contactId: id.optional(),
      applicationId: id.optional(),
      unseenOnly: z.boolean().optional(),
      includeUnmatched: z.boolean().optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    z.object({ items: z.array(Reply) }),
  ),
  'replies.markSeen': method('Mark a reply seen (it leaves Today), or not seen again.', z.object({ id, seen: z.boolean() }), Reply),
  'replies.unmatch': method(
    'A wrong match: the reply is no longer tied to the note, the contact or the application, and a rescan does not match it again. matched: true ties it again; undo (for a few minutes) puts it back exactly.',
    z.object({ id, matched: z.boolean().optional() }),
    Reply.extend({ undo: UndoOffer }),
  ),
  'replies.check': method('Check the inbox for replies now (read-only); answers when the check is done.', z.object({}), ReplyCheckStatus),
  'replies.status': method('Whether replies are being watched for, when the last check ran and how it went.', z.object({}), ReplyCheckStatus),
};
