// Date cells: ISO, US and day-first numbers, written-out months, in the user's time zone.
import { DateTime } from 'luxon';

export type DateOrder = 'mdy' | 'dmy';

const SLASH_DATE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;
const MONTH_FORMATS = ['MMM d yyyy', 'MMMM d yyyy', 'd MMM yyyy', 'd MMMM yyyy', 'd-MMM-yyyy', 'd-MMM-yy', 'MMM d yy', 'MMMM yyyy', 'MMM yyyy'];
const DATE_HINT = 'use 2026-11-03, 11/03/2026 or Nov 3, 2026';

/** Splits "Nov 3, 2026 9:14 AM" into date and time parts. */
function splitTime(s: string): { date: string; h: number; m: number; sec: number } {
  const t = /^(.*?)[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(s);
  if (!t) return { date: s, h: 0, m: 0, sec: 0 };
  let h = Number(t[2]);
  const pm = t[5]?.toLowerCase().startsWith('p');
  if (t[5]) h = (h % 12) + (pm ? 12 : 0);
  return { date: t[1], h, m: Number(t[3]), sec: Number(t[4] ?? 0) };
}

/** Reads a date in the user's zone; a date without a time is the start of that day. */
export function parseDate(raw: string, zone: string, order: DateOrder): { ms: number } | { error: string } {
  const s = raw.trim();
  const bad = { error: `“${raw.trim()}” is not a date we can read (${DATE_HINT}).` };
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const dt = DateTime.fromISO(s, { zone });
    return dt.isValid ? { ms: dt.toMillis() } : bad;
  }
  // Notion writes ranges as "Nov 3, 2026 → Nov 5, 2026": the start counts.
  const { date, h, m, sec } = splitTime(s.split('→')[0].trim());
  let y: number, mo: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(date))) [y, mo, d] = [+match[1], +match[2], +match[3]];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(date))) [d, mo, y] = [+match[1], +match[2], +match[3]]; // dotted: day first, as in Europe
  else if ((match = SLASH_DATE.exec(date))) {
    const [a, b] = [+match[1], +match[2]];
    [mo, d] = order === 'mdy' ? [a, b] : [b, a];
    y = +match[3];
  } else {
    const cleaned = date
      .replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '')
      .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
      .replace(/\bsept\b/i, 'Sep')
      .replace(/\b([a-z]{3,9})\./gi, '$1')
      .replace(/,/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const dt = MONTH_FORMATS.map((f) => DateTime.fromFormat(cleaned, f, { zone, locale: 'en-US' })).find((x) => x.isValid);
    if (!dt) return bad;
    [y, mo, d] = [dt.year, dt.month, dt.day];
  }
  if (y < 100) y += 2000;
  const dt = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: m, second: sec }, { zone });
  return dt.isValid ? { ms: dt.toMillis() } : bad;
}

/** Which way round slash dates go: the file decides when a day above 12 shows it; otherwise month first (US), said as an assumption. */
export function detectDateOrder(cells: string[], given: DateOrder | undefined): { order: DateOrder; assumed: boolean; example: string | null; mixed: boolean } | null {
  let dayFirst = false;
  let monthFirst = false;
  let example: string | null = null;
  let any = false;
  for (const c of cells) {
    const m = SLASH_DATE.exec(splitTime(c.trim()).date);
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

