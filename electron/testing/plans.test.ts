// The hot calls' query plans: none may read a whole big table (applications, notes, interviews,
// contacts), and the paged ones must use the indexes made for them. A plan that starts to scan fails
// here, long before a large book makes it slow. Plans are taken with and without planner statistics
// (ANALYZE), since a person's database may have either.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from './core';
import { explain, fullScans, indexesUsed, plansOf, type PlannedStatement } from './plans';
import { listSql, ORDER_INDEX, type SortKey } from '../domains/applications/list';
import { BROAD_SEARCH_IDS } from '../domains/applications/board';
import { IDS_PAGE_SQL, SEARCH_KEYS_SQL, SEARCH_TIE_SQL } from '../domains/contacts/queries';
import { STAGES } from '../shared/domain';

const NOW = Date.UTC(2026, 10, 21, 15);
const DAY = 86_400_000;
const BIG = ['applications', 'notes', 'interviews', 'contacts', 'stage_events'];

function seed(core: TestCore) {
  const db = core.ctx.sqlite;
  db.transaction(() => {
    for (let i = 1; i <= 20; i++) db.prepare('INSERT INTO companies (name) VALUES (?)').run(`Company ${i}`);
    const app = db.prepare('INSERT INTO applications (company_id, role, location, stage, stage_changed_at, priority, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= 400; i++) app.run(1 + (i % 20), `Platform engineer ${i}`, 'Berlin', STAGES[i % STAGES.length], NOW - (i % 90) * DAY, 'medium', NOW, NOW);
    const contact = db.prepare('INSERT INTO contacts (name, company_id) VALUES (?, ?)');
    for (let i = 1; i <= 200; i++) contact.run(`Dana Lee ${i}`, 1 + (i % 20));
    const iv = db.prepare("INSERT INTO interviews (application_id, kind, start_at, end_at, time_zone) VALUES (?, 'video', ?, ?, 'UTC')");
    for (let i = 1; i <= 300; i++) iv.run(1 + (i % 400), NOW + ((i % 60) - 40) * DAY, NOW + ((i % 60) - 40) * DAY + 3_600_000);
    const note = db.prepare(
      "INSERT INTO notes (kind, contact_id, application_id, interview_id, delivery, subject, body, status, due_at) VALUES ('thank_you', ?, ?, ?, 'email', 'Thank you', 'Dear Dana, kafka platform', ?, ?)",
    );
    for (let i = 1; i <= 2000; i++) note.run(1 + (i % 200), 1 + (i % 400), 1 + (i % 300), i % 10 ? 'sent' : 'draft', NOW + ((i % 60) - 50) * DAY);
  })();
}

/** Each call on a fresh connection, so every statement it runs is prepared (and so explained) again. */
async function plansFor(dir: string, method: string, input: unknown): Promise<PlannedStatement[]> {
  const core = await testCore({ dir, now: NOW });
  try {
    return await plansOf(core.ctx.sqlite, async () => {
      const env = await core.call(method, input);
      if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
    });
  } finally {
    core.close();
  }
}

const HOT: [string, string, unknown][] = [
  ['stage move', 'applications.moveStage', { id: 7, stage: 'offer' }],
  ['edit', 'applications.update', { id: 8, role: 'Staff engineer' }],
  ['mark sent', 'notes.markSent', { id: 10 }],
  ['Today', 'today.get', {}],
  ['board', 'applications.board', {}],
  ['board search', 'applications.board', { search: 'platform' }],
  ['table, first page', 'applications.list', { limit: 100 }],
  ['table, next page', 'applications.list', { limit: 100, after: { value: NOW - 30 * DAY, id: 200 } }],
  ['table by update time', 'applications.list', { limit: 100, sort: 'updatedAt', dir: 'asc' }],
  ['table by stage', 'applications.list', { limit: 100, sort: 'stage' }],
  ['table by stage, next page', 'applications.list', { limit: 100, sort: 'stage', dir: 'asc', after: { value: 3, id: 50 } }],
  ['table search', 'applications.list', { search: 'platform', limit: 100 }],
  ['notes search', 'notes.list', { search: 'kafka', limit: 50 }],
  ['contact search', 'contacts.list', { search: 'dana' }],
];

describe.each([['without statistics', false], ['after ANALYZE', true]] as const)('hot calls %s', (_name, analyze) => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-plans-'));
    const core = await testCore({ dir, now: NOW });
    seed(core);
    if (analyze) core.ctx.sqlite.exec('ANALYZE');
    core.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(HOT)('%s reads no big table whole', async (_label, method, input) => {
    const plans = await plansFor(dir, method, input);
    expect(plans.length).toBeGreaterThan(0);
    expect(fullScans(plans, BIG)).toEqual([]);
  });

  it('the board reads each stage from applications_stage, the table pages by applications_moved', async () => {
    expect([...indexesUsed(await plansFor(dir, 'applications.board', {}))]).toContain('applications_stage');
    expect([...indexesUsed(await plansFor(dir, 'applications.list', { limit: 100 }))]).toContain('applications_moved');
    expect([...indexesUsed(await plansFor(dir, 'applications.list', { limit: 100, sort: 'updatedAt' }))]).toContain('applications_updated');
  });

  it("the board's column counts are read from the stage counts (0031), not counted over the applications", async () => {
    const plans = await plansFor(dir, 'applications.board', {});
    expect(plans.filter((p) => /count\(\*\) AS n FROM applications\b/.test(p.sql))).toEqual([]);
    expect(plans.find((p) => /FROM application_stage_counts/.test(p.sql))!.plan).toEqual(['SCAN application_stage_counts']);
  });

  it("the table's total on a first page without filters counts b-tree pages (OP_Count), not rows", async () => {
    for (const includeArchived of [false, true]) {
      const plans = await plansFor(dir, 'applications.list', { limit: 100, includeArchived });
      const count = plans.find((p) => /count\(\*\)/.test(p.sql) && !/LIMIT @limit/.test(p.sql))!;
      const core = await testCore({ dir, now: NOW });
      try {
        const ops = (core.ctx.sqlite.prepare(`EXPLAIN ${count.sql}`).all() as { opcode: string }[]).map((r) => r.opcode);
        expect(ops).toContain('Count');
        // No row-by-row aggregate over the live applications (the archived ones only, by index range).
        expect(count.plan.filter((l) => /^(SCAN|SEARCH) (?!CONSTANT)/.test(l))).toEqual(
          includeArchived ? ['SCAN applications USING COVERING INDEX applications_company'] : ['SCAN applications USING COVERING INDEX applications_company', 'SEARCH a USING COVERING INDEX applications_priority (archived_at>?)'],
        );
      } finally {
        core.close();
      }
    }
  });

  it('a table page by role, location or priority seeks its own index to the cursor, sorting nothing', async () => {
    const cases = [
      // The expression orders must seek to the cursor; the date orders do without the extra range.
      ['role', 'applications_role', 'M', ' AND \\S+[<>]\\?'],
      ['location', 'applications_location', 'M', ' AND \\S+[<>]\\?'],
      ['priority', 'applications_priority', 1, ' AND \\S+[<>]\\?'],
      ['stageChangedAt', 'applications_moved', NOW, '( AND \\S+[<>]\\?)?'],
      ['updatedAt', 'applications_updated', NOW, '( AND \\S+[<>]\\?)?'],
    ] as const;
    for (const [sort, index, value, seek] of cases) {
      for (const dirn of ['asc', 'desc'] as const) {
        const first = (await plansFor(dir, 'applications.list', { limit: 100, sort, dir: dirn })).find((p) => /LIMIT @limit/.test(p.sql))!;
        expect(first.plan, `${sort} ${dirn}`).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^SEARCH a USING (COVERING )?INDEX ${index} \\(archived_at=\\?\\)$`))]));
        const next = (await plansFor(dir, 'applications.list', { limit: 100, sort, dir: dirn, after: { value, id: 1 } })).find((p) => /LIMIT @limit/.test(p.sql))!;
        expect(next.plan, `${sort} ${dirn} after`).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^SEARCH a USING (COVERING )?INDEX ${index} \\(archived_at=\\?${seek}\\)$`))]));
        for (const p of [first, next]) expect(p.plan.join('\n'), `${sort} ${dirn}`).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      }
    }
  });

  it('a table page by stage seeks each stage in applications_stage_id, by id, sorting nothing but the page', async () => {
    for (const input of [{ limit: 100, sort: 'stage' }, { limit: 100, sort: 'stage', dir: 'asc', after: { value: 3, id: 50 } }]) {
      const plans = await plansFor(dir, 'applications.list', input);
      const walks = plans.filter((p) => /INDEXED BY applications_stage_id/.test(p.sql));
      expect(walks.length).toBeGreaterThanOrEqual(2); // the loose scan of the keys present, the ids of a stage
      for (const w of walks) expect(w.plan).toEqual([expect.stringMatching(/^SEARCH applications USING COVERING INDEX applications_stage_id \(archived_at=\?( AND stage[=>]\?( AND rowid[<>]\?)?)?\)$/)]);
      // The page's rows: by the ids picked, in their order (a sort of the page alone).
      const page = plans.find((p) => /json_each\(@ids\)/.test(p.sql))!;
      expect(page.plan.join('\n')).not.toMatch(/SCAN a\b|SEARCH a USING (COVERING )?INDEX/);
    }
  });

  it('a table page by company walks companies_name_nocase and each company\'s applications, sorting nothing', async () => {
    for (const dirn of ['asc', 'desc'] as const) {
      const after = { value: 'M', id: 1 };
      for (const input of [{ limit: 100, sort: 'company', dir: dirn }, { limit: 100, sort: 'company', dir: dirn, after }]) {
        const page = (await plansFor(dir, 'applications.list', input)).find((p) => /CROSS JOIN applications/.test(p.sql))!;
        expect(page.plan).toEqual(expect.arrayContaining([expect.stringMatching(/^(SCAN|SEARCH) c USING COVERING INDEX companies_name_nocase/), 'SEARCH a USING INDEX applications_company (company_id=?)']));
        expect(page.plan.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      }
    }
  });

  it('a broad board search walks each stage newest first in applications_stage, reading the FTS matches once', async () => {
    // Taken only past BOARD_EXACT_MATCHES matches, so explained directly rather than through a call.
    const core = await testCore({ dir, now: NOW });
    try {
      const plan = explain(core.ctx.sqlite, BROAD_SEARCH_IDS);
      expect(fullScans([{ sql: BROAD_SEARCH_IDS, plan }], BIG)).toEqual([]);
      expect(plan).toContain('SEARCH a USING COVERING INDEX applications_stage (archived_at=? AND stage=?)');
      expect(plan.filter((l) => /VIRTUAL TABLE INDEX \d+:M/.test(l))).toHaveLength(1);
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    } finally {
      core.close();
    }
  });

  it('a contact search reads its keys from the FTS index in name order, sorting only the page', async () => {
    // contacts_fts is keyed in name order (migration 0028): the keys come in rowid order with no sorter
    // and stop at the cap; the page is the chosen ids, looked up and put in exact order.
    const plans = await plansFor(dir, 'contacts.list', { search: 'dana' });
    const keys = plans.find((p) => p.sql === SEARCH_KEYS_SQL)!;
    expect(keys.plan).toEqual([expect.stringMatching(/^SCAN contacts_fts VIRTUAL TABLE INDEX \d+:M/)]);
    const page = plans.find((p) => p.sql === IDS_PAGE_SQL)!;
    expect(fullScans([page], BIG)).toEqual([]);
    // Two sorts: the chosen ids (the page and the ties of its last code), then the page of rows.
    expect(page.plan.filter((l) => /TEMP B-TREE/.test(l))).toEqual(['USE TEMP B-TREE FOR ORDER BY', 'USE TEMP B-TREE FOR ORDER BY']);
    const core = await testCore({ dir, now: NOW });
    try {
      // The run of keys sharing the last code: a rowid range of the same index.
      expect(explain(core.ctx.sqlite, SEARCH_TIE_SQL)).toEqual([expect.stringMatching(/^SCAN contacts_fts VIRTUAL TABLE INDEX \d+:M.*[<>]/)]);
    } finally {
      core.close();
    }
  });

  it('a search spells its prefixes out from a range of search_terms, and the notes log lets FTS5 stop at the page', async () => {
    for (const [method, input] of [
      ['notes.list', { search: 'kafka', limit: 50 }],
      ['contacts.list', { search: 'dana' }],
      ['applications.list', { search: 'platform', limit: 100 }],
    ] as const) {
      const plans = await plansFor(dir, method, input);
      const terms = plans.filter((p) => /FROM search_terms/.test(p.sql));
      expect(terms.map((p) => p.plan), method).toEqual([['SEARCH search_terms USING PRIMARY KEY (term>? AND term<?)']]);
    }
    const log = (await plansFor(dir, 'notes.list', { search: 'kafka', limit: 50 })).find((p) => /notes_fts MATCH/.test(p.sql))!;
    // Newest first by rowid straight from the index (no sorter over the matches): exact words stop at the limit.
    expect(log.plan.join('\n')).not.toMatch(/TEMP B-TREE/);
    expect(log.sql).toMatch(/ORDER BY rowid DESC LIMIT @limit/);
  });

  it('a broad table search walks the order\'s own index, reading the FTS matches once, sorting nothing', async () => {
    // Taken only past TABLE_EXACT_MATCHES matches, so explained directly, for each order with an index.
    const core = await testCore({ dir, now: NOW });
    try {
      for (const [sort, index] of Object.entries(ORDER_INDEX) as [SortKey, string][]) {
        for (const after of [false, true]) {
          const sql = listSql({ search: true, stages: false, includeArchived: false, limit: true, walk: true, sort, after });
          const plan = explain(core.ctx.sqlite, sql);
          expect(fullScans([{ sql, plan }], BIG), `${sort} ${after}`).toEqual([]);
          expect(plan, `${sort} ${after}`).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^SEARCH a USING (COVERING )?INDEX ${index} \\(archived_at=\\?`))]));
          expect(plan.filter((l) => /VIRTUAL TABLE INDEX \d+:M/.test(l))).toHaveLength(1);
          expect(plan.join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
        }
      }
    } finally {
      core.close();
    }
  });

  it('a bounded broad table page lists the first rows of the order\'s own index and reads the FTS matches past them once', async () => {
    // listSql's `bounded`: the walk is the one list (stopped at @walk), the MATCH runs once with
    // the list as a test on its rows (not as a rowid constraint: that would run the MATCH once per row),
    // and only the hits are looked up by id and sorted.
    const core = await testCore({ dir, now: NOW });
    try {
      for (const [sort, index] of Object.entries(ORDER_INDEX) as [SortKey, string][]) {
        for (const after of [false, true]) {
          const sql = listSql({ search: true, stages: false, includeArchived: false, limit: true, walk: true, bounded: true, sort, after });
          const plan = explain(core.ctx.sqlite, sql);
          expect(fullScans([{ sql, plan }], BIG), `${sort} ${after}`).toEqual([]);
          expect(plan, `${sort} ${after}`).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^SEARCH a USING (COVERING )?INDEX ${index} \\(archived_at=\\?`))]));
          expect(plan.filter((l) => /VIRTUAL TABLE INDEX \d+:M/.test(l)), `${sort} ${after}`).toEqual([expect.stringMatching(/^SCAN applications_fts VIRTUAL TABLE INDEX 0:M/)]);
          expect(plan, `${sort} ${after}`).toEqual(expect.arrayContaining(['SEARCH a USING INTEGER PRIMARY KEY (rowid=?)']));
          expect(sql).toMatch(/\(rowid & \d+\) IN \(SELECT a\.id FROM applications a INDEXED BY \w+ .* LIMIT @walk\)/);
        }
      }
    } finally {
      core.close();
    }
  });

  it('a table search by last move reads the FTS index in its key order and stops at the page, sorting nothing', async () => {
    // search-order.ts: the keys (migration 0030) come newest move first from FTS5 itself; each is joined
    // to its application by id, and LIMIT stops the read. Next pages seek the index to the cursor's second.
    for (const input of [{ search: 'platform', limit: 100 }, { search: 'platform', limit: 100, after: { value: NOW - 30 * DAY, id: 200 } }, { search: 'platform', limit: 20, dir: 'asc' }]) {
      const page = (await plansFor(dir, 'applications.list', input)).find((p) => /FROM \(SELECT rowid FROM applications_fts WHERE .* ORDER BY rowid (DESC|ASC) LIMIT @scan\) f CROSS JOIN applications a/.test(p.sql))!;
      expect(page, JSON.stringify(input)).toBeDefined();
      expect(page.sql).toMatch(/LIMIT @want$/);
      expect(page.plan.join('\n')).not.toMatch(/TEMP B-TREE/);
      expect(page.plan).toEqual(['CO-ROUTINE f', expect.stringMatching(/^SCAN applications_fts VIRTUAL TABLE INDEX \d+:M/), 'SCAN f', 'SEARCH a USING INTEGER PRIMARY KEY (rowid=?)']);
    }
  });

  it('a searched table page counts its matches from the FTS index, no further than a cap', async () => {
    for (const [method, input, table] of [['applications.list', { search: 'platform', limit: 100 }, 'applications']] as const) {
      const count = (await plansFor(dir, method, input)).find((p) => /SELECT count\(\*\) AS n, max\(rowid >> 27\) AS sec FROM \(SELECT rowid FROM \w+_fts/.test(p.sql))!;
      expect(count.sql, method).toMatch(/LIMIT @cap\)$/);
      expect(count.plan, method).toEqual(expect.arrayContaining([expect.stringMatching(/^SCAN (f|\w+_fts) VIRTUAL TABLE INDEX \d+:M/)]));
      expect(fullScans([count], [table])).toEqual([]);
    }
  });

  it("Today's due counts read the drafts' own covering index alone: no note row, no lookup per draft", async () => {
    const plans = await plansFor(dir, 'today.get', {});
    const counts = plans.filter((p) => /SELECT count\(\*\) AS n FROM \(SELECT 1 FROM notes/.test(p.sql));
    expect(counts).toHaveLength(2);
    // No correlated subquery into interviews, applications or stages for each draft: the capped walk
    // (a co-routine stopped at the cap) reads the index alone.
    for (const c of counts) expect(c.plan).toEqual(['CO-ROUTINE (subquery-1)', 'SEARCH n USING COVERING INDEX notes_open_drafts_due (due_at>? AND due_at<?)', 'SCAN (subquery-1)']);
    for (const c of counts) expect(c.sql).toMatch(/LIMIT 1001\)$/);
  });

  it("Today's interview counts stop at the cap and read an index alone; interviews today pass yesterday's in the index", async () => {
    const plans = await plansFor(dir, 'today.get', {});
    const counts = plans.filter((p) => /SELECT count\(\*\) AS n FROM \(SELECT 1 FROM interviews/.test(p.sql));
    // The undebriefed ones are looked up (the partial index does not cover its own condition), at most 1,001.
    expect(counts.map((c) => c.plan[1])).toEqual([
      'SEARCH i USING INDEX interviews_undebriefed (end_at>? AND end_at<?)',
      'SEARCH i USING COVERING INDEX interviews_start_end (start_at>? AND start_at<?)',
    ]);
    for (const c of counts) expect(c.sql).toMatch(/LIMIT 1001\)$/);
    const list = plans.find((p) => /i\.end_at >= @start ORDER BY i\.start_at, i\.id LIMIT 50/.test(p.sql.replace(/\s+/g, ' ')))!;
    // The ids are walked in the covering index, in start order (only ties on start sorted among
    // themselves, by id), stopped at 50; only those 50 rows are then read and joined.
    expect(list.plan.slice(0, 4)).toEqual([
      'SEARCH i USING INTEGER PRIMARY KEY (rowid=?)',
      'LIST SUBQUERY 3',
      'SEARCH i USING COVERING INDEX interviews_start_end (start_at>? AND start_at<?)',
      'USE TEMP B-TREE FOR LAST TERM OF ORDER BY',
    ]);
  });

  it("a card's counts read only its own notes (open drafts and cards in flight)", async () => {
    const used = indexesUsed(await plansFor(dir, 'applications.moveStage', { id: 9, stage: 'applied' }));
    expect([...used]).toEqual(expect.arrayContaining(['notes_open_drafts', 'notes_in_flight']));
  });
});

