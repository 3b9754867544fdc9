// The scoring rounds' channels (issue 14): where each list stands, and closing its current round.
import type { Handlers } from '../contract';
import { closeRound, roundListView } from '../core/rounds/round-service';
import type { AppContext } from './context';

type RoundChannels = 'round:list' | 'round:close';

export function roundHandlers(ctx: AppContext): Pick<Handlers, RoundChannels> {
  return {
    'round:list': ({ campaignId }) => roundListView(ctx, campaignId),
    'round:close': ({ campaignId, listKey, roundNo, reason }) => {
      ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND
      return closeRound(ctx, { campaignId, listKey, roundNo, reason, actor: ctx.identity.status().name ?? 'local' });
    },
  };
}
