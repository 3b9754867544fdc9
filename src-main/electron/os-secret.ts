// The desktop app seals the signing key with the OS key store (Keychain, DPAPI, libsecret/KWallet)
// through safeStorage: a random 32-byte secret is kept encrypted by the OS next to the key file, so
// the judge never types a passphrase. Where the OS offers no real key store, the passphrase file is
// used: safeStorage unavailable, or on Linux the "basic_text" backend (no keyring running, e.g. a
// bare window manager), which encrypts with a fixed, publicly known key and so protects nothing.
import { safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/keys/key-store';

/** Linux backends that do not really protect anything; 'unknown' means asked before 'ready'. */
const UNPROTECTED_BACKENDS = new Set(['basic_text', 'unknown']);

export function osKeyStoreUsable(platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform === 'linux' && UNPROTECTED_BACKENDS.has(safeStorage.getSelectedStorageBackend())) return false;
  return true;
}

export function osSecret(dataDir: string, platform: NodeJS.Platform = process.platform): Buffer | undefined {
  if (!osKeyStoreUsable(platform)) return undefined;
  const file = path.join(dataDir, 'keys', 'os-secret.bin');
  if (fs.existsSync(file)) return Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'hex');
  const secret = randomBytes(32);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, safeStorage.encryptString(secret.toString('hex')));
  return secret;
}
