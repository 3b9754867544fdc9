// This installation's signing identity (Ed25519). The private key lives sealed in
// <data>/keys/identity.json: by the OS key store in the desktop app (a 32-byte secret the shell
// keeps with safeStorage), else by the user's passphrase (scrypt + AES-256-GCM). Once unlocked it
// stays in memory for this run only, like an ssh agent; nothing else ever holds it.
// The CLI and the browser shell cannot reach the OS key store (nor can the desktop app when the OS
// refuses to open what it sealed: electron/os-secret.ts), so on request an OS-sealed key gets a
// copy sealed by a passphrase, <data>/keys/identity.passphrase.json; without the OS secret, a
// passphrase unlocks that copy.
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import path from 'node:path';
import type { IdentityStatus } from '../../contract';
import { KepuError } from '../errors';
import { readSetting, writeSetting } from '../settings/setting-values';
import { fingerprintOf, identityFromPrivateKey } from './identity';
import { createKeyCard } from './key-card';
import { createIdentityInStore, FileKeyStore, type KeySecret } from './key-store';

export class IdentityService {
  private readonly store: FileKeyStore;
  private readonly passphraseCopy: FileKeyStore;
  private unlocked: KeyObject | null = null;

  constructor(
    dataDir: string,
    private readonly db: Database,
    /** Provided by the desktop shell: the OS-protected secret that seals the key file. */
    private readonly osSecret?: Buffer,
  ) {
    this.store = new FileKeyStore(path.join(dataDir, 'keys', 'identity.json'));
    this.passphraseCopy = new FileKeyStore(path.join(dataDir, 'keys', 'identity.passphrase.json'));
    if (osSecret && this.store.exists()) {
      try {
        this.unlocked = this.store.load({ kind: 'key', key: osSecret });
      } catch {
        // A key file sealed by a passphrase (made in the browser shell): unlock by hand.
      }
    }
  }

  status(): IdentityStatus {
    const exists = this.store.exists();
    const info = exists ? this.store.publicInfo() : null;
    return {
      exists,
      unlocked: this.unlocked !== null,
      protection: this.osSecret ? 'os' : 'passphrase',
      keyId: info?.keyId ?? null,
      fingerprint: info ? fingerprintOf(info.keyId) : null,
      name: this.setting('identity.name'),
      institution: this.setting('identity.institution'),
      role: this.role(),
      passphraseCopy: exists && this.passphraseCopy.exists(),
    };
  }

  /**
   * What this installation is used for, so the identity texts fit the person: campaigns of its own
   * make it a coordinator's; only campaigns opened from review packages, a judge's; neither, new.
   */
  private role(): IdentityStatus['role'] {
    const counts = this.db
      .prepare<[], { own: number; opened: number }>('SELECT (SELECT count(*) FROM campaigns WHERE id NOT IN (SELECT campaign_id FROM opened_packages)) AS own, (SELECT count(*) FROM opened_packages) AS opened')
      .get()!; // a SELECT without FROM yields exactly one row
    return counts.own > 0 ? 'coordinator' : counts.opened > 0 ? 'judge' : 'new';
  }

  create(name: string, institution: string | undefined, passphrase: string | undefined): IdentityStatus {
    const identity = createIdentityInStore(this.store, this.secret(passphrase));
    this.unlocked = identity.privateKey;
    this.setSetting('identity.name', name);
    this.setSetting('identity.institution', institution ?? '');
    return this.status();
  }

  unlock(passphrase: string | undefined): IdentityStatus {
    const secret = this.secret(passphrase);
    // Here without the OS secret, a key the OS sealed opens from its passphrase copy (if one was made).
    const store = secret.kind === 'passphrase' && this.passphraseCopy.exists() && this.store.sealedByKey() ? this.passphraseCopy : this.store;
    this.unlocked = store.load(secret);
    // A key file sealed before scrypt's cost was raised: re-seal the same key with today's
    // parameters now that the passphrase is known (atomic; the key and its card do not change).
    // If that write fails (a full disk), the old file still opens: the unlock stands.
    if (secret.kind === 'passphrase' && store.sealedWithOlderParameters()) {
      try {
        store.save(this.unlocked, secret);
      } catch {
        // See above.
      }
    }
    return this.status();
  }

  /**
   * Seals a copy of the unlocked key with `passphrase`, for the shells that cannot reach the OS key
   * store. Only for a key the OS sealed (a passphrase-sealed key is one already); replaces an earlier copy.
   */
  sealWithPassphrase(passphrase: string): IdentityStatus {
    const key = this.privateKey(); // KEY_NOT_FOUND, KEY_LOCKED
    if (!this.store.sealedByKey()) throw new KepuError('KEY_ALREADY_PASSPHRASE', 'identity: the key file is already sealed by a passphrase');
    this.passphraseCopy.save(key, { kind: 'passphrase', passphrase });
    return this.status();
  }

  lock(): IdentityStatus {
    this.unlocked = null;
    return this.status();
  }

  privateKey(): KeyObject {
    if (!this.store.exists()) throw new KepuError('KEY_NOT_FOUND', 'identity: this installation has no signing key yet', { file: this.store.file });
    if (!this.unlocked) throw new KepuError('KEY_LOCKED', 'identity: the signing key is locked');
    return this.unlocked;
  }

  keyCard(): Buffer {
    const name = this.setting('identity.name') ?? '';
    return createKeyCard(this.privateKey(), { name: name || 'Kepu Review', institution: this.setting('identity.institution') || null });
  }

  keyId(): string {
    return identityFromPrivateKey(this.privateKey()).keyId;
  }

  private secret(passphrase: string | undefined): KeySecret {
    if (this.osSecret) return { kind: 'key', key: this.osSecret };
    if (!passphrase) throw new KepuError('KEY_PASSPHRASE_WRONG', 'identity: a passphrase is needed');
    return { kind: 'passphrase', passphrase };
  }

  private setting(key: string): string | null {
    return readSetting(this.db, key) || null;
  }

  private setSetting(key: string, value: string): void {
    writeSetting(this.db, key, value);
  }
}
