// When replies are looked for: once at start, every N minutes while the app is open (the
// replyCheckMinutes setting), at once when an IDLE connection hears of new mail, soon after the account
// is connected or changed, and on demand. A setting of 0 turns the automatic checks off (no check at
// start, no IDLE connection): only "Check now" looks.
// The schedule reads ctx.clock, so tests move the test clock and call tick(); the app's own timer only
// calls tick() every few seconds. One check runs at a time; a request during a check joins it.
import type { ImapFlow } from 'imapflow';
import type { Ctx } from '../../db/context';
import type { ReplyCheckStatusT } from '../../api/contract/replies';
import { getSettings } from '../settings/settings';
import { openImap, type ImapConnection } from './connection';
import { scanMailbox } from './scan';
import { getMailAccount } from '../mail/account';

/** The connected account's IMAP side with its password from the secret store; null without either. */
export async function accountConnection(ctx: Ctx): Promise<ImapConnection | null> {
  const account = getMailAccount(ctx);
  const pass = account ? await ctx.secrets.getPassword() : null;
  if (!account || pass === null) return null;
  return { host: account.imapHost, port: account.imapPort, security: account.imapSecurity, user: account.username, pass };
}

/** The account's own address: its mail in the inbox is never a reply. */
export function accountAddresses(ctx: Ctx): string[] {
  const account = getMailAccount(ctx);
  return account ? [account.address] : [];
}

export interface ReplyWatcherOptions {
  /** The account's IMAP connection, password included; null when no account is connected. */
  connection: (ctx: Ctx) => Promise<ImapConnection | null> | ImapConnection | null;
  /** The account's own addresses: mail from them is never a reply. */
  selfAddresses?: (ctx: Ctx) => string[];
  /** Hold an IDLE connection where the server offers it (default true). */
  idle?: boolean;
  /** Run the app's own timer (default true); tests turn it off and call tick(). */
  timer?: boolean;
  /** How often the timer calls tick(), in real ms. */
  tickMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** Called after every check with the status (tests wait on it instead of sleeping). */
  onCheck?: (status: ReplyCheckStatusT) => void;
}

export interface ReplyWatcher {
  /** Runs a check when one is due by ctx.clock. */
  tick(): Promise<void>;
  /** Checks now (or joins the check already running) and answers with the status after it. */
  checkNow(): Promise<ReplyCheckStatusT>;
  status(): ReplyCheckStatusT;
  /** Resolves when the IDLE connection (if any) is listening; for tests. */
  idleReady(): Promise<boolean>;
  stop(): Promise<void>;
}

const watchers = new WeakMap<Ctx, ReplyWatcher>();

/** The watcher started for this core, if any (the API's "Check for replies" uses it). */
export function watcherFor(ctx: Ctx): ReplyWatcher | undefined {
  return watchers.get(ctx);
}

