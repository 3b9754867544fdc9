// What a shortlist is made from: the ranking of one list's scoring round, per category, in ranked
// order with the held entries apart. This is the one place that reads the ranking for shortlists:
// the list ranked on that round alone (the ranking service never mixes rounds).
import type { CampaignDefinition, ListDef, ScoringRoundDef } from '../../contract';
import { roundsOf } from '../../contract/lists';
import { KepuError } from '../errors';
import type { RankingService } from '../ranking/ranking-service';
import type { RankedCategory } from './compute-shortlist';

/** The list and its `roundNo`-th scoring round (1-based; a list without rounds has exactly round 1, with no definition of its own). */
export function scoringRound(def: CampaignDefinition, listKey: string, roundNo: number): { list: ListDef; round: ScoringRoundDef | null } {
  const list = def.lists.find((l) => l.key === listKey);
  if (!list) throw new KepuError('SHORTLIST_LIST_UNKNOWN', `shortlist: the campaign has no list ${listKey}`, { list: listKey });
  const scoring = roundsOf(list).filter((r): r is ScoringRoundDef => r.kind === 'scoring');
  if (scoring.length === 0 && roundNo === 1) return { list, round: null };
  const round = scoring[roundNo - 1];
  if (!round) throw new KepuError('SHORTLIST_ROUND_UNKNOWN', `shortlist: list ${listKey} has no scoring round ${roundNo}`, { list: listKey, round: roundNo });
  return { list, round };
}

/** The ranked categories of a list's round, by the method the list is ordered by. */
export function rankedForShortlist(ranking: RankingService, campaignId: string, listKey: string, roundNo: number): RankedCategory[] {
  const computed = ranking.compute(campaignId, false, { [listKey]: roundNo });
  return computed.outcome.categories
    .filter((c) => c.list === listKey)
    .map((c) => {
      const list = c.lists[c.method];
      return {
        kind: c.kind,
        category: c.category,
        ranked: (list?.ranked ?? []).map((r) => ({ entryId: r.entryId, regNo: r.regNo, place: r.rank, total: r.score })),
        held: (list?.held ?? []).map((h) => ({ entryId: h.entryId, regNo: h.regNo, total: h.score, flags: h.flags.map((f) => f.code) })),
      };
    });
}
