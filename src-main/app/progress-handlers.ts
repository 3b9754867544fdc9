// The progress board's channel (issue 15): where every judge of each working round stands.
import type { Handlers } from '../contract';
import { progressBoard } from '../core/progress/progress-board';
import type { AppContext } from './context';

export function progressHandlers(ctx: AppContext): Pick<Handlers, 'progress:board'> {
  return {
    'progress:board': ({ campaignId }) => progressBoard(ctx.db, campaignId, ctx.campaigns.definition(campaignId), new Date()),
  };
}
