import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KepuError } from '../../../src-main/core/errors';
import { encodeEnvelope, parseEnvelope, signEnvelope } from '../../../src-main/core/exchange/dsse';
import { generateIdentity, identityFromPrivateKey, keyIdOf } from '../../../src-main/core/keys/identity';
import { createKeyCard, KEYCARD_PAYLOAD_TYPE, readKeyCard } from '../../../src-main/core/keys/key-card';
import { createIdentityInStore, FileKeyStore, type KeySecret } from '../../../src-main/core/keys/key-store';
import { tempDir } from '../../helpers';

const passphrase: KeySecret = { kind: 'passphrase', passphrase: '春眠不觉晓 correct horse' };

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof KepuError) return error.code;
    throw error;
  }
  throw new Error('expected a KepuError');
}

describe('the passphrase key store', () => {
  it('seals a new identity in a 0600 file and unlocks the same key with the passphrase', () => {
    const store = new FileKeyStore(path.join(tempDir(), 'keys', 'identity.json'));
    expect(store.exists()).toBe(false);
    const identity = createIdentityInStore(store, passphrase);
    expect(store.exists()).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(store.file).mode & 0o777).toBe(0o600);
    const loaded = identityFromPrivateKey(store.load(passphrase));
    expect(loaded.keyId).toBe(identity.keyId);
    expect(store.publicInfo().keyId).toBe(identity.keyId);
    // No stray temp files next to it.
    expect(fs.readdirSync(path.dirname(store.file))).toEqual(['identity.json']);
  });

  it('writes the KDF parameters, salt and IV into the file and never the key in the clear', () => {
    const store = new FileKeyStore(path.join(tempDir(), 'identity.json'));
    const identity = createIdentityInStore(store, passphrase);
    const file = JSON.parse(fs.readFileSync(store.file, 'utf8'));
    expect(file).toMatchObject({ v: 1, kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 }, keyId: identity.keyId });
    const pkcs8 = identity.privateKey.export({ format: 'der', type: 'pkcs8' });
    expect(fs.readFileSync(store.file).includes(pkcs8.subarray(16))).toBe(false);
    expect(fs.readFileSync(store.file, 'utf8').includes(pkcs8.subarray(16).toString('base64'))).toBe(false);
  });

  it('uses a fresh salt and IV each time it saves the same key', () => {
    const store = new FileKeyStore(path.join(tempDir(), 'identity.json'));
    const { privateKey } = createIdentityInStore(store, passphrase);
    const first = JSON.parse(fs.readFileSync(store.file, 'utf8'));
    store.save(privateKey, passphrase);
    const second = JSON.parse(fs.readFileSync(store.file, 'utf8'));
    expect(second.salt).not.toBe(first.salt);
    expect(second.iv).not.toBe(first.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
  });

  it('says KEY_PASSPHRASE_WRONG for a wrong passphrase and KEY_NOT_FOUND before a key exists', () => {
    const store = new FileKeyStore(path.join(tempDir(), 'identity.json'));
    expect(codeOf(() => store.load(passphrase))).toBe('KEY_NOT_FOUND');
    createIdentityInStore(store, passphrase);
    expect(codeOf(() => store.load({ kind: 'passphrase', passphrase: 'wrong' }))).toBe('KEY_PASSPHRASE_WRONG');
    expect(codeOf(() => store.load({ kind: 'key', key: crypto.randomBytes(32) }))).toBe('KEY_PASSPHRASE_WRONG');
  });

  it('treats the same passphrase typed in another Unicode normal form as the same passphrase', () => {
    const store = new FileKeyStore(path.join(tempDir(), 'identity.json'));
    createIdentityInStore(store, { kind: 'passphrase', passphrase: 'Caf\u00e9' });
    expect(() => store.load({ kind: 'passphrase', passphrase: 'Cafe\u0301' })).not.toThrow();
  });

  it('says KEY_FILE_INVALID for a damaged file: not JSON, a missing field, a changed ciphertext or a swapped public key', () => {
    const store = new FileKeyStore(path.join(tempDir(), 'identity.json'));
    createIdentityInStore(store, passphrase);
    const original = JSON.parse(fs.readFileSync(store.file, 'utf8'));
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] ^= 1;
      return bytes.toString('base64');
    };
    const damaged = [
      '{"v":1,',
      JSON.stringify({ ...original, tag: undefined }),
      JSON.stringify({ ...original, ciphertext: flip(original.ciphertext) }),
      JSON.stringify({ ...original, iv: flip(original.iv) }),
      JSON.stringify({ ...original, publicKey: flip(original.publicKey) }),
      JSON.stringify({ ...original, kdf: { name: 'scrypt', N: 2 ** 30, r: 8, p: 1 } }),
    ];
    for (const text of damaged) {
      fs.writeFileSync(store.file, text);
      const error = (() => {
        try {
          store.load(passphrase);
        } catch (e) {
          return e as KepuError;
        }
        return null;
      })();
      expect(error?.code, text.slice(0, 40)).toBe('KEY_FILE_INVALID');
      expect(error?.params.file).toBe(store.file);
    }
  });

  it('seals with key material from elsewhere (as the OS key store provides) in the same file format', () => {
    const store = new FileKeyStore(path.join(tempDir(), 'identity.json'));
    const key: KeySecret = { kind: 'key', key: crypto.randomBytes(32) };
    const identity = createIdentityInStore(store, key);
    expect(JSON.parse(fs.readFileSync(store.file, 'utf8')).kdf).toEqual({ name: 'hkdf-sha256' });
    expect(identityFromPrivateKey(store.load(key)).keyId).toBe(identity.keyId);
    expect(codeOf(() => store.load(passphrase))).toBe('KEY_PASSPHRASE_WRONG');
  });

  it('never replaces an existing key when asked to create one', () => {
    const store = new FileKeyStore(path.join(tempDir(), 'identity.json'));
    const first = createIdentityInStore(store, passphrase);
    expect(codeOf(() => createIdentityInStore(store, passphrase))).toBe('KEY_EXISTS');
    expect(identityFromPrivateKey(store.load(passphrase)).keyId).toBe(first.keyId);
  });
});

