// Per-entry decisions (issue 14): the list (every entry with a decision, or one entry's state even
// without any) and taking one. Taking a decision moves the live ranking, so after a published
// result it needs the coordinator's agreement first (RESULT_PUBLISHED), like any other input; the
// actor is the coordinator's identity name, as other audit rows record it.
import type { Handlers } from '../contract';
import { entryDecisionState, listDecisionStates, recordDecision } from '../core/decisions/decision-service';
import type { AppContext } from './context';

type DecisionChannels = 'decision:list' | 'decision:set';

export function decisionHandlers(ctx: AppContext): Pick<Handlers, DecisionChannels> {
  return {
    'decision:list': ({ campaignId, entryId }) => {
      ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND
      return entryId === undefined ? listDecisionStates(ctx.db, campaignId) : [entryDecisionState(ctx.db, campaignId, entryId)];
    },
    'decision:set': ({ campaignId, entryId, kind, reason }) => {
      ctx.campaigns.summary(campaignId);
      ctx.publishedChanges.assertMayChange(campaignId, 'decisions');
      return recordDecision(ctx.db, { campaignId, entryId, kind, reason, actor: ctx.identity.status().name ?? 'local' });
    },
  };
}
