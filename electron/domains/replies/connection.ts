// Opening an IMAP connection for reply tracking. TLS always validates certificates; a plain connection
// is refused unless the host is loopback (the test server), so a password never crosses a network in
// the clear.
import { isIP } from 'node:net';
import { ImapFlow } from 'imapflow';

export type ImapSecurity = 'tls' | 'starttls' | 'none';

export interface ImapConnection {
  host: string;
  port: number;
  security: ImapSecurity;
  user: string;
  pass: string;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1';
}

export class ImapRefused extends Error {}

/**
 * A connected, logged-in client. The caller logs out (see withImap). `idle`: the client may wait in
 * IDLE on its own when quiet (the watcher's listening connection); scans never do.
 */
export async function openImap(conn: ImapConnection, options: { idle?: boolean } = {}): Promise<ImapFlow> {
  if (conn.security === 'none' && !isLoopbackHost(conn.host)) {
    throw new ImapRefused(`Courtesy connects to ${conn.host} only with TLS; plain IMAP is allowed to this computer (loopback) only.`);
  }
  const client = new ImapFlow({
    host: conn.host,
    port: conn.port,
    secure: conn.security === 'tls',
    // STARTTLS when asked for is required, never optional: no silent fall-back to plain text.
    doSTARTTLS: conn.security === 'starttls' ? true : false,
    auth: { user: conn.user, pass: conn.pass },
    tls: { rejectUnauthorized: true },
    logger: false,
    disableAutoIdle: !options.idle,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 5 * 60_000,
  });
  // An 'error' event with no listener would crash the main process; the awaited calls report it instead.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw new Error(describeImapError(error, conn));
  }
  return client;
}

export async function withImap<T>(conn: ImapConnection, use: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = await openImap(conn);
  try {
    return await use(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** A connection failure in words: which step failed, never the password. */
export function describeImapError(error: unknown, conn: Pick<ImapConnection, 'host' | 'port'>): string {
  const e = error as { code?: string; authenticationFailed?: boolean; responseText?: string; message?: string };
  const where = `${conn.host}:${conn.port}`;
  if (e?.authenticationFailed || e?.code === 'AUTHENTICATIONFAILED') {
    return `The mail server ${where} refused the login${e.responseText ? ` (${e.responseText})` : ''}; check the user name and app password.`;
  }
  if (e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN') return `The mail server name ${conn.host} could not be found (DNS).`;
  if (e?.code === 'ECONNREFUSED') return `The mail server ${where} refused the connection; check the host and port.`;
  if (e?.code === 'ETIMEDOUT' || e?.code === 'CONNECT_TIMEOUT' || e?.code === 'GREETING_TIMEOUT') return `The mail server ${where} did not answer in time.`;
  if (typeof e?.code === 'string' && /CERT|SSL|TLS|SELF_SIGNED/i.test(e.code)) return `The secure connection to ${where} failed: ${e.message ?? e.code}.`;
  return `Could not read mail from ${where}: ${e?.responseText ?? e?.message ?? String(error)}`;
}
