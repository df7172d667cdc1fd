// `npm run bench`: seeds a large job search into a temp database (real migrations, real triggers) and
// prints p50/p95 per operation, with the targets from the issues beside them. Numbers, not asserts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startCore, type Core } from '../../electron/host/core';
import { listSql } from '../../electron/domains/applications/applications';
import { startHttpServer } from '../../electron/server/http';
import { inspectReadOnly, quickCheck } from '../../electron/db/integrity';
import { checkNote, type CheckInput } from '../../electron/shared/checks';
import { STAGES } from '../../electron/shared/domain';
import { checksEvalReport } from './checks-eval';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIZES = { applications: 10_000, contacts: 20_000, interviews: 30_000, notes: 100_000 };

const WORDS = (
  'platform data engineer design system rollout migration kafka billing payments scheduling hospital nurse analytics ' +
  'frontend backend mobile reliability oncall latency search ranking growth marketing finance operations logistics ' +
  'warehouse routing pricing security identity compliance onboarding accessibility research prototype dashboard'
).split(' ');
const FIRST = 'Dana Sam Priya Zoë Ana Bo Chen Fatima Jonas Lena Marco Noor Olu Ravi Sofia Tomás Yuki Aiko Ben Clara'.split(' ');
const LAST = 'Lee Ortiz Patel Ångström Kim Nguyen Haddad Müller Rossi Okafor Silva Tanaka Berg Novak Costa Dubois'.split(' ');
const COMPANIES = Array.from({ length: 800 }, (_, i) => `${WORDS[i % WORDS.length][0].toUpperCase()}${WORDS[i % WORDS.length].slice(1)} ${['Labs', 'Systems', 'Health', 'Group', 'Works'][i % 5]} ${i}`);

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), n: s.length };
}

async function time(n: number, fn: (i: number) => unknown | Promise<unknown>) {
  for (let i = 0; i < Math.min(5, n); i++) await fn(i); // warm up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return stats(out);
}

const rows: string[][] = [];
function report(op: string, s: { p50: number; p95: number; n: number }, target?: string, extra?: string) {
  rows.push([op, s.p50.toFixed(2), s.p95.toFixed(2), String(s.n), target ?? '', extra ?? '']);
}

