// First render of the pipeline in Chromium against browser mode: navigation start until the first cards
// (board) or rows (table) are on screen, read from the page's own clock. The first load of each run fills
// the browser cache, like a second app start, and is not counted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startCore, type Core } from '../../electron/host/core';
import { startHttpServer } from '../../electron/server/http';
import { MIGRATIONS, ROOT } from './seed';
import { stats, type Row } from './stats';

const RUNS = 9;

async function renders(page: Page, url: string, view: 'board' | 'table', selector: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    await page.goto(url.replace(/#.*$/, '') + '#/pipeline');
    await page.evaluate((v) => localStorage.setItem('courtesy.pipeline.view', v), view);
    await page.goto('about:blank');
    await page.goto(url.replace(/#.*$/, '') + '#/pipeline');
    await page.waitForSelector(selector);
    const ms = await page.evaluate(() => performance.now());
    if (i > 0) out.push(ms);
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
    board: stats(await renders(page, url, 'board', '.card')),
    table: stats(await renders(page, url, 'table', 'table.data tbody tr td a')),
  }));
  const rows: Row[] = [];
  let note = 'navigation start → cards visible';
  if (withEmpty) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-bench-empty-'));
    const empty = await startCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 'bench' });
    try {
      const e = await withServer(empty, async (page, url) => stats(await renders(page, url, 'board', '.empty-state')));
      rows.push({ op: 'pipeline first render, empty database', s: e, note: 'navigation start → empty state visible' });
      note += `; ${(board.p50 / e.p50).toFixed(2)}× the empty database (p50), ${(board.p95 / e.p95).toFixed(2)}× (p95)`;
    } finally {
      empty.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  rows.unshift({ op: `pipeline first render, board (${k})`, s: board, target: '< 300 ms', note });
  rows.push({ op: `pipeline first render, table (${k})`, s: table, target: '< 300 ms', note: 'navigation start → first rows visible' });
  return rows;
}
