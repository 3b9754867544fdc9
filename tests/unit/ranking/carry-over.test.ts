// Carry-over between scoring rounds (issue 14): final = w × previous round + (1 − w) × this round,
// by every method; an entry without a previous-round total keeps this round's alone and says so;
// ties on the blended score go to the tie-breaks like any tie; w = 0 changes nothing.
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition } from '../../../src-main/contract';
import { carryView } from '../../../src-main/core/ranking/carry-over';
import { parseRankingConfig } from '../../../src-main/core/ranking/config';
import type { CampaignScores } from '../../../src-main/core/ranking/load-scores';
import { runRanking } from '../../../src-main/core/ranking/run-ranking';
import { buildSnapshot } from '../../../src-main/core/ranking/snapshot';
import { flat, sichuanTemplate } from './fixtures';

const scoring = (key: string, carryOver: number) => ({ key, name: { 'zh-CN': key, en: key }, kind: 'scoring' as const, panel: null, judgesPerEntry: null, rubric: null, dueAt: null, shortlist: null, carryOver });

function withCarry(w: number): CampaignDefinition {
  const def = sichuanTemplate().definition;
  return { ...def, judgesPerEntry: 1, lists: def.lists.map((l, i) => (i === 0 ? { ...l, rounds: [scoring('first', 0), scoring('final', w)] } : l)) };
}

const entry = (entryId: number) => ({ entryId, regNo: `SC-${entryId}`, kind: 'work' as const, category: 'video', submittedAt: '2023-12-20T02:00:00.000Z', isLate: false, assigned: 1 });

/** Round 2 totals: 1 → 6, 2 → 8, 3 → 7, 4 → 5; round 1 totals: 1 → 9, 2 → 4, 3 → 8 (4 has none: added by hand). */
function data(w: number): CampaignScores {
  return {
    campaignId: 'c',
    definition: withCarry(w),
    storedDefinition: null,
    entries: [entry(1), entry(2), entry(3), entry(4)],
    scores: [...flat(1, 'a', 6), ...flat(2, 'a', 8), ...flat(3, 'a', 7), ...flat(4, 'a', 5)],
    conflicts: [],
    eligibility: [],
    bundles: [],
    rounds: { influence: 2 },
    ...(w > 0 ? { carry: [{ list: 'influence', round: 1, weight: w, scores: [...flat(1, 'r1', 9), ...flat(2, 'r1', 4), ...flat(3, 'r1', 8)], conflicts: [] }] } : {}),
  };
}

const config = parseRankingConfig({ methods: ['mean', 'median'], primary: 'mean' });
const ranked = (w: number) => runRanking(data(w), config).categories[0].lists.mean?.ranked.map((r) => [r.regNo, r.score]);

describe('carry-over', () => {
  it('w = 0: this round alone, and nothing about carry-over in the outcome or snapshot', () => {
    expect(ranked(0)).toEqual([['SC-2', 8], ['SC-3', 7], ['SC-1', 6], ['SC-4', 5]]);
    const outcome = runRanking(data(0), config);
    expect(outcome.carryOver).toBeUndefined();
    expect(outcome.aggregate.entries.every((a) => a.carry === undefined)).toBe(true);
    expect(buildSnapshot(data(0), outcome).inputs.carryOver).toBeUndefined();
  });

  it('w = 0.3: final = 0.3 × round 1 + 0.7 × round 2, by every method', () => {
    // 1: 0.3·9 + 0.7·6 = 6.9; 2: 0.3·4 + 0.7·8 = 6.8; 3: 0.3·8 + 0.7·7 = 7.3; 4: round 2 alone, 5.
    expect(ranked(0.3)).toEqual([['SC-3', 7.3], ['SC-1', 6.9], ['SC-2', 6.8], ['SC-4', 5]]);
    const outcome = runRanking(data(0.3), config);
    expect(outcome.categories[0].lists.median?.ranked.map((r) => r.score)).toEqual([7.3, 6.9, 6.8, 5]);
    const one = outcome.aggregate.entries.find((a) => a.entryId === 1)!;
    expect(carryView(one, 'mean')).toEqual({ weight: 0.3, round: 1, method: 'mean', previous: 9, current: 6, final: 6.9 });
  });

  it('an entry without a previous-round total keeps this round’s and says so', () => {
    const four = runRanking(data(0.3), config).aggregate.entries.find((a) => a.entryId === 4)!;
    expect(carryView(four, 'mean')).toEqual({ weight: 0.3, round: 1, method: 'mean', previous: null, current: 5, final: 5 });
  });

  it('w = 0.5: ties on the blended score go to the tie-breaks (here registration number)', () => {
    // 1: (9 + 6) / 2 = 7.5; 3: (8 + 7) / 2 = 7.5; 2: (4 + 8) / 2 = 6.
    const list = runRanking(data(0.5), parseRankingConfig({ methods: ['mean'], primary: 'mean', tieBreaks: [] })).categories[0].lists.mean!;
    expect(list.ranked.map((r) => [r.regNo, r.score, r.rank])).toEqual([['SC-1', 7.5, 1], ['SC-3', 7.5, 2], ['SC-2', 6, 3], ['SC-4', 5, 4]]);
    expect(list.ranked[0].ties.map((t) => [t.ahead, t.behind, t.rule])).toEqual([['SC-1', 'SC-3', { by: 'regNo' }]]);
  });

  it('the snapshot records w and the previous-round totals by registration number', () => {
    const d = data(0.3);
    const snapshot = buildSnapshot(d, runRanking(d, config));
    expect(snapshot.inputs.carryOver).toEqual([
      {
        list: 'influence',
        round: 1,
        weight: 0.3,
        totals: [
          { regNo: 'SC-1', scores: { mean: 9, median: 9 }, zMean: null },
          { regNo: 'SC-2', scores: { mean: 4, median: 4 }, zMean: null },
          { regNo: 'SC-3', scores: { mean: 8, median: 8 }, zMean: null },
        ],
      },
    ]);
  });
});
