import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { missingDovecot, startDovecot, type DovecotServer } from '../../testing/dovecot';
import { testCore, type TestCore } from '../../testing/core';
import { at, danaReply, priyaReply, raw, samEmail, seedWorld } from '../../testing/reply-fixtures';
import type { ReplyCheckStatusT } from '../../api/contract/replies';
import type { ImapConnection } from './connection';
import { startReplyWatcher, watcherFor } from './watcher';

const skip = missingDovecot();
const MIN = 60_000;

describe.skipIf(skip !== null)(`the reply watcher${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: DovecotServer;
  let core: TestCore | null = null;
  beforeAll(async () => {
    server = await startDovecot();
  }, 30000);
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(async () => {
    await (core && watcherFor(core.ctx)?.stop());
    core?.close();
    core = null;
  });

  /** A core whose watcher reports each check; `next()` resolves with the next one. */
  async function start(connection: () => ImapConnection | null, idle: boolean) {
    const checks: ReplyCheckStatusT[] = [];
    const waiting: Array<(s: ReplyCheckStatusT) => void> = [];
    const onCheck = (s: ReplyCheckStatusT) => (waiting.length ? waiting.shift()!(s) : checks.push(s));
    const next = () => (checks.length ? Promise.resolve(checks.shift()!) : new Promise<ReplyCheckStatusT>((r) => waiting.push(r)));
    core = await testCore({ now: at('2026-12-06T09:00:00Z') });
    seedWorld(core.ctx.sqlite);
    startReplyWatcher(core.ctx, { connection, idle, timer: false, onCheck });
    return { core, next, count: () => core!.ctx.sqlite.prepare('SELECT count(*) FROM replies').pluck().get() as number };
  }

  it('checks on start, then only when the clock says N minutes have passed, and on demand', async () => {
    await server.append(raw(danaReply), { date: new Date(danaReply.date) });
    let conn: ImapConnection | null = null;
    const { core: c, next, count } = await start(() => conn, false);
    // The check on start found no account connected.
    expect((await next()).state).toBe('off');
    await c.api('settings.update', { replyCheckMinutes: 10 });
    conn = server.connection;
    const watcher = watcherFor(c.ctx)!;

    // Not due yet: the "off" check scheduled the next one 15 minutes (the default) on, and a changed
    // setting applies from the next check.
    c.ctx.clock.advance(14 * MIN);
    await watcher.tick();
    expect(count()).toBe(0);
    c.ctx.clock.advance(MIN);
    await watcher.tick();
    const first = await next();
    expect(first).toMatchObject({ state: 'ready', watching: null, lastError: null, lastAdded: 1, lastCheckedAt: at('2026-12-06T09:15:00Z'), nextCheckAt: at('2026-12-06T09:25:00Z') });
    expect(count()).toBe(1);

    await server.append(raw(priyaReply), { date: new Date(priyaReply.date) });
    c.ctx.clock.advance(5 * MIN);
    await watcher.tick();
    expect(count()).toBe(1);
    // "Check for replies" does not wait for the clock.
    const checked = await c.api('replies.check', {});
    expect(checked).toMatchObject({ state: 'ready', lastAdded: 1, lastCheckedAt: at('2026-12-06T09:20:00Z') });
    expect(count()).toBe(2);
    expect(await c.api('replies.status', {})).toMatchObject({ nextCheckAt: at('2026-12-06T09:30:00Z') });
  });

  it('with the interval at 0 checks only when asked: not at start, not on the clock, no IDLE connection', async () => {
    await server.append(raw(danaReply), { date: new Date(danaReply.date) });
    const seeded = await testCore({ memory: false, now: at('2026-12-06T09:00:00Z') });
    seedWorld(seeded.ctx.sqlite);
    await seeded.api('settings.update', { replyCheckMinutes: 0 });
    seeded.close();
    const checks: ReplyCheckStatusT[] = [];
    core = await testCore({ dir: seeded.dir, now: at('2026-12-06T09:00:00Z'), replies: { connection: () => server.connection, idle: true, timer: false, onCheck: (s) => checks.push(s) } });
    const watcher = watcherFor(core.ctx)!;
    const count = () => core!.ctx.sqlite.prepare('SELECT count(*) FROM replies').pluck().get() as number;
    expect(watcher.status()).toMatchObject({ state: 'ready', nextCheckAt: null, lastCheckedAt: null });
    core.ctx.clock.advance(24 * 60 * MIN);
    await watcher.tick();
    expect(checks).toEqual([]);
    expect(count()).toBe(0);

    // "Check now" still looks, and schedules nothing after it.
    const checked = await core.api('replies.check', {});
    expect(checked).toMatchObject({ state: 'ready', lastError: null, nextCheckAt: null, watching: null });
    expect(checked.lastAdded).toBeGreaterThan(0);
    expect(count()).toBe(checked.lastAdded);
    expect(await watcher.idleReady()).toBe(false);

    // Back on: the next tick checks at once and the schedule resumes.
    await core.api('settings.update', { replyCheckMinutes: 5 });
    await watcher.tick();
    expect(checks.at(-1)).toMatchObject({ state: 'ready', nextCheckAt: core.ctx.clock.now() + 5 * MIN });
    expect(checks).toHaveLength(2);
  });

  it('looks at once after the account is saved, without waiting for the clock', async () => {
    const { core: c, next } = await start(() => server.connection, false);
    // The first check ran at start (this test's connection needs no saved account).
    expect((await next()).state).toBe('ready');
    const watcher = watcherFor(c.ctx)!;
    await watcher.tick();
    // A second answer from Priya in the same thread, new to the inbox.
    await server.append(raw({ ...priyaReply, messageId: '<reply-priya-2@northwind.test>' }), { date: new Date(priyaReply.date) });
    await c.api('mail.saveAccount', {
      address: 'jo@example.net',
      displayName: 'Jo Avery',
      username: server.connection.user,
      smtpHost: '127.0.0.1',
      smtpPort: 1,
      smtpSecurity: 'none',
      imapHost: server.connection.host,
      imapPort: server.connection.port,
      imapSecurity: 'none',
      saveSentCopy: false,
      password: server.connection.pass,
    });
    // Not a minute has passed on the clock: only the saved account can cause this check.
    await watcher.tick();
    const after = await next();
    expect(after).toMatchObject({ state: 'ready', lastAdded: 1, lastCheckedAt: at('2026-12-06T09:00:00Z') });
    // Seen once: the following tick waits for the clock again.
    await watcher.tick();
    c.ctx.clock.advance(MIN);
    await watcher.tick();
    expect(await Promise.race([next().then(() => 'checked'), new Promise((r) => setTimeout(() => r('quiet'), 200))])).toBe('quiet');
  });

  it('holds an IDLE connection and checks as soon as the server announces new mail', async () => {
    const { next, count } = await start(() => server.connection, true);
    const status = await next();
    expect(status.watching).toBe('idle');
    const before = count();
    // No clock movement: only the server's EXISTS over IDLE can cause this check.
    await server.append(raw(samEmail), { date: new Date(samEmail.date) });
    const pushed = await next();
    expect(pushed.lastAdded).toBe(1);
    expect(count()).toBe(before + 1);
  });

  it('closing the app during a check stops it quietly: no error from the closed database', async () => {
    await server.append(raw(danaReply), { date: new Date(danaReply.date) });
    const logged: unknown[] = [];
    const seeded = await testCore({ now: at('2026-12-06T09:00:00Z') });
    seedWorld(seeded.ctx.sqlite);
    seeded.close();
    // The app's own start: the core starts the watcher, whose first check runs at once.
    const app = await testCore({ dir: seeded.dir, replies: { connection: () => server.connection, idle: false, timer: false, log: (...args) => logged.push(args) } });
    const watcher = watcherFor(app.ctx)!;
    expect(watcher.status().state).toBe('checking');
    app.close();
    // The check in flight ends (stop() waits for it) without touching the closed database.
    await watcher.stop();
    expect(logged).toEqual([]);
    expect(watcher.status().state).not.toBe('checking');
  });

  it('says what failed when the server refuses, and keeps going on the clock', async () => {
    const { core: c, next } = await start(() => ({ ...server.connection, pass: 'wrong' }), true);
    const failed = await next();
    expect(failed.lastError).toMatch(/refused the login/);
    expect(failed.lastError).not.toContain('wrong');
    expect(failed.state).toBe('ready');
    expect(failed.watching).toBeNull();
    expect(await c.api('replies.status', {})).toMatchObject({ lastError: failed.lastError });
  });
});