function seedData(core: Core, now: number) {
  const db = core.ctx.sqlite;
  const t = performance.now();
  db.transaction(() => {
    const company = db.prepare('INSERT INTO companies (name) VALUES (?)');
    for (const c of COMPANIES) company.run(c);
    const app = db.prepare(
      `INSERT INTO applications (company_id, role, location, notes, stage, stage_changed_at, priority, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ev = db.prepare('INSERT INTO stage_events (application_id, from_stage, to_stage, at) VALUES (?, ?, ?, ?)');
    for (let i = 1; i <= SIZES.applications; i++) {
      const stage = pick(STAGES);
      const at = now - Math.floor(rand() * 120) * 86_400_000;
      app.run(1 + Math.floor(rand() * COMPANIES.length), `${pick(['Senior', 'Staff', 'Lead', 'Junior'])} ${pick(WORDS)} ${pick(['Engineer', 'Designer', 'Manager', 'Analyst'])}`, pick(['Remote', 'Berlin', 'Lisbon', 'New York', 'Zürich']), sentence(12), stage, at, pick(['low', 'medium', 'high']), at, at);
      ev.run(i, null, 'wishlist', at - 86_400_000);
      ev.run(i, 'wishlist', stage, at);
    }
    const contact = db.prepare('INSERT INTO contacts (name, title, company_id, email, address_lines, city, notes) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= SIZES.contacts; i++) {
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      contact.run(name, pick(['Recruiter', 'Engineering Manager', 'Staff Engineer', 'Director']), 1 + Math.floor(rand() * COMPANIES.length), rand() < 0.7 ? `${name.split(' ')[0].toLowerCase()}${i}@example.com` : null, rand() < 0.4 ? `${i} Main St` : null, rand() < 0.4 ? 'Springfield' : null, sentence(6));
    }
    // Emails and addresses live in their own tables (the contact row mirrors the primary): written in
    // bulk the way migration 0007 moved them, so duplicate checks and the composer see the real shape.
    db.exec(`INSERT INTO contact_emails (contact_id, address, label, is_primary) SELECT id, email, 'work', 1 FROM contacts WHERE email IS NOT NULL;
      INSERT INTO contact_addresses (contact_id, lines, city, label, is_primary) SELECT id, address_lines, city, 'work', 1 FROM contacts
      WHERE coalesce(address_lines, city) IS NOT NULL;`);
    // Emails and addresses live in their own rows (the contacts columns only mirror the primary):
    // written in bulk the way migration 0007 moved old data, so duplicate checks and the composer see them.
    db.exec(`INSERT INTO contact_emails (contact_id, address, label, is_primary) SELECT id, email, 'work', 1 FROM contacts WHERE email IS NOT NULL;
      INSERT INTO contact_addresses (contact_id, lines, city, label, is_primary) SELECT id, address_lines, city, 'work', 1 FROM contacts
      WHERE coalesce(address_lines, city) IS NOT NULL;`);
    const iv = db.prepare('INSERT INTO interviews (application_id, kind, start_at, end_at, time_zone, challenge, debriefed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const part = db.prepare('INSERT OR IGNORE INTO interview_participants (interview_id, contact_id) VALUES (?, ?)');
    for (let i = 1; i <= SIZES.interviews; i++) {
      const start = now + Math.floor((rand() - 0.8) * 90) * 86_400_000 + Math.floor(rand() * 10) * 3_600_000;
      iv.run(1 + Math.floor(rand() * SIZES.applications), pick(['phone', 'video', 'onsite']), start, start + 3_600_000, 'America/New_York', sentence(8), rand() < 0.5 ? start : null);
      part.run(i, 1 + Math.floor(rand() * SIZES.contacts));
      part.run(i, 1 + Math.floor(rand() * SIZES.contacts));
    }
    const note = db.prepare(
      `INSERT INTO notes (kind, contact_id, application_id, interview_id, delivery, subject, body, status, due_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= SIZES.notes; i++) {
      const draft = rand() < 0.03;
      const due = now + Math.floor((rand() - 0.9) * 60) * 86_400_000;
      note.run(pick(['thank_you', 'thank_you', 'after_rejection', 'follow_up']), 1 + Math.floor(rand() * SIZES.contacts), 1 + Math.floor(rand() * SIZES.applications), 1 + Math.floor(rand() * SIZES.interviews), pick(['email', 'handwritten']), `Thank you: ${sentence(3)}`, `Dear friend, ${sentence(60)}`, draft ? 'draft' : pick(['sent', 'mailed']), due, due - 86_400_000, due);
    }
  })();
  db.pragma('optimize');
  return performance.now() - t;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-bench-'));
  const now = Date.UTC(2026, 10, 21, 15);
  const core = await startCore({ dataDir: dir, migrationsFolder: path.join(ROOT, 'drizzle'), version: 'bench', allowTestClock: true });
  core.ctx.clock.set(now);
  const seedMs = seedData(core, now);
  console.log(`Seeded ${Object.entries(SIZES).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')} in ${(seedMs / 1000).toFixed(1)} s (${dir})`);
  const call = async (method: string, input: unknown) => {
    const env = await core.call(method, input);
    if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
    return env.data;
  };
  const has = (m: string) => core.call(m, {}).then((e) => e.ok || e.error.code !== 'unknown_method');
  // What every start pays before opening: PRAGMA quick_check on a fresh read-only connection (db/integrity.ts).
  core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  report('open check: quick_check at start (10k apps, 100k notes)', await time(5, () => inspectReadOnly(core.ctx.dbFile, quickCheck)), '', 'runs once per start');

  // Pipeline list: the API handler (validation, dispatch, envelope) vs the same SQL run raw.
  const raw = core.ctx.sqlite.prepare(listSql({ search: false, stages: false, includeArchived: false, limit: false }));
  // Interleaved, so both sides see the same machine load and garbage collector.
  const apiSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let i = 0; i < 65; i++) {
    let t = performance.now();
    await call('applications.list', {});
    const a = performance.now() - t;
    t = performance.now();
    raw.all({ now: core.ctx.clock.now() });
    const r = performance.now() - t;
    if (i < 5) continue; // warm-up
    apiSamples.push(a);
    rawSamples.push(r);
  }
  const api = stats(apiSamples);
  const rawS = stats(rawSamples);
  report('pipeline list, API handler (10k)', api, '', `ratio ${(api.p50 / rawS.p50).toFixed(2)} (p50), ${(api.p95 / rawS.p95).toFixed(2)} (p95); target ≤ 1.5`);
  report('pipeline list, raw SQL (10k)', rawS);
  report('pipeline board, API (100 per stage)', await time(30, () => call('applications.board', {})));
  const terms = ['platform', 'kafka eng', 'berlin', 'design sys', 'zür', 'senior data', 'billing', 'reliab'];
  report('pipeline search (board, FTS)', await time(200, (i) => call('applications.board', { search: terms[i % terms.length] })), 'p95 < 20 ms', 'what the search box runs');
  report('applications FTS search, all matches', await time(200, (i) => call('applications.list', { search: terms[i % terms.length] })), '', 'table view');
  report('one stage move', await time(200, (i) => call('applications.moveStage', { id: 1 + (i % SIZES.applications), stage: STAGES[i % STAGES.length] })));
  report('Today screen query', await time(100, () => call('today.get', {})), 'p95 < 20 ms');
  if (await has('contacts.list')) {
    const names = ['dana', 'ortiz', 'pat', 'zoe', 'recruiter', 'haddad', 'engineering man', 'silva'];
    report('contact search (20k)', await time(200, (i) => call('contacts.list', { search: names[i % names.length] })), 'p95 < 20 ms');
  } else rows.push(['contact search (20k)', 'n/a', 'n/a', '0', 'p95 < 20 ms', 'contacts.list not in the API yet']);
  if (await has('notes.list')) {
    const words = ['kafka', 'design', 'thank', 'hospital sched', 'routing', 'pric'];
    report('notes search (100k)', await time(200, (i) => call('notes.list', { search: words[i % words.length], limit: 50 })), 'p95 < 20 ms');
  } else rows.push(['notes search (100k)', 'n/a', 'n/a', '0', 'p95 < 20 ms', 'notes.list not in the API yet']);

  // Composer checks per keystroke: one note being typed, compared with 10 others of the same interview.
  const others = Array.from({ length: 10 }, (_, i) => ({ id: i, label: `${pick(FIRST)} ${pick(LAST)}`, body: `Dear ${pick(FIRST)},\n\n${sentence(240)}\n\nBest,\nAda` }));
  const base: CheckInput = {
    body: '',
    subject: 'Thank you',
    delivery: 'email',
    recipient: { name: 'Dana Lee', email: 'dana@example.com', hasPostalAddress: false },
    context: { topics: 'Kafka migration; on-call load', challenge: 'moving 40 services off the monolith', talkedAbout: 'billing team event sourcing', company: 'Globex', role: 'Platform Engineer' },
    dueAt: now + 3_600_000,
    now,
    others,
    cardWordLimit: 80,
  };
  const text = `Dear Dana,\n\nThank you for talking with me about the billing team and event sourcing. ${sentence(200)}\n\nBest regards,\nAda`;
  report('composer checks per keystroke (10 notes)', await time(text.length, (i) => checkNote({ ...base, body: text.slice(0, i + 1) })), 'p95 < 16 ms');

  // First render of the pipeline with 10,000 applications in Chromium (navigation start to cards on screen).
  const server = await startHttpServer({ call: core.call, rendererDir: path.join(ROOT, 'dist', 'renderer') });
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const renders: number[] = [];
  for (let i = 0; i < 6; i++) {
    await page.goto(server.url.replace('/?', '/?') + '#/pipeline');
    await page.waitForSelector('.card');
    const ms = await page.evaluate(() => performance.now());
    if (i > 0) renders.push(ms); // the first load fills the browser cache, like a second app start
    await page.goto('about:blank');
  }
  report('pipeline first render in Chromium (10k)', stats(renders), '< 300 ms', 'navigation start → cards visible');
  await browser.close();
  await server.close();
  core.close();
  if (process.env.BENCH_KEEP) console.log(`Kept the database in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });

  const head = ['operation', 'p50 ms', 'p95 ms', 'runs', 'target', 'notes'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log('\n' + line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('\n' + checksEvalReport());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
