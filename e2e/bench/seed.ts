// The bench's data: a job search of `scale` × (10,000 applications, 20,000 contacts, 30,000 interviews,
// 100,000 notes), written through the real migrations and triggers in one transaction with prepared
// statements. Seeding 100,000 applications takes minutes on a busy machine, so the seeded file is kept
// in a cache folder, keyed by the migrations and this file's own text: a changed schema or seed builds
// a new one, a re-run copies the cached file (seconds).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore, type Core } from '../../electron/host/core';
import { DB_FILE_NAME } from '../../electron/host/paths';
import { STAGES } from '../../electron/shared/domain';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MIGRATIONS = path.join(ROOT, 'drizzle');
export const BASE_SIZES = { applications: 10_000, contacts: 20_000, interviews: 30_000, notes: 100_000 };
export type Sizes = typeof BASE_SIZES;
/** The bench's clock: every seeded date is relative to it, so a cached file stays valid. */
export const NOW = Date.UTC(2026, 10, 21, 15);

export const WORDS = (
  'platform data engineer design system rollout migration kafka billing payments scheduling hospital nurse analytics ' +
  'frontend backend mobile reliability oncall latency search ranking growth marketing finance operations logistics ' +
  'warehouse routing pricing security identity compliance onboarding accessibility research prototype dashboard'
).split(' ');
export const FIRST = 'Dana Sam Priya Zoë Ana Bo Chen Fatima Jonas Lena Marco Noor Olu Ravi Sofia Tomás Yuki Aiko Ben Clara'.split(' ');
export const LAST = 'Lee Ortiz Patel Ångström Kim Nguyen Haddad Müller Rossi Okafor Silva Tanaka Berg Novak Costa Dubois'.split(' ');

/** A deterministic generator, so both scales and every cached file hold the same kind of data. */
export function generator(start = 42) {
  // mulberry32: exact 32-bit integer steps (Math.imul), period 2^32. The LCG this replaces multiplied
  // past 2^53 in doubles, lost its low bits and cycled every 10,466 draws, so a 100k book held ~650
  // distinct interviews, contacts and applications among its notes, ~1,500 notes each (10k: ~90).
  let seed = start >>> 0;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return { rand, pick, sentence };
}

export const sizesFor = (scale: number): Sizes =>
  Object.fromEntries(Object.entries(BASE_SIZES).map(([k, v]) => [k, Math.round(v * scale)])) as Sizes;

