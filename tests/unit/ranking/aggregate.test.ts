import { describe, expect, it } from 'vitest';
import { aggregate, type EntryAggregate } from '../../../src-main/core/ranking/aggregate';
import { dimension, flat, review, rubric } from './fixtures';

const byEntry = (entries: EntryAggregate[], id: number) => entries.find((e) => e.entryId === id) as EntryAggregate;

describe("a judge's total", () => {
  it('is the weighted mean on the rubric scale', () => {
    // 0.4 × 8 + 0.3 × 6 + 0.3 × 9 = 3.2 + 1.8 + 2.7 = 7.7 (weights add up to 1).
    const result = aggregate({ rubric, scores: review(1, 'a', [8, 6, 9]) });
    expect(result.entries[0].totals).toEqual([{ judgeId: 'a', total: 7.7, z: null, borda: null }]);
    expect(result.entries[0].dimensionMeans).toEqual({ content: 8, creativity: 6, communication: 9 });
  });

  it('exists only when every dimension is scored; an incomplete review is left out and counted', () => {
    const scores = [...flat(1, 'a', 8), ...review(1, 'b', [9, undefined, undefined]), ...flat(1, 'c', 6)];
    const result = aggregate({ rubric, scores });
    const e = result.entries[0];
    expect(e.judges).toBe(2);
    expect(e.totals.map((t) => t.judgeId)).toEqual(['a', 'c']);
    expect(e.excluded).toEqual([{ judgeId: 'b', reason: 'incomplete', missing: ['creativity', 'communication'] }]);
    // (8 + 6) / 2 = 7: b's 9 for content counts nowhere, not even in the dimension means.
    expect(e.scores.mean).toBe(7);
    expect(e.dimensionMeans.content).toBe(7);
    expect(result.counts).toMatchObject({ rows: 7, pairs: 3, counted: 2, incomplete: 1, conflicted: 0 });
  });

  it('is left out when the judge declared a conflict, whatever was scored before', () => {
    const scores = [...flat(1, 'a', 8), ...flat(1, 'b', 1), ...flat(1, 'c', 6)];
    const result = aggregate({ rubric, scores, conflicts: [{ entryId: 1, judgeId: 'b' }, { entryId: 2, judgeId: 'c' }] });
    const [one, two] = result.entries;
    expect(one.scores.mean).toBe(7);
    expect(one.excluded).toEqual([{ judgeId: 'b', reason: 'conflict', missing: [] }]);
    // A conflict on an entry nobody scored still shows who stepped aside.
    expect(two).toMatchObject({ entryId: 2, judges: 0, excluded: [{ judgeId: 'c', reason: 'conflict' }], scores: { mean: null, median: null } });
    expect(result.counts.conflicted).toBe(2);
  });

  it('ignores and counts rows of a dimension the rubric does not have', () => {
    const result = aggregate({ rubric, scores: [...flat(1, 'a', 8), { entryId: 1, judgeId: 'a', dimension: 'beauty', value: 3 }] });
    expect(result.entries[0].scores.mean).toBe(8);
    expect(result.counts.unknownDimensionRows).toBe(1);
  });

  it('keeps equal totals equal however they were reached (6 decimals, not 2)', () => {
    // Weights 0.35 / 0.35 / 0.3: [1, 2.5, 0] and [1.5, 2, 0] both total exactly 1.225, but in
    // floating point one is 1.225 and the other 1.2249999999999999 — rounded to 2 decimals they
    // would become 1.23 and 1.22 and break a tie that is really there.
    const r = [dimension('a', 0.35), dimension('b', 0.35), dimension('c', 0.3)];
    const rows = (entryId: number, values: number[]) => values.map((value, i) => ({ entryId, judgeId: 'j', dimension: r[i].key, value }));
    const result = aggregate({ rubric: r, scores: [...rows(1, [1, 2.5, 0]), ...rows(2, [1.5, 2, 0])] });
    expect(result.entries.map((e) => e.totals[0].total)).toEqual([1.225, 1.225]);
    expect(result.entries.map((e) => e.totals[0].borda)).toEqual([0.5, 0.5]);
  });

  it('refuses two scores for the same entry, judge and dimension', () => {
    expect(() => aggregate({ rubric, scores: [...flat(1, 'a', 8), ...flat(1, 'a', 7)] })).toThrow(/two scores of #1 by a on content/);
  });
});

describe('mean, trimmed mean and median', () => {
  // Entry 1: five judges, totals 4, 7, 7.5, 8.5, 9. Entry 2: four judges, totals 4, 7, 8, 9.
  const scores = [
    ...flat(1, 'a', 4), ...flat(1, 'b', 7), ...flat(1, 'c', 7.5), ...flat(1, 'd', 8.5), ...flat(1, 'e', 9),
    ...flat(2, 'a', 4), ...flat(2, 'b', 7), ...flat(2, 'c', 8), ...flat(2, 'd', 9),
  ];

  it('with five judges (at N = 5) the trimmed mean drops the highest and the lowest', () => {
    const e = byEntry(aggregate({ rubric, scores }).entries, 1);
    // mean = 36 / 5 = 7.2; trimmed = (7 + 7.5 + 8.5) / 3 = 23 / 3 = 7.666667; median = 7.5.
    expect(e.scores).toEqual({ mean: 7.2, trimmed: 7.666667, median: 7.5, zscore: expect.any(Number), borda: expect.any(Number) });
    expect(e.trimmed).toBe('applied');
    // sd = √((3.2² + 0.2² + 0.3² + 1.3² + 1.8²) / 4) = √(15.3 / 4) = 1.955761; range = 9 − 4 = 5.
    expect(e.sd).toBe(1.955761);
    expect(e.range).toBe(5);
  });

  it('with four judges (below N) the trimmed mean is the plain mean, and says so', () => {
    const e = byEntry(aggregate({ rubric, scores }).entries, 2);
    // mean = 28 / 4 = 7; median of an even count = (7 + 8) / 2 = 7.5.
    expect(e.scores.trimmed).toBe(7);
    expect(e.scores.mean).toBe(7);
    expect(e.scores.median).toBe(7.5);
    expect(e.trimmed).toBe('plain_mean');
  });

  it('follows a configured N: with N = 4 the four-judge entry is trimmed too', () => {
    const e = byEntry(aggregate({ rubric, scores }, { trimMinJudges: 4, methods: ['trimmed'] }).entries, 2);
    // (7 + 8) / 2 = 7.5
    expect(e.scores).toEqual({ trimmed: 7.5 });
    expect(e.trimmed).toBe('applied');
  });

  it('gives an entry with one judge its total, an sd of null and a range of 0', () => {
    const e = aggregate({ rubric, scores: flat(5, 'a', 6.5) }).entries[0];
    expect(e.scores).toMatchObject({ mean: 6.5, trimmed: 6.5, median: 6.5 });
    expect([e.sd, e.range]).toEqual([null, 0]);
  });

  it('reports entries asked for but never scored, with null scores', () => {
    const result = aggregate({ rubric, scores: flat(5, 'a', 6.5), entryIds: [9, 5] });
    expect(result.entries.map((e) => [e.entryId, e.judges, e.scores.mean])).toEqual([[5, 1, 6.5], [9, 0, null]]);
  });
});

describe('z-scores', () => {
  // Judge A: entries 1, 2, 3 → 6, 8, 10 (mean 8, population sd √(8/3) = 1.632993).
  // Judge B: entries 1, 2 → 4, 6 (mean 5, sd 1). Judge C: entry 3 only → 9 (cannot be normalised).
  // z: A → −1.224745, 0, 1.224745; B → −1, 1.
  // Pooled over A and B: M = (6 + 8 + 10 + 4 + 6) / 5 = 6.8; S = √((8 + 2) / 5) = √2 = 1.414214.
  const scores = [...flat(1, 'A', 6), ...flat(2, 'A', 8), ...flat(3, 'A', 10), ...flat(1, 'B', 4), ...flat(2, 'B', 6), ...flat(3, 'C', 9)];

  it('normalise each judge, average per entry and rescale to the raw scale', () => {
    const result = aggregate({ rubric, scores }, { methods: ['zscore'] });
    expect(result.zscore).toEqual({ pooledMean: 6.8, pooledSd: 1.414214, normalisedJudges: 2, fallbackJudges: ['C'] });
    const [e1, e2, e3] = result.entries;
    // Entry 1: z̄ = (−1.224745 − 1) / 2 = −1.112372 → 6.8 + 1.414214 × −1.112372 = 5.226868.
    expect([e1.zMean, e1.scores.zscore]).toEqual([-1.112372, 5.226868]);
    // Entry 2: z̄ = (0 + 1) / 2 = 0.5 → 6.8 + 0.707107 = 7.507107.
    expect([e2.zMean, e2.scores.zscore]).toEqual([0.5, 7.507107]);
    // Entry 3: C's single total is left out (the default): z̄ = 1.224745 → 6.8 + √3 = 8.532051.
    expect([e3.zMean, e3.scores.zscore]).toEqual([1.224745, 8.532051]);
    expect(e3.totals).toEqual([
      { judgeId: 'A', total: 10, z: 1.224745, borda: null },
      { judgeId: 'C', total: 9, z: null, borda: null },
    ]);
  });

  it("take a judge with one entry at the raw value when the fallback is 'raw'", () => {
    const e3 = aggregate({ rubric, scores }, { methods: ['zscore'], zscoreFallback: 'raw' }).entries[2];
    // C: z = (9 − 6.8) / √2 = 1.555635, so M + S·z = 9 exactly;
    // z̄ = (1.224745 + 1.555635) / 2 = 1.39019 → 6.8 + √2 × 1.39019 = 8.766026 (= (8.532051 + 9) / 2).
    expect([e3.zMean, e3.scores.zscore]).toEqual([1.39019, 8.766026]);
  });

  it('leave out a judge who gave every entry the same total (zero variance)', () => {
    const result = aggregate({ rubric, scores: [...scores, ...flat(1, 'D', 7), ...flat(2, 'D', 7)] }, { methods: ['zscore'] });
    expect(result.zscore?.fallbackJudges).toEqual(['C', 'D']);
    expect(result.judges.find((j) => j.judgeId === 'D')).toEqual({ judgeId: 'D', counted: 2, mean: 7, sd: 0, normalised: false });
    // Unchanged from the case without D.
    expect(result.entries[0].scores.zscore).toBe(5.226868);
  });

  it('are null everywhere when no judge can be normalised', () => {
    const result = aggregate({ rubric, scores: [...flat(1, 'a', 6), ...flat(2, 'b', 8)] }, { methods: ['zscore'], zscoreFallback: 'raw' });
    expect(result.zscore).toMatchObject({ pooledMean: null, pooledSd: null, normalisedJudges: 0 });
    expect(result.entries.map((e) => e.scores.zscore)).toEqual([null, null]);
  });
});

describe('Borda points', () => {
  // Judge A: entries 1–4 → 6, 8, 8, 10. points = (below + (tied − 1)/2) / (n − 1), n = 4:
  //   entry 1: 0/3 = 0; entries 2 and 3: (1 + 0.5)/3 = 0.5 each; entry 4: 3/3 = 1.
  // Judge B: entries 1, 2 → 9, 5: entry 1 gets 1, entry 2 gets 0. Judge C: entry 3 only → no points.
  const scores = [...flat(1, 'A', 6), ...flat(2, 'A', 8), ...flat(3, 'A', 8), ...flat(4, 'A', 10), ...flat(1, 'B', 9), ...flat(2, 'B', 5), ...flat(3, 'C', 9)];

  it('share the points of tied totals and average over the judges of the entry', () => {
    const result = aggregate({ rubric, scores }, { methods: ['borda'] });
    // Entry 1: (0 + 1)/2 = 0.5; entry 2: (0.5 + 0)/2 = 0.25; entry 3: 0.5 (A only); entry 4: 1.
    expect(result.entries.map((e) => e.scores.borda)).toEqual([0.5, 0.25, 0.5, 1]);
    expect(result.entries[2].totals).toEqual([
      { judgeId: 'A', total: 8, z: null, borda: 0.5 },
      { judgeId: 'C', total: 9, z: null, borda: null },
    ]);
  });

  it('compute only the methods asked for', () => {
    const e = aggregate({ rubric, scores }, { methods: ['median'] }).entries[0];
    expect(e.scores).toEqual({ median: 7.5 });
    expect([e.zMean, e.trimmed]).toEqual([null, null]);
  });
});
