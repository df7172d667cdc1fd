import { describe, expect, it } from 'vitest';
import { formatInZone } from './time';

describe('formatInZone', () => {
  it('shows the year only for a date outside the current year', () => {
    const now = Date.UTC(2026, 11, 31, 12);
    expect(formatInZone(Date.UTC(2026, 10, 24, 15), 'America/New_York', false, now)).not.toMatch(/2026/);
    expect(formatInZone(Date.UTC(2027, 0, 5, 15), 'America/New_York', false, now)).toMatch(/2027/);
    // Dec 31 2026 11:30 PM in New York is already 2027 in UTC: the year is the zone's.
    expect(formatInZone(Date.UTC(2027, 0, 1, 4, 30), 'America/New_York', false, now)).not.toMatch(/2027/);
  });
});
