// Connections to the account's servers: SMTP through nodemailer, IMAP through imapflow. Certificates
// are always verified; a plain connection is refused here too (not only by the form) unless the host
// is this computer. Failures are put in words for a person: which step failed and the server's reason.
import nodemailer from 'nodemailer';
import { ImapFlow } from 'imapflow';
import type { MailAccount } from '../../shared/mail';
import { isLoopbackHost } from '../../shared/mail';
import { PLAIN_ONLY_LOOPBACK } from '../../shared/inputs/mail';

/** What went wrong, for the person and for the retry rule. */
export type MailProblem = 'dns' | 'refused' | 'timeout' | 'tls' | 'login' | 'permission' | 'rejected' | 'network' | 'other';

export interface MailFailure {
  problem: MailProblem;
  /** A sentence for a person, naming the server and the server's own reason where it gave one. */
  message: string;
  /** Worth trying again later without any change (the network, a busy server, a 4xx answer). */
  transient: boolean;
}

const TIMEOUT_MS = 30_000;

function assertPlainAllowed(host: string, security: MailAccount['smtpSecurity']) {
  if (security === 'none' && !isLoopbackHost(host)) throw new Error(PLAIN_ONLY_LOOPBACK);
}

export function smtpTransport(account: MailAccount, password: string) {
  assertPlainAllowed(account.smtpHost, account.smtpSecurity);
  return nodemailer.createTransport({
    host: account.smtpHost,
    port: account.smtpPort,
    secure: account.smtpSecurity === 'tls',
    requireTLS: account.smtpSecurity === 'starttls',
    ignoreTLS: account.smtpSecurity === 'none',
    auth: { user: account.username, pass: password },
    tls: { rejectUnauthorized: true, servername: account.smtpHost },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    // Never log: the conversation carries the password (AUTH) and the message.
    logger: false,
    debug: false,
  });
}

export function imapClient(account: MailAccount, password: string): ImapFlow {
  assertPlainAllowed(account.imapHost, account.imapSecurity);
  return new ImapFlow({
    host: account.imapHost,
    port: account.imapPort,
    secure: account.imapSecurity === 'tls',
    doSTARTTLS: account.imapSecurity === 'starttls' ? true : account.imapSecurity === 'none' ? false : undefined,
    auth: { user: account.username, pass: password },
    tls: { rejectUnauthorized: true, servername: account.imapHost },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    logger: false,
  });
}

type AnyError = Error & {
  code?: string;
  errno?: string | number;
  responseCode?: number;
  response?: unknown;
  responseText?: string;
  serverResponseCode?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
  cause?: unknown;
  _err?: unknown;
  /** OpenSSL's short reason ("wrong version number", "certificate has expired"). */
  reason?: unknown;
};

/** Every code and message along an error's cause chain, for recognising the underlying failure. */
function chain(err: unknown): AnyError[] {
  const out: AnyError[] = [];
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    out.push(e as AnyError);
    e = (e as AnyError).cause ?? (e as AnyError)._err;
  }
  return out;
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|ERR_SSL|ERR_TLS|EPROTO|wrong.version|SSL routines|HANDSHAKE|STARTTLS/i;

/** The server's own words, when it answered; never the request (which may hold the password). */
function serverReason(err: AnyError): string | null {
  const text = typeof err.response === 'string' ? err.response : (err.responseText ?? null);
  return text ? text.replace(/\s+/g, ' ').trim().slice(0, 300) : null;
}

/**
 * Puts an SMTP or IMAP failure in words. `step` names what was being done ("connecting to the SMTP
 * server smtp.example.com:587").
 */
