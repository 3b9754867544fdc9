// Agreement statistics, pure. Definitions:
// - Kendall's tau-b between two score vectors, ties handled:
//   τ_b = (n0 − n1 − n2 + n3 − 2·D) / √((n0 − n1)(n0 − n2)), n0 = n(n−1)/2, n1 / n2 = pairs tied in
//   x / y, n3 = pairs tied in both, D = discordant pairs, counted as the inversions of y after
//   sorting by (x, y) (Knight 1966, O(n log n), so 20,000-entry categories stay fast). Null when
//   either vector is constant or fewer than two entries.
// - Kendall's W with the tie correction, for m judges who all scored the same n entries:
//   W = 12·S / (m²(n³ − n) − m·Σ_j Σ_g (t³ − t)), S = Σ_i (R_i − m(n+1)/2)², R_i = sum of the mid-ranks
//   entry i got. Mid-ranks are multiples of ½, so S is exact. Null when undefined.
// - ICC(1) (Shrout & Fleiss 1979; one-way random effects, single rater) for unbalanced designs:
//   every entry is scored by its own set of k_i judges, which is how assignments work here, so
//   judges are nested in entries and only the one-way model applies. With n entries, N = Σk_i,
//   MSB = SSB/(n − 1), MSW = SSW/(N − n), k0 = (N − Σk_i²/N)/(n − 1):
//   ICC(1) = (MSB − MSW)/(MSB + (k0 − 1)·MSW), and ICC(1,k) = (MSB − MSW)/MSB, the reliability of an
//   entry's mean of its judges. Both can be negative (judges agree less than chance).
// - Judge bias: the mean over the judge's entries (with at least one other counted judge) of
//   total − mean of the OTHER judges' totals. Leave-one-out, because the judge's own total pulls a
//   plain entry mean towards itself and shrinks the deviation by (k − 1)/k, differently for entries
//   with 3 and with 5 judges. Flagged 'high'/'low' when |bias| ≥ threshold over ≥ minEntries entries.
import { distinctInPlace, fromMicro, midRanks, placeOf, round6, sortedMean, tieCubes, toFloat64, toMicro } from './numbers';

export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n !== y.length) throw new Error('ranking: tau-b needs two vectors of the same length');
  if (n < 2) return null;
  const [rx] = denseRanks(x);
  const [ry, uy] = denseRanks(y);
  return kendallTauBOfRanks(rx, ry, uy);
}

/**
 * Tau-b from dense ranks (integers, equal values sharing one; ry below uy). Tau-b depends only on
 * the order and the ties of each vector, so ranks taken over a larger set (stability.ts ranks each
 * method's keys once per category, not once per method pair) give the same counts and the same bits.
 */
export function kendallTauBOfRanks(rx: ArrayLike<number>, ry: ArrayLike<number>, uy: number): number | null {
  const n = rx.length;
  if (n !== ry.length) throw new Error('ranking: tau-b needs two vectors of the same length');
  if (n < 2) return null;
  // Dense ranks make each (x, y) pair one integer key rx·uy + ry, so a native typed-array sort
  // orders the pairs by (x, y) — no comparator, which matters at 20,000+ entries × 10 pairs.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = rx[i] * uy + ry[i];
  keys.sort();
  let n1 = 0;
  let n3 = 0;
  const ys = new Float64Array(n);
  const yCount = new Float64Array(uy);
  for (let i = 0, runX = 0, runXY = 0; i < n; i++) {
    const xi = Math.floor(keys[i] / uy);
    ys[i] = keys[i] - xi * uy;
    yCount[ys[i]]++;
    const sameX = i > 0 && xi === Math.floor(keys[i - 1] / uy);
    runX = sameX ? runX + 1 : 0;
    runXY = i > 0 && keys[i] === keys[i - 1] ? runXY + 1 : 0;
    n1 += runX;
    n3 += runXY;
  }
  let n2 = 0;
  for (let v = 0; v < uy; v++) n2 += (yCount[v] * (yCount[v] - 1)) / 2;
  const discordant = countInversions(ys);
  const n0 = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((n0 - n1) * (n0 - n2));
  if (denominator === 0) return null;
  return (n0 - n1 - n2 + n3 - 2 * discordant) / denominator;
}

/** Ranks 0 … u − 1 of the distinct values (equal values share one), and u. */
function denseRanks(values: ArrayLike<number>): [Float64Array, number] {
  const sorted = toFloat64(values).sort();
  // The distinct values in order; a value's rank is its position there, found by binary search
  // (a Map keyed by doubles cost more than the sort at 20,000+ entries × 10 method pairs).
  const u = distinctInPlace(sorted);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = placeOf(sorted, u, values[i]);
  return [out, u];
}

/** Sorts `a` ascending in place and returns the number of pairs i < j with a[i] > a[j]. */
function countInversions(a: Float64Array<ArrayBuffer>): number {
  const n = a.length;
  let from: Float64Array<ArrayBuffer> = a;
  let to = new Float64Array(n);
  let inversions = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (from[j] < from[i]) {
          inversions += mid - i;
          to[k++] = from[j++];
        } else to[k++] = from[i++];
      }
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    [from, to] = [to, from];
  }
  if (from !== a) a.set(from);
  return inversions;
}

