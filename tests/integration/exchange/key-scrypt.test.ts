// The passphrase key file's scrypt cost (issue 11, item 13): new files are sealed with N = 2^17
// (OWASP), which needs Node's maxmem raised explicitly; files sealed earlier with N = 2^15 still
// open with the parameters they record, and are re-sealed with today's parameters once unlocked.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IdentityStatus } from '../../../src-main/contract';
import { identityFromPrivateKey } from '../../../src-main/core/keys/identity';
import { createIdentityInStore, DEFAULT_SCRYPT, FileKeyStore, type KeySecret, scryptMemory } from '../../../src-main/core/keys/key-store';
import { ok, openTestApp, tempDir } from '../../helpers';

const secret: KeySecret = { kind: 'passphrase', passphrase: '白日依山尽 long passphrase' };
const OLD = { N: 2 ** 15, r: 8, p: 1 };
const kdfOf = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')).kdf;

describe('scrypt parameters of the key file', () => {
  it('records N = 131072 (r 8, p 1) in a file written today, which opens again', () => {
    const store = new FileKeyStore(path.join(tempDir(), 'identity.json'));
    const identity = createIdentityInStore(store, secret);
    expect(kdfOf(store.file)).toEqual({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(identityFromPrivateKey(store.load(secret)).keyId).toBe(identity.keyId);
    expect(store.sealedWithOlderParameters()).toBe(false);
  });

  it('sets maxmem from the parameters: Node’s default (32 MiB) refuses N = 2^17', () => {
    const salt = crypto.randomBytes(16);
    expect(() => crypto.scryptSync('x', salt, 64, DEFAULT_SCRYPT)).toThrow(/memory/i);
    expect(scryptMemory(DEFAULT_SCRYPT)).toBeGreaterThanOrEqual(128 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r);
    expect(() => crypto.scryptSync('x', salt, 64, { ...DEFAULT_SCRYPT, maxmem: scryptMemory(DEFAULT_SCRYPT) })).not.toThrow();
  });

  it('still opens a file sealed with the old N = 2^15', () => {
    const file = path.join(tempDir(), 'identity.json');
    const identity = createIdentityInStore(new FileKeyStore(file, OLD), secret);
    expect(kdfOf(file)).toEqual({ name: 'scrypt', N: 32768, r: 8, p: 1 });
    const today = new FileKeyStore(file);
    expect(today.sealedWithOlderParameters()).toBe(true);
    expect(identityFromPrivateKey(today.load(secret)).keyId).toBe(identity.keyId);
    expect(() => today.load({ kind: 'passphrase', passphrase: 'wrong passphrase' })).toThrow(expect.objectContaining({ code: 'KEY_PASSPHRASE_WRONG' }));
  });

  it('re-seals an old file with N = 2^17 when the app unlocks it; the key stays the same', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'keys', 'identity.json');
    const identity = createIdentityInStore(new FileKeyStore(file, OLD), secret);
    const { ctx, dispatch } = openTestApp(dataDir);
    const status = await ok<IdentityStatus>(dispatch('identity:unlock', { passphrase: secret.kind === 'passphrase' ? secret.passphrase : '' }));
    expect(status).toMatchObject({ unlocked: true, keyId: identity.keyId });
    expect(kdfOf(file)).toEqual({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(identityFromPrivateKey(new FileKeyStore(file).load(secret)).keyId).toBe(identity.keyId);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['identity.json']);
    ctx.close();
  });
});