function seedData(core: Core, sizes: Sizes) {
  const { rand, pick, sentence } = generator();
  const now = NOW;
  const WORDS_ = WORDS.length + FIRST.length + LAST.length; // in the cache key through this text
  void WORDS_;
  const db = core.ctx.sqlite;
  const companies = Math.max(800, Math.round(sizes.applications / 12));
  // Seeding speed (100k took over 20 minutes): a large page cache, and the plain (non-unique) indexes
  // of the seeded tables dropped for the load and built once after it, sorted, instead of kept up to
  // date row by row. Unique indexes stay, as INSERT OR IGNORE relies on them.
  db.pragma('cache_size = -1500000');
  const plain = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'")
    .all() as { name: string; sql: string }[];
  for (const ix of plain) db.exec(`DROP INDEX "${ix.name}"`);
  db.transaction(() => {
    const company = db.prepare('INSERT INTO companies (name) VALUES (?)');
    for (let i = 0; i < companies; i++) {
      const w = WORDS[i % WORDS.length];
      company.run(`${w[0].toUpperCase()}${w.slice(1)} ${['Labs', 'Systems', 'Health', 'Group', 'Works'][i % 5]} ${i}`);
    }
    const app = db.prepare(
      `INSERT INTO applications (company_id, role, location, notes, stage, stage_changed_at, priority, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ev = db.prepare('INSERT INTO stage_events (application_id, from_stage, to_stage, at) VALUES (?, ?, ?, ?)');
    // A person's own pipeline: a renamed built-in and a custom stage holding its share of applications,
    // so the figures cover stages read from the stages table, not only the eight built-ins.
    db.prepare("UPDATE stages SET name = 'Recruiter call' WHERE key = 'screening'").run();
    db.prepare("INSERT INTO stages (key, name, kind, position) VALUES ('take-home-bench', 'Take-home', 'interview', 9)").run();
    const stageKeys = [...STAGES, 'take-home-bench'];
    for (let i = 1; i <= sizes.applications; i++) {
      const stage = pick(stageKeys);
      const at = now - Math.floor(rand() * 120) * 86_400_000;
      app.run(1 + Math.floor(rand() * companies), `${pick(['Senior', 'Staff', 'Lead', 'Junior'])} ${pick(WORDS)} ${pick(['Engineer', 'Designer', 'Manager', 'Analyst'])}`, pick(['Remote', 'Berlin', 'Lisbon', 'New York', 'Zürich']), sentence(12), stage, at, pick(['low', 'medium', 'high']), at, at);
      ev.run(i, null, 'wishlist', at - 86_400_000);
      ev.run(i, 'wishlist', stage, at);
    }
    const contact = db.prepare('INSERT INTO contacts (name, title, company_id, email, address_lines, city, notes) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= sizes.contacts; i++) {
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      contact.run(name, pick(['Recruiter', 'Engineering Manager', 'Staff Engineer', 'Director']), 1 + Math.floor(rand() * companies), rand() < 0.7 ? `${name.split(' ')[0].toLowerCase()}${i}@example.com` : null, rand() < 0.4 ? `${i} Main St` : null, rand() < 0.4 ? 'Springfield' : null, sentence(6));
    }
    // Emails and addresses live in their own rows (the contacts columns only mirror the primary):
    // written in bulk the way migration 0007 moved old data, so duplicate checks and the composer see them.
    db.exec(`INSERT INTO contact_emails (contact_id, address, label, is_primary) SELECT id, email, 'work', 1 FROM contacts WHERE email IS NOT NULL;
      INSERT INTO contact_addresses (contact_id, lines, city, label, is_primary) SELECT id, address_lines, city, 'work', 1 FROM contacts
      WHERE coalesce(address_lines, city) IS NOT NULL;`);
    const iv = db.prepare('INSERT INTO interviews (application_id, kind, start_at, end_at, time_zone, challenge, debriefed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const part = db.prepare('INSERT OR IGNORE INTO interview_participants (interview_id, contact_id) VALUES (?, ?)');
    for (let i = 1; i <= sizes.interviews; i++) {
      const start = now + Math.floor((rand() - 0.8) * 90) * 86_400_000 + Math.floor(rand() * 10) * 3_600_000;
      iv.run(1 + Math.floor(rand() * sizes.applications), pick(['phone', 'video', 'onsite']), start, start + 3_600_000, 'America/New_York', sentence(8), rand() < 0.5 ? start : null);
      part.run(i, 1 + Math.floor(rand() * sizes.contacts));
      part.run(i, 1 + Math.floor(rand() * sizes.contacts));
    }
    const note = db.prepare(
      `INSERT INTO notes (kind, contact_id, application_id, interview_id, delivery, subject, body, status, due_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= sizes.notes; i++) {
      const draft = rand() < 0.03;
      const due = now + Math.floor((rand() - 0.9) * 60) * 86_400_000;
      note.run(pick(['thank_you', 'thank_you', 'after_rejection', 'follow_up']), 1 + Math.floor(rand() * sizes.contacts), 1 + Math.floor(rand() * sizes.applications), 1 + Math.floor(rand() * sizes.interviews), pick(['email', 'handwritten']), `Thank you: ${sentence(3)}`, `Dear friend, ${sentence(60)}`, draft ? 'draft' : pick(['sent', 'mailed']), due, due - 86_400_000, due);
    }
  })();
  db.transaction(() => {
    for (const ix of plain) db.exec(ix.sql);
  })();
  db.pragma('cache_size = -2000');
  db.pragma('optimize');
}

/**
 * The cache key: the seeding code (what is seeded), not the schema. A cached file made before a new
 * migration is migrated forward when it is first used, as a person's database would be, and stored
 * back; so a new migration does not cost a new seeding.
 */
export function cacheKey(scale: number): string {
  const h = crypto.createHash('sha256');
  h.update(seedData.toString()).update(generator.toString()).update(JSON.stringify(BASE_SIZES)).update(String(NOW));
  return `x${scale}-${h.digest('hex').slice(0, 12)}`;
}

export const CACHE_DIR = process.env.BENCH_CACHE_DIR ?? path.join(os.tmpdir(), 'courtesy-bench-cache');

/**
 * A fresh data folder holding a seeded database of this scale: copied from the cache, else seeded
 * (and then cached). Returns the folder and how long seeding took (0 when it came from the cache).
 */
export async function seededDataDir(scale: number): Promise<{ dir: string; seedMs: number; cached: string }> {
  const cached = path.join(CACHE_DIR, `${cacheKey(scale)}.sqlite`);
  let seedMs = 0;
  if (!fs.existsSync(cached)) {
    const build = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-bench-seed-'));
    const core = await startCore({ dataDir: build, migrationsFolder: MIGRATIONS, version: 'bench', allowTestClock: true });
    const t = performance.now();
    seedData(core, sizesFor(scale));
    seedMs = performance.now() - t;
    core.close(); // checkpoints the WAL: the file alone is the whole database
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // Older cached files of this scale belong to an older schema or seed.
    for (const n of fs.readdirSync(CACHE_DIR)) if (n.startsWith(`x${scale}-`)) fs.rmSync(path.join(CACHE_DIR, n), { force: true });
    fs.renameSync(path.join(build, DB_FILE_NAME), cached);
    fs.rmSync(build, { recursive: true, force: true });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-bench-'));
  fs.copyFileSync(cached, path.join(dir, DB_FILE_NAME));
  // Migrations pending on the cached file: open once (which migrates, after a backup) and keep the result.
  // The backup is copied after start-up; waiting for it lets the close fold the WAL into the file.
  const core = await startCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 'bench', allowTestClock: true });
  await core.closeAfterBackup();
  if (fs.existsSync(path.join(dir, 'backups'))) {
    fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
    fs.copyFileSync(path.join(dir, DB_FILE_NAME), cached + '.tmp');
    fs.renameSync(cached + '.tmp', cached);
  }
  return { dir, seedMs, cached };
}

// `npx tsx e2e/bench/seed.ts 10` builds (or finds) the cached file of that scale and prints its path.
if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = Number(process.argv[2] ?? 1);
  const t = performance.now();
  const { dir, seedMs, cached } = await seededDataDir(scale);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${cached} (seeded in ${(seedMs / 1000).toFixed(1)} s, ready in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
