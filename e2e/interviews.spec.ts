import fs from 'node:fs';
import { expect, screenshots, test } from './fixtures';

const HOUR = 3_600_000;

test('schedule an interview with two people, debrief it, and see two thank-yous due after it ends', async ({ app, server }) => {
  // A long journey (dozens of steps, screenshots, server round trips): on a loaded machine it outruns the
  // 60 s default even when every step passes, so it gets the slow budget (3x); each step keeps its own 10 s.
  test.slow();
  // Times are fixed so the screenshots read the same on every run.
  const now = Date.UTC(2026, 10, 23, 14, 0);
  await server.api('system.setNow', { now });
  await server.api('settings.update', { timeZone: 'America/New_York' });
  const application = await server.api<{ id: number }>('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
  await app.goto(server.url + `#/applications/${application.id}`);

  await app.getByRole('button', { name: 'Schedule interview' }).click();
  const form = app.getByRole('form', { name: 'Schedule interview' });
  await form.getByLabel('Round').fill('Onsite');
  await form.getByLabel('Kind').selectOption('onsite');
  await form.getByLabel('Starts').fill('2026-11-23T10:00');
  await form.getByLabel('Length').selectOption('120');
  await form.getByLabel('People you will meet').fill('Dana Lee');
  // An unknown time zone is flagged on Time zone (not on Starts), with focus there.
  await form.getByLabel('Time zone').fill('Mars/Olympus');
  await form.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(form.getByText('Time zone is not one Courtesy knows; use a name like America/New_York.')).toBeVisible();
  await expect(form.getByLabel('Time zone')).toBeFocused();
  await expect(form.getByText('Choose the date and time it starts.')).toHaveCount(0);
  await form.getByLabel('Time zone').fill('America/New_York');
  await screenshots(app, 'interview-schedule');
  await form.getByRole('button', { name: 'Schedule interview' }).click();

  // On the interview: add the second person with their email (quick capture from a business card).
  await expect(app.getByRole('heading', { name: /Onsite/ })).toBeVisible();
  const people = app.getByRole('list', { name: 'Participants' });
  await expect(people.getByText('Dana Lee')).toBeVisible();
  const add = app.getByRole('form', { name: 'Add a person' });
  await add.getByLabel('Email').fill('not-an-email');
  await add.getByLabel('Name').fill('Sam Ortiz');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(add.getByText('Enter an email address like name@example.com.')).toBeVisible();
  await expect(add.getByLabel('Email')).toBeFocused();
  await add.getByLabel('Email').fill('sam.ortiz@globex.example');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(people.getByText('Sam Ortiz')).toBeVisible();
  // Sam agreed to a follow-up call: a reminder for Today.
  await people.getByRole('listitem').filter({ hasText: 'Sam Ortiz' }).getByRole('button', { name: 'Remind me to call' }).click();
  await expect(people.getByText('call reminder set')).toBeVisible();
  // The state comes from the reminder itself: after a reload it still says set, with no second button.
  await app.reload();
  await expect(people.getByText('call reminder set · in 3 days')).toBeVisible();
  await expect(people.getByRole('button', { name: 'Remind me to call' })).toHaveCount(1);

  // Debrief: the challenge, topics, and what each person talked about.
  const debrief = app.getByRole('form', { name: 'Debrief' });
  // Each field says what fits best where a template puts it.
  await expect(debrief.getByLabel('The challenge they named')).toHaveAccessibleDescription(/^A short phrase, in your words/);
  await expect(debrief.getByLabel('What Dana Lee talked about')).toHaveAccessibleDescription('Short phrases: what they said, in your words. Your note to them thanks them for it.');
  await debrief.getByLabel('The challenge they named').fill('Moving 40 services off the monolith without downtime');
  await debrief.getByLabel('Topics discussed').fill('Kafka migration\nOn-call load');
  await debrief.getByLabel('What Dana Lee talked about').fill('Her team owns billing and wants event sourcing');
  await debrief.getByLabel('What Sam Ortiz talked about').fill('Platform on-call rotations');
  await debrief.getByRole('button', { name: 'Save debrief' }).click();
  await expect(debrief.getByText('debriefed', { exact: true })).toBeVisible();
  await screenshots(app, 'interview-detail');

  // The application moved to interviewing when the interview was scheduled.
  await app.goto(server.url + `#/applications/${application.id}`);
  await expect(app.getByLabel('Stage')).toHaveValue('interviewing');
  await expect(app.getByRole('list', { name: 'Timeline' }).getByText('Applied → Interviewing')).toBeVisible();

  // Before it ends nothing is due; after it ends (12:00 EST = 17:00 UTC), two thank-yous are.
  await app.goto(server.url + '#/today');
  await expect(app.getByRole('region', { name: 'Interviews today' }).getByText('Globex')).toBeVisible();
  // A second interview next week, exported with every upcoming one for the calendar.
  await server.api('interviews.create', { applicationId: application.id, round: 'Final', kind: 'video', startAt: now + 7 * 24 * HOUR, endAt: now + 7 * 24 * HOUR + HOUR });
  await app.reload();
  const upcoming = app.getByRole('region', { name: 'Upcoming interviews' });
  await expect(upcoming.getByText('Final · Video')).toBeVisible();
  const download = app.waitForEvent('download');
  await upcoming.getByRole('button', { name: 'Add all to calendar (.ics)' }).click();
  const ics = fs.readFileSync(await (await download).path(), 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(ics).toContain('BEGIN:VALARM');
  await expect(app.getByRole('region', { name: 'Due soon' }).getByText('No notes due in the next two days.')).toBeVisible();
  await server.api('system.setNow', { now: Date.UTC(2026, 10, 23, 17, 0) + 2 * HOUR });
  await app.reload();
  const dueSoon = app.getByRole('region', { name: 'Due soon' });
  await expect(dueSoon.getByText('Thank-you to Dana Lee')).toBeVisible();
  await expect(dueSoon.getByText('Thank-you to Sam Ortiz')).toBeVisible();
  await expect(app.getByRole('region', { name: 'Missing contact details' }).getByText('Dana Lee')).toBeVisible();
  await screenshots(app, 'today');

  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(app.locator('[data-stage="interviewing"]').getByText('2 thank-yous due in 22 h')).toBeVisible();

  // A day later they are overdue, in red, on the card and on Today.
  await server.api('system.setNow', { now: Date.UTC(2026, 10, 23, 17, 0) + 25 * HOUR });
  await app.reload();
  await expect(app.locator('[data-stage="interviewing"]').getByText('2 thank-yous overdue')).toBeVisible();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(app.getByRole('region', { name: 'Overdue notes' }).getByText('Thank-you to Sam Ortiz')).toBeVisible();
  // Three days after the interview was scheduled, the follow-up call is due.
  await server.api('system.setNow', { now: now + 3 * 24 * HOUR + HOUR });
  await app.reload();
  await expect(app.getByRole('region', { name: 'Reminders' }).getByText('Call Sam Ortiz with your follow-up question (Globex)')).toBeVisible();
});
