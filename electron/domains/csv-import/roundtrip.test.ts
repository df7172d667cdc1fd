// Property-style: applications with hostile cells, generated from seeds, go out as CSV, into a fresh
// database and out again, byte for byte; Python's csv module (a parser nobody here wrote) reads
// every cell of the file as written.
import { DateTime } from 'luxon';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { SYSTEM_PYTHON, runPython } from '../../testing/external';
import { testCore, type TestCore } from '../../testing/core';
import { PRIORITIES, STAGES } from '../../shared/domain';

let cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores) c.close();
  cores = [];
});

async function start(zone: string, now: number) {
  const c = await testCore({ now });
  await c.api('settings.update', { timeZone: zone });
  cores.push(c);
  return c;
}

/** mulberry32: a small seeded generator, so a failing case can be run again from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

// What breaks CSV readers and writers: separators, quotes, line breaks of every kind, formula
// starters (also behind apostrophes), placeholders, right-to-left and astral characters.
const PIECES = [
  ';', ';;', ',', '\t', '|', '"', '""', "'", "''", '\r\n', '\n', '\r', ' ', '=', '+', '-', '@', "'=", "''+",
  'N/A', 'TBD', '-', '李小龙', 'Zoë Ångström', 'مرحبا', 'Ł', '🎉', '👩🏽‍💻', 'Acme', 'Engineer', 'x;y;z', 'a,b', 'SUM(A1)', '\u00a0', '#',
];
const START = ['=', '+', '-', '@', "'", "'=", "''-", '\t', ''];

function text(r: Rng, max: number, required: boolean): string | undefined {
  if (!required && r.chance(0.2)) return undefined;
  let s = r.chance(0.3) ? r.pick(START) : '';
  const n = 1 + r.int(6);
  for (let i = 0; i < n; i++) s += r.pick(PIECES);
  s = s.slice(0, max);
  // The app trims what is typed; an all-blank required field is refused, so give it a letter.
  return required && s.trim() === '' ? `${s}Q` : s;
}

/** An instant in the zone: at midnight, on the minute, with seconds, with milliseconds, or in a repeated DST hour. */
function instant(r: Rng, zone: string): number {
  const base = DateTime.fromObject({ year: 2024 + r.int(3), month: 1 + r.int(12), day: 1 + r.int(28) }, { zone });
  const kind = r.int(5);
  if (kind === 0) return base.toMillis();
  if (kind === 1) return base.set({ hour: r.int(24), minute: r.int(60) }).toMillis();
  if (kind === 2) return base.set({ hour: r.int(24), minute: r.int(60), second: 1 + r.int(59) }).toMillis();
  if (kind === 3) return base.set({ hour: r.int(24), minute: r.int(60), second: r.int(60), millisecond: 1 + r.int(999) }).toMillis();
  // A time in the hour that New York or Sydney repeats, either of the two.
  const fallBack = zone === 'Australia/Sydney' ? r.pick(['2025-04-06T02:30:00+10:00', '2025-04-06T02:30:00+11:00']) : r.pick(['2025-11-02T01:30:00-05:00', '2025-11-02T01:30:00-04:00']);
  return DateTime.fromISO(fallBack).toMillis();
}

async function seed(c: TestCore, r: Rng, zone: string, rows: number) {
  for (let i = 0; i < rows; i++) {
    c.ctx.clock.set(instant(r, zone));
    const min = r.chance(0.5) ? r.int(200) * 1000 : null;
    const a = await c.api('applications.create', {
      company: text(r, 200, true)!,
      role: text(r, 200, true)!,
      stage: r.pick(STAGES),
      priority: r.pick(PRIORITIES),
      location: text(r, 200, false) ?? null,
      source: text(r, 200, false) ?? null,
      postingUrl: r.chance(0.5) ? `https://jobs.example/${i}?q=a,b;c&x="y"` : null,
      salaryMin: min,
      salaryMax: r.chance(0.5) ? (min ?? 0) + r.int(100) * 1000 : null,
      salaryCurrency: r.pick(['USD', 'EUR', 'JPY', null]),
      appliedAt: r.chance(0.7) ? instant(r, zone) : null,
      deadlineAt: r.chance(0.3) ? instant(r, zone) : null,
      notes: text(r, 20000, false) ?? null,
    });
    // An applied date cleared by hand stays cleared.
    if (r.chance(0.1)) await c.api('applications.update', { id: a.id, appliedAt: null });
    if (r.chance(0.3)) {
      c.ctx.clock.set(instant(r, zone));
      await c.api('applications.moveStage', { id: a.id, stage: r.pick(STAGES) });
    }
    if (r.chance(0.25)) {
      c.ctx.clock.set(instant(r, zone));
      await c.api('applications.archive', { id: a.id, archived: true });
    }
  }
}

const NOW = Date.UTC(2026, 10, 20, 15, 0);
const stripBom = (s: string) => s.replace(/^\uFEFF/, '');

