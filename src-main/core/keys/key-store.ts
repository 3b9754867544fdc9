// Where an installation keeps its Ed25519 private key. Policy:
// - A KeyStore is unlocked by a KeySecret. The file store understands two kinds: a passphrase the
//   user types (stretched with scrypt N=2^17, r=8, p=1, OWASP's recommendation: 128 MiB and a few
//   tenths of a second per attempt; each file records its own N, r, p, so files sealed with the
//   earlier N=2^15 still open, and are re-sealed with today's parameters once unlocked) or 32
//   bytes of key material held elsewhere (the Electron shell keeps a random key in the OS key
//   store via safeStorage and passes it as { kind: 'key' }; stretched with HKDF-SHA256). Either way
//   the file format is the same, so one reader serves every shell.
// - The PKCS#8 DER private key is sealed with AES-256-GCM under a fresh random salt and IV; the
//   header (version, KDF, public key, key id) is the AEAD's associated data, so it cannot be
//   swapped. A check value (SHA-256 of a second derived key) tells a wrong secret
//   (KEY_PASSPHRASE_WRONG) from a damaged file (KEY_FILE_INVALID).
// - Written atomically (temp file in the same folder, fsync, rename) with mode 0600: a crash
//   never leaves half a key file, and other local users cannot read it.
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { assertNever } from '../../contract/errors';
import { canonicalJson } from '../files/canonical-json';
import { KepuError } from '../errors';
import { writeFileAtomic } from '../files/atomic-write';
import { nowIso } from '../time';
import { generateIdentity, identityFromPrivateKey, publicKeyFromBase64, publicKeyToBase64, type Identity } from './identity';

export type KeySecret =
  /** Typed by the user; normalised to NFC so the same characters always unlock. */
  | { kind: 'passphrase'; passphrase: string }
  /** Exactly 32 random bytes kept by something else (e.g. the OS key store). */
  | { kind: 'key'; key: Buffer };

export interface KeyStore {
  exists(): boolean;
  /** The private key; KEY_NOT_FOUND, KEY_PASSPHRASE_WRONG or KEY_FILE_INVALID otherwise. */
  load(secret: KeySecret): KeyObject;
  /** Seals and stores `privateKey`, replacing what was there (e.g. to change the passphrase). */
  save(privateKey: KeyObject, secret: KeySecret): void;
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** Upper bounds accepted when reading a file, so a crafted file cannot demand more than 1 GiB (scryptMemory). */
const MAX_SCRYPT: ScryptParams = { N: 2 ** 20, r: 8, p: 4 };

const b64 = (bytes: number) => z.string().refine((s) => Buffer.from(s, 'base64').length === bytes && Buffer.from(s, 'base64').toString('base64') === s, `base64 of ${bytes} bytes`);

export const KeyFileKdf = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('scrypt'), N: z.number().int().min(2), r: z.number().int().min(1), p: z.number().int().min(1) }),
  z.strictObject({ name: z.literal('hkdf-sha256') }),
]);
export type KeyFileKdf = z.infer<typeof KeyFileKdf>;

export const KeyFile = z.strictObject({
  v: z.literal(1),
  kdf: KeyFileKdf,
  salt: b64(16),
  iv: b64(12),
  tag: b64(16),
  check: b64(32),
  ciphertext: z.string().min(1),
  publicKey: b64(32),
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
});
export type KeyFile = z.infer<typeof KeyFile>;

export class FileKeyStore implements KeyStore {
  constructor(
    readonly file: string,
    private readonly scrypt: ScryptParams = DEFAULT_SCRYPT,
  ) {}

  exists(): boolean {
    return fs.existsSync(this.file);
  }

  /** True when the file is sealed by key material held elsewhere (the OS key store), not a passphrase. */
  sealedByKey(): boolean {
    return this.read().kdf.name === 'hkdf-sha256';
  }

  /** True when the file is sealed by a passphrase with weaker scrypt parameters than this store writes. */
  sealedWithOlderParameters(): boolean {
    const { kdf } = this.read();
    return kdf.name === 'scrypt' && (kdf.N < this.scrypt.N || kdf.r < this.scrypt.r || kdf.p < this.scrypt.p);
  }

  /** Public half, readable without the secret (to show the fingerprint before unlocking). */
  publicInfo(): { publicKey: KeyObject; keyId: string } {
    const header = this.read();
    return { publicKey: publicKeyFromBase64(header.publicKey), keyId: header.keyId };
  }

