// The order of a category's candidates by the tie-break rules alone (rank.ts tieBreakOrder), without
// a comparator. Sorting candidate objects with a comparator that walks the rules and reads each
// entry's dimension means by key was a tenth of the ranking at 50,000 entries (issue 18 aim 4).
// Here each rule becomes a dense rank per candidate (equal values share one; a missing value ranks
// after every present one), and the rules are folded from the last to the first, as a radix sort
// does: a stable counting sort by the next rule's rank of the order so far gives the order by (that
// rule, the rules after it). The fold starts from the input order, so candidates equal on every
// rule keep their input order, as the stable comparator sort did. Equality is that of the
// comparator: === (so 0 and −0 are equal).
import type { EntryAggregate } from './aggregate';
import type { TieBreak } from './config';
import { distinctInPlace, placeOf } from './numbers';

/** What the tie-break rules read of a candidate (rank.ts RankCandidate). */
export interface TieCandidate {
  regNo: string;
  aggregate: EntryAggregate | null;
  submittedAt: string | null;
  submittedMs?: number | null;
}

/**
 * Each candidate's place in the order of `tieBreaks`, then the registration number (code units),
 * then the input order; null when a value is NaN (an unparsable submission time) or not a number:
 * the comparator then decides, as it always did.
 */
export function tieRanksByRules(candidates: readonly TieCandidate[], tieBreaks: readonly TieBreak[]): Int32Array | null {
  const n = candidates.length;
  const means = dimensionColumns(candidates, tieBreaks);
  if (means === null) return null;
  // place[i]: candidate i's place in the order by the rules folded so far (none yet: input order).
  let place: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) place[i] = i;
  place = fold(place, regNoRank(candidates));
  for (let r = tieBreaks.length - 1; r >= 0; r--) {
    const rule = tieBreaks[r];
    const ranks = rule.by === 'dimension' ? denseRanks(means.get(rule.key) as Float64Array) : ruleRanks(candidates, rule);
    if (ranks === null) return null;
    // A rule every candidate is equal on (another list's dimension: absent from all) orders nothing.
    if (ranks.buckets > 1) place = fold(place, ranks);
  }
  return place;
}

/** Dense ranks 0 … buckets − 1 per candidate (equal values share one). */
interface Ranks {
  rank: Int32Array;
  buckets: number;
}

/**
 * The dimension means the rules read, one column per key (negated: higher first; NaN where an
 * entry has none), from one walk over each entry's own means. Reading every rule's key from every
 * entry — the default rules name every dimension of every list, most of them absent from a given
 * entry — was about half of this order's time. Null (the comparator decides) for a key that names an
 * inherited property ("constructor"), which the comparator would read from the prototype.
 */
function dimensionColumns(candidates: readonly TieCandidate[], tieBreaks: readonly TieBreak[]): Map<string, Float64Array> | null {
  const columns = new Map<string, Float64Array>();
  for (const rule of tieBreaks) {
    if (rule.by !== 'dimension' || columns.has(rule.key)) continue;
    if (rule.key in Object.prototype) return null;
    columns.set(rule.key, new Float64Array(candidates.length).fill(Number.NaN));
  }
  if (columns.size === 0) return columns;
  for (let i = 0; i < candidates.length; i++) {
    const means = candidates[i].aggregate?.dimensionMeans;
    if (!means) continue;
    for (const key in means) {
      const column = columns.get(key);
      if (column === undefined || !Object.hasOwn(means, key)) continue;
      const v = means[key];
      if (typeof v !== 'number' || Number.isNaN(v)) return null;
      // + 0 turns −0 into 0 (the comparator sees them equal).
      column[i] = -v + 0;
    }
  }
  return columns;
}

/**
 * The places by (rank, place so far): a stable counting sort by rank of the candidates taken in
 * their order so far (one pass, no comparison sort: the ranks are small dense integers).
 */
function fold(place: Int32Array, { rank, buckets }: Ranks): Int32Array {
  const n = place.length;
  const candidateAt = new Int32Array(n);
  for (let i = 0; i < n; i++) candidateAt[place[i]] = i;
  const next = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) next[rank[i] + 1]++;
  for (let b = 0; b < buckets; b++) next[b + 1] += next[b];
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = candidateAt[k];
    out[i] = next[rank[i]]++;
  }
  return out;
}

/**
 * Dense ranks of one rule: higher dimension means and method scores first, earlier submissions
 * first, a missing value last. Null when a value is NaN.
 */
function ruleRanks(candidates: readonly TieCandidate[], rule: TieBreak): Ranks | null {
  const n = candidates.length;
  // Ascending sort values (negated where higher goes first); NaN marks a missing value here.
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = candidates[i];
    let v: number | null | undefined;
    switch (rule.by) {
      case 'dimension':
        v = c.aggregate?.dimensionMeans[rule.key];
        break;
      case 'method':
        v = c.aggregate?.scores[rule.method];
        break;
      case 'submittedAt':
        v = c.submittedMs !== undefined ? c.submittedMs : c.submittedAt === null ? null : Date.parse(c.submittedAt);
        break;
    }
    if (v === undefined || v === null) values[i] = Number.NaN;
    // Not a number the comparator orders consistently: it decides.
    else if (typeof v !== 'number' || Number.isNaN(v)) return null;
    // + 0 turns −0 into 0 (the comparator sees them equal; the native sort would not).
    else values[i] = (rule.by === 'submittedAt' ? v : -v) + 0;
  }
  return denseRanks(values);
}

/** Dense ranks of the values ascending (0 and −0 alike), NaN after all of them. */
function denseRanks(values: Float64Array): Ranks {
  const n = values.length;
  const distinct = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) distinct[m++] = values[i];
  const present = distinct.subarray(0, m).sort();
  const u = distinctInPlace(present);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Number.isNaN(values[i]) ? u : placeOf(present, u, values[i]);
  return { rank: out, buckets: m < n ? u + 1 : u };
}

/** Dense ranks of the registration numbers in code-unit order (the default string sort's order). */
function regNoRank(candidates: readonly TieCandidate[]): Ranks {
  const sorted = candidates.map((c) => c.regNo).sort();
  const rankOf = new Map<string, number>();
  for (const regNo of sorted) if (!rankOf.has(regNo)) rankOf.set(regNo, rankOf.size);
  const out = new Int32Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) out[i] = rankOf.get(candidates[i].regNo) as number;
  return { rank: out, buckets: rankOf.size };
}
