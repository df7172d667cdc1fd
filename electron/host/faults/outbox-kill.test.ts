// No double send after a kill between sending and recording: a child process sends a note to the
// loopback SMTP server and is killed (SIGKILL) once the server holds the whole message, before the
// child can record the result. Started again, Courtesy finds the row it left "sending", marks it
// uncertain and sends nothing until the person says whether it went.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../core';
import { startTestSmtp, type TestSmtp } from '../../testing/smtp';
import { bundleChild, MIGRATIONS, tmpDir } from './harness';


let smtp: TestSmtp | undefined;
let core: Core | undefined;
afterEach(async () => {
  core?.close();
  await smtp?.stop().catch(() => {});
});

describe('SIGKILL between sending and recording', { timeout: 120_000 }, () => {
  it('leaves the note uncertain, never sends it again on its own', async () => {
    const bundle = await bundleChild('outbox-child.ts');
    smtp = await startTestSmtp();
    const dir = tmpDir('courtesy-outbox-kill-');
    const child = spawn(process.execPath, [bundle, dir, MIGRATIONS, String(smtp.port), smtp.user, smtp.password], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // The server has every byte of the message; the child is killed before the "250 OK" reaches it.
    smtp.beforeAccept = async () => {
      child.kill('SIGKILL');
      await exited;
    };
    expect(await exited).toBe('SIGKILL');
    expect(out).not.toContain('ERROR');
    expect(out).not.toContain('RECORDED');
    const [, noteId, messageId] = /QUEUED (\d+) (\S+)/.exec(out)!;
    expect(smtp.received).toHaveLength(1);
    expect((await PostalMime.parse(smtp.received[0].raw)).messageId).toBe(messageId);

    smtp.beforeAccept = null;
    core = await startCore({ dataDir: dir, migrationsFolder: MIGRATIONS, version: 'fault', dispatch: { log: () => {} } });
    const call = async (method: string, input: unknown) => {
      const env = await core!.call(method, input);
      if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
      return env.data as Record<string, unknown>;
    };
    expect(await call('outbox.get', { noteId: Number(noteId) })).toMatchObject({ state: 'uncertain', attempts: 1, messageId });
    expect(await call('notes.get', { id: Number(noteId) })).toMatchObject({ status: 'draft' });
    // With the password entered again (it was in the child's memory only), the worker still sends nothing.
    const account = (await call('mail.account', {})).account as Record<string, unknown>;
    await call('mail.saveAccount', { ...account, password: smtp.password });
    expect(await call('outbox.runNow', {})).toEqual({ attempted: 0 });
    expect(smtp.received).toHaveLength(1);
    // The person found it in Sent: the note is marked sent with the Message-ID it went with.
    expect(await call('outbox.resolve', { noteId: Number(noteId), went: true })).toMatchObject({ state: 'sent' });
    expect(core.ctx.sqlite.prepare('SELECT message_id FROM notes WHERE id = ?').pluck().get(Number(noteId))).toBe(messageId);
    expect(fs.existsSync(path.join(dir, 'courtesy.sqlite'))).toBe(true);
  });
});
