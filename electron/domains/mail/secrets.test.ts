// The password keepers: the encrypted file never holds the plain text, sits outside the database, and
// a blob that no longer decrypts reads as "no password" (asked for again) rather than an error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptedFileSecretStore, memorySecretStore, SECRET_FILE_NAME } from './secrets';

// Stands in for Electron's safeStorage (not available outside Electron): a reversible transform that
// changes every byte, so a plain-text leak into the file would show.
const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
const cipher = { encrypt: (p: string) => xor(Buffer.from(p, 'utf8')), decrypt: (b: Buffer) => xor(b).toString('utf8') };

describe('secret stores', () => {
  it('keeps an encrypted blob in the data folder, replaced whole, and forgets it on clear', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-secret-'));
    const store = encryptedFileSecretStore(dir, cipher, 'test');
    expect(await store.getPassword()).toBeNull();
    await store.setPassword('hunter2-app-pass');
    const file = path.join(dir, SECRET_FILE_NAME);
    expect(fs.readFileSync(file).includes('hunter2')).toBe(false);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(await store.getPassword()).toBe('hunter2-app-pass');
    await store.setPassword('second');
    expect(fs.readdirSync(dir)).toEqual([SECRET_FILE_NAME]);
    expect(await encryptedFileSecretStore(dir, cipher, 'test').getPassword()).toBe('second');
    const broken = encryptedFileSecretStore(dir, { ...cipher, decrypt: () => { throw new Error('keychain reset'); } }, 'test');
    expect(await broken.getPassword()).toBeNull();
    await store.clearPassword();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('browser mode keeps it in memory only', async () => {
    const store = memorySecretStore();
    await store.setPassword('p');
    expect(await store.getPassword()).toBe('p');
    expect(await memorySecretStore().getPassword()).toBeNull();
  });
});
