import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

/**
 * A real IMAP server for tests: Debian's Dovecot (package dovecot-imapd), started on a random loopback
 * port with a throw-away config, base_dir, Maildir and passwd-file user, so mail code is checked against
 * software nobody here wrote. `.ci/run` installs it; under CI a missing or unstartable server FAILS (a skip
 * would hide a gap), elsewhere the test skips and says why, as electron/testing/external.ts does.
 *
 * Root (CI) cannot run Dovecot's login or mail processes as uid 0, so as root they run as Debian's
 * `dovenull` / `dovecot` users and the Maildir belongs to `dovecot`; as any other user every process
 * runs as that user (Dovecot supports an unprivileged master when all its users are the same).
 */
export const DOVECOT_BIN = '/usr/sbin/dovecot';

/** The connection object mail code takes; plain IMAP is allowed only on loopback, as here. */
export interface TestImapConnection {
  host: string;
  port: number;
  security: 'none';
  user: string;
  pass: string;
}

export interface AppendOptions {
  mailbox?: string;
  flags?: string[];
  /** INTERNALDATE; the Date: header is whatever the raw message says. */
  date?: Date;
}

export interface DovecotServer {
  connection: TestImapConnection;
  /** The temporary folder holding config, Maildir and logs; removed by stop(). */
  dir: string;
  /** Seeds one raw RFC 5322 message with IMAP APPEND; resolves to its UID. */
  append(raw: string | Buffer, options?: AppendOptions): Promise<number>;
  /** Creates a mailbox (e.g. "Sent") if it does not exist. */
  createMailbox(name: string): Promise<void>;
  /** Dovecot's own log so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/** Why Dovecot cannot be used here, or null. Throws under CI, where skipping would hide a gap. */
export function missingDovecot(): string | null {
  const why = dovecotProblem();
  if (why === null) return null;
  if (process.env.CI) throw new Error(`CI must be able to run Dovecot: ${why}`);
  return why;
}

function dovecotProblem(): string | null {
  if (!existsSync(DOVECOT_BIN) || !existsSync('/usr/lib/dovecot/imap')) {
    return 'Dovecot IMAP is not installed (apt-get install dovecot-imapd; .ci/run does this)';
  }
  if (isRoot() && (uidOf('dovecot') === null || uidOf('dovenull') === null)) {
    return "Dovecot's system users (dovecot, dovenull) are missing; reinstall dovecot-core";
  }
  return null;
}

const isRoot = () => process.getuid?.() === 0;

function uidOf(user: string): { uid: number; gid: number } | null {
  const out = spawnSync('getent', ['passwd', user], { encoding: 'utf8' });
  const fields = out.status === 0 ? out.stdout.trim().split(':') : [];
  return fields.length >= 4 ? { uid: Number(fields[2]), gid: Number(fields[3]) } : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Identity {
  loginUser: string;
  internalUser: string;
  internalGroup: string;
  mailUid: number;
  mailGid: number;
}

function identity(): Identity {
  if (isRoot()) {
    const mail = uidOf('dovecot')!;
    const group = spawnSync('id', ['-gn', 'dovecot'], { encoding: 'utf8' }).stdout.trim() || 'dovecot';
    return { loginUser: 'dovenull', internalUser: 'dovecot', internalGroup: group, mailUid: mail.uid, mailGid: mail.gid };
  }
  const me = userInfo();
  const group = spawnSync('id', ['-gn'], { encoding: 'utf8' }).stdout.trim() || me.username;
  return { loginUser: me.username, internalUser: me.username, internalGroup: group, mailUid: me.uid, mailGid: me.gid };
}

function config(dir: string, port: number, who: Identity): string {
  // Everything lives under `dir`: nothing is read from /etc/dovecot and nothing outlives the test.
  return [
    'protocols = imap',
    'listen = 127.0.0.1',
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    `info_log_path = ${dir}/dovecot.log`,
    'ssl = no',
    // Plain LOGIN is fine on loopback, which is the only place a test server listens.
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    'auth_failure_delay = 0',
    `default_login_user = ${who.loginUser}`,
    `default_internal_user = ${who.internalUser}`,
    `default_internal_group = ${who.internalGroup}`,
    'first_valid_uid = 1',
    'first_valid_gid = 1',
    `mail_location = maildir:${dir}/mail/%u`,
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${dir}/passwd`,
    '}',
    'userdb {',
    '  driver = passwd-file',
    `  args = username_format=%u ${dir}/passwd`,
    '}',
    'service anvil {',
    '  chroot =',
    '}',
    'service imap-login {',
    '  chroot =',
    '  inet_listener imap {',
    '    address = 127.0.0.1',
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Resolves once the server greets on `port`; rejects when the process exits or time runs out. */
async function waitForGreeting(port: number, child: ChildProcess, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('Dovecot exited during start-up');
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(1000);
      socket.once('data', (chunk) => {
        socket.destroy();
        resolve(chunk.toString('latin1').startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (greeted) return;
    // Polling a process we do not control: a real wait, not a test clock.
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('Dovecot did not greet within the time allowed');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts Dovecot for one test file. Call missingDovecot() first (and skip when it says so).
 * One user, `user`/`pass`, with an empty INBOX; seed with append().
 */
export async function startDovecot(options: { user?: string; pass?: string } = {}): Promise<DovecotServer> {
  const user = options.user ?? 'dana';
  const pass = options.pass ?? 'test-password';
  const who = identity();
  const dir = mkdtempSync(join(tmpdir(), 'courtesy-dovecot-'));
  // Dovecot's helper processes run as other users when we are root: they must reach the folder.
  chmodSync(dir, 0o755);
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  if (isRoot()) chownSync(mail, who.mailUid, who.mailGid);
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${pass}:${who.mailUid}:${who.mailGid}::${mail}/${user}::\n`, { mode: 0o644 });
  const logFile = join(dir, 'dovecot.log');
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');

  let lastError: unknown;
  // A port picked free can be taken before Dovecot binds it; a few tries make that race harmless.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    writeFileSync(join(dir, 'dovecot.conf'), config(dir, port, who));
    const child = spawn(DOVECOT_BIN, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    try {
      await waitForGreeting(port, child, 15000);
    } catch (error) {
      await stopChild(child);
      lastError = new Error(`${(error as Error).message}: ${stderr.trim() || log().trim()}`);
      if (/Address already in use/.test(stderr + log())) continue;
      break;
    }
    const connection: TestImapConnection = { host: '127.0.0.1', port, security: 'none', user, pass };
    return {
      connection,
      dir,
      log,
      append: (raw, opts) => appendMessage(connection, raw, opts),
      createMailbox: (name) => withClient(connection, async (client) => void (await client.mailboxCreate(name).catch(ignoreExists))),
      stop: async () => {
        await stopChild(child);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError instanceof Error ? lastError : new Error('Dovecot could not start');
}

function ignoreExists(error: { serverResponseCode?: string }): void {
  if (error.serverResponseCode !== 'ALREADYEXISTS') throw error;
}

/** A short-lived client for seeding: opened, used, logged out. */
export async function withClient<T>(connection: TestImapConnection, use: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: connection.host,
    port: connection.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: connection.user, pass: connection.pass },
    logger: false,
  });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function appendMessage(connection: TestImapConnection, raw: string | Buffer, options: AppendOptions = {}): Promise<number> {
  return withClient(connection, async (client) => {
    const result = await client.append(options.mailbox ?? 'INBOX', raw, options.flags ?? [], options.date);
    if (!result || typeof result.uid !== 'number') throw new Error('Dovecot did not report the appended UID');
    return result.uid;
  });
}
