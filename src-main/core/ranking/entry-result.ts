// One entry's aggregate from its counted reviews (the last pass of aggregate()): every requested
// method's score, the per-judge totals with their z and Borda points, dimension means for
// tie-breaks, and the disagreement figures. Pure; the policy is in aggregate.ts's header.
import type { RubricDimension } from '../../contract';
import type { AggregateOptions, EntryAggregate, ExcludedJudge, JudgeTotal } from './aggregate';
import { fromMicro, medianOfSorted, round6, sortedMean, sortedSum } from './numbers';
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

/** The aggregate of the entry whose counted reviews are counted[from, to). */
export function entryResult(input: EntryResultInput, entryId: number, excluded: ExcludedJudge[], from: number, to: number): EntryAggregate {
  const { options, rubric, counted, countedSlot, values, judgeSorted, z, borda } = input;
  const D = rubric.length;
  const n = to - from;
  const sorted = counted.total.slice(from, to).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const totals: JudgeTotal[] = new Array(n);
  const zs: number[] = [];
  const points: number[] = [];
  for (let i = from; i < to; i++) {
    const zi = z ? z.z[i] : Number.NaN;
    const bi = borda ? borda[i] : Number.NaN;
    if (!Number.isNaN(zi)) zs.push(zi);
    if (!Number.isNaN(bi)) points.push(bi);
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
        const m = medianOfSorted(sorted);
        result.median = m === null ? null : round6(fromMicro(m));
        break;
      }
      case 'zscore': {
        // Rescaled from the rounded mean z, so entries tied on it show the same score.
        const zbar = sortedMean(zs);
        zMean = zbar === null || z?.pooledMean == null || z.pooledSd == null ? null : round6(zbar);
        result.zscore = zMean === null ? null : round6((z?.pooledMean as number) + (z?.pooledSd as number) * zMean);
        break;
      }
      case 'borda': {
        const b = sortedMean(points);
        result.borda = b === null ? null : round6(b);
        break;
      }
    }
  }
  const dimensionMeans: Record<string, number> = {};
  if (n > 0) {
    const column = new Float64Array(n);
    for (let d = 0; d < D; d++) {
      for (let i = from; i < to; i++) column[i - from] = values[countedSlot[i] * D + d];
      dimensionMeans[rubric[d].key] = round6(sortedMean(column) as number);
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
    sd: n >= 2 ? round6(fromMicro(Math.sqrt(sortedSum(Array.from(sorted, (t) => (t - sum / n) ** 2)) / (n - 1)))) : null,
    range: n >= 1 ? round6(fromMicro(sorted[n - 1] - sorted[0])) : null,
  };
}
