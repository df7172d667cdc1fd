import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { startHttpServer, type RunningServer } from './http';
import { testCore, type TestCore } from '../testing/core';

let core: TestCore;
let server: RunningServer;
afterEach(async () => {
  await server?.close();
  core?.close();
});

async function setup() {
  core = await testCore();
  server = await startHttpServer({ call: core.call });
}

function request(path: string, opts: { method?: string; token?: string | null; host?: string; body?: string } = {}) {
  return new Promise<{ status: number; json: any; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: opts.method ?? 'POST',
        headers: {
          ...(opts.token !== null ? { Authorization: `Bearer ${opts.token ?? server.token}` } : {}),
          Host: opts.host ?? `127.0.0.1:${server.port}`,
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode!, json: data.startsWith('{') ? JSON.parse(data) : data || null, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

describe('loopback HTTP transport', () => {
  it('binds to 127.0.0.1 and prints a tokenised URL', async () => {
    await setup();
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=`));
  });

  it('maps envelopes to status codes', async () => {
    await setup();
    const created = await request('/api/applications.create', { body: JSON.stringify({ company: 'Acme', role: 'Dev' }) });
    expect(created.status).toBe(200);
    expect(created.json.ok).toBe(true);
    expect((await request('/api/applications.create', { body: JSON.stringify({ company: '' }) })).status).toBe(400);
    expect((await request('/api/applications.get', { body: JSON.stringify({ id: 999 }) })).status).toBe(404);
    expect((await request('/api/nope.nope', { body: '{}' })).status).toBe(404);
    expect((await request('/api/applications.list', { body: '{not json' })).status).toBe(400);
  });

  it('refuses a missing or wrong token and a foreign Host', async () => {
    await setup();
    expect((await request('/api/applications.list', { token: null, body: '{}' })).status).toBe(401);
    // One character changed, always: the token is random and may itself start with 'x'.
    expect((await request('/api/applications.list', { token: (server.token[0] === 'x' ? 'y' : 'x') + server.token.slice(1), body: '{}' })).status).toBe(401);
    expect((await request('/api/applications.list', { host: 'evil.example', body: '{}' })).status).toBe(403);
    expect((await request('/api', { method: 'GET', token: null })).status).toBe(401);
  });

  it('describes the API with JSON Schemas at GET /api', async () => {
    await setup();
    const res = await request('/api', { method: 'GET' });
    expect(res.status).toBe(200);
    const names = res.json.methods.map((m: { name: string }) => m.name);
    expect(names).toContain('applications.moveStage');
    expect(res.json.methods[0]).toHaveProperty('input.type', 'object');
  });

  it('answers a malformed percent-escape with 400, with and without a token', async () => {
    await setup();
    expect((await request('/api/%E0%A4%A', { body: '{}' })).status).toBe(400);
    expect((await request('/api/%E0%A4%A', { token: null, body: '{}' })).status).toBe(401);
    expect((await request('/%E0%A4%A', { method: 'GET', token: null })).status).toBe(404); // no renderer on this server
  });

  it('sends no-referrer and cross-origin isolation headers, and never serves source maps', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-renderer-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'assets', 'index.js'), 'console.log(1)\n//# sourceMappingURL=index.js.map');
    fs.writeFileSync(path.join(dir, 'assets', 'index.js.map'), '{"sources":["secret.ts"]}');
    core = await testCore();
    server = await startHttpServer({ call: core.call, rendererDir: dir });
    for (const p of ['/', '/assets/index.js']) {
      const res = await request(p, { method: 'GET', token: null });
      expect(res.status).toBe(200);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
    expect((await request('/assets/index.js.map', { method: 'GET', token: null })).status).toBe(404);
    expect((await request('/assets/index%2Ejs%2Emap', { method: 'GET', token: null })).status).toBe(404);
    expect((await request('/%E0%A4%A', { method: 'GET', token: null })).status).toBe(400);
    const api = await request('/api/applications.list', { body: '{}' });
    expect(api.headers['referrer-policy']).toBe('no-referrer');
  });
});
