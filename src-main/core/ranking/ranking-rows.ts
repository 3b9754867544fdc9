// Views over one computed ranking (ranking-service.ts): a category by kind and category, the rows
// of a ranked or held section with every method side by side (built once per computation and kept
// in it, since the UI pages through them), and the range of a list's weighted total.
import type { EntryFlag, RankingMethod, RankingRow, TieExplanation } from '../../contract';
import { rubricOfRound } from '../../contract/lists';
import { KepuError } from '../errors';
import type { EntryAggregate } from './aggregate';
import type { RankedList } from './rank';
import type { ComputedRanking } from './ranking-service';
import type { CategoryResult } from './run-ranking';

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
  const positions = new Map<RankingMethod, Map<number, { rank: number; score: number }>>();
  for (const [m, l] of Object.entries(c.lists) as [RankingMethod, RankedList][]) {
    positions.set(m, new Map(l.ranked.map((r) => [r.entryId, { rank: r.rank, score: r.score }])));
  }
  const judgesRank = judgesOnlyRanks(computed, list, method);
  const build = (entryId: number, rank: number | null, score: number | null, tier: string | null, judges: number, ties: TieExplanation[], flags: EntryFlag[]): RankingRow => {
    const a = computed.aggregates.get(entryId);
    const blend = a?.blend;
    const info = computed.info.get(entryId);
    const methods: RankingRow['methods'] = {};
    for (const m of computed.outcome.config.methods) {
      const p = positions.get(m)?.get(entryId);
      methods[m] = { rank: p?.rank ?? null, score: p?.score ?? a?.scores[m] ?? null };
    }
    const totals = a?.totals.map((t) => t.total) ?? [];
    return {
      entryId,
      regNo: '', // set by the caller, which has it at hand
      title: info?.title ?? '',
      entrantName: info?.entrantName ?? '',
      entrantUnit: info?.entrantUnit ?? null,
      rank,
      score,
      tier,
      judges,
      methods,
      low: totals.length ? Math.min(...totals) : null,
      high: totals.length ? Math.max(...totals) : null,
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
      ? list.ranked.map((r) => ({ ...build(r.entryId, r.rank, r.score, r.tier, r.judges, r.ties, []), regNo: r.regNo }))
      : list.held.map((h) => ({ ...build(h.entryId, null, h.score, null, h.judges, [], h.flags), regNo: h.regNo }));
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
