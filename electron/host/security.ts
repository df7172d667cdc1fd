// Security rules shared by the Electron shell and the browser-mode server, kept free of Electron
// imports so they are unit-tested under Node.

/** Strict CSP: only our own scripts and styles; API calls go to our own origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const APP_SCHEME = 'app';
export const APP_HOST = 'courtesy';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True only for URLs of the app's own origin (used to allow navigation and check IPC senders). */
export function isAppUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** External links open in the OS only when http(s) or mailto, parsed with URL (never string prefixes). */
export function safeExternalUrl(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 100_000) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol === 'mailto:') return u.toString();
  if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '') return u.toString();
  return null;
}
