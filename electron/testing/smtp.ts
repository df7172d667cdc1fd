// A real SMTP server on loopback for the mail tests (the smtp-server package: the server half of
// nodemailer's project, speaking real SMTP over a real socket). It keeps every message exactly as the
// bytes arrived after the DATA command, with the envelope, so a test can compare them with the .eml
// builder's output. Plain (no TLS) on purpose: the app allows plain connections only to loopback.
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  user: string | undefined;
}

export interface TestSmtp {
  host: string;
  port: number;
  user: string;
  password: string;
  received: Received[];
  /** Stops listening (connections are then refused) and resolves once closed. */
  stop(): Promise<void>;
  /** Starts listening again on the same port. */
  start(): Promise<void>;
  /** Answer the next messages with this error (e.g. 451 busy, 550 no such user) instead of accepting them. */
  rejectWith: { code: number; message: string } | null;
  /** Called with each message before it is accepted; the test may kill a client here. */
  beforeAccept: ((msg: Received) => Promise<void> | void) | null;
}

export async function startTestSmtp(opts: { user?: string; password?: string; port?: number } = {}): Promise<TestSmtp> {
  const user = opts.user ?? 'me@courtesy.test';
  const password = opts.password ?? 'app-password-1234';
  let server: SMTPServer;
  const state: TestSmtp = {
    host: '127.0.0.1',
    port: opts.port ?? 0,
    user,
    password,
    received: [],
    rejectWith: null,
    beforeAccept: null,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: () => listen(),
  };
  const options: SMTPServerOptions = {
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === password) cb(null, { user });
      else cb(Object.assign(new Error('5.7.8 Username and Password not accepted'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const msg: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          user: session.user as string | undefined,
        };
        void (async () => {
          if (state.rejectWith) {
            const { code, message } = state.rejectWith;
            return cb(Object.assign(new Error(message), { responseCode: code }));
          }
          // Recorded as arrived before the hook runs: the server has the whole message at this point.
          state.received.push(msg);
          await state.beforeAccept?.(msg);
          cb(null, 'Queued as test message');
        })();
      });
    },
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer(options);
      server.on('error', () => {});
      server.server.once('error', reject);
      server.listen(state.port, state.host, () => {
        state.port = (server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return state;
}
