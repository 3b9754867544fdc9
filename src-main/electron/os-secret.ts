// The desktop app seals the signing key with the OS key store (Keychain, DPAPI, libsecret/KWallet)
// through safeStorage: a random 32-byte secret is kept encrypted by the OS next to the key file, so
// the judge never types a passphrase. Where the OS offers no real key store, the passphrase file is
// used: safeStorage unavailable, or on Linux the "basic_text" backend (no keyring running, e.g. a
// bare window manager), which encrypts with a fixed, publicly known key and so protects nothing.
// The OS can also refuse to open what it sealed: decryptString throws after a Windows credential
// change (DPAPI's master key is gone) or when a macOS Keychain prompt is refused. The app then
// starts without the OS secret, as with a passphrase: the data and campaigns stay usable and the key
// reads as locked, instead of the app refusing to start. The sealed file is kept as it is, so a
// refused Keychain prompt that is allowed next time opens the key again.
import { safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/keys/key-store';

/** Linux backends that do not really protect anything; 'unknown' means asked before 'ready'. */
const UNPROTECTED_BACKENDS = new Set(['basic_text', 'unknown']);

/** The part of Electron's safeStorage used here; tests pass a stand-in. */
export type OsKeyStore = Pick<typeof safeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'decryptString' | 'encryptString'>;

export function osKeyStoreUsable(platform: NodeJS.Platform = process.platform, store: OsKeyStore = safeStorage): boolean {
  if (!store.isEncryptionAvailable()) return false;
  if (platform === 'linux' && UNPROTECTED_BACKENDS.has(store.getSelectedStorageBackend())) return false;
  return true;
}

export function osSecret(dataDir: string, platform: NodeJS.Platform = process.platform, store: OsKeyStore = safeStorage): Buffer | undefined {
  if (!osKeyStoreUsable(platform, store)) return undefined;
  const file = path.join(dataDir, 'keys', 'os-secret.bin');
  if (fs.existsSync(file)) {
    try {
      const hex = store.decryptString(fs.readFileSync(file));
      if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
      console.warn('kepu: the OS key store returned something that is not the sealed secret; starting without it');
    } catch (error) {
      console.warn(`kepu: the OS key store could not open the sealed secret (${(error as Error).message}); starting without it`);
    }
    return undefined;
  }
  const secret = randomBytes(32);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, store.encryptString(secret.toString('hex')));
  return secret;
}
