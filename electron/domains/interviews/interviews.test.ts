import { afterEach, describe, expect, it } from 'vitest';
import { localToInstant } from '../../shared/time';
import { testCore, type TestCore } from '../../testing/core';
import { missingTool, runPython } from '../../testing/external';

let core: TestCore;
afterEach(() => core?.close());
const HOUR = 3_600_000;
const DAY_MS = 24 * HOUR;

async function setup(now: number) {
  core = await testCore({ now });
  await core.api('settings.update', { timeZone: 'America/New_York' });
  const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
  return app;
}

describe('interviews', () => {
  it('schedules with participants (existing and quick-captured), moves the application to interviewing, and owes each a thank-you', async () => {
    const start = localToInstant('2026-11-23T10:00', 'America/New_York')!;
    const app = await setup(start - 48 * HOUR);
    const dana = core.ctx.sqlite.prepare("INSERT INTO contacts (name, email, company_id) VALUES ('Dana Lee', 'dana@globex.example', ?)").run(app.companyId);
    const iv = await core.api('interviews.create', {
      applicationId: app.id,
      round: 'Onsite',
      kind: 'onsite',
      startAt: start,
      endAt: start + 2 * HOUR,
      participants: [{ contactId: Number(dana.lastInsertRowid) }, { name: 'Sam Ortiz' }],
    });
    expect(iv.timeZone).toBe('America/New_York');
    expect(iv.participants.map((p) => p.name)).toEqual(['Dana Lee', 'Sam Ortiz']);
    expect(iv.participants.every((p) => p.thankYouStatus === 'draft')).toBe(true);
    const sam = core.ctx.sqlite.prepare("SELECT company_id AS companyId, met_how AS met FROM contacts WHERE name = 'Sam Ortiz'").get() as { companyId: number; met: string };
    expect(sam.companyId).toBe(app.companyId);
    expect(sam.met).toBe('Interview (Onsite) on November 23');
    const detail = await core.api('applications.get', { id: app.id });
    expect(detail.stage).toBe('interviewing');
    expect(detail.events.at(-1)).toMatchObject({ fromStage: 'applied', toStage: 'interviewing', note: 'Interview scheduled' });
    const notes = core.ctx.sqlite.prepare('SELECT due_at AS dueAt, kind, status FROM notes ORDER BY id').all();
    expect(notes).toEqual([
      { dueAt: start + 26 * HOUR, kind: 'thank_you', status: 'draft' },
      { dueAt: start + 26 * HOUR, kind: 'thank_you', status: 'draft' },
    ]);
    // Not due before the interview ends; due (with the count on the pipeline card) after.
    let [card] = (await core.api('applications.list', {})).items;
    expect(card.dueCount).toBe(0);
    core.ctx.clock.set(start + 3 * HOUR);
    [card] = (await core.api('applications.list', {})).items;
    expect(card).toMatchObject({ dueCount: 2, dueThankYouCount: 2, overdueCount: 0, nextDueAt: start + 26 * HOUR });
    core.ctx.clock.set(start + 27 * HOUR);
    [card] = (await core.api('applications.list', {})).items;
    expect(card.overdueCount).toBe(2);
  });

  it('does not move an application already past interviewing, and a quick capture reuses the same person', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    await core.api('applications.moveStage', { id: app.id, stage: 'offer' });
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: Date.UTC(2026, 10, 21, 15), endAt: Date.UTC(2026, 10, 21, 16), participants: [{ name: 'Ana' }] });
    expect((await core.api('applications.get', { id: app.id })).stage).toBe('offer');
    const again = await core.api('interviews.addParticipant', { interviewId: iv.id, participant: { name: 'ana' } });
    expect(again.participants).toHaveLength(1);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1);
  });

  it('rejects an end before the start and unknown time zones, beside the fields', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    const env = await core.call('interviews.create', { applicationId: app.id, kind: 'video', startAt: 2000, endAt: 1000, timeZone: 'Nowhere/City' });
    expect(!env.ok && env.error.fields).toMatchObject({ timeZone: expect.stringContaining('Time zone is not one') });
    const env2 = await core.call('interviews.create', { applicationId: app.id, kind: 'video', startAt: 2000, endAt: 1000 });
    expect(!env2.ok && env2.error.fields).toEqual({ endAt: 'The end must be after the start.' });
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: 1000, endAt: 2000 });
    const env3 = await core.call('interviews.update', { id: iv.id, startAt: 5000 });
    expect(!env3.ok && env3.error.fields).toEqual({ endAt: 'The end must be after the start.' });
  });

  it('reschedules open thank-yous with the interview; due hours follow the setting', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    await core.api('settings.update', { thankYouDueHours: 12 });
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'phone', startAt: Date.UTC(2026, 10, 21, 15), endAt: Date.UTC(2026, 10, 21, 16), participants: [{ name: 'Ana' }] });
    await core.api('interviews.update', { id: iv.id, startAt: Date.UTC(2026, 10, 22, 15), endAt: Date.UTC(2026, 10, 22, 16) });
    expect(core.ctx.sqlite.prepare('SELECT due_at FROM notes').pluck().get()).toBe(Date.UTC(2026, 10, 22, 16) + 12 * HOUR);
  });

  it('is due 24 real hours after an interview that ends just before a DST change, shown in local time', async () => {
    // US clocks spring forward on 2026-03-08 at 02:00: 24 h after Saturday 15:00 EST is Sunday 16:00 EDT.
    const end = localToInstant('2026-03-07T15:00', 'America/New_York')!;
    const app = await setup(end - 5 * HOUR);
    await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: end - HOUR, endAt: end, participants: [{ name: 'Ana' }] });
    const due = core.ctx.sqlite.prepare('SELECT due_at FROM notes').pluck().get() as number;
    expect(due - end).toBe(24 * HOUR);
    expect(due).toBe(localToInstant('2026-03-08T16:00', 'America/New_York'));
    // And a wall-clock time inside the gap (02:30 does not exist that night) moves forward like clocks do.
    expect(localToInstant('2026-03-08T02:30', 'America/New_York')).toBe(localToInstant('2026-03-08T03:30', 'America/New_York'));
  });

  it('fills the debrief (and per-person notes), and removing a participant asks about their draft', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: Date.UTC(2026, 10, 21, 15), endAt: Date.UTC(2026, 10, 21, 16), participants: [{ name: 'Ana' }, { name: 'Bo' }] });
    const [ana, bo] = iv.participants;
    const debriefed = await core.api('interviews.update', { id: iv.id, challenge: 'Migrating 40 services off the monolith', topics: 'Kafka, on-call', talkedAbout: [{ contactId: ana.contactId, text: 'Her team owns billing' }] });
    expect(debriefed.debriefedAt).toBe(Date.UTC(2026, 10, 20));
    expect(debriefed.participants.find((p) => p.contactId === ana.contactId)?.talkedAbout).toBe('Her team owns billing');
    const ask = await core.call('interviews.removeParticipant', { interviewId: iv.id, contactId: bo.contactId });
    expect(!ask.ok && ask.error.code).toBe('conflict');
    expect(!ask.ok && ask.error.fields).toHaveProperty('draft');
    const after = await core.api('interviews.removeParticipant', { interviewId: iv.id, contactId: bo.contactId, draft: 'delete' });
    expect(after.participants.map((p) => p.name)).toEqual(['Ana']);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1);
    await core.api('interviews.removeParticipant', { interviewId: iv.id, contactId: ana.contactId, draft: 'keep' });
    expect(core.ctx.sqlite.prepare('SELECT count(*), max(due_at) FROM notes').raw().get()).toEqual([1, null]);
  });
});

