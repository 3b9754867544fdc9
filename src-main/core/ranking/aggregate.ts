// Per-entry aggregation of the judges' scores, pure. Policy (issue 6):
// - A judge's total for an entry is the rubric's weighted mean Σ(w·score)/Σw (review/scoring.ts),
//   kept to 6 decimals (numbers.ts says why not the 2 the review screen shows). It exists only
//   when every rubric dimension is scored; otherwise the review is incomplete: left out of every
//   method and counted. A review of a pair with a declared conflict is left out whatever was
//   scored. Rows of a dimension the rubric does not have are ignored and counted. The review's
//   'complete' mark is not required: every scored dimension was saved by the judge.
// - Across the counted judges of an entry: `mean`; `trimmed` (drop one highest and one lowest total
//   when at least trimMinJudges judged, else the plain mean, reported as 'plain_mean'); `median`
//   (mean of the two middle totals for an even count); `zscore` and `borda` as per-judge.ts
//   defines them, over each judge's whole queue in the input (the campaign, not one category).
// - Disagreement per entry: the sample sd of the totals (n − 1; null below two judges) and the
//   range (max − min). Dimension means (for tie-breaks) are over the counted judges.
// - Reproducible: entries come out in id order, judges in id order (code units); totals are summed
//   as exact integer micro-points and other sums in sorted order (numbers.ts), every published
//   number is rounded to 6 decimals. Shuffling rows or renaming judges changes no byte.
import type { EntryBlend } from './blend';
import type { RubricDimension } from '../../contract';
import type { EntryCarry } from './carry-over';
import type { RankingMethod } from './config';
import { entryResult } from './entry-result';
import { fromMicro, round6, toMicro } from './numbers';
import { bordaPoints, type CountedReviews, groupByJudge, judgeMoments, zScores } from './per-judge';
import type { ScoreColumns } from './score-columns';
import { type ScoreGrid, scoreGrid } from './score-grid';

export interface ScoreRow {
  entryId: number;
  judgeId: string;
  dimension: string;
  value: number;
}

export interface ReviewPair {
  entryId: number;
  judgeId: string;
}

export interface AggregateOptions {
  methods: readonly RankingMethod[];
  trimMinJudges: number;
  zscoreFallback: 'exclude' | 'raw';
}

export const defaultAggregateOptions: AggregateOptions = {
  methods: ['mean', 'trimmed', 'median', 'zscore', 'borda'],
  trimMinJudges: 5,
  zscoreFallback: 'exclude',
};

export interface AggregateInput {
  rubric: readonly RubricDimension[];
  /** The rows, as objects or as columns (score-columns.ts: what load-scores reads). */
  scores: readonly ScoreRow[] | ScoreColumns;
  conflicts?: readonly ReviewPair[];
  /** Entries to report even without any score (they come out with judges = 0 and null scores). */
  entryIds?: readonly number[];
}

export interface JudgeTotal {
  judgeId: string;
  /** Weighted total on the rubric scale, 6 decimals. */
  total: number;
  /** This total's z among the judge's own totals; null when it does not count for the z-score. */
  z: number | null;
  /** Borda points in [0, 1]; null when the judge scored no other entry. */
  borda: number | null;
}

export interface ExcludedJudge {
  judgeId: string;
  reason: 'conflict' | 'incomplete';
  /** Unscored rubric dimensions of an incomplete review, in rubric order. */
  missing: string[];
}

export interface EntryAggregate {
  entryId: number;
  /** Judges counted: complete reviews without a conflict. */
  judges: number;
  totals: JudgeTotal[];
  excluded: ExcludedJudge[];
  /** Score per requested method; null when no judge counts for it. */
  scores: Partial<Record<RankingMethod, number | null>>;
  /** The mean z the z-score ranks by (rescaling is the same increasing map for every entry). */
  zMean: number | null;
  /** Whether the trimmed mean dropped the extremes; null when the method was not requested. */
  trimmed: 'applied' | 'plain_mean' | null;
  dimensionMeans: Record<string, number>;
  sd: number | null;
  range: number | null;
  /** Set by carry-over.ts when the entry's round carries over part of the previous one (scores above are blended then). */
  carry?: EntryCarry;
  /** Set by blend.ts when the entry's list blends a reach figure into its score (scores above are blended then). */
  blend?: EntryBlend;
}

export interface JudgeStats {
  judgeId: string;
  counted: number;
  mean: number | null;
  /** Population sd of the judge's totals. */
  sd: number | null;
  /** Whether the judge's totals could be turned into z-scores. */
  normalised: boolean;
}

export interface AggregateResult {
  options: AggregateOptions;
  entries: EntryAggregate[];
  judges: JudgeStats[];
  /** Null when zscore was not requested; pooled values null without a normalisable judge. */
  zscore: { pooledMean: number | null; pooledSd: number | null; normalisedJudges: number; fallbackJudges: string[] } | null;
  counts: { rows: number; pairs: number; counted: number; incomplete: number; conflicted: number; unknownDimensionRows: number };
}

