// The signing key's passphrase for commands that sign (identity create, rank --publish,
// certificates export, shortlist export): read from the environment variable --passphrase-env
// names, default KEPU_PASSPHRASE, never from the command line (shell history, `ps`).
import type { i18n } from 'i18next';
import { UsageError } from './args';
import type { CliRuntime } from './runtime';

/** The passphrase, if set; a usage error when --passphrase-env names a variable that is not set. */
export function passphraseFromEnv(option: unknown, t: i18n['t']): string | undefined {
  const name = typeof option === 'string' ? option : 'KEPU_PASSPHRASE';
  const value = process.env[name];
  if (typeof option === 'string' && value === undefined) throw new UsageError(t('cli.certificates.passphraseEnvMissing', { name }));
  return value;
}

/** Unlocks a locked key file with the passphrase when there is one (KEY_LOCKED follows otherwise, from the signer). */
export function unlockWith(rt: CliRuntime, passphrase: string | undefined): void {
  const status = rt.ctx.identity.status();
  if (status.exists && !status.unlocked && passphrase !== undefined) rt.ctx.identity.unlock(passphrase);
}
