// Loopback HTTP transport: the same contract and handlers as IPC, for browser mode and the e2e suite.
// Bound to 127.0.0.1 only, every API call needs the per-run bearer token, and requests whose Host is
// not 127.0.0.1/localhost are refused (DNS-rebinding defence).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { describeApi } from '../api/dispatch';
import { HTTP_STATUS, type Envelope } from '../shared/errors';
import { CONTENT_SECURITY_POLICY } from '../host/security';

export interface HttpServerOptions {
  call: (method: string, input: unknown) => Promise<Envelope>;
  /** Built renderer (index.html and assets); omitted for API-only servers. */
  rendererDir?: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const maxBody = opts.maxBodyBytes ?? 20 * 1024 * 1024;
  let port = 0;

  const hostAllowed = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const authorized = (req: http.IncomingMessage) => {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer (.+)$/.exec(header);
    if (!m) return false;
    const given = Buffer.from(m[1]);
    return given.length === tokenBuf.length && crypto.timingSafeEqual(given, tokenBuf);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('HTTP transport error', err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!hostAllowed(req.headers.host)) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Host not allowed.' } });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return badPath(res);
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!authorized(req)) return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token.' } });
      if (url.pathname === '/api' && req.method === 'GET') return sendJson(res, 200, describeApi());
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'validation', message: 'Use POST.' } });
      const method = safeDecode(url.pathname.slice('/api/'.length));
      if (method === null) return badPath(res);
      let input: unknown = {};
      try {
        const body = await readBody(req, maxBody);
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch (err) {
        const message = err instanceof BodyTooLarge ? 'The request is too large.' : 'The request body is not valid JSON.';
        return sendJson(res, 400, { ok: false, error: { code: 'validation', message } });
      }
      const envelope = await opts.call(method, input);
      return sendJson(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'validation', message: 'Not allowed.' } });
    if (!opts.rendererDir) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'No renderer here.' } });
    return serveStatic(opts.rendererDir, url.pathname, res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new BodyTooLarge());
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** decodeURIComponent throws on a malformed escape (`/%E0%A4%A`); that is bad input, answered 400. */
function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function badPath(res: http.ServerResponse) {
  return sendJson(res, 400, { ok: false, error: { code: 'validation', message: 'The address is not valid (a malformed %-escape).' } });
}

/**
 * On every response: no Referer leaves the app (URLs carry the token), and other origins can neither
 * open us in a shared browsing context nor embed our resources.
 */
const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse) {
  const rel = safeDecode(pathname === '/' ? '/index.html' : pathname);
  if (rel === null) return badPath(res);
  // Source maps would hand out the source; the build may write them for debugging, we never serve them.
  if (rel.endsWith('.map')) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found.' } });
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(path.resolve(root) + path.sep)) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found.' } });
  let target = file;
  if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
    // Client-side routes fall back to the app shell; missing assets are 404s.
    if (path.extname(rel)) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found.' } });
    target = path.join(root, 'index.html');
  }
  const ext = path.extname(target);
  const headers: Record<string, string> = { ...COMMON_HEADERS, 'Content-Type': MIME[ext] ?? 'application/octet-stream' };
  if (ext === '.html') {
    headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    headers['Cache-Control'] = 'no-store';
  } else if (rel.startsWith('/assets/')) {
    // The build names every asset by its content hash: a name never changes meaning, so the browser may keep
    // it (and its compiled code) for good, and a reload fetches and parses only what changed.
    headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  }
  res.writeHead(200, headers);
  fs.createReadStream(target).pipe(res);
}
