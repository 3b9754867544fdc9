// Numeric helpers for the ranking modules. Policy (reproducibility, issue 6 "bit for bit"):
// - A judge's total is kept as an integer number of micro-points (the weighted total rounded to
//   6 decimals, `toMicro`); sums of those integers are exact, so their order cannot matter. Not the
//   2-decimal total the review screen shows: equal totals reached through different dimension
//   scores carry different floating-point noise, and where the exact total ends in 5 at the third
//   decimal (8.125) rounding to 2 decimals would split them; 6 decimals sit far from such edges for
//   any rubric with grid steps and weights of a few decimals.
// - Every other floating-point sum runs over its terms sorted ascending (`sortedSum`), so the order
//   rows arrive in, or the names judges have, cannot change a single bit of the result.
// - Every published number is rounded to PRECISION = 6 decimals (`round6`); -0 is written as 0.

export const PRECISION = 6;
const SCALE = 10 ** PRECISION;

/** A total in integer micro-points. */
export function toMicro(x: number): number {
  return Math.round(x * SCALE);
}

export function fromMicro(t: number): number {
  return t / SCALE;
}

export function round6(x: number): number {
  const r = Math.round(x * SCALE) / SCALE;
  return r === 0 ? 0 : r;
}

/** A Float64Array copy by a plain loop (Float64Array.from goes through the iterator protocol, several times slower). */
export function toFloat64(values: ArrayLike<number>, map?: (v: number) => number): Float64Array {
  const out = new Float64Array(values.length);
  if (map) for (let i = 0; i < values.length; i++) out[i] = map(values[i]);
  else for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}

/** Σ values in ascending order (a copy is sorted; the input is left alone). */
export function sortedSum(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const sorted = toFloat64(values).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  return sum;
}

/** Arithmetic mean with a canonical summation order; null for no values. */
export function sortedMean(values: ArrayLike<number>): number | null {
  return values.length === 0 ? null : sortedSum(values) / values.length;
}

/** Median of values already sorted ascending; null for none. */
export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Quantile by linear interpolation between order statistics (type 7, the spreadsheet default). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Mid-ranks (1 = lowest value), ties sharing the average of the ranks they occupy. Returned in the
 * input's order. The ranks are multiples of 0.5, so sums of them are exact.
 */
export function midRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Σ (t³ − t) over groups of equal values: the tie correction of Kendall's W. */
export function tieCubes(values: ArrayLike<number>): number {
  const sorted = toFloat64(values).sort();
  let total = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[i]) j++;
    const t = j - i + 1;
    total += t * t * t - t;
    i = j + 1;
  }
  return total;
}

/** Code-unit string order: the same on every machine and locale (registration numbers, ids). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A number as people read it: up to 6 decimals, no trailing zeros ("8.25", "7"). */
export function formatScore(x: number): string {
  return String(round6(x));
}

/**
 * Sorted doubles made distinct in place (the first u places); returns u. With `placeOf`, a value's
 * dense rank is its position there (a Map keyed by doubles cost more than the sort at 20,000+).
 */
export function distinctInPlace(sorted: Float64Array): number {
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[u++] = sorted[i];
  return u;
}

/** The position of `v` among the first u (distinct, ascending) values of `distinct`: binary search. */
export function placeOf(distinct: Float64Array, u: number, v: number): number {
  let lo = 0;
  let hi = u - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (distinct[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