  load(secret: KeySecret): KeyObject {
    const file = this.read();
    if (file.kdf.name === 'scrypt' && (file.kdf.N > MAX_SCRYPT.N || file.kdf.r > MAX_SCRYPT.r || file.kdf.p > MAX_SCRYPT.p || (file.kdf.N & (file.kdf.N - 1)) !== 0)) {
      throw this.invalid('scrypt parameters out of range');
    }
    const keys = deriveKeys(secret, file.kdf, Buffer.from(file.salt, 'base64'));
    if (!crypto.timingSafeEqual(keys.check, Buffer.from(file.check, 'base64'))) {
      throw new KepuError('KEY_PASSPHRASE_WRONG', `key-store: the ${secret.kind === 'passphrase' ? 'passphrase' : 'key'} does not open ${this.file}`);
    }
    let der: Buffer;
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', keys.aes, Buffer.from(file.iv, 'base64'));
      decipher.setAAD(associatedData(file));
      decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
      der = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64')), decipher.final()]);
    } catch {
      throw this.invalid('the sealed key is damaged (authentication failed)');
    }
    let identity: Identity;
    try {
      identity = identityFromPrivateKey(crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
    } catch {
      throw this.invalid('the sealed key is not an Ed25519 private key');
    }
    if (identity.keyId !== file.keyId || publicKeyToBase64(identity.publicKey) !== file.publicKey) throw this.invalid('the public key does not belong to the private key');
    return identity.privateKey;
  }

  save(privateKey: KeyObject, secret: KeySecret): void {
    const identity = identityFromPrivateKey(privateKey);
    const kdf: KeyFileKdf = secret.kind === 'passphrase' ? { name: 'scrypt', ...this.scrypt } : { name: 'hkdf-sha256' };
    const salt = crypto.randomBytes(16);
    const iv = crypto.randomBytes(12);
    const keys = deriveKeys(secret, kdf, salt);
    const header = { v: 1 as const, kdf, publicKey: publicKeyToBase64(identity.publicKey), keyId: identity.keyId };
    const cipher = crypto.createCipheriv('aes-256-gcm', keys.aes, iv);
    cipher.setAAD(associatedData(header));
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const ciphertext = Buffer.concat([cipher.update(der), cipher.final()]);
    const body: KeyFile = {
      ...header,
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      check: keys.check.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      createdAt: nowIso(),
    };
    writeFileAtomic(this.file, Buffer.from(JSON.stringify(body, null, 2) + '\n', 'utf8'));
  }

  private read(): KeyFile {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new KepuError('KEY_NOT_FOUND', `key-store: no key file at ${this.file}`, { file: this.file });
      }
      throw this.invalid((error as Error).message);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw this.invalid('not JSON');
    }
    const parsed = KeyFile.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.invalid(`${issue.path.join('.') || 'file'}: ${issue.message}`);
    }
    return parsed.data;
  }

  private invalid(reason: string): KepuError {
    return new KepuError('KEY_FILE_INVALID', `key-store: ${this.file}: ${reason}`, { file: this.file, reason });
  }
}

/** A new identity, sealed in `store`; refuses to replace an existing key (KEY_EXISTS). */
export function createIdentityInStore(store: KeyStore, secret: KeySecret): Identity {
  if (store.exists()) throw new KepuError('KEY_EXISTS', 'key-store: this installation already has a key; it is never replaced silently', { file: store instanceof FileKeyStore ? store.file : '' });
  const identity = generateIdentity();
  store.save(identity.privateKey, secret);
  return identity;
}

function deriveKeys(secret: KeySecret, kdf: KeyFileKdf, salt: Buffer): { aes: Buffer; check: Buffer } {
  let okm: Buffer;
  switch (secret.kind) {
    case 'passphrase': {
      if (kdf.name !== 'scrypt') throw new KepuError('KEY_PASSPHRASE_WRONG', 'key-store: this key file is not protected by a passphrase');
      const { N, r, p } = kdf;
      okm = crypto.scryptSync(secret.passphrase.normalize('NFC'), salt, 64, { N, r, p, maxmem: scryptMemory({ N, r, p }) });
      break;
    }
    case 'key': {
      if (kdf.name !== 'hkdf-sha256') throw new KepuError('KEY_PASSPHRASE_WRONG', 'key-store: this key file is protected by a passphrase');
      if (secret.key.length !== 32) throw new Error('key-store: key material must be 32 bytes');
      okm = Buffer.from(crypto.hkdfSync('sha256', secret.key, salt, 'kepu.keyfile.v1', 64));
      break;
    }
    default:
      return assertNever(secret, 'key secret');
  }
  return { aes: okm.subarray(0, 32), check: crypto.createHash('sha256').update(okm.subarray(32)).digest() };
}

/**
 * The memory scrypt needs (OpenSSL's check: 128·r·(N+2) bytes for V plus 128·r·p for B), with
 * 1 MiB to spare. Node refuses anything above `maxmem` (default 32 MiB, too little for N=2^17),
 * so it is set explicitly from the parameters; MAX_SCRYPT bounds it for files we read.
 */
export function scryptMemory({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + 2) + 128 * r * p + (1 << 20);
}

function associatedData(header: Pick<KeyFile, 'v' | 'kdf' | 'publicKey' | 'keyId'>): Buffer {
  return Buffer.from(canonicalJson({ v: header.v, kdf: header.kdf, publicKey: header.publicKey, keyId: header.keyId }), 'utf8');
}

/** Kept for callers that seal other secrets next to the key (see core/files/atomic-write.ts). */
export { writeFileAtomic };
