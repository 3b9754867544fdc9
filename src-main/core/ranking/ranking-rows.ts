// Views over one computed ranking (ranking-service.ts): a category by kind and category, the rows
// of a ranked or held section with every method side by side (built once per computation and kept
// in it, since the UI pages through them), and the range of a list's weighted total.
import type { EntryFlag, RankingMethod, RankingRow, TieExplanation } from '../../contract';
import { rubricOfRound } from '../../contract/lists';
import { KepuError } from '../errors';
import type { EntryAggregate } from './aggregate';
import type { RankedList } from './rank';
import type { ComputedRanking } from './ranking-service';
import { type CategoryResult, methodPositions } from './run-ranking';

export function findCategory(computed: ComputedRanking, kind: string, category: string | null): CategoryResult {
  const found = computed.outcome.categories.find((c) => c.kind === kind && c.category === category);
  if (!found) throw new KepuError('RANKING_CATEGORY_NOT_FOUND', `ranking: no category ${kind}/${category ?? ''}`, { category: category ?? kind });
  return found;
}

/** The rows of one category's ranked or held section, ordered by `method`, every method side by side. */
export function categoryRows(computed: ComputedRanking, c: CategoryResult, section: 'ranked' | 'held', method: RankingMethod): RankingRow[] {
  const key = `${c.kind}\u0000${c.category ?? ''}\u0000${section}\u0000${method}`;
  const hit = computed.rows.get(key);
  if (hit) return hit;
  const list = c.lists[method];
  if (!list) throw new KepuError('INVALID_REQUEST', `ranking: ${method} is not computed`, { path: 'method' });
  // Every method's rank and score from its order (run-ranking.ts methodPositions): no other list built.
  const positions = new Map(computed.outcome.config.methods.map((m) => [m, methodPositions(c, m)]));
  const judgesRank = judgesOnlyRanks(computed, list, method);
  const build = (entryId: number, regNo: string, rank: number | null, score: number | null, tier: string | null, judges: number, ties: TieExplanation[], flags: EntryFlag[]): RankingRow => {
    const a = computed.aggregates.get(entryId);
    const blend = a?.blend;
    const info = computed.info.get(entryId);
    const methods: RankingRow['methods'] = {};
    for (const m of computed.outcome.config.methods) {
      const p = positions.get(m)?.get(entryId);
      methods[m] = { rank: p?.rank ?? null, score: p?.score ?? a?.scores[m] ?? null };
    }
    let low: number | null = null;
    let high: number | null = null;
    for (const t of a?.totals ?? []) {
      if (low === null || t.total < low) low = t.total;
      if (high === null || t.total > high) high = t.total;
    }
    return {
      entryId,
      regNo,
      title: info?.title ?? '',
      entrantName: info?.entrantName ?? '',
      entrantUnit: info?.entrantUnit ?? null,
      rank,
      score,
      tier,
      judges,
      methods,
      low,
      high,
      sd: a?.sd ?? null,
      ties,
      flags,
      judgesOnly: blend
        ? { rank: judgesRank.get(entryId) ?? null, score: blend.judges.scores[method] ?? null, metric: blend.metric, value: blend.value, hadFigure: blend.hadFigure, share: blend.share }
        : null,
    };
  };
  const rows =
    section === 'ranked'
      ? list.ranked.map((r) => build(r.entryId, r.regNo, r.rank, r.score, r.tier, r.judges, r.ties, []))
      : list.held.map((h) => build(h.entryId, h.regNo, null, h.score, null, h.judges, [], h.flags));
  computed.rows.set(key, rows);
  return rows;
}

/**
 * The rank each ranked entry's judges' score alone would give (blend.ts keeps it on the
 * aggregate): higher first, equal scores in the published order. Empty when nothing is blended.
 */
function judgesOnlyRanks(computed: ComputedRanking, list: RankedList, method: RankingMethod): Map<number, number> {
  return judgesOnlyRanksOf(computed.aggregates, list, method);
}

/** judgesOnlyRanks over the aggregates by entry id (the CLI ranks without a ComputedRanking). */
export function judgesOnlyRanksOf(aggregates: ReadonlyMap<number, EntryAggregate>, list: RankedList, method: RankingMethod): Map<number, number> {
  const own = (entryId: number) => aggregates.get(entryId)?.blend?.judges.scores[method] ?? null;
  if (!list.ranked.some((r) => own(r.entryId) !== null)) return new Map();
  const order = list.ranked.map((r, i) => ({ entryId: r.entryId, score: own(r.entryId) ?? -Infinity, i })).sort((x, y) => y.score - x.score || x.i - y.i);
  return new Map(order.map((o, k) => [o.entryId, k + 1]));
}

/** The range of a list's weighted total (the first list's when none is named). */
export function scaleOf(computed: ComputedRanking, listKey?: string): { min: number; max: number } {
  const lists = computed.data.definition.lists;
  const list = lists.find((l) => l.key === listKey) ?? lists[0];
  // The rubric of the round the list is ranked on.
  const rubric = rubricOfRound(list, computed.data.rounds?.[list.key] ?? 1);
  const weights = rubric.reduce((s, d) => s + d.weight, 0);
  const min = rubric.reduce((s, d) => s + d.weight * d.scale.min, 0) / weights;
  const max = rubric.reduce((s, d) => s + d.weight * d.scale.max, 0) / weights;
  return { min, max };
}
