// Reading just enough of an incoming message to show it: its Message-ID lists and the first lines of
// its text, from the few kilobytes of a body part that a BODY.PEEK partial fetch returns. Pure: the IMAP
// client lives in electron/domains/replies.

/** Every `<id>` in an In-Reply-To or References header, in order, brackets kept (as notes.message_id). */
export function messageIdList(header: string | null | undefined): string[] {
  if (!header) return [];
  // Unfold, drop comments, then take each bracketed id; ids are compared exactly as sent.
  const unfolded = header.replace(/\r?\n[ \t]+/g, ' ').replace(/\([^()]*\)/g, ' ');
  return [...unfolded.matchAll(/<[^<>\s]+>/g)].map((m) => m[0]);
}

/** The value of one header in a raw header block (as BODY.PEEK[HEADER.FIELDS (...)] returns it). */
export function headerValue(block: string, name: string): string | null {
  const lines = block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  const prefix = name.toLowerCase() + ':';
  const line = lines.find((l) => l.toLowerCase().startsWith(prefix));
  return line === undefined ? null : line.slice(prefix.length).trim();
}

/**
 * Decodes a (possibly cut-off) body part: its transfer encoding, then its charset. A partial fetch can
 * end in the middle of a base64 quantum, a quoted-printable escape or a multi-byte character; each is
 * trimmed rather than shown as garbage.
 */
export function decodePart(raw: Buffer, encoding: string | undefined, charset: string | undefined): string {
  const enc = (encoding ?? '7bit').toLowerCase();
  let bytes: Buffer;
  if (enc === 'base64') {
    const clean = raw.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, '');
    bytes = Buffer.from(clean.slice(0, clean.length - (clean.length % 4)), 'base64');
  } else if (enc === 'quoted-printable') {
    bytes = decodeQuotedPrintable(raw.toString('latin1'));
  } else {
    bytes = raw;
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset?.trim() || 'utf-8');
  } catch {
    // An unknown charset: UTF-8 shows ASCII right, which is most of any reply.
    decoder = new TextDecoder('utf-8');
  }
  // stream: true holds back a multi-byte character cut by the partial fetch instead of printing U+FFFD.
  return decoder.decode(bytes, { stream: true });
}

function decodeQuotedPrintable(text: string): Buffer {
  const body = text.replace(/=\r?\n/g, '').replace(/=[0-9A-Fa-f]?$/, '');
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      out.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(body.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** Plain text out of HTML, roughly: enough to show the first lines of an HTML-only reply. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<(br|\/p|\/div|\/li|\/h\d|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Where the quoted original usually starts: "On … wrote:", "-----Original Message-----", "> ". */
const QUOTE_START = [/^On .{1,200} wrote:$/i, /^-{2,}\s*Original Message\s*-{2,}$/i, /^>/, /^From: .+/, /^_{5,}$/];

/**
 * The reply's own first lines: stops at the quoted original or a signature separator, drops blank runs,
 * and keeps at most `maxLines` lines and `maxChars` characters.
 */
export function firstLines(text: string, maxLines = 4, maxChars = 300): string {
  const kept: string[] = [];
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim();
    if (line === '--' || QUOTE_START.some((re) => re.test(line))) break;
    if (line === '') continue;
    kept.push(line.replace(/\s+/g, ' '));
    if (kept.length >= maxLines) break;
  }
  const joined = kept.join('\n');
  return joined.length <= maxChars ? joined : joined.slice(0, maxChars - 1).trimEnd() + '…';
}
