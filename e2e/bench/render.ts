// First render of the pipeline in Chromium against browser mode: navigation start until the first cards
// (board) or rows (table) are on screen, read from the page's own clock. The first load of each run fills
// the browser cache, like a second app start, and is not counted. Beside it, the part the app controls:
// from the moment its entry script has arrived (its resource timing's responseEnd) to the same point;
// what comes before that (the browser's navigation, the HTML, the fetch or cache read) is the browser's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startCore, type Core } from '../../electron/host/core';
import { startHttpServer } from '../../electron/server/http';
import { MIGRATIONS, ROOT } from './seed';
import { stats, type Row } from './stats';

const RUNS = 9;

interface Renders {
  /** Navigation start → on screen. */
  total: number[];
  /** Entry script arrived → on screen. */
  app: number[];
}

async function renders(page: Page, url: string, view: 'board' | 'table', selector: string): Promise<Renders> {
  const out: Renders = { total: [], app: [] };
  for (let i = 0; i <= RUNS; i++) {
    await page.goto(url.replace(/#.*$/, '') + '#/pipeline');
    await page.evaluate((v) => localStorage.setItem('courtesy.pipeline.view', v), view);
    await page.goto('about:blank');
    await page.goto(url.replace(/#.*$/, '') + '#/pipeline');
    await page.waitForSelector(selector);
    const ms = await page.evaluate(() => {
      const now = performance.now();
      const entry = performance.getEntriesByType('resource').find((e) => /\/assets\/index-[^/]*\.js$/.test(e.name)) as PerformanceResourceTiming | undefined;
      return { total: now, app: now - (entry?.responseEnd ?? 0) };
    });
    if (i > 0) {
      out.total.push(ms.total);
      out.app.push(ms.app);
    }
  }
  return out;
}

async function withServer<T>(core: Core, fn: (page: Page, url: string) => Promise<T>): Promise<T> {
  const server = await startHttpServer({ call: core.call, rendererDir: path.join(ROOT, 'dist', 'renderer') });
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    return await fn(page, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function firstRenders(core: Core, withEmpty: boolean): Promise<Row[]> {
  const n = core.ctx.sqlite.prepare('SELECT count(*) FROM applications').pluck().get() as number;
  const k = `${Math.round(n / 1000)}k`;
  const { board, table } = await withServer(core, async (page, url) => ({
    board: await renders(page, url, 'board', '.card'),
    table: await renders(page, url, 'table', 'table.data tbody tr td a'),
  }));
  const rows: Row[] = [];
  const b = stats(board.total);
  const bApp = stats(board.app);
  let note = 'navigation start → cards visible';
  let appNote = 'entry script arrived → cards visible';
  if (withEmpty) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-bench-empty-'));
    const empty = await startCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 'bench' });
    try {
      const e = await withServer(empty, async (page, url) => renders(page, url, 'board', '.empty-state'));
      const eTotal = stats(e.total);
      const eApp = stats(e.app);
      rows.push({ op: 'pipeline first render, empty database', s: eTotal, note: 'navigation start → empty state visible' });
      rows.push({ op: '  of which the app (empty database)', s: eApp, note: 'entry script arrived → empty state visible' });
      note += `; ${(b.p50 / eTotal.p50).toFixed(2)}× the empty database (p50), ${(b.p95 / eTotal.p95).toFixed(2)}× (p95)`;
      appNote += `; ${(bApp.p50 / eApp.p50).toFixed(2)}× the empty database (p50)`;
    } finally {
      empty.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  rows.unshift({ op: `  of which the app, board (${k})`, s: bApp, note: appNote });
  rows.unshift({ op: `pipeline first render, board (${k})`, s: b, target: '< 300 ms', note });
  rows.push({ op: `pipeline first render, table (${k})`, s: stats(table.total), target: '< 300 ms', note: 'navigation start → first rows visible' });
  rows.push({ op: `  of which the app, table (${k})`, s: stats(table.app), note: 'entry script arrived → first rows visible' });
  return rows;
}
