// The one rule for an email address, used by the API contract, the domains and the codecs (and
// open to the renderer): zod's email check. It asks for a local part of letters, digits and
// . _ ' + - (no leading, trailing or double dot), one @, and a dotted domain whose last label has
// two or more letters. So "priya@northwind" (no dot in the domain) and "maya@@example" are both
// refused; "priya@northwind.example" is accepted. Quoted local parts, IP-literal domains and
// non-ASCII addresses are refused on purpose: a mail client or a calendar cannot be relied on to
// handle them.
// Why single-label domains ("priya@northwind") are refused: mail between people goes to a domain
// with a dot; an address without one is almost always a typo or a half-copied address (the ".com"
// left behind), and a note sent there silently bounces days later. An intranet-only address is the
// rare case, and the note can still be written and sent from the mail app by hand.
import { z } from 'zod';

export const EMAIL_MESSAGE = 'Enter an email address like name@example.com.';

export const Email = z.email({ error: EMAIL_MESSAGE });

export function isEmail(value: string): boolean {
  return Email.safeParse(value).success;
}
