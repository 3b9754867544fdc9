// The shortlist between scoring rounds (issue 14): read, preview, make, adjust. A shortlist does
// not change the ranking or a published result (it decides who is assigned in the next round), so
// it needs no agreement after publishing; each make and adjustment is in the audit log.
import type { Handlers } from '../contract';
import { adjustShortlist, makeShortlist, previewShortlist, shortlistView } from '../core/shortlist/shortlist-service';
import type { AppContext } from './context';

type ShortlistChannels = 'shortlist:get' | 'shortlist:preview' | 'shortlist:make' | 'shortlist:adjust';

export function shortlistHandlers(ctx: AppContext): Pick<Handlers, ShortlistChannels> {
  const actor = () => ctx.identity.status().name ?? 'local';
  return {
    'shortlist:get': ({ campaignId, listKey, roundNo }) => shortlistView(ctx, { campaignId, listKey, roundNo }),
    'shortlist:preview': ({ campaignId, listKey, roundNo, rule }) => previewShortlist(ctx, { campaignId, listKey, roundNo }, rule),
    'shortlist:make': ({ campaignId, listKey, roundNo, rule }) => makeShortlist(ctx, { campaignId, listKey, roundNo }, rule, actor()),
    'shortlist:adjust': ({ campaignId, listKey, roundNo, entryId, action, reason }) => adjustShortlist(ctx, { campaignId, listKey, roundNo }, { entryId, action, reason }, actor()),
  };
}