describe('today', () => {
  it('lists overdue and due-soon notes, today\'s and upcoming interviews, missing debriefs and missing details', async () => {
    const now = localToInstant('2026-11-23T12:00', 'America/New_York')!;
    const app = await setup(now);
    const withEmail = core.ctx.sqlite.prepare("INSERT INTO contacts (name, email) VALUES ('Dana Lee', 'dana@x.example')").run().lastInsertRowid;
    // Ended yesterday morning: its thank-yous are overdue (due 24 h after the end).
    await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: now - 28 * HOUR, endAt: now - 27 * HOUR, participants: [{ name: 'Ana' }, { contactId: Number(withEmail) }] });
    // Ended an hour ago: due soon.
    await core.api('interviews.create', { applicationId: app.id, kind: 'phone', startAt: now - 2 * HOUR, endAt: now - HOUR, participants: [{ name: 'Bo' }] });
    // Later today, and next week.
    await core.api('interviews.create', { applicationId: app.id, kind: 'onsite', startAt: now + 3 * HOUR, endAt: now + 4 * HOUR, participants: [{ name: 'Cy' }] });
    await core.api('interviews.create', { applicationId: app.id, kind: 'onsite', startAt: now + 7 * 24 * HOUR, endAt: now + 7 * 24 * HOUR + HOUR });
    core.ctx.sqlite.prepare("INSERT INTO reminders (kind, title, due_at) VALUES ('reconnect', 'Reconnect with Globex', ?)").run(now - HOUR);
    const t = await core.api('today.get', {});
    // Same due time: the newer draft first, by id, so the list never reshuffles between two loads.
    expect(t.overdue.map((n) => n.recipientName)).toEqual(['Dana Lee', 'Ana']);
    expect(t.dueSoon.map((n) => n.recipientName)).toEqual(['Bo']);
    expect(t.interviewsToday.map((i) => i.kind)).toEqual(['phone', 'onsite']);
    expect(t.upcomingInterviews).toHaveLength(1);
    expect(t.needsDebrief.map((i) => i.participantNames)).toEqual([['Bo'], ['Ana', 'Dana Lee']]);
    expect(t.missingDetails.map((m) => [m.name, m.missing]).sort()).toEqual([
      ['Ana', 'email'],
      ['Bo', 'email'],
    ]);
    expect(t.reminders.map((r) => r.title)).toEqual(['Reconnect with Globex']);
    expect(t.overdue[0]).toMatchObject({ company: 'Globex', role: 'Platform Engineer', kind: 'thank_you', delivery: 'email' });
  });
});

