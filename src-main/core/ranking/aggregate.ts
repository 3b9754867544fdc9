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
import type { RubricDimension } from '../../contract';
import type { RankingMethod } from './config';
import { compareCodeUnits, fromMicro, medianOfSorted, round6, sortedMean, sortedSum, toMicro } from './numbers';
import { bordaPoints, type CountedReviews, groupByJudge, judgeMoments, zScores } from './per-judge';

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
  scores: readonly ScoreRow[];
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
  const { rubric, scores } = input;
  if (rubric.length === 0) throw new Error('ranking: the rubric has no dimension');
  const D = rubric.length;
  const dimIndex = new Map(rubric.map((d, i) => [d.key, i]));
  const weightSum = rubric.reduce((s, d) => s + d.weight, 0);

  // Pass 1: intern entries and judges (provisional indices), check values.
  const judgeProv = new Map<string, number>();
  const judgeNames: string[] = [];
  const entryProv = new Map<number, number>();
  const entryIds: number[] = [];
  const internJudge = (id: string) => {
    let j = judgeProv.get(id);
    if (j === undefined) judgeProv.set(id, (j = judgeNames.push(id) - 1));
    return j;
  };
  const internEntry = (id: number) => {
    let e = entryProv.get(id);
    if (e === undefined) {
      if (!Number.isSafeInteger(id)) throw new Error(`ranking: entry id ${id} is not an integer`);
      entryProv.set(id, (e = entryIds.push(id) - 1));
    }
    return e;
  };
  const R = scores.length;
  const rowE = new Int32Array(R);
  const rowJ = new Int32Array(R);
  const rowD = new Int32Array(R);
  let unknownDimensionRows = 0;
  for (let i = 0; i < R; i++) {
    const row = scores[i];
    rowE[i] = internEntry(row.entryId);
    const d = dimIndex.get(row.dimension);
    if (d === undefined) {
      rowD[i] = -1;
      unknownDimensionRows++;
      continue;
    }
    if (!Number.isFinite(row.value)) throw new Error(`ranking: score of #${row.entryId} by ${row.judgeId} on ${row.dimension} is not a number`);
    rowJ[i] = internJudge(row.judgeId);
    rowD[i] = d;
  }
  const conflicts = input.conflicts ?? [];
  const conflictE = conflicts.map((c) => internEntry(c.entryId));
  const conflictJ = conflicts.map((c) => internJudge(c.judgeId));
  for (const id of input.entryIds ?? []) internEntry(id);

  // Canonical order: judges by id (code units), entries by id.
  const J = judgeNames.length;
  const E = entryIds.length;
  const judgeCanon = canonicalIndex(judgeNames, compareCodeUnits);
  const entryCanon = canonicalIndex(entryIds, (a, b) => a - b);
  const judgeSorted = sortedBy(judgeNames, judgeCanon);
  const entrySorted = sortedBy(entryIds, entryCanon);

  // Pass 2: one slot per (entry, judge), keyed entry-major so sorted keys are the canonical order.
  const slotOf = new Map<number, number>();
  const values = new Float64Array((R + conflicts.length) * D).fill(Number.NaN);
  const slotKey = (e: number, j: number) => entryCanon[e] * J + judgeCanon[j];
  const slotFor = (key: number) => {
    let s = slotOf.get(key);
    if (s === undefined) slotOf.set(key, (s = slotOf.size));
    return s;
  };
  for (let i = 0; i < R; i++) {
    if (rowD[i] < 0) continue;
    const at = slotFor(slotKey(rowE[i], rowJ[i])) * D + rowD[i];
    if (!Number.isNaN(values[at])) {
      const row = scores[i];
      throw new Error(`ranking: two scores of #${row.entryId} by ${row.judgeId} on ${row.dimension}`);
    }
    values[at] = scores[i].value;
  }
  const conflicted = new Set<number>();
  for (let i = 0; i < conflicts.length; i++) {
    const key = slotKey(conflictE[i], conflictJ[i]);
    slotFor(key);
    conflicted.add(key);
  }
  const keys = new Float64Array(slotOf.size);
  let filled = 0;
  for (const key of slotOf.keys()) keys[filled++] = key;
  keys.sort();

  // Pass 3: totals per slot; counted reviews in canonical (entry, judge) order.
  const counted: CountedReviews = { judge: new Int32Array(keys.length), total: new Float64Array(keys.length), length: 0, judges: J };
  const countedSlot = new Int32Array(keys.length);
  const entryStart = new Int32Array(E + 1);
  const excluded: ExcludedJudge[][] = Array.from({ length: E }, () => []);
  let incomplete = 0;
  let k = 0;
  for (let e = 0; e < E; e++) {
    entryStart[e] = counted.length;
    for (; k < keys.length && Math.floor(keys[k] / J) === e; k++) {
      const key = keys[k];
      const j = key - e * J;
      const slot = slotOf.get(key) as number;
      if (conflicted.has(key)) {
        excluded[e].push({ judgeId: judgeSorted[j], reason: 'conflict', missing: [] });
        continue;
      }
      let weighted = 0;
      const missing: string[] = [];
      for (let d = 0; d < D; d++) {
        const v = values[slot * D + d];
        if (Number.isNaN(v)) missing.push(rubric[d].key);
        else weighted += rubric[d].weight * v;
      }
      if (missing.length > 0) {
        incomplete++;
        excluded[e].push({ judgeId: judgeSorted[j], reason: 'incomplete', missing });
        continue;
      }
      const i = counted.length++;
      counted.judge[i] = j;
      counted.total[i] = toMicro(weighted / weightSum);
      countedSlot[i] = slot;
    }
  }
  entryStart[E] = counted.length;

  // Per-judge methods.
  const groups = groupByJudge(counted);
  const moments = judgeMoments(counted, groups);
  const z = wants.has('zscore') ? zScores(counted, groups, moments, options.zscoreFallback) : null;
  const borda = wants.has('borda') ? bordaPoints(counted, groups) : null;

  const entries: EntryAggregate[] = new Array(E);
  for (let e = 0; e < E; e++) {
    entries[e] = entryResult(e, entryStart[e], entryStart[e + 1]);
  }

  function entryResult(e: number, from: number, to: number): EntryAggregate {
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
      entryId: entrySorted[e],
      judges: n,
      totals,
      excluded: excluded[e],
      scores: result,
      zMean,
      trimmed,
      dimensionMeans,
      // Two passes over the sorted totals: exactly 0 when all are equal.
      sd: n >= 2 ? round6(fromMicro(Math.sqrt(sortedSum(Array.from(sorted, (t) => (t - sum / n) ** 2)) / (n - 1)))) : null,
      range: n >= 1 ? round6(fromMicro(sorted[n - 1] - sorted[0])) : null,
    };
  }

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
    counts: { rows: R, pairs: keys.length, counted: counted.length, incomplete, conflicted: conflicted.size, unknownDimensionRows },
  };
}

/** canon[i] = position of items[i] in the sorted order. */
function canonicalIndex<T>(items: readonly T[], compare: (a: T, b: T) => number): Int32Array {
  const order = items.map((_, i) => i).sort((a, b) => compare(items[a], items[b]));
  const canon = new Int32Array(items.length);
  order.forEach((prov, position) => (canon[prov] = position));
  return canon;
}

function sortedBy<T>(items: readonly T[], canon: Int32Array): T[] {
  const out: T[] = new Array(items.length);
  items.forEach((item, i) => (out[canon[i]] = item));
  return out;
}
