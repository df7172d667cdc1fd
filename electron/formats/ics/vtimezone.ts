// VTIMEZONE components from the IANA data the runtime carries (luxon over Intl), so a calendar
// shows an interview at the local time it was scheduled in, in its own zone, and moves it when
// that zone's rules say so.
//
// Each offset change in the years the events need is written as its own STANDARD or DAYLIGHT
// observance (DTSTART, TZOFFSETFROM, TZOFFSETTO, no RRULE): exact for any zone, including ones whose
// rules changed, at the price of a few more lines than a recurrence rule.
import { DateTime } from 'luxon';

export interface Transition {
  /** The instant of the change (epoch ms). */
  at: number;
  /** Offsets in minutes east of UTC, before and after. */
  from: number;
  to: number;
  /** Daylight saving time after the change. */
  dst: boolean;
}

const DAY = 86_400_000;
const offsetAt = (zone: string, ms: number) => DateTime.fromMillis(ms, { zone }).offset;

/** Every offset change of `zone` from the start of `fromYear` to the end of `toYear` (UTC years). */
export function transitions(zone: string, fromYear: number, toYear: number): Transition[] {
  const out: Transition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let t = Date.UTC(fromYear, 0, 1);
  let before = offsetAt(zone, t);
  // Changes are months apart; a day's step finds each, then halving finds its minute.
  for (; t < end; t += DAY) {
    const next = Math.min(t + DAY, end);
    const after = offsetAt(zone, next);
    if (after === before) continue;
    let [lo, hi] = [t, next];
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2 / 1000) * 1000;
      if (mid <= lo) break;
      if (offsetAt(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, from: before, to: after, dst: DateTime.fromMillis(hi, { zone }).isInDST });
    before = after;
  }
  return out;
}

/** "+0530", "-0400": RFC 5545 UTC-OFFSET. */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
}

/** The local date-time form of DATE-TIME, without a zone: 20251102T013000. */
export function localForm(dt: DateTime): string {
  return dt.toFormat("yyyyMMdd'T'HHmmss");
}

/**
 * The lines of a VTIMEZONE for `zone` covering `fromYear`..`toYear`. An observance's DTSTART is the
 * local time of the change as the clock read just before it (in TZOFFSETFROM), as RFC 5545 says.
 * A zone that did not change in those years gets one STANDARD observance with its fixed offset.
 */
export function vtimezoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const changes = transitions(zone, fromYear, toYear);
  if (changes.length === 0) {
    const offset = utcOffset(offsetAt(zone, Date.UTC(fromYear, 0, 1)));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  }
  for (const c of changes) {
    const kind = c.dst ? 'DAYLIGHT' : 'STANDARD';
    const wall = DateTime.fromMillis(c.at, { zone: 'UTC' }).plus({ minutes: c.from });
    const name = DateTime.fromMillis(c.at, { zone, locale: 'en-US' }).toFormat('ZZZZ');
    lines.push(`BEGIN:${kind}`, `DTSTART:${localForm(wall)}`, `TZOFFSETFROM:${utcOffset(c.from)}`, `TZOFFSETTO:${utcOffset(c.to)}`);
    // Only a real abbreviation ("EST", "AEDT"); "GMT+1" says nothing the offsets do not.
    if (/^[A-Z]{3,5}$/.test(name)) lines.push(`TZNAME:${name}`);
    lines.push(`END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