export function describeMailError(err: unknown, server: { kind: 'SMTP' | 'IMAP'; host: string; port: number }): MailFailure {
  const where = `the ${server.kind} server ${server.host}:${server.port}`;
  const all = chain(err);
  const codes = all.flatMap((e) => [e.code, typeof e.errno === 'string' ? e.errno : undefined]).filter((c): c is string => !!c);
  const messages = all.map((e) => e.message ?? '').join(' | ');
  const has = (re: RegExp) => codes.some((c) => re.test(c)) || re.test(messages);
  const top = (all[0] ?? {}) as AnyError;
  const reason = all.map(serverReason).find((r) => r) ?? null;
  const said = reason ? ` The server said: "${reason}"` : '';

  if (has(/ENOTFOUND|EAI_AGAIN|EDNS|getaddrinfo/)) {
    return { problem: 'dns', transient: true, message: `The name ${server.host} could not be found (DNS). Check the server name, or whether this computer is online.` };
  }
  if (has(/ECONNREFUSED/)) {
    return { problem: 'refused', transient: true, message: `${where} refused the connection. Check the port and security setting, or whether the server is running.` };
  }
  if (top.authenticationFailed || top.code === 'EAUTH' || top.responseCode === 535 || top.serverResponseCode === 'AUTHENTICATIONFAILED') {
    const appPassword = /application-specific|app password|5\.7\.9|web ?login|WEBALERT/i.test(reason ?? '') ? ' This provider wants an app password.' : '';
    return { problem: 'login', transient: false, message: `${where} refused the login for this user name and password.${said}${appPassword} Many providers need an app password here, not the usual one.` };
  }
  if (top.serverResponseCode === 'AUTHORIZATIONFAILED' || top.serverResponseCode === 'PRIVACYREQUIRED' || /not enabled|disabled for|IMAP access|SMTP AUTH is disabled|5\.7\.139|5\.7\.0 Authentication Required/i.test(reason ?? '')) {
    return { problem: 'permission', transient: false, message: `${where} accepted the connection but does not allow this account to use it.${said} Turn on ${server.kind} access in the provider's settings.` };
  }
  if (top.tlsFailed || top.code === 'ETLS' || has(TLS_CODES)) {
    const openssl = all.map((e) => e.reason).find((r): r is string => typeof r === 'string');
    const detail = openssl ?? all.map((e) => e.message).find((m) => m && TLS_CODES.test(m)) ?? top.message;
    return {
      problem: 'tls',
      transient: false,
      message: `The secure connection to ${where} failed: ${detail}. Its certificate could not be verified or the security setting (TLS or STARTTLS) does not match the port.`,
    };
  }
  if (has(/ETIMEDOUT|CONNECT_TIMEOUT|timeout/i)) {
    return { problem: 'timeout', transient: true, message: `${where} did not answer in time. Check the port, or try again when the connection is better.` };
  }
  if (typeof top.responseCode === 'number' && top.responseCode >= 400) {
    const transient = top.responseCode < 500;
    return { problem: 'rejected', transient, message: `${where} refused the message (${top.responseCode}).${said}` };
  }
  if (has(/ECONNRESET|EPIPE|ECONNECTION|ESOCKET|ENETUNREACH|EHOSTUNREACH|ENETDOWN|closed/i)) {
    return { problem: 'network', transient: true, message: `The connection to ${where} was lost (${top.message}). Courtesy tries again.` };
  }
  return { problem: 'other', transient: false, message: `${where} could not be used: ${top.message ?? String(err)}.${said}` };
}

export interface CheckResult {
  ok: boolean;
  problem: MailProblem | null;
  message: string;
}

/** Connects and logs in to the SMTP server (no message is sent). */
export async function checkSmtp(account: MailAccount, password: string): Promise<CheckResult> {
  const transport = smtpTransport(account, password);
  try {
    await transport.verify();
    return { ok: true, problem: null, message: `Signed in to ${account.smtpHost}:${account.smtpPort}.` };
  } catch (err) {
    const f = describeMailError(err, { kind: 'SMTP', host: account.smtpHost, port: account.smtpPort });
    return { ok: false, problem: f.problem, message: f.message };
  } finally {
    transport.close();
  }
}

/** Connects and logs in to the IMAP server, then logs out (nothing is read or changed). */
export async function checkImap(account: MailAccount, password: string): Promise<CheckResult> {
  const client = imapClient(account, password);
  // imapflow also reports a failure as an 'error' event; without a listener it would be thrown.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.logout().catch(() => {});
    return { ok: true, problem: null, message: `Signed in to ${account.imapHost}:${account.imapPort}.` };
  } catch (err) {
    client.close();
    const f = describeMailError(err, { kind: 'IMAP', host: account.imapHost, port: account.imapPort });
    return { ok: false, problem: f.problem, message: f.message };
  }
}
