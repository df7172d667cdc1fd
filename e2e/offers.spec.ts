import { expect, screenshots, test } from './fixtures';

const DAY = 86_400_000;

test('record two offers on their applications and compare them side by side, with a deadline reminder', async ({ app, server }) => {
  const t0 = Date.UTC(2026, 11, 1, 15);
  await server.api('system.setNow', { now: t0 });
  const globex = await server.api<{ id: number }>('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'offer', salaryCurrency: 'USD' });
  const initech = await server.api<{ id: number }>('applications.create', { company: 'Initech', role: 'SRE', stage: 'offer' });
  await server.api('offers.save', {
    applicationId: initech.id,
    currency: 'USD',
    baseSalary: 170_000,
    bonus: 10_000,
    workMode: 'remote',
  });

  // Record Globex's offer from its page; a mistake is named beside its field.
  await app.goto(server.url + `#/applications/${globex.id}`);
  const panel = app.getByRole('region', { name: 'Offer' });
  await panel.getByRole('button', { name: 'Record an offer' }).click();
  const form = app.getByRole('form', { name: 'Offer' });
  await expect(form.getByLabel('Currency')).toHaveValue('USD');
  await form.getByLabel('Base salary (yearly)').fill('180,000');
  await form.getByLabel('Bonus (yearly target)').fill('18000');
  await form.getByLabel('Sign-on bonus').fill('20000');
  await form.getByLabel('Equity (total value)').fill('200000');
  await form.getByRole('button', { name: 'Save offer' }).click();
  await expect(form.getByText('Say over how many years the equity vests.')).toBeVisible();
  await expect(form.getByLabel('Vesting years')).toBeFocused();
  await form.getByLabel('Vesting years').fill('4');
  await form.getByLabel('Cliff (months)').fill('12');
  await form.getByLabel('Answer by').fill('2026-12-08');
  await form.getByLabel('Work mode').selectOption('Hybrid');
  await form.getByRole('button', { name: 'Save offer' }).click();
  await expect(panel.getByText('$268,000')).toBeVisible();
  await screenshots(app, 'offer-panel');

  // Side by side: the same rows for both, totals per offer, and no score.
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Offers' }).click();
  const table = app.getByRole('table', { name: 'Offers side by side' });
  await expect(table.getByRole('columnheader')).toHaveText([/Globex/, /Initech/]);
  await expect(table.getByRole('row', { name: /First year \$268,000 \$180,000/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /A later year \$248,000 \$180,000/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Location Hybrid Remote/ })).toBeVisible();
  await screenshots(app, 'offers');

  // The deadline's reminder comes on Today two days before it.
  await server.api('system.setNow', { now: t0 + 6 * DAY });
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await expect(app.getByText("Answer Globex's offer (Platform Engineer) by December 8")).toBeVisible();
});
