// Vocabulary of reply tracking (electron/domains/replies), shared by the schema, the API and the page.

/** How a reply was tied to a sent note: by its In-Reply-To, by its References, or by who sent it. */
export const REPLY_MATCH_METHODS = ['in_reply_to', 'references', 'contact'] as const;
export type ReplyMatchMethod = (typeof REPLY_MATCH_METHODS)[number];

export const REPLY_MATCH_LABELS: Record<ReplyMatchMethod, string> = {
  in_reply_to: 'answers the sent email',
  references: 'in the thread of the sent email',
  contact: 'from the contact after the note was sent',
};

/** How often the app looks for replies while open, in minutes (a setting), and its bounds; 0 is "only when asked". */
export const REPLY_CHECK_DEFAULT_MINUTES = 15;
export const REPLY_CHECK_OFF = 0;
export const REPLY_CHECK_MIN_MINUTES = 1;
export const REPLY_CHECK_MAX_MINUTES = 24 * 60;

/**
 * A `mid:` URL (RFC 2392) for a Message-ID, so the person's mail app opens the message itself.
 * The brackets are dropped and everything outside RFC 3986's unreserved set is percent-encoded.
 */
export function midUrl(messageId: string): string {
  const bare = messageId.trim().replace(/^<|>$/g, '');
  return `mid:${encodeURIComponent(bare).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
