// The formal check's channels (形式审查, issue 14): the entries with their suggestion and verdict,
// recording a verdict, and passing in one go the entries where nothing was found. A verdict moves
// the ranking (an entry is held until it passes), so after a result was published it needs the
// coordinator's agreement like every other change to what the result was made from.
import type { Handlers } from '../contract';
import { acceptSuggestedPasses, formalCheckView, recordFormalCheck } from '../core/rounds/formal-checks';
import type { AppContext } from './context';

type FormalCheckChannels = 'formalCheck:list' | 'formalCheck:set' | 'formalCheck:acceptSuggestions';

export function formalCheckHandlers(ctx: AppContext): Pick<Handlers, FormalCheckChannels> {
  const actor = () => ctx.identity.status().name ?? 'local';
  return {
    'formalCheck:list': ({ campaignId }) => formalCheckView(ctx, campaignId),
    'formalCheck:set': ({ campaignId, entryId, verdict, reason }) => {
      ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND
      ctx.publishedChanges.assertMayChange(campaignId, 'formal checks');
      return recordFormalCheck(ctx, { campaignId, entryId, verdict, reason, actor: actor() });
    },
    'formalCheck:acceptSuggestions': ({ campaignId }) => {
      ctx.campaigns.summary(campaignId);
      ctx.publishedChanges.assertMayChange(campaignId, 'formal checks');
      return acceptSuggestedPasses(ctx, campaignId, actor());
    },
  };
}
