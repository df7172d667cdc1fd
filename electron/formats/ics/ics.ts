// iCalendar (RFC 5545) export of interviews, generated with the `ics` package.
//
// `ics` is used as is, with three repairs around it:
// - it folds at 75 *characters* (not octets) with a TAB, so the output is unfolded and refolded
//   at 75 octets (non-ASCII titles would otherwise produce over-long lines);
// - it does not escape commas/semicolons in VALARM DESCRIPTION and writes `"` in CN as `\"`
//   (not valid in a parameter), so those texts are prepared here;
// - it writes `TRIGGER:PT` (invalid) for a zero-minute duration, so a 0-minute alarm uses an
//   absolute trigger at the start time.
import * as ics from 'ics';
import { foldContentLine } from '../vcard/lines';

export interface IcsInterview {
  id: number;
  title: string;
  description: string | null;
  location: string | null;
  url?: string | null;
  startAt: number; // epoch ms UTC
  endAt: number; // epoch ms UTC
  /** Informational: times are written as UTC instants, which need no VTIMEZONE. */
  timeZone: string;
  participants: Array<{ name: string; email: string | null }>;
}

export interface IcsOptions {
  alarmMinutesBefore?: number; // default 30; 0 = at the start
  now: number; // DTSTAMP, epoch ms
  productId?: string;
}

export const DEFAULT_PRODUCT_ID = '-//Courtesy//Courtesy Interviews//EN';

// The same address check `ics` applies (yup's); an address it would reject fails the whole file.
const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

// `isValidURL` is exported at runtime but missing from the package's typings.
const isValidURL = (ics as unknown as { isValidURL: (url: string) => boolean }).isValidURL;

/** Normalises line breaks and drops control characters, which TEXT values may not contain. */
function plain(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

function escapeText(s: string): string {
  return plain(s).replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : '\\' + c));
}

/** Parameter values cannot contain DQUOTE or line breaks at all. */
function paramSafe(s: string): string {
  return plain(s).replace(/\n+/g, ' ').replace(/"/g, "'").trim();
}

function refold(text: string): string {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const lines = unfolded.split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => foldContentLine(l)).join('\r\n') + '\r\n';
}

export function interviewsToIcs(interviews: IcsInterview[], opts: IcsOptions): string {
  const minutes = opts.alarmMinutesBefore ?? 30;
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError('alarmMinutesBefore must be a whole number ≥ 0');
  if (!Number.isFinite(opts.now)) throw new RangeError('now must be a timestamp');

  const events = interviews.map((iv) => {
    if (!Number.isFinite(iv.startAt) || !Number.isFinite(iv.endAt) || iv.endAt < iv.startAt) {
      throw new RangeError(`Interview ${iv.id}: end must not be before start`);
    }
    const start = Math.trunc(iv.startAt);
    const end = Math.trunc(iv.endAt);
    const attendees = iv.participants
      .filter((p) => p.email && EMAIL_RE.test(p.email.trim()))
      .map((p) => ({ name: paramSafe(p.name) || p.email!.trim(), email: p.email!.trim(), rsvp: false }));
    const url = iv.url?.trim();
    const event: ics.EventAttributes & { timestamp: number } = {
      uid: `interview-${iv.id}@courtesy.local`,
      timestamp: Math.trunc(opts.now), // DTSTAMP; accepted by ics' schema, absent from its types
      start, // a number is formatted as a UTC instant
      // RFC 5545: DTEND must be later than DTSTART. ics drops undefined attributes, but its
      // typings insist on end or duration, hence the cast.
      end: (end > start ? end : undefined) as number,
      title: plain(iv.title),
      ...(iv.description ? { description: plain(iv.description) } : {}),
      ...(iv.location ? { location: plain(iv.location) } : {}),
      ...(url && isValidURL(url) ? { url } : {}), // an invalid URL would fail the whole export
      ...(attendees.length ? { attendees } : {}),
      alarms: [
        {
          action: 'display',
          description: escapeText(iv.title), // ics only encodes line breaks here
          trigger: minutes === 0 ? start : { before: true, minutes },
        },
      ],
    };
    return event;
  });

  // METHOD is left out on purpose: PUBLISH forbids ATTENDEE and REQUEST would mean invitations.
  const { error, value } = ics.createEvents(events, { productId: plain(opts.productId ?? DEFAULT_PRODUCT_ID).replace(/\n/g, ' '), method: undefined });
  if (error || value == null) {
    // Validation errors come back as plain objects copied from yup's ValidationError.
    const detail = (error as { errors?: string[]; message?: string } | null)?.errors?.join('; ') ?? error?.message;
    throw new Error(`Could not build the calendar file: ${detail ?? 'unknown error'}`);
  }
  return refold(value);
}
