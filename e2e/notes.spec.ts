import { expect, screenshots, test } from './fixtures';

const HOUR = 3_600_000;

test('every note in one place: full-text search and filters', async ({ app, server }) => {
  const t0 = Date.UTC(2026, 10, 2, 15);
  await server.api('system.setNow', { now: t0 });
  const a = await server.api<{ id: number }>('applications.create', { company: 'Initech', role: 'Data Engineer', stage: 'applied' });
  const iv = await server.api<{ participants: Array<{ thankYouNoteId: number }> }>('interviews.create', {
    applicationId: a.id,
    kind: 'onsite',
    startAt: t0,
    endAt: t0 + HOUR,
    participants: [{ name: 'Zoë Ångström', email: 'zoe@initech.example' }, { name: 'Bo Berg', email: 'bo@initech.example' }],
  });
  await server.api('system.setNow', { now: t0 + 2 * HOUR });
  const [zoe, bo] = iv.participants.map((p) => p.thankYouNoteId);
  await server.api('notes.update', { id: zoe, revision: (await server.api<{ revision: number }>('notes.get', { id: zoe })).revision, subject: 'Thank you', body: 'Dear Zoë, your point about idempotent backfills stayed with me. Best, Jo' });
  await server.api('notes.markSent', { id: zoe });
  await server.api('notes.update', { id: bo, revision: (await server.api<{ revision: number }>('notes.get', { id: bo })).revision, subject: 'Thank you', body: 'Dear Bo, thanks for the tour of the warehouse sensors. Best, Jo' });

  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
  const log = app.getByRole('table', { name: 'All notes' });
  await expect(log.getByRole('link', { name: 'Zoë Ångström' })).toBeVisible();
  await expect(log.getByRole('link', { name: 'Bo Berg' })).toBeVisible();
  // Full text, prefix and diacritics-insensitive: "backfil" finds Zoë's sent note only.
  await app.getByLabel('Search all notes').fill('backfil');
  await expect(log.getByRole('link', { name: 'Bo Berg' })).toBeHidden();
  await expect(log.getByText(/idempotent backfills/)).toBeVisible();
  await app.getByLabel('Search all notes').fill('angstrom');
  await expect(log.getByRole('link', { name: 'Zoë Ångström' })).toBeVisible();
  await app.getByLabel('Search all notes').fill('');
  await app.getByRole('group', { name: 'Filter notes' }).getByRole('button', { name: 'Drafts' }).click();
  await expect(log.getByRole('link', { name: 'Zoë Ångström' })).toBeHidden();
  await expect(log.getByRole('link', { name: 'Bo Berg' })).toBeVisible();
  await screenshots(app, 'notes');
  await log.getByRole('link', { name: 'Bo Berg' }).click();
  await expect(app).toHaveURL(new RegExp(`#/compose/note/${bo}$`));
});