describe('interviews.exportIcs', () => {
  it('exports one interview, or all upcoming ones, as iCalendar a real parser reads back', async () => {
    const ICAL = (await import('ical.js')).default;
    const app = await setup(Date.UTC(2026, 10, 20));
    const past = await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: Date.UTC(2026, 10, 19, 15), endAt: Date.UTC(2026, 10, 19, 16) });
    const iv = await core.api('interviews.create', {
      applicationId: app.id,
      round: 'Final; panel',
      kind: 'onsite',
      location: 'Globex HQ, Room 4',
      startAt: Date.UTC(2026, 10, 24, 15),
      endAt: Date.UTC(2026, 10, 24, 17),
      participants: [{ name: 'Zoë Ångström', email: 'zoe@globex.example' }],
    });
    const one = await core.api('interviews.exportIcs', { id: iv.id, alarmMinutes: 45 });
    expect(one.filename).toBe(`interview-globex-${iv.id}.ics`);
    const vevents = new ICAL.Component(ICAL.parse(one.content)).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const ev = new ICAL.Event(vevents[0]);
    expect(ev.summary).toBe('Interview: Globex — Platform Engineer (Final; panel)');
    expect(ev.location).toBe('Globex HQ, Room 4');
    expect(ev.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 10, 24, 15));
    expect(ev.endDate.toJSDate().getTime()).toBe(Date.UTC(2026, 10, 24, 17));
    expect(ev.description).toContain('With Zoë Ångström');
    expect(vevents[0].getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString()).toBe('-PT45M');
    const all = await core.api('interviews.exportIcs', {});
    expect(all.count).toBe(1);
    const uid = (id: number) => core.ctx.sqlite.prepare('SELECT uid FROM interviews WHERE id = ?').pluck().get(id) as string;
    expect(all.content).not.toContain(uid(past.id));
    expect(all.content).toContain(`UID:${uid(iv.id)}@courtesy.local`);
  });
});

