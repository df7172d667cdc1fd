// Each test gets its own data folder and its own browser-mode server (the real handlers, a real
// SQLite file, real migrations), started from the built dist-electron/browser.cjs.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export interface Server {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Calls the API directly (for setup that is not under test). */
  api<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** Stops the server cleanly (SIGTERM) and starts a new one on the same data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(dataDir: string, extraArgs: string[] = []): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['dist-electron/browser.cjs', '--data-dir', dataDir, '--port', '0', '--test-clock', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, COURTESY_VALIDATE_OUTPUT: '1' },
  });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    // Generous: a busy 2-core CI machine has taken over 15 s to start node and migrate a new file.
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s: ${stderr}`)), 60_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
  return { proc, url };
}

function stopProc(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

/** A browser-mode server on a fresh data folder; `close` stops it and removes the folder. */
export async function openServer(): Promise<{ server: Server; close: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-e2e-'));
  let { proc, url } = await startServer(dataDir);
  const server: Server = {
    get url() {
      return url;
    },
    get origin() {
      return new URL(url).origin;
    },
    get token() {
      return new URL(url).searchParams.get('token')!;
    },
    dataDir,
    async api(method, input = {}) {
      const res = await fetch(`${new URL(url).origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${new URL(url).searchParams.get('token')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const env = (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
      if (!env.ok) throw new Error(`${method}: ${env.error?.message}`);
      return env.data as never;
    },
    async restart() {
      await stopProc(proc);
      ({ proc, url } = await startServer(dataDir));
    },
    async stop() {
      await stopProc(proc);
    },
  };
  return {
    server,
    close: async () => {
      await stopProc(proc);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The page on the app, failing the test on any uncaught error in it. */
export async function usePage(page: Page, server: Server, use: (page: Page) => Promise<void>) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await use(page);
  expect(errors, 'uncaught errors in the page').toEqual([]);
}

export const test = base.extend<{ server: Server; app: Page }>({
  server: async ({}, use) => {
    const { server, close } = await openServer();
    await use(server);
    await close();
  },
  app: async ({ page, server }, use) => usePage(page, server, use),
});

export { expect };

/**
 * axe-core on the page, run in the page itself (axe.run). AxeBuilder's default instead runs each frame
 * separately and then opens a new blank tab to merge the results, which is only needed for frames of
 * another origin; the renderer has no frames at all, so the findings are the same and each analysis
 * saves a tab (a renderer process) and a second injection of axe-core. Only violations are asked for:
 * the tests read nothing else, and axe otherwise describes every passing node too.
 */
export function axeOn(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}

const SHOTS = path.join('e2e', 'screenshots');
/** Saves a screenshot of the current screen in light and dark mode (1280x800), for people to look at. */
export async function screenshots(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

type SeedNote = { id: number; revision: number; body: string };
/**
 * An interview that ended two hours ago with Dana Lee and Priya Raman, each with a draft thank-you.
 * `talkedAbout` fills Dana's part of the debrief.
 */
export async function seedTwoPersonInterview(server: Server, opts: { talkedAbout?: string } = {}) {
  const HOUR = 3_600_000;
  const start = Date.UTC(2026, 10, 24, 15);
  await server.api('system.setNow', { now: start + 3 * HOUR });
  const application = await server.api<{ id: number }>('applications.create', { company: 'Northwind Health', role: 'Data Engineer', stage: 'applied' });
  const dana = await server.api<{ id: number }>('contacts.create', { name: 'Dana Lee', email: 'dana.lee@northwind.example' });
  const priya = await server.api<{ id: number }>('contacts.create', { name: 'Priya Raman', email: 'priya@northwind.example' });
  const iv = await server.api<{ id: number }>('interviews.create', {
    applicationId: application.id,
    kind: 'video',
    startAt: start,
    endAt: start + HOUR,
    timeZone: 'America/New_York',
    participants: [{ contactId: dana.id }, { contactId: priya.id }],
  });
  if (opts.talkedAbout) await server.api('interviews.update', { id: iv.id, talkedAbout: [{ contactId: dana.id, text: opts.talkedAbout }] });
  const entries = (await server.api<{ entries: { contactId: number; notes: SeedNote[] }[] }>('notes.forInterview', { interviewId: iv.id })).entries;
  const danaNote = entries.find((e) => e.contactId === dana.id)!.notes[0];
  const priyaNote = entries.find((e) => e.contactId === priya.id)!.notes[0];
  return { iv, danaNote, priyaNote };
}
