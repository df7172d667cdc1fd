// Calendar days and date fields in the display zone, counted with luxon. Apart from lib/format.ts so
// luxon (70 KB) loads with the screens that show due days and date inputs, not with the pipeline's
// first render.
import { DateTime } from 'luxon';
import { displayZone, formatTime, relative } from './format';

const inZone = (ts: number) => DateTime.fromMillis(ts, { zone: displayZone() ?? 'local' });

/**
 * The day of `ts` as said from `now`, in the display zone: "today", "tomorrow", "yesterday", "Monday"
 * (within the coming week), "Dec 14", and "Jan 3, 2027" once it is in another year than now.
 * Counted in calendar days (luxon), so a DST change or a year boundary in between does not shift it.
 */
export function dayWord(ts: number, now: number): string {
  const d = inZone(ts);
  const n = inZone(now);
  const days = Math.round(d.startOf('day').diff(n.startOf('day'), 'days').days);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  if (days > 1 && days < 7) return d.toLocaleString({ weekday: 'long' });
  return d.toLocaleString(d.year === n.year ? { month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric', year: 'numeric' });
}

/**
 * A due time with its clock time and its countdown: "due 3:00 PM tomorrow · in 19 h", "overdue since
 * 9:00 AM yesterday · 27 h ago". Every due time on every screen goes through here, with the one `now`
 * from useNow, so the figures agree across the screen.
 */
export function dueText(dueAt: number, now: number): string {
  const when = `${formatTime(dueAt)} ${dayWord(dueAt, now)}`;
  return dueAt < now ? `overdue since ${when} · ${relative(dueAt, now)}` : `due ${when} · ${relative(dueAt, now)}`;
}
/** Value for <input type="date">, in the display zone. */
export function toDateInput(ts: number | null | undefined): string {
  if (ts == null) return '';
  return DateTime.fromMillis(ts, { zone: displayZone() ?? 'local' }).toISODate() ?? '';
}

/** Start of that day in the display zone. */
export function fromDateInput(v: string): number | null {
  if (!v) return null;
  const d = DateTime.fromISO(v, { zone: displayZone() ?? 'local' });
  return d.isValid ? d.toMillis() : null;
}