describe('key cards', () => {
  it('carry name, institution, key and fingerprint, and verify under their own key', () => {
    const judge = generateIdentity();
    const bytes = createKeyCard(judge.privateKey, { name: ' 李明 ', institution: '四川大学华西医院' }, '2023-11-01T08:00:00.000Z');
    const { card, publicKey } = readKeyCard(bytes);
    expect(card).toEqual({
      v: 1,
      kind: 'kepu.keycard',
      name: '李明',
      institution: '四川大学华西医院',
      publicKey: expect.any(String),
      keyId: judge.keyId,
      fingerprint: judge.fingerprint,
      createdAt: '2023-11-01T08:00:00.000Z',
    });
    expect(keyIdOf(publicKey)).toBe(judge.keyId);
  });

  it('are refused with KEYCARD_INVALID when any single byte changes', () => {
    const bytes = createKeyCard(generateIdentity().privateKey, { name: 'Li Ming', institution: null });
    for (let i = 0; i < bytes.length; i++) {
      const tampered = Buffer.from(bytes);
      tampered[i] ^= 0x01;
      expect(codeOf(() => readKeyCard(tampered)), `byte ${i}`).toBe('KEYCARD_INVALID');
    }
  });

  it('are refused when the card names a key other than the one that signed it', () => {
    const holder = generateIdentity();
    const impostor = generateIdentity();
    const card = parseEnvelope(createKeyCard(holder.privateKey, { name: 'Li Ming', institution: null }));
    if (!card.ok) throw new Error('card');
    // The holder's card content, signed by someone else.
    const forged = encodeEnvelope(signEnvelope(KEYCARD_PAYLOAD_TYPE, card.payload, impostor.privateKey, holder.keyId));
    expect(() => readKeyCard(forged)).toThrow(/self-signature does not verify/);
  });

  it('are refused when the file holds something else, e.g. a result bundle', () => {
    const judge = generateIdentity();
    const other = encodeEnvelope(signEnvelope('application/vnd.kepu.bundle+json', Buffer.from('{}'), judge.privateKey, judge.keyId));
    expect(() => readKeyCard(other)).toThrow(/not a key card/);
  });
});
