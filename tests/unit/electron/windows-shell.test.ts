// The desktop shell as Windows and macOS meet it, where no Electron binary runs: the IPC sender
// check never compares file:// drive-letter spellings, and an OS key store that cannot open what it
// sealed (a Windows credential change, a refused macOS Keychain prompt) does not stop the app.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../temp-dirs';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: () => {} }, safeStorage: {} }));

const { isAppUrl } = await import('../../../src-main/electron/schemes');
const { osSecret } = await import('../../../src-main/electron/os-secret');

/** A stand-in for safeStorage: "encrypts" by reversing bytes; decryptString can be made to throw. */
function keyStore(options: { decryptThrows?: boolean } = {}) {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret' as const,
    encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
    decryptString: (bytes: Buffer) => {
      if (options.decryptThrows) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(bytes).reverse().toString('utf8');
    },
  };
}

describe('the IPC sender check', () => {
  it('trusts our own page however Chromium or Node spell its host, and never a file:// page', () => {
    expect(isAppUrl('kepu-app://app/index.html')).toBe(true);
    expect(isAppUrl('kepu-app://APP/index.html#/campaign')).toBe(true);
    expect(isAppUrl('KEPU-APP://app/index.html')).toBe(true);
    // A file:// page is not ours in any spelling: the check does not depend on the drive letter's case.
    expect(isAppUrl('file:///c:/Program%20Files/Kepu/resources/app.asar/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('file:///C:/Program%20Files/Kepu/resources/app.asar/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('kepu-app://app.evil/index.html')).toBe(false);
    expect(isAppUrl('kepu-app://user@app/index.html')).toBe(false);
    expect(isAppUrl('kepu-app://app:8080/index.html')).toBe(false);
    expect(isAppUrl('https://app/index.html')).toBe(false);
  });
});

describe('the OS key store', () => {
  it('seals a new secret and opens it again', () => {
    const dir = tempDir();
    const secret = osSecret(dir, 'win32', keyStore());
    expect(secret).toHaveLength(32);
    expect(osSecret(dir, 'win32', keyStore())?.equals(secret!)).toBe(true);
  });

  it('starts without the OS secret when decryptString throws, and keeps the sealed file for a later try', () => {
    const dir = tempDir();
    const secret = osSecret(dir, 'darwin', keyStore())!;
    const file = path.join(dir, 'keys', 'os-secret.bin');
    const sealed = fs.readFileSync(file);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(osSecret(dir, 'darwin', keyStore({ decryptThrows: true }))).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(fs.readFileSync(file).equals(sealed)).toBe(true);
    expect(osSecret(dir, 'darwin', keyStore())?.equals(secret)).toBe(true); // the prompt allowed next time
  });
});
