import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src-main/core/assignment/seeded';
import { aggregate } from '../../../src-main/core/ranking/aggregate';
import { icc1, judgeBias, kendallTauB, kendallW } from '../../../src-main/core/ranking/agreement';
import { rankCategory } from '../../../src-main/core/ranking/rank';
import { categoryStability, judgeProfiles } from '../../../src-main/core/ranking/stability';
import { flat, rubric } from './fixtures';

/** The textbook O(n²) tau-b: (C − D) / √((C + D + Tx)(C + D + Ty)), pairs tied in both left out. */
function naiveTauB(x: number[], y: number[]): number | null {
  let c = 0;
  let d = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const a = Math.sign(x[i] - x[j]);
      const b = Math.sign(y[i] - y[j]);
      if (a === 0 && b === 0) continue;
      if (a === 0) tx++;
      else if (b === 0) ty++;
      else if (a === b) c++;
      else d++;
    }
  }
  const den = Math.sqrt((c + d + tx) * (c + d + ty));
  return den === 0 ? null : (c - d) / den;
}

describe("Kendall's tau-b", () => {
  it('matches known values', () => {
    // One discordant pair (2, 3) of six: (5 − 1) / 6 = 2/3.
    expect(kendallTauB([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(2 / 3, 12);
    // Ties: C = 4, D = 0, one pair tied in x only, one in y only: 4 / √(5 × 5) = 0.8.
    expect(kendallTauB([1, 2, 2, 3], [1, 2, 3, 3])).toBeCloseTo(0.8, 12);
    expect(kendallTauB([1, 1, 2, 2], [1, 2, 1, 2])).toBe(0);
    expect(kendallTauB([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])).toBe(-1);
  });

  it('is null when a vector is constant or too short', () => {
    expect(kendallTauB([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(kendallTauB([1], [1])).toBeNull();
  });

  it('agrees with the O(n²) definition on random vectors full of ties', () => {
    const random = mulberry32(6);
    for (let round = 0; round < 50; round++) {
      const n = 2 + Math.floor(random() * 60);
      const x = Array.from({ length: n }, () => Math.floor(random() * 6));
      const y = Array.from({ length: n }, () => Math.floor(random() * 6));
      const fast = kendallTauB(x, y);
      const slow = naiveTauB(x, y);
      if (slow === null) expect(fast).toBeNull();
      else expect(fast).toBeCloseTo(slow, 12);
    }
  });
});

describe("Kendall's W", () => {
  it('is 1 when every judge ranks the entries the same way', () => {
    expect(kendallW([[1, 2, 3, 4], [5, 6, 7, 8], [2, 4, 6, 8]])).toBe(1);
  });

  it('applies the tie correction', () => {
    // Judge 1 ranks 1, 2, 3; judge 2 ties the first two: 1.5, 1.5, 3. R = 2.5, 3.5, 6; mean 4;
    // S = 2.25 + 0.25 + 4 = 6.5; T = 2³ − 2 = 6; W = 12 × 6.5 / (2² × (27 − 3) − 2 × 6) = 78 / 84.
    expect(kendallW([[1, 2, 3], [1, 1, 3]])).toBeCloseTo(78 / 84, 12);
  });

  it('is 0 for two judges in exactly opposite order', () => {
    expect(kendallW([[1, 2, 3], [3, 2, 1]])).toBe(0);
  });
});

describe('ICC(1) for unbalanced designs', () => {
  it('matches a hand computation with 2, 3 and 2 judges per entry', () => {
    // Entries [8, 9], [6, 7, 8], [4, 5]: N = 7, n = 3, grand mean 47/7.
    // SSB = 2(8.5 − 47/7)² + 3(7 − 47/7)² + 2(4.5 − 47/7)² = 16.428571; SSW = 0.5 + 2 + 0.5 = 3.
    // MSB = 8.214286, MSW = 3/4, k0 = (7 − 17/7) / 2 = 16/7.
    // ICC(1) = (8.214286 − 0.75) / (8.214286 + (16/7 − 1) × 0.75) = 0.81323; ICC(1,k) = 7.464286 / 8.214286 = 0.908696.
    const result = icc1([[800, 900], [600, 700, 800], [400, 500]]);
    expect(result).toEqual({ icc1: 0.81323, icc1k: 0.908696, k0: 2.285714, entries: 3, ratings: 7 });
  });

  it('is null with fewer than two entries or no entry with two judges', () => {
    expect(icc1([[800, 900]])).toBeNull();
    expect(icc1([[800], [700]])).toBeNull();
  });
});

describe('judge bias', () => {
  it('is the mean deviation from the other judges of the same entries, flagged past the threshold', () => {
    // Entry 1: a 8, b 6, c 7. Entry 2: a 9, b 7.
    // a: 8 − (6 + 7)/2 = 1.5 and 9 − 7 = 2 → 1.75 (high). b: −1.5 and −2 → −1.75 (low). c: 7 − 7 = 0.
    const result = aggregate({ rubric, scores: [...flat(1, 'a', 8), ...flat(1, 'b', 6), ...flat(1, 'c', 7), ...flat(2, 'a', 9), ...flat(2, 'b', 7)] });
    expect(judgeBias(result.entries, { threshold: 1, minEntries: 2 })).toEqual([
      { judgeId: 'a', entries: 2, bias: 1.75, sd: 0.25, flag: 'high' },
      { judgeId: 'b', entries: 2, bias: -1.75, sd: 0.25, flag: 'low' },
      { judgeId: 'c', entries: 1, bias: 0, sd: 0, flag: null },
    ]);
    // Below the minimum number of entries nobody is flagged.
    expect(judgeBias(result.entries, { threshold: 1, minEntries: 3 }).map((b) => b.flag)).toEqual([null, null, null]);
    const profile = judgeProfiles(result.entries, { threshold: 1, minEntries: 2 })[0];
    expect(profile).toMatchObject({ judgeId: 'a', scored: 2, min: 8, median: 8.5, max: 9, q1: 8.25, q3: 8.75 });
  });
});

describe('stability of a category', () => {
  // Three judges score four entries; mean and median disagree on entries 1 and 2.
  const scores = [
    ...flat(1, 'a', 9), ...flat(1, 'b', 5), ...flat(1, 'c', 6),
    ...flat(2, 'a', 6.5), ...flat(2, 'b', 6.5), ...flat(2, 'c', 7),
    ...flat(3, 'a', 8), ...flat(3, 'b', 8), ...flat(3, 'c', 8),
    ...flat(4, 'a', 4), ...flat(4, 'b', 5), ...flat(4, 'c', 4.5),
  ];
  const result = aggregate({ rubric, scores }, { methods: ['mean', 'median'] });
  const candidates = result.entries.map((a) => ({ entryId: a.entryId, regNo: `SC-000${a.entryId}`, submittedAt: null, aggregate: a, wantedJudges: 3, flags: [] }));
  const lists = {
    mean: rankCategory(candidates, { method: 'mean', tieBreaks: [], tiers: [] }),
    median: rankCategory(candidates, { method: 'median', tieBreaks: [], tiers: [] }),
  };

  it('reports tau-b between methods, the entries that move and the agreement', () => {
    // mean: 3 (8), 1 (6.666667), 2 (6.666667), 4 (4.5); median: 3 (8), 2 (6.5), 1 (6), 4 (4.5).
    expect(lists.mean.ranked.map((r) => r.regNo)).toEqual(['SC-0003', 'SC-0001', 'SC-0002', 'SC-0004']);
    expect(lists.median.ranked.map((r) => r.regNo)).toEqual(['SC-0003', 'SC-0002', 'SC-0001', 'SC-0004']);
    const s = categoryStability(lists, ['mean', 'median'], result.entries, 10);
    // Keys: mean [6.666667, 6.666667, 8, 4.5], median [6, 6.5, 8, 4.5]: 5 concordant pairs, the
    // pair (1, 2) tied in mean only: 5 / √(5 × 6) = 0.912871.
    expect(s.tau).toEqual([{ a: 'mean', b: 'median', tau: 0.912871, entries: 4 }]);
    expect(s.movers).toEqual([
      { entryId: 1, regNo: 'SC-0001', ranks: { mean: 2, median: 3 }, move: 1 },
      { entryId: 2, regNo: 'SC-0002', ranks: { mean: 3, median: 2 }, move: 1 },
    ]);
    // All three judges scored all four entries: a complete block, so W is available.
    // Ranks a: 4, 2, 3, 1; b: 1.5, 3, 4, 1.5; c: 2, 3, 4, 1 → R = 7.5, 8, 11, 3.5, mean 7.5;
    // S = 0 + 0.25 + 12.25 + 16 = 28.5; T = 2³ − 2 = 6; W = 12 × 28.5 / (9 × 60 − 3 × 6) = 342 / 522.
    expect(s.w).toEqual({ value: 0.655172, judges: 3, entries: 4 });
    expect(s.icc?.entries).toBe(4);
  });

  it('reports W as unavailable when no entry was scored by every judge of the category', () => {
    const partial = aggregate({ rubric, scores: [...flat(1, 'a', 8), ...flat(1, 'b', 7), ...flat(2, 'b', 6), ...flat(2, 'c', 5)] });
    expect(categoryStability({}, [], partial.entries, 10).w).toEqual({ value: null, reason: 'no_complete_block', judges: 3, entries: 0 });
  });
});
