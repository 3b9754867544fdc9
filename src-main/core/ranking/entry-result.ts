// One entry's aggregate from its counted reviews (the last pass of aggregate()): every requested
// method's score, the per-judge totals with their z and Borda points, dimension means for
// tie-breaks, and the disagreement figures. Pure; the policy is in aggregate.ts's header.
import type { RubricDimension } from '../../contract';
import type { AggregateOptions, EntryAggregate, ExcludedJudge, JudgeTotal } from './aggregate';
import { fromMicro, round6, sortedSum } from './numbers';

// An entry has a handful of judges; its sums are taken in ascending order (numbers.ts) over one
// reused buffer instead of a sorted copy per sum (five per entry at 50,000 entries was mostly
// allocation). Same additions in the same order as sortedSum, so the same bits.
let scratch = new Float64Array(64);

/** Σ values[0 … n) in ascending order, like sortedSum, without allocating for small n. */
function ascendingSum(values: ArrayLike<number>, n: number): number {
  if (n > 32) return sortedSum(Array.prototype.slice.call(values, 0, n) as number[]);
  if (scratch.length < n) scratch = new Float64Array(n);
  const a = scratch;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let k = i - 1;
    while (k >= 0 && a[k] > v) {
      a[k + 1] = a[k];
      k--;
    }
    a[k + 1] = v;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i];
  return sum;
}

const ascendingMean = (values: ArrayLike<number>, n: number): number | null => (n === 0 ? null : ascendingSum(values, n) / n);
import type { CountedReviews, ZScores } from './per-judge';

export interface EntryResultInput {
  options: AggregateOptions;
  rubric: readonly RubricDimension[];
  /** Counted reviews in canonical (entry, judge) order, totals in micro-points. */
  counted: CountedReviews;
  /** counted index → the review's slot in `values` (slot × D + d). */
  countedSlot: Int32Array;
  values: Float64Array;
  judgeSorted: readonly string[];
  /** Null when the method was not requested. */
  z: ZScores | null;
  borda: Float64Array | null;
}

// Per-entry working arrays, reused from entry to entry (grown when an entry has more judges):
// six small typed arrays per entry, 300,000 at 50,000 entries, only to be collected again.
let sortedTotals = new Float64Array(64);
let zBuffer = new Float64Array(64);
let pointBuffer = new Float64Array(64);
let columnBuffer = new Float64Array(64);

/** The aggregate of the entry whose counted reviews are counted[from, to). */
export function entryResult(input: EntryResultInput, entryId: number, excluded: ExcludedJudge[], from: number, to: number): EntryAggregate {
  const { options, rubric, counted, countedSlot, values, judgeSorted, z, borda } = input;
  const D = rubric.length;
  const n = to - from;
  if (sortedTotals.length < n) [sortedTotals, zBuffer, pointBuffer, columnBuffer] = [0, 0, 0, 0].map(() => new Float64Array(n));
  // The totals ascending: the same values in the same order as a sorted copy (numbers.ts: micro-points).
  const sorted = sortAscending(counted.total, from, to, sortedTotals);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const totals: JudgeTotal[] = new Array(n);
  const zs = zBuffer;
  const points = pointBuffer;
  let nz = 0;
  let nb = 0;
  for (let i = from; i < to; i++) {
    const zi = z ? z.z[i] : Number.NaN;
    const bi = borda ? borda[i] : Number.NaN;
    if (!Number.isNaN(zi)) zs[nz++] = zi;
    if (!Number.isNaN(bi)) points[nb++] = bi;
    totals[i - from] = {
      judgeId: judgeSorted[counted.judge[i]],
      total: fromMicro(counted.total[i]),
      z: Number.isNaN(zi) ? null : round6(zi),
      borda: Number.isNaN(bi) ? null : round6(bi),
    };
  }
  const mean = n > 0 ? fromMicro(sum / n) : null;
  const result: EntryAggregate['scores'] = {};
  let trimmed: EntryAggregate['trimmed'] = null;
  let zMean: number | null = null;
  for (const method of options.methods) {
    switch (method) {
      case 'mean':
        result.mean = mean === null ? null : round6(mean);
        break;
      case 'trimmed': {
        const apply = n >= options.trimMinJudges;
        trimmed = apply ? 'applied' : 'plain_mean';
        const value = apply ? fromMicro((sum - sorted[0] - sorted[n - 1]) / (n - 2)) : mean;
        result.trimmed = value === null ? null : round6(value);
        break;
      }
      case 'median': {
        // medianOfSorted over the first n places (no view made per entry).
        const m = n === 0 ? null : n % 2 === 1 ? sorted[n >> 1] : (sorted[(n >> 1) - 1] + sorted[n >> 1]) / 2;
        result.median = m === null ? null : round6(fromMicro(m));
        break;
      }
      case 'zscore': {
        // Rescaled from the rounded mean z, so entries tied on it show the same score.
        const zbar = ascendingMean(zs, nz);
        zMean = zbar === null || z?.pooledMean == null || z.pooledSd == null ? null : round6(zbar);
        result.zscore = zMean === null ? null : round6((z?.pooledMean as number) + (z?.pooledSd as number) * zMean);
        break;
      }
      case 'borda': {
        const b = ascendingMean(points, nb);
        result.borda = b === null ? null : round6(b);
        break;
      }
    }
  }
  const dimensionMeans: Record<string, number> = {};
  if (n > 0) {
    const column = columnBuffer;
    for (let d = 0; d < D; d++) {
      for (let i = from; i < to; i++) column[i - from] = values[countedSlot[i] * D + d];
      dimensionMeans[rubric[d].key] = round6(ascendingSum(column, n) / n);
    }
  }
  return {
    entryId,
    judges: n,
    totals,
    excluded,
    scores: result,
    zMean,
    trimmed,
    dimensionMeans,
    // Two passes over the sorted totals: exactly 0 when all are equal.
    sd: n >= 2 ? round6(fromMicro(Math.sqrt(ascendingSum(squaredDeviations(sorted, n, sum / n), n) / (n - 1)))) : null,
    range: n >= 1 ? round6(fromMicro(sorted[n - 1] - sorted[0])) : null,
  };
}

function squaredDeviations(sorted: Float64Array, n: number, mean: number): Float64Array {
  // The column buffer is free again by now (dimension means are done).
  const out = columnBuffer;
  for (let i = 0; i < n; i++) out[i] = (sorted[i] - mean) ** 2;
  return out;
}

/**
 * source[from, to) sorted ascending into `into` (its first to − from places), by insertion for
 * an entry's handful of judges, else by a native sort. Equal values keep their order, so −0 and 0
 * may sit either way round; every figure made from the sorted totals is rounded by round6, which
 * writes −0 as 0, so that cannot show.
 */
function sortAscending(source: Float64Array, from: number, to: number, into: Float64Array): Float64Array {
  const n = to - from;
  if (n > 32) {
    into.set(source.subarray(from, to));
    into.subarray(0, n).sort();
    return into;
  }
  for (let i = 0; i < n; i++) {
    const v = source[from + i];
    let k = i - 1;
    while (k >= 0 && into[k] > v) {
      into[k + 1] = into[k];
      k--;
    }
    into[k + 1] = v;
  }
  return into;
}
