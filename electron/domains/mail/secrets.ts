// The account password's keepers. Core receives one (CoreOptions.secrets); the desktop app passes the
// safeStorage one from electron/shell/secrets.ts, browser mode and tests the in-memory one. The password
// is never written to SQLite, so backups, exports and the data folder's database never hold it.
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../../shared/mail';

export type { SecretStore } from '../../shared/mail';

/** Browser mode: the password lives as long as the server process, and is asked for again after. */
export function memorySecretStore(): SecretStore {
  let password: string | null = null;
  return {
    where: 'memory only, until Courtesy quits',
    getPassword: async () => password,
    setPassword: async (p) => {
      password = p;
    },
    clearPassword: async () => {
      password = null;
    },
  };
}

/** Encrypts and decrypts a secret (Electron's safeStorage in the desktop app). */
export interface Cipher {
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
}

/** The file, in the data folder, that holds the encrypted password blob (never the plain text). */
export const SECRET_FILE_NAME = 'mail-password.bin';

/**
 * The password as an encrypted blob in a file beside the database (not inside it, so no backup or
 * export carries it). Written to a temporary file and renamed, so a crash leaves the old blob or the
 * new one. A blob that no longer decrypts (another user, a reset keychain) reads as no password.
 */
export function encryptedFileSecretStore(dataDir: string, cipher: Cipher, where: string): SecretStore {
  const file = path.join(dataDir, SECRET_FILE_NAME);
  return {
    where,
    getPassword: async () => {
      let blob: Buffer;
      try {
        blob = fs.readFileSync(file);
      } catch {
        return null;
      }
      try {
        return cipher.decrypt(blob);
      } catch {
        return null;
      }
    },
    setPassword: async (password) => {
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, cipher.encrypt(password), { mode: 0o600 });
      fs.renameSync(tmp, file);
    },
    clearPassword: async () => {
      fs.rmSync(file, { force: true });
    },
  };
}
