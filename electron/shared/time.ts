// Wall-clock <-> instant conversions in a named time zone (luxon handles DST gaps and overlaps).
// Shared by main (validation, .ics, due times) and the renderer (date-time inputs).
import { DateTime } from 'luxon';

/** "2026-03-08T02:30" in zone → epoch ms. A time inside a DST gap moves forward, as clocks do. */
export function localToInstant(local: string, zone: string): number | null {
  const dt = DateTime.fromISO(local, { zone });
  return dt.isValid ? dt.toMillis() : null;
}

/** Epoch ms → "2026-03-08T03:30" in zone, for <input type="datetime-local">. */
export function instantToLocal(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

export function isValidZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** "Tue, Mar 10, 2:00 PM EDT" in zone. */
export function formatInZone(ms: number, zone: string, withZone = true, now = Date.now()): string {
  const dt = DateTime.fromMillis(ms, { zone });
  return dt.toLocaleString({
    // A date outside the current year always shows its year.
    ...(dt.year !== DateTime.fromMillis(now, { zone }).year ? { year: 'numeric' as const } : {}),
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(withZone ? { timeZoneName: 'short' } : {}),
  });
}

/** "March 10" (for notes: "Thank you for our conversation on March 10"). */
export function formatDayInZone(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('LLLL d');
}

/** Start and end of the local day containing ms, in zone. */
export function dayBounds(ms: number, zone: string): { start: number; end: number } {
  const d = DateTime.fromMillis(ms, { zone });
  return { start: d.startOf('day').toMillis(), end: d.endOf('day').toMillis() + 1 };
}

/** Adds business days (Mon–Fri) in zone, keeping the wall-clock time. */
export function addBusinessDays(ms: number, days: number, zone: string): number {
  let d = DateTime.fromMillis(ms, { zone });
  let left = days;
  while (left > 0) {
    d = d.plus({ days: 1 });
    if (d.weekday <= 5) left--;
  }
  return d.toMillis();
}
