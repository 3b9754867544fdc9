// kepu identity create --name N [--institution I] [--passphrase-env VAR]
// kepu identity show
// This installation's signing identity on the command line, so the whole certificate path
// (identity → publish → certificates) runs from a script for batch work. The passphrase comes from
// the environment variable --passphrase-env names (default KEPU_PASSPHRASE): a passphrase on the
// command line would end up in shell history and `ps`.
import type { i18n } from 'i18next';
import type { IdentityStatus } from '../../contract';
import { parseCommand, UsageError } from '../args';
import { passphraseFromEnv } from '../passphrase';
import { openRuntime } from '../runtime';

type T = i18n['t'];

export async function runIdentity(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'create') return create(rest, t);
  if (sub === 'show') return show(rest, t);
  throw new UsageError(t('cli.identity.usage'));
}

function describe(status: IdentityStatus, t: T): string {
  if (!status.exists) return t('cli.identity.none');
  const lines = [
    t('cli.identity.name', { value: status.name ?? '' }),
    ...(status.institution ? [t('cli.identity.institution', { value: status.institution })] : []),
    t('cli.identity.fingerprint', { value: status.fingerprint ?? '' }),
    t(status.unlocked ? 'cli.identity.unlocked' : 'cli.identity.locked'),
  ];
  return lines.join('\n');
}

async function create(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, { name: { type: 'string' }, institution: { type: 'string' }, 'passphrase-env': { type: 'string' } });
  if (!values.name) throw new UsageError(t('cli.identity.usage'));
  const passphrase = passphraseFromEnv(values['passphrase-env'], t);
  // Without the OS key store (the CLI has none) the key file needs a passphrase.
  if (passphrase === undefined) throw new UsageError(t('cli.identity.passphraseNeeded'));
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const status = await rt.call('identity:create', { name: values.name as string, institution: values.institution as string | undefined, passphrase });
    process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : `${describe(status, t)}\n`);
    return 0;
  } finally {
    rt.close();
  }
}

async function show(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, {});
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const status = await rt.call('identity:status', {});
    process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : `${describe(status, t)}\n`);
    return status.exists ? 0 : 1;
  } finally {
    rt.close();
  }
}
