import { expect, screenshots, test } from './fixtures';

const HOUR = 3_600_000;
const ZONE = 'America/New_York';

const DANA_NOTE = `Dear Dana,

Thank you for walking me through the Airflow estate on Tuesday. Four hundred DAGs is a lot to move, and I kept thinking about your point that the last migration left the on-call rotation exhausted.

If I joined, I would start by ranking the DAGs by downstream consumers and moving the long tail to dbt first, running old and new side by side and diffing row counts before each cutover, so nobody gets paged for a silent break.

Best regards,
Jordan Avery`;

const PRIYA_CARD = `Dear Priya,

Your story about the checkout team renaming a column and breaking the finance dashboards stayed with me. A contract file per source, checked in CI on the producer's side, would catch that in their own pull request.

Warmly,
Jordan`;

test('thank-yous for two interviewers: distinct notes, one emailed, one mailed as a card', async ({ app, server }) => {
  // A long journey (dozens of steps, screenshots, server round trips): on a loaded machine it outruns the
  // 60 s default even when every step passes, so it gets the slow budget (3x); each step keeps its own 10 s.
  test.slow();
  const start = Date.UTC(2026, 10, 24, 15); // Tuesday 10:00 in New York
  await server.api('system.setNow', { now: start - 48 * HOUR });
  await server.api('settings.update', {
    timeZone: ZONE,
    mailBusinessDays: 3,
    profile: { name: 'Jordan Avery', email: 'jordan@example.net', signature: 'Jordan Avery', addressLines: '1 Main St', city: 'Cambridge', region: 'MA', postalCode: '02139' },
  });
  const application = await server.api<{ id: number }>('applications.create', { company: 'Northwind Health', role: 'Senior Data Engineer', stage: 'applied' });
  const dana = await server.api<{ id: number }>('contacts.create', { name: 'Dana Lee', company: 'Northwind Health', email: 'dana.lee@northwind.example' });
  const priya = await server.api<{ id: number }>('contacts.create', {
    name: 'Priya Raman',
    company: 'Northwind Health',
    email: 'priya@northwind.example',
    addressLines: '200 Clarendon St, Floor 9',
    city: 'Boston',
    region: 'MA',
    postalCode: '02116',
  });
  const iv = await server.api<{ id: number }>('interviews.create', {
    applicationId: application.id,
    round: 'Onsite',
    kind: 'onsite',
    startAt: start,
    endAt: start + 2 * HOUR,
    timeZone: ZONE,
    participants: [{ contactId: dana.id }, { contactId: priya.id }],
  });
  await server.api('interviews.update', {
    id: iv.id,
    challenge: 'Migrating 400 legacy Airflow DAGs to dbt without downtime',
    topics: 'data contracts; on-call rotation; Snowflake cost control',
    lookingFor: 'someone who has led a warehouse migration end to end',
    talkedAbout: [
      { contactId: dana.id, text: "her team's on-call burnout after the last migration" },
      { contactId: priya.id, text: 'data contracts between product teams and the warehouse' },
    ],
  });
  // Stamps at their low-stock threshold: the composer warns before a card is started.
  const cards = await server.api<{ id: number }>('stationery.createItem', { kind: 'card', name: 'Letterpress cards', lowStockThreshold: 2 });
  const stamps = await server.api<{ id: number }>('stationery.createItem', { kind: 'stamp', name: 'Forever stamps', postageCents: 78, lowStockThreshold: 5 });
  await server.api('stationery.record', { itemId: cards.id, reason: 'purchase', quantity: 10 });
  await server.api('stationery.record', { itemId: stamps.id, reason: 'purchase', quantity: 5 });

  // Two and a half hours after the interview ended: the thank-yous are due in 21.5 h.
  await server.api('system.setNow', { now: start + 4.5 * HOUR });
  await app.goto(`${server.origin}/#/interviews/${iv.id}`);
  await app.reload(); // the page reads the moved clock afresh
  await app.getByRole('link', { name: 'Write thank-yous' }).click();

  const tabs = app.getByRole('tablist', { name: 'Notes' });
  await expect(tabs.getByRole('tab')).toHaveCount(2);
  const danaTab = tabs.getByRole('tab', { name: /^Dana Lee email/ });
  const priyaTab = tabs.getByRole('tab', { name: /Priya Raman/ });
  await expect(danaTab).toHaveAttribute('aria-selected', 'true');

  // The template is filled with Dana's part of the conversation; the writer's part is a highlighted field.
  const body = app.getByRole('textbox', { name: 'Message' });
  await expect(body).toHaveValue(/Dear Dana,[\s\S]*her team's on-call burnout/);
  const checks = app.getByRole('region', { name: 'Checks' });
  await expect(checks.locator('[data-check="merge"]')).toHaveAttribute('data-verdict', 'fail');
  await expect(app.locator('.hl-backdrop mark.hl-field')).toHaveCount(1);
  await expect(app.getByLabel('Unfilled fields')).toContainText('{{how you would meet that challenge');

  await app.getByRole('textbox', { name: 'Subject' }).fill('Thank you — the Airflow to dbt migration');
  await body.fill(DANA_NOTE);
  await expect(checks.locator('[data-check="merge"]')).toHaveAttribute('data-verdict', 'pass');
  await expect(checks.locator('[data-check="personal"]')).toHaveAttribute('data-verdict', 'pass');
  await expect(checks.locator('[data-check="timely"]')).toContainText('Due in 21 h');
  await expect(app.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // Priya: paste Dana's note; the distinct check fires, names Dana and highlights the shared passages.
  await priyaTab.click();
  await expect(body).toHaveValue(/Dear Priya,/);
  await body.fill(DANA_NOTE.replace('Dear Dana', 'Dear Priya'));
  const distinct = checks.locator('[data-check="distinct"]');
  await expect(distinct).toHaveAttribute('data-verdict', 'fail');
  await expect(distinct).toContainText('alike with the note to Dana Lee');
  await expect(distinct.getByRole('list', { name: 'Shared passages' }).getByRole('listitem').first()).toContainText('also in the note to Dana Lee');
  expect(await app.locator('.hl-backdrop mark.hl-shared').count()).toBeGreaterThan(0);
  await screenshots(app, 'composer-distinct');
  // An edit that makes it Priya's own clears it.
  await body.fill(PRIYA_CARD);
  await expect(distinct).toHaveAttribute('data-verdict', 'pass');
  await expect(app.locator('.hl-backdrop mark.hl-shared')).toHaveCount(0);

  // Switching tabs keeps what was typed.
  await danaTab.click();
  await expect(body).toHaveValue(DANA_NOTE);
  await screenshots(app, 'composer-email');

  // The .eml draft downloads (its content is checked in the unit tests with a mail parser).
  const [eml] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Save .eml draft' }).click()]);
  expect(eml.suggestedFilename()).toBe('Thank-you to Dana Lee.eml');

  // Dana by email: mark sent; the note becomes read-only and a card is offered.
  await app.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(app.getByText(/^Sent /).first()).toBeVisible();
  await expect(body).toHaveAttribute('readonly', '');
  await expect(app.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Follow with a handwritten card' })).toBeVisible();
  await expect(danaTab).toContainText('email · sent');
  await app.getByRole('button', { name: 'Follow with a handwritten card' }).scrollIntoViewIfNeeded();
  await expect(app.locator('.toast')).toBeHidden();
  await screenshots(app, 'composer-email-sent');

  // The card that follows the email opens as its own tab, from the card template, and is not compared with the email.
  await app.getByRole('button', { name: 'Follow with a handwritten card' }).click();
  const danaCard = tabs.getByRole('tab', { name: /Dana Lee · card/ });
  await expect(danaCard).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByRole('textbox', { name: 'Card text' })).toHaveValue(/^Dear Dana,\n\nThank you for our conversation about her team's on-call burnout/);
  await expect(checks.locator('[data-check="distinct"]')).toContainText('closest: 0% alike with the note to Priya Raman');

  // Priya as a handwritten card, through every step to mailed.
  await priyaTab.click();
  await expect(body).toHaveValue(PRIYA_CARD);
  await app.getByRole('group', { name: 'Delivery' }).getByRole('button', { name: 'Handwritten card' }).click();
  // Typed text is never replaced without asking.
  await expect(app.getByText(/Use the “Short handwritten card” template/)).toBeVisible();
  await app.getByRole('button', { name: 'Keep my text' }).click();
  const cardText = app.getByRole('textbox', { name: 'Card text' });
  await expect(cardText).toHaveValue(PRIYA_CARD);
  await expect(app.getByText(/Low on stationery before you start this card: Forever stamps \(5 left\)/)).toBeVisible();
  await expect(checks.locator('[data-check="deliverable"]')).toContainText('of 80 words; postal address on file');
  await expect(app.getByRole('button', { name: 'Print card text' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Print envelope' })).toBeVisible();
  await expect(app.locator('.toast')).toBeHidden();
  await screenshots(app, 'composer-card');

  const [pdf] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Print card text' }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  await expect(app.locator('.toast')).toBeHidden();
  const steps = app.getByRole('list', { name: 'Card steps' });
  await app.getByRole('button', { name: 'Mark written' }).click();
  await expect(steps.locator('[data-step="written"]')).toHaveClass(/done/);
  await app.getByRole('button', { name: 'Mark addressed' }).click();
  await expect(steps.locator('[data-step="addressed"]')).toHaveClass(/done/);
  await app.getByRole('button', { name: 'Mark stamped' }).click();
  await expect(steps.locator('[data-step="stamped"]')).toHaveClass(/done/);
  await expect(app.getByLabel('Estimated arrival')).toContainText('Mailed today, it would arrive around');
  await expect(app.locator('.toast')).toBeHidden();
  await screenshots(app, 'composer-card-steps');
  await app.getByRole('button', { name: 'Mark mailed' }).click();
  await expect(steps.locator('[data-step="mailed"]')).toHaveClass(/done/);
  await expect(app.getByText(/left on hand: .*4 stamps/).first()).toBeVisible();
  // Mailed Tuesday in New York: three business days on is Friday.
  await expect(app.getByLabel('Estimated arrival')).toContainText('Should arrive around Nov 27, 2026');
  await expect(cardText).toHaveAttribute('readonly', '');
  const stock = await server.api<{ items: Array<{ kind: string; onHand: number }> }>('stationery.list', {});
  expect(stock.items.find((i) => i.kind === 'stamp')?.onHand).toBe(4);
  expect(stock.items.find((i) => i.kind === 'card')?.onHand).toBe(9);
  await app.getByLabel('Estimated arrival').scrollIntoViewIfNeeded();
  await expect(app.locator('.toast')).toBeHidden();
  await screenshots(app, 'composer-card-mailed');

  // Reload: everything was saved, the sent email is still read-only.
  await app.reload();
  await expect(tabs.getByRole('tab', { name: /^Dana Lee email/ })).toContainText('email · sent');
  await expect(tabs.getByRole('tab', { name: /Priya Raman/ })).toContainText('card · mailed');
  // The composer reopens the tab that was open (Priya's card), read-only once mailed.
  await expect(tabs.getByRole('tab', { name: /Priya Raman/ })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByRole('textbox', { name: 'Card text' })).toHaveAttribute('readonly', '');
  await tabs.getByRole('tab', { name: /^Dana Lee email/ }).click();
  await expect(app.getByRole('textbox', { name: 'Message' })).toHaveAttribute('readonly', '');
  // Reopened deliberately it can be edited, then closed again.
  await app.getByRole('button', { name: 'Reopen' }).click();
  await expect(app.getByRole('textbox', { name: 'Message' })).not.toHaveAttribute('readonly', '');
  await expect(app.getByText(/^Reopened for editing: changes update/)).toBeVisible();
  await app.getByRole('button', { name: 'Done editing' }).click();
  await expect(app.getByRole('textbox', { name: 'Message' })).toHaveAttribute('readonly', '');

  // The application's notes log shows what was sent, how and when.
  await app.goto(`${server.origin}/#/applications/${application.id}`);
  const log = app.getByRole('table', { name: 'Notes log' });
  await expect(log.locator('tbody tr')).toHaveCount(3);
  await expect(log.locator('tr', { hasText: 'Thank-you · email' })).toContainText('Sent');
  await expect(log.locator('tr', { hasText: 'follows email' })).toContainText('Draft');
  await expect(log.locator('tr', { hasText: 'Priya Raman' })).toContainText('Mailed');
  await expect(log.locator('tr', { hasText: 'Priya Raman' })).toContainText('arrives');
  const timeline = app.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('link', { name: 'Thank-you emailed to Dana Lee' })).toBeVisible();
  await expect(timeline.getByRole('link', { name: 'Thank-you card mailed to Priya Raman' })).toBeVisible();
  await log.scrollIntoViewIfNeeded();
  await screenshots(app, 'application-notes-log');
  await log.getByRole('link', { name: 'Priya Raman' }).click();
  await expect(app.getByRole('heading', { name: /Card to Priya Raman/ })).toBeVisible();

  // A new note from the application: choose the person and the kind; the template is filled in.
  await app.goto(`${server.origin}/#/applications/${application.id}`);
  await app.getByRole('link', { name: 'Write a note' }).click();
  const form = app.getByRole('form', { name: 'New note' });
  await form.getByLabel('To').selectOption({ label: 'Dana Lee (Interviewer)' });
  await form.getByLabel('Kind').selectOption('follow_up');
  await form.getByRole('button', { name: 'Start the note' }).click();
  await expect(app.getByRole('heading', { name: /Email to Dana Lee/ })).toBeVisible();
  await expect(app.getByRole('textbox', { name: 'Subject' })).toHaveValue('A quick follow-up question');
  await expect(app.getByRole('textbox', { name: 'Message' })).toHaveValue(/Dear Dana,[\s\S]*\{\{your question\}\}/);
  await expect(app.locator('.hl-backdrop mark.hl-field')).toHaveCount(2);
});

test('a card with unfilled fields and no stamps: the composer warns twice, and the user decides', async ({ app, server }) => {
  const application = await server.api<{ id: number }>('applications.create', { company: 'Fieldstone Logistics', role: 'Product Manager', stage: 'rejected' });
  const sam = await server.api<{ id: number }>('contacts.create', { name: 'Sam Ortiz', company: 'Fieldstone Logistics' });
  await server.api('stationery.createItem', { kind: 'stamp', name: 'Forever stamps', postageCents: 78 });
  const note = await server.api<{ id: number }>('notes.create', { kind: 'after_rejection', contactId: sam.id, applicationId: application.id, delivery: 'handwritten' });
  await app.goto(`${server.origin}/#/compose/note/${note.id}`);
  const checks = app.getByRole('region', { name: 'Checks' });
  await expect(app.getByRole('textbox', { name: 'Card text' })).toHaveValue(/^Dear Sam,/);
  await expect(checks.locator('[data-check="deliverable"]')).toContainText('No postal address for Sam Ortiz');
  await expect(checks.getByRole('link', { name: /Add it on Sam Ortiz’s contact page/ })).toHaveAttribute('href', `#/contacts/${sam.id}`);

  await app.getByRole('button', { name: 'Mark mailed' }).click();
  const fields = app.getByRole('dialog', { name: 'Unfilled merge fields' });
  await expect(fields).toContainText('{{what you bring, in one sentence}}');
  await fields.getByRole('button', { name: 'Mark mailed' }).click();
  const stock = app.getByRole('dialog', { name: 'Not enough stationery on hand' });
  await expect(stock).toContainText('Forever stamps');
  await stock.getByRole('button', { name: 'Use anyway' }).click();
  await expect(app.getByRole('list', { name: 'Card steps' }).locator('[data-step="mailed"]')).toHaveClass(/done/);
  const items = await server.api<{ items: Array<{ kind: string; onHand: number }> }>('stationery.list', {});
  expect(items.items.find((i) => i.kind === 'stamp')?.onHand).toBe(-1);
});
