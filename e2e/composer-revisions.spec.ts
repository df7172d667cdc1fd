// The composer never loses or overwrites a saved edit: leaving and coming back, reloading, a change made
// through the API while typing, and the same note open in two browser tabs.
import type { Page } from '@playwright/test';
import { expect, screenshots, seedTwoPersonInterview, test, type Server } from './fixtures';

type Note = { id: number; revision: number; body: string };
const setup = (server: Server) => seedTwoPersonInterview(server);

const message = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
const bodyOf = async (server: Server, id: number) => (await server.api<Note>('notes.get', { id })).body;

test('leaving the composer and coming back shows the saved text and reopens the tab left', async ({ app, server }) => {
  const { iv, danaNote, priyaNote } = await setup(server);
  await app.goto(`${server.origin}/#/compose/interview/${iv.id}`);
  const tabs = app.getByRole('tablist', { name: 'Notes' });
  await message(app).fill('Dear Dana,\n\nThank you for the tour of the on-call dashboards.');
  await saved(app);
  await tabs.getByRole('tab', { name: /Priya Raman/ }).click();
  await message(app).fill('Dear Priya,\n\nYour point about data contracts stayed with me.');
  await saved(app);

  // Away to Today and back, twice: the added lines are there each time, never an older copy.
  for (const round of [1, 2]) {
    await app.goto(`${server.origin}/#/today`);
    await expect(app.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
    await app.goto(`${server.origin}/#/compose/interview/${iv.id}`);
    await expect(tabs.getByRole('tab', { name: /Priya Raman/ })).toHaveAttribute('aria-selected', 'true');
    await expect(message(app)).toHaveValue(round === 1 ? /data contracts stayed with me\.$/ : /stayed with me\. \(1\)$/);
    // Typing on what is shown adds to the latest text, never to an older copy.
    await message(app).fill(`Dear Priya,\n\nYour point about data contracts stayed with me. (${round})`);
    await saved(app);
  }
  await tabs.getByRole('tab', { name: /Dana Lee/ }).click();
  await expect(message(app)).toHaveValue(/on-call dashboards\.$/);
  expect(await bodyOf(server, priyaNote.id)).toMatch(/\(2\)$/);
  expect(await bodyOf(server, danaNote.id)).toMatch(/on-call dashboards\.$/);
});

test('a reload keeps both saved text and text typed just before it', async ({ app, server }) => {
  const { danaNote } = await setup(server);
  await app.goto(`${server.origin}/#/compose/note/${danaNote.id}`);
  await message(app).fill('Dear Dana,\n\nFirst version, saved.');
  await saved(app);
  await app.reload();
  await expect(message(app)).toHaveValue('Dear Dana,\n\nFirst version, saved.');
  // Typed and reloaded at once, before the autosave's pause is over: the text comes back and is saved.
  await message(app).fill('Dear Dana,\n\nSecond version, typed right before a reload.');
  await app.reload();
  await expect(message(app)).toHaveValue('Dear Dana,\n\nSecond version, typed right before a reload.');
  await saved(app);
  expect(await bodyOf(server, danaNote.id)).toBe('Dear Dana,\n\nSecond version, typed right before a reload.');
});

test('a change made elsewhere while typing shows both versions; combining keeps every word', async ({ app, server }) => {
  const { danaNote } = await setup(server);
  await app.goto(`${server.origin}/#/compose/note/${danaNote.id}`);
  await message(app).fill('Dear Dana,\n\nThank you for the conversation.');
  await saved(app);

  // Another window saves a new paragraph through the API.
  const now = await server.api<Note>('notes.get', { id: danaNote.id });
  await server.api('notes.update', { id: danaNote.id, revision: now.revision, body: 'Dear Dana,\n\nThank you for the conversation.\n\nP.S. The schema is attached.' });

  // This window goes on typing on its older copy: the save is refused, both versions are shown.
  await message(app).fill('Dear Dana,\n\nThank you for the conversation about on-call.');
  const panel = app.getByRole('alertdialog', { name: 'This note was changed elsewhere' });
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('conflict-mine')).toContainText('about on-call.');
  await expect(panel.getByTestId('conflict-theirs')).toContainText('P.S. The schema is attached.');
  await expect(message(app)).toHaveAttribute('readonly', '');
  expect(await bodyOf(server, danaNote.id)).toMatch(/P\.S\. The schema is attached\.$/);
  await screenshots(app, 'composer-conflict');

  await panel.getByRole('button', { name: 'Combine both' }).click();
  await expect(panel).toBeHidden();
  await expect(message(app)).toHaveValue('Dear Dana,\n\nThank you for the conversation about on-call.\n\nP.S. The schema is attached.');
  await saved(app);
  expect(await bodyOf(server, danaNote.id)).toBe('Dear Dana,\n\nThank you for the conversation about on-call.\n\nP.S. The schema is attached.');
});

test('the same note in two browser tabs: the second save never overwrites the first unseen', async ({ app, server, context }) => {
  const { danaNote } = await setup(server);
  await app.goto(`${server.origin}/#/compose/note/${danaNote.id}`);
  const other = await context.newPage();
  await other.goto(server.url);
  await other.goto(`${server.origin}/#/compose/note/${danaNote.id}`);
  await expect(message(other)).toBeVisible();

  await message(app).fill('Dear Dana,\n\nWritten in the first tab.');
  await saved(app);
  await message(other).fill('Dear Dana,\n\nWritten in the second tab.');
  const panel = other.getByRole('alertdialog', { name: 'This note was changed elsewhere' });
  await expect(panel.getByTestId('conflict-theirs')).toContainText('Written in the first tab.');
  expect(await bodyOf(server, danaNote.id)).toBe('Dear Dana,\n\nWritten in the first tab.');

  // The second tab keeps its own text, knowingly; the first tab then learns of it on its next save.
  await panel.getByRole('button', { name: 'Keep my text' }).click();
  await saved(other);
  expect(await bodyOf(server, danaNote.id)).toBe('Dear Dana,\n\nWritten in the second tab.');
  await message(app).fill('Dear Dana,\n\nWritten in the first tab, edited again.');
  const first = app.getByRole('alertdialog', { name: 'This note was changed elsewhere' });
  await expect(first.getByTestId('conflict-theirs')).toContainText('Written in the second tab.');
  await first.getByRole('button', { name: 'Keep the saved version' }).click();
  await expect(message(app)).toHaveValue('Dear Dana,\n\nWritten in the second tab.');
  await expect(app.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(await bodyOf(server, danaNote.id)).toBe('Dear Dana,\n\nWritten in the second tab.');
  await other.close();
});
