// `npm run bench`: a large job search in a temp database (real migrations, real triggers; seeded once
// and cached, see seed.ts), p50/p95 per operation with the targets from the issues beside them.
// `npm run bench -- --scale 10` (or BENCH_SCALE=10) runs the default size and ten times it and prints
// them side by side with the growth factor. Numbers, not asserts: the plan test holds the line.
import fs from 'node:fs';
import os from 'node:os';
import { startCore, type Core } from '../../electron/host/core';
import { listSql } from '../../electron/domains/applications/applications';
import { checkNote, type CheckInput } from '../../electron/shared/checks';
import { STAGES } from '../../electron/shared/domain';
import { fullScans, plansOf } from '../../electron/testing/plans';
import { checksEvalReport } from './checks-eval';
import { firstRenders } from './render';
import { upgradeStart } from './upgrade';
import { stats, type Row, type Stats } from './stats';
import { FIRST, generator, LAST, MIGRATIONS, NOW, seededDataDir, sizesFor, type Sizes } from './seed';

async function time(n: number, fn: (i: number) => unknown | Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < Math.min(5, n); i++) await fn(n + i); // warm up (on other rows than the measured ones)
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return stats(out);
}

/** The big tables no hot call may read whole. */
const BIG = ['applications', 'notes', 'interviews', 'contacts', 'stage_events'];

