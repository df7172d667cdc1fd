import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../testing/core';

const fixture = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'formats', 'csv', 'fixtures', name), 'utf8');

const ZONE = 'America/New_York';
const T0 = Date.UTC(2026, 10, 20, 15, 0); // Fri Nov 20 2026, 10:00 in New York
const day = (iso: string, zone = ZONE) => DateTime.fromISO(iso, { zone }).toMillis();
const isoDay = (ms: number | null, zone = ZONE) => (ms == null ? null : DateTime.fromMillis(ms, { zone }).toISODate());

let core: TestCore;
let other: TestCore | undefined;
afterEach(() => {
  core?.close();
  other?.close();
  other = undefined;
});

async function start(zone = ZONE) {
  const c = await testCore({ now: T0 });
  await c.api('settings.update', { timeZone: zone });
  return c;
}

async function failure(c: TestCore, method: 'csv.importApplications' | 'csv.previewApplications', input: object) {
  const env = await c.call(method, input as never);
  if (env.ok) throw new Error('expected an error');
  return env.error;
}

describe('csv.previewApplications', () => {
  it('maps a Google Sheets export and reads each row, with errors by row number and duplicates in the file', async () => {
    core = await start();
    const p = await core.api('csv.previewApplications', { text: fixture('google-sheets-job-tracker.csv') });
    expect(p.delimiter).toBe(',');
    expect(p.columns.map((c) => [c.header, c.field])).toEqual([
      ['Company', 'company'],
      ['Job Title', 'role'],
      ['Status', 'stage'],
      ['Date Applied', 'appliedAt'],
      ['Salary', 'salary'],
      ['Location', 'location'],
      ['Source', 'source'],
      ['Link', 'postingUrl'],
      ['Priority', 'priority'],
      ['Notes', 'notes'],
    ]);
    expect(p.fileErrors).toEqual([]);
    // 10/28/2026 shows the month comes first: no assumption needed.
    expect(p.dateOrder).toEqual({ order: 'mdy', assumed: false });
    // Row numbers are the spreadsheet's: the multi-line note is one row, the blank row 11 still counts.
    expect(p.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
    const byRow = new Map(p.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)!.values).toEqual({
      company: 'Acme Robotics',
      role: 'Senior Backend Engineer',
      stage: 'applied',
      priority: 'high',
      location: 'Austin, TX',
      source: 'LinkedIn',
      postingUrl: 'https://jobs.acme-robotics.example/backend-senior',
      salaryMin: 120000,
      salaryMax: 140000,
      salaryCurrency: 'USD',
      appliedAt: day('2026-11-03'),
      deadlineAt: null,
      stageChangedAt: null,
      createdAt: null,
      archivedAt: null,
      notes: 'Referred by Dana (ex-colleague).\nFollow up on Nov 10 if no answer.',
    });
    expect(p.rows.map((r) => [r.row, r.values.stage])).toEqual([
      [2, 'applied'],
      [3, 'screening'],
      [4, 'interviewing'],
      [5, 'offer'],
      [6, 'rejected'],
      [7, 'wishlist'],
      [8, 'applied'],
      [9, 'interviewing'],
      [10, 'applied'],
      [12, 'rejected'],
    ]);
    expect(byRow.get(3)!.values.notes).toBe('Recruiter: Priya. Asked about "distributed systems" experience.');
    expect(byRow.get(7)!.values).toMatchObject({ postingUrl: 'https://vandelay.example/jobs/analyst', salaryMin: null, notes: 'Salary: Competitive' });
    expect(byRow.get(7)!.warnings).toEqual(['Salary “Competitive” is not an amount; it was kept in the notes.', 'The link had no https://; it was added.']);
    // The same messages as applications.create where the schema decides; our own where a word could not be read.
    expect(p.rows.filter((r) => Object.keys(r.fieldErrors).length).map((r) => [r.row, r.fieldErrors])).toEqual([
      [8, { company: 'Company is required.' }],
      [9, { appliedAt: '“sometime in October” is not a date we can read (use 2026-11-03, 11/03/2026 or Nov 3, 2026).' }],
      [12, { salaryMax: 'Salary to must not be below Salary from.' }],
    ]);
    expect(byRow.get(9)!.values).toMatchObject({ priority: 'high', salaryMin: 200000, salaryMax: null }); // "Urgent", "$200k+"
    expect(byRow.get(10)!.duplicate).toEqual({ in: 'file', applicationId: null, row: 2, archived: false });
    expect(p.summary).toEqual({ rows: 10, ready: 6, errors: 3, duplicates: 1 });
    expect(p.notices).toContain('Amounts in $ were read as US dollars.');
  });

  it('reads an Excel export: semicolons, BOM, CRLF, accents, day-first dates, trailing empty columns', async () => {
    core = await start('Europe/Paris');
    const text = fixture('excel-semicolon-bom-crlf.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    const p = await core.api('csv.previewApplications', { text });
    expect(p.delimiter).toBe(';');
    expect(p.columns.map((c) => c.field)).toEqual([
      'company',
      'role',
      'stage',
      'appliedAt',
      'salary',
      'location',
      'source',
      'postingUrl',
      'notes',
      'priority',
      'deadlineAt',
    ]);
    expect(p.columns[0].header).toBe('Employer'); // not "\uFEFFEmployer"
    expect(p.dateOrder).toBeNull(); // dotted dates only: day first, nothing to assume
    expect(p.summary).toEqual({ rows: 5, ready: 5, errors: 0, duplicates: 0 });
    expect(p.rows.map((r) => [r.values.company, r.values.stage, isoDay(r.values.appliedAt, 'Europe/Paris'), r.values.salaryMin, r.values.salaryMax, r.values.salaryCurrency])).toEqual([
      ['Société Générale', 'applied', '2026-11-03', 55000, 65000, 'EUR'],
      ['Müller & Söhne GmbH', 'interviewing', '2026-10-21', 70000, 80000, 'EUR'],
      ['Nordisk Design ApS', 'rejected', '2026-10-02', null, null, null],
      ['Zürich Versicherung', 'wishlist', null, 120000, 120000, 'CHF'],
      ['Café Lumière', 'withdrawn', '2026-09-14', 90000, 90000, null],
    ]);
    expect(p.rows[0].values.appliedAt).toBe(day('2026-11-03', 'Europe/Paris'));
    expect(p.rows[0].values.deadlineAt).toBe(day('2026-11-30', 'Europe/Paris'));
    expect(p.rows[0].values.notes).toBe('Candidature envoyée; attendre la réponse des RH.');
    expect(p.rows[1].values.notes).toBe('Zweites Gespräch am 12.11.\nThemen: Kafka, Go');
  });

  it('maps a Notion export’s odd headers, and reads it again with the mapping the person fixed', async () => {
    core = await start();
    await core.api('applications.create', { company: 'pied piper', role: 'Senior Frontend Engineer', stage: 'applied' });
    const text = fixture('notion-export.csv');
    const auto = await core.api('csv.previewApplications', { text });
    expect(auto.columns.map((c) => [c.header, c.field])).toEqual([
      ['Name', 'ignore'],
      ['Company 🏢', 'company'],
      ['Status', 'stage'],
      ['Applied On', 'appliedAt'],
      ['Salary Range (USD)', 'salary'],
      ['URL', 'postingUrl'],
      ['Tags', 'ignore'],
      ['Created time', 'ignore'],
      ['Deadline', 'deadlineAt'],
      ['Notes / Comments', 'notes'],
    ]);
    expect(auto.fileErrors).toEqual(['Choose the column that holds the role.']);
    expect(auto.rows.every((r) => r.fieldErrors.role === 'Role is required.')).toBe(true);
    expect(auto.targets.find((t) => t.field === 'appendToNotes')?.label).toBe('Add to notes');

    const mapping = auto.columns.map((c) => (c.header === 'Name' ? 'role' : c.header === 'Tags' ? 'appendToNotes' : c.field));
    const p = await core.api('csv.previewApplications', { text, mapping });
    expect(p.fileErrors).toEqual([]);
    expect(p.columns[0].field).toBe('role');
    const [pied, hooli, raviga, aviato, endframe, pied2, piedAgain] = p.rows;
    expect(pied.values).toMatchObject({
      company: 'Pied Piper',
      role: 'Senior Frontend Engineer',
      stage: 'interviewing',
      appliedAt: day('2026-11-03'),
      salaryMin: 120000,
      salaryMax: 140000,
      salaryCurrency: 'USD', // from the header
      notes: 'Second round with the CTO; the challenge they named: "compression at the edge".\n\nTags: Remote, React',
    });
    expect(hooli.values).toMatchObject({ stage: 'screening', salaryMin: 150000, salaryMax: null, deadlineAt: day('2026-11-20'), notes: 'Tags: Hybrid' });
    expect(raviga.values).toMatchObject({ stage: 'wishlist', appliedAt: null });
    expect(aviato.values).toMatchObject({ stage: 'rejected', salaryMin: 180000, salaryMax: 210000, salaryCurrency: 'USD' });
    expect(endframe.fieldErrors).toEqual({
      stage: '“Maybe later?” is not a stage we know; use Wishlist, Applied, Screening, Interviewing, Offer, Accepted, Rejected, or Withdrawn.',
    });
    expect(pied2.fieldErrors).toEqual({ postingUrl: 'Posting URL must be a web address, like linkedin.com/in/name or https://example.com.' });
    // Saved already (case differs), and again later in the file: the saved one is named.
    const saved = (await core.api('applications.list', {})).items[0];
    expect(pied.duplicate).toEqual({ in: 'database', applicationId: saved.id, row: null, archived: false });
    expect(piedAgain.duplicate).toEqual({ in: 'database', applicationId: saved.id, row: 2, archived: false });
    expect(p.summary).toEqual({ rows: 7, ready: 3, errors: 2, duplicates: 2 });
  });

  it('says which way round ambiguous dates were read, and reads them the other way when asked', async () => {
    core = await start();
    const text = 'Company\tRole\tApplied\nAcme\tEngineer\t03/04/2026\nGlobex\tDesigner\t05/06/2026\n';
    const p = await core.api('csv.previewApplications', { text });
    expect(p.delimiter).toBe('\t');
    expect(p.dateOrder).toEqual({ order: 'mdy', assumed: true });
    expect(p.notices).toContain('Dates such as 03/04/2026 were read as month/day/year (US). If the file puts the day first, choose day/month/year.');
    expect(p.rows[0].values.appliedAt).toBe(day('2026-03-04'));
    const dmy = await core.api('csv.previewApplications', { text, dateOrder: 'dmy' });
    expect(dmy.dateOrder).toEqual({ order: 'dmy', assumed: false });
    expect(dmy.rows[0].values.appliedAt).toBe(day('2026-04-03'));
    // A day above 12 settles it for the whole file.
    const uk = await core.api('csv.previewApplications', { text: `${text}Initech\tPM\t25/06/2026\n` });
    expect(uk.dateOrder).toEqual({ order: 'dmy', assumed: false });
    expect(uk.rows.map((r) => isoDay(r.values.appliedAt))).toEqual(['2026-04-03', '2026-06-05', '2026-06-25']);
  });

  it('reads quoted multi-line notes, blank lines, placeholders and an unknown priority', async () => {
    core = await start();
    const text = [
      'company,title,stage,priority,salary,deadline,comments,comments',
      'Acme,"Engineer, Platform",,"Med",N/A,TBD,"Line one',
      'line two, with a comma',
      '""quoted"" line three",second notes column',
      ',,,,,,,',
      'Globex,Designer,Applied,someday,,,,',
    ].join('\n');
    const p = await core.api('csv.previewApplications', { text });
    expect(p.columns.map((c) => c.field)).toEqual(['company', 'role', 'stage', 'priority', 'salary', 'deadlineAt', 'notes', 'notes']);
    expect(p.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(p.rows[0].values).toMatchObject({
      role: 'Engineer, Platform',
      stage: 'wishlist',
      priority: 'medium',
      salaryMin: null,
      deadlineAt: null,
      notes: 'Line one\nline two, with a comma\n"quoted" line three\n\nsecond notes column',
    });
    expect(p.rows[0].fieldErrors).toEqual({});
    expect(p.rows[1].fieldErrors).toEqual({ priority: 'Choose low, medium or high.' });
  });

  it('takes the currency from the header when the cells only say $', async () => {
    core = await start();
    const p = await core.api('csv.previewApplications', { text: 'Company,Role,Salary (CAD)\nShopify,Staff Engineer,$180k–$210k\nWealthsimple,PM,150000 USD\n' });
    expect(p.rows.map((r) => [r.values.salaryMin, r.values.salaryMax, r.values.salaryCurrency])).toEqual([
      [180000, 210000, 'CAD'],
      [150000, 150000, 'USD'],
    ]);
    expect(p.notices).not.toContain('Amounts in $ were read as US dollars.');
  });

  it('reports an empty file, a broken quote and a mapping that does not fit', async () => {
    core = await start();
    expect((await core.api('csv.previewApplications', { text: '\uFEFF\r\n\r\n' })).fileErrors).toEqual(['The file is empty.']);
    const broken = await core.api('csv.previewApplications', { text: 'Company,Role,Notes\nAcme,Engineer,"never closed\nGlobex,PM,ok\n' });
    expect(broken.fileErrors[0]).toMatch(/^Row 2: .*quote/i);
    const err = await failure(core, 'csv.previewApplications', { text: 'Company,Role\nA,B\n', mapping: ['company'] });
    expect(err.code).toBe('validation');
    expect(err.fields).toEqual({ mapping: 'The mapping has 1 column but the file has 2; read the file again.' });
    const bad = await failure(core, 'csv.previewApplications', { text: 'Company,Role\nA,B\n', mapping: ['company', 'salaryy'] });
    expect(bad.fields).toEqual({ 'mapping.1': 'Choose a field or “ignore”.' });
    const wide = await failure(core, 'csv.previewApplications', { text: `Company,Role\nA,B${',x'.repeat(600)}\n` });
    expect(wide.fields).toEqual({ text: 'The file has 602 columns (500 at most); is it a list of applications?' });
  });
});

describe('csv.importApplications', () => {
  it('creates every valid row like applications.create, dated by its applied date, skips what the person chose, reports errors', async () => {
    core = await start();
    const hooli = await core.api('applications.create', { company: 'HOOLI', role: 'Something else' });
    const text = fixture('google-sheets-job-tracker.csv');
    const preview = await core.api('csv.previewApplications', { text });
    const mapping = preview.columns.map((c) => c.field);
    const r = await core.api('csv.importApplications', { text, mapping, skipRows: [10] });
    expect(r.created).toBe(6);
    expect(r.skipped).toBe(1);
    expect(r.errors).toEqual([
      { row: 8, fields: { company: 'Company is required.' } },
      { row: 9, fields: { appliedAt: expect.stringContaining('sometime in October') } },
      { row: 12, fields: { salaryMax: 'Salary to must not be below Salary from.' } },
    ]);
    const apps = await Promise.all(r.applicationIds.map((id) => core.api('applications.get', { id })));
    expect(apps.map((a) => [a.company, a.role, a.stage])).toEqual([
      ['Acme Robotics', 'Senior Backend Engineer', 'applied'],
      ['Globex', 'Staff Software Engineer', 'screening'],
      ['Initech', 'Platform Engineer', 'interviewing'],
      ['Umbrella Health', 'Data Engineer', 'offer'],
      ['HOOLI', 'Backend Engineer II', 'rejected'],
      ['Vandelay Industries', 'Import/Export Analyst', 'wishlist'],
    ]);
    // The company already saved is reused (by name, ignoring case).
    expect(apps[4].companyId).toBe(hooli.companyId);
    const initech = apps[2];
    expect(initech).toMatchObject({ priority: 'high', salaryMin: 130000, salaryMax: 150000, source: 'Referral', location: 'Dallas, TX' });
    // The stage is recorded as one first event, at the applied date.
    expect(initech.appliedAt).toBe(day('2026-10-15'));
    expect(initech.stageChangedAt).toBe(day('2026-10-15'));
    expect(initech.events).toEqual([{ id: expect.any(Number), fromStage: null, toStage: 'interviewing', fromName: null, toName: 'Interviewing', at: day('2026-10-15'), note: null }]);
    expect(initech.createdAt).toBe(T0); // created now, not back-dated
    // Without an applied date the event is now.
    expect(apps[5].events[0].at).toBe(T0);
    // In the full-text search like any other application.
    expect((await core.api('applications.list', { search: 'Umbrella' })).items.map((a) => a.role)).toEqual(['Data Engineer']);
  });

  it('imports the duplicates the person did not skip', async () => {
    core = await start();
    const text = fixture('google-sheets-job-tracker.csv');
    const mapping = (await core.api('csv.previewApplications', { text })).columns.map((c) => c.field);
    const r = await core.api('csv.importApplications', { text, mapping });
    expect([r.created, r.skipped]).toEqual([7, 0]);
    expect((await core.api('applications.list', { search: 'Acme' })).total).toBe(2);
  });

  it('is one transaction: a failure half-way writes nothing', async () => {
    core = await start();
    core.ctx.sqlite.exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON applications WHEN NEW.role = 'Data Engineer' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const text = fixture('google-sheets-job-tracker.csv');
    const mapping = (await core.api('csv.previewApplications', { text })).columns.map((c) => c.field);
    const env = await core.call('csv.importApplications', { text, mapping });
    expect(env.ok).toBe(false);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(0);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM stage_events').pluck().get()).toBe(0);
  });

  it('refuses a mapping without company or role', async () => {
    core = await start();
    const text = fixture('notion-export.csv');
    const mapping = (await core.api('csv.previewApplications', { text })).columns.map((c) => c.field);
    const err = await failure(core, 'csv.importApplications', { text, mapping });
    expect(err).toMatchObject({ code: 'validation', fields: { mapping: 'Choose the column that holds the role.' } });
    expect((await core.api('applications.list', {})).total).toBe(0);
  });
});

describe('csv.exportApplications', () => {
  it('writes one row per application: ISO dates with their times in the user’s zone, counts, BOM, CRLF', async () => {
    core = await start('Asia/Tokyo');
    // 20:00 UTC on Nov 2 is already Nov 3 in Tokyo.
    const a = await core.api('applications.create', {
      company: 'Société Générale',
      role: 'Développeur',
      stage: 'applied',
      appliedAt: Date.UTC(2026, 10, 2, 20),
      deadlineAt: Date.UTC(2026, 10, 29, 16),
      salaryMin: 55000,
      salaryMax: 65000,
      salaryCurrency: 'EUR',
      priority: 'high',
      location: 'Paris',
      source: 'Welcome to the Jungle',
      postingUrl: 'https://example.com/offre?id=1&x=2',
      notes: 'Deux lignes,\n"avec" des guillemets',
    });
    await core.api('applications.create', { company: 'Globex', role: 'PM' });
    const contact = await core.api('contacts.create', { name: 'Dana Reyes' });
    await core.api('interviews.create', { applicationId: a.id, kind: 'video', startAt: T0 + 86_400_000, endAt: T0 + 86_400_000 + 3_600_000 });
    const sent = await core.api('notes.create', { kind: 'follow_up', contactId: contact.id, applicationId: a.id });
    await core.api('notes.markSent', { id: sent.id });
    await core.api('notes.create', { kind: 'other', contactId: contact.id, applicationId: a.id }); // a draft: not sent

    const out = await core.api('csv.exportApplications', {});
    expect(out.count).toBe(2);
    expect(out.filename).toBe('courtesy-applications-2026-11-21.csv'); // Nov 21 in Tokyo
    expect(out.content.startsWith('\uFEFFCompany,Role,Stage,')).toBe(true);
    expect(out.content.split('\r\n')[0]).toBe(
      '\uFEFFCompany,Role,Stage,Priority,Location,Source,Posting URL,Salary min,Salary max,Salary currency,Applied,Deadline,Notes,Created,Stage changed,Interviews,Notes sent',
    );
    const parsed = Papa.parse<Record<string, string>>(out.content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      {
        Company: 'Société Générale',
        Role: 'Développeur',
        Stage: 'Interviewing', // scheduling the interview moved it on
        Priority: 'High',
        Location: 'Paris',
        Source: 'Welcome to the Jungle',
        'Posting URL': 'https://example.com/offre?id=1&x=2',
        'Salary min': '55000',
        'Salary max': '65000',
        'Salary currency': 'EUR',
        Applied: '2026-11-03 05:00',
        Deadline: '2026-11-30 01:00',
        Notes: 'Deux lignes,\n"avec" des guillemets',
        Created: '2026-11-21',
        'Stage changed': '2026-11-21',
        Interviews: '1',
        'Notes sent': '1',
      },
      expect.objectContaining({ Company: 'Globex', Role: 'PM', Stage: 'Wishlist', Priority: 'Medium', Applied: '', 'Salary min': '', Interviews: '0', 'Notes sent': '0' }),
    ]);
  });

  it('writes local date-times as exact as the instant, with the offset only where a local time repeats', async () => {
    const { localStamp } = await import('./export');
    const ny = 'America/New_York';
    expect(localStamp(day('2026-11-03'), ny)).toBe('2026-11-03');
    expect(localStamp(day('2026-11-03T14:22'), ny)).toBe('2026-11-03 14:22');
    expect(localStamp(day('2026-11-03T14:22:09'), ny)).toBe('2026-11-03 14:22:09');
    expect(localStamp(day('2026-11-03T14:22:09.120'), ny)).toBe('2026-11-03 14:22:09.120');
    // 01:30 on 1 Nov 2026 happens twice in New York: a plain 01:30 reads as the second (standard time),
    // so the first gets its offset.
    expect(localStamp(Date.UTC(2026, 10, 1, 5, 30), ny)).toBe('2026-11-01 01:30 -04:00');
    expect(localStamp(Date.UTC(2026, 10, 1, 6, 30), ny)).toBe('2026-11-01 01:30');
    // São Paulo had no midnight on 4 Nov 2018: the day began at 01:00.
    expect(localStamp(DateTime.fromISO('2018-11-04', { zone: 'America/Sao_Paulo' }).toMillis(), 'America/Sao_Paulo')).toBe('2018-11-04 01:00');
  });

  it('exports what the pipeline search and stage filter show; archived only when asked', async () => {
    core = await start();
    await core.api('applications.create', { company: 'Acme', role: 'Platform Engineer', stage: 'applied' });
    await core.api('applications.create', { company: 'Acme', role: 'Designer', stage: 'wishlist' });
    const old = await core.api('applications.create', { company: 'Initech', role: 'Platform Engineer', stage: 'applied' });
    await core.api('applications.archive', { id: old.id, archived: true });
    const rows = (content: string) => Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1).map((r) => `${r[0]}/${r[1]}`);
    expect(rows((await core.api('csv.exportApplications', { search: 'platform' })).content)).toEqual(['Acme/Platform Engineer']);
    expect(rows((await core.api('csv.exportApplications', { stages: ['wishlist'] })).content)).toEqual(['Acme/Designer']);
    const all = await core.api('csv.exportApplications', { includeArchived: true });
    expect(rows(all.content)).toEqual(['Acme/Platform Engineer', 'Acme/Designer', 'Initech/Platform Engineer']);
    expect(all.content.split('\r\n')[0].endsWith(',Notes sent,Archived')).toBe(true);
    const empty = await core.api('csv.exportApplications', { search: 'nothing-matches' });
    expect(empty.count).toBe(0);
  });

  it('defuses formulas: cells starting with = + - @ get an apostrophe, even across lines', async () => {
    core = await start();
    await core.api('applications.create', {
      company: '=HYPERLINK("http://evil.example","Click")',
      role: '+1 Engineer',
      location: '@Remote',
      source: '-referral',
      notes: '=1+1\nsecond line',
    });
    await core.api('applications.create', { company: 'Safe Co', role: 'Engineer - Platform', notes: 'Salary 120k = fine' });
    const out = await core.api('csv.exportApplications', {});
    const [, evil, safe] = Papa.parse<string[]>(out.content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(evil.slice(0, 6)).toEqual(['\'=HYPERLINK("http://evil.example","Click")', "'+1 Engineer", 'Wishlist', 'Medium', "'@Remote", "'-referral"]);
    expect(evil[12]).toBe("'=1+1\nsecond line");
    expect(safe.slice(0, 2)).toEqual(['Safe Co', 'Engineer - Platform']);
    expect(safe[12]).toBe('Salary 120k = fine');
    // Nothing in the file starts a cell with a formula character.
    for (const row of Papa.parse<string[]>(out.content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('round trip: export, then import into an empty database, gives the same applications', async () => {
    core = await start();
    const seed = [
      { company: 'Acme Robotics', role: 'Senior Backend Engineer', stage: 'applied', appliedAt: day('2026-11-03T14:22'), salaryMin: 120000, salaryMax: 140000, salaryCurrency: 'USD', priority: 'high', location: 'Austin, TX', source: 'LinkedIn', postingUrl: 'https://acme.example/jobs/1?ref=a,b', notes: 'Referred by Dana.\nFollow up "soon"; maybe Nov 10.' },
      { company: 'Société Générale', role: 'Développeur Full-Stack', stage: 'wishlist', deadlineAt: day('2026-12-15T23:59'), salaryMin: 55000, salaryCurrency: 'EUR', notes: '=SUM(A1:A3) is not a formula here\n- and a bullet' },
      { company: 'Initech', role: 'Platform Engineer', stage: 'interviewing', appliedAt: day('2026-10-01T09:00'), priority: 'low', salaryMax: 90000 },
      { company: 'Globex', role: '@mention Engineer', stage: 'rejected', appliedAt: day('2026-09-12T10:00'), source: '+Referral', location: '-' },
      { company: 'Umbrella', role: 'PM', stage: 'withdrawn' },
    ] as const;
    for (const s of seed) await core.api('applications.create', s);
    const moved = (await core.api('applications.list', { search: 'Initech' })).items[0];
    core.ctx.clock.set(day('2026-11-10T12:00'));
    await core.api('applications.moveStage', { id: moved.id, stage: 'offer' });

    const out = await core.api('csv.exportApplications', {});
    other = await start();
    const preview = await other.api('csv.previewApplications', { text: out.content });
    expect(preview.columns.map((c) => c.field)).toEqual([
      'company',
      'role',
      'stage',
      'priority',
      'location',
      'source',
      'postingUrl',
      'salaryMin',
      'salaryMax',
      'salaryCurrency',
      'appliedAt',
      'deadlineAt',
      'notes',
      'createdAt',
      'stageChangedAt',
      'ignore',
      'ignore',
    ]);
    expect(preview.summary).toEqual({ rows: 5, ready: 5, errors: 0, duplicates: 0 });
    const r = await other.api('csv.importApplications', { text: out.content, mapping: preview.columns.map((c) => c.field) });
    expect(r).toMatchObject({ created: 5, skipped: 0, errors: [] });

    const shape = async (c: TestCore) => {
      const items = (await c.api('applications.list', {})).items;
      const full = await Promise.all(items.map((i) => c.api('applications.get', { id: i.id })));
      return full
        .map((a) => ({
          company: a.company,
          role: a.role,
          stage: a.stage,
          priority: a.priority,
          location: a.location,
          source: a.source,
          postingUrl: a.postingUrl,
          salaryMin: a.salaryMin,
          salaryMax: a.salaryMax,
          salaryCurrency: a.salaryCurrency,
          notes: a.notes,
          applied: isoDay(a.appliedAt),
          deadline: isoDay(a.deadlineAt),
          stageChanged: isoDay(a.stageChangedAt),
        }))
        .sort((x, y) => x.role.localeCompare(y.role));
    };
    const before = await shape(core);
    expect(before.find((a) => a.role === 'Platform Engineer')).toMatchObject({ stage: 'offer', stageChanged: '2026-11-10' });
    expect(await shape(other)).toEqual(before);
    // And out again: the same file, byte for byte, times of day included.
    const again = await other.api('csv.exportApplications', {});
    expect(again.content).toBe(out.content);
    expect(out.content).toContain('2026-11-03 14:22');
  });
});
