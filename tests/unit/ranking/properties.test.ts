// Property tests over seeded random campaigns (fixtures.ts generate): what must never change the
// result, checked byte for byte on canonical JSON.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src-main/core/files/canonical-json';
import { aggregate, type AggregateResult } from '../../../src-main/core/ranking/aggregate';
import { parseRankingConfig, type RankingMethod } from '../../../src-main/core/ranking/config';
import { methodPositions, runRanking, type RankingOutcome } from '../../../src-main/core/ranking/run-ranking';
import { campaignScores, generate, rubric, shuffle } from './fixtures';

const SEEDS = [1, 2, 3, 4];
const config = parseRankingConfig({ tiers: [{ key: 'top', by: 'percentile', percent: 20 }] });

/** Per category and method: the ranked registration numbers and the held ones. */
function orders(outcome: RankingOutcome, method: RankingMethod): string[][] {
  return outcome.categories.flatMap((c) => {
    const list = c.lists[method];
    return list ? [list.ranked.map((r) => r.regNo), list.held.map((h) => h.regNo)] : [];
  });
}

/** Everything about the entries that does not name a judge. */
function entryFigures(result: AggregateResult): string {
  return canonicalJson(result.entries.map((e) => ({ id: e.entryId, judges: e.judges, scores: e.scores, zMean: e.zMean, sd: e.sd, range: e.range, dims: e.dimensionMeans, trimmed: e.trimmed })));
}

describe.each(SEEDS)('with seed %i', (seed) => {
  const g = generate({ entries: 160, judges: 14, seed });
  const data = campaignScores(g);

  it("every method's ranks and scores read from its order (methodPositions) are its list's", () => {
    const outcome = runRanking(data, config);
    let compared = 0;
    for (const c of outcome.categories) {
      for (const m of outcome.config.methods) {
        const fromOrder = methodPositions(c, m)!;
        const fromList = c.lists[m]!.ranked;
        expect([...fromOrder.entries()]).toEqual(fromList.map((r) => [r.entryId, { rank: r.rank, score: r.score }]));
        compared += fromList.length;
      }
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('shuffling the order of score rows, conflicts and entries changes no byte of the result', () => {
    const shuffled = { ...data, scores: shuffle(data.scores, seed + 100), conflicts: shuffle(data.conflicts, seed + 200), entries: shuffle(data.entries, seed + 300) };
    expect(canonicalJson(runRanking(shuffled, config))).toBe(canonicalJson(runRanking(data, config)));
  });

  it('renaming the judges (a permutation of their ids) changes no entry figure', () => {
    const names = shuffle(g.judges, seed + 400);
    const rename = new Map(g.judges.map((j, i) => [j, names[i]]));
    const renamed = aggregate({ rubric, scores: g.scores.map((s) => ({ ...s, judgeId: rename.get(s.judgeId) as string })), conflicts: g.conflicts.map((c) => ({ ...c, judgeId: rename.get(c.judgeId) as string })) });
    expect(entryFigures(renamed)).toBe(entryFigures(aggregate({ rubric, scores: g.scores, conflicts: g.conflicts })));
  });

  it("adding a constant to one judge's scores never changes the z-score ranking", () => {
    const base = runRanking(data, config);
    for (const [judge, shift] of [[g.judges[3], 1.5], [g.judges[7], -2]] as const) {
      const shifted = runRanking({ ...data, scores: data.scores.map((s) => (s.judgeId === judge ? { ...s, value: s.value + shift } : s)) }, config);
      expect(orders(shifted, 'zscore')).toEqual(orders(base, 'zscore'));
      expect(shifted.aggregate.entries.map((e) => e.zMean)).toEqual(base.aggregate.entries.map((e) => e.zMean));
      // …while the mean does move (the test would be empty otherwise).
      expect(shifted.aggregate.entries.map((e) => e.scores.mean)).not.toEqual(base.aggregate.entries.map((e) => e.scores.mean));
    }
  });

  it('scaling every score by a positive factor never changes the Borda ranking', () => {
    const base = runRanking(data, config);
    for (const factor of [2, 10, 0.5]) {
      const scaled = runRanking({ ...data, scores: data.scores.map((s) => ({ ...s, value: s.value * factor })) }, config);
      expect(orders(scaled, 'borda')).toEqual(orders(base, 'borda'));
      expect(scaled.aggregate.entries.map((e) => e.scores.borda)).toEqual(base.aggregate.entries.map((e) => e.scores.borda));
    }
  });

  it('never ranks an entry with fewer counted judges than wanted', () => {
    const outcome = runRanking(data, config);
    const judges = new Map(outcome.aggregate.entries.map((e) => [e.entryId, e.judges]));
    for (const c of outcome.categories) {
      for (const r of c.lists.trimmed?.ranked ?? []) expect(judges.get(r.entryId)).toBeGreaterThanOrEqual(3);
      for (const h of c.lists.trimmed?.held ?? []) expect(h.flags.length).toBeGreaterThan(0);
    }
  });
});