async function measure(scale: number): Promise<{ rows: Row[]; seedNote: string }> {
  const sizes: Sizes = sizesFor(scale);
  const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
  const { dir, seedMs } = await seededDataDir(scale);
  const seedNote = `${Object.entries(sizes).map(([name, v]) => `${v.toLocaleString('en-US')} ${name}`).join(', ')}: ${seedMs ? `seeded in ${(seedMs / 1000).toFixed(0)} s` : 'from the cache'}`;
  const rows: Row[] = [];
  const add = (op: string, s: Stats, target?: string, note?: string) => rows.push({ op, s, target, note });

  // Start-up as a person meets it: open (lock, WAL, cheap checks, migrations), then the first screen
  // (Today). The full quick_check runs after that in a worker; it is awaited before anything else is
  // timed, so it does not compete with the measured calls.
  const starts: number[] = [];
  const opens: number[] = [];
  let core!: Core;
  let t0 = 0;
  for (let i = 0; i < 3; i++) {
    const t = (t0 = performance.now());
    core = await startCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 'bench', allowTestClock: true });
    opens.push(performance.now() - t);
    core.ctx.clock.set(NOW);
    const env = await core.call('today.get', {});
    if (!env.ok) throw new Error(env.error.message);
    starts.push(performance.now() - t);
    if (i < 2) core.close();
  }
  add('start-up: open (checks, migrations)', stats(opens), '', 'median of 3 starts');
  add('start-up: open + first screen (Today)', stats(starts), '< 1.5 s');
  const verdict = await core.integrityChecked;
  if (verdict.state !== 'sound') throw new Error(`The background check found: ${verdict.problem}`);
  add('full check in the background, from start', stats([performance.now() - t0]), '', 'worker thread, after the first screen');
  core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  rows.push(...(await upgradeStart(dir)));

  const call = async (method: string, input: unknown) => {
    const env = await core.call(method, input);
    if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
    return env.data;
  };
  const scans: string[] = [];
  /** Times an operation; its first run is also explained, and any full scan of a big table noted. */
  const op = async (name: string, n: number, fn: (i: number) => unknown, target?: string, note?: string) => {
    const plans = await plansOf(core.ctx.sqlite, () => fn(n + 5)); // after the warm-up's rows n..n+4
    const full = fullScans(plans, BIG);
    scans.push(...full.map((f) => `${name}: ${f}`));
    add(name, await time(n, fn), target, [note, full.length ? `${full.length} full scan(s)` : ''].filter(Boolean).join('; '));
  };

  // API vs the same SQL run raw, interleaved so both see the same load and garbage collector.
  const ratio = async (name: string, method: string, input: Record<string, unknown>, sql: string, params: Record<string, unknown>, n: number) => {
    const raw = core.ctx.sqlite.prepare(sql);
    const a: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < n + 3; i++) {
      let t = performance.now();
      await call(method, input);
      const x = performance.now() - t;
      t = performance.now();
      raw.all({ now: NOW, ...params });
      const y = performance.now() - t;
      if (i < 3) continue;
      a.push(x);
      r.push(y);
    }
    const api = stats(a);
    const rs = stats(r);
    add(`${name}: API`, api, 'ratio ≤ 1.2', `API/raw ${(api.p50 / rs.p50).toFixed(2)} (p50), ${(api.p95 / rs.p95).toFixed(2)} (p95)`);
    add(`${name}: raw SQL`, rs);
  };
  const base = { search: false, stages: false, includeArchived: false };
  await ratio(`pipeline list, all rows (${k(sizes.applications)})`, 'applications.list', {}, listSql({ ...base, limit: false }), {}, scale > 1 ? 10 : 30);
  await ratio('pipeline table, first page of 100', 'applications.list', { limit: 100 }, listSql({ ...base, limit: true }), { limit: 100 }, 100);

  const apps = sizes.applications;
  const terms = ['platform', 'kafka eng', 'berlin', 'design sys', 'zür', 'senior data', 'billing', 'reliab'];
  await op('one stage move', 200, (i) => call('applications.moveStage', { id: 1 + ((i * 7919) % apps), stage: STAGES[i % STAGES.length] }), 'p95 < 5 ms');
  await op('one edit (role)', 200, (i) => call('applications.update', { id: 1 + ((i * 104729) % apps), role: `Staff engineer ${i}` }), 'p95 < 5 ms');
  const drafts = core.ctx.sqlite.prepare("SELECT id FROM notes WHERE status = 'draft' AND delivery = 'email' ORDER BY id LIMIT 300").pluck().all() as number[];
  // Each note is marked once: the measured, warm-up and explained runs take different drafts.
  await op('mark a note sent', Math.min(200, drafts.length - 6), (i) => call('notes.markSent', { id: drafts[i] }), 'p95 < 5 ms');
  await op('Today screen query', 100, () => call('today.get', {}), 'p95 < 30 ms');
  await op('pipeline board (100 per stage)', 50, () => call('applications.board', {}), 'p95 < 30 ms');
  await op('pipeline search (board, FTS)', 200, (i) => call('applications.board', { search: terms[i % terms.length] }), 'p95 < 30 ms', 'what the search box runs; past 5,000 matches a column says "100+"');
  await op('table search, first page of 100', 200, (i) => call('applications.list', { search: terms[i % terms.length], limit: 100 }), '', 'table view');
  await op('table, next page (keyset)', 100, async (i) => {
    const first = (await call('applications.list', { limit: 100, sort: i % 2 ? 'company' : 'stageChangedAt' })) as { next: unknown };
    return call('applications.list', { limit: 100, sort: i % 2 ? 'company' : 'stageChangedAt', after: first.next });
  }, '', 'two pages, by date or company');
  // All matches is work per match, and the matches grow with the book (10× from 10k to 100k for these
  // terms): so the growth to read is that of the cost per returned row, printed on its own row.
  const matches = await Promise.all(terms.map(async (t) => ((await call('applications.list', { search: t })) as { items: unknown[] }).items.length));
  const perMatch: number[] = [];
  await op('applications FTS search, all matches', 50, async (i) => {
    const t = performance.now();
    await call('applications.list', { search: terms[i % terms.length] });
    if (i < 50) perMatch.push(((performance.now() - t) * 1000) / matches[i % terms.length]);
  }, '', 'the CSV export');
  add('  the same, µs per returned row', stats(perMatch), '', `${Math.round(matches.reduce((a, b) => a + b, 0) / terms.length).toLocaleString('en-US')} rows per term on average`);
  const names = ['dana', 'ortiz', 'pat', 'zoe', 'recruiter', 'haddad', 'engineering man', 'silva'];
  await op(`contact search (${k(sizes.contacts)})`, 200, (i) => call('contacts.list', { search: names[i % names.length] }), 'p95 < 20 ms', 'the index keeps contacts in name order (0028): a page reads its own keys, the count stops at 2,001');
  const words = ['kafka', 'design', 'thank', 'hospital sched', 'routing', 'pric'];
  await op(`notes search (${k(sizes.notes)})`, 200, (i) => call('notes.list', { search: words[i % words.length], limit: 50 }), 'p95 < 20 ms', 'an FTS5 prefix query reads every match (most notes, for these words)');
  if (scans.length) console.log(`Full scans of big tables at ${k(apps)}:\n  ${scans.join('\n  ')}`);

  // First render in Chromium: the board (issue 11's figure, against an empty database) and the table.
  for (const r of await firstRenders(core, scale === 1)) add(r.op, r.s, r.target, r.note);
  core.close();
  if (process.env.BENCH_KEEP) console.log(`Kept the ${k(apps)} database in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  return { rows, seedNote };
}

function composerRow(): Row {
  const { pick, sentence } = generator(7);
  const others = Array.from({ length: 10 }, (_, i) => ({ id: i, label: `${pick(FIRST)} ${pick(LAST)}`, body: `Dear ${pick(FIRST)},\n\n${sentence(240)}\n\nBest,\nAda` }));
  const input: CheckInput = {
    body: '',
    subject: 'Thank you',
    delivery: 'email',
    recipient: { name: 'Dana Lee', email: 'dana@example.com', hasPostalAddress: false },
    context: { topics: 'Kafka migration; on-call load', challenge: 'moving 40 services off the monolith', talkedAbout: 'billing team event sourcing', company: 'Globex', role: 'Platform Engineer' },
    dueAt: NOW + 3_600_000,
    now: NOW,
    others,
    cardWordLimit: 80,
  };
  const text = `Dear Dana,\n\nThank you for talking with me about the billing team and event sourcing. ${sentence(200)}\n\nBest regards,\nAda`;
  const samples: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const t = performance.now();
    checkNote({ ...input, body: text.slice(0, i + 1) });
    samples.push(performance.now() - t);
  }
  return { op: 'composer checks per keystroke (10 notes)', s: stats(samples), target: 'p95 < 16 ms' };
}

function printTable(results: { scale: number; rows: Row[] }[]) {
  const f = (x: number | undefined) => (x === undefined ? '' : x >= 100 ? x.toFixed(0) : x.toFixed(2));
  const scaleName = (s: number) => `${sizesFor(s).applications / 1000}k`;
  const head = ['operation', 'target', ...results.flatMap((r) => [`${scaleName(r.scale)} p50`, `${scaleName(r.scale)} p95`]), ...(results.length > 1 ? ['growth p50', 'growth p95'] : []), 'notes'];
  const ops = [...new Set(results.flatMap((r) => r.rows.map((x) => x.op.replace(/\(\d+k\)/, '(n)'))))];
  const lines = ops.map((name) => {
    const at = results.map((r) => r.rows.find((x) => x.op.replace(/\(\d+k\)/, '(n)') === name));
    const first = at.find(Boolean)!;
    const cells = at.flatMap((x) => [f(x?.s.p50), f(x?.s.p95)]);
    const growth = results.length > 1 && at[0] && at[1] ? [(at[1].s.p50 / at[0].s.p50).toFixed(1) + '×', (at[1].s.p95 / at[0].s.p95).toFixed(1) + '×'] : results.length > 1 ? ['', ''] : [];
    const notes = at.map((x) => x?.note).filter(Boolean).join(' | ');
    return [name, first.target ?? '', ...cells, ...growth, notes];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i > 1 && i < r.length - 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log('\n' + line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(line(l));
}

async function main() {
  const arg = process.argv.indexOf('--scale');
  const scale = Number(arg > 0 ? process.argv[arg + 1] : (process.env.BENCH_SCALE ?? 1));
  if (!(scale > 0)) throw new Error('--scale takes a positive number, e.g. --scale 10');
  const scales = scale === 1 ? [1] : [1, scale];
  const results: { scale: number; rows: Row[] }[] = [];
  for (const s of scales) {
    const { rows, seedNote } = await measure(s);
    console.log(`Measured ${seedNote}`);
    results.push({ scale: s, rows });
  }
  results[0].rows.push(composerRow());
  console.log(`\n${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; times in ms`);
  printTable(results);
  console.log('\n' + checksEvalReport());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
