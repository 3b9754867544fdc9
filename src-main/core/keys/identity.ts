// Ed25519 identities (node:crypto only). Policy:
// - keyId = lower-case hex SHA-256 of the raw 32-byte public key: stable, format-independent, and
//   what every signed file names its signer by.
// - The fingerprint is the same digest in RFC 4648 base32 (A–Z, 2–7: no 0/1/8/9 to confuse with
//   O/I/B/g), first 20 characters = 100 bits, in groups of 4 ("K7QX-3MPA-…"), short enough for a
//   judge to read to the coordinator over the phone.
// - Public keys travel as raw base64 (in our JSON formats) or SPKI PEM (what openssl reads).
import crypto, { type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { KepuError } from '../errors';

/** Schemas for key material inside our JSON formats. */
export const KeyId = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256 of the raw public key');
export const Fingerprint = z.string().regex(/^[A-Z2-7]{4}(?:-[A-Z2-7]{4}){4}$/, 'five groups of four base32 characters');
/** Base64 of the raw 32-byte Ed25519 public key. */
export const PublicKeyBase64 = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of 32 bytes');

export interface Identity {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  fingerprint: string;
}

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw key follows. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function generateIdentity(): Identity {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  return identityFromPrivateKey(privateKey);
}

export function identityFromPrivateKey(privateKey: KeyObject): Identity {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new KepuError('KEY_PUBLIC_INVALID', 'identity: not an Ed25519 private key', { reason: 'not an Ed25519 private key' });
  }
  const publicKey = crypto.createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  return { privateKey, publicKey, keyId, fingerprint: fingerprintOf(keyId) };
}

export function rawPublicKey(publicKey: KeyObject): Buffer {
  if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519') {
    throw new KepuError('KEY_PUBLIC_INVALID', 'identity: not an Ed25519 public key', { reason: 'not an Ed25519 public key' });
  }
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(SPKI_PREFIX.length));
}

export function keyIdOf(publicKey: KeyObject | Buffer): string {
  const raw = Buffer.isBuffer(publicKey) ? publicKey : rawPublicKey(publicKey);
  return crypto.createHash('sha256').update(raw).digest('hex');
}

/** "K7QX-3MPA-…" (5 groups of 4) from a keyId (hex SHA-256 of the raw public key). */
export function fingerprintOf(keyId: string): string {
  if (!/^[0-9a-f]{64}$/.test(keyId)) throw new Error(`identity: "${keyId}" is not a key id`);
  return base32(Buffer.from(keyId, 'hex')).slice(0, 20).match(/.{4}/g)!.join('-');
}

export function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw invalid(`an Ed25519 public key has 32 bytes, not ${raw.length}`);
  try {
    return crypto.createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch (error) {
    throw invalid((error as Error).message);
  }
}

export function publicKeyToBase64(publicKey: KeyObject): string {
  return rawPublicKey(publicKey).toString('base64');
}

export function publicKeyFromBase64(text: string): KeyObject {
  const raw = Buffer.from(text, 'base64');
  if (raw.toString('base64') !== text) throw invalid('not standard base64');
  return publicKeyFromRaw(raw);
}

export function publicKeyToPem(publicKey: KeyObject): string {
  rawPublicKey(publicKey);
  return publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

export function publicKeyFromPem(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = crypto.createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw invalid(`not a PEM public key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw invalid(`expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

function invalid(reason: string): KepuError {
  return new KepuError('KEY_PUBLIC_INVALID', `identity: ${reason}`, { reason });
}
