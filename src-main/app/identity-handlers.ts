// The signing key on this machine: its status, creating, unlocking, sealing and locking it, its key
// card. A group of the handler table of its own (handler-table.ts), apart from the exchange
// handlers: `kepu identity show` and the settings page do not load the package and bundle modules.
import type { Handlers } from '../contract';
import type { AppContext } from './context';
import { saveExport } from './export-file';

type IdentityChannels = 'identity:status' | 'identity:create' | 'identity:unlock' | 'identity:lock' | 'identity:sealWithPassphrase' | 'identity:keycard';

export function identityHandlers(ctx: AppContext): Pick<Handlers, IdentityChannels> {
  return {
    'identity:status': () => ctx.identity.status(),
    'identity:create': ({ name, institution, passphrase }) => ctx.identity.create(name, institution, passphrase),
    'identity:unlock': ({ passphrase }) => ctx.identity.unlock(passphrase),
    'identity:sealWithPassphrase': ({ passphrase }) => ctx.identity.sealWithPassphrase(passphrase),
    'identity:lock': () => ctx.identity.lock(),
    'identity:keycard': () => {
      const status = ctx.identity.status();
      const bytes = ctx.identity.keyCard();
      const safeName = (status.name ?? 'judge').replace(/[\\/:*?"<>|\s]+/g, '_');
      return saveExport(ctx, `${safeName}-${status.fingerprint?.slice(0, 9) ?? 'key'}.kepukey`, bytes, 'application/json');
    },
  };
}
