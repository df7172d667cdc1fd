// The email account and outbox vocabulary, shared by both processes. The account record holds only
// settings a person could read aloud; the password lives in the secret store (domains/mail/secrets.ts),
// never in SQLite, backups, exports or any API output.

/**
 * How a connection is protected. 'tls' is TLS from the first byte (ports 465/993), 'starttls' upgrades
 * a plain connection and refuses to go on without TLS (587/143). 'none' is plain text, allowed only to a
 * loopback host (the test servers), so a password never crosses a network in the clear.
 */
export const MAIL_SECURITIES = ['tls', 'starttls', 'none'] as const;
export type MailSecurity = (typeof MAIL_SECURITIES)[number];

/**
 * Where one queued note is. queued → sending → sent; a refused or failed attempt goes back to queued
 * with a later next_attempt_at until the attempts run out (failed). 'uncertain': the app stopped between
 * starting the SMTP transaction and recording its result, so the message may or may not have left; it
 * is never resent on its own (see domains/mail/outbox.ts).
 */
export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed', 'cancelled', 'uncertain'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
/** States in which a note still belongs to the outbox (at most one such row per note). */
export const OUTBOX_OPEN_STATES: readonly OutboxState[] = ['queued', 'sending', 'uncertain'];

/** The connected account's settings (no secret). */
export interface MailAccount {
  /** The From address, e.g. "me@example.com". */
  address: string;
  /** The From display name; null sends the bare address. */
  displayName: string | null;
  /** The login name; most providers take the address itself. */
  username: string;
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: MailSecurity;
  imapHost: string;
  imapPort: number;
  imapSecurity: MailSecurity;
  /** Append a copy of each sent message to the Sent folder over IMAP (off where the provider does it, e.g. Gmail). */
  saveSentCopy: boolean;
  updatedAt: number;
}

/** Hosts a plain ('none') connection may go to: this machine only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/**
 * Where the account password is kept: Electron's safeStorage (the OS keychain) in the desktop app,
 * memory for the session in browser mode. Never SQLite, never a log line, never an API answer.
 */
export interface SecretStore {
  /** Where the secret lives, in words, for Settings ("the OS keychain", "memory, until Courtesy quits"). */
  readonly where: string;
  getPassword(): Promise<string | null>;
  setPassword(password: string): Promise<void>;
  clearPassword(): Promise<void>;
}

const MINUTE = 60_000;
/** Attempts before a note that keeps failing for a passing reason is marked failed (about 8 hours of tries). */
export const MAX_ATTEMPTS = 12;
/** Wait before the next try after `attempts` failed ones: 1, 2, 4 … minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 60 * MINUTE);
}

/** The timely check's rule at the time the note will go: a schedule after the due time is pointed out. */
export function scheduleWarning(dueAt: number | null, goesAt: number | null, formatSpan: (ms: number) => string): string | null {
  if (dueAt === null || goesAt === null || goesAt <= dueAt) return null;
  return `This goes ${formatSpan(goesAt - dueAt)} after the note is due.`;
}
