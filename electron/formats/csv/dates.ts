// Date cells: ISO, US and day-first numbers, written-out months, in the user's time zone.
import { DateTime } from 'luxon';

export type DateOrder = 'mdy' | 'dmy';

const SLASH_DATE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;
/** "03/11" without a year: slashes only, since "3-11" is as often a range as a date. */
const SLASH_NO_YEAR = /^(\d{1,2})\/(\d{1,2})$/;
const MONTH_FORMATS = ['MMM d yyyy', 'MMMM d yyyy', 'd MMM yyyy', 'd MMMM yyyy', 'd-MMM-yyyy', 'd-MMM-yy', 'MMM d yy', 'MMMM yyyy', 'MMM yyyy'];
const MONTH_FORMATS_NO_YEAR = ['MMM d', 'MMMM d', 'd MMM', 'd MMMM', 'd-MMM'];
const DATE_HINT = 'use 2026-11-03, 11/03/2026 or Nov 3, 2026';

interface Clock {
  h: number;
  m: number;
  sec: number;
  msec: number;
  /** "-05:00" or "Z" after the time: the instant is fixed whatever the zone (our export writes one only where a local time happens twice). */
  offset: string | null;
}

/** Splits "Nov 3, 2026 9:14 AM" or "2026-11-01 01:30:00.250 -05:00" into date and time parts. */
function splitTime(s: string): { date: string } & Clock {
  const t = /^(.*?)[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*([ap]\.?m\.?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/i.exec(s);
  if (!t) return { date: s, h: 0, m: 0, sec: 0, msec: 0, offset: null };
  let h = Number(t[2]);
  const pm = t[6]?.toLowerCase().startsWith('p');
  if (t[6]) h = (h % 12) + (pm ? 12 : 0);
  return { date: t[1], h, m: Number(t[3]), sec: Number(t[4] ?? 0), msec: Number((t[5] ?? '0').padEnd(3, '0')), offset: t[7] ?? null };
}

export type DateRead = { ms: number; /** Set when the cell had no year and the most recent past date was taken. */ assumedYear?: number } | { error: string };

/**
 * Reads a date in the user's zone; a date without a time is the start of that day. A date without a
 * year ("Mar 3", "3 March", "03/03") is the most recent such day on or before `now` (a spreadsheet row
 * is about something that happened), and the answer says which year it took.
 */
export function parseDate(raw: string, zone: string, order: DateOrder, now?: number): DateRead {
  const s = raw.trim();
  const bad = { error: `“${raw.trim()}” is not a date we can read (${DATE_HINT}).` };
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const dt = DateTime.fromISO(s, { zone });
    return dt.isValid ? { ms: dt.toMillis() } : bad;
  }
  // Notion writes ranges as "Nov 3, 2026 → Nov 5, 2026": the start counts.
  const { date, h, m, sec, msec, offset } = splitTime(s.split('→')[0].trim());
  let y: number | null, mo: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(date))) [y, mo, d] = [+match[1], +match[2], +match[3]];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(date))) [d, mo, y] = [+match[1], +match[2], +match[3]]; // dotted: day first, as in Europe
  else if ((match = SLASH_DATE.exec(date) ?? SLASH_NO_YEAR.exec(date))) {
    const [a, b] = [+match[1], +match[2]];
    [mo, d] = order === 'mdy' ? [a, b] : [b, a];
    y = match[3] === undefined ? null : +match[3];
  } else {
    const cleaned = date
      .replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '')
      .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
      .replace(/\bsept\b/i, 'Sep')
      .replace(/\b([a-z]{3,9})\./gi, '$1')
      .replace(/,/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const read = (text: string, formats: string[]) => formats.map((f) => DateTime.fromFormat(text, f, { zone: 'UTC', locale: 'en-US' })).find((x) => x.isValid);
    const full = read(cleaned, MONTH_FORMATS);
    // Read against a leap year, so "Feb 29" is a date whatever this year is.
    const yearless = full ? undefined : read(`${cleaned} 2000`, MONTH_FORMATS_NO_YEAR.map((f) => `${f} yyyy`));
    const dt = full ?? yearless;
    if (!dt) return bad;
    [y, mo, d] = [full ? dt.year : null, dt.month, dt.day];
  }
  const at = offset ? (offset === 'Z' || offset === 'z' ? 'UTC' : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}`) : zone;
  const make = (year: number) => DateTime.fromObject({ year, month: mo, day: d, hour: h, minute: m, second: sec, millisecond: msec }, { zone: at });
  if (y === null) {
    if (now === undefined) return bad;
    // The most recent past one: this year's, else last year's; 29 February goes back to the last leap year.
    const today = DateTime.fromMillis(now, { zone: at });
    for (let year = today.year; year > today.year - 9; year--) {
      const dt = make(year);
      if (dt.isValid && dt.month === mo && dt.toMillis() <= now) return { ms: dt.toMillis(), assumedYear: year };
    }
    return bad;
  }
  if (y < 100) y += 2000;
  const dt = make(y);
  return dt.isValid ? { ms: dt.toMillis() } : bad;
}

/** Which way round slash dates go: the file decides when a day above 12 shows it; otherwise month first (US), said as an assumption. */
export function detectDateOrder(cells: string[], given: DateOrder | undefined): { order: DateOrder; assumed: boolean; example: string | null; mixed: boolean } | null {
  let dayFirst = false;
  let monthFirst = false;
  let example: string | null = null;
  let any = false;
  for (const c of cells) {
    const m = SLASH_DATE.exec(splitTime(c.trim()).date) ?? SLASH_NO_YEAR.exec(splitTime(c.trim()).date);
    if (!m) continue;
    any = true;
    const [a, b] = [+m[1], +m[2]];
    if (a > 12) dayFirst = true;
    else if (b > 12) monthFirst = true;
    else if (a !== b && !example) example = c.trim();
  }
  if (!any) return null;
  if (given) return { order: given, assumed: false, example, mixed: false };
  if (dayFirst && !monthFirst) return { order: 'dmy', assumed: false, example, mixed: false };
  return { order: 'mdy', assumed: !monthFirst && !dayFirst && example !== null, example, mixed: dayFirst && monthFirst };
}

