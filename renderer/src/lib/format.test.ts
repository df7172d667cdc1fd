import { describe, expect, it } from 'vitest';
import { dayWord, dueText, fromDateInput, toDateInput } from './dates';
import { duration, formatDateTime, list, plural, relative, setDisplayZone, word } from './format';

describe('dates in the display zone', () => {
  it('show and read dates in the zone from Settings, not the machine', () => {
    setDisplayZone('Asia/Tokyo');
    // 2026-11-21 20:00 UTC is already the 22nd in Tokyo.
    expect(toDateInput(Date.UTC(2026, 10, 21, 20))).toBe('2026-11-22');
    expect(fromDateInput('2026-11-22')).toBe(Date.UTC(2026, 10, 21, 15));
    expect(formatDateTime(Date.UTC(2026, 10, 21, 20))).toMatch(/22.*5:00/);
    setDisplayZone('America/Los_Angeles');
    expect(toDateInput(Date.UTC(2026, 10, 21, 20))).toBe('2026-11-21');
    expect(fromDateInput('not a date')).toBeNull();
  });
  it('keeps the previous zone when given an unknown one', () => {
    setDisplayZone('Europe/Paris');
    setDisplayZone('Mars/Olympus');
    expect(toDateInput(Date.UTC(2026, 10, 21, 23, 30))).toBe('2026-11-22');
  });
  it('reads relative times the way a person says them', () => {
    const now = Date.UTC(2026, 10, 21, 12);
    expect(relative(now + 5 * 3_600_000, now)).toBe('in 5 h');
    expect(relative(now - 3 * 86_400_000, now)).toBe('3 days ago');
    expect(relative(now + 30_000, now)).toBe('now');
  });
});

describe('due times', () => {
  // ICU puts a narrow no-break space before AM/PM; people read a space.
  const due = (at: number, now: number) => dueText(at, now).replace(/\s/g, ' ');
  const HOUR = 3_600_000;
  it('show the clock time, the day and the countdown', () => {
    setDisplayZone('America/New_York');
    const now = Date.UTC(2026, 10, 24, 20); // Tue Nov 24, 3:00 PM in New York
    expect(due(now + 19 * HOUR, now)).toBe('due 10:00 AM tomorrow · in 19 h');
    expect(due(now + 2 * HOUR, now)).toBe('due 5:00 PM today · in 2 h');
    expect(due(now - 21 * HOUR, now)).toBe('overdue since 6:00 PM yesterday · 21 h ago');
    expect(due(now + 3 * 24 * HOUR, now)).toBe('due 3:00 PM Friday · in 3 days');
    expect(due(now + 10 * 24 * HOUR, now)).toBe('due 3:00 PM Dec 4 · in 10 days');
  });
  it('count calendar days across a DST change', () => {
    setDisplayZone('America/New_York');
    // Sat Oct 31, 8:00 PM EDT; the clocks go back that night, so 3:00 PM Sunday is 20 hours away.
    const now = Date.UTC(2026, 10, 1, 0);
    expect(due(Date.UTC(2026, 10, 1, 20), now)).toBe('due 3:00 PM tomorrow · in 20 h');
    // Spring forward: Sat Mar 13 2027, 11:00 PM EST to Sun 9:00 AM EDT is 9 hours, still "tomorrow".
    expect(due(Date.UTC(2027, 2, 14, 13), Date.UTC(2027, 2, 14, 4))).toBe('due 9:00 AM tomorrow · in 9 h');
  });
  it('show the year of a date outside the current one, and not otherwise', () => {
    setDisplayZone('America/New_York');
    const newYearsEve = Date.UTC(2027, 0, 1, 3); // Dec 31 2026, 10:00 PM
    expect(due(Date.UTC(2027, 0, 1, 20), newYearsEve)).toBe('due 3:00 PM tomorrow · in 17 h');
    expect(due(Date.UTC(2027, 0, 8, 20), newYearsEve)).toBe('due 3:00 PM Jan 8, 2027 · in 8 days');
    expect(due(Date.UTC(2026, 11, 30, 20), Date.UTC(2027, 0, 2, 15))).toBe('overdue since 3:00 PM Dec 30, 2026 · 3 days ago');
    expect(dayWord(Date.UTC(2026, 11, 20, 20), newYearsEve)).toBe('Dec 20');
  });
});

describe('durations', () => {
  it('spell out the unit, so a minute is never read as a month', () => {
    const MIN = 60_000;
    const DAY = 86_400_000;
    expect(duration(0)).toBe('1 min');
    expect(duration(59 * MIN)).toBe('59 min');
    expect(duration(60 * MIN)).toBe('1 hour');
    expect(duration(3 * DAY + 5 * 60 * MIN)).toBe('3 days');
    expect(duration(20 * DAY)).toBe('2 weeks');
    expect(duration(70 * DAY)).toBe('2 months');
    expect(duration(400 * DAY)).toBe('1 year');
  });
});

describe('plurals and lists', () => {
  it('pick the English word for a count', () => {
    expect(plural(1, 'card')).toBe('1 card');
    expect(plural(0, 'card')).toBe('0 cards');
    expect(plural(3, 'reply', 'replies')).toBe('3 replies');
    expect(word(2, 'it', 'them')).toBe('them');
    expect(word(1, 'it', 'them')).toBe('it');
  });
  it('join items as a plain enumeration or a sentence', () => {
    expect(list(['a', 'b', 'c'])).toBe('a, b, c');
    expect(list(['a', '', 'b'])).toBe('a, b');
    expect(list([])).toBe('');
    expect(list(['Dana', 'Lee', 'Sam'], 'and')).toBe('Dana, Lee, and Sam');
  });
});
