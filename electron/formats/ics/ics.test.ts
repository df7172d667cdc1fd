import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { missingTool, runPython } from '../../testing/external';
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
  // The file's own VTIMEZONEs, so TZID times convert by what the file says.
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents('vevent');
}

const ms = (t: unknown) => (t as InstanceType<typeof ICAL.Time>).toUnixTime() * 1000;

const description = 'Topics: caching, Kafka; "the challenge" = latency\nBring: portfolio\\case study — Zoë 李小龙 🎉';

const interviews: IcsInterview[] = [
  {
    id: 1,
    uid: '0b7c1f2e-8d4a-4c47-9a57-1f3f0e5b9d11',
    sequence: 0,
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
    uid: '5e0d2a77-3f0c-4a8e-b1d4-6c2f9e8a7b22',
    sequence: 1,
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
    uid: 'c4a1e9d0-7b3f-4d2e-8f6a-2b9c0d1e3f33',
    sequence: 2,
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

  it('writes one VEVENT per interview with its own UID, SEQUENCE, and DTSTAMP from its last change (else opts.now)', () => {
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(interviews.map((i) => `${i.uid}@courtesy.local`));
    expect(events.map((e) => e.getFirstPropertyValue('sequence'))).toEqual([0, 1, 2]);
    for (const e of events) expect(ms(e.getFirstPropertyValue('dtstamp'))).toBe(NOW);
    expect(events[0].getFirstProperty('last-modified')).toBeNull();
    const edited = Date.UTC(2025, 0, 2, 8, 0, 0);
    const [e] = parse(interviewsToIcs([{ ...interviews[0], updatedAt: edited }], { now: NOW }));
    expect([ms(e.getFirstPropertyValue('dtstamp')), ms(e.getFirstPropertyValue('last-modified'))]).toEqual([edited, edited]);
    expect(() => interviewsToIcs([{ ...interviews[0], uid: ' ' }], { now: NOW })).toThrow(RangeError);
    expect(interviewsToIcs(interviews, { now: NOW })).toBe(text); // deterministic
    expect(text).toContain('PRODID:-//Courtesy//Courtesy Interviews//EN\r\n');
    expect(text).not.toMatch(/^METHOD:/m);
    expect(interviewsToIcs([], { now: NOW, productId: '-//Test//X//EN' })).toContain('PRODID:-//Test//X//EN\r\n');
  });

  it('writes start and end in the interview’s own zone, the right instants across DST changes', () => {
    expect(text).toContain('DTSTART;TZID=America/New_York:20251102T003000\r\n');
    expect(text).toContain('DTEND;TZID=America/New_York:20251102T030000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20250330T013000\r\n');
    expect(text).toContain('DTEND;TZID=Europe/Berlin:20250330T033000\r\n');
    const times = events.map((e, i) => {
      const ev = new ICAL.Event(e);
      expect(ev.startDate.zone?.tzid).toBe(interviews[i].timeZone);
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

describe('time zones', () => {
  const at = (iso: string, zone: string, uid: string, minutes = 60): IcsInterview => {
    const start = local(iso, zone);
    return { id: 9, uid, title: `At ${iso} ${zone}`, description: null, location: null, startAt: start, endAt: start + minutes * 60_000, timeZone: zone, participants: [] };
  };
  /** The observances of one VTIMEZONE, as [kind, DTSTART, FROM, TO]. */
  const observances = (text: string, zone: string) => {
    const tz = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vtimezone').find((c) => c.getFirstPropertyValue('tzid') === zone)!;
    return tz.getAllSubcomponents().map((o) => [o.name, String(o.getFirstProperty('dtstart')!.toICALString()).split(':')[1], o.getFirstProperty('tzoffsetfrom')!.toICALString().split(':')[1], o.getFirstProperty('tzoffsetto')!.toICALString().split(':')[1]]);
  };

  it('writes a VTIMEZONE with each change of the years needed, for zones with and without DST', () => {
    const out = interviewsToIcs(
      [at('2025-06-01T10:00', 'Europe/Berlin', 'a'), at('2025-06-01T10:00', 'America/New_York', 'b'), at('2025-06-01T10:00', 'Australia/Sydney', 'c'), at('2025-06-01T10:00', 'Asia/Tokyo', 'd'), at('2025-06-01T10:00', 'Asia/Kolkata', 'e')],
      { now: NOW },
    );
    // From the year before (which offset holds on 1 January) to the interview's year.
    expect(observances(out, 'Europe/Berlin')).toEqual([
      ['daylight', '20240331T020000', '+0100', '+0200'],
      ['standard', '20241027T030000', '+0200', '+0100'],
      ['daylight', '20250330T020000', '+0100', '+0200'],
      ['standard', '20251026T030000', '+0200', '+0100'],
    ]);
    expect(observances(out, 'America/New_York')).toEqual([
      ['daylight', '20240310T020000', '-0500', '-0400'],
      ['standard', '20241103T020000', '-0400', '-0500'],
      ['daylight', '20250309T020000', '-0500', '-0400'],
      ['standard', '20251102T020000', '-0400', '-0500'],
    ]);
    expect(out).toContain('TZNAME:EDT\r\n');
    // The southern hemisphere: summer time starts in October.
    expect(observances(out, 'Australia/Sydney')).toEqual([
      ['standard', '20240407T030000', '+1100', '+1000'],
      ['daylight', '20241006T020000', '+1000', '+1100'],
      ['standard', '20250406T030000', '+1100', '+1000'],
      ['daylight', '20251005T020000', '+1000', '+1100'],
    ]);
    expect(observances(out, 'Asia/Tokyo')).toEqual([['standard', '19700101T000000', '+0900', '+0900']]);
    expect(observances(out, 'Asia/Kolkata')).toEqual([['standard', '19700101T000000', '+0530', '+0530']]);
    // One VTIMEZONE per zone, before the events.
    expect(out.match(/BEGIN:VTIMEZONE/g)).toHaveLength(5);
    expect(out.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(out.indexOf('BEGIN:VEVENT'));
  });

  it('keeps UTC interviews in Z form, and writes in UTC a time in the hour the clocks repeat', () => {
    const out = interviewsToIcs([at('2025-06-01T10:00', 'UTC', 'u'), { ...at('2025-11-02T01:30', 'America/New_York', 'r', 30), startAt: Date.UTC(2025, 10, 2, 6, 30), endAt: Date.UTC(2025, 10, 2, 7, 0) }], {
      now: NOW,
    });
    expect(out).toContain('DTSTART:20250601T100000Z\r\n');
    expect(out).not.toContain('TZID:UTC');
    // 06:30 UTC is the second 01:30 in New York; calendars differ on which one TZID means, so it goes out as UTC.
    expect(out).toContain('DTSTART:20251102T063000Z\r\n');
    expect(out).toContain('DTEND;TZID=America/New_York:20251102T020000\r\n');
    const first = interviewsToIcs([{ ...at('2025-11-02T01:30', 'America/New_York', 'f', 30), startAt: Date.UTC(2025, 10, 2, 5, 30), endAt: Date.UTC(2025, 10, 2, 6, 0) }], { now: NOW });
    expect(first).toContain('DTSTART:20251102T053000Z\r\n');
    const [e] = parse(first);
    expect(ms(e.getFirstPropertyValue('dtstart'))).toBe(Date.UTC(2025, 10, 2, 5, 30));
  });

  it('reads back in Python’s icalendar: the VTIMEZONE is found and every start and end is the same instant', (t) => {
    const why = missingTool('icalendar');
    if (why) return t.skip(why);
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Tokyo', 'Asia/Kolkata', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'UTC'];
    const list: IcsInterview[] = [];
    let n = 0;
    // Around every change and through the year, in every zone: 2024 to 2026, every 5 days and 7 hours.
    for (const zone of zones) for (let ms = Date.UTC(2024, 0, 3); ms < Date.UTC(2026, 11, 20); ms += 5 * 86_400_000 + 7 * 3_600_000 + 13 * 60_000) {
      list.push({ id: ++n, uid: `u${n}`, title: 't', description: null, location: null, startAt: ms, endAt: ms + 90 * 60_000, timeZone: zone, participants: [] });
    }
    for (const iv of interviews) list.push({ ...iv, id: ++n });
    const out = interviewsToIcs(list, { now: NOW });
    const script = `
import sys, json, icalendar, pytz
from datetime import datetime
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
tzs = {str(c['TZID']): c.to_tz() for c in cal.walk('VTIMEZONE')}
def instant(prop):
    dt = prop.dt
    tzid = prop.params.get('TZID')
    own = None
    if tzid:
        tz = tzs[str(tzid)]  # the file's own VTIMEZONE, not pytz's copy of the zone
        naive = dt.replace(tzinfo=None)
        try:
            own = tz.localize(naive, is_dst=None)
        except pytz.exceptions.AmbiguousTimeError:
            own = min(tz.localize(naive, is_dst=True), tz.localize(naive, is_dst=False))  # RFC 5545: the first
        own = int(own.timestamp() * 1000)
    return [int(dt.timestamp() * 1000), own]
print(json.dumps([[str(e['UID']), instant(e['DTSTART']), instant(e['DTEND']) if 'DTEND' in e else None] for e in cal.walk('VEVENT')]))
`;
    const rows = JSON.parse(runPython(script, out)) as Array<[string, [number, number | null], [number, number | null] | null]>;
    expect(rows).toHaveLength(list.length);
    const bad = rows.filter(([, s, e], i) => s[0] !== list[i].startAt || (s[1] !== null && s[1] !== list[i].startAt) || (e && (e[0] !== list[i].endAt || (e[1] !== null && e[1] !== list[i].endAt))));
    expect(bad).toEqual([]);
    // The file's own zones were used for every zoned time.
    expect(rows.filter(([, s]) => s[1] !== null).length).toBeGreaterThan(list.length * 0.8);
  });
});
