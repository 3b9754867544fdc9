// A campaign's entries: the list (with the decisions it marks), one entry's detail, evidence tied
// to an eligibility item. A group of the handler table of its own (handler-table.ts): commands that
// only read a campaign (its time zone, its definition) do not load the entry detail's modules.
import type { Handlers } from '../contract';
import { currentDecisions } from '../core/decisions/decision-service';
import { mediaToFetchOf } from '../core/intake/mail/mail-store';
import { entryRuleProblems } from '../core/media/entry-rules';
import { tieEvidence } from '../core/media/evidence-items';
import { entryOrigin } from '../core/shortlist/shortlist-file-import';
import type { AppContext } from './context';

export function entryHandlers(ctx: AppContext): Pick<Handlers, 'entry:list' | 'entry:get' | 'entry:tieEvidence'> {
  return {
    'entry:list': (request) => {
      // The list marks disqualified, withdrawn and accepted-late entries (a badge beside the title).
      const page = ctx.entries.list(request);
      const decided = currentDecisions(ctx.db, request.campaignId);
      const marked = (entryId: number) =>
        (decided.get(entryId) ?? []).map((d) => d.kind).filter((k): k is 'disqualify' | 'withdraw' | 'accept-late' => k === 'disqualify' || k === 'withdraw' || k === 'accept-late');
      return { ...page, rows: page.rows.map((r) => (decided.has(r.id) ? { ...r, decisions: marked(r.id) } : r)) };
    },
    'entry:get': ({ entryId }) => {
      const entry = ctx.entries.get(entryId);
      const mediaToFetch = mediaToFetchOf(ctx.db, entry.campaignId, entry.regNo);
      return {
        ...entry,
        origin: entryOrigin(ctx.db, entryId),
        problems: entryRuleProblems(ctx.db, entry.campaignId, ctx.campaigns.definition(entry.campaignId), entryId),
        ...(mediaToFetch.length ? { mediaToFetch } : {}),
      };
    },
    'entry:tieEvidence': ({ assetId, item }) => tieEvidence(ctx.db, (id) => ctx.campaigns.definition(id), assetId, item),
  };
}
