// Reach figures and public votes (issue 16): imported by registration number, shown per entry.
import type { Handlers } from '../contract';
import { importReachFigures, reachOfEntry } from '../core/intake/reach-figures';
import type { AppContext } from './context';

type ReachChannels = 'reach:import' | 'reach:entry';

export function reachHandlers(ctx: AppContext): Pick<Handlers, ReachChannels> {
  return {
    'reach:import': ({ campaignId, source }) => {
      ctx.campaigns.summary(campaignId);
      return importReachFigures(ctx.db, campaignId, { fileName: source.fileName, bytes: Buffer.from(source.contentBase64, 'base64') }, ctx.identity.status().name ?? 'local');
    },
    'reach:entry': ({ entryId }) => reachOfEntry(ctx.db, entryId),
  };
}
