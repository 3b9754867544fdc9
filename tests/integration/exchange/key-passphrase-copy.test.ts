// A key sealed by the OS key store (desktop app) is out of reach of the CLI and the browser shell,
// and of the desktop app itself when the OS refuses to open what it sealed. On request it gets a
// copy sealed by a passphrase; without the OS secret, that passphrase unlocks it. Real key files in
// a real data folder; the OS secret is 32 random bytes as the desktop shell passes them.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KepuError } from '../../../src-main/core/errors';
import { IdentityService } from '../../../src-main/core/keys/identity-service';
import { ok, openTestApp } from '../../helpers';

const apps: ReturnType<typeof openTestApp>[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.ctx.close();
});

function caught(run: () => unknown): KepuError {
  try {
    run();
  } catch (error) {
    if (error instanceof KepuError) return error;
    throw error;
  }
  throw new Error('expected a KepuError');
}

describe('a passphrase copy of an OS-sealed key', () => {
  it('lets the CLI and the browser shell unlock the same key; without it they cannot', () => {
    const app = openTestApp();
    apps.push(app);
    const osSecret = randomBytes(32);
    const desktop = new IdentityService(app.dataDir, app.ctx.db, osSecret);
    const created = desktop.create('张评委', undefined, undefined);
    expect(created).toMatchObject({ protection: 'os', unlocked: true, passphraseCopy: false });

    const cli = () => new IdentityService(app.dataDir, app.ctx.db); // no OS key store here
    expect(caught(() => cli().unlock('a good passphrase')).code).toBe('KEY_PASSPHRASE_WRONG');

    expect(desktop.sealWithPassphrase('a good passphrase')).toMatchObject({ passphraseCopy: true });
    expect(fs.existsSync(path.join(app.dataDir, 'keys', 'identity.passphrase.json'))).toBe(true);
    const unlocked = cli().unlock('a good passphrase');
    expect(unlocked).toMatchObject({ unlocked: true, protection: 'passphrase', keyId: created.keyId });
    expect(caught(() => cli().unlock('another passphrase')).code).toBe('KEY_PASSPHRASE_WRONG');
    // The desktop app still opens the OS-sealed file as before.
    expect(new IdentityService(app.dataDir, app.ctx.db, osSecret).status()).toMatchObject({ unlocked: true, keyId: created.keyId });
  });

  it('is refused for a key sealed by a passphrase already, and for a locked key', async () => {
    const app = openTestApp();
    apps.push(app);
    await ok(app.dispatch('identity:create', { name: '李评委', passphrase: 'judge passphrase' }));
    expect(await app.dispatch('identity:sealWithPassphrase', { passphrase: 'another passphrase' })).toMatchObject({ ok: false, error: { code: 'KEY_ALREADY_PASSPHRASE' } });
    await ok(app.dispatch('identity:lock', {}));
    expect(await app.dispatch('identity:sealWithPassphrase', { passphrase: 'another passphrase' })).toMatchObject({ ok: false, error: { code: 'KEY_LOCKED' } });
    expect(await app.dispatch('identity:sealWithPassphrase', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
