// Today's due counts read copies kept on the open drafts (the interview's end, the application's ended
// stage: drizzle/0023_today_due_copies.sql) instead of looking them up per draft. Here the counts are
// held against the rule's own lookups (COUNTS_AS_DUE) after every kind of write that moves a copy.
import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../testing/core';
import { COUNTS_AS_DUE } from '../interviews/obligations';
import { COUNT_CAP } from './today';

let core: TestCore;
afterEach(() => core?.close());

const NOW = Date.UTC(2026, 10, 21, 15);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function seed(core: TestCore) {
  const db = core.ctx.sqlite;
  // Park–Miller: products stay below 2^53, so the steps are exact and the data the same on every run.
  let state = 3;
  const rand = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const pick = <T,>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  db.transaction(() => {
    db.prepare("INSERT INTO companies (name) VALUES ('Acme')").run();
    const app = db.prepare("INSERT INTO applications (company_id, role, stage) VALUES (1, 'Engineer', ?)");
    for (let i = 0; i < 30; i++) app.run(pick(['applied', 'interviewing', 'rejected', 'withdrawn', 'offer']));
    const iv = db.prepare("INSERT INTO interviews (application_id, kind, start_at, end_at, time_zone) VALUES (?, 'video', ?, ?, 'UTC')");
    for (let i = 0; i < 40; i++) {
      const start = NOW + Math.floor((rand() - 0.7) * 10) * DAY + Math.floor(rand() * 20) * HOUR;
      iv.run(1 + Math.floor(rand() * 30), start, start + HOUR);
    }
    const note = db.prepare("INSERT INTO notes (kind, application_id, interview_id, delivery, body, status, due_at) VALUES (?, ?, ?, 'email', '', ?, ?)");
    for (let i = 0; i < 300; i++) {
      note.run(
        pick(['thank_you', 'thank_you', 'follow_up', 'after_rejection']),
        rand() < 0.9 ? 1 + Math.floor(rand() * 30) : null,
        rand() < 0.7 ? 1 + Math.floor(rand() * 40) : null,
        rand() < 0.8 ? 'draft' : 'sent',
        rand() < 0.95 ? NOW + Math.floor((rand() - 0.7) * 8 * 24) * HOUR : null,
      );
    }
  })();
}

/** The counts as the rule states them, one lookup per draft. */
function byLookups(core: TestCore) {
  const now = core.ctx.clock.now();
  const count = (cond: string) => core.ctx.sqlite.prepare(`SELECT count(*) FROM notes n WHERE ${COUNTS_AS_DUE} AND ${cond}`).pluck().get({ now, soon: now + 2 * DAY });
  return { overdue: count('n.due_at < @now'), dueSoon: count('n.due_at >= @now AND n.due_at < @soon') };
}

async function expectCountsAgree() {
  const { counts } = await core.api('today.get', {});
  const expected = byLookups(core);
  expect({ overdue: counts.overdue, dueSoon: counts.dueSoon }).toEqual(expected);
  return expected;
}

describe("Today's due counts", () => {
  it('agree with the rule after every write that moves an interview, a stage or a draft', async () => {
    core = await testCore({ now: NOW });
    seed(core);
    const first = await expectCountsAgree();
    // The seed holds every case: some drafts counted, some waiting for their interview, some released.
    expect(first.overdue).toBeGreaterThan(20);
    expect(first.dueSoon).toBeGreaterThan(5);

    // Time passes: interviews end, drafts fall due.
    core.ctx.clock.advance(2 * DAY);
    await expectCountsAgree();

    // Stage moves into and out of an ended stage, and the undo of one.
    const db = core.ctx.sqlite;
    const appIds = db.prepare("SELECT id FROM applications WHERE stage IN ('applied', 'interviewing') ORDER BY id LIMIT 4").pluck().all() as number[];
    for (const id of appIds.slice(0, 3)) await core.api('applications.moveStage', { id, stage: 'rejected' });
    const back = db.prepare("SELECT id FROM applications WHERE stage = 'withdrawn' ORDER BY id LIMIT 1").pluck().get() as number;
    const moved = await core.api('applications.moveStage', { id: back, stage: 'applied' });
    await expectCountsAgree();
    await core.api('undo.apply', { token: moved.undo.token });
    await expectCountsAgree();

    // A custom closed stage, then its kind changed to open: its applications' thank-yous count again.
    const ghosted = await core.api('stages.create', { name: 'Ghosted', kind: 'rejected' });
    await core.api('applications.moveStage', { id: appIds[3], stage: ghosted.key });
    await expectCountsAgree();
    await core.api('stages.update', { key: ghosted.key, kind: 'open' });
    await expectCountsAgree();

    // An interview rescheduled into the future (its thank-yous wait again), and one deleted.
    const interviewIds = db.prepare('SELECT DISTINCT interview_id FROM notes WHERE status = \'draft\' AND interview_id IS NOT NULL ORDER BY interview_id LIMIT 2').pluck().all() as number[];
    const iv = await core.api('interviews.get', { id: interviewIds[0] });
    const start = core.ctx.clock.now() + DAY;
    await core.api('interviews.update', { id: iv.id, kind: iv.kind, startAt: start, endAt: start + HOUR, timeZone: iv.timeZone, talkedAbout: [] });
    await expectCountsAgree();
    await core.api('interviews.delete', { id: interviewIds[1], confirm: true });
    await expectCountsAgree();

    // Drafts sent and an application deleted (its notes are kept, without it).
    const drafts = db.prepare("SELECT id FROM notes WHERE status = 'draft' AND due_at < ? ORDER BY id LIMIT 3").pluck().all(core.ctx.clock.now()) as number[];
    for (const id of drafts) await core.api('notes.markSent', { id });
    await core.api('applications.delete', { id: appIds[0], confirm: true });
    // A live application with overdue thank-yous, deleted: they lose it, and with it their count.
    const live = db
      .prepare("SELECT n.application_id FROM notes n JOIN applications a ON a.id = n.application_id WHERE a.stage = 'offer' AND n.kind = 'thank_you' AND n.status = 'draft' AND n.due_at < ? ORDER BY n.id LIMIT 1")
      .pluck()
      .get(core.ctx.clock.now()) as number;
    await core.api('applications.delete', { id: live, confirm: true });
    const after = await expectCountsAgree();
    expect(after).not.toEqual(first);
  });
});