describe('the plan reader', () => {
  it('finds a full scan behind an alias, and not a search', () => {
    const plans = [
      { sql: 'SELECT * FROM applications a WHERE a.role = ?', plan: ['SCAN a'] },
      { sql: 'SELECT * FROM notes n WHERE n.id = ?', plan: ['SEARCH n USING INTEGER PRIMARY KEY (rowid=?)'] },
      { sql: 'SELECT * FROM settings', plan: ['SCAN settings'] },
    ];
    expect(fullScans(plans, BIG)).toEqual([expect.stringMatching(/^SCAN a {2}← SELECT \* FROM applications a/)]);
  });

  it('lets a bare count(*) (OP_Count, page by page) pass, and not a count with a condition', () => {
    const bare = 'SELECT (SELECT count(*) FROM applications) - (SELECT count(*) FROM applications a WHERE a.archived_at IS NOT NULL) AS n';
    expect(fullScans([{ sql: bare, plan: ['SCAN CONSTANT ROW', 'SCAN applications USING COVERING INDEX applications_company', 'SEARCH a USING COVERING INDEX applications_priority (archived_at>?)'] }], BIG)).toEqual([]);
    const counted = 'SELECT count(*) AS n FROM applications a WHERE a.role > 0';
    expect(fullScans([{ sql: counted, plan: ['SCAN a USING COVERING INDEX applications_role'] }], BIG)).toHaveLength(1);
    const plain = 'SELECT count(*) AS n FROM notes';
    expect(fullScans([{ sql: plain, plan: ['SCAN notes'] }], BIG)).toHaveLength(1);
  });
});
