import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { interviewsToIcs, type IcsInterview } from './ics';

const NOW = Date.UTC(2025, 0, 15, 9, 30, 0);

function local(iso: string, zone: string): number {
  const dt = DateTime.fromISO(iso, { zone });
  expect(dt.isValid).toBe(true);
  return dt.toMillis();
}

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.name).toBe('vcalendar');
  return cal.getAllSubcomponents('vevent');
}

const ms = (t: unknown) => (t as InstanceType<typeof ICAL.Time>).toUnixTime() * 1000;

const description = 'Topics: caching, Kafka; "the challenge" = latency\nBring: portfolio\\case study — Zoë 李小龙 🎉';

const interviews: IcsInterview[] = [
  {
    id: 1,
    title: 'Interview: Acme — Staff Engineer (Round 2)',
    description,
    location: 'Acme HQ, 5th floor; Room "Lovelace"',
    url: 'https://meet.example/abc-defg-hij?pwd=1',
    // New York falls back at 02:00 on 2 Nov 2025: 00:30 EDT to 03:00 EST is 3.5 hours.
    startAt: local('2025-11-02T00:30', 'America/New_York'),
    endAt: local('2025-11-02T03:00', 'America/New_York'),
    timeZone: 'America/New_York',
    participants: [
      { name: 'Jane "JD" Doe, PhD; Eng', email: 'jane.doe@acme.example' },
      { name: 'Sam (no e-mail)', email: null },
      { name: 'Typo', email: 'not an address' },
      { name: 'Ørjan Ås', email: 'orjan@acme.example' },
    ],
  },
  {
    id: 2,
    title: 'Interview: Nordlys — Designer',
    description: null,
    location: null,
    // Berlin springs forward at 02:00 on 30 Mar 2025: 01:30 CET to 03:30 CEST is 1 hour.
    startAt: local('2025-03-30T01:30', 'Europe/Berlin'),
    endAt: local('2025-03-30T03:30', 'Europe/Berlin'),
    timeZone: 'Europe/Berlin',
    participants: [],
  },
  {
    id: 3,
    title: 'Interview: Globex — Platform Lead',
    description: 'Phone screen',
    location: 'Phone',
    url: 'not a url',
    // New York springs forward at 02:00 on 9 Mar 2025: 01:30 EST to 03:30 EDT is 1 hour.
    startAt: local('2025-03-09T01:30', 'America/New_York'),
    endAt: local('2025-03-09T03:30', 'America/New_York'),
    timeZone: 'America/New_York',
    participants: [{ name: 'Recruiter', email: 'talent@globex.example' }],
  },
];

