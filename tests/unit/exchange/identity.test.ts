import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KepuError } from '../../../src-main/core/errors';
import {
  base32,
  fingerprintOf,
  generateIdentity,
  keyIdOf,
  publicKeyFromBase64,
  publicKeyFromPem,
  publicKeyFromRaw,
  publicKeyToBase64,
  publicKeyToPem,
  rawPublicKey,
} from '../../../src-main/core/keys/identity';

/** RFC 8032 §7.1 test 1 public key; keyId and fingerprint computed independently (Python hashlib/base64). */
const RFC_PUBLIC = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex');

describe('key ids and fingerprints', () => {
  it('are the SHA-256 of the raw public key, and its base32 in five groups of four', () => {
    const key = publicKeyFromRaw(RFC_PUBLIC);
    expect(keyIdOf(key)).toBe('21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9');
    expect(fingerprintOf(keyIdOf(key))).toBe('EH7D-DX5B-KSRG-CYTL-7BKA');
  });

  it('use the RFC 4648 base32 alphabet', () => {
    expect(base32(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32(Buffer.from('f'))).toBe('MY');
  });

  it('differ between two generated identities and always have the phone-readable shape', () => {
    const a = generateIdentity();
    const b = generateIdentity();
    expect(a.keyId).not.toBe(b.keyId);
    for (const id of [a, b]) expect(id.fingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
  });

  it('refuse a key id that is not 64 hex digits', () => {
    expect(() => fingerprintOf('abc')).toThrow(/not a key id/);
  });
});

describe('public key export and import', () => {
  it('round-trips as raw base64 and as SPKI PEM to the same key id', () => {
    const { publicKey, keyId } = generateIdentity();
    const b64 = publicKeyToBase64(publicKey);
    expect(Buffer.from(b64, 'base64')).toHaveLength(32);
    expect(keyIdOf(publicKeyFromBase64(b64))).toBe(keyId);
    const pem = publicKeyToPem(publicKey);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(keyIdOf(publicKeyFromPem(pem))).toBe(keyId);
    expect(rawPublicKey(publicKeyFromPem(pem))).toEqual(Buffer.from(b64, 'base64'));
  });

  it('refuses keys of the wrong length, of another algorithm, and text that is not a key, with KEY_PUBLIC_INVALID', () => {
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const attempts = [() => publicKeyFromBase64(Buffer.alloc(31).toString('base64')), () => publicKeyFromBase64('not base64!'), () => publicKeyFromPem(rsa), () => publicKeyFromPem('hello')];
    for (const attempt of attempts) {
      try {
        attempt();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(KepuError);
        expect((error as KepuError).code).toBe('KEY_PUBLIC_INVALID');
      }
    }
  });
});
