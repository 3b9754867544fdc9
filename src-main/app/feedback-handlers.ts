// Entrant feedback review (issue 19): reading one entry's comments for the entrant, choosing which
// are shared (with an edited copy), and holding an entry's feedback back. Feedback moves no score
// or rank, so no published-result question; the actor is the coordinator's identity name.
import type { Handlers } from '../contract';
import { chooseFeedback, entryFeedback, holdFeedback } from '../core/feedback/feedback-review';
import type { AppContext } from './context';

type FeedbackChannels = 'feedback:get' | 'feedback:choose' | 'feedback:hold';

export function feedbackHandlers(ctx: AppContext): Pick<Handlers, FeedbackChannels> {
  const actor = () => ctx.identity.status().name ?? 'local';
  return {
    'feedback:get': ({ campaignId, entryId }) => {
      ctx.campaigns.summary(campaignId);
      return entryFeedback(ctx.db, campaignId, entryId);
    },
    'feedback:choose': (input) => {
      ctx.campaigns.summary(input.campaignId);
      return chooseFeedback(ctx.db, { ...input, actor: actor() });
    },
    'feedback:hold': (input) => {
      ctx.campaigns.summary(input.campaignId);
      return holdFeedback(ctx.db, { ...input, actor: actor() });
    },
  };
}
