const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * How long something has lasted, in words nobody misreads: "12 min", "5 hours", "3 days", "6 weeks",
 * "1 month", "2 years" ("1m" read as a month when it meant a minute). Rounded down, so never overstated.
 */
export function duration(ms: number): string {
  const a = Math.max(0, ms);
  if (a < HOUR) return `${Math.max(1, Math.floor(a / MIN))} min`;
  if (a < DAY) return plural(Math.floor(a / HOUR), 'hour');
  if (a < 14 * DAY) return plural(Math.floor(a / DAY), 'day');
  if (a < 60 * DAY) return plural(Math.floor(a / (7 * DAY)), 'week');
  if (a < 365 * DAY) return plural(Math.floor(a / (30 * DAY)), 'month');
  return plural(Math.floor(a / (365 * DAY)), 'year');
}

/** "in 5 h", "3 days ago": what a person reads at a glance. */
export function relative(ts: number, now: number): string {
  const d = ts - now;
  const a = Math.abs(d);
  let text: string;
  if (a < MIN) return d >= 0 ? 'now' : 'just now';
  if (a < HOUR) text = `${Math.round(a / MIN)} min`;
  else if (a < 2 * DAY) text = `${Math.round(a / HOUR)} h`;
  else text = `${Math.round(a / DAY)} days`;
  return d >= 0 ? `in ${text}` : `${text} ago`;
}

// Dates show in the time zone from Settings (the app's, not necessarily the browser's), so the
// composer, Today and the timelines agree with the interview times and due times computed in main.
let zone: string | undefined;
let dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
let dateTimeFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
let timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

export function setDisplayZone(timeZone: string) {
  if (timeZone === zone) return;
  try {
    dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone });
    dateTimeFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone });
    timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone });
    zone = timeZone;
  } catch {
    // An unknown zone keeps the browser's (settings validate zones, so this is only a safety net).
  }
}

/** The display zone from Settings (undefined: the browser's). */
export const displayZone = () => zone;

export const formatTime = (ts: number) => timeFmt.format(ts);
export const formatDate = (ts: number | null | undefined) => (ts == null ? '' : dateFmt.format(ts));

export const formatDateTime = (ts: number | null | undefined) => (ts == null ? '' : dateTimeFmt.format(ts));

// The app's words are English, so plurals and lists follow English rules whatever the browser's locale.
const pluralRules = new Intl.PluralRules('en');
const lists = {
  /** "a, b, c": a plain enumeration (what the screens showed before Intl did it). */
  unit: new Intl.ListFormat('en', { type: 'unit', style: 'short' }),
  /** "a, b, and c": a list read as a sentence. */
  and: new Intl.ListFormat('en', { type: 'conjunction' }),
};

/** The word for a count: word(1, 'card') → "card", word(3, 'card') → "cards", word(2, 'it', 'them') → "them". */
export function word(n: number, one: string, other = one + 's'): string {
  return pluralRules.select(n) === 'one' ? one : other;
}

/** A count with its word: "1 card", "3 cards". */
export function plural(n: number, one: string, other = one + 's'): string {
  return `${n} ${word(n, one, other)}`;
}

/** Items joined by Intl.ListFormat; empty items are left out. */
export function list(items: Iterable<string>, type: keyof typeof lists = 'unit'): string {
  return lists[type].format([...items].filter((s) => s !== ''));
}

export function money(n: number | null, currency: string | null): string {
  if (n == null) return '';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency ?? 'USD', maximumFractionDigits: 0 }).format(n);
  } catch {
    return String(n);
  }
}