describe("Today's counts in a large book", () => {
  it('count interviews today apart from the list of 50, and stop at COUNT_CAP saying there are more', async () => {
    core = await testCore({ now: NOW });
    const db = core.ctx.sqlite;
    db.prepare("INSERT INTO companies (name) VALUES ('Acme')").run();
    db.prepare("INSERT INTO applications (company_id, role, stage) VALUES (1, 'Engineer', 'interviewing')").run();
    const iv = db.prepare("INSERT INTO interviews (application_id, kind, start_at, end_at, time_zone) VALUES (1, 'video', ?, ?, 'UTC')");
    const midnight = Date.UTC(2026, 10, 21);
    const add = (n: number) =>
      db.transaction(() => {
        for (let i = 0; i < n; i++) iv.run(midnight + 60_000 * (i % 1000), midnight + 60_000 * (i % 1000) + HOUR);
      })();
    // Yesterday's: one ended before today (not counted), one running past midnight (counted).
    iv.run(midnight - 3 * HOUR, midnight - 2 * HOUR);
    iv.run(midnight - HOUR / 2, midnight + HOUR / 2);
    add(59);
    let t = await core.api('today.get', {});
    expect(t.interviewsToday).toHaveLength(50);
    expect([t.counts.interviewsToday, t.more.interviewsToday]).toEqual([60, false]);

    add(COUNT_CAP - 60);
    t = await core.api('today.get', {});
    expect([t.counts.interviewsToday, t.more.interviewsToday]).toEqual([COUNT_CAP, false]);
    add(1);
    t = await core.api('today.get', {});
    expect([t.counts.interviewsToday, t.more.interviewsToday]).toEqual([COUNT_CAP, true]);
    // Interviews ended before now wait for a debrief: with 200 more from yesterday, past the cap too.
    db.transaction(() => {
      for (let i = 0; i < 200; i++) iv.run(midnight - 20 * HOUR + 60_000 * i, midnight - 19 * HOUR + 60_000 * i);
    })();
    t = await core.api('today.get', {});
    expect([t.counts.interviewsToday, t.more.interviewsToday]).toEqual([COUNT_CAP, true]);
    expect([t.counts.needsDebrief, t.more.needsDebrief, t.needsDebrief.length]).toEqual([COUNT_CAP, true, 50]);

    // Overdue drafts: exact up to the cap, then "more".
    const note = db.prepare("INSERT INTO notes (kind, application_id, delivery, body, status, due_at) VALUES ('follow_up', 1, 'email', '', 'draft', ?)");
    db.transaction(() => {
      for (let i = 0; i < COUNT_CAP; i++) note.run(NOW - DAY - i);
    })();
    t = await core.api('today.get', {});
    expect([t.counts.overdue, t.more.overdue, t.overdue.length]).toEqual([COUNT_CAP, false, 50]);
    note.run(NOW - HOUR);
    t = await core.api('today.get', {});
    expect([t.counts.overdue, t.more.overdue]).toEqual([COUNT_CAP, true]);
    expect([t.counts.dueSoon, t.more.dueSoon]).toEqual([0, false]);
  });
});
