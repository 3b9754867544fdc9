// The desktop app seals the signing key with the OS key store (Keychain, DPAPI, libsecret) through
// safeStorage: a random 32-byte secret is kept encrypted by the OS next to the key file, so the
// judge never types a passphrase. Where the OS offers no key store, the passphrase file is used.
import { safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/keys/key-store';

export function osSecret(dataDir: string): Buffer | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  const file = path.join(dataDir, 'keys', 'os-secret.bin');
  if (fs.existsSync(file)) return Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'hex');
  const secret = randomBytes(32);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, safeStorage.encryptString(secret.toString('hex')));
  return secret;
}