describe('interviewsToIcs', () => {
  const text = interviewsToIcs(interviews, { now: NOW });
  const events = parse(text);

  it('writes one VEVENT per interview with stable UIDs and DTSTAMP from opts.now', () => {
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([
      'interview-1@courtesy.local',
      'interview-2@courtesy.local',
      'interview-3@courtesy.local',
    ]);
    for (const e of events) expect(ms(e.getFirstPropertyValue('dtstamp'))).toBe(NOW);
    expect(interviewsToIcs(interviews, { now: NOW })).toBe(text); // deterministic
    expect(text).toContain('PRODID:-//Courtesy//Courtesy Interviews//EN\r\n');
    expect(text).not.toMatch(/^METHOD:/m);
    expect(interviewsToIcs([], { now: NOW, productId: '-//Test//X//EN' })).toContain('PRODID:-//Test//X//EN\r\n');
  });

  it('writes start and end as the right UTC instants across DST changes', () => {
    const times = events.map((e) => {
      const ev = new ICAL.Event(e);
      expect(ev.startDate.zone?.tzid).toBe('UTC');
      return [new Date(ms(ev.startDate)).toISOString(), new Date(ms(ev.endDate)).toISOString()];
    });
    expect(times).toEqual([
      ['2025-11-02T04:30:00.000Z', '2025-11-02T08:00:00.000Z'],
      ['2025-03-30T00:30:00.000Z', '2025-03-30T01:30:00.000Z'],
      ['2025-03-09T06:30:00.000Z', '2025-03-09T07:30:00.000Z'],
    ]);
    expect(events.map((e) => ms(e.getFirstPropertyValue('dtstart')))).toEqual(interviews.map((i) => i.startAt));
    expect(events.map((e) => ms(e.getFirstPropertyValue('dtend')))).toEqual(interviews.map((i) => i.endAt));
  });

  it('keeps summary, description and location text intact, including non-ASCII and delimiters', () => {
    const ev = new ICAL.Event(events[0]);
    expect(ev.summary).toBe('Interview: Acme — Staff Engineer (Round 2)');
    expect(ev.description).toBe(description);
    expect(ev.location).toBe('Acme HQ, 5th floor; Room "Lovelace"');
    expect(events[0].getFirstPropertyValue('url')).toBe('https://meet.example/abc-defg-hij?pwd=1');
    expect(events[1].getFirstProperty('description')).toBeNull();
    expect(events[1].getFirstProperty('location')).toBeNull();
    expect(events[2].getFirstProperty('url')).toBeNull(); // invalid URL dropped, export still works
  });

  it('lists participants with a valid e-mail as ATTENDEEs', () => {
    const attendees = events[0].getAllProperties('attendee').map((p) => [p.getParameter('cn'), p.getFirstValue()]);
    expect(attendees).toEqual([
      ["Jane 'JD' Doe, PhD; Eng", 'mailto:jane.doe@acme.example'],
      ['Ørjan Ås', 'mailto:orjan@acme.example'],
    ]);
    expect(events[1].getAllProperties('attendee')).toEqual([]);
    expect(events[2].getAllProperties('attendee')).toHaveLength(1);
  });

  it('adds a DISPLAY alarm N minutes before the start', () => {
    const trigger = (e: InstanceType<typeof ICAL.Component>) => {
      const alarms = e.getAllSubcomponents('valarm');
      expect(alarms).toHaveLength(1);
      expect(alarms[0].getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(alarms[0].getFirstPropertyValue('description')).toBe(e.getFirstPropertyValue('summary'));
      return alarms[0].getFirstPropertyValue('trigger');
    };
    for (const e of events) expect((trigger(e) as InstanceType<typeof ICAL.Duration>).toSeconds()).toBe(-30 * 60);

    const custom = parse(interviewsToIcs(interviews.slice(0, 1), { now: NOW, alarmMinutesBefore: 90 }));
    expect((trigger(custom[0]) as InstanceType<typeof ICAL.Duration>).toSeconds()).toBe(-90 * 60);

    const atStart = parse(interviewsToIcs(interviews.slice(0, 1), { now: NOW, alarmMinutesBefore: 0 }));
    expect(ms(trigger(atStart[0]))).toBe(interviews[0].startAt);

    expect(() => interviewsToIcs(interviews, { now: NOW, alarmMinutesBefore: -5 })).toThrow(RangeError);
  });

  it('folds lines validly: CRLF, at most 75 octets, continuation with one space, no split characters', () => {
    const long: IcsInterview = {
      ...interviews[0],
      id: 4,
      title: 'Interview: Ångström & Zoë Designbyrå — Principal Product Designer (Round 3 of 4), C:\\new; 李小龙 🎉🎉',
      description: ('Zoë Ångström 李小龙 🎉, semi; colon: ' + description + '\n').repeat(8),
    };
    const out = interviewsToIcs([long], { now: NOW });
    expect(out.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = out.split('\r\n').slice(0, -1);
    expect(physical.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5);
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line.startsWith('\t')).toBe(false);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$/);
      expect(line).not.toMatch(/^ ?[\uDC00-\uDFFF]/);
    }
    const ev = new ICAL.Event(parse(out)[0]);
    expect(ev.summary).toBe(long.title);
    expect(parse(out)[0].getFirstSubcomponent('valarm')?.getFirstPropertyValue('description')).toBe(long.title);
    expect(ev.description).toBe(long.description);
  });

  it('omits DTEND for a zero-length interview and rejects an end before the start', () => {
    const at = Date.UTC(2025, 5, 1, 15, 0, 0);
    const [e] = parse(interviewsToIcs([{ ...interviews[1], startAt: at, endAt: at }], { now: NOW }));
    expect(e.getFirstProperty('dtend')).toBeNull();
    expect(ms(e.getFirstPropertyValue('dtstart'))).toBe(at);
    expect(() => interviewsToIcs([{ ...interviews[1], startAt: at, endAt: at - 1 }], { now: NOW })).toThrow(RangeError);
  });
});
