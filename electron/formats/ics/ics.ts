// iCalendar (RFC 5545) export of interviews, built with ical.js (which vCard import uses too).
//
// Times are written in the interview's own zone (DTSTART;TZID=Europe/Berlin:…) with a VTIMEZONE
// for it (vtimezone.ts), so a calendar shows the interview as scheduled; UTC interviews, and the
// rare time in an hour the clocks repeat (which calendars resolve differently), go out as UTC.
//
// ical.js writes each property (text escaping, parameter quoting, UTC date-times, durations); the
// lines are folded here with the shared folder from formats/vcard, because ical.js lets a
// continuation line reach 76 octets with its leading space, one more than RFC 5545 allows.
import ICAL from 'ical.js';
import { isEmail } from '../../shared/email';
import { foldContentLine } from '../vcard/lines';
import { localForm, vtimezoneLines } from './vtimezone';
import { DateTime } from 'luxon';

export interface IcsInterview {
  id: number;
  /** The interview's own random UID, kept for its life: another export updates the same event. */
  uid: string;
  /** Bumped when the time or place changes (RFC 5545 SEQUENCE); 0 when never moved. */
  sequence?: number;
  /** Last change (epoch ms): DTSTAMP and LAST-MODIFIED, so exporting an unchanged interview again gives the same text. */
  updatedAt?: number;
  title: string;
  description: string | null;
  location: string | null;
  url?: string | null;
  startAt: number; // epoch ms UTC
  endAt: number; // epoch ms UTC
  /** IANA zone the interview was scheduled in; DTSTART and DTEND are written in it. */
  timeZone: string;
  participants: Array<{ name: string; email: string | null }>;
}

export interface IcsOptions {
  alarmMinutesBefore?: number; // default 30; 0 = at the start
  now: number; // DTSTAMP when the interview has no updatedAt, epoch ms
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

/** Zones written as UTC (Z): UTC itself and anything luxon does not know. */
function zoned(zone: string): boolean {
  return DateTime.fromMillis(0, { zone }).isValid && !['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu'].includes(zone);
}

/**
 * Whether `ms` is the only instant showing its wall-clock time in `zone`. In the hour the clocks
 * repeat, RFC 5545 reads a TZID time as the first one, but not every calendar does (ical.js takes
 * the second), so such a time goes out in UTC, which every calendar reads the same way.
 */
function unambiguous(ms: number, zone: string): boolean {
  const wall = DateTime.fromMillis(ms, { zone });
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  const showing = new Set(
    [ms - 86_400_000, ms + 86_400_000]
      .map((t) => local - DateTime.fromMillis(t, { zone }).offset * 60_000)
      .filter((t) => localForm(DateTime.fromMillis(t, { zone })) === localForm(wall)),
  );
  return showing.size <= 1;
}

/** DTSTART/DTEND: local time with TZID in the interview's zone, or a UTC instant. */
function when(name: 'dtstart' | 'dtend', ms: number, zone: string): ICAL.Property {
  const prop = new ICAL.Property(name);
  if (zoned(zone) && unambiguous(ms, zone)) {
    const wall = DateTime.fromMillis(Math.trunc(ms / 1000) * 1000, { zone });
    prop.setParameter('tzid', zone);
    prop.setValue(ICAL.Time.fromData({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second, isDate: false }));
  } else prop.setValue(utc(ms));
  return prop;
}

function serialise(component: ICAL.Component, out: string[], before: string[] = []) {
  const name = component.name.toUpperCase();
  out.push(`BEGIN:${name}`);
  const design = ICAL.design.icalendar;
  for (const prop of component.getAllProperties()) out.push(foldContentLine(ICAL.stringify.property(prop.toJSON(), design, true)));
  out.push(...before);
  for (const sub of component.getAllSubcomponents()) serialise(sub, out);
  out.push(`END:${name}`);
}

function event(iv: IcsInterview, minutes: number, now: ICAL.Time): ICAL.Component {
  if (!Number.isFinite(iv.startAt) || !Number.isFinite(iv.endAt) || iv.endAt < iv.startAt) {
    throw new RangeError(`Interview ${iv.id}: end must not be before start`);
  }
  if (!iv.uid.trim()) throw new RangeError(`Interview ${iv.id}: no UID`);
  const start = Math.trunc(iv.startAt);
  const end = Math.trunc(iv.endAt);
  const ev = new ICAL.Component('vevent');
  ev.addPropertyWithValue('uid', `${iv.uid}@courtesy.local`);
  ev.addPropertyWithValue('sequence', iv.sequence ?? 0);
  ev.addPropertyWithValue('summary', plain(iv.title));
  ev.addPropertyWithValue('dtstamp', iv.updatedAt === undefined ? now : utc(Math.trunc(iv.updatedAt)));
  if (iv.updatedAt !== undefined) ev.addPropertyWithValue('last-modified', utc(Math.trunc(iv.updatedAt)));
  ev.addProperty(when('dtstart', start, iv.timeZone));
  // RFC 5545: DTEND must be later than DTSTART; a zero-length interview has none.
  if (end > start) ev.addProperty(when('dtend', end, iv.timeZone));
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
  alarm.addPropertyWithValue('trigger', minutes === 0 ? utc(start) : ICAL.Duration.fromSeconds(-minutes * 60));
  ev.addSubcomponent(alarm);
  return ev;
}

/** One VTIMEZONE per zone the events are written in, covering the years around their times. */
function timezones(interviews: IcsInterview[]): string[] {
  const years = new Map<string, [number, number]>();
  for (const iv of interviews) {
    if (!zoned(iv.timeZone)) continue;
    const [lo, hi] = [new Date(iv.startAt).getUTCFullYear(), new Date(iv.endAt).getUTCFullYear()];
    const cur = years.get(iv.timeZone);
    years.set(iv.timeZone, cur ? [Math.min(cur[0], lo), Math.max(cur[1], hi)] : [lo, hi]);
  }
  // The year before too: its last change says which offset holds on 1 January.
  return [...years.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([zone, [lo, hi]]) => vtimezoneLines(zone, lo - 1, hi));
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
  serialise(cal, out, timezones(interviews));
  return out.join('\r\n') + '\r\n';
}
