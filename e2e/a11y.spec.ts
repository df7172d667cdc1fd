// axe-core on every screen and every dialog, in light and dark: zero serious or critical violations.
// To cover a new screen or dialog, add an entry to TARGETS (a route, and `open` for what to click); a
// dialog's route must also be a target without the dialog, since a dialog entry scans only the dialog.
import type { Page } from '@playwright/test';
import { axeOn, expect, openServer, seedTwoPersonInterview, test, usePage, type Server } from './fixtures';

type Ids = Awaited<ReturnType<typeof seed>>;
interface Target {
  name: string;
  /** Hash route to start from, e.g. '#/pipeline'. */
  route: (ids: Ids) => string;
  /** Brings the screen into the state to check (opens the dialog); the dialog name is checked to be open. */
  open?: (page: Page) => Promise<unknown>;
  dialog?: string;
  /** Opening it changes the data (the stage select moves the application): it gets a server of its own. */
  changesData?: boolean;
}

/** The axe rules whose outcome depends on colours (the rest read the DOM, which the scheme leaves alone). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

const btn = (page: Page, name: string, exact = true) => page.getByRole('button', { name, exact }).first().click();

const TARGETS: Target[] = [
  { name: 'Today', route: () => '#/today' },
  { name: 'Pipeline board', route: () => '#/pipeline' },
  { name: 'Pipeline table', route: () => '#/pipeline', open: (p) => btn(p, 'Table') },
  { name: 'New application', route: () => '#/pipeline', open: (p) => btn(p, '+ New application'), dialog: 'New application' },
  { name: 'Application', route: (ids) => `#/applications/${ids.applicationId}` },
  { name: 'Edit application', route: (ids) => `#/applications/${ids.applicationId}`, open: (p) => btn(p, 'Edit') },
  { name: 'Schedule interview', route: (ids) => `#/applications/${ids.applicationId}`, open: (p) => btn(p, 'Schedule interview'), dialog: 'Schedule interview' },
  { name: 'Delete application', route: (ids) => `#/applications/${ids.applicationId}`, open: (p) => btn(p, 'Delete'), dialog: 'Delete this application?' },
  { name: 'Rejection', route: (ids) => `#/applications/${ids.applicationId}`, open: (p) => p.getByLabel('Stage', { exact: true }).selectOption('rejected'), dialog: 'Rejected', changesData: true },
  { name: 'Interview', route: (ids) => `#/interviews/${ids.interviewId}` },
  { name: 'Reschedule interview', route: (ids) => `#/interviews/${ids.interviewId}`, open: (p) => btn(p, 'Reschedule'), dialog: 'Reschedule interview' },
  { name: 'Delete interview', route: (ids) => `#/interviews/${ids.interviewId}`, open: (p) => btn(p, 'Delete'), dialog: 'Delete this interview?' },
  { name: 'Composer', route: (ids) => `#/compose/interview/${ids.interviewId}` },
  { name: 'Save as template', route: (ids) => `#/compose/interview/${ids.interviewId}`, open: (p) => btn(p, 'Save as template…'), dialog: 'Save as template' },
  { name: 'Contacts', route: () => '#/contacts' },
  { name: 'New contact', route: () => '#/contacts', open: (p) => btn(p, '+ New contact'), dialog: 'New contact' },
  {
    name: 'vCard import',
    route: () => '#/contacts',
    open: async (p) => {
      await btn(p, 'Import vCard…');
      await p.locator('#vcard-file').setInputFiles('electron/formats/vcard/fixtures/broken-among-good.vcf');
    },
    dialog: 'Import contacts from a vCard file',
  },
  { name: 'Contact', route: (ids) => `#/contacts/${ids.contactId}` },
  { name: 'Edit contact', route: (ids) => `#/contacts/${ids.contactId}`, open: (p) => btn(p, 'Edit') },
  { name: 'Merge contact', route: (ids) => `#/contacts/${ids.contactId}`, open: (p) => btn(p, 'Merge…'), dialog: 'Merge a duplicate into Dana Lee' },
  { name: 'Delete contact', route: (ids) => `#/contacts/${ids.contactId}`, open: (p) => btn(p, 'Delete'), dialog: 'Delete Dana Lee?' },
  { name: 'Notes', route: () => '#/notes' },
  { name: 'Stationery', route: () => '#/stationery' },
  { name: 'New stationery item', route: () => '#/stationery', open: (p) => btn(p, '+ Add item'), dialog: 'New stationery item' },
  { name: 'Stationery purchase', route: () => '#/stationery', open: (p) => btn(p, 'Record a purchase of Forever stamps'), dialog: 'Purchase: Forever stamps' },
  { name: 'Stationery correction', route: () => '#/stationery', open: (p) => btn(p, 'Correct the count of Forever stamps'), dialog: 'Correct the count: Forever stamps' },
  { name: 'Insights', route: () => '#/insights' },
  { name: 'Settings', route: () => '#/settings' },
  {
    name: 'CSV import',
    route: () => '#/settings',
    open: (p) => p.getByRole('region', { name: 'Import and export' }).getByLabel('CSV file to import').setInputFiles('electron/formats/csv/fixtures/notion-export.csv'),
    dialog: 'Import applications from CSV',
  },
  { name: 'Restore backup', route: () => '#/settings', open: (p) => btn(p, 'Restore…'), dialog: 'Restore this backup?' },
  { name: 'Templates', route: () => '#/templates' },
  { name: 'Template editor', route: (ids) => `#/templates/${ids.templateId}` },
  { name: 'Delete template', route: (ids) => `#/templates/${ids.templateId}`, open: (p) => btn(p, 'Delete…'), dialog: 'Delete this template?' },
  { name: 'Offers', route: () => '#/offers' },
  { name: 'Edit offer', route: (ids) => `#/applications/${ids.applicationId}`, open: (p) => btn(p, 'Edit offer') },
  { name: 'Document usage', route: (ids) => `#/applications/${ids.applicationId}`, open: (p) => btn(p, 'Only here'), dialog: 'Applications that got CV.pdf' },
  { name: 'Command palette', route: () => '#/today', open: (p) => p.keyboard.press('Control+k'), dialog: 'Command palette' },
  { name: 'Keyboard shortcuts', route: () => '#/today', open: (p) => p.keyboard.press('?'), dialog: 'Keyboard shortcuts' },
];

async function seed(server: Server) {
  const { iv } = await seedTwoPersonInterview(server, { talkedAbout: 'The data platform migration' });
  const interview = await server.api<{ applicationId: number }>('interviews.get', { id: iv.id });
  // A spread of stages and priorities so every column and badge is drawn.
  for (const [company, stage, priority] of [
    ['Acme Corp', 'wishlist', 'high'],
    ['Globex', 'screening', 'low'],
    ['Initech', 'offer', 'medium'],
    ['Umbrella', 'rejected', 'medium'],
  ] as const) {
    await server.api('applications.create', { company, role: 'Platform Engineer', stage, priority });
  }
  const contacts = await server.api<{ items: { id: number; name: string }[] }>('contacts.list', {});
  await server.api('contacts.create', { name: 'Dana Lee (old)', email: 'dana@old.example' });
  const stamp = await server.api<{ id: number }>('stationery.createItem', { kind: 'stamp', name: 'Forever stamps', postageCents: 78, currency: 'USD', lowStockThreshold: 5 });
  await server.api('stationery.record', { itemId: stamp.id, reason: 'purchase', quantity: 20, costCents: 1560 });
  await server.api('reminders.create', { applicationId: interview.applicationId, title: 'Call the recruiter', dueAt: Date.UTC(2026, 10, 24, 20) });
  await server.api('backups.create', {});
  const template = await server.api<{ id: number }>('templates.create', { name: 'Quick thanks', kind: 'thank_you', delivery: 'email', subject: 'Thank you, {{contact.firstName}}', body: 'Thank you for {{interview.round}} and {{talkedAbout}}.' });
  await server.api('offers.save', { applicationId: interview.applicationId, currency: 'USD', baseSalary: 150_000, bonus: 10_000, deadlineAt: Date.UTC(2026, 11, 20) });
  await server.api('documents.add', { applicationId: interview.applicationId, name: 'CV.pdf', base64: Buffer.from('%PDF-1.7\n').toString('base64'), kind: 'resume', label: 'v3' });
  return { applicationId: interview.applicationId, interviewId: iv.id, contactId: contacts.items.find((c) => c.name === 'Dana Lee')!.id, templateId: template.id };
}

// One test per entry, so a failure names the screen; the entries that only look share one seeded server
// per worker (seeding and starting a server for each of them was most of this spec's time).
const shared = test.extend<{ seeded: { server: Server; ids: Ids } }, { sharedServer: { server: Server; ids: Ids } }>({
  sharedServer: [
    async ({}, use) => {
      const { server, close } = await openServer();
      await use({ server, ids: await seed(server) });
      await close();
    },
    { scope: 'worker' },
  ],
  seeded: async ({ sharedServer }, use) => use(sharedServer),
  app: async ({ page, sharedServer }, use) => usePage(page, sharedServer.server, use),
});
const own = test.extend<{ seeded: { server: Server; ids: Ids } }>({
  seeded: async ({ server }, use) => use({ server, ids: await seed(server) }),
});

for (const t of TARGETS) {
  (t.changesData ? own : shared)(`axe: no serious or critical violations in ${t.name}, light and dark`, async ({ app, seeded: { server, ids } }) => {
    test.setTimeout(150_000); // axe runs twice on a full page; a busy machine needs the room
    await app.goto(server.url + t.route(ids));
    await expect(app.locator('main h1').first()).toBeVisible();
    if (t.open) await t.open(app);
    if (t.dialog) await expect(app.getByRole('dialog', { name: t.dialog })).toBeVisible();
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      // The page is the same DOM in both schemes; only colours change. Dark runs the rules colours decide
      // (the whole rule set again found nothing new and doubled the spec's time).
      // A dialog is checked on its own: the screen behind it is a target of its own (same route, no dialog),
      // and scanning that whole page again under each of its dialogs was most of this spec's time.
      const axe = t.dialog ? axeOn(app).include('dialog[open]') : axeOn(app);
      const result = await (scheme === 'dark' ? axe.withRules(COLOUR_RULES) : axe).analyze();
      for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        for (const n of v.nodes) found.push(`${scheme}: ${v.id} — ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`);
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
