import { describe, expect, it } from 'vitest';
import { duration, formatDateTime, fromDateInput, list, plural, relative, setDisplayZone, toDateInput, word } from './format';

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
