// The table's pages: every order, read page by page with the cursor, gives each application once, in
// the same order as one unpaged read; a cursor without a page size is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { PRIORITIES, STAGES } from '../../shared/domain';
import { TABLE_EXACT_MATCHES, walkCandidates } from './list';
import { KEY_SCAN_PER_ROW, applicationsMatch, facetedMatch, keyOrderPage } from './search-order';

const NOW = Date.UTC(2026, 0, 15, 12);
let core: TestCore;
beforeEach(async () => {
  core = await testCore({ now: NOW });
  for (let i = 0; i < 23; i++) {
    core.ctx.clock.set(NOW + (i % 4) * 60_000); // ties in time, broken by id
    await core.api('applications.create', {
      company: `Co ${String.fromCharCode(97 + (i % 5))}`,
      role: `Role ${i % 3}`,
      stage: STAGES[i % STAGES.length],
      priority: PRIORITIES[i % 3],
      location: i % 4 ? `City ${i % 2}` : null,
    });
  }
});
afterEach(() => core.close());

describe('applications.list pages', () => {
  const sorts = ['stageChangedAt', 'updatedAt', 'company', 'role', 'stage', 'priority', 'location'] as const;
  it.each(sorts.flatMap((s) => [[s, 'asc'] as const, [s, 'desc'] as const]))('by %s %s: pages join up to the whole list', async (sort, dir) => {
    const all = await core.api('applications.list', { sort, dir });
    const seen: number[] = [];
    let page = await core.api('applications.list', { sort, dir, limit: 5 });
    expect(page.total).toBe(23);
    for (;;) {
      seen.push(...page.items.map((a) => a.id));
      if (!page.next) break;
      page = await core.api('applications.list', { sort, dir, limit: 5, after: page.next });
      expect(page.total).toBeNull();
    }
    expect(seen).toEqual(all.items.map((a) => a.id));
    expect(new Set(seen).size).toBe(23);
  });

  it("gives a first page's total with archived applications left out or in, as the full list counts them", async () => {
    const ids = (await core.api('applications.list', {})).items.map((a) => a.id);
    for (const id of ids.slice(0, 4)) await core.api('applications.archive', { id, archived: true });
    for (const includeArchived of [false, true]) {
      const page = await core.api('applications.list', { limit: 5, includeArchived });
      expect(page.total).toBe((await core.api('applications.list', { includeArchived })).items.length);
      expect(page.total).toBe(includeArchived ? 23 : 19);
    }
    await core.api('applications.delete', { id: ids[0], confirm: true });
    expect((await core.api('applications.list', { limit: 5 })).total).toBe(19);
    expect((await core.api('applications.list', { limit: 5, includeArchived: true })).total).toBe(22);
  });

  it('by stage: pages follow the stages as reordered, stages sharing a position, a key without a stage, a filter', async () => {
    const db = core.ctx.sqlite;
    const keys = (await core.api('stages.list', {})).items.filter((s) => !s.archivedAt).map((s) => s.key);
    await core.api('stages.reorder', { keys: [...keys].reverse() });
    // Two stages on one position (merged by id), and an application whose stage has no row (position 0).
    db.prepare('UPDATE stages SET position = (SELECT position FROM stages WHERE key = ?) WHERE key = ?').run(keys[1], keys[2]);
    db.prepare("INSERT INTO applications (company_id, role, stage) VALUES (1, 'Orphan', 'gone')").run();
    const archived = (await core.api('applications.list', {})).items[3].id;
    await core.api('applications.archive', { id: archived, archived: true });
    for (const stages of [undefined, [keys[1], keys[2], keys[4]]]) {
      for (const dir of ['asc', 'desc'] as const) {
        const all = (await core.api('applications.list', { sort: 'stage', dir, stages })).items.map((a) => a.id);
        const seen: number[] = [];
        let page = await core.api('applications.list', { sort: 'stage', dir, stages, limit: 4 });
        for (;;) {
          seen.push(...page.items.map((a) => a.id));
          if (!page.next) break;
          page = await core.api('applications.list', { sort: 'stage', dir, stages, limit: 4, after: page.next });
        }
        expect(seen, `${dir} ${stages ? 'filtered' : ''}`).toEqual(all);
        expect(seen).not.toContain(archived);
        if (!stages) expect(all).toHaveLength(23); // 23 seeded, the orphan in, the archived one out
        else expect(all.length).toBeGreaterThan(5);
      }
    }
  });

  it('sorts company names without regard to case, ties by id', async () => {
    const asc = await core.api('applications.list', { sort: 'company', dir: 'asc' });
    const names = asc.items.map((a) => a.company.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('refuses a cursor without a page size', async () => {
    const err = await errorOf(core.api('applications.list', { after: { value: 1, id: 1 } }));
    expect(err.code).toBe('validation');
  });

  it('a broad search (past TABLE_EXACT_MATCHES) walks each order and pages to the same rows, its total a lower bound', async () => {
    const db = core.ctx.sqlite;
    db.transaction(() => {
      const add = db.prepare(
        "INSERT INTO applications (company_id, role, location, priority, stage, stage_changed_at, updated_at, archived_at) VALUES (1, ?, ?, ?, 'applied', ?, ?, ?)",
      );
      for (let i = 0; i < TABLE_EXACT_MATCHES + 300; i++) {
        add.run(`${i % 2 ? 'Broad' : 'broad'} role ${i % 7}`, i % 5 ? `Town ${i % 3}` : null, PRIORITIES[i % 3], NOW - (i % 50) * 1000, NOW - (i % 9) * 1000, i % 10 ? null : NOW);
      }
    })();
    for (const sort of ['stageChangedAt', 'updatedAt', 'role', 'location', 'priority', 'company'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const all = await core.api('applications.list', { search: 'broad', sort, dir });
        expect(all).toMatchObject({ total: 1170, more: false }); // without a page: every match, counted
        let page = await core.api('applications.list', { search: 'broad', sort, dir, limit: 100 });
        expect(page).toMatchObject({ total: TABLE_EXACT_MATCHES, more: true });
        const seen: number[] = [];
        for (;;) {
          seen.push(...page.items.map((a) => a.id));
          if (!page.next) break;
          page = await core.api('applications.list', { search: 'broad', sort, dir, limit: 100, after: page.next });
        }
        expect(seen, `${sort} ${dir}`).toEqual(all.items.map((a) => a.id));
      }
    }
    // A narrower search is counted exactly.
    const narrow = (await core.api('applications.list', { search: 'role 1' })).items.length;
    expect(narrow).toBeLessThan(TABLE_EXACT_MATCHES);
    expect(await core.api('applications.list', { search: 'role 1', limit: 100 })).toMatchObject({ total: narrow, more: false });
  });
  it('a broad page read against the first rows of the order gives the rows of the full list, and falls back when they hold too few', async () => {
    // 'wide' is every other application, dates shuffled: the bounded read (walkCandidates) is taken and
    // finds its pages among the first rows it reads. 'skew' is the 1,100 oldest moves: the density the
    // capped count sees (every one of the oldest) promises a page in a few rows it does not hold, so by
    // update time, newest first, the page is read again the plain way. (By last move, the index's key
    // order reads either page itself: search-order.ts.)
    const db = core.ctx.sqlite;
    const n = 4400;
    db.transaction(() => {
      const add = db.prepare(
        "INSERT INTO applications (company_id, role, location, priority, stage, stage_changed_at, updated_at, archived_at) VALUES (1, ?, ?, ?, 'applied', ?, ?, ?)",
      );
      for (let i = 0; i < n; i++) {
        const at = NOW - (i < 1100 ? n - i : (i * 7919) % n) * 1000;
        add.run(`${i % 2 ? 'wide' : 'thin'} role ${i % 7}`, i < 1100 ? 'Skew' : null, PRIORITIES[i % 3], at, NOW - ((i * 104729) % n) * 1000, i % 13 ? null : NOW);
      }
    })();
    const maxId = db.prepare('SELECT max(id) FROM applications').pluck().get() as number;
    expect(walkCandidates(20, { n: TABLE_EXACT_MATCHES + 1, among: 2 * (TABLE_EXACT_MATCHES + 1) }, maxId)).not.toBeNull();
    expect(walkCandidates(20, { n: TABLE_EXACT_MATCHES + 1, among: TABLE_EXACT_MATCHES + 1 }, maxId)).not.toBeNull();
    // A thin search (matches sparse among the ids) lists its matches instead.
    expect(walkCandidates(20, { n: TABLE_EXACT_MATCHES + 1, among: 100_000 }, 100_000)).toBeNull();
    for (const search of ['wide', 'skew']) {
      for (const sort of ['stageChangedAt', 'updatedAt', 'role', 'location', 'priority'] as const) {
        for (const dir of ['asc', 'desc'] as const) {
          const all = (await core.api('applications.list', { search, sort, dir })).items.map((a) => a.id);
          expect(all.length).toBeGreaterThan(TABLE_EXACT_MATCHES);
          const seen: number[] = [];
          let page = await core.api('applications.list', { search, sort, dir, limit: 20 });
          expect(page).toMatchObject({ total: TABLE_EXACT_MATCHES, more: true });
          for (let p = 0; p < 4; p++) {
            seen.push(...page.items.map((a) => a.id));
            page = await core.api('applications.list', { search, sort, dir, limit: 20, after: page.next ?? undefined });
          }
          expect(seen, `${search} ${sort} ${dir}`).toEqual(all.slice(0, 80));
        }
      }
    }
  });

  it('a search by last move reads pages in the index key order: ties within a second exact, filters, cursors inside a second', async () => {
    // Many moves share a second with their milliseconds shuffled against their ids, so the key (second,
    // id) disagrees with the list's order (stage_changed_at, id) inside a second; and whole seconds repeat one time.
    const db = core.ctx.sqlite;
    const n = 1500;
    db.transaction(() => {
      const add = db.prepare("INSERT INTO applications (company_id, role, stage, stage_changed_at, archived_at) VALUES (1, ?, ?, ?, ?)");
      for (let i = 0; i < n; i++) {
        const at = NOW - Math.floor(i / 9) * 1000 - (i % 50 < 25 ? (i * 389) % 1000 : 0);
        add.run(i % 3 ? 'keyed role' : 'other role', i % 97 ? 'applied' : 'offer', at, i % 11 ? null : NOW);
      }
    })();
    const match = applicationsMatch(db, 'keyed')!;
    const page = (dir: 'ASC' | 'DESC', limit: number, stages: string[] | null = null) => keyOrderPage(core.ctx, { match: facetedMatch(match, { stages, includeArchived: false }), dir, limit });
    for (const [dir, limit] of [['desc', 20], ['asc', 20], ['desc', 1], ['asc', 7], ['desc', 100]] as const) {
      for (const stages of [undefined, ['offer']]) {
        const all = (await core.api('applications.list', { search: 'keyed', dir, stages })).items.map((a) => a.id);
        expect(all.length).toBeGreaterThan(stages ? 5 : TABLE_EXACT_MATCHES / 2);
        const seen: number[] = [];
        let page = await core.api('applications.list', { search: 'keyed', dir, stages, limit });
        for (let p = 0; p < 6 && page.items.length; p++) {
          seen.push(...page.items.map((a) => a.id));
          if (!page.next) break;
          page = await core.api('applications.list', { search: 'keyed', dir, stages, limit, after: page.next });
        }
        expect(seen, `${dir} ${limit} ${stages ?? ''}`).toEqual(all.slice(0, seen.length));
        expect(seen.length).toBe(Math.min(all.length, 6 * limit));
      }
      // The key order answers these pages itself, a stage that few matches hold too: the stage and the
      // archived state are facets of the match, so FTS5 skips to the rows that have them.
      for (const stages of [null, ['offer']]) {
        const own = page(dir === 'desc' ? 'DESC' : 'ASC', limit, stages);
        const listed = (await core.api('applications.list', { search: 'keyed', dir, stages: stages ?? undefined })).items.map((a) => a.id);
        expect(own, `${dir} ${limit} ${stages}`).toEqual({ ids: listed.slice(0, limit), more: listed.length > limit });
      }
    }
    // A second holding more moves than a page may read (an import) gives up for the list's other ways.
    // 50 in one second: a page of 1 may read 40 keys (KEY_SCAN_PER_ROW per row, with the one past it), a page of 2, 60.
    db.prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO applications (company_id, role, stage, stage_changed_at) SELECT 1, 'keyed import', 'applied', ? FROM n").run(NOW + 5000);
    expect(KEY_SCAN_PER_ROW * 2).toBeLessThan(50);
    expect(page('DESC', 1)).toBeNull();
    const imported = (await core.api('applications.list', { search: 'keyed import' })).items.map((a) => a.id);
    expect(imported).toHaveLength(50);
    expect((await core.api('applications.list', { search: 'keyed', limit: 1 })).items.map((a) => a.id)).toEqual([imported[0]]);
    expect(page('DESC', 2)).toEqual({ ids: imported.slice(0, 2), more: true });
    // Archived ones in, as the full list gives them: every stage, or some (a stage's live and archived words).
    for (const stages of [undefined, ['offer', 'applied']]) {
      const withArchived = (await core.api('applications.list', { search: 'keyed', includeArchived: true, stages })).items;
      expect(withArchived.some((a) => a.archivedAt !== null)).toBe(true);
      const first = await core.api('applications.list', { search: 'keyed', includeArchived: true, stages, limit: 50 });
      const next = await core.api('applications.list', { search: 'keyed', includeArchived: true, stages, limit: 50, after: first.next! });
      expect([...first.items, ...next.items].map((a) => a.id), `${stages}`).toEqual(withArchived.slice(0, 100).map((a) => a.id));
    }
  });
});

describe("the table's total without a filter", () => {
  it('is kept between pages until a row changes: through the API or raw SQL', async () => {
    const own = await testCore({ now: NOW });
    try {
      const total = async (includeArchived = false) => (await own.api('applications.list', { limit: 10, includeArchived })).total;
      const a = await own.api('applications.create', { company: 'Kept Co', role: 'First' });
      await own.api('applications.create', { company: 'Kept Co', role: 'Second' });
      expect([await total(), await total(true)]).toEqual([2, 2]);
      expect(await total()).toBe(2); // kept
      await own.api('applications.archive', { id: a.id, archived: true });
      expect([await total(), await total(true)]).toEqual([1, 2]);
      const raw = own.ctx.sqlite.prepare("INSERT INTO applications (company_id, role, stage, stage_changed_at) VALUES (?, 'Raw', 'applied', ?)").run(a.companyId, NOW);
      expect([await total(), await total(true)]).toEqual([2, 3]);
      await own.api('applications.delete', { id: Number(raw.lastInsertRowid), confirm: true });
      expect([await total(), await total(true)]).toEqual([1, 2]);
    } finally {
      own.close();
    }
  });
});
