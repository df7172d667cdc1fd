// Content lines of vCard and iCalendar: strict folding on write (which ics/ reuses) and, on read,
// unfolding into logical lines with the vCard 2.1 pre-pass (QUOTED-PRINTABLE soft breaks and
// unindented base64 continuations), so later stages only ever see 3.0/4.0-style lines.

function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line so that every physical line, including the leading space of a
 * continuation, is at most `limit` octets of UTF-8. Splits only between code points.
 */
export function foldContentLine(line: string, limit = 75): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let max = limit;
  for (const ch of line) {
    const n = utf8Length(ch);
    if (octets + n > max) {
      parts.push(current);
      current = '';
      octets = 0;
      max = limit - 1; // the continuation's leading space counts towards the limit
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export interface LogicalLine {
  text: string;
  lineNo: number; // 1-based physical line where it starts
}

const QP_HEADER = /^[^:]*;(?:ENCODING=)?QUOTED-PRINTABLE[;:]/i;
const BASE64_HEADER = /^[^:]*;(?:ENCODING=)?(?:BASE64|B)[;:]/i;
const BASE64_DATA = /^[A-Za-z0-9+/=]+$/;
export const CARD_EDGE = /^(BEGIN|END):VCARD\s*$/i;

/** Unfolds physical lines into logical lines: RFC folding plus QUOTED-PRINTABLE soft breaks. */
export function logicalLines(physical: string[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  // Pieces are collected in an array: appending to and then inspecting one growing string is
  // quadratic for multi-kilobyte PHOTO values.
  let parts: string[] = [];
  let lineNo = 0;
  let head = ''; // the line's start, until its ':' is seen (flags depend only on the header)
  let qp = false;
  let base64 = false;
  let qpSoft = false;
  const flush = () => {
    const text = parts.join('');
    if (parts.length && text.trim() !== '') out.push({ text, lineNo });
    parts = [];
  };
  const append = (piece: string) => {
    parts.push(piece);
    if (!head.includes(':') && head.length < 1000) {
      head += piece;
      qp = QP_HEADER.test(head);
      base64 = BASE64_HEADER.test(head);
    }
    qpSoft = qp && piece.endsWith('=');
  };
  for (let i = 0; i < physical.length; i++) {
    const p = physical[i];
    const open = parts.length > 0;
    if (open && qpSoft) {
      // A trailing '=' joins the next line verbatim; this must happen before any other parsing
      // because the break may fall between the encoded bytes of one character.
      parts[parts.length - 1] = parts[parts.length - 1].slice(0, -1);
      if (!CARD_EDGE.test(p)) {
        append(p);
        continue;
      } // else: a stray soft break right before BEGIN/END
    }
    if (open && (p.startsWith(' ') || p.startsWith('\t'))) {
      append(p.slice(1));
      continue;
    }
    if (open && base64 && BASE64_DATA.test(p)) {
      append(p); // 2.1 writers sometimes continue base64 data without indentation
      continue;
    }
    flush();
    lineNo = i + 1;
    head = '';
    append(p);
  }
  flush();
  return out;
}
