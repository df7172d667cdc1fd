// One read-only pass over a mailbox: EXAMINE (never SELECT), FETCH of envelopes, two header fields and
// the body structure, then BODY.PEEK of the first few kilobytes of the text of the messages that match.
// Nothing is flagged, moved or deleted, and \Seen is never set. Incremental: only UIDs above the last
// one looked at, for the same UIDVALIDITY (reply_scans), plus those since a note's sent time when the note
// was recorded as sent after the last scan (its reply may have been looked at before it could match).
import type { FetchMessageObject, ImapFlow, MessageStructureObject } from 'imapflow';
import type { Ctx } from '../../db/context';
import { insertOrIgnore, stmt, tx } from '../../db/sql';
import { replies } from '../../db/schema';
import { decodePart, firstLines, headerValue, htmlToText, messageIdList } from '../../formats/eml/peek';
import { withImap, type ImapConnection } from './connection';
import { earliestSentAt, matchReply, type IncomingHeaders } from './match';

export interface ScanOptions {
  mailbox?: string;
  /** The account's own addresses: mail from them is never a reply. */
  selfAddresses?: string[];
  /**
   * Aborted when the app closes mid-scan: the connection is dropped and the scan ends with ScanStopped
   * before its next database access (the database is being closed).
   */
  signal?: AbortSignal;
}

export class ScanStopped extends Error {
  constructor() {
    super('The reply check was stopped because Courtesy is closing.');
  }
}

export interface ScanResult {
  mailbox: string;
  uidValidity: number;
  /** Messages looked at in this pass. */
  scanned: number;
  /** New replies stored (a message seen before is never stored twice). */
  added: number;
  lastUid: number;
}

/** How much of a text part is read: enough for a few lines, never the whole mail. */
const PEEK_BYTES = 4096;
/** A first scan starts this long before the first sent note (time zones, clocks a little off). */
const FIRST_SCAN_MARGIN_MS = 24 * 60 * 60 * 1000;

interface Candidate {
  uid: number;
  headers: IncomingHeaders;
  fromName: string | null;
  subject: string | null;
  text: { part: string; encoding?: string; charset?: string; html: boolean } | null;
  lines: string;
}

interface ScanState {
  uid_validity: number;
  last_uid: number;
  scanned_at: number;
  last_event_id: number;
}
const readState = (ctx: Ctx, mailbox: string) =>
  stmt<ScanState>(ctx.sqlite, 'SELECT uid_validity, last_uid, scanned_at, last_event_id FROM reply_scans WHERE mailbox = ?').get(mailbox);
const writeState = (ctx: Ctx, mailbox: string, uidValidity: number, lastUid: number, now: number, lastEventId: number) =>
  stmt(
    ctx.sqlite,
    `INSERT INTO reply_scans (mailbox, uid_validity, last_uid, scanned_at, last_event_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(mailbox) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
       scanned_at = excluded.scanned_at, last_event_id = excluded.last_event_id`,
  ).run(mailbox, uidValidity, lastUid, now, lastEventId);
// The primary key's end: cheap however long the history.
const lastEventId = (ctx: Ctx) => stmt<{ id: number }>(ctx.sqlite, 'SELECT coalesce(max(id), 0) AS id FROM note_events').get()!.id;
/**
 * The earliest sent time of the notes recorded as sent or mailed since the last scan started, when it is
 * before that scan: such a note's reply may sit among the UIDs already looked at. A range on the primary
 * key, so only the events since the last scan are read.
 */
const lateSentSince = (ctx: Ctx, afterEventId: number, scannedAt: number) =>
  stmt<{ t: number | null }>(
    ctx.sqlite,
    "SELECT min(at) AS t FROM note_events WHERE id > ? AND status IN ('sent', 'mailed') AND at < ?",
  ).get(afterEventId, scannedAt)?.t ?? null;

/** UIDs as an IMAP sequence set with runs folded ("3:7,9"), so a long rescan stays one short command. */
export function uidSet(uids: number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j;
  }
  return parts.join(',');
}

/** The part to read the first lines from: the first text/plain outside attachments, else text/html. */
export function textPart(node: MessageStructureObject | undefined): Candidate['text'] {
  if (!node) return null;
  const all: MessageStructureObject[] = [];
  const walk = (n: MessageStructureObject) => {
    // A forwarded message/rfc822 inside is someone else's text: do not descend into it.
    if (n.childNodes && !n.type.startsWith('message/')) n.childNodes.forEach(walk);
    else all.push(n);
  };
  walk(node);
  const inline = all.filter((n) => n.disposition !== 'attachment');
  const pick = inline.find((n) => n.type === 'text/plain') ?? inline.find((n) => n.type === 'text/html');
  if (!pick) return null;
  // A single-part message has no part number; IMAP calls its body part 1.
  return { part: pick.part ?? '1', encoding: pick.encoding, charset: pick.parameters?.charset, html: pick.type === 'text/html' };
}

function candidateOf(message: FetchMessageObject): Candidate | null {
  const env = message.envelope;
  const from = env?.from?.[0];
  if (!from?.address) return null;
  const headerBlock = message.headers?.toString('utf8') ?? '';
  const raw = env?.date ?? message.internalDate;
  const date = raw ? new Date(raw) : null;
  return {
    uid: message.uid,
    headers: {
      messageId: env?.messageId ?? null,
      inReplyTo: messageIdList(headerValue(headerBlock, 'in-reply-to')),
      references: messageIdList(headerValue(headerBlock, 'references')),
      fromAddress: from.address,
      date: date && !Number.isNaN(date.getTime()) ? date.getTime() : 0,
    },
    fromName: from.name || null,
    subject: env?.subject ?? null,
    text: textPart(message.bodyStructure),
    lines: '',
  };
}