/** ratings[j][i]: judge j's total for entry i (every judge scored every entry). */
export function kendallW(ratings: readonly ArrayLike<number>[]): number | null {
  const m = ratings.length;
  const n = m > 0 ? ratings[0].length : 0;
  if (m < 2 || n < 2) return null;
  const sums = new Float64Array(n);
  let ties = 0;
  for (const row of ratings) {
    if (row.length !== n) throw new Error('ranking: Kendall W needs every judge to rate every entry');
    const ranks = midRanks(row);
    for (let i = 0; i < n; i++) sums[i] += ranks[i];
    ties += tieCubes(row);
  }
  const expected = (m * (n + 1)) / 2;
  let s = 0;
  for (let i = 0; i < n; i++) s += (sums[i] - expected) ** 2;
  const denominator = m * m * (n * n * n - n) - m * ties;
  return denominator > 0 ? (12 * s) / denominator : null;
}

export interface Icc1 {
  icc1: number;
  /** Reliability of the mean of k0 judges; null when MSB is 0. */
  icc1k: number | null;
  /** The "average" number of judges per entry of the unbalanced formula. */
  k0: number;
  entries: number;
  ratings: number;
}

/** groups[i]: the totals entry i got, in canonical entry order (any unit; the ICC is unit-free). */
export function icc1(groups: readonly ArrayLike<number>[]): Icc1 | null {
  const sums = new IccSums();
  for (const g of groups) {
    if (g.length === 0) continue;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < g.length; i++) {
      sum += g[i];
      squares += g[i] * g[i];
    }
    sums.add(g.length, sum, squares);
  }
  return sums.icc1();
}

/**
 * The sums ICC(1) is made of, entry by entry (in canonical entry order): `add` takes an entry's
 * number of totals, their sum and their sum of squares (each summed in the entry's order), so a
 * caller holding the totals elsewhere (stability.ts) needs no array per entry.
 */
export class IccSums {
  private n = 0;
  private N = 0;
  private grand = 0;
  private kSquares = 0;
  private between = 0;
  private within = 0;

  add(k: number, sum: number, squares: number): void {
    this.n++;
    this.N += k;
    this.grand += sum;
    this.kSquares += k * k;
    this.between += (sum * sum) / k;
    this.within += (k * squares - sum * sum) / k;
  }

  icc1(): Icc1 | null {
    const { n, N, grand, kSquares, between, within } = this;
    if (n < 2 || N - n < 1) return null;
    const ssb = between - (grand * grand) / N;
    const msb = ssb / (n - 1);
    const msw = within / (N - n);
    const k0 = (N - kSquares / N) / (n - 1);
    const denominator = msb + (k0 - 1) * msw;
    if (denominator <= 0) return null;
    return { icc1: round6((msb - msw) / denominator), icc1k: msb > 0 ? round6((msb - msw) / msb) : null, k0: round6(k0), entries: n, ratings: N };
  }
}

export interface JudgeBias {
  judgeId: string;
  /** Entries compared (those with at least one other counted judge). */
  entries: number;
  /** Mean of (own total − mean of the other judges' totals), rubric scale. */
  bias: number | null;
  /** Population sd of those deviations. */
  sd: number | null;
  flag: 'high' | 'low' | null;
}

export function judgeBias(
  entries: readonly { totals: readonly { judgeId: string; total: number }[] }[],
  options: { threshold: number; minEntries: number },
): JudgeBias[] {
  return judgeBiasWithTotals(entries, options).bias;
}

/**
 * judgeBias, and each judge's totals in entry order (stability.ts judgeProfiles needs both): one
 * Map lookup per total (a quarter of a million at 50,000 entries), not three in two Maps.
 */
export function judgeBiasWithTotals(
  entries: readonly { totals: readonly { judgeId: string; total: number }[] }[],
  options: { threshold: number; minEntries: number },
): { bias: JudgeBias[]; totals: Map<string, number[]> } {
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const deviations: number[][] = [];
  const totals: number[][] = [];
  for (const e of entries) {
    const k = e.totals.length;
    // Micro-points keep the sum exact; one division per deviation.
    let sum = 0;
    for (let i = 0; i < k; i++) sum += toMicro(e.totals[i].total);
    for (let i = 0; i < k; i++) {
      const t = e.totals[i];
      let j = indexOf.get(t.judgeId);
      if (j === undefined) {
        indexOf.set(t.judgeId, (j = ids.push(t.judgeId) - 1));
        deviations.push([]);
        totals.push([]);
      }
      totals[j].push(t.total);
      if (k < 2) continue;
      const own = toMicro(t.total);
      deviations[j].push(fromMicro(own - (sum - own) / (k - 1)));
    }
  }
  const bias = [...ids].sort().map((judgeId) => {
    const d = deviations[indexOf.get(judgeId) as number];
    const mean = sortedMean(d);
    const sd = mean === null ? null : Math.sqrt(sortedMean(d.map((v) => (v - mean) ** 2)) as number);
    const flag = mean !== null && d.length >= options.minEntries && Math.abs(round6(mean)) >= options.threshold ? (mean > 0 ? 'high' : 'low') : null;
    return { judgeId, entries: d.length, bias: mean === null ? null : round6(mean), sd: sd === null ? null : round6(sd), flag } satisfies JudgeBias;
  });
  return { bias, totals: new Map(ids.map((id, j) => [id, totals[j]])) };
}