export function aggregate(input: AggregateInput, opts: Partial<AggregateOptions> = {}): AggregateResult {
  const options: AggregateOptions = { ...defaultAggregateOptions, ...opts };
  if (options.trimMinJudges < 3) throw new Error('ranking: trimMinJudges must be at least 3');
  const wants = new Set(options.methods);
  const { rubric } = input;
  if (rubric.length === 0) throw new Error('ranking: the rubric has no dimension');
  // Passes 1 and 2: the rows as one grid of (entry, judge) slots in canonical order.
  const grid = scoreGrid(input, rubric);
  const { judgeSorted, entrySorted, keys, values } = grid;
  const E = entrySorted.length;

  // Pass 3: totals per slot; counted reviews in canonical (entry, judge) order.
  const { counted, countedSlot, entryStart, excluded, incomplete } = countReviews(grid, rubric);

  // Per-judge methods.
  const groups = groupByJudge(counted);
  const moments = judgeMoments(counted, groups);
  const z = wants.has('zscore') ? zScores(counted, groups, moments, options.zscoreFallback) : null;
  const borda = wants.has('borda') ? bordaPoints(counted, groups) : null;

  const perEntry = { options, rubric, counted, countedSlot, values, judgeSorted, z, borda };
  const entries: EntryAggregate[] = new Array(E);
  for (let e = 0; e < E; e++) entries[e] = entryResult(perEntry, entrySorted[e], excluded[e], entryStart[e], entryStart[e + 1]);

  const judges: JudgeStats[] = judgeSorted.map((judgeId, j) => {
    const n = moments.n[j];
    return {
      judgeId,
      counted: n,
      mean: n > 0 ? round6(fromMicro(moments.s1[j] / n)) : null,
      sd: n > 0 ? round6(fromMicro(Math.sqrt(moments.r[j]) / n)) : null,
      normalised: z ? z.normalised[j] === 1 : false,
    };
  });
  const normalisedJudges = judges.filter((j) => j.normalised).length;
  return {
    options,
    entries,
    judges,
    zscore: z
      ? {
          pooledMean: z.pooledMean === null ? null : round6(z.pooledMean),
          pooledSd: z.pooledSd === null ? null : round6(z.pooledSd),
          normalisedJudges,
          fallbackJudges: judges.filter((j) => j.counted > 0 && !j.normalised).map((j) => j.judgeId),
        }
      : null,
    counts: { rows: grid.rows, pairs: keys.length, counted: counted.length, incomplete, conflicted: grid.conflictedCount, unknownDimensionRows: grid.unknownDimensionRows },
  };
}

/**
 * Pass 3: each (entry, judge) slot's weighted total, or why it is left out (a declared conflict,
 * or unscored dimensions). Counted reviews come out in canonical (entry, judge) order, totals in
 * exact integer micro-points; entryStart[e] is where entry e's counted reviews begin.
 */
function countReviews(grid: ScoreGrid, rubric: readonly RubricDimension[]) {
  const { judgeSorted, entrySorted, keys, entrySlots, values, conflicted } = grid;
  const D = rubric.length;
  const J = judgeSorted.length;
  const E = entrySorted.length;
  const weightSum = rubric.reduce((s, d) => s + d.weight, 0);
  const counted: CountedReviews = { judge: new Int32Array(keys.length), total: new Float64Array(keys.length), length: 0, judges: J };
  const countedSlot = new Int32Array(keys.length);
  const entryStart = new Int32Array(E + 1);
  const excluded: ExcludedJudge[][] = new Array(E);
  let incomplete = 0;
  for (let e = 0; e < E; e++) {
    entryStart[e] = counted.length;
    const out: ExcludedJudge[] = (excluded[e] = []);
    for (let slot = entrySlots[e]; slot < entrySlots[e + 1]; slot++) {
      const j = keys[slot] - e * J;
      if (conflicted[slot]) {
        out.push({ judgeId: judgeSorted[j], reason: 'conflict', missing: [] });
        continue;
      }
      let weighted = 0;
      let complete = true;
      for (let d = 0; d < D; d++) {
        const v = values[slot * D + d];
        if (Number.isNaN(v)) complete = false;
        else weighted += rubric[d].weight * v;
      }
      if (!complete) {
        incomplete++;
        const missing: string[] = [];
        for (let d = 0; d < D; d++) if (Number.isNaN(values[slot * D + d])) missing.push(rubric[d].key);
        out.push({ judgeId: judgeSorted[j], reason: 'incomplete', missing });
        continue;
      }
      const i = counted.length++;
      counted.judge[i] = j;
      counted.total[i] = toMicro(weighted / weightSum);
      countedSlot[i] = slot;
    }
  }
  entryStart[E] = counted.length;
  return { counted, countedSlot, entryStart, excluded, incomplete };
}
