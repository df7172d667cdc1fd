// Walks every contract method over HTTP with malformed and oversized input and counts the answers
// that are 500s (the figure must be zero): bad input is always the caller's error, never ours.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeApi } from '../api/dispatch';
import { startHttpServer, type RunningServer } from './http';
import { testCore, type TestCore } from '../testing/core';

type Schema = Record<string, unknown>;
let core: TestCore;
let server: RunningServer;
beforeAll(async () => {
  core = await testCore({ memory: false });
  server = await startHttpServer({ call: core.call });
});
afterAll(async () => {
  await server?.close();
  core?.close();
});

function post(pathname: string, body: string, token: string | null = server.token) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathname,
        method: 'POST',
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode!, text: data }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A value of the schema's shape: `fill` decides the leaves (small, oversized, extreme). */
function sample(schema: Schema | undefined, fill: (type: string, s: Schema) => unknown, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  const alt = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alt) return sample(alt.find((a) => a.type !== 'null') ?? alt[0], fill, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : (schema.type as string | undefined);
  if (type === 'object') {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, sample(v, fill, depth + 1)]));
  }
  if (type === 'array') return fill('array', { ...schema, itemSample: sample(schema.items as Schema, fill, depth + 1) });
  return fill(type ?? 'any', schema);
}

const small = (type: string, s: Schema): unknown =>
  type === 'string' ? 'a' : type === 'number' || type === 'integer' ? 1 : type === 'boolean' ? true : type === 'array' ? [s.itemSample] : null;
const oversized = (type: string, s: Schema): unknown => {
  if (type === 'string') return 'x\u00e9\u{1F600}'.repeat(70_000);
  if (type === 'number' || type === 'integer') return 1e308;
  if (type === 'array') {
    const item = JSON.stringify(s.itemSample ?? 1).length < 40 ? (s.itemSample ?? 1) : 1;
    return Array.from({ length: 200_000 }, () => item);
  }
  return true;
};
const extreme = (type: string): unknown =>
  type === 'string' ? '\u0000\uD800=cmd|\' /C calc\'!A0\r\n%E0%A4%A' : type === 'number' || type === 'integer' ? -Number.MAX_SAFE_INTEGER * 4 : type === 'array' ? [{}, null, []] : false;
const wrongType = (): unknown => ({ $: [1] });

const bigCsv = (rows: number) => 'Company,Role\n' + Array.from({ length: rows }, (_, i) => `Co ${i % 97},Role ${i}`).join('\n');

describe('no 500 for bad input', () => {
  it('walks every contract method with malformed and oversized input', { timeout: 600_000 }, async () => {
    const methods = describeApi().methods;
    const fives: string[] = [];
    let requests = 0;
    const send = async (label: string, pathname: string, body: string, token?: string | null) => {
      requests++;
      const res = await post(pathname, body, token);
      if (res.status >= 500) fives.push(`${label}: ${res.status} ${res.text.slice(0, 200)}`);
    };
    for (const m of methods) {
      const input = m.input as Schema;
      const bodies: Record<string, string> = {
        empty: '{}',
        null: 'null',
        array: '[1,2,3]',
        string: '"text"',
        number: '42',
        truncatedJson: '{"a": [1, 2',
        deepNesting: '['.repeat(20_000) + ']'.repeat(20_000),
        small: JSON.stringify(sample(input, small)),
        oversized: JSON.stringify(sample(input, oversized)),
        extreme: JSON.stringify(sample(input, extreme)),
        wrongTypes: JSON.stringify(sample(input, wrongType)),
        protoKeys: '{"__proto__": {"admin": true}, "constructor": {"prototype": 1}}',
      };
      for (const [label, body] of Object.entries(bodies)) await send(`${m.name} ${label}`, `/api/${m.name}`, body);
    }
    // A CSV larger than any limit, with a valid mapping (a spread of all rows overflowed the stack here).
    for (const name of ['csv.previewApplications', 'csv.importApplications']) {
      await send(`${name} 200k rows`, `/api/${name}`, JSON.stringify({ text: bigCsv(200_000), mapping: ['company', 'role'] }));
    }
    // Malformed percent-escapes, with and without the token, in the API and static paths.
    for (const p of ['/%E0%A4%A', '/api/%E0%A4%A', '/api/applications.list%', '/%', '/assets/%C0%AF.js']) {
      await send(`path ${p}`, p, '{}');
      await send(`path ${p} no token`, p, '{}', null);
    }
    console.log(`Oversized/malformed walk: ${methods.length} methods, ${requests} requests, ${fives.length} answered 500.`);
    expect(fives).toEqual([]);
  });
});
