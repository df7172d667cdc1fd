// First render of the pipeline in Chromium against browser mode: navigation start until the first card
// (board) or row (table) is painted, read from the page's own clock (paint.ts: Element Timing), so no
// polling or protocol round trip is counted. The first load of each run fills the browser cache, like a
// second app start, and is not counted. Beside it, the part the app controls: from the moment its entry
// script has arrived to the same paint; what comes before that is the browser's.
//
// Two ways to arrive, alternated so both see the same load on the machine:
//  - fresh: from about:blank, as a new window. Browser mode's Cross-Origin-Opener-Policy makes Chromium
//    put the app in a new browsing context group, so every load starts a new renderer process (hundreds
//    of ms on a busy machine, before the page's first byte is parsed).
//  - warm: from another page of the app's own origin, so the renderer process is reused; how the bench
//    measured before browser mode sent that header (the figure issue 11's target came from).
// A static page holding one card, served the same way, is the browser's floor for both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startCore, type Core } from '../../electron/host/core';
import { startHttpServer } from '../../electron/server/http';
import { firstPaintScript, firstPaint } from './paint';
import { MIGRATIONS, ROOT } from './seed';
import { stats, type Row, type Stats } from './stats';

const RUNS = 9;
type Arrival = 'fresh' | 'warm';

interface Renders {
  /** Navigation start → painted, per arrival. */
  total: Record<Arrival, number[]>;
  /** Entry script arrived → painted, per arrival. */
  app: Record<Arrival, number[]>;
}

async function renders(page: Page, url: string, view: 'board' | 'table', selector: string): Promise<Renders> {
  const out: Renders = { total: { fresh: [], warm: [] }, app: { fresh: [], warm: [] } };
  const origin = new URL(url).origin;
  const app = url.replace(/#.*$/, '') + '#/pipeline';
  await page.goto(app);
  await page.evaluate((v) => localStorage.setItem('courtesy.pipeline.view', v), view);
  for (let i = 0; i <= RUNS; i++) {
    for (const arrival of ['fresh', 'warm'] as const) {
      // favicon.svg: a document of the same origin with the same headers, so no browsing context group swap.
      await page.goto(arrival === 'fresh' ? 'about:blank' : `${origin}/favicon.svg`);
      await page.goto(app);
      const p = await firstPaint(page, selector);
      if (i === 0) continue; // the first load filled the cache
      out.total[arrival].push(p.paint);
      out.app[arrival].push(p.paint - p.entryArrived);
    }
  }
  return out;
}

async function withServer<T>(core: Core | null, rendererDir: string, selector: string, fn: (page: Page, url: string) => Promise<T>): Promise<T> {
  const server = await startHttpServer({ call: core ? core.call : () => Promise.reject(new Error('No API here.')), rendererDir });
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  // A profile on disk, as the app's own session is: an incognito context (Playwright's default) keeps
  // no compiled-code cache, so every load would parse and compile the bundle afresh.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(firstPaintScript(selector));
    return await fn(page, server.url);
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The browser's floor: the app's own stylesheet and one card in static HTML, same server, same headers. */
async function floor(): Promise<Renders> {
  const dist = path.join(ROOT, 'dist', 'renderer');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-bench-floor-'));
  try {
    fs.cpSync(dist, dir, { recursive: true });
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8').replace(/<script[^>]*><\/script>\s*/g, '').replace(/<link rel="modulepreload"[^>]*>\s*/g, '');
    fs.writeFileSync(path.join(dir, 'index.html'), html.replace('<div id="root"></div>', '<div id="root"><div class="card">Staff platform engineer</div></div>'));
    return await withServer(null, dir, '.card', (page, url) => renders(page, url, 'board', '.card'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ratio = (a: Stats, b: Stats) => `${(a.p50 / b.p50).toFixed(2)}× the empty database (p50), ${(a.p95 / b.p95).toFixed(2)}× (p95)`;

export async function firstRenders(core: Core, withEmpty: boolean): Promise<Row[]> {
  const n = core.ctx.sqlite.prepare('SELECT count(*) FROM applications').pluck().get() as number;
  const k = `${Math.round(n / 1000)}k`;
  const dist = path.join(ROOT, 'dist', 'renderer');
  const board = await withServer(core, dist, '.card', (page, url) => renders(page, url, 'board', '.card'));
  const table = await withServer(core, dist, 'table.data tbody tr td a', (page, url) => renders(page, url, 'table', 'table.data tbody tr td a'));
  const b = { fresh: stats(board.total.fresh), warm: stats(board.total.warm) };
  const rows: Row[] = [
    { op: `pipeline first render, board (${k})`, s: b.fresh, target: '< 300 ms', note: 'navigation start → first card painted; new renderer process (COOP)' },
    { op: `  of which the app, board (${k})`, s: stats(board.app.fresh), note: 'entry script arrived → first card painted' },
    { op: `  board (${k}), renderer reused`, s: b.warm, note: 'navigation start → first card painted; from a same-origin page' },
  ];
  if (withEmpty) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-bench-empty-'));
    const empty = await startCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 'bench' });
    try {
      const e = await withServer(empty, dist, '.empty-state', (page, url) => renders(page, url, 'board', '.empty-state'));
      const eFresh = stats(e.total.fresh);
      const eWarm = stats(e.total.warm);
      rows[0].note += `; ${ratio(b.fresh, eFresh)}`;
      rows[2].note += `; ${ratio(b.warm, eWarm)}`;
      rows.push({ op: 'pipeline first render, empty database', s: eFresh, note: 'navigation start → empty state painted; new renderer process' });
      rows.push({ op: '  of which the app (empty database)', s: stats(e.app.fresh), note: 'entry script arrived → empty state painted' });
      rows.push({ op: '  empty database, renderer reused', s: eWarm, note: 'navigation start → empty state painted; from a same-origin page' });
    } finally {
      empty.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  rows.push({ op: `pipeline first render, table (${k})`, s: stats(table.total.fresh), target: '< 300 ms', note: 'navigation start → first row painted; new renderer process' });
  rows.push({ op: `  of which the app, table (${k})`, s: stats(table.app.fresh), note: 'entry script arrived → first row painted' });
  rows.push({ op: `  table (${k}), renderer reused`, s: stats(table.total.warm), note: 'navigation start → first row painted; from a same-origin page' });
  if (withEmpty) {
    const f = await floor();
    rows.push({ op: 'browser floor: static page, one card', s: stats(f.total.fresh), note: 'navigation start → card painted; new renderer process' });
    rows.push({ op: '  browser floor, renderer reused', s: stats(f.total.warm), note: 'navigation start → card painted; from a same-origin page' });
  }
  return rows;
}
