// The renderer's only way to the data: one typed call per contract method. In Electron it goes
// through the preload's named functions; in browser mode through the loopback HTTP transport.
import type { MethodInput, MethodName, MethodOutput } from '../../../electron/api/contract';
import type { ApiErrorBody, Envelope } from '../../../electron/shared/errors';

declare global {
  interface Window {
    courtesy?: Readonly<Record<string, (input: unknown) => Promise<Envelope>>>;
  }
}

export class ApiError extends Error {
  readonly code: ApiErrorBody['code'];
  readonly fields: Record<string, string>;
  /** With a conflict over a stale write: the record as the server holds it now. */
  readonly current: unknown;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.code = body.code;
    this.fields = body.fields ?? {};
    this.current = body.current;
  }
}

const TOKEN_KEY = 'courtesy.token';

function httpToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar and history once stored.
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

let token: string | null | undefined;

async function transport(method: string, input: unknown): Promise<Envelope> {
  const bridge = window.courtesy;
  if (bridge) {
    const fn = bridge[method];
    if (!fn) return { ok: false, error: { code: 'unknown_method', message: `Unknown API method: ${method}` } };
    return fn(input);
  }
  if (token === undefined) token = httpToken();
  const res = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
    body: JSON.stringify(input ?? {}),
  });
  return (await res.json()) as Envelope;
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  let envelope: Envelope;
  try {
    envelope = await transport(method, input);
  } catch {
    throw new ApiError({ code: 'internal', message: 'Courtesy could not reach its data. Is the app still running?' });
  }
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data as MethodOutput<M>;
}

export function initTransport() {
  if (!window.courtesy) token = httpToken();
}