describe('interviews.exportIcs, UIDs and zones', () => {
  const uidOf = (content: string) => /^UID:(.*)$/m.exec(content)![1];

  it('gives each interview a random UID that edits and re-exports keep, and bumps SEQUENCE when it moves', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: Date.UTC(2026, 10, 24, 15), endAt: Date.UTC(2026, 10, 24, 16) });
    const first = await core.api('interviews.exportIcs', { id: iv.id });
    const uid = uidOf(first.content);
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@courtesy\.local$/);
    expect(uid).not.toContain(`interview-${iv.id}`);
    // Exported again, unchanged: the same file, so a calendar sees nothing new.
    core.ctx.clock.advance(HOUR);
    expect((await core.api('interviews.exportIcs', { id: iv.id })).content).toBe(first.content);
    expect(first.content).toMatch(/^SEQUENCE:0$/m);
    // A debrief changes neither the UID nor the SEQUENCE; moving it bumps SEQUENCE and DTSTAMP.
    await core.api('interviews.update', { id: iv.id, topics: 'Kafka' });
    const debriefed = await core.api('interviews.exportIcs', { id: iv.id });
    expect([uidOf(debriefed.content), /^SEQUENCE:(\d+)$/m.exec(debriefed.content)![1]]).toEqual([uid, '0']);
    core.ctx.clock.advance(HOUR);
    await core.api('interviews.update', { id: iv.id, startAt: Date.UTC(2026, 10, 25, 15), endAt: Date.UTC(2026, 10, 25, 16) });
    await core.api('interviews.update', { id: iv.id, location: 'Room 4' });
    await core.api('interviews.update', { id: iv.id, location: 'Room 4' }); // the same place again: no change
    const moved = await core.api('interviews.exportIcs', { id: iv.id });
    expect(uidOf(moved.content)).toBe(uid);
    expect(moved.content).toMatch(/^SEQUENCE:2$/m);
    expect(/^DTSTAMP:(.*)$/m.exec(moved.content)![1]).not.toBe(/^DTSTAMP:(.*)$/m.exec(first.content)![1]);
    expect(moved.content).toContain('DTSTART;TZID=America/New_York:20261125T100000\r\n');
    // The export of all upcoming ones uses the same UID.
    expect((await core.api('interviews.exportIcs', {})).content).toContain(`UID:${uid}\r\n`);
  });

  it('never shares a UID between two databases, and Python’s icalendar reads the start in the interview’s zone', async (t) => {
    const a = await setup(Date.UTC(2026, 10, 20));
    const other = await testCore({ now: Date.UTC(2026, 10, 20) });
    try {
      const app2 = await other.api('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
      // Same id, same everything, in two databases.
      const one = await core.api('interviews.create', { applicationId: a.id, kind: 'video', startAt: Date.UTC(2026, 10, 24, 15), endAt: Date.UTC(2026, 10, 24, 16), timeZone: 'Europe/Berlin' });
      const two = await other.api('interviews.create', { applicationId: app2.id, kind: 'video', startAt: Date.UTC(2026, 10, 24, 15), endAt: Date.UTC(2026, 10, 24, 16), timeZone: 'Europe/Berlin' });
      expect(one.id).toBe(two.id);
      const [x, y] = [await core.api('interviews.exportIcs', { id: one.id }), await other.api('interviews.exportIcs', { id: two.id })];
      expect(uidOf(x.content)).not.toBe(uidOf(y.content));
      const why = missingTool('icalendar');
      if (why) return t.skip(why);
      const script = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
tz = {str(c['TZID']): c.to_tz() for c in cal.walk('VTIMEZONE')}
e = cal.walk('VEVENT')[0]
start = e['DTSTART']
own = tz[str(start.params['TZID'])].localize(start.dt.replace(tzinfo=None))
print(json.dumps([str(e['UID']), sorted(tz), str(start.params['TZID']), int(start.dt.timestamp() * 1000), int(own.timestamp() * 1000), own.strftime('%H:%M %z')]))
`;
      expect(JSON.parse(runPython(script, x.content))).toEqual([uidOf(x.content), ['Europe/Berlin'], 'Europe/Berlin', Date.UTC(2026, 10, 24, 15), Date.UTC(2026, 10, 24, 15), '16:00 +0100']);
    } finally {
      other.close();
    }
  });
});

describe('obligations after a rejection', () => {
  it('stop counting open thank-yous as due once the application is rejected or withdrawn', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: Date.UTC(2026, 10, 20, 9), endAt: Date.UTC(2026, 10, 20, 10), participants: [{ name: 'Ana' }] });
    core.ctx.clock.set(Date.UTC(2026, 10, 22));
    expect((await core.api('applications.list', {})).items[0].overdueCount).toBe(1);
    await core.api('applications.moveStage', { id: app.id, stage: 'rejected' });
    expect((await core.api('applications.list', {})).items[0].dueCount).toBe(0);
    expect((await core.api('today.get', {})).overdue).toEqual([]);
  });
});

describe('interview length', () => {
  it('is at most a day, on create and on reschedule', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    const env = await core.call('interviews.create', { applicationId: app.id, kind: 'onsite', startAt: 0, endAt: 25 * HOUR });
    expect(!env.ok && env.error.fields).toEqual({ endAt: 'An interview lasts at most a day; schedule each day separately.' });
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'onsite', startAt: 0, endAt: 8 * HOUR });
    const env2 = await core.call('interviews.update', { id: iv.id, endAt: 30 * HOUR });
    expect(!env2.ok && env2.error.fields).toEqual({ endAt: 'An interview lasts at most a day; schedule each day separately.' });
  });
});

describe('obligations stay exact', () => {
  it('owes a removed person (draft kept) again when they are added back', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    const end = Date.UTC(2026, 10, 21, 16);
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: end - HOUR, endAt: end, participants: [{ name: 'Ana' }] });
    const ana = iv.participants[0].contactId;
    await core.api('interviews.removeParticipant', { interviewId: iv.id, contactId: ana, draft: 'keep' });
    core.ctx.clock.set(end + 30 * HOUR);
    expect((await core.api('applications.list', {})).items[0].overdueCount).toBe(0);
    const back = await core.api('interviews.addParticipant', { interviewId: iv.id, participant: { contactId: ana } });
    expect(back.participants[0].thankYouNoteId).toBe(iv.participants[0].thankYouNoteId);
    expect(core.ctx.sqlite.prepare('SELECT count(*), max(due_at) FROM notes').raw().get()).toEqual([1, end + 24 * HOUR]);
    expect((await core.api('applications.list', {})).items[0].overdueCount).toBe(1);
    expect((await core.api('today.get', {})).overdue.map((n) => n.recipientName)).toEqual(['Ana']);
  });

  it('takes the interviewer role away with the last interview, so the rejection dialog no longer offers them', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    const first = await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: Date.UTC(2026, 10, 21, 15), endAt: Date.UTC(2026, 10, 21, 16), participants: [{ name: 'Ana' }, { name: 'Bo' }, { name: 'Cy' }] });
    const second = await core.api('interviews.create', { applicationId: app.id, kind: 'onsite', startAt: Date.UTC(2026, 10, 22, 15), endAt: Date.UTC(2026, 10, 22, 16), participants: [{ name: 'Bo' }] });
    const [ana, bo, cy] = first.participants.map((p) => p.contactId);
    // Cy is also the recruiter: that role is not the interview's to take.
    core.ctx.sqlite.prepare("INSERT INTO application_contacts (application_id, contact_id, role) VALUES (?, ?, 'recruiter')").run(app.id, cy);
    for (const c of [ana, bo, cy]) await core.api('interviews.removeParticipant', { interviewId: first.id, contactId: c, draft: 'delete' });
    const prepared = await core.api('rejections.prepare', { applicationId: app.id });
    expect(prepared.contacts.map((c) => [c.name, c.roles])).toEqual([
      ['Bo', ['interviewer']],
      ['Cy', ['recruiter']],
    ]);
    await core.api('interviews.removeParticipant', { interviewId: second.id, contactId: bo, draft: 'delete' });
    expect((await core.api('rejections.prepare', { applicationId: app.id })).contacts.map((c) => c.name)).toEqual(['Cy']);
  });

  it('reschedules with the due hours in force for the interview, not the ones set since', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'phone', startAt: Date.UTC(2026, 10, 21, 15), endAt: Date.UTC(2026, 10, 21, 16), participants: [{ name: 'Ana' }] });
    await core.api('settings.update', { thankYouDueHours: 6 });
    await core.api('interviews.update', { id: iv.id, startAt: Date.UTC(2026, 10, 22, 15), endAt: Date.UTC(2026, 10, 22, 16) });
    expect(core.ctx.sqlite.prepare('SELECT due_at FROM notes').pluck().get()).toBe(Date.UTC(2026, 10, 22, 16) + 24 * HOUR);
    // Someone added later to the same interview is owed on the same rule as the others there.
    await core.api('interviews.addParticipant', { interviewId: iv.id, participant: { name: 'Bo' } });
    expect(core.ctx.sqlite.prepare('SELECT DISTINCT due_at FROM notes').pluck().all()).toEqual([Date.UTC(2026, 10, 22, 16) + 24 * HOUR]);
  });
});

describe('changing the due hours', () => {
  it('moves open thank-yous only when asked, counting them first; sent notes and rejected applications stay', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    const end = Date.UTC(2026, 10, 21, 16);
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'phone', startAt: end - HOUR, endAt: end, participants: [{ name: 'Ana' }, { name: 'Bo' }] });
    const other = await core.api('applications.create', { company: 'Initech', role: 'SRE', stage: 'applied' });
    await core.api('interviews.create', { applicationId: other.id, kind: 'phone', startAt: end - HOUR, endAt: end, participants: [{ name: 'Cy' }] });
    await core.api('applications.moveStage', { id: other.id, stage: 'rejected' });
    core.ctx.sqlite.prepare("UPDATE notes SET status = 'sent' WHERE id = ?").run(iv.participants[1].thankYouNoteId);
    const dues = () => core.ctx.sqlite.prepare('SELECT due_at FROM notes ORDER BY id').pluck().all();
    const before = dues();
    expect((await core.api('interviews.openThankYous', {})).count).toBe(1);

    await core.api('settings.update', { thankYouDueHours: 12 });
    expect(dues()).toEqual(before);
    await core.api('settings.update', { thankYouDueHours: 6, moveOpenDueTimes: true });
    expect(dues()).toEqual([end + 6 * HOUR, before[1], before[2]]);
    const bad = await core.call('settings.update', { thankYouDueHours: 8, moveOpenDueTimes: 'yes' as unknown as boolean });
    expect(!bad.ok && bad.error.fields).toHaveProperty('moveOpenDueTimes');
    expect((await core.api('settings.get', {})) as Record<string, unknown>).not.toHaveProperty('moveOpenDueTimes');
  });
});

describe('today after a rejection', () => {
  it('names the note that needs the missing detail: the gracious note, not the thank-you already mailed as a card', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    const end = Date.UTC(2026, 10, 20, 16);
    const iv = await core.api('interviews.create', { applicationId: app.id, kind: 'onsite', startAt: end - HOUR, endAt: end, participants: [{ name: 'Ana' }] });
    const thankYou = iv.participants[0].thankYouNoteId!;
    core.ctx.sqlite.prepare("UPDATE notes SET delivery = 'handwritten', status = 'mailed', mailed_at = ? WHERE id = ?").run(end + HOUR, thankYou);
    core.ctx.clock.set(end + 2 * DAY_MS);
    await core.api('applications.moveStage', { id: app.id, stage: 'rejected' });
    const { noteIds } = await core.api('rejections.apply', { applicationId: app.id, contactIds: [iv.participants[0].contactId], delivery: 'email' });
    core.ctx.clock.set(end + 2 * DAY_MS + HOUR);
    const t = await core.api('today.get', {});
    expect(t.missingDetails).toEqual([
      { contactId: iv.participants[0].contactId, name: 'Ana', noteId: noteIds[0], kind: 'after_rejection', delivery: 'email', missing: 'email', dueAt: end + 4 * DAY_MS },
    ]);
  });
});

describe('a released thank-you', () => {
  it('is shown as no longer due the same way by Today and by the application page', async () => {
    const app = await setup(Date.UTC(2026, 10, 20));
    await core.api('interviews.create', { applicationId: app.id, kind: 'video', startAt: Date.UTC(2026, 10, 20, 9), endAt: Date.UTC(2026, 10, 20, 10), participants: [{ name: 'Ana' }] });
    core.ctx.clock.set(Date.UTC(2026, 10, 22));
    expect((await core.api('notes.list', { applicationId: app.id })).items.map((n) => n.stillDue)).toEqual([true]);
    expect((await core.api('today.get', {})).overdue.map((n) => n.stillDue)).toEqual([true]);
    await core.api('applications.moveStage', { id: app.id, stage: 'rejected' });
    expect((await core.api('today.get', {})).overdue).toEqual([]);
    const [log] = (await core.api('notes.list', { applicationId: app.id })).items;
    expect(log).toMatchObject({ status: 'draft', stillDue: false });
    expect((await core.api('notes.get', { id: log.id })).stillDue).toBe(false);
  });
});
