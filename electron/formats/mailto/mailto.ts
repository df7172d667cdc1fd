// mailto: URLs (RFC 6068) for handing an email note to the user's own mail client.
import { invalid } from '../../shared/errors';

/** Conservative limit that common OS/mail clients accept (Windows ShellExecute and Outlook cut near 2 KB). */
export const MAILTO_MAX_LENGTH = 2000;

export interface MailtoMessage {
  to: string;
  subject: string;
  body: string;
  cc?: string[];
}

// A bare addr-spec: one "@", no whitespace/controls, none of the characters that would end the address
// part of the URL or start a header field (? & # %), nor list/display-name syntax (, ; < > " ( ) [ ] \ :),
// nor "/" (legal in RFC 5322, but practically unused and some clients treat it as a path).
const FORBIDDEN_IN_ADDRESS = /[\s\p{Cc}\p{Cf}?&#%,;<>"()[\]\\:/]/u;

function checkAddress(raw: string, field: string): string {
  const address = raw.trim();
  const at = address.lastIndexOf('@');
  const ok =
    address.length > 0 &&
    address.length <= 254 &&
    !FORBIDDEN_IN_ADDRESS.test(address) &&
    at > 0 &&
    at === address.indexOf('@') &&
    at < address.length - 1;
  if (!ok) throw invalid({ [field]: `"${raw.replace(/\s+/g, ' ').trim().slice(0, 80)}" is not a plain email address.` }, 'The email address cannot be used in a mail link.');
  return address;
}

// Lone surrogates make encodeURIComponent throw; they cannot come from real text, so U+FFFD is fine.
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function encodeAddress(address: string): string {
  // "@" may stay literal in the address part (RFC 6068 section 2); some clients mishandle %40.
  return encodeURIComponent(wellFormed(address)).replace(/%40/g, '@');
}

/**
 * Builds a mailto: URL. Throws AppError('validation') when an address is not a bare addr-spec (a "?", "&",
 * line break, display name ...) rather than silently dropping a recipient. An empty `to` is allowed
 * ("mailto:?subject=...": the user picks the recipient in the client). Returns `tooLong` instead of a URL
 * that clients would truncate; the caller can fall back to an .eml draft.
 */
export function buildMailto(msg: MailtoMessage): { url: string } | { tooLong: true; length: number } {
  const to = msg.to.trim() === '' ? '' : checkAddress(msg.to, 'to');
  const cc = [...new Set((msg.cc ?? []).filter((c) => c.trim() !== '').map((c) => checkAddress(c, 'cc')))];

  const params: string[] = [];
  if (cc.length > 0) params.push(`cc=${cc.map(encodeAddress).join(',')}`);
  // A subject is one header line: line breaks become spaces.
  const subject = msg.subject.replace(/\r\n|[\r\n]/g, ' ');
  if (subject !== '') params.push(`subject=${encodeURIComponent(wellFormed(subject))}`);
  // RFC 6068: line breaks in the body are CRLF, i.e. %0D%0A.
  const body = msg.body.replace(/\r\n|[\r\n]/g, '\r\n');
  if (body !== '') params.push(`body=${encodeURIComponent(wellFormed(body))}`);

  const url = `mailto:${encodeAddress(to)}${params.length > 0 ? `?${params.join('&')}` : ''}`;
  if (url.length > MAILTO_MAX_LENGTH) return { tooLong: true, length: url.length };
  return { url };
}
