import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, testCore, type TestCore } from '../../testing/core';

let core: TestCore;
afterEach(() => core?.close());
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 15);

describe('offers', () => {
  it('records an offer per application, revises it, and lists offers side by side with their totals', async () => {
    core = await testCore({ now: T0 });
    const globex = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'offer' });
    const initech = await core.api('applications.create', { company: 'Initech', role: 'SRE', stage: 'offer' });
    expect(await core.api('offers.get', { applicationId: globex.id })).toBeNull();

    const g = await core.api('offers.save', {
      applicationId: globex.id,
      currency: 'usd',
      baseSalary: 180_000,
      bonus: 18_000,
      signOnBonus: 20_000,
      equityTotal: 200_000,
      vestingYears: 4,
      cliffMonths: 12,
      startDate: '2027-02-01',
      workMode: 'hybrid',
      location: 'Berlin',
      benefits: '30 days leave',
    });
    expect(g).toMatchObject({ company: 'Globex', role: 'Platform Engineer', stage: 'offer', currency: 'USD', totals: { firstYear: 268_000, perYear: 248_000 } });
    const i = await core.api('offers.save', { applicationId: initech.id, currency: 'EUR', baseSalary: 150_000, bonus: null, deadlineAt: T0 + 5 * DAY });
    expect(i.totals).toMatchObject({ firstYear: 150_000, notStated: ['bonus'] });

    // A revised letter is an edit of the same offer; a field left out of the revision is cleared.
    const revised = await core.api('offers.save', { applicationId: globex.id, currency: 'USD', baseSalary: 190_000, bonus: 18_000, deadlineAt: T0 + 10 * DAY });
    expect(revised.id).toBe(g.id);
    expect(revised).toMatchObject({ baseSalary: 190_000, equityTotal: null, startDate: null, totals: { firstYear: 208_000 } });

    // Side by side: the sooner deadline first.
    expect((await core.api('offers.list', {})).items.map((o) => o.company)).toEqual(['Initech', 'Globex']);
    // Deleting the application takes its offer with it.
    await core.api('applications.delete', { id: initech.id, confirm: true });
    expect((await core.api('offers.list', {})).items.map((o) => o.company)).toEqual(['Globex']);
  });

  it('keeps one reminder per deadline: two days before it, moved with it, removed with it', async () => {
    core = await testCore({ now: T0 });
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'offer' });
    const offer = await core.api('offers.save', { applicationId: app.id, currency: 'USD', baseSalary: 1, deadlineAt: T0 + 7 * DAY });
    const reminder = (await core.api('reminders.list', { applicationId: app.id })).items;
    expect(reminder).toHaveLength(1);
    expect(reminder[0]).toMatchObject({ id: offer.reminderId, dueAt: T0 + 5 * DAY, title: expect.stringMatching(/^Answer Globex's offer \(Platform Engineer\) by December 8$/) });

    // Saving again with the same deadline leaves the reminder as it was (here: done).
    await core.api('reminders.complete', { id: offer.reminderId!, done: true });
    await core.api('offers.save', { applicationId: app.id, currency: 'USD', baseSalary: 2, deadlineAt: T0 + 7 * DAY });
    expect((await core.api('reminders.list', { applicationId: app.id, includeDone: true })).items.map((r) => r.doneAt)).toEqual([T0]);

    // A new deadline moves it and opens it again; a deadline within two days reminds at once.
    const moved = await core.api('offers.save', { applicationId: app.id, currency: 'USD', baseSalary: 2, deadlineAt: T0 + DAY });
    expect(moved.reminderId).toBe(offer.reminderId);
    expect((await core.api('reminders.list', { applicationId: app.id })).items).toEqual([expect.objectContaining({ dueAt: T0, doneAt: null })]);

    // No deadline, no reminder; removing the offer removes an open one too.
    expect((await core.api('offers.save', { applicationId: app.id, currency: 'USD', baseSalary: 2 })).reminderId).toBeNull();
    expect((await core.api('reminders.list', { applicationId: app.id, includeDone: true })).items).toEqual([]);
    await core.api('offers.save', { applicationId: app.id, currency: 'USD', deadlineAt: T0 + 3 * DAY });
    await core.api('offers.delete', { applicationId: app.id });
    expect(await core.api('offers.get', { applicationId: app.id })).toBeNull();
    expect((await core.api('reminders.list', { applicationId: app.id, includeDone: true })).items).toEqual([]);
  });

  it('refuses bad amounts, days and codes with the field named', async () => {
    core = await testCore({ now: T0 });
    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    const err = await errorOf(
      core.api('offers.save', { applicationId: app.id, currency: 'dollars', baseSalary: -1, bonus: 1.5, startDate: '2027-02-30', equityTotal: 1000, cliffMonths: 99 }),
    );
    expect(err.fields).toEqual({
      currency: 'Use a three-letter currency code such as USD or EUR.',
      baseSalary: 'Base salary cannot be negative.',
      bonus: 'Bonus must be a whole number.',
      startDate: 'Start date must be a day like 2027-02-01.',
      cliffMonths: 'Cliff can be at most 60 months.',
    });
    const noVesting = await errorOf(core.api('offers.save', { applicationId: app.id, currency: 'USD', equityTotal: 1000 }));
    expect(noVesting.fields).toEqual({ vestingYears: 'Say over how many years the equity vests.' });
    const gone = await errorOf(core.api('offers.save', { applicationId: 999, currency: 'USD' }));
    expect(gone.fields).toEqual({ applicationId: 'That application no longer exists.' });
    expect((await core.api('offers.list', {})).items).toEqual([]);
  });
});
