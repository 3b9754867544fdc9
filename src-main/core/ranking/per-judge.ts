// The two methods that look at each judge's whole queue before combining judges: z-scores and Borda
// points. Input: every counted review as parallel arrays (judge, total in micro-points), grouped by
// judge in entry order. Definitions (issue 6; the numbers a coordinator may have to defend):
//
// z-score. For judge j with n_j counted totals T (integer micro-points), S1 = ΣT, S2 = ΣT²,
//   R_j = n_j·S2 − S1²  (exact, BigInt), z = (n_j·T − S1) / √R_j,
// which is (T − mean_j) / sd_j with the population sd. Both n_j·T − S1 and R_j are exact integers
// that do not change when a constant is added to all of a judge's totals, so neither do the z's.
// A judge can be normalised when n_j ≥ 2 and R_j > 0 (not one entry, not all totals equal).
// Rescaling to the raw scale: score = M + S·z̄, where z̄ is the entry's mean z over its judges,
// M = the mean of all totals of normalisable judges, and S = the pooled within-judge sd
// √(Σ_j Σ_e (T − mean_j)² / Σ_j n_j) over the same judges. Rescaling is the same increasing map for
// every entry, so the ranking follows z̄. A judge that cannot be normalised is, by the
// `zscoreFallback` option, left out of the z-score of that entry ('exclude', the default: such a
// total says nothing about how the judge scores relative to their own habits) or taken at its raw
// value ('raw': its z is (total − M)/S, so M + S·z gives the raw total back).
//
// Borda. Judge j ranks their n_j entries by total; an entry scored T gets
//   points = (below + (tied − 1)/2) / (n_j − 1),
// below = the judge's entries with a lower total, tied = entries with the same total (itself
// included). That is (n_j − mid-rank)/(n_j − 1) with 1 = best: the share of the judge's other
// entries it beats, a tie counting half; the judge's best gets 1, the worst 0, whatever n_j is
// (dividing by n_j instead would give a judge's best 1/2 in a queue of two and 99/100 in one of a
// hundred). A judge with one entry compares nothing and gives no points. The entry's Borda score is
// the mean of its judges' points (judge counts differ between entries), in [0, 1].
import { fromMicro, sortedSum } from './numbers';

export interface CountedReviews {
  /** Canonical judge index of each counted review. */
  judge: Int32Array;
  /** Total of each counted review in integer micro-points (numbers.ts toMicro). */
  total: Float64Array;
  /** Number of counted reviews (the arrays may be longer). */
  length: number;
  judges: number;
}

export interface JudgeGroups {
  /** Counted-review indices grouped by judge, each group in entry order. */
  order: Int32Array;
  /** Group of judge j: order[start[j]] … order[start[j + 1] − 1]. */
  start: Int32Array;
}

export function groupByJudge(c: CountedReviews): JudgeGroups {
  const start = new Int32Array(c.judges + 1);
  for (let i = 0; i < c.length; i++) start[c.judge[i] + 1]++;
  for (let j = 0; j < c.judges; j++) start[j + 1] += start[j];
  const fill = start.slice(0, c.judges);
  const order = new Int32Array(c.length);
  for (let i = 0; i < c.length; i++) order[fill[c.judge[i]]++] = i;
  return { order, start };
}

export interface JudgeMoments {
  n: Int32Array;
  /** ΣT per judge (micro-points; exact). */
  s1: Float64Array;
  /** n·ΣT² − (ΣT)² per judge, exactly, as a double (0 exactly when all totals are equal). */
  r: Float64Array;
}

