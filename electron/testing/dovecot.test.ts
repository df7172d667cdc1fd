import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingDovecot, startDovecot, withClient, type DovecotServer } from './dovecot';

const skip = missingDovecot();

describe.skipIf(skip !== null)(`the Dovecot test server${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: DovecotServer;
  beforeAll(async () => {
    server = await startDovecot();
  }, 30000);
  afterAll(async () => {
    await server?.stop();
  });

  it('listens on loopback, takes the passwd-file login and keeps what APPEND seeds', async () => {
    expect(server.connection.host).toBe('127.0.0.1');
    const raw = 'From: Dana <dana@example.com>\r\nSubject: Seeded\r\nMessage-ID: <seed-1@example.com>\r\n\r\nHello.\r\n';
    const first = await server.append(raw);
    const second = await server.append(raw.replace('seed-1', 'seed-2'), { flags: ['\\Seen'] });
    expect(second).toBe(first + 1);

    await withClient(server.connection, async (client) => {
      const box = await client.mailboxOpen('INBOX', { readOnly: true });
      expect(box.exists).toBe(2);
      const seen: Array<[number, string | undefined, boolean]> = [];
      for await (const message of client.fetch('1:*', { uid: true, envelope: true, flags: true })) {
        seen.push([message.uid, message.envelope?.messageId, message.flags?.has('\\Seen') ?? false]);
      }
      expect(seen).toEqual([
        [first, '<seed-1@example.com>', false],
        [second, '<seed-2@example.com>', true],
      ]);
      expect(client.capabilities.has('IDLE')).toBe(true);
    });
  });

  it('creates other mailboxes (the outbox appends to Sent)', async () => {
    await server.createMailbox('Sent');
    await server.createMailbox('Sent');
    const uid = await server.append('Subject: copy\r\n\r\nx\r\n', { mailbox: 'Sent', flags: ['\\Seen'] });
    expect(uid).toBe(1);
  });

  it('refuses a wrong password', async () => {
    await expect(withClient({ ...server.connection, pass: 'wrong' }, async () => undefined)).rejects.toThrow();
  });

  it('stops cleanly and removes its folder', async () => {
    const other = await startDovecot({ user: 'sam', pass: 'pw' });
    expect(other.connection.port).not.toBe(server.connection.port);
    await other.stop();
    const { existsSync } = await import('node:fs');
    expect(existsSync(other.dir)).toBe(false);
    await expect(withClient(other.connection, async () => undefined)).rejects.toThrow();
  });
});