describe('CSV export and import, round trip', () => {
  for (const [seedNo, zone] of [
    [1, 'America/New_York'],
    [2, 'Australia/Sydney'],
    [3, 'Europe/Berlin'],
    [4, 'Asia/Kolkata'],
  ] as const) {
    it(`seed ${seedNo} (${zone}): export → import into an empty database → export gives the same bytes`, async () => {
      const r = rng(seedNo);
      const a = await start(zone, NOW);
      await seed(a, r, zone, 30);
      a.ctx.clock.set(NOW);
      const first = await a.api('csv.exportApplications', { includeArchived: true });
      expect(first.count).toBe(30);

      const b = await start(zone, NOW);
      const preview = await b.api('csv.previewApplications', { text: first.content });
      expect(preview.delimiter).toBe(',');
      expect(preview.columns.map((c) => c.field)).toContain('archivedAt');
      expect(preview.rows.filter((row) => Object.keys(row.fieldErrors).length)).toEqual([]);
      const done = await b.api('csv.importApplications', { text: first.content, mapping: preview.columns.map((c) => c.field) });
      expect(done).toMatchObject({ created: 30, errors: [] });

      const second = await b.api('csv.exportApplications', { includeArchived: true });
      expect(second.content).toBe(first.content);
      // Archived stays archived, and only those.
      const archived = (c: TestCore) => c.ctx.sqlite.prepare('SELECT count(*) FROM applications WHERE archived_at IS NOT NULL').pluck().get();
      expect(archived(b)).toBe(archived(a));
      expect(archived(a)).toBeGreaterThan(0);
      // The instants themselves, not just their text.
      const times = (c: TestCore) =>
        c.ctx.sqlite.prepare('SELECT created_at, applied_at, deadline_at, stage_changed_at, archived_at FROM applications ORDER BY created_at, id').raw().all();
      expect(times(b)).toEqual(times(a));
    });
  }

  it('Python’s csv module reads every cell as the app wrote it', async (t) => {
    // The csv module is Python's own; only the interpreter must be there (under CI it must).
    if (!existsSync(SYSTEM_PYTHON)) {
      if (process.env.CI) throw new Error(`CI must have ${SYSTEM_PYTHON}`);
      t.skip();
    }
    const r = rng(7);
    const a = await start('America/New_York', NOW);
    await seed(a, r, 'America/New_York', 25);
    a.ctx.clock.set(NOW);
    const out = await a.api('csv.exportApplications', { includeArchived: true });
    const py = JSON.parse(
      runPython(
        'import csv, io, json, sys\nrows = list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"), newline="")))\nprint(json.dumps(rows))',
        out.content,
      ),
    ) as string[][];
    const papa = Papa.parse<string[]>(stripBom(out.content), { skipEmptyLines: 'greedy' }).data;
    expect(py).toEqual(papa);
    // And the cells are the saved values, with one apostrophe before a formula start and nothing else.
    const saved = a.ctx.sqlite
      .prepare('SELECT c.name, a.role, a.location, a.source, a.notes FROM applications a JOIN companies c ON c.id = a.company_id ORDER BY a.created_at, a.id')
      .raw()
      .all() as Array<Array<string | null>>;
    const guard = (v: string | null) => (v === null ? '' : /^'*[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    expect(py.slice(1).map((row) => [row[0], row[1], row[4], row[5], row[12]])).toEqual(saved.map((row) => row.map(guard)));
  });
});

describe('the delimiter', () => {
  const notes = 'Call back; ask about;\r\nsalary; team; on-call';

  it('is read from the file’s shape, not from the characters its notes hold', async () => {
    const a = await start('America/New_York', NOW);
    await a.api('applications.create', { company: 'Acme', role: 'Engineer', notes });
    await a.api('applications.create', { company: 'Globex', role: 'PM', notes: 'a;b;c;d;e;f' });
    const out = await a.api('csv.exportApplications', {});
    const p = await a.api('csv.previewApplications', { text: out.content });
    expect([p.delimiter, p.delimiterChosen]).toEqual([',', false]);
    expect(p.rows.map((r) => r.values.notes)).toEqual([notes, 'a;b;c;d;e;f']);
    // Not only our own header: any comma file whose quoted notes hold semicolons and line breaks.
    const theirs = `Firm,Title,Comments\nAcme,Engineer,"${notes}"\nGlobex,PM,"x;y;z;w"\n`;
    const t = await a.api('csv.previewApplications', { text: theirs });
    expect(t.delimiter).toBe(',');
    expect(t.rows.map((r) => [r.values.company, r.values.notes])).toEqual([
      ['Acme', notes],
      ['Globex', 'x;y;z;w'],
    ]);
    const tabs = await a.api('csv.previewApplications', { text: 'Company\tRole\tNotes\nAcme\tEngineer\t"a, b; c | d"\n' });
    expect([tabs.delimiter, tabs.rows[0].values.notes]).toEqual(['\t', 'a, b; c | d']);
    const bars = await a.api('csv.previewApplications', { text: 'Company|Role|Notes\nAcme, Inc.|Engineer|one; two\n' });
    expect([bars.delimiter, bars.rows[0].values.company]).toEqual(['|', 'Acme, Inc.']);
    const semi = await a.api('csv.previewApplications', { text: 'Firma;Position;Gehalt\nMüller GmbH;Entwickler;"55,5k"\n' });
    expect(semi.delimiter).toBe(';');
  });

  it('can be chosen in the preview, which reads the file again, and the import uses the choice', async () => {
    const a = await start('America/New_York', NOW);
    const text = 'Company;Role,Notes\nAcme;Engineer,first\nGlobex;PM,second\n';
    const auto = await a.api('csv.previewApplications', { text });
    const chosen = await a.api('csv.previewApplications', { text, delimiter: auto.delimiter === ';' ? ',' : ';' });
    expect(chosen.delimiterChosen).toBe(true);
    const semi = await a.api('csv.previewApplications', { text, delimiter: ';' });
    expect(semi.columns.map((c) => [c.header, c.field])).toEqual([
      ['Company', 'company'],
      ['Role,Notes', 'role'],
    ]);
    expect(semi.notices.join(' ')).not.toMatch(/^Read as/);
    const comma = await a.api('csv.previewApplications', { text, delimiter: ',' });
    expect(comma.columns.map((c) => c.header)).toEqual(['Company;Role', 'Notes']);
    const done = await a.api('csv.importApplications', { text, delimiter: ';', mapping: semi.columns.map((c) => c.field) });
    expect(done.created).toBe(2);
    expect((await a.api('applications.list', {})).items.map((i) => [i.company, i.role]).sort()).toEqual([
      ['Acme', 'Engineer,first'],
      ['Globex', 'PM,second'],
    ]);
    // The mapping is checked against the columns the chosen delimiter gives.
    const env = await a.call('csv.importApplications', { text, delimiter: ',', mapping: semi.columns.map((c) => c.field).concat('ignore', 'ignore') });
    expect(!env.ok && env.error.fields).toEqual({ mapping: 'The mapping has 4 columns but the file has 2; read the file again.' });
    const bad = await a.call('csv.previewApplications', { text, delimiter: ':' as never });
    expect(!bad.ok && bad.error.fields).toEqual({ delimiter: 'Choose comma, semicolon, tab or vertical bar.' });
  });
});

describe('dates without a year and status words', () => {
  it('takes the most recent past date, on a clock that stands still, and says so in the row', async () => {
    const zone = 'America/New_York';
    const now = DateTime.fromISO('2026-03-10T12:00', { zone }).toMillis();
    const a = await start(zone, now);
    const text = ['Company,Role,Applied', 'A,r,Mar 3', 'B,r,3 March', 'C,r,Dec 24', 'D,r,Feb 29', 'E,r,03/11', 'F,r,Mar 10', 'G,r,March 11th'].join('\n');
    const p = await a.api('csv.previewApplications', { text });
    const iso = (ms: number | null) => (ms === null ? null : DateTime.fromMillis(ms, { zone }).toISODate());
    expect(p.rows.map((r) => [r.values.company, iso(r.values.appliedAt)])).toEqual([
      ['A', '2026-03-03'],
      ['B', '2026-03-03'],
      ['C', '2025-12-24'], // December 2026 is still to come
      ['D', '2024-02-29'], // the last 29 February
      ['E', '2025-03-11'], // month first (assumed, as the notice says): 11 March, which is tomorrow
      ['F', '2026-03-10'], // today counts as past
      ['G', '2025-03-11'],
    ]);
    expect(p.rows[0].warnings).toEqual(['“Mar 3” has no year; read as March 3, 2026, the most recent such date.']);
    expect(p.rows[2].warnings).toEqual(['“Dec 24” has no year; read as December 24, 2025, the most recent such date.']);
    expect(p.rows.every((r) => Object.keys(r.fieldErrors).length === 0)).toBe(true);
    // Day first when chosen: 03/11 is 3 November, most recently in 2025.
    const dmy = await a.api('csv.previewApplications', { text, dateOrder: 'dmy' });
    expect(iso(dmy.rows[4].values.appliedAt)).toBe('2025-11-03');
    // The clock moves, the answer moves with it.
    a.ctx.clock.set(DateTime.fromISO('2026-12-25T09:00', { zone }).toMillis());
    const later = await a.api('csv.previewApplications', { text });
    expect(iso(later.rows[2].values.appliedAt)).toBe('2026-12-24');
    expect(later.rows[0].warnings[0]).toContain('March 3, 2026');
  });

  it('reads status words into stages', async () => {
    const a = await start('America/New_York', NOW);
    const words = ['In progress', 'in-progress', 'INPROGRESS', 'Applied', 'Phone screen', 'phonescreen', 'Offer', 'Rejected', 'Not started', 'Offer declined', 'Second interview', 'Bogus'];
    const p = await a.api('csv.previewApplications', { text: ['Company,Role,Status', ...words.map((w, i) => `C${i},R,${w}`)].join('\n') });
    expect(p.rows.map((r) => r.values.stage)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'screening',
      'screening',
      'offer',
      'rejected',
      'wishlist',
      'withdrawn',
      'interviewing',
      null,
    ]);
    expect(p.rows[11].fieldErrors.stage).toMatch(/^“Bogus” is not a stage we know/);
  });
});
