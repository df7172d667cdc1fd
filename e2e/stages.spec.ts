import { expect, screenshots, test } from './fixtures';

test('stages are renamed, reordered, added and archived in Settings; board, table and history follow', async ({ app, server }) => {
  test.slow(); // several screens and screenshots on a shared machine
  await server.api('system.setNow', { now: Date.UTC(2026, 9, 1, 15) });
  const globex = await server.api<{ id: number }>('applications.create', { company: 'Globex', role: 'Platform Engineer', stage: 'applied' });
  await server.api('applications.moveStage', { id: globex.id, stage: 'screening' });
  const northwind = await server.api<{ id: number }>('applications.create', { company: 'Northwind', role: 'Data Engineer', stage: 'screening' });
  await server.api('applications.create', { company: 'Initech', role: 'SRE', stage: 'interviewing' });

  await app.goto(server.url + '#/settings');
  const panel = app.getByRole('region', { name: 'Pipeline' });
  const stages = panel.getByRole('list', { name: 'Stages', exact: true });
  await expect(stages.getByRole('listitem')).toHaveCount(8);

  // Rename Screening (it holds two applications) to "Recruiter call".
  const name = stages.getByRole('textbox', { name: 'Name of Screening' });
  await name.fill('Recruiter call');
  await name.press('Enter');
  await expect(app.getByText('Renamed “Screening” to “Recruiter call”.')).toBeVisible();
  // A name already taken is refused beside the field.
  const applied = stages.getByRole('textbox', { name: 'Name of Applied' });
  await applied.fill('interviewing');
  await applied.press('Enter');
  await expect(stages.locator('[data-stage="applied"]').getByRole('alert')).toHaveText('A stage called “interviewing” already exists.');
  await applied.fill('Applied');

  // Reorder with the keyboard: Recruiter call moves above Applied.
  const up = stages.getByRole('button', { name: 'Move Recruiter call up' });
  await up.focus();
  await app.keyboard.press('Enter');
  await expect(stages.getByRole('listitem').nth(1)).toHaveAttribute('data-stage', 'screening');
  // And with the mouse: Offer dragged by its handle onto Interviewing's place, then back.
  const order = () => stages.getByRole('listitem').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')));
  const drag = async (from: string, to: string) => {
    await stages.locator(`[data-stage="${from}"]`).scrollIntoViewIfNeeded();
    const handle = (await stages.locator(`[data-stage="${from}"] .drag-handle`).boundingBox())!;
    const target = (await stages.locator(`[data-stage="${to}"]`).boundingBox())!;
    await app.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await app.mouse.down();
    await app.mouse.move(handle.x + handle.width / 2, target.y + target.height / 2, { steps: 12 });
    await app.mouse.up();
  };
  const before = await order();
  await drag('offer', 'interviewing');
  await expect.poll(async () => (await server.api<{ items: { key: string; archivedAt: number | null }[] }>('stages.list')).items.filter((x) => !x.archivedAt).map((x) => x.key)).toEqual(
    before.filter((k) => k !== 'offer').flatMap((k) => (k === 'interviewing' ? ['offer', k] : [k])),
  );
  await expect.poll(order).toEqual(before.filter((k) => k !== 'offer').flatMap((k) => (k === 'interviewing' ? ['offer', k] : [k])));
  // Back down past Interviewing: the order it started with.
  await drag('offer', 'interviewing');
  await expect.poll(order).toEqual(before);
  // Add a closed stage of the rejected kind; archiving the built-in Rejected is then allowed.
  await panel.getByRole('textbox', { name: 'New stage name' }).fill('Ghosted');
  await panel.getByRole('combobox', { name: 'New stage kind' }).selectOption('rejected');
  await panel.getByRole('button', { name: 'Add stage' }).click();
  await expect(stages.getByRole('listitem')).toHaveCount(9);
  // The last interviewing stage cannot go: the message says why, beside the row.
  await stages.getByRole('button', { name: 'Archive Interviewing' }).click();
  await expect(stages.locator('[data-stage="interviewing"]').getByRole('alert')).toHaveText('“Interviewing” is the only interviewing stage; add another of that kind first.');
  await screenshots(app, 'settings-pipeline');

  // The board shows the new names in the new order, the custom closed stage folded like the others.
  await app.goto(server.url + '#/pipeline');
  const columns = app.locator('.board > section');
  await expect(columns.first()).toHaveAttribute('data-stage', 'wishlist');
  await expect(columns.nth(1)).toHaveAttribute('aria-label', 'Recruiter call column');
  await expect(columns.nth(2)).toHaveAttribute('aria-label', 'Applied column');
  await expect(columns.nth(1).getByText('Globex')).toBeVisible();
  await expect(columns.nth(8)).toHaveClass(/folded/);
  await expect(columns.nth(8)).toHaveAttribute('aria-label', 'Ghosted column');
  await expect(app.getByRole('group', { name: 'Filter by stage' }).getByRole('button').nth(1)).toHaveText('Recruiter call');
  await screenshots(app, 'board-custom-stages');

  // Moving into the custom rejected-kind stage opens the rejection dialog (the rule follows the kind).
  await app.goto(server.url + `#/applications/${northwind.id}`);
  await app.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Ghosted' });
  const rejection = app.getByRole('dialog', { name: 'Rejected by Northwind' });
  await expect(rejection).toBeVisible();
  await rejection.getByRole('button', { name: 'Close' }).click();

  // The table names the stage as it is called now.
  await app.goto(server.url + '#/pipeline');
  await app.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
  const table = app.getByRole('table', { name: 'Applications' });
  await expect(table.locator('tbody tr', { hasText: 'Globex' })).toContainText('Recruiter call');
  await expect(table.locator('tbody tr', { hasText: 'Northwind' })).toContainText('Ghosted');

  // Archive Recruiter call: it holds Globex, so the dialog asks where it goes.
  await app.goto(server.url + '#/settings');
  await stages.getByRole('button', { name: 'Archive Recruiter call' }).click();
  const dialog = app.getByRole('dialog', { name: 'Archive “Recruiter call”' });
  await expect(dialog).toContainText('1 application is in “Recruiter call”: choose the stage to move them to.');
  await dialog.getByRole('combobox', { name: 'Move them to' }).selectOption({ label: 'Interviewing' });
  await screenshots(app, 'settings-pipeline-archive');
  await dialog.getByRole('button', { name: 'Move and archive' }).click();
  await expect(dialog).toBeHidden();
  await expect(stages.getByRole('listitem')).toHaveCount(8);
  // Archived is not gone: it is listed below, and Restore brings it back, empty, at the end of the board.
  const archivedList = panel.getByRole('list', { name: 'Archived stages' });
  await expect(archivedList.getByRole('listitem')).toHaveText([/Recruiter call/]);
  await archivedList.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshots(app, 'settings-pipeline-archived');
  await archivedList.getByRole('button', { name: 'Restore Recruiter call' }).click();
  await expect(stages.getByRole('listitem')).toHaveCount(9);
  await expect(stages.getByRole('listitem').last()).toHaveAttribute('data-stage', 'screening');
  await expect(archivedList).toBeHidden();
  await stages.getByRole('button', { name: 'Archive Recruiter call' }).click();
  await expect(stages.getByRole('listitem')).toHaveCount(8);

  // Globex's history keeps the names of the time: it went to "Screening", then left "Recruiter call".
  await app.goto(server.url + `#/applications/${globex.id}`);
  const timeline = app.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('Applied → Screening');
  await expect(timeline).toContainText('Recruiter call → Interviewing');
  await expect(timeline).toContainText('“Recruiter call” was archived');
  await expect(app.getByRole('combobox', { name: 'Stage' })).toHaveValue('interviewing');
  await expect(app.getByRole('combobox', { name: 'Stage' }).locator('option')).toHaveCount(8);
  await screenshots(app, 'application-stage-history');
});
