// iCalendar (RFC 5545) export of interviews, built with ical.js (which vCard import uses too).
//
// ical.js writes each property (text escaping, parameter quoting, UTC date-times, durations); the
// lines are folded here with the shared folder from formats/vcard, because ical.js lets a
// continuation line reach 76 octets with its leading space, one more than RFC 5545 allows.
import ICAL from 'ical.js';
import { isEmail } from '../../shared/email';
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

/** A URL property must be a URI; free text typed into the link field ("not a url") is left out. */
function isUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(s) && URL.canParse(s);
}

/** Normalises line breaks and drops control characters, which TEXT values may not contain. */
function plain(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** Parameter values cannot contain DQUOTE or line breaks at all. */
function paramSafe(s: string): string {
  return plain(s).replace(/\n+/g, ' ').replace(/"/g, "'").trim();
}

const utc = (ms: number) => ICAL.Time.fromJSDate(new Date(ms), true);

function serialise(component: ICAL.Component, out: string[]) {
  const name = component.name.toUpperCase();
  out.push(`BEGIN:${name}`);
  const design = ICAL.design.icalendar;
  for (const prop of component.getAllProperties()) out.push(foldContentLine(ICAL.stringify.property(prop.toJSON(), design, true)));
  for (const sub of component.getAllSubcomponents()) serialise(sub, out);
  out.push(`END:${name}`);
}

function event(iv: IcsInterview, minutes: number, now: ICAL.Time): ICAL.Component {
  if (!Number.isFinite(iv.startAt) || !Number.isFinite(iv.endAt) || iv.endAt < iv.startAt) {
    throw new RangeError(`Interview ${iv.id}: end must not be before start`);
  }
  const start = utc(Math.trunc(iv.startAt));
  const end = Math.trunc(iv.endAt);
  const ev = new ICAL.Component('vevent');
  ev.addPropertyWithValue('uid', `interview-${iv.id}@courtesy.local`);
  ev.addPropertyWithValue('summary', plain(iv.title));
  ev.addPropertyWithValue('dtstamp', now);
  ev.addPropertyWithValue('dtstart', start);
  // RFC 5545: DTEND must be later than DTSTART; a zero-length interview has none.
  if (end > Math.trunc(iv.startAt)) ev.addPropertyWithValue('dtend', utc(end));
  if (iv.description) ev.addPropertyWithValue('description', plain(iv.description));
  const url = iv.url?.trim();
  if (url && isUrl(url)) ev.addPropertyWithValue('url', url);
  if (iv.location) ev.addPropertyWithValue('location', plain(iv.location));
  for (const p of iv.participants) {
    const email = p.email?.trim();
    if (!email || !isEmail(email)) continue; // a typo is left out rather than written
    const attendee = new ICAL.Property('attendee');
    attendee.setParameter('rsvp', 'FALSE');
    attendee.setParameter('cn', paramSafe(p.name) || email);
    attendee.setValue(`mailto:${email}`);
    ev.addProperty(attendee);
  }
  const alarm = new ICAL.Component('valarm');
  alarm.addPropertyWithValue('action', 'DISPLAY');
  alarm.addPropertyWithValue('description', plain(iv.title));
  // At the start itself the trigger is the start time, which every calendar reads the same way.
  alarm.addPropertyWithValue('trigger', minutes === 0 ? start : ICAL.Duration.fromSeconds(-minutes * 60));
  ev.addSubcomponent(alarm);
  return ev;
}

export function interviewsToIcs(interviews: IcsInterview[], opts: IcsOptions): string {
  const minutes = opts.alarmMinutesBefore ?? 30;
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError('alarmMinutesBefore must be a whole number ≥ 0');
  if (!Number.isFinite(opts.now)) throw new RangeError('now must be a timestamp');
  const now = utc(Math.trunc(opts.now));

  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('prodid', plain(opts.productId ?? DEFAULT_PRODUCT_ID).replace(/\n/g, ' '));
  // METHOD is left out on purpose: PUBLISH forbids ATTENDEE and REQUEST would mean invitations.
  for (const iv of interviews) cal.addSubcomponent(event(iv, minutes, now));

  const out: string[] = [];
  serialise(cal, out);
  return out.join('\r\n') + '\r\n';
}