export function startReplyWatcher(ctx: Ctx, options: ReplyWatcherOptions): ReplyWatcher {
  const log = options.log ?? (() => undefined);
  let running: Promise<void> | null = null;
  let stopped = false;
  let idleClient: ImapFlow | null = null;
  let idleOpening: Promise<boolean> | null = null;
  const minutes = () => getSettings(ctx).replyCheckMinutes;
  /** When the next automatic check is due after one now: none while automatic checks are off. */
  const nextAfterNow = () => (minutes() === 0 ? null : ctx.clock.now() + minutes() * 60_000);
  // The account as last seen by the schedule: a saved (or removed) account is looked at without waiting.
  const accountStamp = () => getMailAccount(ctx)?.updatedAt ?? null;
  let seenAccount = accountStamp();

  const st: ReplyCheckStatusT = { state: 'ready', watching: null, lastCheckedAt: null, nextCheckAt: minutes() === 0 ? null : ctx.clock.now(), lastError: null, lastAdded: 0 };

  // Aborted by stop(): a check in flight drops its connection and ends before its next database access,
  // since the app closes the database right after stopping the watcher.
  const abort = new AbortController();

  async function runCheck(): Promise<void> {
    seenAccount = accountStamp(); // this check uses the account as it is now
    const conn = await options.connection(ctx);
    if (stopped) return;
    if (!conn) {
      Object.assign(st, { state: 'off', watching: null, nextCheckAt: nextAfterNow() });
      await closeIdle();
      options.onCheck?.({ ...st });
      return;
    }
    st.state = 'checking';
    let failure: unknown = null;
    try {
      const result = await scanMailbox(ctx, conn, { selfAddresses: options.selfAddresses?.(ctx) ?? [], signal: abort.signal });
      Object.assign(st, { lastError: null, lastAdded: result.added });
    } catch (error) {
      failure = error;
    }
    // Closing mid-check is not a failure, and the settings can no longer be read.
    if (stopped) {
      st.state = 'ready';
      return;
    }
    if (failure !== null) {
      st.lastError = (failure as Error).message;
      log('Checking for replies failed', failure);
    }
    Object.assign(st, { state: 'ready', lastCheckedAt: ctx.clock.now(), nextCheckAt: nextAfterNow() });
    if (st.lastError === null && options.idle !== false && minutes() > 0 && !stopped) await ensureIdle(conn);
    options.onCheck?.({ ...st });
  }

  // A request during a check (new mail announced mid-scan) runs one more check after it, so nothing
  // that arrived after the scan's FETCH waits for the clock.
  let again = false;
  function check(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await runCheck();
      } while (again && !stopped);
    })().finally(() => (running = null));
    return running;
  }

  // A second connection that waits in IDLE on the inbox (opened read-only) and asks for a check when
  // the server announces new mail. Without IDLE the clock-driven checks are all there is.
  function ensureIdle(conn: ImapConnection): Promise<boolean> {
    if (idleClient?.usable) return Promise.resolve(true);
    idleOpening ??= (async () => {
      try {
        const client = await openImap(conn, { idle: true });
        if (!client.capabilities.has('IDLE') || stopped) {
          await client.logout().catch(() => client.close());
          st.watching = 'polling';
          return false;
        }
        await client.mailboxOpen('INBOX', { readOnly: true });
        client.on('exists', () => void check());
        client.on('close', () => {
          if (idleClient !== client) return;
          idleClient = null;
          st.watching = 'polling';
        });
        idleClient = client;
        st.watching = 'idle';
        // imapflow enters IDLE by itself once the connection is quiet; start it now rather than later.
        void client.idle().catch(() => undefined);
        return true;
      } catch (error) {
        log('Could not hold an IDLE connection; checking on the clock only', error);
        st.watching = 'polling';
        return false;
      } finally {
        idleOpening = null;
      }
    })();
    return idleOpening;
  }

  async function closeIdle(): Promise<void> {
    const client = idleClient;
    idleClient = null;
    if (client) await client.logout().catch(() => client.close());
  }

  const timer = options.timer === false ? null : setInterval(() => void watcher.tick(), options.tickMs ?? 15_000);
  timer?.unref();

  const watcher: ReplyWatcher = {
    tick: async () => {
      if (stopped) return;
      if (minutes() === 0) {
        // Automatic checks off: nothing is scheduled and no connection is held open.
        st.nextCheckAt = null;
        if (idleClient || st.watching === 'idle') {
          st.watching = null;
          await closeIdle();
        }
        return;
      }
      const account = accountStamp();
      if (account !== seenAccount) {
        // New settings or password: the IDLE connection was opened with the old ones.
        seenAccount = account;
        await closeIdle();
        return check();
      }
      if (st.nextCheckAt === null || ctx.clock.now() >= st.nextCheckAt) await check();
    },
    checkNow: async () => {
      await check();
      return watcher.status();
    },
    status: () => {
      const now = { ...st };
      if (stopped) return now; // the database may be closed already
      const account = accountStamp();
      // An account connected since a check found none: it is looked at on the next tick, not "off".
      if (now.state === 'off' && account !== null) now.state = 'ready';
      if (minutes() === 0) now.nextCheckAt = null;
      else if (account !== seenAccount && now.state !== 'checking') now.nextCheckAt = ctx.clock.now();
      return now;
    },
    idleReady: async () => (idleOpening ? idleOpening : !!idleClient?.usable),
    stop: async () => {
      stopped = true;
      abort.abort();
      if (timer) clearInterval(timer);
      watchers.delete(ctx);
      await running?.catch(() => undefined);
      await closeIdle();
    },
  };
  watchers.set(ctx, watcher);
  // On start: the first check is due now (unless automatic checks are off).
  void watcher.tick();
  return watcher;
}
