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

/**
 * The one permission a page may have: desktop notices, for the app's own page (the renderer shows them
 * with the web Notification API; whether to show any is the notifications setting's). Everything else
 * (camera, location, clipboard, ...) and every other origin is refused.
 */
export function allowsPermission(permission: string, requestingUrl: string): boolean {
  return permission === 'notifications' && isAppUrl(requestingUrl);
}

/**
 * A `mid:` URL (RFC 2392) as the app writes it (shared/replies midUrl; a raw @ as in the RFC too): one Message-ID,
 * percent-encoded, that decodes to local@domain with no spaces, brackets or control characters. Anything else (a part
 * reference after '/', a second '@', raw reserved characters) is refused rather than handed to the OS.
 */
function safeMidUrl(raw: string): string | null {
  const m = /^mid:((?:[A-Za-z0-9\-._~@]|%[0-9A-Fa-f]{2}){3,998})$/i.exec(raw);
  if (!m) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (!/^[^\s<>@\u0000-\u001f\u007f]+@[^\s<>@\u0000-\u001f\u007f]+$/.test(id)) return null;
  return `mid:${m[1]}`;
}

/**
 * External links open in the OS only when http(s), mailto or a reply's mid: (the person's mail app
 * opens the message), parsed with URL (never string prefixes).
 */
export function safeExternalUrl(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 100_000) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol === 'mailto:') return u.toString();
  if (u.protocol === 'mid:') return safeMidUrl(raw);
  if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '') return u.toString();
  return null;
}
