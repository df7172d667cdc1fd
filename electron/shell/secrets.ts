// The desktop app's password keeper: Electron's safeStorage encrypts with a key the OS keychain holds
// (Keychain on macOS, DPAPI on Windows, the Secret Service / kwallet on Linux), and the blob is kept in
// a file in the data folder, beside the database but never in it. Where safeStorage has no real
// keychain (Linux without a Secret Service, where it would fall back to a fixed key), the password is
// kept in memory for the session instead, as in browser mode, rather than written weakly protected.
import { safeStorage } from 'electron';
import { encryptedFileSecretStore, memorySecretStore, type SecretStore } from '../domains/mail/secrets';

export function keychainSecretStore(dataDir: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return memorySecretStore();
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'keychain';
  if (backend === 'basic_text' || backend === 'unknown') return memorySecretStore();
  return encryptedFileSecretStore(
    dataDir,
    { encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (blob) => safeStorage.decryptString(blob) },
    'encrypted with the operating system’s keychain (Electron safeStorage), in a file beside the database',
  );
}