async function readFirstLines(client: ImapFlow, c: Candidate): Promise<string> {
  if (!c.text) return '';
  const fetched = await client.fetchOne(String(c.uid), { bodyParts: [{ key: c.text.part, maxLength: PEEK_BYTES }] }, { uid: true });
  const raw = fetched ? [...(fetched.bodyParts?.values() ?? [])][0] : undefined;
  if (!raw) return '';
  const already = fetched && fetched.binaryParts?.size ? undefined : c.text.encoding;
  const text = decodePart(raw, already, c.text.charset);
  return firstLines(c.text.html ? htmlToText(text) : text);
}

export async function scanMailbox(ctx: Ctx, conn: ImapConnection, options: ScanOptions = {}): Promise<ScanResult> {
  const mailbox = options.mailbox ?? 'INBOX';
  const self = new Set((options.selfAddresses ?? []).map((a) => a.toLowerCase()));
  const signal = options.signal;
  // Called after every wait on the server, before the database is used again.
  const alive = () => {
    if (signal?.aborted) throw new ScanStopped();
  };
  alive();
  return withImap(conn, async (client) => {
    alive();
    const drop = () => client.close();
    signal?.addEventListener('abort', drop, { once: true });
    try {
      return await scanWith(ctx, client, mailbox, self, alive);
    } finally {
      signal?.removeEventListener('abort', drop);
    }
  }).catch((error: unknown) => {
    // A dropped connection's own error is not what happened: the app is closing.
    alive();
    throw error;
  });
}

async function scanWith(ctx: Ctx, client: ImapFlow, mailbox: string, self: Set<string>, alive: () => void): Promise<ScanResult> {
  // readOnly: EXAMINE, so the server itself guarantees no flag can change in this session.
  const box = await client.mailboxOpen(mailbox, { readOnly: true });
  alive();
  const uidValidity = Number(box.uidValidity);
  const state = readState(ctx, mailbox);
  // Taken before any mail is read: a note marked sent while this scan runs is caught by the next one.
  const eventMark = lastEventId(ctx);
  const fresh = !state || state.uid_validity !== uidValidity;
  const after = fresh ? 0 : state.last_uid;
  let range: string | null = null;
  // UIDs at or below `after` read again because a note was marked sent after the last scan.
  let again = new Set<number>();
  if (box.exists > 0 && fresh) {
    const since = earliestSentAt(ctx);
    if (since !== null) {
      const found = await client.search({ since: new Date(since - FIRST_SCAN_MARGIN_MS) }, { uid: true });
      alive();
      range = found && found.length ? uidSet(found) : null;
    }
  } else if (box.exists > 0) {
    const late = state && after > 0 ? lateSentSince(ctx, state.last_event_id, state.scanned_at) : null;
    if (late !== null) {
      const found = await client.search({ since: new Date(late - FIRST_SCAN_MARGIN_MS), uid: `1:${after}` }, { uid: true });
      alive();
      again = new Set(found || []);
    }
    const parts = [...(again.size ? [uidSet([...again])] : []), ...(box.uidNext - 1 > after ? [`${after + 1}:*`] : [])];
    range = parts.length ? parts.join(',') : null;
  }

  const candidates: Candidate[] = [];
  let scanned = 0;
  let maxUid = Math.max(after, box.uidNext - 1);
  if (range !== null) {
    const query = { uid: true, envelope: true, internalDate: true, bodyStructure: true, headers: ['in-reply-to', 'references'] };
    for await (const message of client.fetch(range, query, { uid: true })) {
      // "n:*" always returns the last message, even when its UID is below n.
      alive();
      if (message.uid <= after && !again.has(message.uid)) continue;
      scanned++;
      maxUid = Math.max(maxUid, message.uid);
      const c = candidateOf(message);
      if (c && !self.has(c.headers.fromAddress.toLowerCase()) && matchReply(ctx, c.headers)) candidates.push(c);
    }
  }
  // Only the matched messages' text is read, one small partial fetch each (after the FETCH above ends:
  // a command issued inside its loop would wait behind it).
  for (const c of candidates) c.lines = await readFirstLines(client, c);
  alive();

  const now = ctx.clock.now();
  let added = 0;
  tx(ctx, () => {
    for (const c of candidates) {
      // Matched again inside the transaction: a note deleted meanwhile is not referenced.
      const match = matchReply(ctx, c.headers);
      if (!match) continue;
      const stored = insertOrIgnore(ctx, replies, {
        ...match,
        fromAddress: c.headers.fromAddress,
        fromName: c.fromName,
        subject: c.subject,
        date: c.headers.date,
        messageId: c.headers.messageId,
        firstLines: c.lines,
        mailbox,
        uidValidity,
        uid: c.uid,
        createdAt: now,
      });
      if (stored) added++;
    }
    writeState(ctx, mailbox, uidValidity, maxUid, now, eventMark);
  });
  return { mailbox, uidValidity, scanned, added, lastUid: maxUid };
}