export function judgeMoments(c: CountedReviews, g: JudgeGroups): JudgeMoments {
  const n = new Int32Array(c.judges);
  const s1 = new Float64Array(c.judges);
  const r = new Float64Array(c.judges);
  for (let j = 0; j < c.judges; j++) {
    // ΣT stays below 2^53 (exact in a double); squares of micro-points do not, so they are BigInt.
    let sum = 0;
    let squares = 0n;
    for (let k = g.start[j]; k < g.start[j + 1]; k++) {
      const t = c.total[g.order[k]];
      const tt = t * t;
      sum += t;
      squares += Number.isSafeInteger(tt) ? BigInt(tt) : BigInt(t) * BigInt(t);
    }
    const count = g.start[j + 1] - g.start[j];
    n[j] = count;
    s1[j] = sum;
    r[j] = Number(BigInt(count) * squares - BigInt(sum) ** 2n);
  }
  return { n, s1, r };
}

export interface ZScores {
  /** z per counted review; NaN where it does not count for the z-score. */
  z: Float64Array;
  normalised: Uint8Array;
  /** Pooled mean M and pooled within-judge sd S on the rubric scale; null without any normalisable judge. */
  pooledMean: number | null;
  pooledSd: number | null;
}

export function zScores(c: CountedReviews, g: JudgeGroups, m: JudgeMoments, fallback: 'exclude' | 'raw'): ZScores {
  const z = new Float64Array(c.length).fill(Number.NaN);
  const normalised = new Uint8Array(c.judges);
  let totalSum = 0;
  let totalCount = 0;
  const within: number[] = [];
  for (let j = 0; j < c.judges; j++) {
    if (m.n[j] < 2 || m.r[j] <= 0) continue;
    normalised[j] = 1;
    totalSum += m.s1[j];
    totalCount += m.n[j];
    within.push(m.r[j] / m.n[j]);
    const root = Math.sqrt(m.r[j]);
    for (let k = g.start[j]; k < g.start[j + 1]; k++) {
      const i = g.order[k];
      z[i] = (m.n[j] * c.total[i] - m.s1[j]) / root;
    }
  }
  if (totalCount === 0) return { z, normalised, pooledMean: null, pooledSd: null };
  const pooledMean = fromMicro(totalSum / totalCount);
  const pooledSd = fromMicro(Math.sqrt(sortedSum(within) / totalCount));
  if (fallback === 'raw') {
    for (let j = 0; j < c.judges; j++) {
      if (normalised[j] || m.n[j] === 0) continue;
      for (let k = g.start[j]; k < g.start[j + 1]; k++) {
        const i = g.order[k];
        z[i] = (fromMicro(c.total[i]) - pooledMean) / pooledSd;
      }
    }
  }
  return { z, normalised, pooledMean, pooledSd };
}

/**
 * Borda points per counted review; NaN for a judge with a single entry. Each judge's totals are
 * sorted as numbers (no comparator over indices: that sort was most of this at 50,000 entries),
 * and a total's `below` and `tied` come from where its run of equal totals starts and ends.
 */
export function bordaPoints(c: CountedReviews, g: JudgeGroups): Float64Array {
  const points = new Float64Array(c.length).fill(Number.NaN);
  let sorted = new Float64Array(0);
  for (let j = 0; j < c.judges; j++) {
    const from = g.start[j];
    const n = g.start[j + 1] - from;
    if (n < 2) continue;
    if (sorted.length < n) sorted = new Float64Array(n);
    const totals = sorted.subarray(0, n);
    for (let k = 0; k < n; k++) totals[k] = c.total[g.order[from + k]];
    totals.sort();
    for (let k = 0; k < n; k++) {
      const i = g.order[from + k];
      const t = c.total[i];
      const lo = firstAtLeast(totals, t);
      const tied = firstAbove(totals, t, lo) - lo;
      points[i] = (lo + (tied - 1) / 2) / (n - 1);
    }
  }
  return points;
}

/** The first place in ascending `a` whose value is not below v (−0 and 0 alike, as ===). */
function firstAtLeast(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first place at or after `from` in ascending `a` whose value is above v. */
function firstAbove(a: Float64Array, v: number, from: number): number {
  let lo = from;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
